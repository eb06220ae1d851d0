"""Translated names of the domain's enums (statuses, categories, kinds, roles)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from samjournal.model import (
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedStatus,
    PaymentMethod,
    PaymentStatus,
    Role,
)


def family_status(value: FamilyStatus) -> str:
    return {
        FamilyStatus.ACTIVE: QCoreApplication.translate("Labels", "Active"),
        FamilyStatus.PAUSED: QCoreApplication.translate("Labels", "Paused"),
        FamilyStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }[value]


def meeting_kind(value: MeetingKind) -> str:
    return {
        MeetingKind.HOME_VISIT: QCoreApplication.translate("Labels", "Home visit"),
        MeetingKind.OFFICE: QCoreApplication.translate("Labels", "Office"),
        MeetingKind.PHONE: QCoreApplication.translate("Labels", "Phone"),
        MeetingKind.NETWORK: QCoreApplication.translate("Labels", "Network meeting"),
    }[value]


def need_category(value: NeedCategory | None) -> str:
    if value is None:
        return QCoreApplication.translate("Labels", "No need")
    return {
        NeedCategory.HOUSING: QCoreApplication.translate("Labels", "Housing"),
        NeedCategory.ECONOMY: QCoreApplication.translate("Labels", "Economy and debt"),
        NeedCategory.WORK: QCoreApplication.translate("Labels", "Work"),
        NeedCategory.EDUCATION: QCoreApplication.translate("Labels", "Education"),
        NeedCategory.LEISURE: QCoreApplication.translate("Labels", "Children's leisure"),
        NeedCategory.HEALTH: QCoreApplication.translate("Labels", "Health"),
        NeedCategory.SOCIAL: QCoreApplication.translate("Labels", "Social network"),
        NeedCategory.TRANSPORT: QCoreApplication.translate("Labels", "Transport"),
        NeedCategory.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[value]


def need_status(value: NeedStatus) -> str:
    return {
        NeedStatus.RAISED: QCoreApplication.translate("Labels", "Raised"),
        NeedStatus.AGREED: QCoreApplication.translate("Labels", "Agreed"),
        NeedStatus.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        NeedStatus.MET: QCoreApplication.translate("Labels", "Met"),
        NeedStatus.DROPPED: QCoreApplication.translate("Labels", "Dropped"),
    }[value]


def payment_method(value: PaymentMethod) -> str:
    return {
        PaymentMethod.BANK_TRANSFER: QCoreApplication.translate("Labels", "Bank transfer"),
        PaymentMethod.PREPAID_CARD: QCoreApplication.translate("Labels", "Prepaid card"),
        PaymentMethod.INVOICE: QCoreApplication.translate("Labels", "Invoice paid for the family"),
        PaymentMethod.OTHER: QCoreApplication.translate("Labels", "Other method"),
    }[value]


def payment_status(value: PaymentStatus) -> str:
    return {
        PaymentStatus.PROPOSED: QCoreApplication.translate("Labels", "Proposed"),
        PaymentStatus.APPROVED: QCoreApplication.translate("Labels", "Approved"),
        PaymentStatus.PAID: QCoreApplication.translate("Labels", "Paid"),
        PaymentStatus.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
        PaymentStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[value]


def consent_method(value: ConsentMethod) -> str:
    return {
        ConsentMethod.WRITTEN: QCoreApplication.translate("Labels", "Written"),
        ConsentMethod.DIGITAL: QCoreApplication.translate("Labels", "Digital"),
        ConsentMethod.ORAL: QCoreApplication.translate("Labels", "Oral"),
    }[value]


def role(value: Role) -> str:
    return {
        Role.CASEWORKER: QCoreApplication.translate("Labels", "Caseworker"),
        Role.TEAMLEAD: QCoreApplication.translate("Labels", "Team lead"),
    }[value]


def checkin_domain(key: str) -> str:
    return {
        "life_satisfaction": QCoreApplication.translate("Labels", "Life as a whole"),
        "economy": QCoreApplication.translate("Labels", "Economy"),
        "housing": QCoreApplication.translate("Labels", "Housing situation"),
        "health": QCoreApplication.translate("Labels", "Health (own)"),
        "social": QCoreApplication.translate("Labels", "Social life"),
        "trust": QCoreApplication.translate("Labels", "Trust in the services"),
        "participation": QCoreApplication.translate("Labels", "Participation"),
    }.get(key, key)


def checkin_question() -> str:
    return QCoreApplication.translate(
        "Labels", "All things considered, how satisfied are you with your life as a whole?"
    )


def label(value: Enum) -> str:
    """Any of the enums above."""
    match value:
        case FamilyStatus():
            return family_status(value)
        case MeetingKind():
            return meeting_kind(value)
        case NeedCategory():
            return need_category(value)
        case NeedStatus():
            return need_status(value)
        case PaymentMethod():
            return payment_method(value)
        case PaymentStatus():
            return payment_status(value)
        case ConsentMethod():
            return consent_method(value)
        case Role():
            return role(value)
    return str(value)


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
