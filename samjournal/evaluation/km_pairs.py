"""Pair support for k^m with m = 2, counted for every household of a round at once with numpy.

With the households' bitsets of the strong items (each held by at least k households) as the
rows of a 0/1 matrix A (items x households), S = A_t Aᵀ holds the support of every pair of a
touched item (A_t: the rows of items whose support changed) with any strong item: one BLAS call
(float32 counts are exact far past any journal's household count) in place of an AND and a
popcount per pair in Python. Every household's pairs that hold a touched item are then laid out
in flat arrays, looked up in S and filtered at once; only the few violating pairs reach Python.

The pairs are reported in the order `km._pairs` reports them, since `km.protect` fixes
violations in the order found and the order decides which rows are held back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

# One household's strong true items by mark (km._pairs): needed and touched (3), touched only
# (2), needed only (1), neither (0). A pair is checked when its marks OR to 3.
Layout = tuple[list[str], list[str], list[str], list[str]]
MARKS = (3, 2, 1, 0)

# Bounds on the arrays (float32 cells, pair entries), so a huge study falls back to AND by pair.
MAX_CELLS = 40_000_000
MAX_PAIRS = 30_000_000


def pair_count(layout: Layout) -> int:
    """The pairs of one household to check: a needed-and-touched item with every later item,
    a touched-only item with every needed-only one."""
    both, touched, needed, rest = map(len, layout)
    return both * (both - 1) // 2 + both * (touched + needed + rest) + touched * needed


def pair_violations(
    layouts: Sequence[Layout], mask: Callable[[str], int], households: int, k: int
) -> list[list[tuple[str, ...]]] | None:
    """Per household, the pairs to check (`pair_count`) that fewer than k households hold, in
    km._pairs' order; None when the arrays would be too large."""
    if not layouts:
        return []
    hot: dict[str, int] = {}
    for both, touched, _, _ in layouts:
        for x in (*both, *touched):
            if x not in hot:
                hot[x] = len(hot)
    at = dict(hot)  # touched items first: their rows in `support` are their numbers
    for _, _, needed, rest in layouts:
        for x in (*needed, *rest):
            if x not in at:
                at[x] = len(at)
    if len(at) * max(households, len(hot)) > MAX_CELLS:
        return None
    if sum(map(pair_count, layouts)) > MAX_PAIRS:
        return None
    flat = [x for layout in layouts for group in layout for x in group]
    items_of = np.fromiter(map(at.__getitem__, flat), dtype=np.int64, count=len(flat))
    marks_of = [
        mark for layout in layouts for mark, g in zip(MARKS, layout, strict=True) for _ in g
    ]
    lengths = np.asarray([[len(g) for g in layout] for layout in layouts], dtype=np.int64)
    ends = np.cumsum(lengths.sum(axis=1))
    starts = ends - lengths.sum(axis=1)
    after_both = starts + lengths[:, 0]
    after_touched = after_both + lengths[:, 1]
    after_needed = after_touched + lengths[:, 2]
    # Needed-and-touched items first, each paired with every position after it; then each
    # touched-only item with the needed-only ones.
    left_both = _ranges(starts, after_both)
    left_touched = _ranges(after_both, after_touched)
    spans = lengths[:, 1]
    left = np.concatenate([left_both, left_touched])
    low = np.concatenate([left_both + 1, np.repeat(after_touched, spans)])
    high = np.concatenate([np.repeat(ends, lengths[:, 0]), np.repeat(after_needed, spans)])
    pairs_left = np.repeat(left, high - low)
    pairs_right = _ranges(low, high)
    support = _support(list(at), len(hot), mask, households)
    under = support[items_of[pairs_left], items_of[pairs_right]] < k
    hits_left, hits_right = pairs_left[under], pairs_right[under]
    household_of = np.searchsorted(starts, hits_left, side="right") - 1
    found: list[list[tuple[tuple[int, str, int, str], tuple[str, ...]]]] = [[] for _ in layouts]
    for h, p, q in zip(household_of.tolist(), hits_left.tolist(), hits_right.tolist(), strict=True):
        x, y = flat[p], flat[q]
        found[h].append((_order(x, marks_of[p], y, marks_of[q]), (min(x, y), max(x, y))))
    return [[pair for _, pair in sorted(one)] for one in found]


def _ranges(starts: npt.NDArray[np.int64], stops: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """starts[0]..stops[0]-1, then starts[1]..stops[1]-1, ... as one array."""
    spans = stops - starts
    total = int(spans.sum())
    within: npt.NDArray[np.int64] = np.arange(total, dtype=np.int64) - np.repeat(
        np.cumsum(spans) - spans, spans
    )
    return np.repeat(starts, spans) + within


def _support(
    items: list[str], hot: int, mask: Callable[[str], int], households: int
) -> npt.NDArray[np.float32]:
    """support[r, u]: the households holding both item r (one of the first `hot` items, those
    touched) and item u."""
    width = households // 8 + 1
    raw = b"".join(mask(x).to_bytes(width, "little") for x in items)
    packed = np.frombuffer(raw, dtype=np.uint8).reshape(len(items), width)
    every = np.unpackbits(packed, axis=1, bitorder="little")[:, :households].astype(np.float32)
    if hot == len(items):
        return every @ every.T  # all touched (a first round): `a @ a.T` runs as BLAS syrk
    return every[:hot] @ every.T


# What follows a pair's first item when that item is needed and touched: km._pairs checks it
# against the needed items, then the touched ones, then the rest.
_GROUP = {1: 0, 2: 1, 0: 2}


def _order(x: str, mark_x: int, y: str, mark_y: int) -> tuple[int, str, int, str]:
    """Where km._pairs reports the pair (x, y) among a household's pairs: first pairs of two
    needed-and-touched items (sorted), then per needed-and-touched item its partners by group,
    then needed with touched."""
    if mark_x == 3 and mark_y == 3:
        return (0, min(x, y), 0, max(x, y))
    if mark_x == 3:
        return (1, x, _GROUP[mark_y], y)
    if mark_y == 3:
        return (1, y, _GROUP[mark_x], x)
    if mark_x == 1:  # mark_y == 2
        return (2, x, 0, y)
    return (2, y, 0, x)  # mark_x == 2, mark_y == 1
