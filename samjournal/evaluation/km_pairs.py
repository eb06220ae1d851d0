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
from collections.abc import Set as AbstractSet

import numpy as np
import numpy.typing as npt

# One household: its strong true items whose support changed (touched), its other strong true
# items, and its needed items (new in this export).
Layout = tuple[list[str], list[str], AbstractSet[str]]

# Bounds on the arrays (float32 cells, pair entries), so a huge study falls back to AND by pair.
MAX_CELLS = 40_000_000
MAX_PAIRS = 30_000_000


def pair_violations(
    layouts: Sequence[Layout], mask: Callable[[str], int], households: int, k: int
) -> list[list[tuple[str, ...]]] | None:
    """Per household, the pairs of a touched item with another strong item, one of the two
    needed, that fewer than k households hold, in km._pairs' order; None when the arrays would
    be too large."""
    at: dict[str, int] = {}
    hot: dict[str, int] = {}
    for first, _, _ in layouts:
        for x in first:
            if x not in hot:
                hot[x] = len(hot)
    at = dict(hot)  # touched items first: their rows in `support` are their numbers
    for _, rest, _ in layouts:
        for x in rest:
            if x not in at:
                at[x] = len(at)
    if len(at) * max(households, len(hot)) > MAX_CELLS:
        return None
    flat = [x for first, rest, _ in layouts for x in (*first, *rest)]
    items_of = np.fromiter(map(at.__getitem__, flat), dtype=np.int64, count=len(flat))
    needed_of = np.fromiter(
        (x in needed for first, rest, needed in layouts for x in (*first, *rest)),
        dtype=np.bool_,
        count=len(flat),
    )
    sizes = np.asarray([len(first) + len(rest) for first, rest, _ in layouts], dtype=np.int64)
    ends = np.cumsum(sizes)
    starts = ends - sizes
    top = starts + np.asarray([len(first) for first, _, _ in layouts], dtype=np.int64)
    # Every touched position p, paired with each position after it in its household (touched
    # items come first, so every pair holding a touched item is counted once).
    left = _ranges(starts, top)
    count = np.repeat(ends, top - starts) - left - 1
    if int(count.sum()) > MAX_PAIRS:
        return None
    pairs_left = np.repeat(left, count)
    pairs_right = pairs_left + 1 + _ranges(np.zeros_like(count), count)
    support = _support(list(at), len(hot), mask, households)
    under = support[items_of[pairs_left], items_of[pairs_right]] < k
    under &= needed_of[pairs_left] | needed_of[pairs_right]
    hits_left, hits_right = pairs_left[under], pairs_right[under]
    household_of = np.searchsorted(starts, hits_left, side="right") - 1
    found: list[list[tuple[tuple[int, str, int, str], tuple[str, ...]]]] = [[] for _ in layouts]
    touched_to = top.tolist()
    for h, p, q in zip(household_of.tolist(), hits_left.tolist(), hits_right.tolist(), strict=True):
        x, y = flat[p], flat[q]
        mark_x = bool(needed_of[p]) + 2
        mark_y = bool(needed_of[q]) + 2 * (q < touched_to[h])
        found[h].append((_order(x, mark_x, y, mark_y), (min(x, y), max(x, y))))
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
