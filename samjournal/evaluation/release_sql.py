"""The SQL that reads a release's rows: each row's plain columns, joined into its CSV text.

Every event time becomes whole days since the family's index date, the day its case opened
(`f.opened_on`): it is in every family, does not move when events are added or deleted (so the
offsets already released stay put), and its month is already released. Times are stored in UTC
and counted on the office's wall calendar; converting every time to local time costs more than
the rest of the row, so only the hours of the day where the zone's offset can change the date
are converted (the zone's offsets are found once per zone).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass

from samjournal.evaluation.tables import (
    MEETING_KINDS,
    NEED_CATEGORIES,
    NEED_STATUSES,
    PAYMENT_METHODS,
    PAYMENT_STATUSES,
)
from samjournal.model import CHECKIN_DOMAINS
from samjournal.records.status_reached import reached

FAMILY_STATUSES = ("active", "paused", "closed")


def enum(column: str, values: Iterable[str]) -> str:
    """SQL: the column if it holds one of `values` (our own constants), else empty."""
    listed = ", ".join(f"'{v}'" for v in values)
    return f"(CASE WHEN {column} IN ({listed}) THEN {column} ELSE '' END)"


def month(column: str) -> str:
    return f"coalesce(substr({column}, 1, 7), '')"


def date_day(column: str) -> str:
    """SQL: whole days from the index date to a date, or empty. Both are midnights, so the
    difference of their Julian days is a whole number."""
    return f"coalesce(CAST(round(julianday({column}) - julianday(f.opened_on)) AS INTEGER), '')"


def time_day(column: str, offsets: tuple[int, int]) -> str:
    """SQL: whole days from the index date to the local calendar day of a UTC time, or empty.

    With the zone's offsets from UTC between `lo` and `hi` hours (rounded outwards), a time at
    UTC hour h falls on its UTC date locally too when 0 <= h + lo and h + hi <= 23."""
    lo, hi = offsets
    utc_date = f"julianday(substr({column}, 1, 10))"
    local = f"julianday({column}, 'localtime', 'start of day')"
    if lo == hi == 0:
        day = utc_date
    else:
        hour = f"CAST(substr({column}, 12, 2) AS INTEGER)"
        day = f"(CASE WHEN {hour} BETWEEN {-lo} AND {23 - hi} THEN {utc_date} ELSE {local} END)"
    return f"coalesce(CAST(round({day} - julianday(f.opened_on)) AS INTEGER), '')"


def zone_offsets() -> tuple[int, int]:
    """The lowest and highest offset from UTC, in whole hours rounded outwards, that the local
    zone has from 1970 to 2100 (sampled weekly: no zone changes its offset for less)."""
    return _offsets(os.environ.get("TZ"), time.tzname)


@functools.cache
def _offsets(_tz: str | None, _names: tuple[str, str]) -> tuple[int, int]:
    week = 7 * 86400
    seen = {
        (dt.datetime.fromtimestamp(t).astimezone().utcoffset() or dt.timedelta()).total_seconds()
        for t in range(week, 4102444800, week)  # from 1970-01-08: Windows refuses 0
    }
    return math.floor(min(seen) / 3600), math.ceil(max(seen) / 3600)


@dataclass(frozen=True, slots=True)
class Queries:
    closed_day: str  # a column of `families f`
    participants: str
    meetings: str
    needs: str
    payments: str
    checkins: str


def queries() -> Queries:
    """The release's queries for the machine's zone now."""
    return _queries(zone_offsets())


_SCORES = tuple(f"coalesce(c.{d}, '')" for d in ("life_satisfaction", *CHECKIN_DOMAINS))


# A check-in's instrument version, occasion, who answered as a role (the family or the
# caseworker: adult or child is respondent_role, blanked with its household) and its answers as
# item=value;item=value (item ids and answers are [a-z0-9_-] or integers: no comma, no quote).
_INSTRUMENT = (
    "c.instrument_id",
    "c.instrument_version",
    "c.occasion",
    "CASE c.respondent WHEN 'caseworker' THEN 'caseworker' ELSE 'family' END",
    "coalesce((SELECT group_concat(a.key || '=' || a.value, ';') FROM json_each(c.answers) a), '')",
)
# Answers leave only for the study that asked them: its own instruments' (any version it ever
# asked), and the journal's own instrument's when its profile includes that one. Never decided
# by which other studies the journal holds.
_FOR_STUDY = """(c.study_id = :study OR (c.study_id IS NULL AND c.instrument_id IN
    (SELECT instrument_id FROM study_instruments WHERE study_id = :study)))"""


def joined(*parts: str) -> str:
    """SQL: the parts (none ever NULL) joined by commas in one step: printf writes the text
    once, where a chain of || copies it again at every part (a third of the payments query)."""
    return f"printf('{','.join(['%s'] * len(parts))}', {', '.join(parts)})"


def only(alias: str, statuses: tuple[str, ...], expression: str) -> str:
    """SQL: `expression` for rows of one of `statuses`, else empty: most rows never reached
    them, and skip the day's arithmetic (and the history it reads)."""
    listed = ", ".join(f"'{s}'" for s in statuses)
    return f"(CASE WHEN {alias}.status IN ({listed}) THEN {expression} ELSE '' END)"


