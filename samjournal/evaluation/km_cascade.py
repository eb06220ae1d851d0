"""The later rounds of a first export's k^m check, found from what changed (km.protect).

In a first export every household is new, and so is every true item (each household's `must` is
its truth). The rounds only hold rows back: a footprint loses items and gains only count bands
(checked alone), so the support of every item that is paired, and of every pair, only falls.
A set under k in a truth was reported in the round it fell under k (or in the first round) and
fixed then: `km._fix` takes one of its items out of that truth, or holds the household whole. A
new household leaves no residual; one sent before may (a count band no row of this export
explains), and the rounds by household report it again whenever it is touched, so only an export
of new households has a cascade. A later round therefore reports what fell under k in it, in the
households whose truths hold it: the supports of every pair of true items are kept as one matrix
(km_pairs.PairSupport), each round counts again only the rows of items whose masks changed (the
round's `touch`, complete because truths only shrink: see km._spread), and the households holding
a set are found by AND over bitsets of the truths rather than laid out one by one; in a round of
many pairs (the first: 625,000 at 2,000 households, most held together by no truth), each
household reads its own off a 0/1 matrix of them instead. The sets come in the order
Support.violations reports them (test_km_cascade.py, both readings).
"""

from __future__ import annotations

import functools
import operator
from collections import defaultdict
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

import numpy as np
import numpy.typing as npt

from samjournal.evaluation import km_support
from samjournal.evaluation.km_pairs import PairSupport, bitsets, pair_columns, pair_order
from samjournal.evaluation.km_support import ALONE, Support

# A round's sets are read household by household (`Cascade._by_household`) from this many pairs
# per household that may hold one on: below, one AND per pair costs less.
BY_HOUSEHOLD = 150


