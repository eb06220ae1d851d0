"""Check a release against the attacker model over everything the study ever received, and hold
back what would break it (samjournal.evaluation.attacker states the model, km counts).

Each released row is read back as the evaluator will read it (its CSV fields), its items derived,
and every household's footprint is what it had before (kept in the release state) plus this
export's rows. Rows new or changed in this export are the only ones that can still be held back;
a household never released before can wait whole.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from samjournal.evaluation.attacker import (
    EVENT_ITEMS,
    EVENT_TIME,
    SHORT,
    event_items,
    household_items,
    months,
    period_bounds,
)
from samjournal.evaluation.km import Candidate, Outcome, Unit, protect
from samjournal.evaluation.levels import Levels
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.release import Line, Release, build_release
from samjournal.evaluation.release_source import Source
from samjournal.evaluation.release_state import RecordKey, Registry, Sent
from samjournal.evaluation.risk import Protection
from samjournal.evaluation.tables import DATA_TABLES, QUASI_IDENTIFIERS
from samjournal.store import Database

Bounds = tuple[dt.date, dt.date]
# The household fields an attacker knows all of (attacker.py, kind 1).
FIELDS = QUASI_IDENTIFIERS
_HOUSEHOLD_FIELDS = DATA_TABLES["households"].header[1:-1]
_EVENT_FIELDS = {name: t.header[2:-1] for name, t in DATA_TABLES.items() if name != "households"}


def row_items(table: str, content: str, bounds: Bounds | None) -> list[str]:
    """The items one released row gives (its content: the CSV fields after the pseudonyms):
    with the released opening period as `bounds`, what the row is compatible with; with the
    true opening day (both bounds), the row's true items."""
    if table == "households":
        row = dict(zip(_HOUSEHOLD_FIELDS, content.split(","), strict=True))
        return household_items(row, FIELDS, bounds)
    row = dict(zip(_EVENT_FIELDS[table], content.split(","), strict=True))
    return event_items(table, row, bounds)


# Per event table: how many splits reach its last field read, its base ("p|" and the item
# fields joined by "|", from the split fields) and where its times sit (attacker.EVENT_ITEMS,
# EVENT_TIME).
def _base_of(head: str, at: tuple[int, ...]) -> Callable[[list[str]], str]:
    if len(at) == 1:
        (i,) = at
        return lambda fields: head + fields[i]
    pick = operator.itemgetter(*at)
    return lambda fields: head + "|".join(pick(fields))


_AT = {
    table: (
        max(fields.index(c) for c in (*EVENT_ITEMS[table], *EVENT_TIME[table])) + 1,
        _base_of(SHORT[table] + "|", tuple(fields.index(c) for c in EVENT_ITEMS[table])),
        tuple(fields.index(c) for c in EVENT_TIME[table]),
    )
    for table, fields in _EVENT_FIELDS.items()
}


