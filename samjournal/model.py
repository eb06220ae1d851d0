"""Domain values: frozen dataclasses, and the enums of kinds.py. Money is integer øre.

These are plain values read from and written to the store; they hold no connection and no
behaviour beyond what follows from their own fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NewType

from samjournal.instruments.model import Answer, InstrumentRef, Occasion, Respondent
from samjournal.kinds import ConsentMethod as ConsentMethod
from samjournal.kinds import FamilyStatus as FamilyStatus
from samjournal.kinds import MeetingKind as MeetingKind
from samjournal.kinds import NeedCategory as NeedCategory
from samjournal.kinds import NeedStatus as NeedStatus
from samjournal.kinds import ParticipantKind as ParticipantKind
from samjournal.kinds import PaymentMethod as PaymentMethod
from samjournal.kinds import PaymentStatus as PaymentStatus
from samjournal.kinds import Role as Role
from samjournal.money import Money

UserId = NewType("UserId", int)
FamilyId = NewType("FamilyId", int)
MemberId = NewType("MemberId", int)
MeetingId = NewType("MeetingId", int)
NeedId = NewType("NeedId", int)
PaymentId = NewType("PaymentId", int)
CheckinId = NewType("CheckinId", int)
ConsentId = NewType("ConsentId", int)


NEED_FLOW: dict[NeedStatus, frozenset[NeedStatus]] = {
    NeedStatus.RAISED: frozenset({NeedStatus.AGREED, NeedStatus.DROPPED}),
    NeedStatus.AGREED: frozenset({NeedStatus.IN_PROGRESS, NeedStatus.MET, NeedStatus.DROPPED}),
    NeedStatus.IN_PROGRESS: frozenset({NeedStatus.MET, NeedStatus.DROPPED}),
    NeedStatus.MET: frozenset(),
    NeedStatus.DROPPED: frozenset(),
}
OPEN_NEED_STATUSES = frozenset({NeedStatus.RAISED, NeedStatus.AGREED, NeedStatus.IN_PROGRESS})


PAYMENT_FLOW: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    PaymentStatus.PROPOSED: frozenset(
        {PaymentStatus.APPROVED, PaymentStatus.REJECTED, PaymentStatus.CANCELLED}
    ),
    PaymentStatus.APPROVED: frozenset({PaymentStatus.PAID, PaymentStatus.CANCELLED}),
    PaymentStatus.PAID: frozenset(),
    PaymentStatus.REJECTED: frozenset(),
    PaymentStatus.CANCELLED: frozenset(),
}


CHECKIN_DOMAINS = ("economy", "housing", "health", "social", "trust", "participation")
# The journal's own instrument (instruments.default.JOURNAL_DEFAULT), which old check-ins used.
JOURNAL_DEFAULT_REF = InstrumentRef("innbyggernes-modell", 1)


@dataclass(frozen=True, slots=True)
class User:
    id: UserId
    username: str
    display_name: str
    role: Role
    active: bool = True
    work_phone: str = ""  # printed on the family's copy for the case's owner
    # The journal a received family's author came from (samjournal/handover): such a person
    # can never sign in here and is not staff of this journal.
    origin: str | None = None

    @property
    def staff(self) -> bool:
        return self.origin is None


@dataclass(frozen=True, slots=True)
class Family:
    id: FamilyId
    case_number: str
    display_name: str
    status: FamilyStatus
    owner_id: UserId
    district: str
    opened_on: dt.date
    closed_on: dt.date | None
    budget_frame: Money
    language: str = "nb"
    version: int = 1


@dataclass(frozen=True, slots=True)
class Member:
    id: MemberId
    family_id: FamilyId
    name: str
    is_child: bool
    birth_year: int | None
    birth_date: dt.date | None = None
    national_id: str | None = None
    phone: str = ""
    primary_contact: bool = False
    version: int = 1


@dataclass(frozen=True, slots=True)
class Participant:
    kind: ParticipantKind
    member_id: MemberId | None = None
    user_id: UserId | None = None
    name: str = ""  # partners: "NAV", "Skolen"; filled from the member or user on read


@dataclass(frozen=True, slots=True)
class Meeting:
    id: MeetingId
    family_id: FamilyId
    held_at: dt.datetime
    place: str
    kind: MeetingKind
    family_words: str
    agreed: str
    next_meeting_at: dt.datetime | None
    participants: tuple[Participant, ...] = ()
    version: int = 1


@dataclass(frozen=True, slots=True)
class Need:
    id: NeedId
    family_id: FamilyId
    description: str
    category: NeedCategory
    status: NeedStatus
    raised_on: dt.date
    # The meeting it was agreed in; for a need still raised, the meeting it was raised in (a
    # meeting's drafted needs keep it: its family's copy lists them there).
    agreed_meeting_id: MeetingId | None = None
    outcome: str = ""
    version: int = 1

    @property
    def agreed_in(self) -> MeetingId | None:
        """The meeting it was agreed in (None while raised; a need dropped from raised in a
        meeting still names it: the evaluation export, with the history, tells them apart)."""
        return None if self.status is NeedStatus.RAISED else self.agreed_meeting_id


@dataclass(frozen=True, slots=True)
class Payment:
    id: PaymentId
    family_id: FamilyId
    amount: Money
    purpose: str
    method: PaymentMethod
    status: PaymentStatus
    need_id: NeedId | None
    proposed_by: UserId
    proposed_at: dt.datetime
    approved_by: UserId | None = None
    approved_at: dt.datetime | None = None
    paid_on: dt.date | None = None
    voucher_ref: str = ""
    reason: str = ""  # why rejected or cancelled
    version: int = 1


@dataclass(frozen=True, slots=True)
class Checkin:
    """Answers to one instrument version by one respondent on one day.

    `life_satisfaction` and `domains` are the answers to the items with those ids (None when the
    instrument has no such item or it was not answered), for the trend chart and the reports."""

    id: CheckinId
    family_id: FamilyId
    member_id: MemberId | None
    answered_on: dt.date
    life_satisfaction: int | None
    domains: dict[str, int | None] = field(default_factory=dict)
    version: int = 1
    instrument: InstrumentRef = JOURNAL_DEFAULT_REF
    respondent: Respondent = Respondent.ADULT
    occasion: Occasion = Occasion.OTHER
    answers: Mapping[str, Answer] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Consent:
    id: ConsentId
    member_id: MemberId
    study_id: str
    letter_version: str
    given_on: dt.date
    method: ConsentMethod
    recorded_by: UserId
    withdrawn_on: dt.date | None = None

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


NEARLY_SPENT_PERCENT = 90  # approved or paid share of the frame that calls for attention


def nearly_spent(used: Money, frame: Money) -> bool:
    """Whether `used` (approved or paid) has reached NEARLY_SPENT_PERCENT of `frame`."""
    return used.ore > 0 and 100 * used.ore >= NEARLY_SPENT_PERCENT * frame.ore


def planned_meeting(meetings: Iterable[Meeting]) -> dt.datetime | None:
    """The next meeting agreed with the family: the plan of the latest meeting that made one
    (by when it was held, then by id), while no meeting has been held at or after it. A later
    meeting that plans nothing leaves the appointment standing (review s10: a quick meeting in
    between wiped it from every view). The case list's stored figure is the same rule in SQL
    (store/migrations/0014_planned_meeting.sql)."""
    found = list(meetings)
    planned = [m for m in found if m.next_meeting_at is not None]
    if not planned:
        return None
    plan = max(planned, key=lambda m: (m.held_at, m.id)).next_meeting_at
    last = max(m.held_at for m in found)
    return plan if plan is not None and plan > last else None


def overdue(planned: dt.datetime | None, now: dt.datetime | None = None) -> bool:
    """A planned meeting whose time has passed without a newer meeting recorded."""
    return planned is not None and planned < (now or dt.datetime.now(dt.UTC))


@dataclass(frozen=True, slots=True)
class Budget:
    frame: Money
    spent: Money  # paid
    committed: Money  # approved, not yet paid
    proposed: Money  # awaiting approval

    @property
    def remaining(self) -> Money:
        return self.frame - self.spent - self.committed

    @property
    def nearly_spent(self) -> bool:
        return nearly_spent(self.spent + self.committed, self.frame)


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case list: what a caseworker scans for."""

    id: FamilyId
    case_number: str
    display_name: str
    owner: str
    status: FamilyStatus
    open_needs: int
    budget_used: Money
    budget_frame: Money
    last_meeting: dt.datetime | None
    next_meeting: dt.datetime | None


