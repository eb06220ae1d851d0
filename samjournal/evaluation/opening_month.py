"""Households that someone who knows the month a case opened could single out: a gap of the
model (attacker.py), measured for the risk report, not enforced.

The attacker knows a household's fields and the calendar month its case opened. The candidates
are the households released with the same fields (in any bundle) whose window, the opening
periods cut at the bound the bundles' dates give (release_check._bounds), can hold that month.
An active case's bound is close to its opening day, so the latest cases to open in a class have
few candidates beside them. Enforcing it was measured and left out: a 200-family demo's first
bundle held back 45 % of its rows (27 % without it) and 45 of 168 households, the latest of
each class, for as long as their cases stay active.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from samjournal.evaluation.attacker import Window


@dataclass(frozen=True, slots=True)
class Exposure:
    """What the risk report says of it."""

    singled_out: int  # households asked about that fewer than k households fit
    households: int  # every household the study received, one per family
    unchecked: int = 0  # of those, families the journal no longer holds: their day is gone


@dataclass(frozen=True, slots=True)
class Seen:
    """One household as the bundles show it."""

    fields: frozenset[str]  # every combination of its fields released ("v|" items' text)
    window: Window | None  # where its opening day can be (None: nothing bounds it)
    opened: dt.date | None = None  # a household asked about: its true opening day


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
        first = household.opened.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        for fields in household.fields:
            n = counted.get((fields, first))
            if n is None:
                n = sum(_holds(w, first, last) for w in by_fields[fields])
                counted[fields, first] = n
            if n < k:
                found += 1
                break
    return found
