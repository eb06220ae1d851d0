"""Families, members, meetings, needs, payments, check-ins and consents through the facade."""

from __future__ import annotations

import datetime as dt

import pytest

from samjournal.errors import (
    InvalidTransition,
    NotFound,
    OverBudget,
    PermissionDenied,
    ValidationError,
)
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.model import (
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedDraft,
    NeedStatus,
    PaymentDraft,
    PaymentStatus,
    Role,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from tests.conftest import Template

HELD = dt.datetime(2026, 10, 1, 10, 0, tzinfo=dt.UTC)


def test_family_gets_a_case_number_and_keeps_versions(lead: Journal) -> None:
    family = lead.families.create("Familien Nguyễn", budget_frame=Money.kr(40_000))
    assert family.case_number.startswith(f"{dt.date.today().year}-")
    lead.families.update(family.id, display_name="Familien Nguyễn Thị")
    lead.families.set_status(family.id, FamilyStatus.PAUSED)
    versions = lead.families.history(family.id)
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[0].data["display_name"] == "Familien Nguyễn"
    assert versions[-1].data["status"] == "paused"
    assert versions[-1].changed_by == lead.user.username


def test_validation_names_the_field(lead: Journal, template: Template) -> None:
    with pytest.raises(ValidationError) as info:
        lead.families.create("   ")
    assert info.value.field == "familienavn"
    with pytest.raises(ValidationError) as info:
        lead.members.add(template.worker_family, "Ola", national_id="12345678901")
    assert info.value.field == "fødselsnummer"
    with pytest.raises(ValidationError) as info:
        lead.members.add(template.worker_family, "Ola", phone="ring meg")
    assert info.value.field == "telefon"
    with pytest.raises(ValidationError) as info:
        lead.checkins.record(template.worker_family, 11)
    assert info.value.field == "livstilfredshet"


def test_members_one_primary_contact(worker: Journal, template: Template) -> None:
    fid = template.worker_family
    a = worker.members.add(fid, "Åse Ødegård", birth_year=1984, primary_contact=True)
    b = worker.members.add(fid, "Nils Ødegård", birth_year=1986, national_id="15108695088")
    assert b.national_id == "15108695088"
    worker.members.update(b.id, name=b.name, is_child=False, birth_year=1982, primary_contact=True)
    contacts = [m for m in worker.families.open(fid).members if m.primary_contact]
    assert [m.id for m in contacts] == [b.id]
    assert worker.members.history(a.id)[-1].data["primary_contact"] == 0


def test_meeting_flow_saves_needs_and_payments_together(
    worker: Journal, template: Template
) -> None:
    fid = template.worker_family
    mother = worker.members.add(fid, "Åse Ødegård", birth_year=1984)
    recorded = worker.meetings.record(
        fid,
        HELD,
        MeetingKind.HOME_VISIT,
        place="Hjemme",
        family_words="Guttene vil begynne på fotball, men vi har ikke råd til kontingenten.",
        agreed="Kommunen betaler kontingent og utstyr for høsten.",
        next_meeting_at=HELD + dt.timedelta(days=21),
        participants=[member(mother.id), staff(worker.user.id), partner("Skolen")],
        needs=[NeedDraft("Fotball for guttene", NeedCategory.LEISURE)],
        payments=[PaymentDraft(Money.kr(1800), "Kontingent Lade IL", draft_need=0)],
    )
    detail = worker.families.open(fid)
    meeting = detail.meetings[0]
    assert [p.name for p in meeting.participants] == ["Åse Ødegård", "Kari Nilsen", "Skolen"]
    assert detail.needs[0].status is NeedStatus.AGREED
    assert detail.needs[0].agreed_meeting_id == recorded.meeting.id
    assert detail.payments[0].need_id == recorded.need_ids[0]
    assert detail.budget.proposed == Money.kr(1800)
    row = next(r for r in worker.families.case_list() if r.id == fid)
    assert row.open_needs == 1
    assert row.last_meeting == HELD
    assert row.next_meeting == HELD + dt.timedelta(days=21)


def test_a_failed_meeting_saves_nothing(worker: Journal, template: Template) -> None:
    fid = template.worker_family
    with pytest.raises(ValidationError):
        worker.meetings.record(
            fid,
            HELD,
            MeetingKind.OFFICE,
            family_words="Dette skal ikke lagres.",
            needs=[NeedDraft("Ok", NeedCategory.HOUSING)],
            payments=[PaymentDraft(Money(0), "Null kroner")],
        )
    detail = worker.families.open(fid)
    assert detail.meetings == ()
    assert detail.needs == ()
    assert worker.search("lagres") == []


def test_need_status_flow(worker: Journal, template: Template) -> None:
    need = worker.needs.raise_need(template.worker_family, "Ny bolig", NeedCategory.HOUSING)
    with pytest.raises(InvalidTransition):
        worker.needs.set_status(need.id, NeedStatus.MET)
    with pytest.raises(ValidationError):
        worker.needs.set_status(need.id, NeedStatus.AGREED)  # which meeting?
    meeting = worker.meetings.record(template.worker_family, HELD, MeetingKind.OFFICE).meeting
    worker.needs.set_status(need.id, NeedStatus.AGREED, meeting_id=meeting.id)
    worker.needs.set_status(need.id, NeedStatus.IN_PROGRESS)
    done = worker.needs.set_status(need.id, NeedStatus.MET, outcome="Flyttet i mars")
    assert done.outcome == "Flyttet i mars"
    assert [v.data["status"] for v in worker.needs.history(need.id)] == [
        "raised",
        "agreed",
        "in_progress",
        "met",
    ]


def test_payment_flow_and_approval_limit(
    worker: Journal, lead: Journal, template: Template
) -> None:
    fid = template.worker_family
    small = worker.payments.propose(fid, Money.kr(900), "Vinterdress")
    assert worker.payments.approve(small.id).status is PaymentStatus.APPROVED
    paid = worker.payments.mark_paid(small.id, "BIL-2026-0042", paid_on=dt.date(2026, 11, 2))
    assert (paid.status, paid.voucher_ref) == (PaymentStatus.PAID, "BIL-2026-0042")

    big = worker.payments.propose(fid, Money.kr(12_000), "Depositum leilighet")
    with pytest.raises(PermissionDenied, match="teamleder"):
        worker.payments.approve(big.id)
    assert [p.payment.id for p in lead.payments.pending_approvals()] == [big.id]
    approved = lead.payments.approve(big.id)
    assert approved.approved_by == lead.user.id
    budget = worker.families.budget(fid)
    assert (budget.spent, budget.committed) == (Money.kr(900), Money.kr(12_000))

    with pytest.raises(InvalidTransition):
        worker.payments.approve(big.id)
    with pytest.raises(ValidationError):
        worker.payments.cancel(big.id, "  ")
    cancelled = worker.payments.cancel(big.id, "Fikk kommunal bolig")
    assert cancelled.reason == "Fikk kommunal bolig"
    assert worker.families.budget(fid).committed == Money(0)


def test_a_pending_approval_carries_its_need_budget_and_the_familys_words(
    worker: Journal, lead: Journal, template: Template
) -> None:
    fid = template.worker_family
    worker.payments.approve(worker.payments.propose(fid, Money.kr(900), "Vinterdress").id)
    held = dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.UTC)
    worker.meetings.record(
        fid,
        held,
        MeetingKind.HOME_VISIT,
        family_words="Vi trenger et sted å bo før jul.",
        needs=[NeedDraft("Fast bolig", NeedCategory.HOUSING)],
        payments=[PaymentDraft(Money.kr(12_000), "Depositum leilighet", draft_need=0)],
    )
    loose = worker.payments.propose(fid, Money.kr(11_000), "Sykkel")
    pending = {p.payment.purpose: p for p in lead.payments.pending_approvals()}
    frame = worker.families.budget(fid).frame
    deposit = pending["Depositum leilighet"]
    assert (deposit.need_description, deposit.need_category) == (
        "Fast bolig",
        NeedCategory.HOUSING,
    )
    assert deposit.family_words == "Vi trenger et sted å bo før jul."
    assert deposit.budget_left == frame - Money.kr(900)
    bike = pending["Sykkel"]
    assert bike.payment.id == loose.id
    assert (bike.need_description, bike.need_category, bike.family_words) == ("", None, "")


