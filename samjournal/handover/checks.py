"""What a received row may hold: the journal's own field rules, column by column.

A handover file is signed by a registered journal, but its rows are still input: a peer on an
older build, or a file its team lead edited and signed again, put a name with a direction
override, an amount of 2^62 øre and a meeting in 1800 into the receiving journal, where no form
would have let them in, and 10^20 øre was a raw OverflowError (outside review s26). Each value
goes through the check its form uses (validation.py, money.py) and is kept as that check cleans
it; the first that fails refuses the whole file by key, naming the field, and nothing changes.

Ids are mapped, not checked here (receive._Ids): a dangling one refuses the file there.
tests/samjournal/handover/test_checks.py holds every column of this schema to a rule, so a
migration that adds a column to a handed-over table fails until it has one.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from samjournal import validation as v
from samjournal.errors import HandoverRejected, ValidationError
from samjournal.handover.collect import REFS
from samjournal.instruments.kinds import Occasion, Respondent
from samjournal.kinds import (
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedStatus,
    ParticipantKind,
    PaymentMethod,
    PaymentStatus,
    Role,
)
from samjournal.messages import FIELDS, inner, invalid, keyed
from samjournal.money import MAX_ORE

Rule = Callable[[str, Any], Any]  # (field id, value) -> the value to keep; raises ValidationError


def _line(*, required: bool = False, max_len: int = v.SHORT) -> Rule:
    return lambda field, value: v.text(field, value, required=required, max_len=max_len)


def _optional(rule: Rule) -> Rule:
    return lambda field, value: None if value is None else rule(field, value)


def _within(value: Any, low: float, high: float) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _whole(low: int, high: int) -> Rule:
    def rule(field: str, value: Any) -> int:
        if not _within(value, low, high):
            raise invalid(field, "unknown_value")
        return int(value)

    return rule


def _day(field: str, value: Any) -> str:
    if not isinstance(value, str) or len(value) != 10:
        raise invalid(field, "date_range", first=v.FIRST_YEAR, last=v.LAST_YEAR)
    try:
        v.day(field, dt.date.fromisoformat(value))
    except ValueError:
        raise invalid(field, "date_range", first=v.FIRST_YEAR, last=v.LAST_YEAR) from None
    return value


def _time(field: str, value: Any) -> str:
    """A moment as the journal stores it: ISO 8601 with its offset (context.iso)."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise invalid(field, "date_range", first=v.FIRST_YEAR, last=v.LAST_YEAR)
    v.day(field, moment)
    return str(value)


def _choice(kind: type[Enum]) -> Rule:
    return lambda field, value: v.choice(field, value, kind).value


def _amount(field: str, value: Any) -> int:
    """A payment's amount: more than zero, and no more than money.py lets a form take."""
    if _within(value, 1, MAX_ORE):
        return int(value)
    if _within(value, 1, math.inf):
        raise invalid(field, "amount_too_large")
    raise invalid(field, "amount_positive")


def _frame(field: str, value: Any) -> int:
    """A budget frame: zero or more."""
    if _within(value, 0, MAX_ORE):
        return int(value)
    if _within(value, 0, math.inf):
        raise invalid(field, "amount_too_large")
    raise invalid(field, "negative")


_flag, _version = _whole(0, 1), _whole(1, 2**31)


def _json(field: str, value: Any) -> str:
    try:
        json.loads(value)
    except (TypeError, ValueError):
        raise invalid(field, "unknown_value") from None
    return str(value)


