"""A full disk and a read-only folder: clear errors, and nothing already saved is lost.

These mount a small tmpfs (tests/disks.py), so they need root (as CI and the developer machines
have); they are skipped elsewhere, saying so, rather than faked.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from samjournal import messages
from samjournal.errors import DiskFull, ReadOnlyFolder, StorageError, StorageFailed
from samjournal.fsutil import storage_error
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.model import MeetingKind
from samjournal.store.db import convert_error
from tests import disks
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

READ_ONLY = messages.text("read_only", {}, "nb")


def sqlite_error(message: str) -> Exception:
    """The error SQLite itself raises, as the store sees it."""
    return dbapi2.OperationalError(message)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with disks.small_disk(tmp_path / "disk", 4096) as mounted:
        yield mounted


def _fill(journal: Journal, family: int) -> list[str]:
    """Record meetings until the disk is full; return the notes that were acknowledged."""
    note_reliability("faults")
    saved = []
    held = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    with pytest.raises(DiskFull, match="disken er full"):
        for i in range(10_000):
            note = f"notat{i:05d} " + os.urandom(3000).hex()  # incompressible, ~6 KB
            journal.meetings.record(
                family, held + dt.timedelta(hours=i), MeetingKind.OFFICE, family_words=note
            )
            saved.append(note.split()[0])
    return saved


def test_disk_full_while_saving_loses_nothing_saved(small_disk: Path, template: Template) -> None:
    folder = small_disk / "journal"
    shutil.copytree(template.path, folder)
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    saved = _fill(journal, template.worker_family)
    assert len(saved) > 5
    # The session goes on: reads work, and a save after space is freed works again.
    assert len(journal.families.open(template.worker_family, audit=False).meetings) == len(saved)
    journal.lock()
    reopened = Journal.open(folder, LEAD, LEAD_PASS)
    notes = {
        m.family_words.split()[0] for m in reopened.families.open(template.worker_family).meetings
    }
    note_reliability("acknowledged", len(saved))
    note_reliability("lost", len(set(saved) - notes))
    assert notes == set(saved)
    assert reopened.integrity_problems() == []


def test_backup_to_a_full_disk_leaves_no_partial_file(small_disk: Path, journal_dir: Path) -> None:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    disks.fill(small_disk)
    note_reliability("faults")
    with pytest.raises(DiskFull):
        journal.backup(small_disk / "kopi.sjbak")
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
    assert journal.integrity_problems() == []


@pytest.mark.skipif(os.geteuid() != 0, reason="a read-only bind mount needs root (as CI has)")
def test_read_only_folder_is_told_clearly(tmp_path: Path, template: Template) -> None:
    source = tmp_path / "rw"
    shutil.copytree(template.path, source / "journal")
    view = tmp_path / "ro"
    view.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        before = {p.name: p.read_bytes() for p in (source / "journal").iterdir()}
        note_reliability("faults")
        with pytest.raises(ReadOnlyFolder) as refused:
            Journal.open(view / "journal", LEAD, LEAD_PASS)
        assert str(refused.value) == READ_ONLY  # not "the disk is full": there is room
        after = {p.name: p.read_bytes() for p in (source / "journal").iterdir()}
        assert after == before
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def test_removal_on_a_disk_without_room_for_a_copy_changes_nothing(
    small_disk: Path, template: Template
) -> None:
    """Issue 10 row 3: the removal was committed, the rekey failed for want of space, and from
    then on nobody could open the journal. Now nothing changes, and everyone still gets in."""
    folder = small_disk / "journal"
    shutil.copytree(template.path, folder)
    size = (folder / "journal.db").stat().st_size
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(0, free - size // 2))  # half a copy's room
    lead = Journal.open(folder, LEAD, LEAD_PASS)
    note_reliability("faults")
    # Refused up front: too little room for the copy, or (here, with the reserve given back to
    # the audit of reads) a disk too full for any change.
    with pytest.raises(DiskFull, match=r"(?i)ingenting (ble endret|som er lagret er tapt)"):
        lead.remove_user(OTHER)
    lead.lock()
    for user, passphrase in ((LEAD, LEAD_PASS), (WORKER, WORKER_PASS), (OTHER, OTHER_PASS)):
        Journal.open(folder, user, passphrase).lock()
    (small_disk / "filler").unlink()  # room again: the removal goes through
    lead = Journal.open(folder, LEAD, LEAD_PASS)
    lead.remove_user(OTHER)
    lead.lock()
    assert OTHER not in Journal.usernames(folder)


@pytest.mark.parametrize(
    ("code", "kind", "message"),
    [
        (errno.EROFS, ReadOnlyFolder, READ_ONLY),
        (errno.EACCES, ReadOnlyFolder, READ_ONLY),
        (errno.ENOSPC, DiskFull, messages.text("no_space", {}, "nb")),
    ],
)
def test_a_read_only_folder_is_not_called_full(code: int, kind: type, message: str) -> None:
    error = storage_error(OSError(code, os.strerror(code)))
    assert type(error) is kind
    assert str(error) == message
    assert isinstance(error, StorageError)  # whoever handles any storage error still does


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), DiskFull),
        (OSError(errno.EDQUOT, os.strerror(errno.EDQUOT)), DiskFull),
        (OSError(errno.EROFS, os.strerror(errno.EROFS)), ReadOnlyFolder),
        (OSError(errno.EACCES, os.strerror(errno.EACCES)), ReadOnlyFolder),
        (OSError(errno.EIO, os.strerror(errno.EIO)), StorageFailed),
        (OSError(errno.ENXIO, os.strerror(errno.ENXIO)), StorageFailed),  # a share gone
        (sqlite_error("database or disk is full"), DiskFull),
        (sqlite_error("attempt to write a readonly database"), ReadOnlyFolder),
    ],
    ids=["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EIO", "ENXIO", "sqlite-full", "sqlite-readonly"],
)
def test_each_storage_failure_of_the_database_has_its_own_kind(
    error: Exception, kind: type[StorageError], tmp_path: Path
) -> None:
    """Only a full disk is called full, only a read-only folder read-only; any other failure
    of the disk or folder says so, in both languages, and is still a StorageError."""
    converted = convert_error(error, tmp_path / "journal.db")
    assert type(converted) is kind
    assert isinstance(converted, StorageError)
    assert str(converted) == messages.text(kind.key, {}, "nb")
    assert describe(converted, "en") == messages.text(kind.key, {}, "en") != str(converted)
