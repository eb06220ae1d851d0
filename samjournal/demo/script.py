"""One family's script: the steps `samjournal.demo.story` writes for `samjournal.demo.playback`.

Steps refer to earlier records of the same family by their position (the first need is 0).
Each step has its day in the story (steps that change a record, its moment), and the playback
holds the journal's clock at it, so every saved time follows the story.
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
    at: dt.datetime  # when the move was saved, after the meeting it was decided in
    outcome: str | None = None  # agreeing refers to the latest meeting


@dataclass(frozen=True, slots=True)
class Settle:
    payment: int
    fate: str  # approve, paid, cancel, approve-cancel, reject
    at: dt.datetime  # when approved, rejected or cancelled
    then: dt.datetime | None = None  # when paid (its day is the paid date), or cancelled after
    by_lead: bool = False
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
    at: dt.datetime  # closing: its day is the closing date


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
