"""The opening-month measure and what keeps it (opening_month.py): who knows a case's month and
its household fields tells it from the households whose windows cannot hold that month, so the
export lifts the bounds of new households, or holds new households whole."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, cast

import pytest

from samjournal.evaluation import release_check
from samjournal.evaluation.opening_month import Exposure, Seen, lift, singled_out
from samjournal.evaluation.release import Release
from samjournal.evaluation.release_check import _by_opening_month, _lift
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Registry, Sent
from samjournal.evaluation.risk import exposure_words

D = dt.date
FIELDS = frozenset({"kommune;1+;0;18+;2026;open;50000"})


def _class(*windows: tuple[D | None, D] | None) -> list[Seen]:
    return [Seen(FIELDS, w) for w in windows]


def test_the_latest_to_open_in_a_coarse_period_stands_alone() -> None:
    # A year's class of five: four active cases that opened in the spring (their windows end
    # there), one in November. Known in November, it is the only one that fits.
    spring = [(D(2026, 1, 1), D(2026, m, 10)) for m in (3, 4, 4, 5)]
    late = Seen(FIELDS, (D(2026, 1, 1), D(2026, 11, 12)), opened=D(2026, 11, 3))
    assert singled_out([*_class(*spring), late], 5) == 1
    # Known in March, it fits every window that reaches March: all five.
    early = Seen(FIELDS, (D(2026, 1, 1), D(2026, 11, 12)), opened=D(2026, 3, 3))
    assert singled_out([*_class(*spring), early], 5) == 0


def test_a_window_counts_when_it_can_hold_any_day_of_the_month() -> None:
    target = Seen(FIELDS, (D(2026, 1, 1), D(2026, 6, 30)), opened=D(2026, 6, 15))
    edge = (D(2026, 1, 1), D(2026, 6, 1))  # reaches June's first day
    before = (D(2026, 1, 1), D(2026, 5, 31))  # ends the day before
    starred = (None, D(2026, 6, 2))  # no first day (a starred period)
    unbounded = None  # nothing bounds it
    assert singled_out([target, *_class(edge, starred, unbounded, edge)], 5) == 0
    assert singled_out([target, *_class(edge, starred, unbounded, before)], 5) == 1


def test_other_fields_and_those_only_counted_are_not_asked_about() -> None:
    other = frozenset({"kommune;1+;1+;18+;2026;open;50000"})
    target = Seen(FIELDS, None, opened=D(2026, 6, 15))
    assert singled_out([target, *[Seen(other, None) for _ in range(9)]], 5) == 1
    assert singled_out(_class(None, None), 5) == 0  # no one asked about
    # Released twice with different fields: singled out if one combination leaves it alone.
    both = Seen(FIELDS | other, None, opened=D(2026, 6, 15))
    assert singled_out([both, *[Seen(other, None) for _ in range(9)]], 5) == 1


def _registry(live: HouseholdState, left: dict[int, int]) -> Registry:
    """`live` released now; the families of `left` (family -> the bound they left with, 0: left
    before a bound was kept) released before, with the same fields."""
    registry = Registry.__new__(Registry)
    registry.by_family = {live.family_id: live}
    registry.retired = {f: (f"h{f:016d}", frozenset({ITEM})) for f in left}
    registry.retired_latest = dict(left)
    return registry


ITEM = "v|" + next(iter(FIELDS))  # released with the year 2026 as its opening period


def _live(opened: D) -> HouseholdState:
    state = HouseholdState(1, 1, "h" + "1" * 16, {}, {ITEM}, latest=opened.toordinal() + 2)
    state.records[RecordKey("households", 1)] = Sent("1" * 16, 1, "")
    state.records[RecordKey("households", 1)].released = True
    return state


def _release(opened: dict[int, D]) -> Release:
    release = Release(cast(Any, None), cast(Any, None), {}, cast(Any, None), len(opened))
    release.opened = {1: opened[1]}
    release.opened_all = dict(opened)
    return release


def test_households_that_left_are_asked_about_and_bounded_as_the_check_bounds_them() -> None:
    # Four families that left in the spring, before their bound was kept (an older version):
    # taken at their true opening day, as the check takes households without one, their windows
    # end in March. A family opened in November has no one beside it; each of the four has the
    # other three and the November family, whose window reaches back to January.
    opened = {1: D(2026, 11, 3), **{f: D(2026, 3, f) for f in range(2, 6)}}
    registry = _registry(_live(opened[1]), dict.fromkeys(range(2, 6), 0))
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(1, 5)
    # With the bound they left with, the same.
    left = {f: opened[f].toordinal() + 1 for f in range(2, 6)}
    registry = _registry(_live(opened[1]), left)
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(1, 5)
    # Left late in the year (a quiet case: its bound far after its opening day): beside it.
    left = {f: D(2026, 12, 1).toordinal() for f in range(2, 6)}
    registry = _registry(_live(opened[1]), left)
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(0, 5)


def test_families_gone_from_the_journal_are_not_asked_about_nor_counted_wide() -> None:
    late = {f: D(2026, 12, 1).toordinal() for f in range(2, 6)}
    opened = {1: D(2026, 11, 3), **{f: D(2026, 3, f) for f in range(2, 5)}}  # 5 was erased
    # With the bound it left with, an erased family is still a candidate, never asked about.
    registry = _registry(_live(opened[1]), late)
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(0, 5, unchecked=1)
    # Without one (an older version), its window would be the whole year, wider than an
    # attacker's: it is no candidate, and the four left have four each.
    registry = _registry(_live(opened[1]), {**late, 5: 0})
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(4, 5, unchecked=1)


def test_the_report_says_what_could_not_be_checked_and_why_any_are_singled_out() -> None:
    words = exposure_words(Exposure(3, 168, unchecked=2), "en")
    assert words == (
        "3 of the 168 households the study has, this bundle included; 2 of them are no longer"
        " in the journal and cannot be checked (sent without this protection: tell the study's"
        " data protection officer)"
    )
    assert exposure_words(Exposure(0, 168), "nb") == (
        "0 av de 168 husstandene studien har, denne pakken medregnet"
    )
    assert exposure_words(Exposure(0, 168, lifted=21, lifted_days=481, lifted_median=51), "en") == (
        "0 of the 168 households the study has, this bundle included; to keep it, the rows of"
        " 21 new households go later (a median of 51 days, at most 481)"
    )


def _new(name: str, window: tuple[D | None, D], opened: D, per_day: int) -> Seen:
    """A household released for the first time: lifting its bound to a day costs `per_day`
    rows for each day it is lifted (its own row never cut)."""
    last = window[1]

    def cost(day: D) -> int:
        return max(0, (day - last).days) * per_day

    return Seen(FIELDS, window, opened, name, cost)


def _closed(name: str, window: tuple[D | None, D], opened: D) -> Seen:
    """A new household whose own row (its closing day) lifting would cut: never lifted."""
    return Seen(FIELDS, window, opened, name, lambda day: None)


def _after(seen: list[Seen], lifted: dict[str, D], waiting: set[str]) -> list[Seen]:
    """The households as the bundles would show them: lifted windows, those waiting gone."""
    out = []
    for h in seen:
        if h.name in waiting:
            continue
        day = lifted.get(h.name)
        if day is not None and h.window is not None:
            h = Seen(h.fields, (h.window[0], max(h.window[1], day)), h.opened, h.name)
        out.append(h)
    return out


YEAR = D(2026, 1, 1)


def test_the_cheapest_new_households_are_lifted_to_the_month_asked_about() -> None:
    # Seven new households of a year's class: five active since the spring (their windows end
    # there), one since October, one since November. Known in November, the last has one
    # candidate (itself): three more are lifted to November 1st, the cheapest to lift (the
    # October one and the two whose windows end latest), and no one is singled out.
    spring = [_new(f"s{m}", (YEAR, D(2026, m, 10)), D(2026, m, 2), 1) for m in (3, 4, 5, 6, 7)]
    october = _new("oct", (YEAR, D(2026, 10, 20)), D(2026, 10, 18), 1)
    late = _new("nov", (YEAR, D(2026, 11, 12)), D(2026, 11, 3), 1)
    seen = [*spring, october, late]
    assert singled_out(seen, 5) > 0
    lifted, waiting = lift(seen, 5)
    assert waiting == set()
    assert lifted == dict.fromkeys(("oct", "s7", "s6", "s5"), D(2026, 11, 1))
    assert singled_out(_after(seen, lifted, waiting), 5) == 0


def test_an_own_row_that_would_be_cut_is_never_lifted() -> None:
    # Two households opened in October and closed since: lifting their bound to November would
    # hold their closing day. The four spring ones are lifted instead.
    spring = [_new(f"s{m}", (YEAR, D(2026, m, 10)), D(2026, m, 2), 1) for m in (3, 4, 5, 6)]
    shut = [_closed(f"c{n}", (YEAR, D(2026, 10, 10)), D(2026, 10, n)) for n in (1, 2)]
    late = _new("nov", (YEAR, D(2026, 11, 12)), D(2026, 11, 3), 1)
    seen = [*spring, *shut, late]
    lifted, waiting = lift(seen, 5)
    assert (set(lifted), waiting) == ({"s3", "s4", "s5", "s6"}, set())
    assert singled_out(_after(seen, lifted, waiting), 5) == 0


def test_where_too_few_can_be_lifted_the_latest_wait_whole() -> None:
    # Three spring households can be lifted, two more cannot: the November household waits
    # whole, and the five left are a class of their own.
    spring = [_new(f"s{m}", (YEAR, D(2026, m, 10)), D(2026, m, 2), 1) for m in (3, 4, 5)]
    shut = [_closed(f"c{n}", (YEAR, D(2026, 10, 10)), D(2026, 10, n)) for n in (1, 2)]
    late = _new("nov", (YEAR, D(2026, 11, 12)), D(2026, 11, 3), 1)
    seen = [*spring, *shut, late]
    lifted, waiting = lift(seen, 5)
    assert waiting == {"nov"}
    assert singled_out(_after(seen, lifted, waiting), 5) == 0


def test_a_household_sent_before_is_helped_by_new_ones_or_stays_counted() -> None:
    # The November household was released before: its bound is fixed and it cannot wait. The
    # new spring households are lifted however far; with one of them closed since, too few
    # can be, and it stays singled out (the report counts it).
    spring = [_new(f"s{m}", (YEAR, D(2026, m, 10)), D(2026, m, 2), 5) for m in (3, 4, 5, 6)]
    sent = Seen(FIELDS, (YEAR, D(2026, 11, 12)), D(2026, 11, 3))
    lifted, waiting = lift([*spring, sent], 5)
    assert (set(lifted), waiting) == ({"s3", "s4", "s5", "s6"}, set())
    # (The closed one, known in June, is helped: the three are lifted to June.)
    seen = [*spring[:3], _closed("c", (YEAR, D(2026, 6, 10)), D(2026, 6, 2)), sent]
    lifted, waiting = lift(seen, 5)
    assert (lifted, waiting) == (dict.fromkeys(("s3", "s4", "s5"), D(2026, 6, 1)), set())
    assert singled_out(_after(seen, lifted, waiting), 5) == 1


def test_a_new_household_whose_fields_fewer_than_k_share_waits_whole() -> None:
    other = frozenset({"kommune;1+;1+;18+;2026;open;50000"})
    alone = Seen(other, (YEAR, D(2026, 3, 9)), D(2026, 3, 1), "a", lambda day: 0)
    others = [_new(f"o{n}", (YEAR, D(2026, 3, 20)), D(2026, 3, n + 1), 1) for n in range(5)]
    assert lift([alone, *others], 5) == ({}, {"a"})
    # Held whole by the check (`held`): it waits, and the class is counted without it.
    assert lift(others, 5, held={"o0"}) == ({}, {"o0", "o1", "o2", "o3", "o4"})


def test_a_change_that_would_single_out_a_household_sent_before_waits() -> None:
    # Five open households sent before; one of them closed in November, the only closed one
    # opened then among six closed households whose windows end in the spring: its change
    # waits (the evaluator keeps it open), and nothing else does.
    closed = "kommune;1+;0;18+;2026;closed;50000"
    sent = [Seen(FIELDS, (YEAR, D(2026, 11, 12)), D(2026, 11, n), f"o{n}") for n in range(1, 6)]
    sent[0] = Seen(FIELDS, sent[0].window, sent[0].opened, "o1", offered=closed)
    shut = [
        Seen(frozenset({closed}), (YEAR, D(2026, m, 10)), D(2026, m, 2), f"c{m}")
        for m in range(3, 9)
    ]
    assert lift([*sent, *shut], 5) == ({}, {"o1"})
    # Closed in the spring, it has the six beside it: it goes.
    early = Seen(FIELDS, (YEAR, D(2026, 11, 12)), D(2026, 4, 1), "o1", offered=closed)
    assert lift([early, *sent[1:], *shut], 5) == ({}, set())


def test_a_new_household_the_bundle_needs_for_k_is_not_held() -> None:
    # Three households of the class are in this bundle, one left the study: held, the November
    # household would leave the bundle's own class at three, which the evaluator refuses
    # (bundle.check_k). It goes, and the report counts it.
    combo = next(iter(FIELDS))
    sent = [
        Seen(FIELDS, (YEAR, D(2026, m, 10)), D(2026, m, 2), f"o{m}", shows=combo) for m in (3, 4, 5)
    ]
    left = Seen(FIELDS, (YEAR, D(2026, 6, 10)), D(2026, 6, 2), "gone")
    late = _new("nov", (YEAR, D(2026, 11, 12)), D(2026, 11, 3), 1)
    late = Seen(late.fields, late.window, late.opened, late.name, late.cost, shows=combo)
    assert lift([*sent, left, late], 5) == ({}, set())
    # With two more in the bundle, holding it leaves five: it waits.
    more = [
        Seen(FIELDS, (YEAR, D(2026, 7, 10)), D(2026, 7, n), f"p{n}", shows=combo) for n in (1, 2)
    ]
    assert lift([*sent, *more, left, late], 5) == ({}, {"nov"})


def test_a_bound_is_lifted_to_a_secret_day_of_the_month_not_its_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bound lifted to the 1st showed in the bundles (a household's released days stopping
    exactly there), and an attacker who left those candidates out put 4-9 households of a
    200-family demo under k (outside review s19). The day is drawn once per household and
    check (every pass of the check the same), within the month and not after the bundle."""
    spring = [_new(f"s{m}", (YEAR, D(2026, m, 10)), D(2026, m, 2), 1) for m in (3, 4, 5, 6, 7)]
    october = _new("oct", (YEAR, D(2026, 10, 20)), D(2026, 10, 18), 1)
    seen = [*spring, october, _new("nov", (YEAR, D(2026, 11, 12)), D(2026, 11, 3), 1)]
    today = D(2026, 12, 7).toordinal()
    draws = {"oct": 0.0, "s7": 0.5, "s6": 0.999}
    lifted, _ = _lift(seen, 5, set(), today, draws)
    assert lifted["oct"] == D(2026, 11, 1).toordinal()
    assert lifted["s7"] == D(2026, 11, 16).toordinal()
    assert lifted["s6"] == D(2026, 11, 30).toordinal()
    assert set(draws) == {"oct", "s7", "s6", "s5"}  # drawn where missing, kept for the next pass
    assert _lift(seen, 5, set(), today, draws) == (lifted, set())
    # In the bundle's own month, never after its date.
    lifted, _ = _lift(seen, 5, set(), D(2026, 11, 5).toordinal(), {"s6": 0.999})
    assert lifted["s6"] == D(2026, 11, 5).toordinal()
    # Drawn (the suite draws the middle day: a real generator here), the days spread.
    monkeypatch.setattr(release_check, "_RANDOM", random.Random())
    days = {_lift(seen, 5, set(), today, {})[0]["s5"] for _ in range(40)}
    assert len(days) > 5
    assert all(D(2026, 11, 1).toordinal() <= d <= D(2026, 11, 30).toordinal() for d in days)
