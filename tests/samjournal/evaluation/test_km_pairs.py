"""Pairs counted with numpy arrays (km_pairs) find the same sets, in the same order, as ANDing
bitsets pair by pair, and as counting by hand: the order matters, since protect fixes
violations in the order found."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation import km_support
from samjournal.evaluation.km_pairs import _support, pair_columns
from samjournal.evaluation.km_support import Support

K, M = 5, 2
ITEMS = (
    "p|a|1|2026-01",
    "p|a|1|?",
    "p|b|1|2026-01",
    "m|office|2026-02",
    "n|work|2026-03",
    "c|2026-04",
    "v|x",
    "#|m|1",
)


@contextmanager
def arrays(at: int) -> Iterator[None]:
    """Pairs by arrays from `at` pairs on (0: always; a huge number: never)."""
    before = km_support.PAIRS_FOR_ARRAYS
    km_support.PAIRS_FOR_ARRAYS = at
    try:
        yield
    finally:
        km_support.PAIRS_FOR_ARRAYS = before


def both_ways(
    support: Support,
    truths: dict[str, set[str]],
    must: dict[str, set[str]] | None,
    touch: set[str] | None,
) -> tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    with arrays(0):
        by_arrays = list(support.violations(truths, K, M, must=must, touch=touch))
    with arrays(1 << 62):
        by_and = list(support.violations(truths, K, M, must=must, touch=touch))
    return by_arrays, by_and


@settings(max_examples=200, deadline=None)
@given(
    footprints=st.lists(st.sets(st.sampled_from(ITEMS), min_size=1), min_size=K, max_size=14),
    needed=st.sets(st.sampled_from(ITEMS)),
    touched=st.one_of(st.none(), st.sets(st.sampled_from(ITEMS))),
)
def test_arrays_find_what_brute_force_finds(
    footprints: list[set[str]], needed: set[str], touched: set[str] | None
) -> None:
    names = [f"h{i}" for i in range(len(footprints))]
    support = Support(dict(zip(names, footprints, strict=True)))
    truth = footprints[0]
    with arrays(0):
        found = set(
            support.violations({names[0]: truth}, K, M, must={names[0]: needed}, touch=touched)
        )

    def count(*items: str) -> int:
        return sum(1 for i in range(len(names)) if all(support.mask(x) >> i & 1 for x in items))

    def mark(x: str) -> int:
        return (x in needed) + 2 * (touched is None or x in touched)

    expected: set[tuple[str, tuple[str, ...]]] = set()
    for x in sorted(truth):
        if count(x) < K and mark(x) == 3:
            expected.add((names[0], (x,)))
    strong = sorted(x for x in truth if count(x) >= K and x[0] not in "v#")
    for i, x in enumerate(strong):
        for y in strong[i + 1 :]:
            if count(x, y) < K and mark(x) | mark(y) == 3:
                expected.add((names[0], (x, y)))
    assert found == expected


@pytest.mark.parametrize("seed", range(8))
def test_arrays_and_pairs_report_the_same_sets_in_the_same_order(seed: int) -> None:
    rng = random.Random(seed)
    months = [f"2026-{m:02d}" for m in range(1, 7)] + ["?"]
    pool = [f"p|{c}|{a}|{m}" for c in "abc" for a in (1, 2) for m in months]
    pool += [f"m|office|{m}" for m in months] + [f"c|{m}" for m in months] + ["v|x", "v|y"]
    households = {f"h{i:03d}": set(rng.sample(pool, rng.randint(3, 14))) for i in range(120)}
    support = Support(households)
    truths = {
        n: {x for x in items if not x.endswith("|?")} or set(items)
        for n, items in households.items()
    }
    for round_ in range(4):
        must = (
            None
            if round_ == 0
            else {n: set(rng.sample(sorted(t), len(t) // 2)) for n, t in truths.items()}
        )
        touch = None if round_ < 2 else set(rng.sample(pool, 15))
        by_arrays, by_and = both_ways(support, truths, must, touch)
        assert by_arrays == by_and
        assert any(len(s) == 2 for _, s in by_and)  # the worlds do have pairs under k


def test_without_numpy_the_pairs_are_anded_and_an_error_in_km_pairs_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util
    import sys

    households = {f"h{i}": {ITEMS[i % 3], ITEMS[3 + i % 2]} for i in range(12)}
    support = Support(households)
    with arrays(1 << 62):
        expected = list(support.violations(households, K, M))
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "numpy" else find_spec(name)
    )
    with arrays(0):  # as in the frozen program: no numpy, the same sets by ANDing
        assert list(support.violations(households, K, M)) == expected
    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "samjournal.evaluation.km_pairs", None)  # broken, not absent
    with arrays(0), pytest.raises(ImportError):
        list(support.violations(households, K, M))


@pytest.mark.parametrize("n", [0, 1, 2, 7, 255, 256, 257, 600])
def test_the_pairs_of_n_items_are_a_run_of_the_column_ordered_triangle(n: int) -> None:
    """km_pairs reads a household's pairs holding one of its last b items as one run of a
    triangle made once: every (p, q), p < q < n, each once, the run holding exactly those pairs
    whose q is one of the last b."""
    left, right = (a[: n * (n - 1) // 2] for a in pair_columns(n))
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [
        (p, q) for p in range(n) for q in range(p + 1, n)
    ]
    for b in {0, 1, n // 2, n}:
        cut = slice((n - b) * (n - b - 1) // 2, n * (n - 1) // 2)
        run = set(zip(left[cut].tolist(), right[cut].tolist(), strict=True))
        assert run == {(p, q) for p in range(n) for q in range(p + 1, n) if q >= n - b}
    assert np.all(left < right)


@pytest.mark.parametrize("hot", [1, 3, 12, 48])
def test_the_support_counts_every_pair_whichever_households_it_leaves_out(hot: int) -> None:
    """`_support` leaves out of the product the households no opening item holds (few opening
    items: most households); the counts are the pairs' own either way (48: every item opens
    pairs, the product of the matrix with itself)."""
    rng = random.Random(hot)
    households = 300
    masks = {f"i{n}": rng.getrandbits(households) & rng.getrandbits(households) for n in range(40)}
    masks |= {f"r{n}": rng.getrandbits(households) >> rng.randint(0, households) for n in range(8)}
    items = sorted(masks, key=lambda x: (x[0] == "i", x))  # the rare items open pairs first
    support = _support(items, hot, masks.__getitem__, households)
    assert support.shape == (hot, len(items))
    for r, x in enumerate(items[:hot]):
        assert support[r].tolist() == [(masks[x] & masks[y]).bit_count() for y in items]
