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
a set are found by AND over bitsets of the truths rather than laid out one by one. The sets come
in the order Support.violations reports them (test_km_cascade.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

from samjournal.evaluation import km_support
from samjournal.evaluation.km_pairs import PairSupport, bitsets, pair_order
from samjournal.evaluation.km_support import ALONE, Support


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
        bit = ~(1 << self.position[name])
        holding, at = self.holding, self.pairs.at
        for x in before - after:
            holding[at[x]] &= bit

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
        # Most pairs that fell are held together by no truth (footprints hold every month an
        # event may fall in; a truth, its one month): one AND each, by number.
        for i, j in zip(first.tolist(), second.tolist(), strict=True):
            both = holding[i] & holding[j]
            if both:
                x, y = items[i], items[j]
                key = pair_order(x, _mark(x, touch), y, _mark(y, touch))
                pair = (x, y) if x < y else (y, x)
                for h in _members(both):
                    found[h].append((key, pair))
        names = self.names
        return [(names[h], sets) for h in sorted(found) for _, sets in sorted(found[h])]


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