# SQL: whether need `n` was ever agreed: its status is agreed or after it, or it was dropped
# after being agreed (a kept version says so: the history keeps every version replaced).
_AGREED = """(CASE WHEN n.status IN ('agreed', 'in_progress', 'met') THEN 1
    WHEN n.status = 'dropped' THEN EXISTS (SELECT 1 FROM history h WHERE h.entity = 'need'
        AND h.entity_id = n.id AND json_extract(h.data, '$.status') IN ('agreed', 'in_progress'))
    ELSE 0 END)"""


@functools.cache
def _queries(offsets: tuple[int, int]) -> Queries:
    def day(column: str) -> str:
        return time_day(column, offsets)

    return Queries(
        closed_day=date_day("f.closed_on"),
        participants="""
SELECT meeting_id, sum(kind = 'member'), sum(kind = 'staff'), sum(kind = 'partner')
FROM meeting_participants GROUP BY meeting_id
""",
        meetings=f"""
SELECT m.id, m.family_id, {joined(day("m.held_at"), enum("m.kind", MEETING_KINDS))},
    {day("m.next_meeting_at")}
FROM meetings m JOIN families f ON f.id = m.family_id
WHERE m.deleted_at IS NULL ORDER BY m.id
""",
        # A need is agreed in a meeting (the flow requires one): agreed on the meeting's day.
        # Only a need that was agreed shows it: one raised in a meeting keeps that meeting in
        # the journal (its family's copy lists it there), and showed a raised need as agreed
        # (evaluator review s23: 7 raised needs with an agreed day).
        needs=f"""
SELECT n.id, n.family_id, n.agreed_meeting_id, n.category,
    {joined("n.status", date_day("n.raised_on"))},
    {
            joined(
                day("n.agreed_at"),
                only("n", ("in_progress", "met", "dropped"), day("n.in_progress_at")),
                only("n", ("met",), day("n.met_at")),
                only("n", ("dropped",), day("n.dropped_at")),
            )
        }
FROM (
    SELECT n.id, n.family_id, a.id AS agreed_meeting_id, n.raised_on,
        {enum("n.category", NEED_CATEGORIES)} AS category,
        {enum("n.status", NEED_STATUSES)} AS status,
        a.held_at AS agreed_at,
        {reached("need", "n", "in_progress", ("met", "dropped"))} AS in_progress_at,
        {reached("need", "n", "met", ())} AS met_at,
        {reached("need", "n", "dropped", ())} AS dropped_at
    FROM needs n LEFT JOIN meetings a ON a.id = n.agreed_meeting_id AND {_AGREED}
    WHERE n.deleted_at IS NULL
) n JOIN families f ON f.id = n.family_id
ORDER BY n.id
""",
        # Amounts leave in øre: the release rounds them (a levels search tries several
        # roundings on the same rows, read once).
        payments=f"""
SELECT p.id, p.family_id, p.need_id, p.amount_ore, substr(p.proposed_at, 1, 7),
    {
            joined(
                enum("p.method", PAYMENT_METHODS),
                enum("p.status", PAYMENT_STATUSES),
                day("p.proposed_at"),
                day("p.approved_at"),
                date_day("p.paid_on"),
                only("p", ("rejected",), day("p.rejected_at")),
                only("p", ("cancelled",), day("p.cancelled_at")),
            )
        }
FROM (
    SELECT p.id, p.family_id, p.need_id, p.amount_ore, p.method, p.status, p.proposed_at,
        p.approved_at, p.paid_on, {reached("payment", "p", "rejected", ())} AS rejected_at,
        {reached("payment", "p", "cancelled", ())} AS cancelled_at
    FROM payments p WHERE p.deleted_at IS NULL
) p JOIN families f ON f.id = p.family_id
ORDER BY p.id
""",
        checkins=f"""
SELECT c.id, c.family_id, c.member_id, m.is_child, {date_day("c.answered_on")},
    {joined(*_SCORES, *_INSTRUMENT)}
FROM checkins c JOIN families f ON f.id = c.family_id
LEFT JOIN members m ON m.id = c.member_id
WHERE c.deleted_at IS NULL AND {_FOR_STUDY} ORDER BY c.id
""",
    )
