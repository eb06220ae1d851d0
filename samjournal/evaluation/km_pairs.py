"""Pair support for k^m with m = 2, counted for every household of a round at once with numpy.

With the households' bitsets of the strong items (each held by at least k households) as the
rows of a 0/1 matrix A (items x households), S = A_t Aᵀ holds the support of every pair of a
touched item (A_t: the rows of the touched items that open a pair to check) with any strong
item: one BLAS call (float32 counts are exact far past any journal's household count) in place
of an AND and a popcount per pair in Python. Each household's pairs that hold a touched item
are then read off its own block of S < k at once; only the few violating pairs reach Python.

The pairs are reported in the order `km_support._pairs` reports them, since `km.protect` fixes
violations in the order found and the order decides which rows are held back.

`PairSupport` keeps those supports from round to round of a first export (km_cascade).
`bitsets` makes km_support.Support's bitsets the same way: one 0/1 matrix, packed, for what
would be a Python step per footprint item.
"""

from __future__ import annotations

import functools
import operator
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import chain, count

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

# One household's strong true items by mark (km_support._pairs): needed and touched (3),
# touched only (2), needed only (1), neither (0). A pair is checked when its marks OR to 3.
Layout = tuple[list[str], list[str], list[str], list[str]]

# A bound on the matrix (float32 cells), so a huge study falls back to AND by pair.
MAX_CELLS = 40_000_000

# The BLAS behind numpy (made after numpy is loaded, so it finds it). Its worker threads spin
# for a while after every product they help with, a core each: over an export's rounds of
# products that cost more CPU than the products themselves (the bench's check: 2.1 -> 1.4 s
# CPU with one thread), and on a busy machine the spinning slows the export too. One thread
# does these products.
_BLAS = ThreadpoolController()


def pair_count(layout: Layout) -> int:
    """The pairs of one household to check: a needed-and-touched item with every later item,
    a touched-only item with every needed-only one."""
    both, touched, needed, rest = map(len, layout)
    return both * (both - 1) // 2 + both * (touched + needed + rest) + touched * needed