def test_team_lead_cannot_approve_own_proposal_over_limit(
    lead: Journal, template: Template
) -> None:
    big = lead.payments.propose(template.worker_family, Money.kr(9_000), "Førerkort")
    with pytest.raises(PermissionDenied):
        lead.payments.approve(big.id)


def test_who_may_approve_is_asked_before_clicking(
    worker: Journal, lead: Journal, template: Template
) -> None:
    fid = template.worker_family
    small = worker.payments.propose(fid, Money.kr(300), "Busskort")
    theirs = worker.payments.propose(fid, Money.kr(9_000), "Depositum")
    own = lead.payments.propose(fid, Money.kr(9_000), "Førerkort")
    assert worker.payments.approval_refusal(small) is None
    refused = worker.payments.approval_refusal(theirs)
    assert isinstance(refused, PermissionDenied)
    assert refused.key == "over_approval_limit"
    assert lead.payments.approval_refusal(theirs) is None
    refused = lead.payments.approval_refusal(own)
    assert isinstance(refused, PermissionDenied)
    assert refused.key == "own_approval"
    assert "en annen teamleder" in str(refused)


def test_only_the_sole_team_lead_is_told_a_second_one_is_needed(
    worker: Journal, lead: Journal
) -> None:
    assert lead.payments.sole_approver()
    assert not worker.payments.sole_approver()
    lead.add_user("tone", "Tone Teamleder", Role.TEAMLEAD, "tone passordfrase 1")
    assert not lead.payments.sole_approver()


