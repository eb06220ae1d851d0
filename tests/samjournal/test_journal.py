"""Opening, locking, users, roles and keys of a journal."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from samjournal.audit import Action
from samjournal.errors import (
    JournalDamaged,
    JournalExists,
    JournalLocked,
    JournalNotFound,
    NotFound,
    PermissionDenied,
    UnlockThrottled,
    ValidationError,
    WrongPassphrase,
)
from samjournal.folder import JournalFolder
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import FamilyStatus, Role
from samjournal.store import Database
from tests.conftest import LEAD, LEAD_PASS, OTHER, OTHER_PASS, WORKER, WORKER_PASS, Template


def test_create_refuses_a_folder_in_use(journal_dir: Path) -> None:
    with pytest.raises(JournalExists):
        Journal.create(
            journal_dir, username="x", display_name="X", passphrase="lang nok frase", cost=TEST_COST
        )


def test_create_checks_passphrase_and_username(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="minst 10"):
        Journal.create(tmp_path / "a", username="a", display_name="A", passphrase="kort")
    with pytest.raises(ValidationError) as info:
        Journal.create(tmp_path / "b", username="a b/", display_name="A", passphrase="x" * 12)
    assert info.value.field == "brukernavn"


def test_missing_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalNotFound):
        Journal.open(tmp_path / "nowhere", LEAD, LEAD_PASS)
    with pytest.raises(JournalNotFound):
        Journal.usernames(tmp_path)


def test_usernames_without_unlocking(journal_dir: Path) -> None:
    assert Journal.usernames(journal_dir) == sorted([LEAD, WORKER, OTHER])


def test_wrong_passphrase_fails_before_the_database_is_touched(journal_dir: Path) -> None:
    db = journal_dir / "journal.db"
    before = db.read_bytes()
    db.write_bytes(b"\0" * len(before))  # even a destroyed database is not reached
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, LEAD, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, "nobody", LEAD_PASS)


def test_failures_are_throttled_then_reported_and_audited(journal_dir: Path) -> None:
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Journal.open(journal_dir, WORKER, "wrong passphrase")
    with pytest.raises(UnlockThrottled) as info:
        Journal.open(journal_dir, WORKER, WORKER_PASS)
    assert 0 < info.value.seconds <= 2
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3)
    unlocked = JournalFolder(journal_dir).unlock(WORKER, WORKER_PASS, now=later)
    assert len(unlocked.failed_attempts) == 3

    ring_path = journal_dir / "keyring.json"
    # Let time pass for the throttle by rewriting the failure times into the past.
    text = ring_path.read_text()
    for stamp in {t for t in unlocked.failed_attempts}:
        text = text.replace(stamp, "2020-01-01T00:00:00+00:00")
    ring_path.write_text(text)
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    assert len(journal.failed_attempts) == 3
    journal.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    actions = [e.action for e in lead.audit_events()]
    assert actions.count(Action.FAILED_UNLOCK) == 3
    assert Journal.open(journal_dir, WORKER, WORKER_PASS).failed_attempts == ()


def test_lock_drops_the_key_and_unlock_returns(lead: Journal, template: Template) -> None:
    lead.lock()
    assert lead.locked
    with pytest.raises(JournalLocked):
        lead.families.case_list()
    with pytest.raises(WrongPassphrase):
        lead.unlock("wrong wrong wrong")
    lead.unlock(LEAD_PASS)
    assert {r.id for r in lead.families.case_list()} == {
        template.worker_family,
        template.other_family,
    }


def test_changes_are_announced_after_commit(lead: Journal, template: Template) -> None:
    seen = []
    lead.subscribe(seen.append)
    lead.families.update(template.worker_family, district="Ranheim")
    assert seen[-1].entities == {"family"}
    assert seen[-1].family_ids == {template.worker_family}


def test_caseworker_sees_only_own_families(worker: Journal, template: Template) -> None:
    assert [r.id for r in worker.families.case_list()] == [template.worker_family]
    with pytest.raises(NotFound):
        worker.families.open(template.other_family)
    with pytest.raises(PermissionDenied):
        worker.add_user("ny", "Ny", Role.CASEWORKER, "ny passordfrase")
    with pytest.raises(PermissionDenied):
        worker.audit_events()


def test_passphrase_change(worker: Journal, journal_dir: Path) -> None:
    with pytest.raises(WrongPassphrase):
        worker.change_passphrase("not mine at all", "brand new passphrase")
    worker.change_passphrase(WORKER_PASS, "brand new passphrase")
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, WORKER, WORKER_PASS)
    assert Journal.open(journal_dir, WORKER, "brand new passphrase").user.username == WORKER


def test_removing_a_user_rekeys_the_database(
    lead: Journal, journal_dir: Path, tmp_path: Path, template: Template
) -> None:
    old_copy = tmp_path / "as-per-knew-it"
    shutil.copytree(journal_dir, old_copy)
    old_key = JournalFolder(old_copy).unlock(OTHER, OTHER_PASS).data_key

    lead.remove_user(OTHER)
    assert OTHER not in Journal.usernames(journal_dir)
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, OTHER, OTHER_PASS)
    assert not JournalFolder(journal_dir).opens_with(old_key)
    # The session goes on under the new key, and everyone else still gets in.
    assert len(lead.families.case_list()) == 2
    assert lead.verify_audit().ok
    assert lead.integrity_problems() == []
    assert Journal.open(journal_dir, WORKER, WORKER_PASS).families.case_list()
    assert not any(p.name.endswith(".partial") for p in journal_dir.iterdir())


def test_the_last_team_lead_cannot_be_removed(lead: Journal) -> None:
    with pytest.raises(ValidationError):
        lead.remove_user(LEAD)


def test_reset_through_the_recovery_key(journal_dir: Path, template: Template) -> None:
    with pytest.raises(ValidationError):
        Journal.reset_passphrase(journal_dir, "AAAA-BBBB", WORKER, "ny passordfrase 1")
    Journal.reset_passphrase(journal_dir, template.recovery_key, WORKER, "ny passordfrase 1")
    journal = Journal.open(journal_dir, WORKER, "ny passordfrase 1")
    journal.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert any(e.action == Action.KEY_CHANGE and e.detail == "reset" for e in lead.audit_events())


def test_new_recovery_key_replaces_the_old(
    lead: Journal, journal_dir: Path, template: Template
) -> None:
    fresh = lead.new_recovery_key()
    with pytest.raises(WrongPassphrase):
        Journal.reset_passphrase(journal_dir, template.recovery_key, WORKER, "ny passordfrase 1")
    Journal.reset_passphrase(journal_dir, fresh, WORKER, "ny passordfrase 1")


def test_interrupted_rekey_is_settled_at_next_unlock(lead: Journal, journal_dir: Path) -> None:
    """A crash after the database swap but before the keyring swap must not lock anyone out."""
    folder = JournalFolder(journal_dir)
    ring = folder.keyring()
    new_key = bytes(range(32))
    scratch = folder.scratch()
    key = lead._ctx.data_key
    lead.lock()  # the copy is made after the session's last event, as a rekey does
    db = Database(folder.db_path, key)
    db.export_to(scratch, new_key)
    db.close()
    (journal_dir / "keyring.json.pending").write_bytes(ring.resealed(new_key, key).to_bytes())
    scratch.replace(folder.db_path)  # the crash happens here
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    assert journal.families.case_list()
    assert not (journal_dir / "keyring.json.pending").exists()
    assert folder.opens_with(new_key)


def test_settings_are_team_lead_only(lead: Journal, worker: Journal) -> None:
    settings = lead.settings()
    changed = lead.update_settings(replace(settings, idle_timeout_minutes=12))
    assert changed.idle_timeout_minutes == 12
    with pytest.raises(PermissionDenied):
        worker.update_settings(settings)
    with pytest.raises(ValidationError):
        lead.update_settings(replace(settings, idle_timeout_minutes=0))


def test_facts_carry_no_record_content(lead: Journal) -> None:
    facts = lead.facts()
    assert facts.counts["families"] == 2
    assert facts.schema_version >= 1
    assert "community" in facts.cipher_version
    assert "Ødegård" not in repr(facts)


def test_raw_database_needs_the_key(journal_dir: Path) -> None:
    with pytest.raises(JournalDamaged):
        Database(journal_dir / "journal.db", bytes(32))


def test_subscribers_outlive_lock_and_rekey(lead: Journal, template: Template) -> None:
    seen = []
    lead.subscribe(seen.append)
    lead.lock()
    lead.unlock(LEAD_PASS)
    lead.remove_user(OTHER)
    lead.families.set_status(template.worker_family, FamilyStatus.PAUSED)
    assert [c.entities for c in seen] == [{"user"}, {"family"}]
