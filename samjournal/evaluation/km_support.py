"""Counting support for k^m-anonymity (km.protect holds back what would break it).

Support of a set of items = the households whose footprint holds all of them. Each item has a
bitset of households (a Python int, one bit per household); a set's support is the popcount of
their AND. For m = 2 and many pairs (a first export: millions), the supports of every pair come
from one matrix product over the bitsets and the households' pairs are filtered as numpy arrays
(km_pairs); for few pairs, or without numpy, each pair is one AND, run by `map` in C.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet

from samjournal.evaluation.attacker import UP_TO

EVENT_KINDS = frozenset("pmncx")  # items that carry a month (attacker.py)
ALONE = "v#"  # items checked alone: the full field combination, row-count bands
# Pairs are counted with numpy arrays (km_pairs) from this many pairs, or this many true items
# of the households checked, on (below, ANDing pair by pair costs less than laying out the
# arrays; above, even with few pairs, the masks and marks of every true item cost more by
# household in Python than in one go).
PAIRS_FOR_ARRAYS = 20_000


class Support:
    """Bitsets of households per item, over a fixed numbering of households."""

    def __init__(self, footprints: Mapping[str, AbstractSet[str]], *, copy: bool = True) -> None:
        """`copy`=False: footprints that are sets are handed over (kept, not copied)."""
        self.names = list(footprints)
        self.index = {name: i for i, name in enumerate(self.names)}
        self.footprints: list[set[str]] = [
            f if not copy and isinstance(f, set) else set(f) for f in footprints.values()
        ]
        self.masks: dict[str, int] = {}  # mask() of items, until their bits change
        self.bits = _bitsets(self.footprints)
        self._up_to: dict[str, list[tuple[str, str]]] | None = None  # base -> (month, item)

    def mask(self, item: str) -> int:
        """The households compatible with `item`: those whose footprint holds it, and for an
        item with a month, those that hold it up to that month or a later one ("|..2026-05",
        a starred opening period) or without a month (an event without a day: "|?")."""
        found = self.masks.get(item)
        if found is None:
            found = self.bits.get(item, 0)
            if item[0] in EVENT_KINDS:
                cut = item.rindex("|")
                base, month = item[:cut], item[cut + 1 :]
                found |= self.bits.get(base + "|?", 0)
                later = self._bounded().get(base)
                if later and month[:1].isdigit():
                    bits = self.bits
                    for last, bounded in later:
                        if last >= month:
                            found |= bits.get(bounded, 0)
            self.masks[item] = found
        return found

    def _bounded(self) -> dict[str, list[tuple[str, str]]]:
        """Base -> (month, item) of every "up to" item held, made when first needed."""
        if self._up_to is None:
            self._up_to = {}
            for item in self.bits:
                cut = item.rfind("|" + UP_TO)
                if cut > 0:
                    self._up_to.setdefault(item[:cut], []).append((item[cut + 3 :], item))
        return self._up_to

    def of(self, items: Iterable[str]) -> int:
        found = self.holders(items)
        return 0 if found == -1 else found.bit_count()

    def holders(self, items: Iterable[str]) -> int:
        """The bitset of households compatible with every item (-1: no item)."""
        found = -1
        for item in items:
            found &= self.mask(item)
        return found

    def replace(self, name: str, items: set[str]) -> set[str]:
        """Give household `name` the footprint `items` (kept, not copied: the caller hands the
        set over); the items whose support changed."""
        i = self.index[name]
        old = self.footprints[i]
        self.footprints[i] = items
        return self._moved(i, old - items, items - old)

    def change(self, name: str, gone: set[str], came: set[str]) -> set[str]:
        """Take `gone` from household `name`'s footprint and add `came` (in place); the items
        whose support changed, as `replace` gives them."""
        i = self.index[name]
        items = self.footprints[i]
        gone &= items
        came -= items
        items -= gone
        items |= came
        return self._moved(i, gone, came)

    def _moved(self, i: int, gone: set[str], came: set[str]) -> set[str]:
        """Household `i`'s bits after its footprint lost `gone` and gained `came`."""
        bit = 1 << i
        bits = self.bits
        for item in gone:
            bits[item] &= ~bit
        for item in came:
            bits[item] = bits.get(item, 0) | bit
        changed = gone | came
        if any(item.endswith("|?") or "|" + UP_TO in item for item in changed):
            self.masks.clear()
            self._up_to = None
        else:
            for item in changed:
                self.masks.pop(item, None)
        return changed

    def violations(
        self,
        truths: Mapping[str, AbstractSet[str]],
        k: int,
        m: int,
        *,
        must: Mapping[str, AbstractSet[str]] | None = None,
        touch: AbstractSet[str] | None = None,
    ) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(household, items) for every minimal set of up to m of a household's true items that
        fewer than k households' footprints hold. With `must`, only sets holding one of the
        household's `must` items (the rest were checked before); with `touch`, only sets holding
        an item whose support changed."""
        jobs: list[tuple[str, AbstractSet[str], AbstractSet[str], AbstractSet[str]]] = []
        # In household order: a set found at once, or None where a job's sets go.
        found: list[tuple[str, tuple[str, ...] | None]] = []
        for name, truth in truths.items():
            needed = None if must is None else must.get(name, set())
            if needed is not None and not needed:
                continue
            if touch is not None and touch.isdisjoint(truth):
                continue
            if needed is not None and all(x[0] in ALONE for x in needed):
                # Only items checked alone are new (a repeated export): no set to pair.
                for x in sorted(needed):
                    if (touch is None or x in touch) and self.mask(x).bit_count() < k:
                        found.append((name, (x,)))
                continue
            touched = truth if touch is None else truth & touch
            if needed is not None and needed is not truth:
                needed = needed & truth
            jobs.append((name, truth, truth if needed is None else needed, touched))
            found.append((name, None))
        sets = None
        items = sum(len(x) for _, x, _, _ in jobs)
        if m == 2 and (
            items >= PAIRS_FOR_ARRAYS
            or sum(len(t) * len(x) for _, x, _, t in jobs) >= PAIRS_FOR_ARRAYS
        ):
            sets = self._by_arrays(jobs, k)  # None: too few pairs to pay for the arrays
        if sets is None:
            sets = {}
            total = len(self.names)
            for name, truth, needed, touched in jobs:
                ordered = sorted(truth)
                marks = [(x in needed) + 2 * (x in touched) for x in ordered]
                masks = [self.mask(x) for x in ordered]
                sets[name] = list(_minimal(masks, ordered, marks, k, m, total))
        return iter([(n, s) for n, one in found for s in ([one] if one else sets[n])])

    def _by_arrays(
        self, jobs: list[tuple[str, AbstractSet[str], AbstractSet[str], AbstractSet[str]]], k: int
    ) -> dict[str, list[tuple[str, ...]]] | None:
        """m = 2 for many households at once: single items by set operations, pairs by numpy
        (km_pairs); the same sets in the same order as `_minimal` (None: too many to lay out,
        or no numpy)."""
        if importlib.util.find_spec("numpy") is None:  # the frozen program leaves numpy out
            return None  # (packaging/samjournal.spec); an error inside km_pairs is not hidden
        from samjournal.evaluation.km_pairs import pair_count, pair_violations  # needs numpy

        every: set[str] = set().union(*(truth for _, truth, _, _ in jobs))
        sizes = {x: self.mask(x).bit_count() for x in every}
        weak = {x for x, n in sizes.items() if n < k}
        strong = {x for x, n in sizes.items() if n >= k and x[0] not in ALONE}
        layouts: list[tuple[list[str], list[str], list[str], list[str]]] = []
        nothing: tuple[list[str], list[str], list[str], list[str]] = ([], [], [], [])
        for _, truth, needed, touched in jobs:
            # The strong items touched (all of them when every true item is touched).
            hot: AbstractSet[str]
            if touched is truth:
                mine = hot = truth & strong
            else:
                hot = strong & touched
                if not hot:  # no pair holds a touched item: none to check
                    layouts.append(nothing)
                    continue
                mine = truth & strong
            if len(needed) == len(truth):  # every true item is new (needed is truth, a subset)
                layouts.append((list(hot), [], list(mine - hot), []))
                continue
            both = hot & needed
            layouts.append(
                (
                    list(both),
                    list(hot - both),
                    list((needed & mine) - both),
                    list(mine - touched - needed),
                )
            )
        items = sum(len(truth) for _, truth, _, _ in jobs)
        if max(sum(map(pair_count, layouts)), items) < PAIRS_FOR_ARRAYS:
            return None
        pairs = pair_violations(layouts, self.mask, len(self.names), k)
        if pairs is None:
            return None
        sets: dict[str, list[tuple[str, ...]]] = {
            name: [(x,) for x in sorted(touched & needed & weak)]
            for name, _, needed, touched in jobs
        }
        for (name, _, _, _), found in zip(jobs, pairs, strict=True):
            sets[name].extend(found)
        return sets


def _bitsets(footprints: list[set[str]]) -> dict[str, int]:
    """Per item, the bitset of the footprints holding it (bit i: footprints[i]), items in the
    order first met: by numpy (km_pairs) where it is there, else a bytearray per item."""
    if importlib.util.find_spec("numpy") is not None:  # as in `_by_arrays`
        from samjournal.evaluation.km_pairs import bitsets  # needs numpy

        found = bitsets(footprints)
        if found is not None:
            return found
    # Bits set in one bytearray per item, made an int once (an OR per household would copy the
    # whole int each time).
    width = len(footprints) // 8 + 1
    raw: dict[str, bytearray] = {}
    for i, items in enumerate(footprints):
        at, bit = i >> 3, 1 << (i & 7)
        for item in items:
            data = raw.get(item)
            if data is None:
                data = raw[item] = bytearray(width)
            data[at] |= bit
    return {item: int.from_bytes(data, "little") for item, data in raw.items()}


def _minimal(
    masks: list[int], items: list[str], marks: list[int], k: int, m: int, total: int
) -> Iterator[tuple[str, ...]]:
    """Marks: 1 = a needed item, 2 = a touched item; a set is checked when its marks OR to 3.
    `total`: the households counted (for the bound in `_pairs`)."""
    sizes = [b.bit_count() for b in masks]
    weak = {i for i, n in enumerate(sizes) if n < k}
    for i in sorted(weak):
        if marks[i] == 3:
            yield (items[i],)
    if m < 2:
        return
    # The full combination of household fields ("v|") and the row counts ("#|") are checked
    # alone (attacker.py says why).
    strong = [i for i in range(len(items)) if i not in weak and items[i][0] not in ALONE]
    if m == 2:
        yield from _pairs(masks, items, marks, strong, k, sizes, total)
        return
    yield from _deeper(items, masks, marks, strong, k, m)


def _pairs(
    masks: list[int],
    items: list[str],
    marks: list[int],
    strong: list[int],
    k: int,
    sizes: list[int],
    total: int,
) -> Iterator[tuple[str, ...]]:
    """Pairs, the common case: one AND and popcount per pair, run by `map` in C over slices of
    mask lists (one `map` per item). A pair is checked when one item is both needed and touched
    (marks 3, whatever the other), or one needed and one touched."""
    both = [i for i in strong if marks[i] == 3]
    ones = [i for i in strong if marks[i] == 1]
    twos = [i for i in strong if marks[i] == 2]
    rest = [i for i in strong if marks[i] == 0]  # neither: paired with a needed, touched one
    of_rest = [masks[i] for i in rest]
    of_twos = [masks[i] for i in twos]
    of_ones = [masks[i] for i in ones]
    count = int.bit_count
    found: list[tuple[str, ...]] = []

    def under(i: int, others: list[int], of_others: list[int]) -> None:
        if not of_others:
            return
        together = list(map(count, map(masks[i].__and__, of_others)))
        if min(together) < k:
            for j, n in zip(others, together, strict=True):
                if n < k:
                    found.append((items[min(i, j)], items[max(i, j)]))

    # Two items held by a and b of `total` households are held together by at least
    # a + b - total: with both by size, each item's partners from `stop` on need no AND.
    by_size = sorted(both, key=sizes.__getitem__)
    of_size = [masks[i] for i in by_size]
    size = [sizes[i] for i in by_size]
    for a, i in enumerate(by_size):
        stop = bisect_left(size, total + k - size[a], a + 1)
        under(i, by_size[a + 1 : stop], of_size[a + 1 : stop])
    found.sort()
    for i in both:
        under(i, ones, of_ones)
        under(i, twos, of_twos)
        under(i, rest, of_rest)
    if twos:
        for i in ones:
            under(i, twos, of_twos)
    return iter(found)


def _deeper(
    items: list[str],
    masks: list[int],
    marks: list[int],
    strong: list[int],
    k: int,
    m: int,
) -> Iterator[tuple[str, ...]]:
    """Sets of 2..m items by depth-first extension; a set under k is reported and not extended
    (its supersets are under k too, and fixing it fixes them)."""
    stack: list[tuple[tuple[int, ...], int, int]] = [((i,), masks[i], marks[i]) for i in strong]
    while stack:
        chosen, mask, mark = stack.pop()
        for j in strong:
            if j <= chosen[-1]:
                continue
            both = mask & masks[j]
            picked, joined = (*chosen, j), mark | marks[j]
            if both.bit_count() < k:
                if joined == 3:
                    yield tuple(items[x] for x in picked)
            elif len(picked) < m:
                stack.append((picked, both, joined))
