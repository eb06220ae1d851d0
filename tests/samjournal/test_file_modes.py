"""Owner-only at rest: every file and folder the program makes is 0600 / 0700 on POSIX, under a
umask that would leave a plain `open()` at 0644, and journals and workspaces made wider (an
older version, a copy) are tightened when they are opened."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from samjournal import reports
from samjournal.account_mark import ENV as ACCOUNT_MARKS
from samjournal.backup import restore
from samjournal.errors import WrongPassphrase
from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import Role
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    STUDY,
    WORKER,
    WORKER_PASS,
    WS_PASS,
    consent,
    populate,
    register,
)
from tests.study import make_workspace

pytestmark = pytest.mark.skipif(
    os.name == "nt", reason="POSIX modes; on Windows the per-user profile folders keep others out"
)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def too_wide(*roots: Path) -> list[str]:
    """Everything under `roots` (themselves included) that group or others may reach."""
    found = []
    for root in roots:
        paths = [root] + [Path(p, n) for p, ds, fs in os.walk(root) for n in (*ds, *fs)]
        for path in paths:
            mode = stat.S_IMODE(path.lstat().st_mode)
            if mode & 0o077:
                found.append(f"{path.relative_to(root.parent)} {mode:o}")
    return sorted(found)


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_every_file_the_program_makes_is_owner_only(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws_path, journal_path = tmp_path / "workspace", tmp_path / "journal"
    state = tmp_path / "state"  # the account's marks (account_mark.py), made by the program
    monkeypatch.setenv(ACCOUNT_MARKS, str(state))
    make_workspace(ws_path)
    lead = Journal.create(
        journal_path, username=LEAD, display_name="Lise Leder", passphrase=LEAD_PASS, cost=TEST_COST
    ).journal
    lead.add_user(WORKER, "Kari Nilsen", Role.CASEWORKER, WORKER_PASS)
    lead.evaluation.import_study(ws_path / "study.json")
    register(ws_path, lead)
    world = populate(lead, families=7, seed=3, secrets=[])
    for family in world.families:
        consent(lead, world, family)
    # While the journal is open: its -wal and -shm beside the database.
    assert {"journal.db-wal", "journal.db-shm", "journal.reserve"} <= names(journal_path)
    assert too_wide(journal_path) == []

    usb = tmp_path / "usb"
    bundle = lead.evaluation.export(STUDY, usb).path
    lead.evaluation.write_public_key(tmp_path / "journal.pub")
    with Workspace.open(ws_path, WS_PASS) as ws:
        [report] = import_bundles(ws, [bundle])
        assert report.status == "stored"
        write_datapackage(ws, tmp_path / "package")
        ws.export_identity(tmp_path / "identity.txt")
    assert report.receipt is not None
    lead.evaluation.import_receipt(report.receipt)
    backup = lead.backup(tmp_path / "journal.samjournal-backup")
    pdf = reports.family_copy(lead, world.families[0])
    saved = reports.save_pdf(pdf, tmp_path / "kopi.pdf", journal=lead, document="family_copy")
    lead.lock()
    with pytest.raises(WrongPassphrase):  # a failure rewrites keyring.json
        Journal.open(journal_path, WORKER, "feil passordfrase her")
    Journal.open(journal_path, WORKER, WORKER_PASS).lock()
    restore(backup, tmp_path / "restored", LEAD, LEAD_PASS)
    Journal.open(tmp_path / "restored", LEAD, LEAD_PASS).lock()

    journal_files = {"journal.db", "keyring.json", "journal.mark", "journal.reserve"}
    assert journal_files | {".samjournal.lock", ".keyring.lock"} <= names(journal_path)
    assert journal_files <= names(tmp_path / "restored")
    assert {"dataset.db", "keyring.json", "study.json", "receipts"} <= names(ws_path)
    assert list((ws_path / "receipts").iterdir())
    assert (tmp_path / "package" / "datapackage.json").exists()
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(list(state.iterdir())) == 2  # the journal and its restored copy: a mark each
    made = [tmp_path / n for n in ("journal", "workspace", "usb", "package", "restored", "state")]
    files = [backup, saved, bundle, tmp_path / "journal.pub", tmp_path / "identity.txt"]
    assert too_wide(*made, *kept, *files) == []


def widen(folder: Path) -> None:
    os.chmod(folder, 0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(Path(parent, name), 0o755)
        for name in files:
            os.chmod(Path(parent, name), 0o644)


def test_the_folders_made_for_a_new_journal_are_owner_only(tmp_path: Path, umask_022: None) -> None:
    """The data folder a first journal is made in did not exist: it was made 0755 (mkdir's
    parents ignore its mode), and listed the journals in it to every account on the laptop."""
    home = tmp_path / "home"  # there before: left as it was
    home.mkdir(mode=0o755)
    data = home / "data"
    Journal.create(
        data / "SamJournal" / "journal",
        username=LEAD,
        display_name="Lise",
        passphrase=LEAD_PASS,
        cost=TEST_COST,
    ).journal.lock()
    assert too_wide(data) == []
    assert stat.S_IMODE(home.stat().st_mode) == 0o755


def test_a_journal_made_wider_is_tightened_when_opened(journal_dir: Path) -> None:
    widen(journal_dir)
    assert too_wide(journal_dir)
    Journal.open(journal_dir, WORKER, WORKER_PASS).lock()
    assert too_wide(journal_dir) == []


def test_a_workspace_made_wider_is_tightened_when_opened(tmp_path: Path) -> None:
    ws_path = tmp_path / "workspace"
    make_workspace(ws_path)
    widen(ws_path)
    assert too_wide(ws_path)
    Workspace.open(ws_path, WS_PASS).close()
    assert too_wide(ws_path) == []


def test_a_journal_opens_where_modes_cannot_be_changed(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A share or another owner's copy: chmod fails, and the journal opens all the same."""
    widen(journal_dir)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("not the owner")

    monkeypatch.setattr(os, "chmod", refuse)
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    assert journal.user.username == WORKER
    journal.lock()


def test_a_restore_keeps_the_replaced_journal_owner_only(
    journal_dir: Path, tmp_path: Path, umask_022: None
) -> None:
    """The journal a restore replaces is kept beside it (hard links to its files): made by an
    older version, those files were wider; the kept copy is not."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup = lead.backup(tmp_path / "backup.zip")
    lead.lock()
    widen(journal_dir)
    kept = restore(backup, journal_dir, LEAD, LEAD_PASS).kept
    assert kept is not None
    assert too_wide(kept) == []
    assert too_wide(journal_dir) == []