def test_budget_frame_is_enforced(worker: Journal, lead: Journal, template: Template) -> None:
    fid = template.worker_family
    lead.families.update(fid, budget_frame=Money.kr(1_000))
    p = worker.payments.propose(fid, Money.kr(1_500), "Sykkel")
    with pytest.raises(OverBudget, match="budsjettramme"):
        worker.payments.approve(p.id)
    over = worker.payments.propose(fid, Money.kr(800), "Hjelm")
    assert worker.payments.approve(over.id).status is PaymentStatus.APPROVED
    assert lead.payments.approve(p.id, over_budget_ok=True).status is PaymentStatus.APPROVED


def test_totals_per_need_and_category(worker: Journal, template: Template) -> None:
    fid = template.worker_family
    recorded = worker.meetings.record(
        fid,
        HELD,
        MeetingKind.OFFICE,
        needs=[NeedDraft("Strøm", NeedCategory.ECONOMY), NeedDraft("Buss", NeedCategory.TRANSPORT)],
        payments=[
            PaymentDraft(Money.kr(1000), "Strøm okt", draft_need=0),
            PaymentDraft(Money.kr(500), "Strøm nov", draft_need=0),
            PaymentDraft(Money.kr(300), "Busskort", draft_need=1),
        ],
    )
    for pid in recorded.payment_ids:
        worker.payments.approve(pid)
    totals = worker.payments.totals(fid)
    assert totals.by_need[recorded.need_ids[0]] == Money.kr(1500)
    assert totals.by_category[NeedCategory.TRANSPORT] == Money.kr(300)


def test_checkins_trend(worker: Journal, template: Template) -> None:
    fid = template.worker_family
    for day, score in ((1, 4), (60, 5), (120, 7)):
        worker.checkins.record(
            fid,
            score,
            answered_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            domains={"economy": score - 1, "trust": 8},
        )
    trend = worker.checkins.trend(fid)
    assert [c.life_satisfaction for c in trend] == [4, 5, 7]
    assert trend[-1].domains["trust"] == 8
    with pytest.raises(ValidationError):
        worker.checkins.record(fid, 5, domains={"mood": 3})
    with pytest.raises(ValidationError):
        worker.checkins.record(fid, 5, answered_on=dt.date.today() + dt.timedelta(days=3))


def test_a_checkin_is_removed_with_its_reason_and_kept_in_history(
    worker: Journal, template: Template
) -> None:
    """Check-ins are not in the search index: removing one was a KeyError (review s27)."""
    fid = template.worker_family
    kept = worker.checkins.record(fid, 6, answered_on=dt.date(2026, 2, 1))
    gone = worker.checkins.record(fid, 2, answered_on=dt.date(2026, 3, 1))
    worker.checkins.remove(gone.id, "Registrert på feil familie " + "x" * 400)
    assert [c.id for c in worker.checkins.trend(fid)] == [kept.id]
    db = worker._ctx.db
    assert db.scalar("SELECT delete_reason FROM checkins WHERE id = ?", (gone.id,)).startswith(
        "Registrert på feil"
    )
    assert (
        db.scalar(
            "SELECT count(*) FROM history WHERE entity = 'checkin' AND entity_id = ?", (gone.id,)
        )
        == 1
    )
    with pytest.raises(NotFound):
        worker.checkins.remove(gone.id, "igjen")


def test_consents_are_never_edited(lead: Journal, worker: Journal, template: Template) -> None:
    lead.consents.add_study("samskaping-2026", "Evaluering av samskaping")
    with pytest.raises(PermissionDenied):
        worker.consents.add_study("x", "y")
    adult = worker.members.add(template.worker_family, "Åse Ødegård", birth_year=1984)
    child = worker.members.add(template.worker_family, "Liv", is_child=True, birth_year=2016)
    with pytest.raises(ValidationError):
        worker.consents.give(child.id, "samskaping-2026", letter_version="v1")
    consent = worker.consents.give(
        adult.id, "samskaping-2026", letter_version="v1", method=ConsentMethod.WRITTEN
    )
    with pytest.raises(ValidationError, match="allerede"):
        worker.consents.give(adult.id, "samskaping-2026", letter_version="v2")
    withdrawn = worker.consents.withdraw(consent.id)
    assert not withdrawn.active
    with pytest.raises(ValidationError):
        worker.consents.withdraw(consent.id)
    again = worker.consents.give(adult.id, "samskaping-2026", letter_version="v2")
    assert [c.active for c in worker.consents.for_family(template.worker_family)] == [False, True]
    assert again.letter_version == "v2"
    # Not even the store lets a recorded consent change.
    from samjournal.store.db import dbapi2

    with pytest.raises(dbapi2.IntegrityError), worker._ctx.db.transaction() as db:
        db.execute("UPDATE consents SET letter_version = 'v9' WHERE id = ?", (consent.id,))


