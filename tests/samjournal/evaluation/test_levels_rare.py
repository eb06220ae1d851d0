"""The rule of thumb's share of rare payments (levels._rare): counted with numpy arrays for
many rows, one row at a time for few (and without numpy, as in the frozen program); both give
the same share, and the share is the one counted household by household."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation import levels
from samjournal.evaluation.anonymise import round_nok

rows = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=12),  # household
        st.sampled_from(["", "food2024-01", "food2024-02", "rent2024-01", "2024-03"]),
        st.integers(min_value=1, max_value=3_000_000),  # øre
    ),
    max_size=120,
)


def _by_hand(values: list[tuple[int, str, int]], k: int, rounding: int, top: int) -> float:
    keys = [(label, round_nok(ore, rounding, top)[0]) for _, label, ore in values]
    holders = {
        key: {f for (f, _, _), other in zip(values, keys, strict=True) if other == key}
        for key in keys
    }
    return sum(1 for key in keys if len(holders[key]) < k) / len(keys) if keys else 0.0


@settings(max_examples=150, deadline=None)
@given(
    values=rows,
    k=st.integers(min_value=1, max_value=6),
    rounding=st.sampled_from([100, 500, 1_000, 5_000]),
    top=st.integers(min_value=100, max_value=40_000),
)
def test_arrays_and_rows_give_the_share_counted_by_hand(
    values: list[tuple[int, str, int]], k: int, rounding: int, top: int
) -> None:
    expected = _by_hand(values, k, rounding, top)
    with patch.object(levels, "ARRAYS_FROM", 10**9):
        assert levels._rare(values, k, rounding, top) == expected
    if values:
        assert levels._rare_by_arrays(values, k)(rounding, top) == expected
        with patch.object(levels, "ARRAYS_FROM", 1):
            assert levels._rare(values, k, rounding, top) == expected
            with patch.object(levels, "_rare_by_arrays", side_effect=ImportError):
                assert levels._rare(values, k, rounding, top) == expected


def test_a_payment_only_its_own_household_makes_is_rare_until_rounding_joins_it() -> None:
    """Five households paid 3,000 kr for food in January; a sixth paid 3,200 kr: rare at
    100 kr, one of six at 500 kr. Many rows (the arrays' path) give the same shares."""
    few = [(f, "food2024-01", 300_000) for f in range(1, 6)] + [(6, "food2024-01", 320_000)]
    many = few * 1_000
    # Every row its own label and amount: more keys than the bins kept for them.
    spread = [(f % 7, f"food{f}", 100_000 + f * 100) for f in range(levels.ARRAYS_FROM)]
    assert levels._rare(spread, 5, 100, 10**9) == 1.0
    assert levels._rare(spread, 1, 100, 10**9) == 0.0
    for values in (few, many):
        assert levels._rare(values, 5, 100, 20_000) == 1 / 6
        assert levels._rare(values, 5, 500, 20_000) == 0.0
    assert len(many) >= levels.ARRAYS_FROM
