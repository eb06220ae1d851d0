"""One owner for file-replacing work, row by row of issue 10: the folder lock, the guard against
a replaced file, busy is not damage, a rekey that cannot finish changes nothing, crash leftovers,
a passphrase change that is always audited, and no SQLCipher noise on the terminal."""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from samjournal import folder as folder_module
from samjournal.errors import (
    DiskFull,
    JournalBusy,
    JournalDamaged,
    JournalInUse,
    JournalReplaced,
)
from samjournal.folder import JournalFolder
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.keyring import Keyring
from samjournal.store import Database
from samjournal.store.migrations import current_version
from tests.conftest import LEAD, LEAD_PASS, OTHER, OTHER_PASS, WORKER, WORKER_PASS
from tests.killing import ROOT


def _users(journal_dir: Path) -> dict[str, bool]:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        return {u.username: u.active for u in lead.users()}
    finally:
        lead.lock()


# -- rows 1, 2: what replaces files waits for the other sessions, then refuses clearly ----------


def test_a_removal_waits_for_another_session_then_refuses(lead: Journal, journal_dir: Path) -> None:
    other = Journal.open(journal_dir, WORKER, WORKER_PASS)  # another window
    try:
        with pytest.raises(JournalInUse) as refused:
            lead.remove_user(OTHER, wait=0.2)
        assert describe(refused.value, "en") == (
            "SamJournal is open in another window on this journal; close it first."
        )
        assert "lukk det først" in describe(refused.value, "nb")
        other.families.case_list()  # the other window goes on
        lead.families.create("Familien Etterpå")  # and so does this one
    finally:
        other.lock()
    lead.remove_user(OTHER, wait=0.2)  # a locked window does not stand in the way
    assert not _users(journal_dir)[OTHER]


def test_a_locked_window_does_not_hold_the_folder(lead: Journal, journal_dir: Path) -> None:
    other = Journal.open(journal_dir, WORKER, WORKER_PASS)
    other.lock()
    lead.remove_user(OTHER, wait=0.2)
    other.unlock(WORKER_PASS)  # and unlocks again on the rekeyed journal
    assert other.families.case_list()
    other.lock()


# -- the second guard: a save into a file replaced under the session is never acknowledged ------


def test_a_save_into_a_replaced_file_is_refused(lead: Journal, journal_dir: Path) -> None:
    lead.families.create("Familien Før")
    # Someone replaces journal.db without the lock (an older program, a file copy by hand).
    copy = journal_dir / "copy.db"
    shutil.copy(journal_dir / "journal.db", copy)
    os.replace(copy, journal_dir / "journal.db")
    with pytest.raises(JournalReplaced) as refused:
        lead.families.create("Familien Etter")
    assert "ikke lagret" in describe(refused.value, "nb")
    assert "not saved" in describe(refused.value, "en")


# -- row 6: busy is not damaged ---------------------------------------------------------------


