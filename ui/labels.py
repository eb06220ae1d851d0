"""Words of the window that name domain values: the enums' labels come from the core's one
vocabulary (samjournal/vocabulary.py), in the language of the installed translator; the
audit log's record kinds are the window's own (Qt-translated)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from samjournal import vocabulary
from samjournal.instruments.kinds import DueState
from samjournal.money import Money
from ui.translations import ui_language


def label(value: StrEnum | None) -> str:
    """Any domain enum value (None: the need a payment lacks) in the window's language."""
    return vocabulary.label(value, ui_language())


family_status = meeting_kind = need_category = need_status = label
payment_method = payment_status = consent_method = role = label


def budget_part(key: str) -> str:
    return vocabulary.budget_part(key, ui_language())


def primary_contact() -> str:
    return vocabulary.primary_contact(ui_language())


def heading(key: str) -> str:
    """A field's column heading, as the printouts head the same column (vocabulary.HEADINGS)."""
    return vocabulary.heading(key, ui_language())


def consent_state(withdrawn_on: str | None) -> str:
    """ "Active", or "Withdrawn" and the day (written by the caller)."""
    return vocabulary.consent_state(withdrawn_on, ui_language())


def checkin_domain(key: str) -> str:
    return vocabulary.domain(key, ui_language())


def checkin_domain_short(key: str) -> str:
    """For a narrow column: "Tillit" for "Tillit til tjenestene"."""
    return vocabulary.domain_short(key, ui_language())


def due_short(state: DueState) -> str:
    """Under the heading "Check-in": "due", "overdue", nothing when none is due."""
    return vocabulary.due_short(state, ui_language())


def overdue() -> str:
    """A planned next meeting whose time has passed."""
    return QCoreApplication.translate("Labels", "overdue")


def budget_alert(used: Money, frame: Money) -> str:
    """A budget with NEARLY_SPENT_PERCENT or more of its frame approved or paid: "nearly
    spent", or "over the frame" once more than the frame is."""
    if used.ore > frame.ore:
        return QCoreApplication.translate("Labels", "over the frame")
    return QCoreApplication.translate("Labels", "nearly spent")


def audit_action(code: str) -> str:
    """An audit event's action ("create"), as the vocabulary words it; an unknown code as is."""
    return vocabulary.action(code, ui_language())


def entity(code: str) -> str:
    return {
        "family": QCoreApplication.translate("Labels", "family"),
        "member": QCoreApplication.translate("Labels", "member"),
        "meeting": QCoreApplication.translate("Labels", "meeting"),
        "need": QCoreApplication.translate("Labels", "need"),
        "payment": QCoreApplication.translate("Labels", "payment"),
        "checkin": QCoreApplication.translate("Labels", "check-in"),
        "consent": QCoreApplication.translate("Labels", "consent"),
        "user": QCoreApplication.translate("Labels", "user"),
        "journal": QCoreApplication.translate("Labels", "journal"),
        "study": QCoreApplication.translate("Labels", "study"),
        "receipt": QCoreApplication.translate("Labels", "receipt"),
        "family_totals": QCoreApplication.translate("Labels", "case list figures"),
    }.get(code, code)
