"""Holding back what would break k^m-anonymity (km_support counts support).

`protect` takes this export's candidates (what each household already has at the evaluator, and
the rows this export would add or change) and holds back, round by round, the rows that carry an
item of a violating set, least supported item first (a check-in's last); a new household whose
own fields violate is held back whole until it fits. What was released before cannot be taken
back: a violation only old rows explain is left and reported (`Outcome.residual`). Rows held
back by an earlier export and unchanged since wait: held from the start, they are tried after the
rounds, bottom-up, and sent only where nothing breaks (`_release_waiting`): a repeated export does
not weigh them again round by round as if new. In a first export the rounds after the first look
only at what fell under k (km_cascade): the same sets in the same order, found from what changed.
"""

from __future__ import annotations

import functools
import importlib.util
from collections import Counter
from collections.abc import Hashable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from samjournal.evaluation.attacker import SHORT, UP_TO, count_items
from samjournal.evaluation.km_support import EVENT_KINDS, Support

if TYPE_CHECKING:  # km_cascade needs numpy, which the frozen program leaves out
    from samjournal.evaluation.km_cascade import Cascade


@dataclass(slots=True)
class Unit:
    """A row this export would send new or changed: holding it back keeps what was sent."""

    key: Hashable
    table: str
    items: tuple[str, ...]  # what its released form is compatible with (footprint); one base
    true: tuple[str, ...]  # what an attacker may know of it (its true items)
    new_row: bool  # the evaluator has no version of it yet (counts as a row when sent)
    own: bool = False  # the household's own row
    row: object = None  # the caller's handle on the row (release_check: its Line)
    waiting: bool = False  # held back before, unchanged since: starts held, tried bottom-up
    late: bool = False  # may not be sent in this export (release_check: its day is too recent)


CHECKIN = SHORT["checkins"]  # an item's kind is its first character (attacker.py)
_TABLE = attrgetter("table")
_NEW_ROW = attrgetter("new_row")


