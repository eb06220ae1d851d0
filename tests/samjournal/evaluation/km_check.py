"""An independent check of the attacker model (samjournal/evaluation/attacker.py), by brute force.

Written apart from the exporter's code (no import from attacker.py, km*.py or release_check.py):
it reads decrypted bundles the way an attacker holding all of them would, and the journal only for
what an attacker is assumed to know (each household's true opening day, so an event's true
calendar month; how many rows it truly has). Households are sets of item strings; support is the
size of an intersection of Python sets, not of bitsets.

The calendar an attacker reads: a household's released opening periods (intersected), and the
bundles' dates: a day that cannot come after the day its bundle was made (a check-in, a day paid,
a change's saved day, the closing day: `PAST`) puts the opening day
at most that many days before the bundle's (local) date.

What it checks, for the union of the bundles given (in the order they were made):
- every combination of household fields released is shared by at least k households;
- every set of up to m true event items of a household (a payment's need category, amount and
  month paid, or proposed; a meeting's kind and month; a need's category and month; a check-in's
  month; the month the case closed) is compatible with the released rows of at least k
  households, where a released row is compatible with every month its day offset can fall in,
  given every opening period released for its household and every bundle's date;
- every household's true row-count band per table is compatible with at least k households.

And, apart (`by_opening_month`), what the model leaves out and the risk report measures: the
households someone who knows their fields and the month their case opened could single out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from samjournal.evaluation.bundle import Bundle
from samjournal.evaluation.tables import DATA_TABLES  # the published schema: an attacker has it

QI_COLUMNS = (
    "area",
    "household_size",
    "children",
    "adult_ages",
    "opened_month",
    "status",
    "budget_frame_nok",
)
BANDS = ((0, 0, "0"), (1, 9, "1-9"), (10, 49, "10-49"), (50, 10**9, "50+"))
ANY_MONTH = "any"
UP_TO = "<="  # "payment/health/3000@<=2026-03": any month up to March 2026
# The released days an attacker takes to come no later than the day their bundle was made (the
# codebook says what each day is: a meeting held, a need raised, a check-in answered, a payment
# proposed, approved or paid, a change saved, a case closed; not a next meeting planned).
PAST = {
    "households": ("closed_day",),
    "meetings": ("day",),
    "needs": ("day", "agreed_day", "in_progress_day", "met_day", "dropped_day"),
    "payments": ("day", "approved_day", "paid_day", "rejected_day", "cancelled_day"),
    "checkins": ("day",),
}


def _band(n: int) -> str:
    return next(name for low, high, name in BANDS if low <= n <= high)


def _period(label: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a released opening period, parsed here from its text."""
    if label in ("", "*"):
        return None
    year = int(label[:4])
    rest = label[4:]
    if rest == "":
        first, last = 1, 12
    elif rest.startswith("-Q"):
        first = 3 * int(rest[2]) - 2
        last = first + 2
    elif rest.startswith("-H"):
        first = 6 * int(rest[2]) - 5
        last = first + 5
    else:
        first = last = int(rest[1:])
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _months_between(lo: dt.date, hi: dt.date) -> set[str]:
    out = set()
    day = lo.replace(day=1)
    while day <= hi:
        out.add(f"{day:%Y-%m}")
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


@dataclass
class _Household:
    periods: set[str] = field(default_factory=set)
    vectors: set[tuple[str, ...]] = field(default_factory=set)
    rows: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    closings: set[int] = field(default_factory=set)
    counts: dict[str, list[int]] = field(default_factory=dict)  # table -> rows after each bundle
    latest: dt.date | None = None  # the latest the case can have opened, from bundles' dates


@dataclass(frozen=True)
class Finding:
    household: str
    items: tuple[str, ...]
    support: int


def _event(table: str, row: dict[str, str]) -> tuple[str, str] | None:
    """(base, day) of an event row: what a bystander knows of it besides its month."""
    if table == "payments":
        when = row["paid_day"] or row["day"]
        return f"payment/{row['need_category']}/{row['amount_nok']}", when
    if table == "meetings":
        return f"meeting/{row['kind']}", row["day"]
    if table == "needs":
        return f"need/{row['category']}", row["day"]
    if table == "checkins":
        return f"checkin/{row['instrument_id']}/{row['occasion']}/{row['answered_by']}", row["day"]
    return None


