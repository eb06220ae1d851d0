"""One owner for file-replacing work: an OS advisory lock on the journal folder.

Every open session holds `.samjournal.lock` shared for as long as it is unlocked. Whatever
replaces `journal.db` or `keyring.json` (a rekey, a restore, a migration) holds it exclusively, so
it never pulls a file from under a session that is still writing into it. Read-modify-writes of
`keyring.json` (adding a slot, a new passphrase, counting a failed unlock) are short and also
serialised, on `.keyring.lock`, so two of them never drop each other's slot.

portalocker gives shared and exclusive locks on Windows (LockFileEx), macOS and Linux (flock).
flock locks belong to one open file, so two sessions in one process exclude each other too:
the same as two windows.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import portalocker

from samjournal.errors import JournalBusy, JournalInUse
from samjournal.fsutil import FILE_MODE
from samjournal.messages import keyed

LOCK_NAME = ".samjournal.lock"
WAITING_NAME = ".samjournal.waiting"  # touched while an exclusive operation waits: windows say so
WAITING_FRESH = 3.0  # seconds a touch counts; a killed waiter's marker goes stale by itself
KEYRING_LOCK_NAME = ".keyring.lock"
WAIT = 10.0  # seconds an exclusive operation waits for the other sessions to close
OPEN_WAIT = 30.0  # seconds an unlock waits for a restore or rekey elsewhere to finish
_POLL = 0.05
LOCK_FILES = frozenset({LOCK_NAME, KEYRING_LOCK_NAME, WAITING_NAME})  # never journal content


def _open(path: Path) -> IO[bytes] | None:
    """The lock file; None where it can neither be created nor read (a read-only folder or a
    full disk without one: nothing there can replace the journal's files either)."""
    try:
        return os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE), "r+b")
    except OSError:
        pass
    try:
        return os.fdopen(os.open(path, os.O_RDONLY), "rb")
    except OSError:
        return None


def _acquire(
    fh: IO[bytes] | None, flags: portalocker.LockFlags, wait: float, waiting: Path | None = None
) -> bool:
    """Try until `wait` seconds have passed; True once the lock is held. `waiting` is touched
    about once a second while it waits."""
    if fh is None:
        return True
    deadline = time.monotonic() + wait
    touched = 0.0
    while True:
        try:
            portalocker.lock(fh, flags | portalocker.LockFlags.NON_BLOCKING)
            return True
        except portalocker.exceptions.LockException:
            now = time.monotonic()
            if now >= deadline:
                return False
            if waiting is not None and now - touched >= 1.0:
                with contextlib.suppress(OSError):
                    waiting.touch(mode=FILE_MODE)
                touched = now
            time.sleep(_POLL)


def someone_waiting(folder: Path) -> bool:
    """Whether an operation elsewhere is waiting for this folder's sessions to close."""
    try:
        age = time.time() - (Path(folder) / WAITING_NAME).stat().st_mtime
    except OSError:
        return False
    return age < WAITING_FRESH


class FolderLock:
    """This session's hold on one journal folder: shared, exclusive, or none."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._waiting = Path(folder) / WAITING_NAME
        self._fh: IO[bytes] | None = None
        self.mode = ""  # "", "shared" or "exclusive"
        self.waiting = False  # this session is the one waiting

    def _file(self) -> IO[bytes] | None:
        if self._fh is None:
            self._fh = _open(self.path)
        return self._fh

    def _unlock(self) -> None:
        if self._fh is not None and self.mode:
            with contextlib.suppress(portalocker.exceptions.LockException, OSError):
                portalocker.unlock(self._fh)
        self.mode = ""

    def shared(self, wait: float = OPEN_WAIT) -> None:
        """Hold the folder as an open session; JournalBusy while a replacement runs."""
        self._unlock()
        if not _acquire(self._file(), portalocker.LockFlags.SHARED, wait):
            raise keyed(JournalBusy, "busy_exclusive")
        self.mode = "shared"

    def try_exclusive(self) -> bool:
        """Exclusive at once if nobody else holds the folder (to tidy up after a crash)."""
        self._unlock()
        if _acquire(self._file(), portalocker.LockFlags.EXCLUSIVE, 0.0):
            self.mode = "exclusive"
            return True
        return False

    @contextlib.contextmanager
    def exclusive(self, wait: float | None = None) -> Iterator[None]:
        """Own the folder alone for the block; JournalInUse if another session stays open.

        Our own shared hold is given up first (locks do not upgrade in place on every system),
        and taken again afterwards, so the session goes on as before. `wait` defaults to WAIT."""
        wait = WAIT if wait is None else wait
        was = self.mode
        self._unlock()
        self.waiting = True
        try:
            got = _acquire(self._file(), portalocker.LockFlags.EXCLUSIVE, wait, self._waiting)
        finally:
            self.waiting = False
            with contextlib.suppress(OSError):
                self._waiting.unlink()
        if not got:
            if was:
                self.shared()
            raise keyed(JournalInUse, "in_use")
        self.mode = "exclusive"
        try:
            yield
        finally:
            if was:
                self.shared()
            else:
                self._unlock()

    def release(self) -> None:
        self._unlock()
        if self._fh is not None:
            self._fh.close()
            self._fh = None


@contextlib.contextmanager
def keyring_change(folder: Path, wait: float = WAIT) -> Iterator[None]:
    """Serialise one read-modify-write of keyring.json across processes."""
    fh = _open(Path(folder) / KEYRING_LOCK_NAME)
    try:
        if not _acquire(fh, portalocker.LockFlags.EXCLUSIVE, wait):
            raise keyed(JournalBusy, "busy_exclusive")
        yield
    finally:
        if fh is not None:
            fh.close()  # closing the file releases its lock