def both_items(
    table: str, content: str, bounds: Bounds | None, opened: dt.date
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(compatible items, true items) of one row: `row_items` twice, read once (the export's
    hot path: every released row)."""
    if table == "households":
        return tuple(row_items(table, content, bounds)), tuple(
            row_items(table, content, (opened, opened))
        )
    span = None if bounds is None else (bounds[0].toordinal(), bounds[1].toordinal())
    return _event_items(table, content, span, opened.toordinal())


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
    table: str, content: str, span: tuple[int, int] | None, opened: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`both_items` of an event row, the opening period and day as ordinals. The item tuples
    come from caches, so rows with the same items share them (and the strings in them)."""
    cut, base_of, at_time = _AT[table]
    fields = content.split(",", cut)  # the fields after the last one read stay joined
    base = base_of(fields)
    for i in at_time:
        day = fields[i]
        if day:
            break
    else:
        return _unknown(base), _unknown(base)
    at = int(day) - _FIRST  # days since 1900-01-01, less the opening day
    true = opened + at
    if span is not None:
        lo, hi = span[0] + at, span[1] + at
        if 0 <= lo < _DAYS and 0 <= hi < _DAYS and 0 <= true < _DAYS:  # one cache look-up
            month_of = _MONTH_OF
            return _window(base, month_of[lo], month_of[hi], month_of[true])
    if 0 <= true < _DAYS:
        true_items = _labelled(base, _MONTH_OF[true], _MONTH_OF[true])
    else:
        true_items = _outside(base, true + _FIRST, true + _FIRST)
    if span is None:
        return _unknown(base), true_items
    if 0 <= lo < _DAYS and 0 <= hi < _DAYS:
        return _labelled(base, _MONTH_OF[lo], _MONTH_OF[hi]), true_items
    return _outside(base, lo + _FIRST, hi + _FIRST), true_items


@functools.lru_cache(maxsize=1 << 16)
def _window(base: str, first: int, last: int, true: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(`base` in the months `first`..`last`, `base` in the month `true`), the tuples shared
    through `_labelled`."""
    return _labelled(base, first, last), _labelled(base, true, true)


@functools.lru_cache(maxsize=1 << 12)
def _unknown(base: str) -> tuple[str, ...]:
    """`base` without a month (no opening period, or no day)."""
    return (f"{base}|?",)


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


def _bounds(footprint: set[str], content: str) -> Bounds | None:
    """Where the index date can be, to one who holds every bundle: inside every opening period
    the household was ever released with (the finest wins); None when all were starred."""
    at = QUASI_IDENTIFIERS.index("opened_month")
    labels = [x[2:].split(";")[at] for x in footprint if x.startswith("v|")]
    if content:
        labels.append(content.split(",")[5])
    found = [b for b in map(period_bounds, labels) if b is not None]
    if not found:
        return None
    return max(b[0] for b in found), min(b[1] for b in found)


@dataclass(frozen=True, slots=True)
class Checked:
    outcome: Outcome
    rows_offered: int  # new or changed rows this export wanted to send
    rows_held: int
    households_held: int
    fields_generalised: int  # household cells released coarser than exact
    rows_of_households_held: int = 0  # rows offered by new households held back whole

    @property
    def held_share(self) -> float:
        """Share of the rows offered that wait, those of households held whole included."""
        held = self.rows_held + self.rows_of_households_held
        return held / self.rows_offered if self.rows_offered else 0.0


def check_release(
    release: Release, registry: Registry, k: int, m: int, tables: tuple[str, ...]
) -> Checked:
    """Hold back rows and households of `release` until the union of all bundles holds the
    model; the states of held rows are put back as last sent; footprints are updated."""
    # Each household's lines by table; households in the order they first appear (protect
    # checks them in this order, and the order decides what is held back).
    by_household: dict[str, dict[str, list[Line]]] = {}
    for table, lines in release.lines.items():
        for line in lines:
            pseudonym = line.state.pseudonym
            owned = by_household.get(pseudonym)
            if owned is None:
                owned = by_household[pseudonym] = {}
            found = owned.get(table)
            if found is None:
                owned[table] = [line]
            else:
                found.append(line)
    candidates = []
    offered = 0
    event_items = _event_items
    for pseudonym, owned in by_household.items():
        state = next(iter(owned.values()))[0].state
        opened = release.opened[state.family_id]
        rows = {t: 0 for t in tables}
        fixed = set(state.footprint)
        fixed_true: set[str] = set()
        units: list[Unit] = []
        # A household with nothing new whose footprint is kept: its rows give nothing to check
        # but their number (footprints only grow, so every set checked before still holds).
        quiet = bool(state.footprint) and not any(
            line.sent.changed for lines in owned.values() for line in lines
        )
        if quiet:
            for table, lines in owned.items():
                if table != "households":
                    n = sum(1 for line in lines if line.sent.sent_version != 0)
                    if n:
                        rows[table] = rows.get(table, 0) + n
            new = not state.sent_before
            candidates.append(Candidate(pseudonym, fixed, fixed_true, rows, units, new=new))
            continue
        own = state.records[RecordKey("households", state.family_id)]
        bounds = _bounds(state.footprint, own.content)
        span = None if bounds is None else (bounds[0].toordinal(), bounds[1].toordinal())
        day0 = opened.toordinal()
        sent_items: list[tuple[str, ...]] = []  # of rows sent before, unchanged
        sent_true: list[tuple[str, ...]] = []
        for table, lines in owned.items():
            own_row = table == "households"
            sent_before = 0  # rows of the table the evaluator has whatever this export does
            for line in lines:
                sent = line.sent
                before = sent.before  # Sent.sent_version, read inline (every row)
                new_row = (sent.version if before is None else before[0]) == 0
                if own_row:
                    items, true = both_items(table, sent.content, bounds, opened)
                else:
                    sent_before += not new_row
                    items, true = event_items(table, sent.content, span, day0)
                if sent.changed:
                    units.append(Unit(line.key, table, items, true, new_row, own_row, sent))
                else:
                    sent_items.append(items)
                    sent_true.append(true)
            if sent_before:
                rows[table] = rows.get(table, 0) + sent_before
        fixed.update(*sent_items)
        fixed_true.update(*sent_true)
        offered += len(units)
        new = not state.sent_before
        candidates.append(Candidate(pseudonym, fixed, fixed_true, rows, units, new=new))
    others = dict(registry.retired_footprints)
    for state in registry.by_family.values():
        if state.pseudonym not in by_household and state.footprint:
            others[state.pseudonym] = frozenset(state.footprint)  # leaving now: kept
    outcome = protect(candidates, others, k, m)
    held_rows = held_whole = 0
    held_households = outcome.held_households
    for candidate in candidates:  # the rows held back (of households released)
        if not candidate.whole:
            for unit in candidate.held_units:
                cast(Sent, unit.row).hold_back()
            held_rows += len(candidate.held_units)
    for table, lines in release.lines.items():
        if held_households:
            whole = [line for line in lines if line.state.pseudonym in held_households]
            held_whole += sum(line.sent.changed for line in whole)
            lines = [line for line in lines if line.state.pseudonym not in held_households]
        release.lines[table] = [line for line in lines if line.sent.version > 0]
    for state in list(registry.by_family.values()):
        if state.pseudonym in outcome.held_households:
            del registry.by_family[state.family_id]
            release.household_of.pop(state.family_id, None)
        elif state.pseudonym in outcome.footprints:
            footprint = outcome.footprints[state.pseudonym]
            if footprint != state.footprint:
                state.footprint = footprint  # protect's own set, handed over
                state.dirty = True
            elif state.dirty and state.as_stored():  # its changes were all held back
                state.dirty = False
    node = release.generalised.node
    general = sum(1 for lv in node if lv > 0) * len(release.household_of)
    return Checked(outcome, offered, held_rows, len(outcome.held_households), general, held_whole)


def release_at(
    db: Database,
    study_id: str,
    policy: Policy,
    municipality: str,
    levels: Levels,
    source: Source | None = None,
) -> tuple[Registry, Release, Checked]:
    """The release under `policy` (the study's levels applied), households no finer than the
    levels' node, checked over every bundle before it (state in memory until saved);
    `source`: the plan's reads, shared by every level it tries."""
    registry = Registry(db, study_id)
    release = build_release(
        db, study_id, policy, municipality, registry, node=levels.node, source=source
    )
    return registry, release, check_release(release, registry, policy.k, policy.m, policy.tables)


def protection(policy: Policy, levels: Levels, checked: Checked, release: Release) -> Protection:
    """What the risk report says about the check and what it cost."""
    summary = release.summary
    households = len(release.generalised.released)
    return Protection(
        k=policy.k,
        m=policy.m,
        levels=levels.to_json(),
        households_in_union=sum(1 for f in checked.outcome.footprints.values() if f),
        violations=len(checked.outcome.residual),
        rows_offered=checked.rows_offered,
        rows_held=checked.rows_held,
        households_held=checked.households_held,
        cells_generalised=checked.fields_generalised,
        amounts_top_coded_share=round(summary.amounts_top_coded / summary.amounts, 4)
        if summary.amounts
        else 0.0,
        budgets_top_coded_share=round(summary.budgets_top_coded / households, 4)
        if households
        else 0.0,
        rows_of_households_held=checked.rows_of_households_held,
    )