@dataclass
class _Put:
    """Add an event's items: its base in every month its day can fall in."""

    window: tuple[dt.date | None, dt.date] | None
    items: set[str]

    def __call__(self, base: str, day: str) -> None:
        if self.window is None:
            self.items.add(f"{base}@{ANY_MONTH}")
            return
        if self.window[0] is None:
            self.items.add(f"{base}@{UP_TO}{self.window[1] + dt.timedelta(days=int(day)):%Y-%m}")
            return
        lo = self.window[0] + dt.timedelta(days=int(day))
        hi = self.window[1] + dt.timedelta(days=int(day))
        self.items.update(f"{base}@{m}" for m in _months_between(lo, hi))


class Union:
    """Everything a study received from one journal, as an attacker who kept every bundle."""

    def __init__(self, tables: Sequence[str]) -> None:
        self.tables = tuple(tables)
        self.households: dict[str, _Household] = {}
        self.gone: set[str] = set()  # rows tombstoned (still held by the attacker)

    def add(self, bundle: Bundle) -> None:
        made = dt.datetime.fromisoformat(bundle.header.created).astimezone().date()
        for table, rows in bundle.tables.items():
            if table == "tombstones":
                self.gone.update(r[0] for r in rows)
                continue
            if table not in ("households", *self.tables):
                continue
            names = DATA_TABLES[table].header
            for values in rows:
                row = dict(zip(names, values, strict=True))
                who = row["household_id"]
                household = self.households.setdefault(who, _Household())
                past = [int(row[c]) for c in PAST[table] if row[c] not in ("", "*")]
                if past:
                    latest = made - dt.timedelta(days=max(past))
                    if household.latest is None or latest < household.latest:
                        household.latest = latest
                if table == "households":
                    household.periods.add(row["opened_month"])
                    # The fields, and whether the row holds a closing day: it tells a closed
                    # case from an open one whatever the status column says.
                    # ("*": a suppressed household's, which tells neither.)
                    day = "" if row["closed_day"] == "*" else row["closed_day"]
                    closed = "closed" if day else "open"
                    household.vectors.add((*(row[c] for c in QI_COLUMNS), closed))
                    if day:
                        household.closings.add(int(row["closed_day"]))
                else:
                    household.rows.setdefault((table, values[0]), []).append(row)
        for household in self.households.values():
            for table in self.tables:
                live = {rid for (t, rid) in household.rows if t == table and rid not in self.gone}
                household.counts.setdefault(table, []).append(len(live))

    # -- what the attacker can match against ----------------------------------------------

    def _window(
        self, household: _Household, floor: dt.date | None = None
    ) -> tuple[dt.date | None, dt.date] | None:
        """Where its opening day can be: in every period released, not before `floor` (the day
        the journal's first case opened: an attacker knows when it came into use), and not
        after `latest`; with no first day when neither gives one; None when nothing bounds
        it."""
        found = [p for p in map(_period, household.periods) if p is not None]
        latest = household.latest
        if not found:
            return None if latest is None else (floor, latest)
        first = max([p[0] for p in found] + ([floor] if floor is not None else []))
        last = min(p[1] for p in found)
        return first, last if latest is None else min(last, latest)

    def compatible(self, floor: dt.date | None = None) -> dict[str, set[str]]:
        """Per household, every item its released rows are compatible with (`floor`: see
        `_window`)."""
        out: dict[str, set[str]] = {}
        for name, household in self.households.items():
            window = self._window(household, floor)
            items: set[str] = set()
            put = _Put(window, items)
            for (table, _), versions in household.rows.items():
                for row in versions:
                    found = _event(table, row)
                    if found is not None and found[1] != "":
                        put(*found)
            for day in household.closings:
                put("closed", str(day))
            for vector in household.vectors:
                items.add("fields=" + ";".join(vector))
            for table, seen in household.counts.items():
                if not seen:
                    continue
                lowest = min(seen)
                for _, high, band in BANDS:
                    if high >= lowest:
                        items.add(f"rows/{table}/{band}")
            out[name] = items
        return out

    def true_items(
        self, opened: dict[str, dt.date], true_counts: dict[str, dict[str, int]]
    ) -> dict[str, set[str]]:
        """Per household, what an attacker may know of it: each released event in its true
        month, its fields as released, its true row-count bands."""
        out: dict[str, set[str]] = {}
        for name, household in self.households.items():
            start = opened[name]
            items: set[str] = set()
            for (table, _), versions in household.rows.items():
                for row in versions:
                    found = _event(table, row)
                    if found is not None and found[1] != "":
                        month = start + dt.timedelta(days=int(found[1]))
                        items.add(f"{found[0]}@{month:%Y-%m}")
            for day in household.closings:
                items.add(f"closed@{start + dt.timedelta(days=day):%Y-%m}")
            for vector in household.vectors:
                items.add("fields=" + ";".join(vector))
            for table, n in true_counts.get(name, {}).items():
                if table in self.tables:
                    items.add(f"rows/{table}/{_band(n)}")
            out[name] = items
        return out


