"""What a received row may hold: the journal's own field rules, column by column.

A handover file is signed by a registered journal, but its rows are still input: a peer on an
older build, or a file its team lead edited and signed again, put a name with a direction
override, an amount of 2^62 øre and a meeting in 1800 into the receiving journal, where no form
would have let them in, and 10^20 øre was a raw OverflowError (outside review s26). Each value
goes through the check its form uses (validation.py, money.py) and is kept as that check cleans
it; the first that fails refuses the whole file by key, naming the field, and nothing changes.
A row's columns together go through its form's rules too (`consistent`), and a check-in's
answers through its instrument's items (records/checkins.py, `answered`, used by receive.py).

Ids are mapped in receive._Ids, which takes only whole numbers (`ident`), and a dangling one
refuses the file there; `released` checks the household's release state in the shape it is packed.
tests/samjournal/handover/test_checks.py holds every column of this schema to a rule, so a
migration that adds a column to a handed-over table fails until it has one.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from enum import Enum
from typing import Any

from samjournal import validation as v
from samjournal.context import iso
from samjournal.errors import HandoverRejected, ValidationError
from samjournal.evaluation.release_state import ENTITY_PREFIX
from samjournal.handover.collect import REFS
from samjournal.instruments.default import SCORE_ITEMS
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
from samjournal.messages import FIELDS, inner, invalid, keyed, said
from samjournal.money import MAX_ORE
from samjournal.records.families import closing
from samjournal.records.members import born
from samjournal.records.payments import flow_recorded

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


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # as context.iso writes a date ("2025-W01-1" parses too)


def _day(field: str, value: Any) -> str:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise invalid(field, "date_range", first=v.FIRST_YEAR, last=v.LAST_YEAR)
    try:
        v.day(field, dt.date.fromisoformat(value))
    except ValueError:
        raise invalid(field, "date_range", first=v.FIRST_YEAR, last=v.LAST_YEAR) from None
    return value


def _past_day(field: str, value: Any) -> str:
    v.not_future(field, dt.date.fromisoformat(_day(field, value)))
    return str(value)


def _time(field: str, value: Any) -> str:
    """A moment with its offset, kept as the journal stores one: in UTC (context.iso)."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise invalid(field, "date_range", first=v.FIRST_YEAR, last=v.LAST_YEAR)
    return iso(v.day(field, moment)) or ""


def _past_time(field: str, value: Any) -> str:
    """A moment something was done (a payment proposed or approved): not on a day to come."""
    moment = _time(field, value)
    v.not_future(field, dt.datetime.fromisoformat(moment))
    return moment


def _held_time(field: str, value: Any) -> str:
    """When a meeting was held: the rule a form holds it to (validation.held)."""
    moment = _time(field, value)
    v.held(field, dt.datetime.fromisoformat(moment))
    return moment


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


def _json_object(field: str, value: Any) -> dict[str, Any]:
    """`value`, JSON text, as the object it must hold: what SQLite's json_valid takes (no NaN),
    and not nested past the parser (200,000 "[" were a RecursionError)."""
    try:
        found = json.loads(value, parse_constant=_refuse_constant)
    except (TypeError, ValueError, RecursionError):
        raise invalid(field, "unknown_value") from None
    if not isinstance(found, dict):
        raise invalid(field, "unknown_value")
    return found


def _refuse_constant(name: str) -> None:
    raise ValueError(name)


def _json(field: str, value: Any) -> str:
    _json_object(field, value)
    return str(value)


def _language(field: str, value: Any) -> str:
    if value not in ("nb", "en"):  # as records/families.py takes it
        raise invalid(field, "language_choice")
    return str(value)


def _national_id(field: str, value: Any) -> str | None:
    return v.national_id(v.text(field, value))


