"""One-file backups, and restores that check before they replace anything."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from samjournal.backup import restore
from samjournal.errors import BackupInvalid, PermissionDenied, WrongPassphrase
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.hostile_zips import future_version, huge_offset


def test_backup_and_restore_into_a_new_folder(
    lead: Journal, template: Template, tmp_path: Path
) -> None:
    lead.payments.propose(template.worker_family, Money.kr(250), "Busskort")
    file = lead.backup(tmp_path / "backup.sjbak")
    with zipfile.ZipFile(file) as zf:
        assert sorted(zf.namelist()) == ["journal.db", "keyring.json", "manifest.json"]
    restored = restore(file, tmp_path / "restored", LEAD, LEAD_PASS)
    assert restored.kept is None
    journal = Journal.open(tmp_path / "restored", LEAD, LEAD_PASS)
    assert journal.search("Busskort")
    assert journal.integrity_problems() == []
    assert any(e.action == "backup" for e in journal.audit_events())


def test_restore_keeps_the_journal_it_replaces(
    lead: Journal, journal_dir: Path, tmp_path: Path
) -> None:
    file = lead.backup(tmp_path / "backup.sjbak")
    lead.families.create("Familien Etter Backup")
    lead.lock()
    kept = restore(file, journal_dir, LEAD, LEAD_PASS).kept
    assert kept is not None
    assert (kept / "journal.db").exists()
    restored = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert "Familien Etter Backup" not in {r.display_name for r in restored.families.case_list()}
    newer = Journal.open(kept, LEAD, LEAD_PASS)
    assert "Familien Etter Backup" in {r.display_name for r in newer.families.case_list()}


def test_only_a_team_lead_restores(lead: Journal, journal_dir: Path, tmp_path: Path) -> None:
    """A restore rolls the audit log back (a recorded fork): a caseworker's passphrase opens
    the backup, but the decision is a team lead's."""
    file = lead.backup(tmp_path / "backup.sjbak")
    lead.families.create("Familien Etter Backup")
    lead.lock()
    before = _untouched(journal_dir)
    with pytest.raises(PermissionDenied) as refused:
        restore(file, journal_dir, WORKER, WORKER_PASS)
    assert "teamleder" in str(refused.value).lower()
    assert _untouched(journal_dir) == before
    assert restore(file, journal_dir, LEAD, LEAD_PASS).kept is not None


def _untouched(journal_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in journal_dir.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    "damage",
    [
        "flip",
        "truncate",
        "not-a-zip",
        "foreign-member",
        "future-zip-version",
        "zip64-offset-overflow",
    ],
)
def test_damaged_backup_changes_nothing(
    lead: Journal, journal_dir: Path, tmp_path: Path, damage: str
) -> None:
    file = lead.backup(tmp_path / "backup.sjbak")
    lead.lock()
    data = bytearray(file.read_bytes())
    if damage == "flip":
        with zipfile.ZipFile(file) as zf:
            offset = zf.getinfo("journal.db").header_offset + 200
        data[offset] ^= 0xFF
        file.write_bytes(bytes(data))
    elif damage == "truncate":
        file.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "not-a-zip":
        file.write_bytes(b"hello, not a backup")
    elif damage == "future-zip-version":  # zipfile raises NotImplementedError for this one
        file.write_bytes(future_version(bytes(data)))
    elif damage == "zip64-offset-overflow":  # and OverflowError for this one
        file.write_bytes(huge_offset(bytes(data)))
    else:
        with zipfile.ZipFile(file, "a") as zf:
            zf.writestr("../../evil.txt", "x")
    before = _untouched(journal_dir)
    with pytest.raises(BackupInvalid):
        restore(file, journal_dir, LEAD, LEAD_PASS)
    assert _untouched(journal_dir) == before
    assert not (tmp_path / "evil.txt").exists()
    assert not [p for p in journal_dir.parent.iterdir() if p.name.startswith(".restore")]


def test_wrong_passphrase_restores_nothing(
    lead: Journal, journal_dir: Path, tmp_path: Path
) -> None:
    file = lead.backup(tmp_path / "backup.sjbak")
    lead.lock()
    before = _untouched(journal_dir)
    with pytest.raises(WrongPassphrase):
        restore(file, journal_dir, LEAD, "not the passphrase")
    assert _untouched(journal_dir) == before


def test_two_restores_in_one_second_keep_both_journals(
    lead: Journal, journal_dir: Path, tmp_path: Path
) -> None:
    file = lead.backup(tmp_path / "backup.sjbak")
    lead.lock()
    first = restore(file, journal_dir, LEAD, LEAD_PASS).kept
    second = restore(file, journal_dir, LEAD, LEAD_PASS).kept
    assert first is not None
    assert second is not None
    assert first != second
    assert (first / "journal.db").exists()
    assert (second / "journal.db").exists()


def test_a_refused_restore_into_a_new_folder_leaves_it_usable(
    lead: Journal, tmp_path: Path
) -> None:
    """A restore holds the folder's lock file; it is no journal content, so the folder can still
    be chosen for a new journal or for the restore again."""
    file = lead.backup(tmp_path / "backup.sjbak")
    with pytest.raises(WrongPassphrase):
        restore(file, tmp_path / "new", LEAD, "not the passphrase")
    assert restore(file, tmp_path / "new", LEAD, LEAD_PASS).kept is None  # nothing kept aside
    with pytest.raises(WrongPassphrase):
        restore(file, tmp_path / "other", LEAD, "not the passphrase")
    Journal.create(
        tmp_path / "other", username="x", display_name="X", passphrase=LEAD_PASS, cost=TEST_COST
    ).journal.lock()


def test_a_failed_restore_takes_away_only_what_it_made(lead: Journal, tmp_path: Path) -> None:
    """A wrong passphrase left a new folder behind with a lock file in it (reliability review):
    folders it made go, and so do lock files it made in a folder that was there; that folder
    and what was in it stay."""
    file = lead.backup(tmp_path / "backup.sjbak")
    lead.lock()
    (tmp_path / "empty").mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    before = sorted(tmp_path.rglob("*"))
    for target in ("new", "new/and/deeper", "empty", "mine"):
        with pytest.raises(WrongPassphrase):
            restore(file, tmp_path / target, LEAD, "not the passphrase")
    with pytest.raises(PermissionDenied):
        restore(file, tmp_path / "new", WORKER, WORKER_PASS)
    assert sorted(tmp_path.rglob("*")) == before
