"""One family's script: the steps `samjournal.demo.story` writes for `samjournal.demo.playback`.

Steps refer to earlier records of the same family by their position (the first need is 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samjournal.demo.people import Person
from samjournal.instruments.model import Answer, Occasion, Respondent
from samjournal.model import (
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedDraft,
    NeedStatus,
    PaymentMethod,
)


@dataclass(frozen=True, slots=True)
class NewFamily:
    name: str
    district: str
    budget_kr: int
    opened: dt.date


@dataclass(frozen=True, slots=True)
class AddMember:
    person: Person
    primary: bool


@dataclass(frozen=True, slots=True)
class RaiseNeed:
    description: str
    category: NeedCategory
    raised_on: dt.date


@dataclass(frozen=True, slots=True)
class Pay:
    amount_kr: int
    purpose: str
    method: PaymentMethod
    need: int | None = None  # an earlier need of the family
    draft: int | None = None  # a need drafted in the same meeting


@dataclass(frozen=True, slots=True)
class Meeting:
    held_at: dt.datetime
    kind: MeetingKind
    place: str
    words: str
    agreed: str
    next_at: dt.datetime | None
    members: tuple[int, ...]
    partners: tuple[str, ...]
    needs: tuple[NeedDraft, ...] = ()
    payments: tuple[Pay, ...] = ()


@dataclass(frozen=True, slots=True)
class MoveNeed:
    need: int
    status: NeedStatus
    outcome: str | None = None  # agreeing refers to the latest meeting


@dataclass(frozen=True, slots=True)
class Settle:
    payment: int
    fate: str  # approve, paid, cancel, approve-cancel, reject
    by_lead: bool = False
    paid_on: dt.date | None = None
    voucher: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Checkin:
    """Answers to the journal's own instrument (Innbyggernes modell)."""

    member: int | None  # None: the caseworker answered
    day: dt.date
    answers: dict[str, Answer]
    respondent: Respondent
    occasion: Occasion


@dataclass(frozen=True, slots=True)
class Consent:
    member: int
    study: str
    day: dt.date
    method: ConsentMethod
    letter: str


@dataclass(frozen=True, slots=True)
class Withdraw:
    consent: int
    day: dt.date


@dataclass(frozen=True, slots=True)
class SetStatus:
    status: FamilyStatus


Step = (
    NewFamily
    | AddMember
    | RaiseNeed
    | Meeting
    | MoveNeed
    | Settle
    | Checkin
    | Consent
    | Withdraw
    | SetStatus
)
