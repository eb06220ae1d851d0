"""A full disk and a read-only folder while exporting a bundle and while saving a printout: a
clear DiskFull or ReadOnlyFolder, nothing partial left in the folder, and nothing claimed that
was not written (the export log has no line for the bundle, the audit log no "saved as pdf").

These mount a small tmpfs (and bind mounts), so they need root, as tests/samjournal/test_faults.py;
they are skipped elsewhere rather than faked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from samjournal.errors import DiskFull, ReadOnlyFolder
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.flows.export import ExportFlow, Problem, Refused, Step
from samjournal.journal import Journal
from samjournal.reports import family_copy, save_pdf
from tests.conftest import note_reliability
from tests.samjournal.evaluation.conftest import STUDY, World

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None, reason="mounting a tmpfs needs root"
)
FULL_MESSAGE = "disken er full. Ingenting ble lagret"  # fsutil: the journal is not named
READ_ONLY_MESSAGE = "mappen er skrivebeskyttet, eller du har ikke skrivetilgang"


@contextlib.contextmanager
def tmpfs(mount: Path, size: str) -> Iterator[Path]:
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@contextlib.contextmanager
def read_only(source: Path, view: Path) -> Iterator[Path]:
    """`view` shows `source` read-only (a write-protected USB stick)."""
    view.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk, then free `leave` bytes again (0: completely full)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, b"\0" * 4096):
                pass
    finally:
        os.close(fd)
    if leave:
        filler.write_bytes(b"\0" * max(filler.stat().st_size - leave, 0))
    return filler


def _state(journal: Journal) -> tuple[object, ...]:
    db = journal._require_open().db
    return (
        journal.audit_head(),
        journal.evaluation.export_log(),
        db.scalar("SELECT count(*) FROM evaluation_households"),
        db.scalar("SELECT count(*) FROM evaluation_tombstones"),
    )


def _intact(journal: Journal) -> None:
    assert journal.integrity_problems() == []
    assert journal.verify_audit().ok


@pytest.mark.parametrize("leave", [0, 8 * 1024], ids=["full", "nearly-full"])
def test_export_to_a_full_disk(lead: Journal, world: World, tmp_path: Path, leave: int) -> None:
    with tmpfs(tmp_path / "usb", "256k") as usb:
        filler = fill(usb, leave)
        before = _state(lead)
        note_reliability("faults")
        with pytest.raises(DiskFull, match=FULL_MESSAGE):
            lead.evaluation.export(STUDY, usb)
        assert sorted(p.name for p in usb.iterdir()) == ["filler"]  # nothing partial
        assert _state(lead) == before  # the log does not claim the bundle
        _intact(lead)
        # Space freed: the same export goes through, as bundle 1, and the evaluator takes it.
        filler.unlink()
        result = lead.evaluation.export(STUDY, usb)
        assert result.entry.sequence == 1
        with Workspace.open(world.workspace, "evaluator passordfrase 1") as ws:
            [report] = import_bundles(ws, [result.path], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored"


def test_a_failed_export_takes_away_the_folders_it_made(lead: Journal, tmp_path: Path) -> None:
    """An export to a new folder on a full stick left that folder behind, empty (reliability
    review)."""
    with tmpfs(tmp_path / "usb", "256k") as usb:
        fill(usb, 0)
        (usb / "Eksport").mkdir()
        note_reliability("faults")
        for target in (usb / "SamJournal" / "eksport", usb / "Eksport"):
            with pytest.raises(DiskFull, match=FULL_MESSAGE):
                lead.evaluation.export(STUDY, target)
        assert sorted(p.name for p in usb.rglob("*")) == ["Eksport", "filler"]


def test_the_export_wizard_on_a_full_disk_goes_back_to_the_folder(
    lead: Journal, tmp_path: Path
) -> None:
    """The flow lets a full stick through its checks (a probe file fits), the core refuses the
    bundle, the flow is back at the destination step and nothing is on the stick."""
    with tmpfs(tmp_path / "usb", "256k") as usb:
        fill(usb, 0)
        flow = ExportFlow()
        flow.choose_study(lead, STUDY)
        flow.accept_review()
        flow.choose_destination(usb)
        before = _state(lead)
        note_reliability("faults")
        with pytest.raises(DiskFull, match=FULL_MESSAGE):
            flow.export(lead)
        assert flow.step is Step.DESTINATION
        assert flow.outcome is None
        assert sorted(p.name for p in usb.iterdir()) == ["filler"]
        assert _state(lead) == before
        _intact(lead)


def test_export_to_a_read_only_folder(lead: Journal, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "existing").mkdir(parents=True)
    with read_only(stick, tmp_path / "ro") as view:
        before = _state(lead)
        for target in (view / "existing", view / "new-folder"):  # a folder, or one to make
            note_reliability("faults")
            with pytest.raises(ReadOnlyFolder, match=READ_ONLY_MESSAGE):
                lead.evaluation.export(STUDY, target)
        assert _state(lead) == before
        # The wizard says so before it starts.
        flow = ExportFlow()
        flow.choose_study(lead, STUDY)
        flow.accept_review()
        with pytest.raises(Refused) as refused:
            flow.choose_destination(view / "existing")
        assert refused.value.problem is Problem.NOT_WRITABLE
    assert [p.name for p in stick.rglob("*")] == ["existing"]
    _intact(lead)


@pytest.fixture
def pdf(lead: Journal, world: World) -> bytes:
    return family_copy(lead, world.families[0])


@pytest.mark.parametrize("leave", [0, 8 * 1024], ids=["full", "nearly-full"])
def test_printing_to_a_full_disk(lead: Journal, world: World, pdf: bytes, tmp_path: Path,
                                 leave: int) -> None:  # fmt: skip
    assert len(pdf) > 2 * leave  # so it cannot fit
    with tmpfs(tmp_path / "disk", "256k") as disk:
        filler = fill(disk, leave)
        head = lead.audit_head()
        note_reliability("faults")
        with pytest.raises(DiskFull, match=FULL_MESSAGE):
            save_pdf(pdf, disk / "familiens-kopi.pdf", journal=lead, document="family_copy",
                     family_id=world.families[0])  # fmt: skip
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]
        assert lead.audit_head() == head  # no "saved as pdf" for a file that is not there
        filler.unlink()
        saved = save_pdf(pdf, disk / "familiens-kopi.pdf", journal=lead, document="family_copy")
        assert saved.read_bytes() == pdf
        assert lead.audit_head() != head
    _intact(lead)


def test_printing_to_a_read_only_folder(lead: Journal, pdf: bytes, tmp_path: Path) -> None:
    folder = tmp_path / "Dokumenter"
    folder.mkdir()
    (folder / "old.pdf").write_bytes(b"%PDF- an older printout")
    with read_only(folder, tmp_path / "ro") as view:
        head = lead.audit_head()
        for name in ("new.pdf", "old.pdf"):  # a new file, and replacing one
            note_reliability("faults")
            with pytest.raises(ReadOnlyFolder, match=READ_ONLY_MESSAGE):
                save_pdf(pdf, view / name, journal=lead, document="family_copy")
        assert lead.audit_head() == head
    assert sorted(p.name for p in folder.iterdir()) == ["old.pdf"]
    assert (folder / "old.pdf").read_bytes() == b"%PDF- an older printout"
    _intact(lead)
