"""Households that someone who knows the month a case opened could single out: kept at the
export (`lift`) and measured for the risk report (`singled_out`).

The attacker knows a household's fields and the calendar month its case opened. The candidates
are the households released with the same fields (in any bundle) whose window, the opening
periods cut at the bound the bundles' dates give (release_items._bounds), can hold that month.
An active case's bound is close to its opening day, so the latest cases to open in a class have
few candidates beside them.

`lift` keeps every month asked about at k candidates with the households released for the
first time (the others' bounds are fixed): where a month of a class has too few, it lifts the
bound of as many new households of that class as are missing into the month (release_check
puts it on a secret random day of it: on the 1st, it marked who was lifted), those
that cost fewest rows (a lifted bound is kept, and a row whose day would cut it waits, as for
any bound: the household's rows go that many days late); where too few can be lifted, the new
households that opened in that month wait whole. A household sent before whose changed row (a
case closed since) would stand alone in its new class has that change wait. What can be left:
households a version before this one sent (README: known gap 5); a new household whose waiting
would leave its class in the bundle itself under k, which the evaluator refuses (bundle.check_k);
and a household the check holds whole after the lift counted on it (release_check runs the
lift again, twice at most).
Measured on a 200-family demo's first bundle: 20 households singled out before, none after,
for 27.6 % of the rows held back instead of 26.4 % (holding the latest to open whole, tried
first, held back 45 %).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from samjournal.evaluation.attacker import Window


@dataclass(frozen=True, slots=True)
class Exposure:
    """What the risk report says of it."""

    singled_out: int  # households asked about that fewer than k households fit
    households: int  # every household the study received, one per family
    unchecked: int = 0  # of those, families the journal no longer holds: their day is gone
    lifted: int = 0  # new households whose bound this export lifted (`lift`)
    lifted_days: int = 0  # the most days one was lifted: how late its rows go
    lifted_median: int = 0  # the median of those days


@dataclass(frozen=True, slots=True)
class Seen:
    """One household as the bundles show it."""

    fields: frozenset[str]  # every combination of its fields released ("v|" items' text)
    window: Window | None  # where its opening day can be (None: nothing bounds it)
    opened: dt.date | None = None  # a household asked about: its true opening day
    name: str = ""  # its pseudonym (for `lift`)
    # For `lift`, a household released for the first time: how many of its rows would wait
    # with its bound lifted to a day (None: it cannot be, its own row would wait). None: its
    # bound is fixed (released before).
    cost: Callable[[dt.date], int | None] | None = None
    # For `lift`, a household released before: the fields its changed row would add (a case
    # closed since), which can wait.
    offered: str | None = None
    # For `lift`: the fields this bundle's row would show (None: not in this bundle).
    shows: str | None = None
    # For `lift`, a household released for the first time: its place among equals, secret and
    # the same for one journal state (release_check.draw_key), so that a preview and the export
    # after it lift the same households (by the pseudonym, new in each plan, they did not).
    rank: str = ""


def _month(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _holds(window: Window | None, first: dt.date, last: dt.date) -> bool:
    """Whether an opening day in `window` can fall between `first` and `last`."""
    if window is None:
        return True
    lo, hi = window
    return (lo is None or lo <= last) and first <= hi


def singled_out(households: Iterable[Seen], k: int) -> int:
    """Of the households asked about (`opened` given), those with fewer than k candidates
    (themselves included) for one of their released field combinations and their month."""
    seen = list(households)
    by_fields: dict[str, list[Window | None]] = {}
    for household in seen:
        for fields in household.fields:
            by_fields.setdefault(fields, []).append(household.window)
    counted: dict[tuple[str, dt.date], int] = {}
    found = 0
    for household in seen:
        if household.opened is None:
            continue
        first, last = _month(household.opened)
        for fields in household.fields:
            n = counted.get((fields, first))
            if n is None:
                n = sum(_holds(w, first, last) for w in by_fields[fields])
                counted[fields, first] = n
            if n < k:
                found += 1
                break
    return found


def lift(
    households: Iterable[Seen], k: int, held: AbstractSet[str] = frozenset()
) -> tuple[dict[str, dt.date], set[str]]:
    """(the new households whose bound is lifted, to which day; those that wait: new ones
    whole, `held` among them, and those sent before whose change waits) so that every month
    asked about has k candidates in each class, where new households can give them. The latest
    months first: a bound lifted for one serves every month before it."""
    seen = list(households)
    lifted: dict[str, dt.date] = {}
    waiting = set(held)

    def combos(h: Seen) -> frozenset[str]:
        """The field combinations `h` is in (new and waiting: none; its change waiting: those
        released)."""
        if h.name in waiting:
            return frozenset() if h.cost is not None else h.fields
        return h.fields if h.offered is None else h.fields | {h.offered}

    def movable(h: Seen, fields: str) -> bool:
        """Whether `h` can leave the class `fields` (wait whole, or its change wait)."""
        return h.cost is not None or h.offered == fields

    def window(h: Seen) -> Window | None:
        day = lifted.get(h.name)
        if day is None or h.window is None or h.window[1] >= day:
            return h.window
        return h.window[0], day

    changed = True
    while changed:  # a household held whole leaves every class it was in: count again
        changed = False
        by_fields: dict[str, list[Seen]] = {}
        for h in seen:
            for fields in combos(h):
                by_fields.setdefault(fields, []).append(h)
        # A new household whose fields fewer than k share waits whole anyway (km.protect), and
        # a change that would put a household there waits.
        alone = {
            h.name
            for fields, group in by_fields.items()
            if len(group) < k
            for h in group
            if movable(h, fields)
        }
        if alone:
            waiting |= alone
            changed = True
            continue
        asked = {
            (fields, _month(h.opened)[0])
            for h in seen
            if h.opened is not None
            for fields in combos(h)
        }
        for fields, first in sorted(asked, key=lambda a: (a[1], a[0]), reverse=True):
            last = _month(first)[1]
            group = by_fields[fields]
            short = k - sum(_holds(window(h), first, last) for h in group)
            if short <= 0:
                continue
            options = []
            for h in group:
                w = window(h)
                if h.cost is None or w is None or (w[0] is not None and w[0] > last):
                    continue
                if first <= w[1]:
                    continue  # a candidate already
                cost = h.cost(first)
                if cost is not None:
                    options.append((cost, -w[1].toordinal(), h.rank, h.name))
            options.sort()
            if len(options) >= short:
                for *_, name in options[:short]:
                    lifted[name] = max(first, lifted.get(name, first))
                continue
            opened = {
                h.name
                for h in group
                if movable(h, fields) and h.opened is not None and _month(h.opened)[0] == first
            }
            new = {h.name for h in group if h.name in opened and h.cost is not None}
            left = sum(1 for h in seen if h.shows == fields and h.name not in waiting | new)
            if not opened or (new and 0 < left < k):
                # Held, the new ones would leave the bundle's own class under k, which the
                # evaluator refuses (bundle.check_k): they go, and the report counts them.
                continue
            waiting |= opened
            changed = True
            break
    return {name: day for name, day in lifted.items() if name not in waiting}, waiting
