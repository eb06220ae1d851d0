"""A released row read back as an attacker holding every bundle reads it (attacker.py): the items
it is compatible with and its true items, and the bounds the bundles put on its household's index
date (the opening periods it was released with, and the days that cannot come after a bundle's
date). release_check checks a release with them; the hot loop of an export is here
(`_event_items`)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from samjournal.evaluation.attacker import (
    EVENT_ITEMS,
    EVENT_TIME,
    SHORT,
    UP_TO,
    Window,
    event_items,
    household_items,
    months,
    period_bounds,
)
from samjournal.evaluation.release import Line
from samjournal.evaluation.release_state import SEP, HouseholdState
from samjournal.evaluation.tables import DATA_TABLES, QUASI_IDENTIFIERS, SUPPRESSED

# The household fields an attacker knows all of (attacker.py, kind 1).
FIELDS = QUASI_IDENTIFIERS
_HOUSEHOLD_FIELDS = DATA_TABLES["households"].header[1:-1]
_EVENT_FIELDS = {name: t.header[2:-1] for name, t in DATA_TABLES.items() if name != "households"}


def row_items(table: str, content: str, bounds: Window | None) -> list[str]:
    """The items one released row gives (its content: the CSV fields after the pseudonyms):
    with the household's window as `bounds`, what the row is compatible with; with the true
    opening day (both bounds), the row's true items."""
    if table == "households":
        row = dict(zip(_HOUSEHOLD_FIELDS, content.split(","), strict=True))
        return household_items(row, FIELDS, bounds)
    row = dict(zip(_EVENT_FIELDS[table], content.split(","), strict=True))
    return event_items(table, row, bounds)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where an event table's items sit in its content (attacker.EVENT_ITEMS, EVENT_TIME)."""

    head: str  # "p|": the table's kind of item
    cut: int  # splits that reach the last field read (the fields after it stay joined)
    pick: Callable[[list[str]], str | tuple[str, ...]]  # the item fields, one or a tuple
    day: int  # where the event's time sits
    then: int  # where it sits when that is empty (`day` again: no other)


def _layout(table: str, fields: tuple[str, ...]) -> _Layout:
    at = [fields.index(c) for c in EVENT_TIME[table]]
    if len(at) > 2:
        raise ValueError(f"{table}: a day and one fallback at most")
    return _Layout(
        SHORT[table] + "|",
        max(fields.index(c) for c in (*EVENT_ITEMS[table], *EVENT_TIME[table])) + 1,
        operator.itemgetter(*(fields.index(c) for c in EVENT_ITEMS[table])),
        at[0],
        at[-1],
    )


_LAYOUTS = {table: _layout(table, fields) for table, fields in _EVENT_FIELDS.items()}
_ITEM_TABLES = frozenset(("households", *_EVENT_FIELDS))  # the tables whose rows give items


def _base(head: str, picked: str | tuple[str, ...]) -> str:
    """An event item without its month: its kind and its fields, joined by "|"."""
    return head + (picked if isinstance(picked, str) else "|".join(picked))