def _trail_id(field: str, value: Any) -> str:
    """An audit event's entity id: a record's number or a name ("journal", a username)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise invalid(field, "not_text")
    return v.text(field, str(value))


_LINE, _REQUIRED = _line(), _line(required=True)
# Every row that keeps versions carries these.
_KEPT: dict[str, tuple[str, Rule]] = {
    "version": ("", _version),
    "updated_at": ("date", _time),
    "deleted_at": ("date", _optional(_time)),
    "delete_reason": ("reason", _optional(_line(required=True, max_len=1000))),  # as forms take
}
# table -> column -> (field id for the message, rule)
RULES: Mapping[str, Mapping[str, tuple[str, Rule]]] = {
    "families": {
        "case_number": ("case_number", _REQUIRED),
        "display_name": ("family_name", _REQUIRED),
        "status": ("status", _choice(FamilyStatus)),
        "district": ("district", _LINE),
        "opened_on": ("opened_on", _day),
        "closed_on": ("closed_on", _optional(_past_day)),
        "budget_ore": ("budget_frame", _frame),
        "language": ("language", _language),
        **_KEPT,
    },
    "members": {
        "name": ("name", _REQUIRED),
        "is_child": ("", _flag),
        "birth_year": ("birth_year", lambda f, x: v.birth_year(f, x)),
        "birth_date": ("birth_date", _optional(_past_day)),
        "national_id": ("national_id", _optional(_national_id)),
        "phone": ("phone", v.phone),
        "primary_contact": ("", _flag),
        **_KEPT,
    },
    "meetings": {
        "held_at": ("held_at", _held_time),
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
        "raised_on": ("date", _past_day),
        "outcome": ("outcome", _line(max_len=2000)),
        **_KEPT,
    },
    "payments": {
        "amount_ore": ("amount", _amount),
        "purpose": ("purpose", _line(required=True, max_len=1000)),
        "method": ("method", _choice(PaymentMethod)),
        "status": ("status", _choice(PaymentStatus)),
        "proposed_at": ("date", _past_time),
        "approved_at": ("date", _optional(_past_time)),
        "paid_on": ("paid_on", _optional(_past_day)),
        "voucher_ref": ("voucher", _LINE),
        "reason": ("reason", _line(max_len=1000)),
        **_KEPT,
    },
    "checkins": {
        "answered_on": ("date", _past_day),
        "study_id": ("study_id", _optional(_REQUIRED)),
        "instrument_id": ("instrument", _REQUIRED),
        "instrument_version": ("instrument", _version),
        "respondent": ("respondent", _choice(Respondent)),
        "occasion": ("occasion", _choice(Occasion)),
        "answers": ("answer", _json),
        **{score: (score, lambda f, x: v.score(f, x)) for score in SCORE_ITEMS},
        **_KEPT,
    },
    "consents": {
        "study_id": ("study_id", _REQUIRED),
        "letter_version": ("information_letter", _REQUIRED),
        "given_on": ("date", _past_day),
        "method": ("consent_method", _choice(ConsentMethod)),
        "recorded_at": ("date", _time),
        "withdrawn_on": ("withdrawn_on", _optional(_past_day)),
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
        "entity_id": ("", _trail_id),
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
            raise bad_value(field or column, exc) from exc
    return kept


def bad_value(field: str, exc: ValidationError) -> HandoverRejected:
    """The file refused for one value, naming the field (by id, or the column for one no form
    names) and what is wrong with it, in words that fit a received file: direction characters
    are described, without a form's "type the text in without them"."""
    reason = said("bidi_control_found") if exc.key == "bidi_control" else inner(exc)
    return keyed(
        HandoverRejected,
        "handover_bad_value",
        field=FIELDS.get(field, (field, field)),
        reason=reason,
    )


def consistent(table: str, row: Mapping[str, Any]) -> None:
    """A received row's columns together as its form takes them (`checked` holds each alone):
    a case closed before it opened was taken in (review s27). Only rows as they are now: an
    earlier version may predate a rule."""
    rule = _TOGETHER.get(table)
    if rule is not None:
        try:
            rule(row)
        except ValidationError as exc:
            raise bad_value(exc.field_id, exc) from exc


def _family(row: Mapping[str, Any]) -> None:
    """records/families.py, `closing` (set_status's rule): only a closed case has a closing
    day, not before it opened. A closed case without one is taken: set_status gives it today,
    and the retention rules (records/lifecycle.py) keep such a case."""
    status, opened, closed = row.get("status"), row.get("opened_on"), row.get("closed_on")
    if status is None or opened is None:
        return  # a column the row lacks: the insert refuses it by key
    closing(
        FamilyStatus(status),
        None if closed is None else dt.date.fromisoformat(str(closed)),
        dt.date.fromisoformat(str(opened)),
    )


def _member(row: Mapping[str, Any]) -> None:
    """records/members.py, `born`: a birth date's year is the birth year, and so is the one
    the identity number says (a birth year of 1990 beside a fødselsnummer of 1984 was taken
    in). A birth year left out is not read from them here: a form would have, but the row is
    taken as it came."""
    day = row.get("birth_date")
    born(
        row.get("birth_year"),
        None if day is None else dt.date.fromisoformat(str(day)),
        row.get("national_id"),
    )


