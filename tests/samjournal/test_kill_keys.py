"""SIGKILL during a backup and during a user removal's rekey, many times: afterwards the journal
opens with every passphrase and the recovery key, nothing a removed user held opens it, and the
backup file is either absent or a whole, valid backup (a half-written one only ever exists under
a hidden `.partial` name that nothing takes for a backup)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samjournal.backup import restore
from samjournal.errors import WrongPassphrase
from samjournal.folder import JournalFolder
from samjournal.journal import Journal
from tests.conftest import (
    LEAD,
    LEAD_PASS,
    OTHER,
    OTHER_PASS,
    WORKER,
    WORKER_PASS,
    Template,
    note_reliability,
)
from tests.killing import kill_seed, run_and_kill, run_and_kill_after_first_ack
from tests.samjournal.keys_child import TEMP_PASS

CHILD = "tests.samjournal.keys_child"
EVERYONE = ((LEAD, LEAD_PASS), (WORKER, WORKER_PASS), (OTHER, OTHER_PASS))


def _opens_for_everyone(journal_dir: Path, recovery_key: str) -> None:
    for user, passphrase in EVERYONE:
        journal = Journal.open(journal_dir, user, passphrase)
        if user == LEAD:
            assert journal.integrity_problems() == []
        journal.lock()
    folder = JournalFolder(journal_dir)
    assert folder.opens_with(folder.keyring().unlock_recovery(recovery_key))
    assert not list(journal_dir.glob(".*.partial")), "a crash leftover survived an unlock"
    assert sorted(p.name for p in journal_dir.iterdir() if not p.name.startswith("journal.db-"))


def _whole_or_absent(target: Path, scratch: Path) -> bool:
    others = [p.name for p in target.parent.iterdir() if p != target]
    assert all(n.startswith(".") and n.endswith(".partial") for n in others), others
    if not target.exists():
        return False
    check = scratch / "restored"
    restore(target, check, LEAD, LEAD_PASS)  # verifies checksums, keys and integrity
    shutil.rmtree(check)
    return True


def _kill_backups(journal_dir: Path, template: Template, tmp_path: Path, kills: int) -> None:
    rng = kill_seed()
    out = tmp_path / "usb"
    out.mkdir()
    target = out / "journal.sjbak"
    args = ["backup", str(journal_dir), str(target)]
    # The first run is killed during the second backup, and times the first: the kills after it
    # land within two backups' time of READY, before, during or after the first one, however
    # loaded the machine is (fixed times once killed every run before any backup finished).
    acknowledged = 0
    step = 0.0
    for run in range(kills):
        if run == 0:
            acks, step = run_and_kill_after_first_ack(CHILD, args, rng)
        else:
            acks = run_and_kill(CHILD, args, rng, window=2 * step)
        acknowledged += len(acks)
        if acks:
            assert target.exists()
        _whole_or_absent(target, tmp_path)
        _opens_for_everyone(journal_dir, template.recovery_key)
    note_reliability("kills", kills)
    note_reliability("acknowledged", acknowledged)
    assert acknowledged, "no backup was ever finished: the test proved nothing"


def _kill_rekeys(journal_dir: Path, template: Template, kills: int) -> None:
    rng = kill_seed()
    added: set[str] = set()
    removed: set[str] = set()
    step = 0.0
    for run in range(kills):
        args = ["rekey", str(journal_dir), str(run)]
        if run == 0:  # times one add-and-remove, and kills in the next: see _kill_backups
            acks, step = run_and_kill_after_first_ack(CHILD, args, rng, until="removed")
        else:
            acks = run_and_kill(CHILD, args, rng, window=1.2 * step)
        for ack in acks:
            what, name = ack.split()
            (added if what == "added" else removed).add(name)
        _opens_for_everyone(journal_dir, template.recovery_key)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    active = {u.username for u in lead.users() if u.active}
    lead.lock()
    for name in removed | (added - active):  # removed (a removal may commit before the kill)
        with pytest.raises(WrongPassphrase):  # nothing they held opens the journal
            Journal.open(journal_dir, name, TEMP_PASS)
    lost = 0
    for name in added & active:  # added and not removed: still gets in
        try:
            Journal.open(journal_dir, name, TEMP_PASS).lock()
        except WrongPassphrase:
            lost += 1
    note_reliability("kills", kills)
    note_reliability("acknowledged", len(added) + len(removed))
    note_reliability("lost", lost)
    assert removed, "no removal ever finished: the test proved nothing"
    assert lost == 0


def test_killed_backups_leave_a_whole_backup_or_none(
    journal_dir: Path, template: Template, tmp_path: Path
) -> None:
    _kill_backups(journal_dir, template, tmp_path, kills=5)


def test_killed_rekeys_leave_a_journal_everyone_can_open(
    journal_dir: Path, template: Template
) -> None:
    _kill_rekeys(journal_dir, template, kills=5)


@pytest.mark.slow
def test_killed_backups_many_times(journal_dir: Path, template: Template, tmp_path: Path) -> None:
    _kill_backups(journal_dir, template, tmp_path, kills=50)


@pytest.mark.slow
def test_killed_rekeys_many_times(journal_dir: Path, template: Template) -> None:
    _kill_rekeys(journal_dir, template, kills=50)


def test_an_interrupted_removal_is_finished_at_the_next_unlock(journal_dir: Path) -> None:
    """The removal committed, the crash came before the rekey: the removed user's slot still
    opened the data key. The next unlock drops it and gives the database a new key."""
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    old_key = journal._ctx.data_key
    with journal._ctx.db.transaction() as db:
        db.execute("UPDATE users SET removed_at = '2026-01-01T00:00:00+00:00' WHERE username = ?",
                   (OTHER,))  # fmt: skip
    journal._ctx.close()  # the crash: no rekey (and the process's folder lock goes with it)
    journal._hold.release()
    again = Journal.open(journal_dir, WORKER, WORKER_PASS)  # any user finishes it
    assert OTHER not in JournalFolder(journal_dir).keyring().usernames
    assert not JournalFolder(journal_dir).opens_with(old_key)
    again.lock()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, OTHER, OTHER_PASS)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert any("interrupted key change" in e.detail for e in lead.audit_events(limit=5))
    assert lead.verify_audit().ok
    lead.lock()