def both_items(
    table: str, content: str, bounds: Window | None, opened: dt.date
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(compatible items, true items) of one row: `row_items` twice, read once."""
    if table == "households":
        return tuple(row_items(table, content, bounds)), tuple(
            row_items(table, content, (opened, opened))
        )
    return _event_items(table, [content], *_span(bounds), opened.toordinal())[0]


def _span(bounds: Window | None) -> tuple[tuple[int, int] | None, int | None]:
    """The window as ordinals for `_event_items`: (first, last) day, or None when it has no
    first day; and its last day alone (None when nothing bounds it)."""
    if bounds is None:
        return None, None
    first, last = bounds
    return None if first is None else (first.toordinal(), last.toordinal()), last.toordinal()


# The calendar as tables (attacker.months by index, for the days between 1900 and 2199): a
# day's number since 1900-01-01 -> its month's number; a month's number -> its label.
_FIRST = dt.date(1900, 1, 1).toordinal()
_MONTH_OF: list[int] = []
_LABELS: list[str] = []
for _year in range(1900, 2200):
    for _month in range(1, 13):
        _MONTH_OF.extend([len(_LABELS)] * calendar.monthrange(_year, _month)[1])
        _LABELS.append(f"{_year}-{_month:02d}")
_DAYS = len(_MONTH_OF)


def _event_items(
    table: str, contents: list[str], span: tuple[int, int] | None, last: int | None, opened: int
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """`both_items` of a household's rows of one event table (their contents), the window
    (`_span`) and the opening day as ordinals: the export's hot loop (every row of a household
    checked). Each row is split once; its item tuples come from caches keyed by its item fields
    and months, so rows with the same items share them (and the strings in them)."""
    layout = _LAYOUTS[table]
    head, cut, pick, at_day, at_then = layout.head, layout.cut, layout.pick, layout.day, layout.then
    if span is None:  # a starred opening period: every month up to the latest
        return [
            _event_pair(head, pick(fields), fields[at_day] or fields[at_then], None, opened, last)
            for fields in [content.split(",", cut) for content in contents]
        ]
    first, last = span
    month_of, days, window = _MONTH_OF, _DAYS, _window
    out = []
    for content in contents:
        fields = content.split(",", cut)
        day = fields[at_day] or fields[at_then]
        if day:
            at = int(day) - _FIRST  # days since 1900-01-01, less the opening day
            lo, hi, true = first + at, last + at, opened + at
            if 0 <= lo < days and 0 <= hi < days and 0 <= true < days:  # one cache look-up
                out.append(window(head, pick(fields), month_of[lo], month_of[hi], month_of[true]))
                continue
        out.append(_event_pair(head, pick(fields), day, span, opened))
    return out


def _event_pair(
    head: str,
    picked: str | tuple[str, ...],
    day: str,
    span: tuple[int, int] | None,
    opened: int,
    last: int | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """One row's (compatible items, true items) outside `_event_items`' fast path: no day, no
    first day of the window (every month up to `last` plus the offset; any month without it),
    or days past the calendar tables."""
    base = _base(head, picked)
    if not day:
        return _unknown(base), _unknown(base)
    at = int(day) - _FIRST
    true = opened + at
    if 0 <= true < _DAYS:
        true_items = _labelled(base, _MONTH_OF[true], _MONTH_OF[true])
    else:
        true_items = _outside(base, true + _FIRST, true + _FIRST)
    if span is None:
        if last is None:
            return _unknown(base), true_items
        latest = last + at
        if 0 <= latest < _DAYS:
            return _up_to(base, _MONTH_OF[latest]), true_items
        found = _outside(base, latest + _FIRST, latest + _FIRST)
        return tuple(f"{base}|{UP_TO}{x[len(base) + 1 :]}" for x in found), true_items
    lo, hi = span[0] + at, span[1] + at
    if 0 <= lo < _DAYS and 0 <= hi < _DAYS:
        return _labelled(base, _MONTH_OF[lo], _MONTH_OF[hi]), true_items
    return _outside(base, lo + _FIRST, hi + _FIRST), true_items


@functools.lru_cache(maxsize=1 << 16)
def _window(
    head: str, picked: str | tuple[str, ...], first: int, last: int, true: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the item in the months `first`..`last`, the item in the month `true`), the tuples
    shared through `_labelled`."""
    base = _base(head, picked)
    return _labelled(base, first, last), _labelled(base, true, true)


@functools.lru_cache(maxsize=1 << 12)
def _unknown(base: str) -> tuple[str, ...]:
    """`base` without a month (no opening period, or no day)."""
    return (f"{base}|?",)


@functools.lru_cache(maxsize=1 << 16)
def _up_to(base: str, last: int) -> tuple[str, ...]:
    """`base` in every month up to the month numbered `last`."""
    return (f"{base}|{UP_TO}{_LABELS[last]}",)


@functools.lru_cache(maxsize=1 << 16)
def _labelled(base: str, first: int, last: int) -> tuple[str, ...]:
    """`base` in the months numbered `first`..`last` (none when last < first): cached, since
    households share bases and month windows (a coarse opening period gives every event a
    window of up to 13 months)."""
    return tuple([f"{base}|{label}" for label in _LABELS[first : last + 1]])


def _outside(base: str, lo: int, hi: int) -> tuple[str, ...]:
    """`base` in every month of the days `lo`..`hi` (ordinals) outside the tables:
    attacker.months answers (no month past the calendar)."""
    try:
        found = months((dt.date.fromordinal(lo), dt.date.fromordinal(hi)), 0)
    except ValueError:
        found = ()
    return tuple(f"{base}|{m}" for m in found)


# A footprint's household items ("v|" and the fields joined by ";") are found in the footprint
# joined into one text, by one search in C: a test per item in Python cost more than the rest
# of a repeat's check (footprints hold hundreds of items; households, one or a few of these).
_HOUSEHOLD_ITEM = re.compile(f"{SEP}v\\|([^{SEP}]*)")


