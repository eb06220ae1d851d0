"""Support's bitsets are the same by numpy (km_pairs.bitsets) as by the bytearrays of the
pure-Python path the frozen program runs, and as counted by hand: every item, its households,
the items in the order first met."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation import km_pairs, km_support

ITEMS = ("p|a|1|2026-01", "p|a|1|?", "m|office|2026-02", "c|2026-04", "v|x", "#|m|1", "x|?")


def by_hand(footprints: list[set[str]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, items in enumerate(footprints):
        for item in items:
            found[item] = found.get(item, 0) | 1 << i
    return found


def without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "numpy" else find_spec(name)
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sets(st.sampled_from(ITEMS)), max_size=40))
def test_numpy_and_python_make_the_same_bitsets_in_the_same_order(
    footprints: list[set[str]],
) -> None:
    expected = list(by_hand(footprints).items())
    by_numpy = km_pairs.bitsets(footprints)
    assert by_numpy is not None
    assert list(by_numpy.items()) == expected
    with pytest.MonkeyPatch.context() as patch:
        without_numpy(patch)
        by_python = km_support._bitsets(footprints)
    assert list(by_python.items()) == expected


def test_a_matrix_too_large_falls_back_to_the_python_path(monkeypatch: pytest.MonkeyPatch) -> None:
    footprints = [{ITEMS[i % 3], ITEMS[3 + i % 4]} for i in range(300)]
    monkeypatch.setattr(km_pairs, "MAX_CELLS", 10)
    assert km_pairs.bitsets(footprints) is None
    support = km_support.Support({f"h{i}": f for i, f in enumerate(footprints)})
    assert support.bits == by_hand(footprints)