def test_soft_delete_keeps_history(lead: Journal, template: Template) -> None:
    fid = template.worker_family
    meeting = lead.meetings.record(fid, HELD, MeetingKind.PHONE, agreed="Ringe tilbake").meeting
    lead.meetings.remove(meeting.id, "Registrert på feil familie")
    assert lead.families.open(fid).meetings == ()
    assert lead.search("Ringe") == []
    with pytest.raises(NotFound):
        lead.meetings.get(meeting.id)
    with pytest.raises(ValidationError):
        lead.families.delete(fid, "")
    lead.families.delete(fid, "Dobbeltregistrert")
    assert fid not in {r.id for r in lead.families.case_list()}


def test_every_change_and_view_is_audited(
    worker: Journal, lead: Journal, template: Template
) -> None:
    fid = template.worker_family
    worker.families.open(fid)
    worker.payments.propose(fid, Money.kr(100), "Busskort")
    events = lead.audit_events(fid)
    assert [(e.action, e.entity) for e in events[:2]] == [("create", "payment"), ("view", "family")]
    assert all("Busskort" not in e.detail for e in events)
    assert lead.verify_audit().ok


def test_refreshing_an_open_family_is_not_a_new_view(lead: Journal, template: Template) -> None:
    fid = template.worker_family
    lead.families.open(fid)
    lead.families.open(fid, audit=False)
    views = [e for e in lead.audit_events(fid) if e.action == "view"]
    assert len(views) == 1


def test_closing_a_case_takes_its_date(lead: Journal, template: Template) -> None:
    fid = template.worker_family
    with pytest.raises(ValidationError):
        lead.families.set_status(fid, FamilyStatus.PAUSED, closed_on=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        lead.families.set_status(fid, FamilyStatus.CLOSED, closed_on=dt.date(1999, 1, 1))
    closed = lead.families.set_status(fid, FamilyStatus.CLOSED, closed_on=dt.date.today())
    assert closed.closed_on == dt.date.today()
    assert lead.families.set_status(fid, FamilyStatus.ACTIVE).closed_on is None


def test_payments_agreed_in_a_meeting_are_dated_by_it(worker: Journal, template: Template) -> None:
    recorded = worker.meetings.record(
        template.worker_family,
        HELD,
        MeetingKind.OFFICE,
        payments=[PaymentDraft(Money.kr(300), "Busskort")],
    )
    assert worker.payments.get(recorded.payment_ids[0]).proposed_at == HELD


def test_record_history_includes_removed_records(lead: Journal, template: Template) -> None:
    fid = template.worker_family
    member = lead.members.add(fid, "Ola Midlertidig", birth_year=1990)
    lead.members.update(member.id, name="Ola Midlertidig-Hansen", is_child=False)
    lead.members.remove(member.id, "Registrert i feil familie")
    versions = [v for v in lead.families.record_history(fid) if v.entity == "member"]
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[0].data["name"] == "Ola Midlertidig"
    assert versions[-1].reason == "Registrert i feil familie"


def test_search_families_finds_every_matching_family(lead: Journal) -> None:
    made = {lead.families.create(f"Familien Strand {i}").id for i in range(30)}
    assert made <= set(lead.search.families("str"))


def test_birth_year_must_agree_with_the_identity_number(
    worker: Journal, template: Template
) -> None:
    fid = template.worker_family
    with pytest.raises(ValidationError) as refused:
        worker.members.add(fid, "Sara Ødegård", birth_year=1985, national_id="02078810044")
    assert refused.value.field == "fødselsår"
    assert refused.value.message == "stemmer ikke med fødselsnummeret (født 1988)"
    assert describe(refused.value, "en") == (
        "birth year: does not match the national identity number (born 1988)"
    )
    assert worker.families.open(fid).members == ()
    given = worker.members.add(fid, "Sara Ødegård", birth_year=1988, national_id="02078810044")
    assert given.birth_year == 1988
    read = worker.members.add(fid, "Sara Ødegård", national_id="02078810044")
    assert read.birth_year == 1988  # read from the number when not typed