_LINE, _REQUIRED = _line(), _line(required=True)
# Every row that keeps versions carries these.
_KEPT: dict[str, tuple[str, Rule]] = {
    "version": ("", _version),
    "updated_at": ("date", _time),
    "deleted_at": ("date", _optional(_time)),
    "delete_reason": ("reason", _optional(_REQUIRED)),
}
# table -> column -> (field id for the message, rule)
RULES: Mapping[str, Mapping[str, tuple[str, Rule]]] = {
    "families": {
        "case_number": ("case_number", _REQUIRED),
        "display_name": ("family_name", _REQUIRED),
        "status": ("status", _choice(FamilyStatus)),
        "district": ("district", _LINE),
        "opened_on": ("opened_on", _day),
        "closed_on": ("closed_on", _optional(_day)),
        "budget_ore": ("budget_frame", _frame),
        "language": ("language", _LINE),
        **_KEPT,
    },
    "members": {
        "name": ("name", _REQUIRED),
        "is_child": ("", _flag),
        "birth_year": ("birth_year", lambda f, x: v.birth_year(f, x)),
        "birth_date": ("birth_date", _optional(_day)),
        "national_id": ("national_id", lambda f, x: v.national_id(x)),
        "phone": ("phone", v.phone),
        "primary_contact": ("", _flag),
        **_KEPT,
    },
    "meetings": {
        "held_at": ("held_at", _time),
        "place": ("place", _LINE),
        "kind": ("meeting_kind", _choice(MeetingKind)),
        "family_words": ("family_words", _line(max_len=v.LONG)),
        "agreed": ("agreed", _line(max_len=v.LONG)),
        "next_meeting_at": ("next_meeting", _optional(_time)),
        **_KEPT,
    },
    "meeting_participants": {
        "kind": ("participant", _choice(ParticipantKind)),
        "name": ("partner", _LINE),
    },
    "needs": {
        "description": ("description", _line(required=True, max_len=2000)),
        "category": ("category", _choice(NeedCategory)),
        "status": ("status", _choice(NeedStatus)),
        "raised_on": ("date", _day),
        "outcome": ("outcome", _line(max_len=2000)),
        **_KEPT,
    },
    "payments": {
        "amount_ore": ("amount", _amount),
        "purpose": ("purpose", _line(required=True, max_len=1000)),
        "method": ("method", _choice(PaymentMethod)),
        "status": ("status", _choice(PaymentStatus)),
        "proposed_at": ("date", _time),
        "approved_at": ("date", _optional(_time)),
        "paid_on": ("paid_on", _optional(_day)),
        "voucher_ref": ("voucher", _LINE),
        "reason": ("reason", _line(max_len=1000)),
        **_KEPT,
    },
    "checkins": {
        "answered_on": ("date", _day),
        "study_id": ("study_id", _optional(_REQUIRED)),
        "instrument_id": ("instrument", _REQUIRED),
        "instrument_version": ("instrument", _version),
        "respondent": ("respondent", _choice(Respondent)),
        "occasion": ("occasion", _choice(Occasion)),
        "answers": ("answer", _json),
        **{
            domain: (domain, lambda f, x: v.score(f, x))
            for domain in (
                "life_satisfaction",
                "economy",
                "housing",
                "health",
                "social",
                "trust",
                "participation",
            )
        },
        **_KEPT,
    },
    "consents": {
        "study_id": ("study_id", _REQUIRED),
        "letter_version": ("information_letter", _REQUIRED),
        "given_on": ("date", _day),
        "method": ("consent_method", _choice(ConsentMethod)),
        "recorded_at": ("date", _time),
        "withdrawn_on": ("date", _optional(_day)),
    },
    # What else the file carries: the studies, their authors, each earlier version, the trail.
    "studies": {
        "id": ("study_id", _REQUIRED),
        "name": ("study_name", _REQUIRED),
        "organisation": ("name", _LINE),
        "municipality": ("municipality", _LINE),
        "imported_at": ("date", _time),
        "fingerprint": ("fingerprint", _optional(_LINE)),
        "profile": ("study", _optional(_json)),
        "profile_imported_at": ("date", _optional(_time)),
    },
    "people": {
        "id": ("user", _whole(1, 2**63 - 1)),
        "username": ("username", _line(required=True, max_len=64)),
        "display_name": ("name", _REQUIRED),
        "role": ("role", _choice(Role)),
    },
    "history": {
        "entity": ("", _REQUIRED),
        "version": ("", _version),
        "data": ("", _json),
        "changed_at": ("date", _time),
    },
    "trail": {
        "at": ("date", _time),
        "username": ("username", _REQUIRED),
        "action": ("", _REQUIRED),
        "entity": ("", _LINE),
        "entity_id": ("", lambda f, x: v.text(f, str(x))),
        "detail": ("", _line(max_len=1000)),
    },
}
# Columns the receiving side sets itself, whatever the file says.
SET_HERE: Mapping[str, frozenset[str]] = {
    "studies": frozenset({"profile_imported_by"}),
}


def checked(table: str, row: Any) -> dict[str, Any]:
    """`row` with each value as its rule keeps it: ids as they came, columns this journal does
    not know left for the insert to drop. A row that is not one, or a value its rule refuses,
    refuses the file."""
    if not isinstance(row, dict):
        raise keyed(HandoverRejected, "handover_lacks")
    rules, refs = RULES[table], REFS.get(table, {})
    kept = dict(row)
    for column, value in row.items():
        if column in refs or column not in rules:
            continue
        field, rule = rules[column]
        try:
            kept[column] = rule(field or column, value)
        except ValidationError as exc:
            raise keyed(
                HandoverRejected,
                "handover_bad_value",
                field=FIELDS.get(field, (column, column)),
                reason=inner(exc),
            ) from exc
    return kept
