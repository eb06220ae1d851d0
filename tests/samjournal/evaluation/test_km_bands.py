"""A household's count bands come from a cache by table and count (km._bands): the same items,
in the same order, as `attacker.count_items` makes them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from samjournal.evaluation import km
from samjournal.evaluation.attacker import SHORT, count_items


@given(
    counts=st.dictionaries(st.sampled_from(sorted(SHORT)), st.integers(0, 120)),
    or_more=st.booleans(),
)
def test_cached_bands_are_the_count_items(counts: dict[str, int], or_more: bool) -> None:
    expected = count_items(counts.items(), or_more=or_more)
    assert km._bands(counts, or_more=or_more) == expected
    assert km._bands(counts, or_more=or_more) == expected  # from the cache this time
