"""Holding rows back narrows a household's known truth in place (Candidate.hold) to what
making it again from every unit gives (Candidate._truth), whatever is held and in which order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.km import Candidate, Unit
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