def check(
    union: Union,
    opened: dict[str, dt.date],
    true_counts: dict[str, dict[str, int]],
    k: int,
    m: int,
    family_of: Mapping[str, object] | None = None,
    *,
    first: dt.date | None = None,
) -> list[Finding]:
    """Every (household, set of up to m true items) compatible with fewer than k households.
    With `family_of` (household pseudonym -> family, from the journal), households are counted
    as families: a family that left and came back under a new pseudonym counts once. `first`:
    the day the journal's first case opened (an attacker knows when it came into use), the
    earliest a starred household's case can have opened."""
    same = family_of.get if family_of is not None else None
    compatible = union.compatible(first)
    holders: dict[str, set[str]] = {}
    for name, footprint in compatible.items():
        for item in footprint:
            holders.setdefault(item, set()).add(name)
    month_less: dict[str, set[str]] = {}
    up_to: dict[str, list[tuple[str, set[str]]]] = {}
    for item, names in holders.items():
        base, _, month = item.rpartition("@")
        if month == ANY_MONTH:
            month_less[base] = names
        elif month.startswith(UP_TO):
            up_to.setdefault(base, []).append((month[len(UP_TO) :], names))

    def who(item: str) -> set[str]:
        found = holders.get(item, set())
        if "@" in item:
            base, _, month = item.rpartition("@")
            found = found | month_less.get(base, set())
            for last, names in up_to.get(base, ()):
                if last >= month:
                    found = found | names
        return found

    findings = []
    cache: dict[tuple[str, ...], int] = {}
    for name, truth in union.true_items(opened, true_counts).items():
        alone = sorted(truth)
        events = [x for x in alone if "@" in x]
        for size in range(1, m + 1):
            pool: Iterable[tuple[str, ...]] = (
                ((x,) for x in alone) if size == 1 else itertools.combinations(events, size)
            )
            for items in pool:
                support = cache.get(items)
                if support is None:
                    holding = set.intersection(*(who(x) for x in items))
                    if same is not None:
                        holding = {same(n, n) for n in holding}
                    support = cache[items] = len(holding)
                if support < k:
                    findings.append(Finding(name, items, support))
    return findings


def by_opening_month(
    union: Union, opened: dict[str, dt.date], k: int, *, first: dt.date | None = None
) -> set[str]:
    """The households (of `opened`, those that left the study too) with fewer than k households
    compatible with one of their released field combinations together with the month their case
    truly opened: released with the same fields, and a window (`Union._window`, `first` its
    floor) that can hold that month."""
    holders: dict[tuple[str, ...], list[tuple[dt.date | None, dt.date] | None]] = {}
    for household in union.households.values():
        window = union._window(household, first)
        for vector in household.vectors:
            holders.setdefault(vector, []).append(window)
    found = set()
    for name, day in opened.items():
        target = union.households.get(name)
        if target is None:
            continue
        lo = day.replace(day=1)
        hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        for vector in target.vectors:
            fit = [
                w
                for w in holders[vector]
                if w is None or ((w[0] is None or w[0] <= hi) and lo <= w[1])
            ]
            if len(fit) < k:
                found.add(name)
    return found