def pair_violations(
    layouts: Sequence[Layout], mask: Callable[[str], int], households: int, k: int
) -> list[list[tuple[str, ...]]] | None:
    """Per household, the pairs to check (`pair_count`) that fewer than k households hold, in
    km_support._pairs' order; None when the arrays would be too large."""
    if not any(map(pair_count, layouts)):
        return [[] for _ in layouts]
    # The items that open a pair first (a needed-and-touched item; a touched-only one where
    # the household has needed-only ones): their rows in `support` are their numbers. On a
    # repeated export most touched items open none, and the product shrinks with its rows.
    hot = set().union(
        *[layout[0] for layout in layouts], *[layout[1] for layout in layouts if layout[2]]
    )
    at = dict(zip(hot, range(len(hot)), strict=True))
    cold = set().union(*[x for layout in layouts for x in layout])
    cold -= hot
    at.update(zip(cold, range(len(hot), len(hot) + len(cold)), strict=True))
    if len(at) * max(households, len(hot)) > MAX_CELLS:
        return None
    # Each household's pairs are read off the under-k matrix: a needed-and-touched item with
    # every item after it, a touched-only item with the needed-only ones. Few pairs are under
    # k, so only those reach Python.
    weak = _support(list(at), len(hot), mask, households) < k
    # Read through flat indices (row * width + column): one gather per block, cheaper than a
    # broadcast 2-D fancy index.
    flat, width = weak.ravel(), weak.shape[1]
    found: list[list[tuple[str, ...]]] = []
    for both, touched, needed, rest in layouts:
        hits: list[tuple[tuple[int, str, int, str], tuple[str, ...]]] = []
        nb, nt, nn, nr = len(both), len(touched), len(needed), len(rest)
        if not nb and not (nt and nn):
            found.append([])
            continue
        # The needed-and-touched items last: the pairs holding one are then the pairs (p, q),
        # p < q, whose q is one of the last nb, a run of `pair_columns`.
        mine = [*rest, *needed, *touched, *both]
        n = len(mine)
        ids = np.fromiter(map(at.__getitem__, mine), dtype=np.intp, count=n)
        if nb:
            left, right = pair_columns(n)
            cut = slice((n - nb) * (n - nb - 1) // 2, n * (n - 1) // 2)
            left, right = left[cut], right[cut]
            hit = flat[ids[right] * width + ids[left]].nonzero()[0]
            if len(hit):
                for p, q in zip(left[hit].tolist(), right[hit].tolist(), strict=True):
                    x, y = mine[q], mine[p]
                    mark = 0 if p < nr else 1 if p < nr + nn else 2 if p < n - nb else 3
                    hits.append((pair_order(x, 3, y, mark), (min(x, y), max(x, y))))
        if nt and nn:
            rows = ids[nr + nn : nr + nn + nt] * width
            block = flat[rows[:, None] + ids[None, nr : nr + nn]]
            for p, q in zip(*(a.tolist() for a in block.nonzero()), strict=True):
                x, y = touched[p], needed[q]
                hits.append((pair_order(x, 2, y, 1), (min(x, y), max(x, y))))
        found.append([pair for _, pair in sorted(hits)])
    return found


class PairSupport:
    """The support of every pair of a fixed list of items, one symmetric matrix, kept from
    round to round of km.protect by counting again only the rows of items whose masks changed.
    In the top-down rounds of a first export the supports of paired items only fall, so what
    a round must look at is what fell under k in it (km_cascade says why that is all). An item
    under k, or in no truth any more, is paired no more: its row and column are no longer kept."""

    def __init__(
        self,
        items: list[str],
        mask: Callable[[str], int],
        households: int,
        paired: Callable[[str], bool],
        k: int,
    ) -> None:
        """`paired`: whether an item is ever paired (items checked alone are not)."""
        self.items = items
        self.at = {x: i for i, x in enumerate(items)}
        self.households = households
        self.k = k
        self.size = [mask(x).bit_count() for x in items]
        self.paired = np.fromiter(map(paired, items), dtype=np.bool_, count=len(items))
        self.live = self.paired & (np.array(self.size) >= k)  # the items a pair may hold
        # Whether each pair is held by k or more: supports only fall, so once under k a pair
        # stays under, and a round needs only this bit of what it counts again (a byte a
        # cell, a quarter of a float32 count: 4 MB at the bench's 2,052 items, 40 MB at the
        # MAX_CELLS bound).
        self.strong = _support(items, len(items), mask, households) >= k

    @staticmethod
    def fits(items: int, households: int) -> bool:
        """Whether the matrix and the 0/1 masks behind it stay within `MAX_CELLS`."""
        return items * max(items, households) <= MAX_CELLS

    def under(self) -> tuple[list[int], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """What is under k before any round, as `fell` gives it: every item under k, and every
        pair under k of items paired, each held by at least k households."""
        k, live = self.k, self.live
        items = [i for i, n in enumerate(self.size) if n < k]
        columns = live.nonzero()[0]
        first, second = np.triu(~self.strong[np.ix_(columns, columns)], 1).nonzero()
        return items, columns[first], columns[second]

    def fell(
        self, touched: Collection[str], mask: Callable[[str], int], held: Iterable[bool]
    ) -> tuple[list[int], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """Count again what `touched` (every item whose mask changed) holds; the items (by
        number) whose support fell under k, and the pairs (two arrays of numbers, by row) of
        items paired, each held by at least k households, whose support fell under k. `held`:
        whether an item (by number) is still one a pair can hold; once not, it never is again."""
        k, size, at = self.k, self.size, self.at
        ids = sorted(i for x in touched if (i := at.get(x)) is not None)
        items = []
        for i in ids:
            n = mask(self.items[i]).bit_count()
            if n < k <= size[i]:
                items.append(i)
            size[i] = n
        before = self.live & np.fromiter(held, dtype=np.bool_, count=len(self.items))
        self.live = live = before & (np.array(size) >= k)
        rows = np.fromiter((i for i in ids if before[i]), dtype=np.intp)
        if not len(rows):
            return items, rows, rows
        # Only pairs of items held by k or more before can fall under k: their columns.
        columns = before.nonzero()[0]
        masks = [mask(self.items[i]) for i in columns.tolist()]
        cover = functools.reduce(operator.or_, (mask(self.items[i]) for i in rows.tolist()), 0)
        every = _bits(masks, self.households, cover)
        keep = live[columns]
        place = np.searchsorted(columns, rows)  # rows were live: each is a column
        with _BLAS.limit(limits=1, user_api="blas"):
            if len(rows) * 2 > len(columns):  # most rows: one syrk costs less than the rows'
                new = (every @ every.T)[place]  # (over `cover`: right only in the rows)
            else:
                new = every[place] @ every.T
        fell = (new < k) & self.strong[np.ix_(rows, columns)]
        # Only the pairs that fell change (none rises): both halves of the symmetric matrix.
        down, across = fell.nonzero()
        self.strong[rows[down], columns[across]] = False
        self.strong[columns[across], rows[down]] = False
        fell &= keep[place][:, None] & keep[None, :]
        # A pair of two rows is found in both: kept in the row of its first item.
        fell[:, place] &= rows[None, :] > rows[:, None]
        first, second = fell.nonzero()
        return items, rows[first], columns[second]


def bitsets(footprints: Sequence[Collection[str]]) -> dict[str, int] | None:
    """km_support.Support's bitsets: per item, the footprints holding it as an int (bit i:
    footprints[i]), items in the order first met; None when the matrix would be too large.
    Items are numbered in one pass in C, their bits set in one 0/1 matrix and packed, so Python
    makes only one int per item (not one step per footprint item)."""
    number: defaultdict[str, int] = defaultdict(count().__next__)
    sizes = np.fromiter(map(len, footprints), dtype=np.intp, count=len(footprints))
    codes = np.fromiter(
        map(number.__getitem__, chain.from_iterable(footprints)),
        dtype=np.intp,
        count=int(sizes.sum()),
    )
    if len(number) * len(footprints) > MAX_CELLS:
        return None
    held = np.zeros((len(number), len(footprints)), dtype=np.bool_)
    held[codes, np.repeat(np.arange(len(footprints)), sizes)] = True
    packed = np.packbits(held, axis=1, bitorder="little")
    return {item: int.from_bytes(row, "little") for item, row in zip(number, packed, strict=True)}


def pair_columns(n: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """(p, q) of every pair p < q, column by column (q = 1, 2, ...: p = 0 .. q - 1), at least
    up to q = n - 1: the pairs of n items are its first n (n - 1) / 2."""
    return _columns_upto(max(256, 1 << (n - 1).bit_length()))


@functools.lru_cache(maxsize=4)
def _columns_upto(size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    per_column = np.arange(size, dtype=np.intp)  # column q has q pairs
    right = np.repeat(per_column, per_column)
    first = np.cumsum(per_column) - per_column  # where each column starts
    left = np.arange(len(right), dtype=np.intp) - np.repeat(first, per_column)
    left.flags.writeable = right.flags.writeable = False  # shared through the cache
    return left, right


def _support(
    items: list[str], hot: int, mask: Callable[[str], int], households: int
) -> npt.NDArray[np.float32]:
    """support[r, u]: the households holding both item r (one of the first `hot` items, those
    that open a pair) and item u."""
    masks = list(map(mask, items))
    every = _bits(masks, households, functools.reduce(operator.or_, masks[:hot], 0))
    with _BLAS.limit(limits=1, user_api="blas"):
        if hot == len(items):
            return every @ every.T  # all open a pair (a first round): `a @ a.T` runs as syrk
        return every[:hot] @ every.T


def _bits(masks: list[int], households: int, cover: int) -> npt.NDArray[np.float32]:
    """The masks as a 0/1 matrix (a row per mask), over the households in `cover`: only the
    households that hold an item opening a pair add to its pairs, so in a late round, with few
    such items, most households are left out of the product (kept when few would be: copying
    the columns would cost more than it saves)."""
    width = households // 8 + 1
    raw = b"".join(found.to_bytes(width, "little") for found in masks)
    packed = np.frombuffer(raw, dtype=np.uint8).reshape(len(masks), width)
    # The padding bits past the last household are 0 and add nothing to a product: kept, so
    # the matrix stays contiguous (no copy on its way to BLAS).
    bits = np.unpackbits(packed, axis=1, bitorder="little")
    if cover.bit_count() < households * 3 // 4:
        held = np.frombuffer(cover.to_bytes(width, "little"), dtype=np.uint8)
        bits = bits[:, np.unpackbits(held, bitorder="little").nonzero()[0]]
    return bits.astype(np.float32)


# What follows a pair's first item when that item is needed and touched: km_support._pairs checks it
# against the needed items, then the touched ones, then the rest.
_GROUP = {1: 0, 2: 1, 0: 2}


def pair_order(x: str, mark_x: int, y: str, mark_y: int) -> tuple[int, str, int, str]:
    """Where km_support._pairs reports the pair (x, y) among a household's pairs: first pairs of two
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
