"""Words for the history: what each record is called, field names, and stored values shown the
way the rest of the window shows them (amounts, dates, statuses, people by name; identity
numbers masked)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from samjournal.instruments.model import Item, Occasion, Respondent
from samjournal.model import (
    AuditEvent,
    FamilyStatus,
    MeetingId,
    MeetingKind,
    NeedCategory,
    NeedId,
    NeedStatus,
    PaymentMethod,
    PaymentStatus,
    UserId,
)
from samjournal.money import Money
from ui import fmt, labels
from ui.family.data import FamilyData
from ui.family.history_data import ANSWER, BOOKKEEPING, CHANGED, CREATED, REMOVED, RecordVersion
from ui.family.overview import masked
from ui.instrument.answers import answer_text
from ui.printouts.printout import (
    ACCESS_LOG,
    CASE_SUMMARY,
    FAMILY_COPY,
    PORTFOLIO,
    PRINTED_TO_FILE,
    document_title,
)
from ui.translations import ui_language

MAX_SHOWN = 400  # characters of a long text in a table cell; the tooltip holds more
MAX_TIP = 2000
translate = QCoreApplication.translate


def field_label(key: str) -> str:
    return {
        "case_number": translate("History", "Case number"),
        "display_name": translate("History", "Name"),
        "status": translate("History", "Status"),
        "owner_id": translate("History", "Caseworker"),
        "district": translate("History", "District"),
        "opened_on": translate("History", "Opened"),
        "closed_on": translate("History", "Closed"),
        "budget_ore": translate("History", "Yearly budget"),
        "language": translate("History", "Language"),
        "name": translate("History", "Name"),
        "is_child": translate("History", "Child"),
        "birth_year": translate("History", "Birth year"),
        "birth_date": translate("History", "Birth date"),
        "national_id": translate("History", "Identity number"),
        "phone": translate("History", "Phone"),
        "primary_contact": labels.primary_contact(),
        "held_at": translate("History", "Held"),
        "place": translate("History", "Place"),
        "kind": translate("History", "Kind"),
        "family_words": labels.heading("family_words"),
        "agreed": labels.heading("agreed"),
        "next_meeting_at": translate("History", "Next meeting"),
        "description": translate("History", "Need"),
        "category": translate("History", "Category"),
        "raised_on": translate("History", "Raised"),
        "agreed_meeting_id": labels.heading("agreed_in"),
        "outcome": labels.heading("outcome"),
        "need_id": translate("History", "For the need"),
        "amount_ore": translate("History", "Amount"),
        "purpose": translate("History", "Purpose"),
        "method": labels.heading("payment_method"),
        "proposed_by": translate("History", "Proposed by"),
        "proposed_at": translate("History", "Proposed"),
        "approved_by": translate("History", "Approved by"),
        "approved_at": translate("History", "Approved"),
        "paid_on": labels.heading("paid_on"),
        "voucher_ref": translate("History", "Voucher"),
        "reason": translate("History", "Reason"),
        "deleted_at": translate("History", "Removed"),
        "delete_reason": translate("History", "Reason for removal"),
        "answered_on": translate("History", "Answered on"),
        "member_id": labels.heading("answered_by"),
        "respondent": translate("History", "Respondent"),
        "occasion": translate("History", "Occasion"),
        "instrument": translate("History", "Instrument"),
    }.get(key, key)


def entity_label(entity: str) -> str:
    return {
        "family": translate("History", "Case record"),
        "member": translate("History", "Member"),
        "meeting": translate("History", "Meeting"),
        "need": translate("History", "Need"),
        "payment": translate("History", "Payment"),
        "checkin": translate("History", "Check-in"),
        "consent": translate("History", "Consent"),
    }.get(entity, labels.entity(entity))


def _date(value: object) -> str:
    return fmt.date(dt.date.fromisoformat(str(value)[:10])) if value else ""


def _time(value: object) -> str:
    return fmt.datetime(dt.datetime.fromisoformat(str(value))) if value else ""


def _yes(value: object) -> str:
    return translate("History", "yes") if value else translate("History", "no")


def _enum(kind: type, label: Callable[..., str]) -> Callable[[object], str]:
    def show(value: object) -> str:
        try:
            return label(kind(value))
        except ValueError:
            return str(value)

    return show


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ValueFormatter:
    """Stored values of one family's records as text; knows the family's people and needs."""

    def __init__(self, data: FamilyData | None) -> None:
        self.data = data

    def user(self, value: object) -> str:
        if value is None or self.data is None:
            return "" if value is None else str(value)
        return self.data.user_name(UserId(int(str(value))))

    def username(self, username: str) -> str:
        if self.data is not None:
            for user in self.data.users.values():
                if user.username == username:
                    return user.display_name
        return username

    def need(self, value: object) -> str:
        if value is None or self.data is None:
            return ""
        need = self.data.need(NeedId(int(str(value))))
        return _shorten(need.description, 60) if need else f"#{value}"

    def meeting(self, value: object) -> str:
        if value is None or self.data is None:
            return ""
        wanted = MeetingId(int(str(value)))
        meeting = next((m for m in self.data.detail.meetings if m.id == wanted), None)
        return fmt.date(meeting.held_at) if meeting else f"#{value}"

    def item(self, item_id: str) -> Item | None:
        """The item a check-in answer is to (the newest version of an instrument that has it)."""
        if self.data is None:
            return None
        for instrument in sorted(self.data.known.values(), key=lambda i: -i.version):
            found = next((i for i in instrument.items if i.id == item_id), None)
            if found is not None:
                return found
        return None

    def label(self, key: str) -> str:
        """A field's name; a check-in answer is named by its question."""
        if key.startswith(ANSWER):
            item = self.item(key.removeprefix(ANSWER))
            return item.text.get(ui_language()) if item else key.removeprefix(ANSWER)
        return field_label(key)

    def member(self, value: object) -> str:
        if value is None or self.data is None:
            return ""
        found = next((m for m in self.data.detail.members if int(m.id) == int(str(value))), None)
        return found.name if found else f"#{value}"

    def value(self, entity: str, key: str, value: object, *, limit: int = MAX_SHOWN) -> str:
        if key.startswith(ANSWER):
            answer = value if isinstance(value, int | str) else None
            return answer_text(self.item(key.removeprefix(ANSWER)), answer)
        if value is None or value == "":
            return ""
        status = {
            "family": _enum(FamilyStatus, labels.family_status),
            "need": _enum(NeedStatus, labels.need_status),
            "payment": _enum(PaymentStatus, labels.payment_status),
        }
        shown: dict[str, Callable[[object], str]] = {
            "status": status.get(entity, str),
            "category": _enum(NeedCategory, labels.need_category),
            "kind": _enum(MeetingKind, labels.meeting_kind),
            "method": _enum(PaymentMethod, labels.payment_method),
            "owner_id": self.user,
            "proposed_by": self.user,
            "approved_by": self.user,
            "need_id": self.need,
            "member_id": self.member,
            "respondent": _enum(Respondent, labels.label),
            "occasion": _enum(Occasion, labels.label),
            "agreed_meeting_id": self.meeting,
            "national_id": lambda v: masked(str(v)),
            "is_child": _yes,
            "primary_contact": _yes,
            "language": lambda v: {"nb": "Norsk bokmål", "en": "English"}.get(str(v), str(v)),
        }
        if key in shown:
            return shown[key](value)
        if key.endswith("_ore"):
            return fmt.money(Money(int(str(value))))
        if key.endswith("_on") or key == "birth_date":
            return _date(value)
        if key.endswith("_at"):
            return _time(value)
        return _shorten(" ".join(str(value).split()), limit)

    # -- a record and a version as a whole --------------------------------------------------

    def record(self, rv: RecordVersion) -> str:
        """What the record is: "Member: Anne Ødegård", "Payment: kr 2 400,00 Fotballsko"."""
        data = rv.latest
        if rv.entity == "family":
            return entity_label("family")
        if rv.entity == "member":
            detail = str(data.get("name", ""))
        elif rv.entity == "meeting":
            detail = _time(data.get("held_at"))
        elif rv.entity == "need":
            detail = _shorten(str(data.get("description", "")), 50)
        elif rv.entity == "checkin":
            who = self.member(data.get("member_id")) or self.value(
                "checkin", "respondent", data.get("respondent")
            )
            detail = f"{_date(data.get('answered_on'))} {who}"
        elif rv.entity == "payment":
            amount = self.value("payment", "amount_ore", data.get("amount_ore"))
            detail = f"{amount} {_shorten(str(data.get('purpose', '')), 40)}"
        else:
            detail = f"#{rv.entity_id}"
        return f"{entity_label(rv.entity)}: {detail}".rstrip(": ")

    def what(self, rv: RecordVersion) -> str:
        """Created / changed: fields / removed: reason."""
        if rv.kind == CREATED:
            return translate("History", "created")
        if rv.kind == CHANGED:
            names = [self.label(k) for k in rv.changed if k not in ("deleted_at",)]
            return (
                translate("History", "changed: %1").replace("%1", ", ".join(names))
                if names
                else translate("History", "saved")
            )
        reason = str(rv.version.data.get("delete_reason") or rv.version.reason or "")
        return (
            translate("History", "removed: %1").replace("%1", reason)
            if reason
            else translate("History", "removed")
        )