@dataclass(frozen=True, slots=True)
class FamilyDetail:
    """A family with everything recorded about it, as one read."""

    family: Family
    owner: User
    members: tuple[Member, ...]
    meetings: tuple[Meeting, ...]
    needs: tuple[Need, ...]
    payments: tuple[Payment, ...]
    checkins: tuple[Checkin, ...]
    consents: tuple[Consent, ...]
    budget: Budget


@dataclass(frozen=True, slots=True)
class SearchHit:
    family_id: FamilyId
    case_number: str
    display_name: str
    entity: str  # family, member, meeting, need, payment
    entity_id: int
    snippet: str


@dataclass(frozen=True, slots=True)
class Version:
    """An earlier (or the current) state of a record, with who changed it and when."""

    entity: str
    entity_id: int
    version: int
    data: dict[str, object]
    changed_by: str
    changed_at: dt.datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class PurgeCandidate:
    """A case whose retention period has run out: the team lead is asked to purge it."""

    id: FamilyId
    case_number: str
    display_name: str
    owner: str
    ended_on: dt.date  # closed (or removed, for a removed case that was never closed)
    due_on: dt.date  # ended_on plus the journal's retention period
    removed: bool  # soft-deleted earlier: still held in full until purged


@dataclass(frozen=True, slots=True)
class Purged:
    """What a purge or erasure deleted: counts only, as in its audit tombstone."""

    family_id: FamilyId
    rows: dict[str, int]


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int
    at: dt.datetime
    user: str
    action: str
    entity: str
    entity_id: str
    detail: str


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed, so the UI can decide what to refresh."""

    entities: frozenset[str]
    family_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class NeedDraft:
    """A need agreed in the meeting being recorded."""

    description: str
    category: NeedCategory
    status: NeedStatus = NeedStatus.AGREED


@dataclass(frozen=True, slots=True)
class PaymentDraft:
    """A payment proposed in the meeting being recorded; it may serve a need drafted with it."""

    amount: Money
    purpose: str
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER
    need_id: NeedId | None = None
    draft_need: int | None = None  # index into the meeting's NeedDrafts