def _meeting(row: Mapping[str, Any]) -> None:
    """records/meetings.py: the next meeting comes after this one (times in UTC, as `_time`
    keeps them, so their text sorts as they do). The form compares them before they are
    stored in whole seconds, so two stored alike may have been 10:00:00.2 and 10:00:00.7: only
    a next meeting before this one is refused (review s28: that file was refused)."""
    after = row.get("next_meeting_at")
    if after is not None and str(after) < str(row.get("held_at")):
        raise invalid("next_meeting", "next_meeting_before")


def _participant(row: Mapping[str, Any]) -> None:
    """records/meetings.py: a member taking part is one of the family, staff is a user (the
    ids are mapped after this, and a dangling one refuses the file there), a partner has a
    name."""
    kind = row.get("kind")
    if kind == ParticipantKind.MEMBER.value and row.get("member_id") is None:
        raise invalid("participants", "participant_member")
    if kind == ParticipantKind.STAFF.value and row.get("user_id") is None:
        raise invalid("participants", "participant_staff")
    if kind == ParticipantKind.PARTNER.value:
        v.text("partner", str(row.get("name") or ""), required=True)


def _payment(row: Mapping[str, Any]) -> None:
    """records/payments.py, `flow_recorded`: a payment's days as its status's steps record
    them (a payment paid with no day paid, or approved with no time of approval, was taken
    in, and no form would have left one so)."""
    status = row.get("status")
    if status is None:
        return  # a column the row lacks: the insert refuses it by key
    flow_recorded(
        PaymentStatus(status),
        row.get("approved_at"),
        row.get("paid_on"),
        str(row.get("voucher_ref") or ""),
    )


def _checkin(row: Mapping[str, Any]) -> None:
    """records/checkins.py: the caseworker answers for no member, an adult or a child for
    themself (the older form recorded an adult without a member: still taken)."""
    member, who = row.get("member_id"), row.get("respondent")
    if member is not None and who == Respondent.CASEWORKER.value:
        raise invalid("respondent", "respondent_caseworker")
    if member is None and who == Respondent.CHILD.value:
        raise invalid("respondent", "respondent_member")


def _consent(row: Mapping[str, Any]) -> None:
    """records/consents.py: a consent is withdrawn no earlier than it was given."""
    withdrawn = row.get("withdrawn_on")
    if withdrawn is not None and str(withdrawn) < str(row.get("given_on")):
        raise invalid("withdrawn_on", "consent_before_given")


_TOGETHER: Mapping[str, Callable[[Mapping[str, Any]], None]] = {
    "families": _family,
    "members": _member,
    "meetings": _meeting,
    "meeting_participants": _participant,
    "payments": _payment,
    "checkins": _checkin,
    "consents": _consent,
}


def ident(value: Any) -> int:
    """A row's id as the file gives it: a whole number an SQLite row can have (an id of
    Infinity was a raw OverflowError)."""
    if not _within(value, 1, 2**63 - 1):
        raise keyed(HandoverRejected, "handover_missing_rows")
    return int(value)


# release_state.body and new_pseudonym: 16 URL-safe base64 characters, a table's prefix first.
_BODY = re.compile(r"[A-Za-z0-9_-]{16}")


def released(entry: Any, tables: AbstractSet[str]) -> dict[str, Any]:
    """One study's release state of the household, in the shape release_state packs it: one
    stored malformed (a record's pseudonym of two characters) made the study's every later
    export fail to read it (review s27). `tables`: the export's table names it may name."""
    pseudonym = entry.get("pseudonym") if isinstance(entry, dict) else None
    ok = (
        isinstance(entry, dict)
        and isinstance(entry.get("study"), str)
        and isinstance(pseudonym, str)
        and pseudonym[:1] == ENTITY_PREFIX["households"]
        and _BODY.fullmatch(pseudonym[1:]) is not None
        and isinstance(entry.get("records"), list)
        and all(_record(r, tables) for r in entry["records"])
        and all(
            isinstance(found, list) and all(_item(x) for x in found)
            for found in (entry.get("footprint"), entry.get("superseded", []))
        )
    )
    if not ok:
        raise keyed(HandoverRejected, "handover_lacks")
    return entry  # type: ignore[no-any-return]


def _record(record: Any, tables: AbstractSet[str]) -> bool:
    return (
        isinstance(record, list)
        and len(record) == 3
        and record[0] in tables
        and _within(record[1], 1, 2**40 - 1)  # release_state packs it in 40 bits
        and isinstance(record[2], str)
        and _BODY.fullmatch(record[2]) is not None
    )


def _item(item: Any) -> bool:
    """An attacker's item as attacker.py writes one: text with no control character (the
    packed state separates items by one)."""
    return isinstance(item, str) and bool(item) and not any(ord(c) < 32 for c in item)
