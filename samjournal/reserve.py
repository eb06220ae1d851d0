"""Room kept for a full disk: `journal.reserve`, a file of random bytes beside journal.db.

A journal on a full disk could not even be opened: SQLite needs room for its `-shm` (32 KiB) and
`-wal` before it reads a page, and every unlock, case opened and print is audited, which writes.
So each journal keeps a reserve, made at an open while there is room. When the disk is full (less
free than the reserve), the session gives the reserve back to the disk and runs in *rescue
mode*: opening, reading, searching, printing and backups to another disk work, and their audit
events go into the audit log as always, committed before the read returns (the -wal is
checkpointed after each, so it stays small); changes are refused with DiskFull. Once there is
room again, the next change makes a new reserve and goes ahead.

Why not hold read events in memory until a write works: a crash, or a lock on a still-full disk,
would lose them, and a read would go unaudited for good. Here a read whose event cannot be
committed (the reserve used up too) is refused instead. Random bytes, so a compressing or
deduplicating file system really sets the space aside.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from samjournal.fsutil import create_private, fsync_dir, temp_path

RESERVE_NAME = "journal.reserve"
RESERVE_BYTES = 512 * 1024  # more than the -wal holds before a checkpoint (store/db.py)


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def disk_full(folder: Path) -> bool:
    return free_bytes(folder) < RESERVE_BYTES


def ensure(folder: Path) -> bool:
    """Make the reserve if it is missing and the disk has room for it and as much again."""
    target = folder / RESERVE_NAME
    if target.exists():
        return True
    if free_bytes(folder) < 2 * RESERVE_BYTES:
        return False
    tmp = temp_path(target)
    try:
        with create_private(tmp) as fh:
            fh.write(os.urandom(RESERVE_BYTES))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(folder)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True


def release(folder: Path) -> bool:
    """Give the reserve back to the disk; whether there was one."""
    try:
        (folder / RESERVE_NAME).unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True
