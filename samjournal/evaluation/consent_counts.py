"""Consent and attrition as counts per month: what an evaluation needs, never who.

Counted over every family of the journal (released or not) from the consents of one study: the
consents given and withdrawn each month, the households whose first consent came that month, and
the households out of the study now by a withdrawal, by the month of their last withdrawal.
Every month from the first consent to the bundle's is a row, a month without any a row of
zeros (left out, an analyst had to tell a quiet month from a missing one: evaluator review s23).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from samjournal.context import utcnow
from samjournal.evaluation.consent_gate import Gate, Left
from samjournal.evaluation.sql import tuples
from samjournal.store import Database

_CONSENTS = """
SELECT m.family_id, c.given_on, c.withdrawn_on
FROM consents c JOIN members m ON m.id = c.member_id
JOIN families f ON f.id = m.family_id
WHERE c.study_id = ? AND f.deleted_at IS NULL
"""


def consent_counts(
    db: Database, study_id: str, gate: Gate, today: dt.date | None = None
) -> list[list[str]]:
    """Rows of `consent_counts` (month, given, withdrawn, households joined, withdrawn), every
    month from the first consent to `today`'s (the bundle's date, local)."""
    given: Counter[str] = Counter()
    withdrawn: Counter[str] = Counter()
    first: dict[int, str] = {}
    last_withdrawal: dict[int, str] = {}
    for family_id, given_on, withdrawn_on in tuples(db, _CONSENTS, (study_id,)):
        given[given_on[:7]] += 1
        first[family_id] = min(first.get(family_id, given_on), given_on)
        if withdrawn_on:
            withdrawn[withdrawn_on[:7]] += 1
            last_withdrawal[family_id] = max(last_withdrawal.get(family_id, ""), withdrawn_on)
    joined = Counter(day[:7] for day in first.values())
    left = Counter(
        day[:7]
        for family_id, day in last_withdrawal.items()
        if gate.left_out.get(family_id) is Left.WITHDRAWN
    )
    months = _every_month(set(given) | set(withdrawn), today or utcnow().astimezone().date())
    return [
        [month, str(given[month]), str(withdrawn[month]), str(joined[month]), str(left[month])]
        for month in months
    ]


def _every_month(seen: set[str], today: dt.date) -> list[str]:
    """ "YYYY-MM" of every month from the first of `seen` to `today`'s (or the last of `seen`,
    if later: a consent dated ahead), none when `seen` is empty."""
    if not seen:
        return []
    year, month = map(int, min(seen).split("-"))
    last = max(max(seen), f"{today.year:04d}-{today.month:02d}")
    found = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        found.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found
