"""Holding rows back narrows a household's known truth in place (Candidate.hold) to what
making it again from every unit gives (Candidate._truth), whatever is held and in which order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.km import Candidate, Support, Unit
from samjournal.evaluation.release_state import RecordKey

TRUE = ["p|a|1|2026-01", "p|a|1|2026-02", "m|office|2026-01", "n|work|2026-03", "c|x|2026-02"]
TABLES = ("payments", "meetings")


@st.composite
def candidates(draw: st.DrawFn) -> tuple[Candidate, list[str]]:
    units = [
        Unit(
            RecordKey(draw(st.sampled_from(TABLES)), i),
            draw(st.sampled_from(TABLES)),
            (),
            tuple(draw(st.lists(st.sampled_from(TRUE), min_size=1, max_size=3))),
            draw(st.booleans()),
        )
        for i in range(draw(st.integers(1, 12)))
    ]
    fixed_true = set(draw(st.sets(st.sampled_from(TRUE), max_size=2)))
    rows = {t: draw(st.integers(0, 12)) for t in TABLES}
    candidate = Candidate("h", set(), fixed_true, rows, units, new=False)
    # Rounds of holding: each the carriers of one true item, as km._fix holds them.
    return candidate, draw(st.lists(st.sampled_from(TRUE), max_size=5))


@settings(max_examples=300, deadline=None)
@given(case=candidates())
def test_holding_narrows_the_truth_as_making_it_again_would(
    case: tuple[Candidate, list[str]],
) -> None:
    candidate, picks = case
    candidate.truth()  # known before anything is held, as in protect
    for pick in picks:
        carriers = candidate.carriers(pick)
        if not carriers:
            continue
        candidate.hold(carriers)
        narrowed = candidate.truth()
        assert narrowed == candidate._truth()
        assert not any(pick in u.true for u in candidate.units if u.key not in candidate.held)


# Footprint items: an event row's share one base (its kind and fields), the month apart; the
# household's own row has items of several bases.
BASES = ["p|a|1", "p|b|1", "m|office", "c|x"]
MONTHS = ["2026-01", "2026-02", "2026-03", "?"]


@st.composite
def held_in_rounds(draw: st.DrawFn) -> tuple[Candidate, list[list[str]]]:
    units = []
    for i in range(draw(st.integers(1, 12))):
        own = i == 0 and draw(st.booleans())
        if own:
            items = tuple(draw(st.lists(st.sampled_from(["v|a;b", "x|2026-01", "x|2026-02"]))))
        else:
            base = draw(st.sampled_from(BASES))
            items = tuple(f"{base}|{m}" for m in draw(st.lists(st.sampled_from(MONTHS))))
        table = "households" if own else draw(st.sampled_from(TABLES))
        true = tuple(draw(st.lists(st.sampled_from(TRUE), min_size=1, max_size=3)))
        units.append(Unit(RecordKey(table, i), table, items, true, draw(st.booleans()), own))
    fixed = set(draw(st.sets(st.sampled_from([f"{b}|{m}" for b in BASES for m in MONTHS]))))
    rows = {t: draw(st.integers(0, 60)) for t in TABLES}
    candidate = Candidate("h", fixed, set(), rows, units, new=False)
    rounds = draw(st.lists(st.lists(st.sampled_from(TRUE), max_size=3), max_size=4))
    return candidate, rounds


@settings(max_examples=300, deadline=None)
@given(case=held_in_rounds())
def test_a_footprint_narrowed_by_the_rows_held_is_the_footprint_made_again(
    case: tuple[Candidate, list[list[str]]],
) -> None:
    """protect narrows a household's footprint by the rows it held back each round
    (Candidate.narrowed, Support.change) rather than making it again (Candidate.footprint)."""
    candidate, rounds = case
    others = {f"o{i}": frozenset({"p|a|1|2026-01", "#|p|0"}) for i in range(3)}
    support = Support({**others, "h": candidate.footprint()})
    for picks in rounds:
        before = set(support.footprints[support.index["h"]])
        for pick in picks:
            carriers = candidate.carriers(pick)
            if carriers:
                candidate.hold(carriers)
        changed = support.change("h", *candidate.narrowed())
        after = candidate.footprint()
        assert support.footprints[support.index["h"]] == after
        assert changed == before ^ after
        made = Support({**others, "h": after})
        assert {x: support.mask(x) for x in made.bits} == {x: made.mask(x) for x in made.bits}