@dataclass(slots=True)
class Candidate:
    """One household in this export."""

    name: str  # pseudonym
    fixed: set[str]  # footprint it has at the evaluator whatever this export does
    fixed_true: set[str]  # true items of rows it keeps whatever this export does
    rows: dict[str, int]  # table -> rows the evaluator holds whatever this export does
    units: list[Unit]
    new: bool  # never released: may be held back whole
    held: set[Hashable] = field(default_factory=set)  # unit keys held back
    whole: bool = False  # held back whole
    known: tuple[set[str], set[str]] | None = None  # truth(), until something is held back
    offered: dict[str, int] | None = None  # _counts(held=True): fixed once made
    carrying: dict[str, list[Unit]] | None = None  # true item -> its units, in units' order
    pending: list[Unit] = field(default_factory=list)  # held back since last narrowed()
    held_units: list[Unit] = field(default_factory=list)  # every unit held back, in order
    bases: dict[str, list[Unit]] | None = None  # _by_base(), made when first needed
    dropped: dict[str, int] = field(default_factory=dict)  # table -> new rows held back

    def carriers(self, item: str) -> list[Unit]:
        """The units not held back whose true items hold `item`, in the units' order."""
        if self.carrying is None:
            carrying: dict[str, list[Unit]] = {}
            for unit in self.units:
                true = unit.true
                if len(true) == 1:  # an event row: one true item
                    found = carrying.get(true[0])
                    if found is None:
                        carrying[true[0]] = [unit]
                    else:
                        found.append(unit)
                    continue
                for x in true:
                    found = carrying.setdefault(x, [])
                    if not found or found[-1] is not unit:  # a repeated item counts once
                        found.append(unit)
            self.carrying = carrying
        held = self.held
        return [u for u in self.carrying.get(item, ()) if u.key not in held]

    def hold(self, units: list[Unit]) -> None:
        """Hold back `units` (from `carriers`). The truth, if known, loses only the true items
        of these units that no unit left and no kept row holds (the count bands count held
        rows too), so it is narrowed here rather than made again from every unit."""
        held = self.held
        held.update(u.key for u in units)
        self.pending += units
        self.held_units += units
        if self.known is None or self.carrying is None:
            self.known = None
            return
        carrying = self.carrying
        gone = {
            x
            for u in units
            for x in u.true
            if x not in self.fixed_true and all(v.key in held for v in carrying[x])
        }
        if gone:
            everything, new = self.known
            left = everything - gone
            self.known = (left, left if new is everything else new - gone)

    def hold_waiting(self) -> None:
        """Hold back the units that wait, and those that are late, from the start: the top-down
        rounds leave them be (and only those that wait are tried after them)."""
        held = self.held
        waiting = [u for u in self.units if (u.waiting or u.late) and u.key not in held]
        if waiting:
            self._move(waiting, held=True)

    def waiting(self) -> dict[tuple[str, ...], list[Unit]]:
        """The units that wait and are still held back, by their true items."""
        found: dict[tuple[str, ...], list[Unit]] = {}
        for unit in self.held_units:
            if unit.waiting:
                found.setdefault(unit.true, []).append(unit)
        return found

    def release(self, units: list[Unit]) -> None:
        """Send `units`, held back, after all."""
        self._move(units, held=False)

    def take_back(self, units: list[Unit]) -> None:
        """Hold back again `units` just released."""
        self._move(units, held=True)

    def _move(self, units: list[Unit], *, held: bool) -> None:
        keys = {u.key for u in units}
        step = 1 if held else -1
        for unit in units:
            if unit.new_row:
                self.dropped[unit.table] = self.dropped.get(unit.table, 0) + step
        if held:
            self.held |= keys
            self.held_units += units
        else:
            self.held -= keys
            self.held_units = [u for u in self.held_units if u.key not in keys]
        self.known = None

    def _counts(self, *, held: bool) -> dict[str, int]:
        """Rows per table the evaluator will hold (`held`: counting rows held back too)."""
        if self.offered is None:
            sent = Counter(map(_TABLE, filter(_NEW_ROW, self.units)))  # in C: units are many
            self.offered = {table: n + sent[table] for table, n in self.rows.items()}
        counts = dict(self.offered)
        if not held and self.held:
            for unit in self.units:
                if unit.new_row and unit.table in counts and unit.key in self.held:
                    counts[unit.table] -= 1
        return counts

    def footprint(self) -> set[str]:
        if self.whole:
            return set(self.fixed)
        held = self.held
        units = [u for u in self.units if u.key not in held] if held else self.units
        items = self.fixed.union(*[u.items for u in units])
        # Rows held back make a released count a lower bound: every band from it up fits.
        items.update(_bands(self._counts(held=False), or_more=True))
        return items

    def _by_base(self) -> dict[str, list[Unit]]:
        """Units by the bases of their items (an event row's items share one base: its kind and
        fields, the month apart; the household's own row is filed under each of its items')."""
        if self.bases is None:
            self.bases = {}
            for unit in self.units:
                items = unit.items
                if unit.own:
                    for b in {_base(x) for x in items}:
                        self.bases.setdefault(b, []).append(unit)
                elif items:
                    self.bases.setdefault(_base(items[0]), []).append(unit)
        return self.bases

    def narrowed(self) -> tuple[set[str], set[str]]:
        """(items the footprint may lose, count bands it may gain) by the units held back since
        the footprint was last made or narrowed: `footprint()` as a change, so Support compares
        only these with the footprint it holds."""
        pending, self.pending = self.pending, []
        held = self.held
        gone = {x for u in pending for x in u.items}
        gone -= self.fixed
        if gone:
            # Only units with an item of the same base (kind and fields) can still carry one.
            by_base = self._by_base()
            bases = {_base(x) for x in gone}
            gone -= set().union(
                *[u.items for b in bases for u in by_base.get(b, ()) if u.key not in held]
            )
        dropped = self.dropped
        for unit in pending:
            if unit.new_row:
                dropped[unit.table] = dropped.get(unit.table, 0) + 1
        counts = self._counts(held=True)  # rows offered; less those held, as _counts(held=False)
        for table, n in dropped.items():
            if table in counts:
                counts[table] -= n
        return gone, set(_bands(counts, or_more=True))

    def truth(self) -> tuple[set[str], set[str]]:
        """(every true item released, those new in this export)."""
        if self.known is None:
            self.known = self._truth()
        return self.known

    def _truth(self) -> tuple[set[str], set[str]]:
        if self.whole:
            return set(), set()
        held = self.held
        units = [u for u in self.units if u.key not in held] if held else self.units
        new = set(_bands(self._counts(held=True), or_more=False))
        new = new.union(*[u.true for u in units])
        new -= self.fixed_true
        if not self.fixed_true:  # every true item is new: one set serves as both
            return new, new
        return self.fixed_true | new, new


