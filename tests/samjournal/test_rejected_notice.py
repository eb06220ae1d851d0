"""A caseworker hears at the next sign-in which of their proposals a team lead rejected
(records/payments.rejected_since_last_unlock): a rejection reached no one (team-lead review)."""

from __future__ import annotations

from pathlib import Path

from samjournal.journal import Journal
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template


def test_a_rejection_is_told_once_at_the_proposer_s_next_unlock(
    journal_dir: Path, template: Template
) -> None:
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    assert worker.payments.rejected_since_last_unlock() == []
    course = worker.payments.propose(template.worker_family, Money.kr(3500), "Kurs")
    bus = worker.payments.propose(template.worker_family, Money.kr(300), "Busskort")
    worker.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.payments.reject(course.id, "Dekkes av NAV")
    lead.payments.approve(bus.id)  # approved: nothing to tell
    own = lead.payments.propose(template.worker_family, Money.kr(200), "Mat")
    lead.payments.reject(own.id, "Feil familie")  # the lead's own: not the caseworker's
    lead.lock()
    worker.unlock(WORKER_PASS)
    [told] = worker.payments.rejected_since_last_unlock()
    assert told.payment.id == course.id
    assert told.payment.reason == "Dekkes av NAV"
    assert told.rejected_by == "Lise Leder"
    assert told.family_name
    worker.lock()
    worker.unlock(WORKER_PASS)  # told at the unlock after it; not again
    assert worker.payments.rejected_since_last_unlock() == []
    worker.lock()
