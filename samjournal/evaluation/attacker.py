"""The attacker model every release of a study is checked against (k^m-anonymity).

Who: a prosecutor. The attacker knows that a given household is in the study and holds every
bundle the study ever received (the evaluator's whole history, old bundles included), and wants
to find that household's rows. Success is picking the household out of fewer than k candidates.

What the attacker knows about the household, two kinds of knowledge, checked separately:

1. Its household fields, all of them: area, household size, number of children, the adults' age
   groups, the period its case opened, its status and its budget frame band
   (`tables.QUASI_IDENTIFIERS`). Every released combination of them, in any bundle, is shared by
   at least k households: by generalising along each field's hierarchy and starring the rest
   (samjournal.evaluation.anonymise); a new household whose combination is still shared by fewer
   than k (with the households released before) is held back until it fits. The row says more
   than its status column: a closing day tells a closed case from an open one, so a status is
   made coarser only to "open" or "closed", and a suppressed household's closing day is left out.
   With the calendar month its case opened added, too: the bound below could tell that month
   apart (samjournal.evaluation.opening_month keeps it).

2. Up to m items of the kind a bystander learns: "a 3,000 kr health payment in March 2026"
   (payment: need category, amount as released, calendar month paid, or proposed when unpaid),
   "a home visit in May 2026" (meeting: kind, month), "a housing need raised in June" (need:
   category, month), "a check-in in April" (month), "the case closed in August" (month). For
   every released household h and every set S of up to m of h's true items, the households
   whose released rows (in any bundle ever sent) are compatible with all of S number at least
   k. Also, alone: how many rows of each table the household has, in bands (`count_band`):
   "about 10-49 meetings" is shared by at least k households (a household whose rows were held
   back is compatible with its released band and every band above it).

This is (k, k^m)-anonymity for data with a relational and a transactional part (Poulis et al.,
2013): the household fields and the event items are each protected, not their combination.

The calendar is released only as the period a household's case opened (month, quarter, half-year or
year) and whole-day offsets from the opening day (the index date). The bundles' dates bound it too:
an attacker knows when each bundle was made (it says so, and it arrives then), and an attacker may
take most released days to come no later than it (`tables.Column.past`: every day but a next
meeting's: a meeting held, a need raised, a check-in, a day paid, the day a change was saved, the
closing day), so the index date is at most a bundle's date less such a day of it. The check takes
that bound as the household's first bundle gives it: that bundle's date less the latest such day of
every row offered, sent or held back (one held back leaves an attacker a looser bound, never a
tighter one), and keeps it (`HouseholdState.latest`); a later row whose day would narrow it further
waits until it would not (`km.Unit.late`). So the bound is what the released rows show, and the
rule of when a row goes depends on nothing else: no rule keyed on the true day, which could be read
backwards. One exception, a month wide: a new household's bound may be lifted to a secret random day
of a month some household of its class opened in (opening_month.lift), which tells that one of them
did, never which. A household released before the bound was kept is taken to have its true opening
day as the bound (the tightest any bundle can have given), and its footprint is read again so; a
family that left and comes back keeps the bound it left with when tighter (an attacker links its
pseudonyms). A household's window is the intersection of every opening period it was released with,
cut at the bound, and starts no earlier than the day the journal's earliest case opened (an
attacker knows when the journal came into use, which is no later: a case of "2024" in a journal
begun that November opened in its last two months); a starred household's window starts on that
day. A released event is compatible with every calendar month its day can fall in, from the
window's first day plus the offset to its last day plus the offset (`when`). A household's
footprint is every item compatible with any of its released rows, in any bundle ever sent: it
only grows, and a household that left the study keeps it. A family that left and came back (a
new pseudonym each time) counts once: its live household's footprint, else the one it last left
with (release_state.Registry.union). A set's support is the households whose footprints hold it
(an item with a month is also held by an "up to" item of the same event in that month or later, and
by the item with any month, "|?", of an event without a day); the sets checked are those of a
household's true items (its events in their true months, in every version ever sent: a row changed
since, or whose change waits, is still known as it was). Since footprints only grow, a set that held
once holds forever, so each export checks only the sets with an item it adds.
tests/samjournal/evaluation/km_check.py recomputes all of it independently from the bundles and each
household's true opening day.

What is not covered, honestly:
- The two kinds do not combine: an attacker who knows a household's fields and also one of its
  events may narrow it below k. Row counts are checked alone, not with events.
- A set of items is compatible with a household when each item is compatible with one of its rows;
  two items that the same single row of a household could explain (one payment whose month is
  uncertain between two) both count. Repeated identical items count once.
- Values that are not items (quality-of-life scores, meeting participants, need and payment
  status, a payment's method, the days between steps) are released as they are: whoever already
  has found the household learns them. Within-household intervals are exact by design, so an
  attacker who knows two exact dates knows an exact interval, which may be unique.
- The union over time assumes the attacker knows one moment of the household: items from
  different versions of a row all count as compatible.
- The fields with the opening month are kept at k by new households only (their bounds lifted,
  or held whole): a household sent before whose class no new household can fill (a case closed
  since puts it in another class) stays singled out, and every risk report counts it.
- A household released by a version that kept no bound is taken at its true day and its
  footprint read again, narrower; sets checked before against the wider footprint are not
  checked again, and households that left before keep theirs (README: known gaps).
- Only upper bounds on the index date are counted: a row or a change first seen in a later bundle
  may show that it was made after the earlier bundle was, a lower bound the check does not use.
- A suppressed household's check-ins star their respondents' role, but not what tells it: a
  child is asked other items than an adult and leaves the adults' scores empty, so the cells a
  check-in fills tell a child's from an adult's, and the respondents' pseudonyms how many of
  each answered: lower bounds on the starred size and children (README: known gap (6)).
- An attacker who knows more than m items, or knows facts outside this list, may succeed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence

from samjournal.evaluation.tables.schema import SUPPRESSED

# Period levels of the opening date: the hierarchy month -> quarter -> half-year -> year.
PERIODS = ("month", "quarter", "half-year", "year")
_SPAN = (1, 3, 6, 12)
_LABEL = re.compile(r"^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$")

# Count bands: an attacker knows roughly how often a household met, not the exact number.
COUNT_BANDS = ((0, "0"), (1, "1-9"), (10, "10-49"))
COUNT_TOP = "50+"

# The released columns each table's items are read from (evaluation.tables names).
EVENT_ITEMS = {
    "payments": ("need_category", "amount_nok"),
    "meetings": ("kind",),
    "needs": ("category",),
    # Not the answers (sensitive values), but what a bystander may know of a check-in: which
    # questions, on what occasion (a closing one says the case closed), and whether the family
    # or the caseworker answered.
    "checkins": ("instrument_id", "occasion", "answered_by"),
}
# The time of an event item: the first of these columns that is not empty.
EVENT_TIME = {
    "payments": ("paid_day", "day"),
    "meetings": ("day",),
    "needs": ("day",),
    "checkins": ("day",),
}
SHORT = {"payments": "p", "meetings": "m", "needs": "n", "checkins": "c"}
# An item's month part when only its latest month is known: "p|health|3000|..2026-03" is
# compatible with every month up to March 2026 (km_support.Support.mask).
UP_TO = ".."
# Where the index date can be: (first day, last day); no first day when the opening period was
# starred (None: nothing bounds it, a starred period and no day that cannot be in the future).
Window = tuple[dt.date | None, dt.date]


def period_label(day: dt.date, level: int) -> str:
    """The period of `day` at `level`: 2026-03, 2026-Q1, 2026-H1 or 2026."""
    if level == 0:
        return f"{day.year}-{day.month:02d}"
    if level == 1:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if level == 2:
        return f"{day.year}-H{(day.month - 1) // 6 + 1}"
    return str(day.year)


def period_bounds(label: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a released period, or None when it is not one (starred)."""
    found = _LABEL.match(label)
    if found is None:
        return None
    year = int(found[1])
    if found[2]:
        first, span = int(found[2]), 1
    elif found[3]:
        first, span = 3 * int(found[3]) - 2, 3
    elif found[4]:
        first, span = 6 * int(found[4]) - 5, 6
    else:
        first, span = 1, 12
    if not 1 <= first <= 12:
        return None
    last = first + span - 1
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