@dataclass(frozen=True, slots=True)
class Outcome:
    footprints: dict[str, set[str]]  # every household ever released, as the evaluator will hold
    held_rows: frozenset[Hashable]  # unit keys held back (households held whole not included)
    held_households: frozenset[str]  # new households held back whole
    residual: tuple[tuple[str, tuple[str, ...]], ...]  # violations only old rows explain
    rounds: int


def protect(
    candidates: list[Candidate], others: dict[str, frozenset[str]], k: int, m: int
) -> Outcome:
    """Hold back rows (and new households) until every set of up to m true items of every
    household is compatible with at least k households' footprints; `others` are households
    that left (footprints kept). Only sets with an item new in this export are checked: the
    footprints only grow, so a set that held before still holds. Rows that wait (held back
    before, unchanged since) are held from the start and tried after the rounds, bottom-up;
    rows that are late (Unit.late) are held from the start and not tried."""
    by_name = {c.name: c for c in candidates}
    for c in candidates:
        c.hold_waiting()
    # The candidates' footprints are made here: handed over, not copied.
    support = Support({**others, **{c.name: c.footprint() for c in candidates}}, copy=False)
    residual: dict[tuple[str, tuple[str, ...]], None] = {}
    touch: set[str] | None = None
    months_of: dict[str, list[str]] | None = None  # event base -> true items with a month
    rounds = 0
    truths, news = {}, {}  # kept across rounds: only the candidates fixed change
    for c in candidates:
        truths[c.name], news[c.name] = c.truth()
    cascade = _cascade(candidates, support, truths, k, m)
    while True:
        rounds += 1
        if cascade is not None:
            found = cascade.violations(touch)
        else:
            found = list(support.violations(truths, k, m, must=news, touch=touch))
        touched: set[str] = set()
        for name, items in found:
            candidate = by_name[name]
            if not set(items) <= candidate.truth()[0]:
                continue  # fixed already by an earlier violation of this round
            if _fix(candidate, items, support):
                touched.add(name)
            else:
                residual[(name, items)] = None
        if not touched:
            break
        touch = set()
        for name in touched:
            candidate = by_name[name]
            before = truths[name]
            truths[name], news[name] = candidate.truth()
            if cascade is not None:
                cascade.narrow(name, before, truths[name])
            if candidate.whole:
                touch |= support.replace(name, candidate.footprint())
            else:
                touch |= support.change(name, *candidate.narrowed())
        if not touch:
            break
        # Truths only shrink, so their items when first needed cover every later round; an
        # item no truth holds any more changes nothing (touch only meets truths).
        months_of = _spread(touch, truths, months_of)
    waiting = [c for c in candidates if not c.whole and any(u.waiting for u in c.held_units)]
    if waiting:
        _release_waiting(waiting, support, truths, k, m)
    left = []
    for name, items in residual:
        truth = by_name[name].truth()[0]
        if set(items) <= truth and support.of(items) < k:
            left.append((name, items))
    held = frozenset(key for c in candidates if not c.whole for key in c.held)
    return Outcome(
        footprints={n: support.footprints[i] for n, i in support.index.items()},
        held_rows=held,
        held_households=frozenset(c.name for c in candidates if c.whole),
        residual=tuple(left),
        rounds=rounds,
    )


def _cascade(
    candidates: list[Candidate],
    support: Support,
    truths: Mapping[str, AbstractSet[str]],
    k: int,
    m: int,
) -> Cascade | None:
    """The later rounds found from what changed (km_cascade), where that holds and pays: a
    first export, every household new and each true item new with it (a household sent before
    may keep a set no row of this export explains, a residual, which the rounds by household
    report again when touched)."""
    if not all(c.new and not c.fixed_true for c in candidates):
        return None
    if importlib.util.find_spec("numpy") is None:  # as in km_support: the frozen program
        return None
    from samjournal.evaluation.km_cascade import Cascade  # needs numpy

    return Cascade.of(support, truths, k, m)