def test_a_write_lock_held_elsewhere_is_busy_not_damage(lead: Journal, journal_dir: Path) -> None:
    other = sqlcipher3.connect(str(journal_dir / "journal.db"), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{lead._ctx.data_key.hex()}'\"")
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    lead._ctx.db._conn.execute("PRAGMA busy_timeout = 100")  # not 5 s in a test
    try:
        with pytest.raises(JournalBusy) as busy:
            lead.families.create("Familien Venter")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not isinstance(busy.value, JournalDamaged)
    for language in ("nb", "en"):
        text = describe(busy.value, language)
        assert "sikkerhetskopi" not in text, text
        assert "backup" not in text, text
    assert "busy in another window or process" in describe(busy.value, "en")
    lead.families.create("Familien Venter")  # and once the lock is gone, the save goes through


# -- rows 3, 9: a rekey that cannot finish changes nothing, and says so -------------------------


def test_a_removal_without_room_for_a_copy_changes_nothing(
    lead: Journal, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (journal_dir / "keyring.json").read_bytes()
    usage = collections.namedtuple("usage", "total used free")
    monkeypatch.setattr(folder_module.shutil, "disk_usage", lambda _: usage(10**9, 10**9, 4096))
    with pytest.raises(DiskFull) as full:
        lead.remove_user(OTHER)
    assert "Ingenting ble endret" in describe(full.value, "nb")
    assert "Nothing was changed" in describe(full.value, "en")
    assert (journal_dir / "keyring.json").read_bytes() == before
    lead.families.create("Familien Etterpå")  # the session goes on
    lead.lock()
    assert _users(journal_dir)[OTHER]  # the removal was not committed: nothing was changed
    for user, passphrase in ((LEAD, LEAD_PASS), (WORKER, WORKER_PASS), (OTHER, OTHER_PASS)):
        Journal.open(journal_dir, user, passphrase).lock()  # everyone still gets in


def test_an_old_interrupted_removal_without_room_still_opens(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A removal committed by an earlier version whose rekey never ran: without room for the
    rekey, unlocking still works for everyone (the rekey waits for a later unlock)."""
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    with journal._ctx.db.transaction() as db:
        db.execute("UPDATE users SET removed_at = '2026-01-01T00:00:00+00:00' WHERE username = ?",
                   (OTHER,))  # fmt: skip
    journal.lock()
    usage = collections.namedtuple("usage", "total used free")
    with monkeypatch.context() as patch:
        patch.setattr(folder_module.shutil, "disk_usage", lambda _: usage(10**9, 10**9, 4096))
        for user, passphrase in ((LEAD, LEAD_PASS), (WORKER, WORKER_PASS)):
            Journal.open(journal_dir, user, passphrase).lock()
    Journal.open(journal_dir, WORKER, WORKER_PASS).lock()  # with room, it is finished
    assert OTHER not in JournalFolder(journal_dir).keyring().usernames


# -- row 8: crash leftovers go at the next open, only when nobody else holds the folder ----------


def _leftovers(journal_dir: Path) -> list[Path]:
    made = [
        journal_dir / ".restore-0a1b2c.partial",
        journal_dir / ".journal.db.0a1b2c.partial",
        journal_dir / ".journal.db.0a1b2c.partial-journal",
        journal_dir / ".keyring.json.0a1b2c.partial",
    ]
    made[0].mkdir()
    (made[0] / "journal.db").write_bytes(b"x" * 1000)
    for path in made[1:]:
        path.write_bytes(b"x")
    return made


def test_crash_leftovers_are_removed_at_the_next_open(journal_dir: Path) -> None:
    made = _leftovers(journal_dir)
    other = Journal.open(journal_dir, WORKER, WORKER_PASS)
    other.lock()
    assert not [p for p in made if p.exists()]


def test_leftovers_stay_while_another_session_may_be_writing_them(journal_dir: Path) -> None:
    first = Journal.open(journal_dir, WORKER, WORKER_PASS)
    made = _leftovers(journal_dir)  # as if `first` were in the middle of a backup
    second = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert all(p.exists() for p in made)
    second.lock()
    first.lock()


# -- row 11: a passphrase change is audited before the keyring changes -------------------------


def test_a_passphrase_change_is_audited_before_the_keyring_is_replaced(
    lead: Journal, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    save = Keyring.save

    def crash_after_save(ring: Keyring, path: Path) -> None:
        save(ring, path)
        # The crash comes here, just after the keyring was replaced: is the event durable?
        reader = sqlcipher3.connect(str(journal_dir / "journal.db"))
        reader.execute(f"PRAGMA key = \"x'{lead._ctx.data_key.hex()}'\"")
        rows = reader.execute("SELECT detail FROM audit WHERE action = 'key_change'").fetchall()
        reader.close()
        seen.append(("passphrase changed",) in rows)

    monkeypatch.setattr(Keyring, "save", crash_after_save)
    lead.change_passphrase(LEAD_PASS, "en helt ny passordfrase")
    assert seen == [True]


# -- row 12: no SQLCipher noise on the terminal after a crash mid-rekey --------------------------


def test_first_unlock_after_a_crash_mid_rekey_is_quiet(lead: Journal, journal_dir: Path) -> None:
    folder = JournalFolder(journal_dir)
    new_key = bytes(range(32))
    scratch = folder.scratch()
    key = lead._ctx.data_key
    ring = folder.keyring()
    lead.lock()  # the copy is made after the session's last event, as a rekey does
    db = Database(folder.db_path, key)
    db.export_to(scratch, new_key)
    db.close()
    (journal_dir / "keyring.json.pending").write_bytes(ring.resealed(new_key, key).to_bytes())
    scratch.replace(folder.db_path)  # the crash: the old keyring no longer opens the database
    done = subprocess.run(
        [sys.executable, "-m", "samjournal", "info", str(journal_dir), "--user", LEAD],
        cwd=ROOT,
        env={**os.environ, "SAMJOURNAL_PASSPHRASE": LEAD_PASS},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "ERROR" not in done.stderr, done.stderr
    assert "hmac" not in done.stderr, done.stderr


def test_a_swap_that_fails_changes_nothing_and_the_session_goes_on(
    lead: Journal, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def failing(src: object, dst: object) -> None:
        if Path(str(dst)).name == "journal.db":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(folder_module.os, "replace", failing)
    with pytest.raises(DiskFull):  # errno 28, before anything was swapped
        lead.remove_user(OTHER)
    monkeypatch.undo()
    assert not (journal_dir / "keyring.json.pending").exists()
    lead.families.create("Familien Etterpå")  # the session goes on, on the old key
    lead.lock()
    assert _users(journal_dir)[OTHER]
    Journal.open(journal_dir, OTHER, OTHER_PASS).lock()


def test_an_upgrade_waits_for_the_other_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration changes the schema under every session (an older program's window, say):
    it needs the folder alone, and refuses clearly without changing anything."""
    from samjournal import folder_lock
    from tests.samjournal.test_store import FIXTURES, PASSPHRASE

    target = tmp_path / "journal"
    shutil.copytree(FIXTURES / "schema-0001", target)
    older_window = folder_lock.FolderLock(target)
    older_window.shared()
    monkeypatch.setattr(folder_lock, "WAIT", 0.2)
    with pytest.raises(JournalInUse):
        Journal.open(target, "lead", PASSPHRASE)
    key = JournalFolder(target).keyring().unlock("lead", PASSPHRASE)
    db = Database(target / "journal.db", key, read_only=True)
    assert current_version(db) == 1  # nothing was upgraded under the other window
    db.close()
    older_window.release()
    journal = Journal.open(target, "lead", PASSPHRASE)  # alone now: it upgrades
    assert journal.families.case_list()
    journal.lock()