def _fields(footprint: AbstractSet[str]) -> list[str]:
    """Every combination of household fields in a footprint (its "v|" items' text)."""
    return _HOUSEHOLD_ITEM.findall(SEP + SEP.join(footprint))


def _bounds(
    footprint: AbstractSet[str], content: str, latest: dt.date | None, floor: dt.date | None = None
) -> Window | None:
    """Where the index date can be, to one who holds every bundle: inside every opening period
    the household was ever released with (the finest wins), not before `floor`, the day the
    journal's first case opened (with no first day when neither gives one), and not after
    `latest` (attacker.py: the bundles' dates); None: nothing bounds it."""
    return _bounds_of(_fields(footprint), content, latest, floor)


def _bounds_of(
    released: list[str], content: str, latest: dt.date | None, floor: dt.date | None
) -> Window | None:
    """`_bounds` from the household's released field combinations (`_fields`)."""
    at = QUASI_IDENTIFIERS.index("opened_month")
    labels = [fields.split(";")[at] for fields in released]
    if content:
        labels.append(content.split(",")[5])
    found = [b for b in map(period_bounds, labels) if b is not None]
    if not found:
        return None if latest is None else (floor, latest)
    # The floor cuts a released period too (attacker.py; outside review s21: 52-348 sets
    # under k over a study's bundles where it cut only starred windows).
    first = max(b[0] for b in found)
    if floor is not None and floor > first:
        first = floor
    last = min(b[1] for b in found)
    return first, last if latest is None else min(last, latest)


def _past_reader(fields: tuple[str, ...], past: set[str]) -> Callable[[str], list[str]] | None:
    """How to read a row's days that cannot come after its bundle's date (tables.Column.past)
    out of its content: split from the right when they are its last fields (payments, needs),
    else up to the last of them; None when the table has none."""
    at = [i for i, name in enumerate(fields) if name in past]
    if not at:
        return None
    if at == list(range(len(fields) - len(at), len(fields))):
        n = len(at)
        return lambda content: content.rsplit(",", n)[1:]
    pick, cut = operator.itemgetter(*at), at[-1] + 1
    if len(at) == 1:
        return lambda content: [pick(content.split(",", cut))]
    return lambda content: list(pick(content.split(",", cut)))


_PAST = {
    name: _past_reader(fields, {c.name for c in DATA_TABLES[name].columns if c.past})
    for name, fields in {"households": _HOUSEHOLD_FIELDS, **_EVENT_FIELDS}.items()
}


def _last_day(table: str, content: str) -> int | None:
    """The latest of a row's days that cannot come after its bundle's date (None: none)."""
    read = _PAST[table]
    if read is None:
        return None
    days = [int(x) for x in read(content) if x and x != SUPPRESSED]
    return max(days) if days else None


def _row_days(owned: dict[str, list[Line]]) -> list[int]:
    """Each of a household's rows' latest day that cannot come after its bundle's date
    (`_last_day`, rows with none left out), sorted: over every row offered, one comprehension
    per table, no call per row (the export's hot loop)."""
    days = []
    for table, lines in owned.items():
        read = _PAST[table]
        if read is not None:
            for found in [read(line.sent.content) for line in lines]:
                row = [int(x) for x in found if x and x != SUPPRESSED]
                if row:
                    days.append(max(row))
    days.sort()
    return days


def _latest(days: list[int], today: int) -> int:
    """The latest day (ordinal) a household's index date is taken to be, as first released
    (attacker.py: the bundles' dates): the bundle's date less the latest day of its rows that
    cannot come after it (`days`, `_row_days`), over every row offered (one held back would
    leave an attacker a looser bound, never a tighter one), so no more than any released day
    tells."""
    return today - (days[-1] if days else 0)


def _refit(state: HouseholdState, bounds: Window | None) -> set[str]:
    """A footprint kept before windows were cut at the bound, read again under `bounds`: the
    items of what the evaluator holds of every record (its last version sent), the true items
    of versions replaced (inside any window), and the items no window changes (the fields,
    row-count bands). Older versions' other items are lost, so it may hold less than an
    attacker reads: supports are counted low, never high."""
    kept = {item for item in state.footprint if item.startswith(("v|", "#|"))}
    for key, sent in state.records.items():
        version, content = sent.before if sent.before is not None else (sent.version, sent.content)
        if version and key.table in _ITEM_TABLES:
            kept.update(row_items(key.table, content, bounds))
    return kept | state.superseded


def _cuts(table: str, content: str, today: int, latest: int) -> bool:
    """Whether the row would put its household's index date before `latest` (an ordinal: the
    last day of its window)."""
    day = _last_day(table, content)
    return day is not None and today - day < latest