def _spread(
    touch: set[str],
    truths: Mapping[str, AbstractSet[str]],
    months_of: dict[str, list[str]] | None,
) -> dict[str, list[str]] | None:
    """Add to `touch` the items with a month of every base whose month-less ("|?") or "up to"
    item ("|..2026-03") it holds: that item's support is part of theirs. `months_of`: event base ->
    the true items with a month, made from `truths` when first needed (and returned, to be
    passed again)."""
    bases = {_base(item) for item in touch if item.endswith("|?") or "|" + UP_TO in item}
    if bases:
        if months_of is None:
            months_of = {}
            for x in set().union(*truths.values()):
                if x[0] in EVENT_KINDS:
                    months_of.setdefault(_base(x), []).append(x)
        for base in bases:
            touch.update(months_of.get(base, ()))
    return months_of


def _release_waiting(
    candidates: list[Candidate], support: Support, truths: dict[str, set[str]], k: int, m: int
) -> None:
    """The release pass over rows that wait. A row is sent only if every set of up to m true
    items of its household holding one of its new true items is compatible with >= k
    households' footprints, and no other household's set breaks (a sent row only adds to its
    footprint, but may take a count band below the new released count out of it). Each round
    screens every row still waiting at once (its household's truth with every waiting item):
    rows in no violating set are sent, rows that may fit are tried one by one (`_sort_waiting`),
    the rest stay held. Rounds go on while footprints change (only sets holding an item whose
    support changed are screened again)."""
    found: dict[str, list[tuple[str, ...]]] = {}  # household -> violating sets screened
    touch: set[str] | None = None
    months_of: dict[str, list[str]] | None = None
    wide: dict[str, set[str]] = {}  # truth and every waiting item: the same each round
    for c in candidates:
        wide[c.name] = truths[c.name].union(*c.waiting())
    while True:
        groups = {c.name: w for c in candidates if (w := c.waiting())}
        fresh = {n: {x for g in w for x in g if x not in truths[n]} for n, w in groups.items()}
        # Households whose violating sets changed: the others have nothing new to try.
        active: set[str] = set()
        for n in groups:  # sets whose support did not change still violate
            sets = found.get(n, [])
            kept = [] if touch is None else [s for s in sets if touch.isdisjoint(s)]
            if touch is None or len(kept) < len(sets):
                active.add(n)
            found[n] = kept
        for n, items in support.violations(wide, k, m, must=fresh, touch=touch):
            found[n].append(items)
            active.add(n)
        touch = set()
        for c in candidates:
            if c.name not in active:
                continue
            me = 1 << support.index[c.name]
            safe, unsure = _sort_waiting(
                groups[c.name], found[c.name], truths[c.name], support, k, me
            )
            units = [u for g in safe for u in groups[c.name][g]]
            if units and not _send(c, units, support, truths, touch):
                unsure += safe  # it would take a count band out: one by one
            for g in unsure:
                _try(c, groups[c.name][g], support, truths, touch, k, m)
        if not touch:
            return
        months_of = _spread(touch, wide, months_of)