def shown_fields(rv: RecordVersion) -> list[str]:
    """The fields worth a row in the detail pane, in the record's own order."""
    keys = [k for k in rv.version.data if k not in BOOKKEEPING]
    if rv.previous is not None:
        keys += [k for k in rv.previous if k not in BOOKKEEPING and k not in rv.version.data]
    return [
        k
        for k in keys
        if k in rv.changed
        or rv.version.data.get(k) not in (None, "")
        or (rv.previous or {}).get(k) not in (None, "")
    ]


def tooltip_text(text: str) -> str:
    return _shorten(text, MAX_TIP)


def event_detail(detail: str) -> str:
    """The audit log's detail for prints and saves in words; anything else as recorded."""
    documents = {
        CASE_SUMMARY: document_title(CASE_SUMMARY),
        CASE_SUMMARY + " with full national ids": translate(
            "History", "Case summary, with full identity numbers"
        ),
        FAMILY_COPY: document_title(FAMILY_COPY),
        PORTFOLIO: document_title(PORTFOLIO),
        ACCESS_LOG: document_title(ACCESS_LOG),
        # Prints recorded before a print named its document.
        "printed": translate("History", "sent to the printer"),
        "printed to file": translate("History", "printed to a PDF file"),
    }
    if detail in documents:
        return documents[detail]
    for suffix, words in (
        (" saved as pdf", translate("History", "%1 saved as PDF")),
        (PRINTED_TO_FILE, translate("History", "%1 printed to a PDF file")),
    ):
        document = detail.removesuffix(suffix)
        if document != detail and document in documents:
            return words.replace("%1", documents[document])
    return detail


