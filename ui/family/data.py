"""Everything the family view shows, read in one go on the worker."""

from __future__ import annotations

from dataclasses import dataclass, field

from samjournal.errors import PermissionDenied
from samjournal.handover.section import Origin, Waiting
from samjournal.instruments.due import Due
from samjournal.instruments.model import Instrument, InstrumentRef
from samjournal.journal import Journal
from samjournal.model import (
    FamilyDetail,
    FamilyId,
    Member,
    MemberId,
    Need,
    NeedId,
    PaymentId,
    PaymentStatus,
    User,
    UserId,
)
from samjournal.money import Money
from samjournal.records.payments import Totals


@dataclass(frozen=True)
class FamilyData:
    detail: FamilyDetail
    totals: Totals
    users: dict[UserId, User]
    studies: list[tuple[str, str]]
    approval_limit: Money
    handed_over: Waiting | None = None  # sent to another journal, its receipt not yet back
    origin: Origin | None = None  # received from another journal: its old case number there
    instruments: tuple[Instrument, ...] = ()  # what a new check-in asks (its studies' or ours)
    known: dict[InstrumentRef, Instrument] = field(default_factory=dict)  # and every past one
    due: tuple[Due, ...] = ()
    # Proposed payments this user may not approve, and why (the core's four-eyes rule).
    refusals: dict[PaymentId, PermissionDenied] = field(default_factory=dict)
    sole_approver: bool = False  # the only team lead: no one can approve their big proposals

    @property
    def family_id(self) -> FamilyId:
        return self.detail.family.id

    def user_name(self, user_id: UserId | None) -> str:
        if user_id is None:
            return ""
        user = self.users.get(user_id)
        return user.display_name if user else "?"

    def member(self, member_id: MemberId | None) -> Member | None:
        return next((m for m in self.detail.members if m.id == member_id), None)

    def instrument(self, ref: InstrumentRef) -> Instrument:
        return self.known[ref]

    def need(self, need_id: NeedId | None) -> Need | None:
        return next((n for n in self.detail.needs if n.id == need_id), None)


def load_family(journal: Journal, family_id: FamilyId, *, viewed: bool = True) -> FamilyData:
    detail = journal.families.open(family_id, audit=viewed)
    instruments = journal.instruments.for_family(family_id)
    known = {i.ref: i for i in instruments}
    for ref in {c.instrument for c in detail.checkins} - set(known):
        known[ref] = journal.instruments.get(ref)  # old answers stay readable
    return FamilyData(
        detail=detail,
        totals=journal.payments.totals(family_id),
        users={u.id: u for u in journal.users()},
        studies=journal.consents.studies(),
        approval_limit=journal.settings().approval_limit,
        handed_over=journal.handovers.waiting_for(family_id),
        origin=journal.handovers.origin(family_id),
        instruments=instruments,
        known=known,
        due=journal.checkins.due(family_id),
        refusals={
            p.id: refusal
            for p in detail.payments
            if p.status is PaymentStatus.PROPOSED
            and (refusal := journal.payments.approval_refusal(p)) is not None
        },
        sole_approver=journal.payments.sole_approver(),
    )
