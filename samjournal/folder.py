"""A journal on disk: one folder holding `journal.db` (SQLCipher) beside `keyring.json`.

This module turns a passphrase into an open database: it throttles repeated failures, tells a
wrong passphrase apart from a damaged file, and finishes (or rolls back) a rekey that a crash
interrupted between swapping the database and swapping the keyring.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from samjournal.errors import (
    DiskFull,
    ForeignKeyring,
    JournalDamaged,
    JournalNotFound,
    SamJournalError,
    StorageFailed,
    UnlockThrottled,
    WrongPassphrase,
)
from samjournal.folder_lock import keyring_change
from samjournal.fsutil import atomic_write, fsync_dir, storage_error, temp_path
from samjournal.keyring import FailureCheck, Keyring, unlock_delay
from samjournal.mark import MARK_NAME, names_journal
from samjournal.messages import keyed
from samjournal.store import Database, integrity_problems

DB_NAME = "journal.db"
KEYRING_NAME = "keyring.json"
PENDING_NAME = "keyring.json.pending"
# What a killed restore, rekey, backup or export leaves in the folder: never a whole file.
LEFTOVERS = (".*.partial", ".*.partial-journal", ".*.partial-wal", ".*.partial-shm")
SPACE_MARGIN = 256 * 1024  # beyond the copy: its -wal while the change is made, the keyring


@dataclass(frozen=True, slots=True)
class Unlocked:
    """What a successful unlock hands over: the key and the failures it has to report."""

    data_key: bytes
    failed_attempts: tuple[str, ...]
    failures: FailureCheck


class JournalFolder:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.db_path = self.path / DB_NAME
        self.keyring_path = self.path / KEYRING_NAME
        self.pending_path = self.path / PENDING_NAME

    def exists(self) -> bool:
        return self.db_path.exists() or self.keyring_path.exists()

    def require(self) -> None:
        if not self.path.is_dir():
            raise keyed(JournalNotFound, "no_journal")
        if not self.db_path.exists():
            if self.keyring_path.exists():
                raise keyed(JournalDamaged, "db_missing")
            raise keyed(JournalNotFound, "no_journal")
        # Said before SQLite touches it: opened, an empty file became a new database with a
        # salt of its own, and every later unlock blamed the keyring (reliability review).
        with contextlib.suppress(OSError):
            if self.db_path.stat().st_size == 0:
                raise keyed(JournalDamaged, "db_empty")

    def require_belongs(self, ring: Keyring) -> None:
        """The keyring is for this folder's journal.db. When they differ but the journal's mark
        names the keyring's journal, it is the database that changed: a damaged salt said
        "keyring.json belongs to another journal" (reliability review)."""
        if ring.belongs_to(self.db_path):
            return
        if names_journal(self.path / MARK_NAME, ring.journal_id):
            raise keyed(JournalDamaged, "db_unreadable")
        raise keyed(ForeignKeyring, "foreign_keyring")

    def keyring(self) -> Keyring:
        self.require()
        return Keyring.load(self.keyring_path)

    def usernames(self) -> list[str]:
        return self.keyring().usernames

    # -- unlocking --------------------------------------------------------------------------

    def remove_leftovers(self) -> None:
        """Remove what a killed operation left behind. Only while holding the folder alone."""
        for pattern in LEFTOVERS:
            for leftover in self.path.glob(pattern):
                if leftover.is_dir():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        leftover.unlink()

    def unlock(
        self,
        username: str,
        passphrase: str,
        *,
        now: dt.datetime | None = None,
        alone: bool = True,
    ) -> Unlocked:
        """`alone`: this session holds the folder exclusively, so it may settle what a crash
        left half-done; otherwise another session already did when it opened."""
        self.require()
        now = now or dt.datetime.now(dt.UTC)
        ring = self._settle_pending(username, passphrase) if alone else self.keyring()
        if not self.pending_path.exists():  # a half-done swap is not another journal
            self.require_belongs(ring)
        slot = ring.slot_for(username)
        if slot.failures.count:
            last = dt.datetime.fromisoformat(slot.failures.times[-1])
            wait = unlock_delay(slot.failures.count) - (now - last).total_seconds()
            if wait > 0:
                raise UnlockThrottled(wait)
        try:
            key = ring.unlock(username, passphrase)
        except WrongPassphrase:
            when = now.isoformat(timespec="seconds")
            # A read-only folder cannot count.
            with contextlib.suppress(SamJournalError, OSError), keyring_change(self.path):
                self.keyring().with_failure(username, when).save(self.keyring_path)
            raise
        return Unlocked(key, slot.failures.times, ring.check_failures(username, key))

    def seal_failures(self, username: str, data_key: bytes, seen: int) -> None:
        """After the first `seen` failures were reported: seal the count, drop their times."""
        with keyring_change(self.path):
            ring = self.keyring()
            sealed = ring.sealed_failures(username, data_key, seen)
            if sealed.slot_for(username).failures != ring.slot_for(username).failures:
                sealed.save(self.keyring_path)

    def bind_keyring(self) -> None:
        """Record journal.db's salt in a keyring written before keyrings carried it."""
        with keyring_change(self.path):
            ring = self.keyring()
            if ring.db_salt is None:
                ring.bound_to(self.db_path).save(self.keyring_path)

    def _settle_pending(self, username: str, passphrase: str) -> Keyring:
        """After a crash mid-rekey: keep whichever keyring opens the database, drop the other."""
        ring = self.keyring()
        if not self.pending_path.exists():
            return ring
        try:
            pending = Keyring.load(self.pending_path)
        except SamJournalError:
            self.pending_path.unlink()
            return ring
        for candidate, is_pending in ((ring, False), (pending, True)):
            try:
                key = candidate.unlock(username, passphrase)
            except SamJournalError:
                continue
            if self.opens_with(key):
                if is_pending:  # it opens the database: bound to it, it is the keyring now
                    candidate = candidate.bound_to(self.db_path)
                    candidate.save(self.keyring_path)
                self.pending_path.unlink()
                fsync_dir(self.path)
                return candidate
        return ring

    def opens_with(self, key: bytes) -> bool:
        try:
            Database(self.db_path, key, read_only=True).close()
        except JournalDamaged:
            return False
        return True

    # -- rekeying ---------------------------------------------------------------------------

    def require_space_for_copy(self) -> None:
        """A rekey writes one whole copy of the database before it swaps: refuse up front."""
        size = sum(
            p.stat().st_size for p in (self.db_path, self.path / (DB_NAME + "-wal")) if p.exists()
        )
        needed = size + size // 10 + SPACE_MARGIN
        if shutil.disk_usage(self.path).free < needed:
            raise keyed(DiskFull, "rekey_no_space", mb=needed // (1024 * 1024) + 1)

    def rekeyed_copy(
        self, db: Database, new_key: bytes, change: Callable[[Database], None] | None = None
    ) -> Path:
        """A verified copy of `db` under `new_key`, with `change` made in it (in one
        transaction), ready for `swap_in`; `discard` it either way afterwards."""
        self.require_space_for_copy()
        scratch = self.scratch()
        try:
            events = int(db.scalar("SELECT count(*) FROM audit"))
            db.export_to(scratch, new_key)
            if change is not None:
                copy = Database(scratch, new_key)
                try:
                    with copy.transaction():
                        change(copy)
                    copy.checkpoint()  # everything in the file itself before it is moved
                    events = int(copy.scalar("SELECT count(*) FROM audit"))
                finally:
                    copy.close()
            verify_copy(scratch, new_key, events)
        except BaseException:
            self.discard(scratch)
            raise
        return scratch

    @staticmethod
    def discard(scratch: Path) -> None:
        for leftover in (scratch, *(Path(f"{scratch}{s}") for s in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)

    def swap_in(self, new_db: Path, new_ring: Keyring) -> None:
        """Make `new_db` and `new_ring` the journal. Every connection must be closed, and the
        folder held exclusively.

        Order: the new keyring lands as `.pending`, then the database is swapped, then the
        keyring. A crash at any point leaves a pair that `_settle_pending` resolves.
        """
        atomic_write(self.pending_path, new_ring.bound_to(new_db).to_bytes())
        swapped = False
        try:
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    (self.path / (DB_NAME + suffix)).unlink()
            os.replace(new_db, self.db_path)
            swapped = True
            fsync_dir(self.path)
            os.replace(self.pending_path, self.keyring_path)
            fsync_dir(self.path)
        except OSError as exc:
            if not swapped:  # the journal is as it was: say so, and drop the pending keyring
                with contextlib.suppress(OSError):
                    self.pending_path.unlink()
                raise storage_error(exc) from exc
            raise keyed(StorageFailed, "rekey_interrupted", problem=type(exc).__name__) from exc

    def scratch(self) -> Path:
        return temp_path(self.db_path)


def verify_copy(path: Path, key: bytes, expected_events: int) -> None:
    """A copy must open, pass both integrity checks and hold the whole audit log."""
    db = Database(path, key, read_only=True)
    try:
        problems = integrity_problems(db)
        events = int(db.scalar("SELECT count(*) FROM audit"))
    finally:
        db.close()
    if problems or events != expected_events:
        raise keyed(JournalDamaged, "copy_unverified")