class EventWords:
    """The access log's lines in a caseworker's words: the record by what it is ("Need:
    Svømmekurs"), not "need 741", and what happened to it, read from the record's versions when
    the log itself says nothing."""

    def __init__(self, formatter: ValueFormatter, versions: list[RecordVersion]) -> None:
        self.formatter = formatter
        self._versions: dict[tuple[str, int], list[RecordVersion]] = {}
        for rv in versions:
            self._versions.setdefault((rv.entity, rv.entity_id), []).append(rv)

    def _record_id(self, event: AuditEvent) -> int | None:
        return int(event.entity_id) if event.entity_id.isdigit() else None

    def _version_at(self, event: AuditEvent) -> RecordVersion | None:
        """The version the event wrote: of its kind, saved in the same transaction."""
        kind = {"create": CREATED, "update": CHANGED, "delete": REMOVED}.get(event.action)
        found = self._versions.get((event.entity, self._record_id(event) or -1), [])
        near = [
            rv for rv in found if rv.kind == kind and abs((rv.at - event.at).total_seconds()) <= 2
        ]
        return min(near, key=lambda rv: abs((rv.at - event.at).total_seconds()), default=None)

    def _summary(self, rv: RecordVersion) -> str:
        """A new record's telling fields: "Category: Children's leisure · Status: Raised"."""
        data = rv.version.data
        keys = [k for k in _SUMMARY_KEYS if data.get(k) not in (None, "")][:3]
        return " · ".join(
            f"{field_label(k)}: {self.formatter.value(rv.entity, k, data[k], limit=60)}"
            for k in keys
        )

    def record(self, event: AuditEvent) -> str:
        record_id = self._record_id(event)
        versions = self._versions.get((event.entity, record_id or -1))
        if versions:
            return self.formatter.record(versions[0])
        data = self.formatter.data
        if data is not None and record_id is not None:
            if event.entity == "checkin":
                found = next((c for c in data.detail.checkins if c.id == record_id), None)
                if found is not None:
                    return f"{entity_label('checkin')}: {fmt.date(found.answered_on)}"
            if event.entity == "consent":
                consent = next((c for c in data.detail.consents if c.id == record_id), None)
                member = data.member(consent.member_id) if consent else None
                if member is not None:
                    return f"{entity_label('consent')}: {member.name}"
        return entity_label(event.entity)

    def detail(self, event: AuditEvent) -> str:
        text = event.detail
        status = _STATUS_CHANGE.fullmatch(text)
        if status:
            before, after = (
                self.formatter.value(event.entity, "status", s) for s in status.groups()
            )
            return (
                translate("History", "Status: %1 → %2").replace("%1", before).replace("%2", after)
            )
        if text == "withdrawn":
            return translate("History", "withdrawn")
        if text and event.entity == "family" and all(k in _FIELD_KEYS for k in text.split(",")):
            names = ", ".join(field_label(k) for k in text.split(","))
            return translate("History", "changed: %1").replace("%1", names)
        if text:
            return event_detail(text)
        rv = self._version_at(event)
        if rv is not None and rv.kind == CREATED:
            return self._summary(rv) or self.formatter.what(rv)
        if rv is not None:
            return self.formatter.what(rv)
        if event.action == "view":
            return translate("History", "opened the family in SamJournal")
        return ""


# What names a new record best, in this order (the Record column already gives its name).
_SUMMARY_KEYS = (
    "category", "kind", "status", "method", "held_at", "birth_year", "district", "budget_ore",
)  # fmt: skip
_STATUS_CHANGE = re.compile(r"status (\w+)->(\w+)")
_FIELD_KEYS = frozenset(
    {"case_number", "display_name", "status", "owner_id", "district", "opened_on", "closed_on"}
    | {"budget_ore", "language"}
)