class Cascade:
    """What km.protect's later rounds need of a first export: pair supports and, per item, the
    households whose truths hold it (bit i: the i-th household of `truths`)."""

    def __init__(self, support: Support, truths: Mapping[str, AbstractSet[str]], k: int) -> None:
        self.support = support
        self.names = list(truths)
        self.position = {name: i for i, name in enumerate(self.names)}
        holding = bitsets(list(truths.values()))
        assert holding is not None  # `of` checked the size
        self.pairs = PairSupport(
            list(holding), support.mask, len(support.names), lambda x: x[0] not in ALONE, k
        )
        self.holding = list(holding.values())  # by item number in `pairs`
        # Each household's true items by rank (their place in string order), for reading a
        # round's many sets household by household (`_by_household`).
        items = self.pairs.items
        self.by_rank = np.array(sorted(range(len(items)), key=items.__getitem__), dtype=np.intp)
        rank = [0] * len(items)  # by item number
        for r, i in enumerate(self.by_rank.tolist()):
            rank[i] = r
        self.rank, at = rank, self.pairs.at
        self.ranks = [{rank[at[x]] for x in truth} for truth in truths.values()]

    @classmethod
    def of(
        cls, support: Support, truths: Mapping[str, AbstractSet[str]], k: int, m: int
    ) -> Cascade | None:
        """A cascade for a first export (every household new, km._cascade) large enough to pay
        for the matrix (None otherwise)."""
        if m != 2:
            return None
        if sum(map(len, truths.values())) < km_support.PAIRS_FOR_ARRAYS:  # read now: tests set it
            return None
        items = len(set().union(*truths.values()))
        if not PairSupport.fits(items, max(len(support.names), len(truths))):
            return None
        return cls(support, truths, k)

    def narrow(self, name: str, before: AbstractSet[str], after: AbstractSet[str]) -> None:
        """The truth of household `name` went from `before` to `after` (a subset)."""
        position = self.position[name]
        bit = ~(1 << position)
        holding, at, rank, ranks = self.holding, self.pairs.at, self.rank, self.ranks[position]
        for x in before - after:
            holding[at[x]] &= bit
            ranks.discard(rank[at[x]])

    def violations(self, touch: AbstractSet[str] | None) -> list[tuple[str, tuple[str, ...]]]:
        """Support.violations(truths, k, 2, must=truths, touch=touch): in the first round
        (`touch` None) every set under k, in a later one what fell under k in it."""
        if touch is None:
            singles, first, second = self.pairs.under()
        else:
            # An item no truth holds any more is in no set to report, now or later.
            held = map(bool, self.holding)
            singles, first, second = self.pairs.fell(touch, self.support.mask, held)
        found: defaultdict[int, list[tuple[tuple[int, str, int, str], tuple[str, ...]]]]
        found = defaultdict(list)
        items, holding = self.pairs.items, self.holding
        for i in singles:
            x = items[i]
            for h in _members(holding[i]):
                found[h].append(((-1, x, 0, ""), (x,)))
        names = self.names
        if len(first):
            # The households that may hold a pair: those holding its first item.
            rows = np.unique(first).tolist()
            scanned = functools.reduce(operator.or_, (holding[i] for i in rows), 0)
            if len(first) >= BY_HOUSEHOLD * scanned.bit_count():
                return self._by_household(found, scanned, first, second, touch)
        # Few pairs: most that fell are held together by no truth (footprints hold every month
        # an event may fall in; a truth, its one month): one AND each, by number.
        for i, j in zip(first.tolist(), second.tolist(), strict=True):
            both = holding[i] & holding[j]
            if both:
                x, y = items[i], items[j]
                key = pair_order(x, _mark(x, touch), y, _mark(y, touch))
                pair = (x, y) if x < y else (y, x)
                for h in _members(both):
                    found[h].append((key, pair))
        return [(names[h], sets) for h in sorted(found) for _, sets in sorted(found[h])]

    def _by_household(
        self,
        singles: defaultdict[int, list[tuple[tuple[int, str, int, str], tuple[str, ...]]]],
        scanned: int,
        first: npt.NDArray[np.intp],
        second: npt.NDArray[np.intp],
        touch: AbstractSet[str] | None,
    ) -> list[tuple[str, tuple[str, ...]]]:
        """`violations`' sets for many pairs (a first round: hundreds of thousands, most held
        together by no truth): each household in `scanned` reads its own pairs off a 0/1 matrix
        of the pairs that fell, its true items in string order, so that its sets come out in
        the order `pair_order` sorts them (`singles`: the sets of one item, by household). The
        matrix is items x items bytes, within PairSupport's bound (`Cascade.of`)."""
        items, names, by_rank = self.pairs.items, self.names, self.by_rank
        fell = np.zeros((len(items), len(items)), dtype=np.bool_)
        fell[first, second] = True
        fell[second, first] = True
        touched = (
            None
            if touch is None
            else np.fromiter((x in touch for x in items), dtype=np.bool_, count=len(items))
        )
        out: list[tuple[str, tuple[str, ...]]] = []
        for h in sorted({*_members(scanned), *singles}):
            sets = [pair for _, pair in sorted(singles.get(h, ()))]
            ids = by_rank[sorted(self.ranks[h])]
            if touched is None:
                sets += _upper(fell, ids, items)
            else:
                hot = touched[ids]
                both, cold = ids[hot], ids[~hot]
                sets += _upper(fell, both, items)  # two touched items: (min, max)
                block = fell[np.ix_(both, cold)]  # a touched item, then an untouched one
                for p, q in zip(*(a.tolist() for a in block.nonzero()), strict=True):
                    x, y = items[both[p]], items[cold[q]]
                    sets.append((x, y) if x < y else (y, x))
            out += [(names[h], s) for s in sets]
        return out


def _upper(
    fell: npt.NDArray[np.bool_], ids: npt.NDArray[np.intp], items: list[str]
) -> list[tuple[str, ...]]:
    """The pairs of `ids` (items in string order) that fell, as (smaller, larger) in order."""
    n = len(ids)
    left, right = pair_columns(n)  # every pair p < q of the n, column by column
    left, right = left[: n * (n - 1) // 2], right[: n * (n - 1) // 2]
    hit = fell[ids[left], ids[right]].nonzero()[0]
    first, second = left[hit], right[hit]
    order = np.lexsort((second, first))  # by p, then q: the few that fell
    pairs = zip(ids[first[order]].tolist(), ids[second[order]].tolist(), strict=True)
    return [(items[i], items[j]) for i, j in pairs]


def _mark(item: str, touch: AbstractSet[str] | None) -> int:
    """km_support's mark of a true item in a first export: needed (every item is), and touched
    (3) or not (1)."""
    return 3 if touch is None or item in touch else 1


def _members(bits: int) -> Iterator[int]:
    """The positions of the set bits (few: fewer than k households hold a set under k)."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low
