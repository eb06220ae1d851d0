"""The k^m machinery on small hand-made cases: holding back, households held whole, the typed
release state, the opening period's months."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from samjournal.evaluation.attacker import count_items, months, period_bounds, period_label
from samjournal.evaluation.km import Candidate, Support, Unit, protect
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Sent, unpack

K, M = 5, 2


def _alike(name: str, extra: tuple[str, ...] = ()) -> Candidate:
    """A household sent before, with two common events and the common field combination."""
    fixed = {"v|a", "p|health|1000|2026-03", "m|office|2026-04", *extra}
    return Candidate(name, set(fixed), set(fixed), {}, [], new=False)


def test_a_new_row_with_a_rare_item_waits_and_the_household_stays() -> None:
    crowd = [_alike(f"h{i}") for i in range(5)]
    lone = _alike("lonely")
    rare = Unit(
        RecordKey("payments", 9),
        "payments",
        ("p|transport|9000|2026-05",),
        ("p|transport|9000|2026-05",),
        new_row=True,
    )
    common = Unit(
        RecordKey("meetings", 8),
        "meetings",
        ("m|office|2026-04",),
        ("m|office|2026-04",),
        new_row=True,
    )
    lone.units = [rare, common]
    outcome = protect([*crowd, lone], {}, K, M)
    assert outcome.held_rows == {RecordKey("payments", 9)}
    assert outcome.held_households == frozenset()
    assert "p|transport|9000|2026-05" not in outcome.footprints["lonely"]
    assert outcome.residual == ()


def test_a_pair_no_one_else_has_is_broken_at_its_rarer_item() -> None:
    crowd = [_alike(f"h{i}", ("n|housing|2026-01",)) for i in range(3)]
    crowd += [_alike(f"g{i}", ("c|2026-02",)) for i in range(3)]
    lone = _alike("both")
    lone.units = [
        Unit(RecordKey("needs", 1), "needs", ("n|housing|2026-01",), ("n|housing|2026-01",), True),
        Unit(RecordKey("checkins", 2), "checkins", ("c|2026-02",), ("c|2026-02",), True),
    ]
    outcome = protect([*crowd, lone], {}, K, M)
    # Each item alone has 4 households (under k): both go; a pair of them would be 1.
    assert outcome.held_rows == {RecordKey("needs", 1), RecordKey("checkins", 2)}


def test_a_new_household_whose_fields_are_rare_waits_whole_and_counts_for_no_one() -> None:
    crowd = [_alike(f"h{i}") for i in range(5)]
    newcomer = Candidate("new", set(), set(), {}, [], new=True)
    newcomer.units = [
        Unit(RecordKey("households", 7), "households", ("v|b",), ("v|b",), True, own=True),
        Unit(
            RecordKey("meetings", 3), "meetings", ("m|office|2026-04",), ("m|office|2026-04",), True
        ),
    ]
    outcome = protect([*crowd, newcomer], {}, K, M)
    assert outcome.held_households == {"new"}
    assert outcome.footprints["new"] == set()


def test_households_that_left_still_count() -> None:
    crowd = [_alike(f"h{i}") for i in range(3)]
    gone = {"left": frozenset({"v|a", "p|health|1000|2026-03", "m|office|2026-04"})}
    newcomer = Candidate("new", set(), set(), {}, [], new=True)
    newcomer.units = [
        Unit(RecordKey("households", 7), "households", ("v|a",), ("v|a",), True, own=True)
    ]
    assert protect([*crowd, newcomer], gone, K, M).held_households == frozenset()
    assert protect([*crowd, newcomer], {}, K, M).held_households == {"new"}


def test_a_month_less_footprint_fits_every_month() -> None:
    support = Support({"a": {"p|x|1000|?"}, "b": {"p|x|1000|2026-01"}})
    assert support.of(["p|x|1000|2026-01"]) == 2
    assert support.of(["p|x|1000|2026-02"]) == 1
    assert support.of(["p|x|2000|2026-01"]) == 0


def test_released_counts_are_lower_bounds() -> None:
    assert count_items([("meetings", 12)], or_more=True) == ["#|m|10-49", "#|m|50+"]
    assert count_items([("payments", 0)]) == ["#|p|0"]


def test_periods_and_the_months_an_offset_can_fall_in() -> None:
    day = dt.date(2026, 5, 17)
    assert [period_label(day, lv) for lv in range(4)] == ["2026-05", "2026-Q2", "2026-H1", "2026"]
    assert period_bounds("2026-Q2") == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert period_bounds("*") is None
    month = period_bounds("2026-05")
    assert month is not None
    assert months(month, 0) == ("2026-05",)
    assert months(month, 20) == ("2026-05", "2026-06")
    assert months((day, day), -17) == ("2026-04",)


def test_a_row_held_back_keeps_what_was_sent() -> None:
    sent = Sent("b" * 16, 3, "old")
    assert sent.update("new")
    assert (sent.version, sent.content, sent.sent_version) == (4, "new", 3)
    sent.hold_back()
    assert (sent.version, sent.content, sent.changed) == (3, "old", False)
    fresh = Sent("c" * 16)
    fresh.update("first")
    assert fresh.hold_back()  # never sent: it keeps what was offered, and waits
    assert (fresh.version, fresh.content, fresh.changed) == (0, "first", False)
    assert not fresh.hold_back()
    fresh.send()
    assert (fresh.version, fresh.content, fresh.sent_version, fresh.changed) == (
        1,
        "first",
        0,
        True,
    )


def test_the_release_state_packs_typed_rows_and_footprints() -> None:
    state = HouseholdState(None, 42, "h" + "a" * 16, {}, {"v|x", "m|office|2026-01"})
    state.entry("households", 42).update("row")
    state.entry("payments", 7).update("pay,1")
    state.superseded = {"p|health|1000|2025-12"}
    state.latest = 739_000
    records, footprint, superseded, latest = unpack(state.pack())
    assert footprint == {"v|x", "m|office|2026-01"}
    assert (superseded, latest) == ({"p|health|1000|2025-12"}, 739_000)
    assert set(records) == {RecordKey("households", 42), RecordKey("payments", 7)}
    assert records[RecordKey("payments", 7)].content == "pay,1"
    assert records[RecordKey("payments", 7)].version == 1
    # Blobs written before the latest day and superseded items were kept (the footprint's
    # marker), or before footprints (no marker), still read, with none.
    packed = state.pack()
    items = 12 + len("\x1e".join(sorted(footprint)).encode())
    records_at = items + 4 + len("p|health|1000|2025-12")
    older = b"\xff\xff\xff\xff" + packed[8:items] + packed[records_at:]
    assert unpack(older) == (records, footprint, set(), 0)
    # Written with superseded items but before the latest day (66bca2b): read with both.
    superseded_first = b"\xfe\xff\xff\xff" + packed[8:]
    assert unpack(superseded_first) == (records, footprint, superseded, 0)
    assert unpack(packed[records_at:]) == (records, set(), set(), 0)


# -- pairs against brute force ---------------------------------------------------------------

ITEMS = ("p|a|1|2026-01", "p|b|1|2026-01", "m|office|2026-02", "n|work|2026-03", "c|2026-04")


@settings(max_examples=300, deadline=None)
@example(  # a needed, touched item with one neither needed nor touched: still a pair to check
    footprints=[{ITEMS[0], ITEMS[1]}, *[{ITEMS[0]}] * 5, *[{ITEMS[1]}] * 5],
    needed={ITEMS[0]},
    touched={ITEMS[0]},
)
@given(
    footprints=st.lists(st.sets(st.sampled_from(ITEMS), min_size=1), min_size=K, max_size=14),
    needed=st.sets(st.sampled_from(ITEMS)),
    touched=st.one_of(st.none(), st.sets(st.sampled_from(ITEMS))),
)
def test_every_pair_under_k_is_found_as_brute_force_finds_it(
    footprints: list[set[str]], needed: set[str], touched: set[str] | None
) -> None:
    """Support.violations for m = 2 against counting every pair by hand: a pair is reported
    when both its items reach k alone, the two together do not, and one item is needed and
    touched, or one is needed and the other touched (whatever the first two allow to skip)."""
    names = [f"h{i}" for i in range(len(footprints))]
    support = Support(dict(zip(names, footprints, strict=True)))
    truth = footprints[0]
    found = set(support.violations({names[0]: truth}, K, M, must={names[0]: needed}, touch=touched))

    def holders(*items: str) -> int:
        return sum(1 for f in footprints if set(items) <= f)

    def mark(x: str) -> int:
        return (x in needed) + 2 * (touched is None or x in touched)

    expected: set[tuple[str, tuple[str, ...]]] = set()
    for x in sorted(truth):
        if holders(x) < K and mark(x) == 3:
            expected.add((names[0], (x,)))
    strong = sorted(x for x in truth if holders(x) >= K)
    for i, x in enumerate(strong):
        for y in strong[i + 1 :]:
            if holders(x, y) < K and mark(x) | mark(y) == 3:
                expected.add((names[0], (x, y)))
    assert found == expected
