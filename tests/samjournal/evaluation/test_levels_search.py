"""The search for amount rounding and calendar level (levels.search): it finds the point that
loses least, as measuring every point would, while measuring fewer; and never goes finer than
the household fields' calendar level."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.levels import AMOUNT_STEPS, Measured, points, search
from samjournal.evaluation.profile import Policy

POLICY = Policy(municipality="Trondheim")
AMOUNTS = [35_000, 120_000, 249_900, 87_500, 310_000, 15_000, 199_900, 450_000]  # øre


def _every_point(held: dict[tuple[int, int], float], least: int) -> list[Measured]:
    """Every point of the lattice, measured (the brute force the search must agree with)."""
    return [
        replace(p, held_share=round(held[p.amount_rounding_nok, p.period], 4))
        for p in points(AMOUNTS, POLICY, least)
    ]


shares = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    least=st.integers(min_value=0, max_value=3),
    table=st.lists(shares, min_size=20, max_size=20),
    first=st.sampled_from([None, 100, *AMOUNT_STEPS]),
)
def test_the_search_finds_the_least_loss_and_measures_no_more_than_it_needs(
    least: int, table: list[float], first: int | None
) -> None:
    roundings = (POLICY.amount_rounding_nok, *AMOUNT_STEPS)
    held = {(r, p): table[i * 4 + p] for i, r in enumerate(roundings) for p in range(4)}
    asked: list[tuple[int, int]] = []

    def measure(point: Measured) -> float:
        assert point.period >= least  # never finer than the household fields need
        assert point.amount_top_code_nok >= point.amount_rounding_nok
        asked.append((point.amount_rounding_nok, point.period))
        return held[point.amount_rounding_nok, point.period]

    best, measured = search(AMOUNTS, POLICY, least, measure, first=first)
    assert measured == len(asked) == len(set(asked))
    if first is not None:
        assert asked[0][0] == first  # where the search starts
    brute = _every_point(held, least)
    assert len(brute) == len(roundings) * (4 - least)
    assert best.loss <= min(p.loss for p in brute) + 1e-9
    assert best.period >= least
    assert best.held_share == round(held[best.amount_rounding_nok, best.period], 4)


def test_a_cheap_point_that_holds_back_little_ends_the_search() -> None:
    asked = []

    def measure(point: Measured) -> float:
        asked.append(point.amount_rounding_nok)
        return 0.0  # nothing held back anywhere: the finest point wins at once

    best, measured = search(AMOUNTS, POLICY, 3, measure)
    assert (best.amount_rounding_nok, best.period, best.held_share) == (100, 3, 0.0)
    assert measured == 1 == len(asked)


def test_coarser_amounts_win_when_fine_ones_hold_back_most_rows() -> None:
    # The fine roundings hold back nearly everything; 2,000 kr holds back nothing.
    def measure(point: Measured) -> float:
        return 0.0 if point.amount_rounding_nok >= 2_000 else 0.9

    best, _ = search(AMOUNTS, POLICY, 3, measure)
    assert best.amount_rounding_nok == 2_000
    # The information loss is measured on the amounts: 2,000 kr loses more than 100 kr does.
    fine, _ = search(AMOUNTS, POLICY, 3, lambda point: 0.0)
    assert best.amount_loss > fine.amount_loss >= 0.0


def test_a_budget_of_one_point_measures_only_the_rule_of_thumb() -> None:
    asked = []

    def measure(point: Measured) -> float:
        asked.append((point.amount_rounding_nok, point.period))
        return 0.5

    best, measured = search(AMOUNTS, POLICY, 2, measure, first=1_000, budget=1)
    assert measured == 1
    assert asked == [(1_000, 2)]
    assert (best.amount_rounding_nok, best.held_share) == (1_000, 0.5)


# Need categories as recorded lose nothing; in three groups about a third of what they tell per
# row carrying one; hidden all of it (anonymise.category_loss).
CATEGORY_LOSSES = (0.0, 0.2, 0.6)


def test_grouped_categories_win_only_where_exact_ones_hold_back_more_than_they_lose() -> None:
    def measure(point: Measured) -> float:
        return (0.65, 0.25, 0.15)[point.categories]  # a small journal (60-family demo)

    best, measured = search(AMOUNTS, POLICY, 3, measure, category_losses=CATEGORY_LOSSES)
    assert best.categories == 1
    assert best.category_loss == 0.2
    assert best.loss == min(
        replace(p, held_share=(0.65, 0.25, 0.15)[p.categories]).loss
        for p in points(AMOUNTS, POLICY, 3, CATEGORY_LOSSES)
    )
    assert measured < len(points(AMOUNTS, POLICY, 3, CATEGORY_LOSSES))  # the stop still holds

    def large(point: Measured) -> float:
        return (0.10, 0.05, 0.02)[point.categories]  # a municipal journal: a tenth waits

    assert search(AMOUNTS, POLICY, 3, large, category_losses=CATEGORY_LOSSES)[0].categories == 0


def test_a_study_without_categories_searches_them_as_recorded_only() -> None:
    levels = {p.categories for p in points(AMOUNTS, POLICY, 0)}
    assert levels == {0}
    assert {p.categories for p in points(AMOUNTS, POLICY, 0, CATEGORY_LOSSES)} == {0, 1, 2}
