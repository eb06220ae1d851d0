"""The domain's enums: roles, statuses and kinds (model.py re-exports them).

They sit below everything that words them: the vocabulary labels them, and the message
catalogue puts a label into a sentence ("kan ikke gå fra meldt til oppfylt"), which model.py
and money.py raise; so the enums import nothing of the project.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "caseworker"
    TEAMLEAD = "teamlead"


class FamilyStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class MeetingKind(StrEnum):
    HOME_VISIT = "home_visit"
    OFFICE = "office"
    PHONE = "phone"
    NETWORK = "network"


class ParticipantKind(StrEnum):
    MEMBER = "member"
    STAFF = "staff"
    PARTNER = "partner"


class NeedCategory(StrEnum):
    HOUSING = "housing"
    ECONOMY = "economy"
    WORK = "work"
    EDUCATION = "education"
    LEISURE = "leisure"
    HEALTH = "health"
    SOCIAL = "social"
    TRANSPORT = "transport"
    OTHER = "other"


class NeedGroup(StrEnum):
    """Need categories merged, for an evaluation release where exact ones would hold most needs
    and payments back (evaluation/levels.py): each category belongs to one group."""

    LIVING = "living"  # housing, economy, work, transport
    ACTIVITIES = "activities"  # education, children's leisure, social network
    HEALTH_OTHER = "health_other"  # health, other


NEED_GROUP: dict[NeedCategory, NeedGroup] = {
    NeedCategory.HOUSING: NeedGroup.LIVING,
    NeedCategory.ECONOMY: NeedGroup.LIVING,
    NeedCategory.WORK: NeedGroup.LIVING,
    NeedCategory.TRANSPORT: NeedGroup.LIVING,
    NeedCategory.EDUCATION: NeedGroup.ACTIVITIES,
    NeedCategory.LEISURE: NeedGroup.ACTIVITIES,
    NeedCategory.SOCIAL: NeedGroup.ACTIVITIES,
    NeedCategory.HEALTH: NeedGroup.HEALTH_OTHER,
    NeedCategory.OTHER: NeedGroup.HEALTH_OTHER,
}


class NeedStatus(StrEnum):
    RAISED = "raised"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    MET = "met"
    DROPPED = "dropped"


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    PREPAID_CARD = "prepaid_card"
    INVOICE = "invoice"
    OTHER = "other"


class PaymentStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    PAID = "paid"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class ConsentMethod(StrEnum):
    WRITTEN = "written"
    DIGITAL = "digital"
    ORAL = "oral"
