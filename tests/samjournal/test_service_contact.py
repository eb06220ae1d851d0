"""The service's contact details (journal settings) and a user's work phone (the users table):
what the family's copy prints under "Hvem dere kan ringe"."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from samjournal.errors import NotFound, PermissionDenied, ValidationError
from samjournal.journal import Journal
from samjournal.settings import JournalSettings, ServiceContact
from tests.conftest import LEAD, LEAD_PASS, OTHER, WORKER, WORKER_PASS

FULL = ServiceContact(
    name="Familiekoordinatorene",
    address="Erling Skakkes gate 14\n7012 Trondheim",
    phone="72 54 00 00",
    email="post@trondheim.kommune.no",
    hours="Mandag–fredag 08.00–15.30",
)


def test_the_details_are_kept_in_the_encrypted_journal(journal_dir: Path) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert lead.settings().service == ServiceContact()
    assert lead.settings().service.empty
    saved = lead.update_settings(replace(lead.settings(), service=FULL))
    assert saved.service == FULL
    lead.lock()
    again = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        assert again.settings().service == FULL
        assert not again.settings().service.empty
        last = again.audit_events(limit=1)[0]
        assert last.action == "unlock"
        assert "Erling" not in repr(again.audit_events(limit=5))  # audited, never the content
    finally:
        again.lock()
    assert b"Erling" not in (journal_dir / "journal.db").read_bytes()


@pytest.mark.parametrize(
    ("field", "contact"),
    [
        ("e-post", ServiceContact(email="ikke en adresse")),
        ("telefon", ServiceContact(phone="ring meg")),
        ("tjenestens navn", ServiceContact(name="x" * 201)),
        ("åpningstider", ServiceContact(hours="to\nlinjer")),
    ],
)
def test_details_are_checked(field: str, contact: ServiceContact, lead: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        lead.update_settings(replace(JournalSettings(), service=contact))
    assert caught.value.field == field
    assert lead.settings().service.empty  # nothing half-saved


def test_a_caseworker_cannot_change_them(worker: Journal) -> None:
    with pytest.raises(PermissionDenied):
        worker.update_settings(replace(worker.settings(), service=FULL))


def test_work_phone_own_or_by_the_team_lead(journal_dir: Path) -> None:
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        assert worker.user.work_phone == ""
        assert worker.set_work_phone(WORKER, "+47 415 55 123").work_phone == "+47 415 55 123"
        with pytest.raises(PermissionDenied):
            worker.set_work_phone(OTHER, "415 55 124")
        with pytest.raises(ValidationError):
            worker.set_work_phone(WORKER, "ring sentralbordet")
    finally:
        worker.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        phones = {u.username: u.work_phone for u in lead.users()}
        assert phones[WORKER] == "+47 415 55 123"
        assert lead.set_work_phone(OTHER, "415 55 124").work_phone == "415 55 124"
        assert lead.set_work_phone(WORKER, "").work_phone == ""  # removed
        with pytest.raises(NotFound):
            lead.set_work_phone("nobody", "415 55 125")
        assert [e.detail for e in lead.audit_events(limit=3)][:2] == ["work phone"] * 2
    finally:
        lead.lock()


def test_an_old_journal_gets_the_column(tmp_path: Path) -> None:
    source = Path(__file__).parent / "fixtures" / "schema-0006"
    shutil.copytree(source, tmp_path / "j")
    lead = Journal.open(tmp_path / "j", "lead", "fixture passphrase")
    try:
        assert lead.set_work_phone("kari", "415 55 126").work_phone == "415 55 126"
    finally:
        lead.lock()
