"""The case list's per-family figures (family_totals, kept by the triggers of migration 0004)
always equal what the records say: after any sequence of meetings, needs, payments, edits,
removals and erasures; and the integrity check notices when they do not."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.errors import IntegrityFailed, SamJournalError
from samjournal.i18n import describe, word
from samjournal.journal import Journal, require_intact
from samjournal.model import (
    OPEN_NEED_STATUSES,
    FamilyId,
    MeetingKind,
    NeedCategory,
    NeedDraft,
    NeedStatus,
    PaymentDraft,
    PaymentStatus,
    planned_meeting,
)
from samjournal.money import Money
from samjournal.records.families import _CASE_LIST
from tests.conftest import Template
from tests.fuzz.settings import fuzz_settings

USED = {PaymentStatus.APPROVED, PaymentStatus.PAID}  # what counts against the budget frame
START = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
days = st.integers(min_value=0, max_value=300)


def _expected(journal: Journal, family: FamilyId) -> tuple[int, int, object, object]:
    """What the case list must show, worked out in Python from the family's records and the
    model's own status sets and rule: (open needs, øre used, last meeting, next meeting)."""
    detail = journal.families.open(family, audit=False)
    open_needs = sum(n.status in OPEN_NEED_STATUSES for n in detail.needs)
    used = sum(p.amount.ore for p in detail.payments if p.status in USED)
    last = max((m.held_at for m in detail.meetings), default=None)
    return open_needs, used, last, planned_meeting(detail.meetings)


def _check(journal: Journal, family: FamilyId) -> None:
    row = next(r for r in journal.families.case_list() if r.id == family)
    expected = _expected(journal, family)
    assert (row.open_needs, row.budget_used.ore, row.last_meeting, row.next_meeting) == expected
    assert journal.families.stale_totals() == []


# One step: which action, which record it picks (modulo what exists), and its values. All drawn
# up front, so the draws never depend on the journal's state.
steps = st.tuples(
    st.integers(0, 9),
    st.integers(0, 99),
    days,
    st.none() | days,
    st.integers(0, 2),
    st.integers(0, 2),
    st.integers(1, 90_000),
    st.sampled_from(NeedStatus),
)


def _apply(lead: Journal, family: FamilyId, step: tuple[Any, ...]) -> None:
    action, pick, day, next_day, n_needs, n_payments, ore, need_status = step
    held = START + dt.timedelta(days=day)
    planned = None if next_day is None else held + dt.timedelta(days=1 + next_day % 60)
    detail = lead.families.open(family, audit=False)
    meetings, needs, payments = detail.meetings, detail.needs, detail.payments
    choices: list[Callable[[], object]] = [
        lambda: lead.meetings.record(
            family,
            held,
            MeetingKind.OFFICE,
            next_meeting_at=planned,
            needs=[NeedDraft("Behov", NeedCategory.LEISURE)] * n_needs,
            payments=[PaymentDraft(Money(ore), "Kjøp")] * n_payments,
        ),
        lambda: lead.payments.propose(family, Money(ore), "Kjøp"),
        lambda: lead.needs.raise_need(family, "Behov", NeedCategory.HOUSING),
    ]
    if meetings:
        meeting = meetings[pick % len(meetings)]
        choices += [
            lambda: lead.meetings.update(
                meeting.id, held_at=held, kind=meeting.kind, next_meeting_at=planned
            ),
            lambda: lead.meetings.remove(meeting.id, "feilført"),
        ]
    if needs:
        need = needs[pick % len(needs)]
        choices.append(lambda: lead.needs.set_status(need.id, need_status))
    if payments:
        payment = payments[pick % len(payments)]
        choices += [
            lambda: lead.payments.approve(payment.id, over_budget_ok=True),
            lambda: lead.payments.mark_paid(payment.id, "B-1"),
            lambda: lead.payments.reject(payment.id, "nei"),
            lambda: lead.payments.cancel(payment.id, "avlyst"),
        ]
    # A step the flow refuses (say, paying a rejected payment) changes nothing.
    with contextlib.suppress(SamJournalError):
        choices[0 if action < 3 else action % len(choices)]()  # a new meeting 3 times in 10


@fuzz_settings(40, deadline_seconds=20)
@given(plan=st.lists(steps, min_size=1, max_size=12))
def test_totals_follow_every_change(plan: list[tuple[Any, ...]], lead: Journal) -> None:
    family = lead.families.create("Familien Prøve").id  # a fresh family for each example
    for step in plan:
        _apply(lead, family, step)
        _check(lead, family)


def test_the_next_meeting_is_the_plan_of_the_latest_meeting(lead: Journal) -> None:
    family = lead.families.create("Familien Plan").id
    later = lead.meetings.record(
        family,
        START + dt.timedelta(days=10),
        MeetingKind.OFFICE,
        next_meeting_at=START + dt.timedelta(days=20),
    ).meeting
    lead.meetings.record(
        family,
        START,
        MeetingKind.OFFICE,
        next_meeting_at=START + dt.timedelta(days=5),
    )  # recorded afterwards, but held earlier: its plan is not the one shown

    def shown() -> tuple[object, object]:
        row = next(r for r in lead.families.case_list() if r.id == family)
        return row.last_meeting, row.next_meeting

    assert shown() == (START + dt.timedelta(days=10), START + dt.timedelta(days=20))
    lead.meetings.remove(later.id, "feilført")
    assert shown() == (START, START + dt.timedelta(days=5))
    _check(lead, family)


