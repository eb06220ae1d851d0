"""A full disk still lets you read and rescue: opening, reading, searching, printing, `check`
and a backup to another disk work; changes fail clearly (DiskFull) and lose nothing; freeing
space brings them back. Every read on the full disk is audited (see samjournal/reserve.py)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from samjournal.backup import restore
from samjournal.cli.commands import EXIT_OK, main
from samjournal.errors import DiskFull
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.model import MeetingKind
from samjournal.reserve import RESERVE_BYTES, RESERVE_NAME
from tests.conftest import LEAD, LEAD_PASS, Template, note_reliability
from tests.disks import fill, small_disk


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", 4096) as mounted:
        yield mounted


@pytest.fixture
def full(disk: Path, template: Template) -> tuple[Path, Path]:
    """A journal opened once (so it has its reserve), then its disk filled to the last byte."""
    folder = disk / "journal"
    shutil.copytree(template.path, folder)
    Journal.open(folder, LEAD, LEAD_PASS).lock()
    assert (folder / RESERVE_NAME).exists()
    return folder, fill(disk)


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)


def _meeting(journal: Journal, family: int, i: int) -> str:
    note = f"notat{i:05d} " + os.urandom(1500).hex()  # incompressible
    held = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC) + dt.timedelta(hours=i)
    journal.meetings.record(family, held, MeetingKind.OFFICE, family_words=note)
    return note.split()[0]


def test_the_cli_reads_checks_prints_and_backs_up_on_a_full_disk(
    full: tuple[Path, Path], template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = full
    note_reliability("faults")
    for command in (["info"], ["list"], ["search", "Hassan"], ["check"]):
        assert main([command[0], str(folder), *command[1:]]) == EXIT_OK, capsys.readouterr().err
    assert main(["audit", "verify", str(folder)]) == EXIT_OK
    assert "Familien Hassan" in capsys.readouterr().out
    backup = tmp_path / "elsewhere" / "kopi.sjbak"
    backup.parent.mkdir()
    assert main(["backup", str(folder), str(backup)]) == EXIT_OK, capsys.readouterr().err
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    case = journal.families.open(template.worker_family).family.case_number
    journal.lock()
    pdf = tmp_path / "elsewhere" / "sak.pdf"
    assert main(["report", "summary", str(folder), "--case", case, "--out", str(pdf)]) == EXIT_OK
    assert pdf.read_bytes().startswith(b"%PDF")
    # Every one of those reads is in the audit log, and the backup is whole.
    restored = tmp_path / "restored"
    restore(backup, restored, LEAD, LEAD_PASS)
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    actions = [e.action for e in journal.audit_events(limit=None)]
    assert actions.count("unlock") >= 8
    assert {"backup", "export", "view"} <= set(actions)  # the summary made, then saved
    assert journal.integrity_problems() == []
    journal.lock()


def test_changes_fail_clearly_and_come_back_when_space_is_freed(
    full: tuple[Path, Path], template: Template
) -> None:
    folder, filler = full
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    before = len(journal.families.open(template.worker_family).meetings)
    note_reliability("faults")
    with pytest.raises(DiskFull) as caught:
        _meeting(journal, template.worker_family, 0)
    assert describe(caught.value, "en").startswith("Saving failed: the disk is full")
    with pytest.raises(DiskFull):
        journal.families.create("Familien Venter")
    assert len(journal.families.open(template.worker_family).meetings) == before
    filler.unlink()  # space is freed: the next change goes ahead and a new reserve is made
    saved = _meeting(journal, template.worker_family, 1)
    assert (folder / RESERVE_NAME).exists()
    journal.lock()
    reopened = Journal.open(folder, LEAD, LEAD_PASS)
    notes = [m.family_words.split()[0] for m in reopened.families.open(1).meetings]
    assert saved in notes
    assert len(notes) == before + 1
    reopened.lock()


def test_a_disk_that_fills_during_a_session_keeps_reads_and_every_save(
    disk: Path, template: Template
) -> None:
    folder = disk / "journal"
    shutil.copytree(template.path, folder)
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    family = template.worker_family
    saved: list[str] = []
    note_reliability("faults")
    with pytest.raises(DiskFull):
        for i in range(10_000):
            saved.append(_meeting(journal, family, i))
    assert len(saved) > 20
    # Reads go on, audited, in the room the reserve gave back.
    for _ in range(100):
        assert len(journal.families.open(family).meetings) == len(saved)
    journal.lock()
    reopened = Journal.open(folder, LEAD, LEAD_PASS)
    notes = {m.family_words.split()[0] for m in reopened.families.open(family).meetings}
    views = [e for e in reopened.audit_events(family) if e.action == "view"]
    note_reliability("acknowledged", len(saved))
    note_reliability("lost", len(set(saved) - notes))
    assert notes == set(saved)
    assert len(views) >= 101
    assert reopened.integrity_problems() == []
    reopened.lock()


def test_a_journal_without_a_reserve_on_a_full_disk_says_so(disk: Path, template: Template) -> None:
    folder = disk / "journal"
    shutil.copytree(template.path, folder)
    (folder / RESERVE_NAME).unlink(missing_ok=True)
    fill(disk)
    note_reliability("faults")
    with pytest.raises(DiskFull, match="reserve er brukt opp"):
        Journal.open(folder, LEAD, LEAD_PASS)


def test_a_backup_to_another_disk_works_with_a_little_room_left(
    template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not full, but without room for a copy of the database: the copy went beside the journal
    all the same, and the backup to a USB stick failed "the disk is full" (reliability review,
    2026-12-07: 100 KB, 1 MB and 3 MB free, a 4.7 MB journal)."""
    with small_disk(tmp_path / "disk", 16384) as disk:
        folder = disk / "journal"
        shutil.copytree(template.path, folder)
        journal = Journal.open(folder, LEAD, LEAD_PASS)
        for i in range(100):  # notes, their search index and log: past the room left below
            _meeting(journal, template.worker_family, i)
        journal.lock()
        filler = fill(disk)
        size = (folder / "journal.db").stat().st_size
        room = RESERVE_BYTES * 2 + 64 * 1024
        os.truncate(filler, max(0, filler.stat().st_size - room))
        assert room <= shutil.disk_usage(folder).free < size
        backup = tmp_path / "usb" / "kopi.sjbak"
        backup.parent.mkdir()
        assert main(["backup", str(folder), str(backup)]) == EXIT_OK, capsys.readouterr().err
    restore(backup, tmp_path / "restored", LEAD, LEAD_PASS)
    restored = Journal.open(tmp_path / "restored", LEAD, LEAD_PASS)
    assert restored.integrity_problems() == []
    restored.lock()
