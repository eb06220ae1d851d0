"""Words of the window that name domain values: the enums' labels come from the core's one
vocabulary (samjournal/vocabulary.py), in the language of the installed translator; the
audit log's words are the window's own (Qt-translated)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from samjournal import vocabulary
from ui.translations import ui_language


def label(value: StrEnum | None) -> str:
    """Any domain enum value (None: the need a payment lacks) in the window's language."""
    return vocabulary.label(value, ui_language())


family_status = meeting_kind = need_category = need_status = label
payment_method = payment_status = consent_method = role = label


def checkin_domain(key: str) -> str:
    return vocabulary.domain(key, ui_language())


def checkin_question() -> str:
    return vocabulary.QUESTION[ui_language() == "en"]


def overdue() -> str:
    """A planned next meeting whose time has passed."""
    return QCoreApplication.translate("Labels", "overdue")


def nearly_spent() -> str:
    """A budget with NEARLY_SPENT_PERCENT or more of its frame approved or paid."""
    return QCoreApplication.translate("Labels", "nearly spent")


def audit_action(code: str) -> str:
    return {
        "create_journal": QCoreApplication.translate("Labels", "created the journal"),
        "unlock": QCoreApplication.translate("Labels", "unlocked"),
        "failed_unlock": QCoreApplication.translate("Labels", "failed unlock"),
        "lock": QCoreApplication.translate("Labels", "locked"),
        "view": QCoreApplication.translate("Labels", "read"),
        "create": QCoreApplication.translate("Labels", "created"),
        "update": QCoreApplication.translate("Labels", "changed"),
        "delete": QCoreApplication.translate("Labels", "removed"),
        "print": QCoreApplication.translate("Labels", "printed"),
        "export": QCoreApplication.translate("Labels", "exported"),
        "import": QCoreApplication.translate("Labels", "imported"),
        "user_admin": QCoreApplication.translate("Labels", "user administration"),
        "key_change": QCoreApplication.translate("Labels", "key change"),
        "backup": QCoreApplication.translate("Labels", "backup"),
        "restore": QCoreApplication.translate("Labels", "restore"),
        "settings": QCoreApplication.translate("Labels", "settings changed"),
        "purge": QCoreApplication.translate("Labels", "deleted (retention ended)"),
        "erase": QCoreApplication.translate("Labels", "erased on request"),
    }.get(code, code)


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