@functools.lru_cache(maxsize=1 << 16)
def months(bounds: tuple[dt.date, dt.date], offset: int) -> tuple[str, ...]:
    """Every calendar month (YYYY-MM) a day `offset` days after a day within `bounds` falls in."""
    try:
        lo = bounds[0] + dt.timedelta(days=offset)
        hi = bounds[1] + dt.timedelta(days=offset)
    except OverflowError:
        return ()
    out = []
    year, month = lo.year, lo.month
    while (year, month) <= (hi.year, hi.month):
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def count_band(n: int) -> str:
    label = COUNT_TOP
    for low, name in COUNT_BANDS:
        if n >= low:
            label = name
    return label if n < 50 else COUNT_TOP


def month_label(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def when(bounds: Window | None, offset: int) -> tuple[str, ...]:
    """What an event `offset` days after the index date is compatible with, the index date within
    `bounds`: every month it can fall in; with no lower bound (a starred opening period), every
    month up to the latest it can fall in, as one item ("..2026-03"); with no bound, any ("?")."""
    if bounds is None:
        return ("?",)
    lo, hi = bounds
    if lo is None:
        try:
            return (UP_TO + month_label(hi + dt.timedelta(days=offset)),)
        except OverflowError:
            return ()
    return months((lo, hi), offset)


def event_items(table: str, row: dict[str, str], bounds: Window | None) -> list[str]:
    """The items one released event row is compatible with (`when`); an event without a day,
    with every month ("|?")."""
    base = "|".join([SHORT[table], *(row.get(c, "") for c in EVENT_ITEMS[table])])
    day = next((row[c] for c in EVENT_TIME[table] if row.get(c, "")), "")
    if not day:
        return [f"{base}|?"]
    return [f"{base}|{month}" for month in when(bounds, int(day))]


def household_items(row: dict[str, str], fields: Sequence[str], bounds: Window | None) -> list[str]:
    """The household's fields as one item (kind 1: all known together, checked alone), and the
    month the case closed (an event item)."""
    items = ["v|" + ";".join(row.get(name, "") for name in fields)]  # adult_ages holds "|"
    closed = row.get("closed_day", "")
    if closed and closed != SUPPRESSED:  # starred: a suppressed household's, closed or not
        items += [f"x|{m}" for m in when(bounds, int(closed))]
    return items


def count_items(counts: Iterable[tuple[str, int]], *, or_more: bool = False) -> list[str]:
    """How many rows of each event table the household has, as bands; `or_more`: that band and
    every band above it (what a released count is compatible with when rows may be held back)."""
    labels = [name for _, name in COUNT_BANDS] + [COUNT_TOP]
    out = []
    for table, n in counts:
        band = count_band(n)
        chosen = labels[labels.index(band) :] if or_more else [band]
        out += [f"#|{SHORT[table]}|{label}" for label in chosen]
    return out