def test_a_meeting_that_plans_nothing_leaves_the_agreed_one_standing(lead: Journal) -> None:
    """A quick meeting in between, with no next meeting ticked, wiped the appointment agreed
    before from the case list and the overview (review s10); a meeting held at or after the
    planned time ends it."""
    family = lead.families.create("Familien Avtale").id
    agreed = START + dt.timedelta(days=20)
    lead.meetings.record(family, START, MeetingKind.OFFICE, next_meeting_at=agreed)
    lead.meetings.record(family, START + dt.timedelta(days=3), MeetingKind.OFFICE)

    def shown() -> object:
        return next(r for r in lead.families.case_list() if r.id == family).next_meeting

    assert shown() == agreed
    assert planned_meeting(lead.families.open(family, audit=False).meetings) == agreed
    lead.meetings.record(family, agreed, MeetingKind.HOME_VISIT)  # the agreed meeting, held
    assert shown() is None
    _check(lead, family)


def test_erasing_a_family_takes_its_totals(lead: Journal, template: Template) -> None:
    family = template.worker_family
    lead.meetings.record(
        family, START, MeetingKind.OFFICE, needs=[NeedDraft("x", NeedCategory.LEISURE)]
    )
    lead.families.erase(family, "feilregistrert")
    left = lead._ctx.db.scalar("SELECT count(*) FROM family_totals WHERE family_id = ?", (family,))
    assert left == 0
    assert lead.integrity_problems() == []


def test_new_families_start_at_zero(lead: Journal) -> None:
    family = lead.families.create("Familien Ny").id
    row = next(r for r in lead.families.case_list() if r.id == family)
    assert (row.open_needs, row.budget_used, row.last_meeting, row.next_meeting) == (
        0,
        Money(0),
        None,
        None,
    )
    _check(lead, family)


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE family_totals SET used_ore = used_ore + 100 WHERE family_id = :f",
        "UPDATE family_totals SET last_meeting = '2020-01-01T00:00:00+00:00' WHERE family_id = :f",
        "DELETE FROM family_totals WHERE family_id = :f",
    ],
)
def test_the_integrity_check_notices_wrong_totals(
    lead: Journal, template: Template, tamper: str
) -> None:
    family = template.worker_family
    lead.meetings.record(
        family, START, MeetingKind.OFFICE, payments=[PaymentDraft(Money.kr(100), "Kjøp")]
    )
    assert lead.integrity_problems() == []
    with lead._ctx.db.transaction():
        lead._ctx.db.execute(tamper, {"f": family})
    assert lead.families.stale_totals() == [family]
    problems = lead.integrity_problems()
    assert problems == [f"feil tall i saksoversikten for familie {family}"]
    assert [word(p, "en") for p in problems] == [
        f"wrong figures in the case list for family {family}"
    ]
    assert family in [row.id for row in lead.families.case_list()]  # still listed
    with pytest.raises(IntegrityFailed, match="check --repair") as refused:
        require_intact(problems)
    assert "regne dem ut på nytt" in describe(refused.value, "nb")
    assert "compute them again" in describe(refused.value, "en")
    # Derived data: computing it again from the records is the whole repair, and is audited.
    assert lead.families.rebuild_totals() == [family]
    assert lead.integrity_problems() == []
    assert lead.audit_events()[0].entity == "family_totals"  # newest first
    assert lead.families.rebuild_totals() == []  # nothing left to put right


@pytest.mark.parametrize("who", ["lead", "worker"])
def test_the_case_list_reads_one_row_per_family(who: str, request: pytest.FixtureRequest) -> None:
    """EXPLAIN QUERY PLAN: the list never touches needs, payments or meetings, and each
    trigger's recomputation reads one family's slice of a covering index (no scans)."""
    journal: Journal = request.getfixturevalue(who)
    visible, params = journal._ctx.visibility("f")
    plan = _plan(journal, _CASE_LIST.format(visible=visible, status=""), params)
    assert "SEARCH t USING PRIMARY KEY" in plan, plan
    assert not any(f" {t} " in plan for t in ("n", "p", "m")), plan
    figures = _plan(journal, "SELECT * FROM family_figures WHERE family_id = ?", (1,))
    for index in ("needs_open", "payments_used", "COVERING INDEX meetings_case_list"):
        assert index in figures, figures
    assert not any(f"SCAN {t}" in figures for t in ("n", "p", "m")), figures


def _plan(journal: Journal, sql: str, params: object) -> str:
    rows = journal._ctx.db.all("EXPLAIN QUERY PLAN " + sql, params)  # type: ignore[arg-type]
    return " | ".join(str(r["detail"]) for r in rows)