def _sort_waiting(
    groups: Mapping[tuple[str, ...], list[Unit]],
    found: list[tuple[str, ...]],
    truth: AbstractSet[str],
    support: Support,
    k: int,
    me: int,
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(groups of waiting units in no violating set: safe to send together, groups in a
    violating set that other groups' items make new too, or one household short of k when
    that household is not among them (its own footprint may make it up; `me`: its bit): to try
    one by one); the rest stay held."""
    blocked: set[tuple[str, ...]] = set()
    meets: set[tuple[str, ...]] = set()
    owners: dict[str, list[tuple[str, ...]]] = {}  # waiting item -> the groups carrying it
    for g in groups:
        for x in g:
            owners.setdefault(x, []).append(g)
    for items in found:
        new = [x for x in items if x not in truth]
        if not new:
            continue  # its items were sent (a row tried one by one): it was checked then
        met = {g for x in new for g in owners.get(x, ())}
        if met <= blocked:
            continue  # it can change nothing: its groups stay held (most sets, most rounds)
        holders = support.holders(items)
        if holders.bit_count() == k - 1 and not holders & me:
            mine = []
        else:
            mine = [g for g in met if set(new).issubset(g)]
        blocked.update(mine)
        if not mine:
            meets |= met
    safe = [g for g in groups if g not in blocked and g not in meets]
    return safe, [g for g in groups if g in meets and g not in blocked]


def _send(
    candidate: Candidate,
    units: list[Unit],
    support: Support,
    truths: dict[str, set[str]],
    touch: set[str],
) -> bool:
    """Send `units` if the footprint loses nothing (then every support only grows: the screen
    holds); False (nothing sent) if it would."""
    candidate.release(units)
    i = support.index[candidate.name]
    footprint = candidate.footprint()
    if not support.footprints[i] <= footprint:
        candidate.take_back(units)
        return False
    touch |= support.replace(candidate.name, footprint)
    truths[candidate.name] = candidate.truth()[0]
    return True


def _try(
    candidate: Candidate,
    units: list[Unit],
    support: Support,
    truths: dict[str, set[str]],
    touch: set[str],
    k: int,
    m: int,
) -> None:
    """Send `units` (one group of rows that wait) if no set breaks: the household's sets with
    their new true items, and every household's sets with an item the footprint loses (a count
    band) that held before; else hold them back again."""
    name = candidate.name
    old = support.footprints[support.index[name]]
    candidate.release(units)
    footprint = candidate.footprint()
    changed = support.replace(name, footprint)
    truth = candidate.truth()[0]
    new = truth - truths[name]
    fits = not new or not any(support.violations({name: truth}, k, m, must={name: new}))
    lost = old - footprint  # count bands only: a released row's items and `fixed` stay
    if fits and lost:
        met = {n: t for n, t in {**truths, name: truth}.items() if not lost.isdisjoint(t)}
        after = set(support.violations(met, k, m, touch=lost))
        support.replace(name, old)
        before = set(support.violations(met, k, m, touch=lost))
        support.replace(name, footprint)
        fits = after <= before
    if fits:
        touch |= changed
        truths[name] = truth
    else:
        support.replace(name, old)
        candidate.take_back(units)


def _bands(counts: Mapping[str, int], *, or_more: bool) -> list[str]:
    """`count_items` of these counts, by table and count from a cache (a household's count bands
    are made each time its footprint or truth is)."""
    return [x for table, n in counts.items() for x in _table_bands(table, n, or_more)]


@functools.lru_cache(maxsize=1 << 12)
def _table_bands(table: str, n: int, or_more: bool) -> tuple[str, ...]:
    return tuple(count_items([(table, n)], or_more=or_more))


@functools.lru_cache(maxsize=1 << 16)
def _base(item: str) -> str:
    """The item without its month (its kind and fields); cached, items repeat across rows."""
    return item[: item.rindex("|")]


def _fix(candidate: Candidate, items: tuple[str, ...], support: Support) -> bool:
    """Hold back the rows of `candidate` whose true items include the least supported item of
    `items` that this export adds, a check-in's last; or the whole household if new and nothing
    else can. False: only rows sent before explain the set."""
    if candidate.whole:
        return False
    carrying = {x: candidate.carriers(x) for x in items if x not in candidate.fixed_true}
    # The household's own row last: holding it holds a new household whole. Check-ins before
    # it, after the rest: they are the evaluation's outcome, a few rows a household where its
    # payments and meetings are dozens, and a baseline is rarer in its month than most events,
    # so "least supported first" held back every baseline of a 200-family demo (seed 5,
    # exported the day after its last event: 0 of 333 sent, 330 now; what it costs in needs
    # and payments varies by journal: README).
    first = min(
        (
            (any(u.own for u in found), x[0] == CHECKIN, support.mask(x).bit_count(), x)
            for x, found in carrying.items()
            if found
        ),
        default=None,
    )
    if first is not None:
        carriers = carrying[first[-1]]
        if any(u.own for u in carriers) and candidate.new:
            candidate.known = None
            candidate.whole = True
            return True
        candidate.hold(carriers)
        return True
    if candidate.new:
        candidate.known = None
        candidate.whole = True  # a count band only: the household waits until it fits
        return True
    return False
