"""The evaluator workspace's backup: dataset.db is the only home of the study's age identity and
receipt key, so a damaged store lost every bundle and every bundle to come (outside review).
`evaluator backup` writes an encrypted copy, `evaluator restore` makes a workspace of it, and a
damaged store says so in the evaluator's words, naming the restore."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from samjournal.backup import read_manifest
from samjournal.cli import evaluation as evaluation_cli
from samjournal.errors import (
    BackupInvalid,
    JournalDamaged,
    JournalExists,
    ValidationError,
    WorkspaceDamaged,
    WrongPassphrase,
)
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.evaluator import backup as backup_module
from samjournal.evaluation.evaluator.backup import FORMAT, restore, write_backup
from samjournal.evaluation.profile import StudyProfile
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.messages import keyed
from tests.samjournal.evaluation.conftest import (
    LEAD_PASS,
    SETTLED,
    STUDY,
    WS_PASS,
    World,
    dataset,
)
from tests.samjournal.evaluation.test_cli import Run, cli_caller


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_caller(monkeypatch, capsys)


def _identity(ws: Workspace) -> tuple[str, str, str, str]:
    """What makes the workspace the study's: its age identity, receipt key and profile."""
    return (
        str(ws.identities[0]),
        ws.receipt_key.seed.hex(),
        ws.receipt_key.public.key_id_hex,
        ws.profile.fingerprint,
    )


def test_a_restored_backup_holds_the_same_rows_and_opens_the_next_bundle(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    first = lead.evaluation.export(STUDY, tmp_path / "bundles").path
    (tmp_path / "usb").mkdir()
    with Workspace.open(world.workspace, WS_PASS) as ws:
        [report] = import_bundles(ws, [first])
        assert report.status == "stored"
        target = write_backup(ws, tmp_path / "usb" / "ws.backup")
        rows, identity = dataset(ws), _identity(ws)
    assert rows[0]  # something to compare
    assert read_manifest(target, kind=FORMAT, db_name="dataset.db")["format"] == FORMAT
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["ws.backup"]  # no temp file left
    shutil.rmtree(world.workspace)  # the laptop is gone

    restored = tmp_path / "restored"
    assert restore(target, restored, WS_PASS) == restored
    with Workspace.open(restored, WS_PASS) as ws:
        assert dataset(ws) == rows
        assert _identity(ws) == identity
        profile = StudyProfile.load(restored / "study.json")
        assert profile.fingerprint == ws.profile.fingerprint
        assert (restored / "receipts").is_dir()
        # A bundle made after the backup, for the same study: the restored identity opens it.
        for family in world.families[2:7]:  # k alike: one new check-in alone would wait
            lead.checkins.record(family, 10, answered_on=SETTLED)
        second = lead.evaluation.export(STUDY, tmp_path / "bundles").path
        [report] = import_bundles(ws, [second], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        assert report.added == 5


def test_the_backup_stays_encrypted_and_needs_the_workspace_passphrase(
    ws: Workspace, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = write_backup(ws, usb / "ws.backup")
    secret_key = str(ws.identities[0])
    ws.close()
    raw = target.read_bytes()
    assert secret_key.encode() not in raw
    assert STUDY.encode() not in raw  # not even the profile's words: the whole store is sealed
    with zipfile.ZipFile(target) as zf:
        assert not zf.read("dataset.db").startswith(b"SQLite format 3\0")

    with pytest.raises(WrongPassphrase) as refused:
        restore(target, usb / "restored", "feil passordfrase")
    assert refused.value.key == "workspace_backup_not_unlocked"
    assert [p.name for p in usb.iterdir()] == ["ws.backup"]  # nothing made, nothing left


def test_a_backup_is_never_written_over_a_file(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "ws.backup"
    target.write_bytes(b"an older backup")
    with pytest.raises(ValidationError):
        write_backup(ws, target)
    assert target.read_bytes() == b"an older backup"
    assert [p.name for p in usb.iterdir()] == ["ws.backup"]

    # One put there while the copy was being written is not replaced either.
    late = usb / "late.backup"
    written = backup_module.write_archive

    def then_another(partial: Path, *args: object) -> None:
        written(partial, *args)  # type: ignore[arg-type]
        late.write_bytes(b"written meanwhile")

    monkeypatch.setattr(backup_module, "write_archive", then_another)
    with pytest.raises(ValidationError):
        write_backup(ws, late)
    assert late.read_bytes() == b"written meanwhile"
    assert sorted(p.name for p in usb.iterdir()) == ["late.backup", "ws.backup"]


def test_a_restore_needs_a_new_or_empty_folder_and_a_workspace_backup(
    ws: Workspace, world: World, lead: Journal, tmp_path: Path
) -> None:
    target = write_backup(ws, tmp_path / "ws.backup")
    ws.close()
    before = sorted(p.name for p in world.workspace.iterdir())
    with pytest.raises(JournalExists):
        restore(target, world.workspace, WS_PASS)  # the damaged one stays, untouched
    assert sorted(p.name for p in world.workspace.iterdir()) == before
    (tmp_path / "empty").mkdir()
    restore(target, tmp_path / "empty", WS_PASS)
    Workspace.open(tmp_path / "empty", WS_PASS).close()

    journal_backup = lead.backup(tmp_path / "journal.backup")
    with pytest.raises(BackupInvalid):
        restore(journal_backup, tmp_path / "other", LEAD_PASS)
    assert not (tmp_path / "other").exists()


def _truncate(size: Callable[[int], int]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with path.open("r+b") as fh:
            fh.truncate(size(path.stat().st_size))

    return damage


def _garble(offset: Callable[[int], int]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with path.open("r+b") as fh:
            fh.seek(offset(path.stat().st_size))
            fh.write(os.urandom(64))

    return damage


DAMAGE = {
    "empty": _truncate(lambda _: 0),
    "half": _truncate(lambda n: n // 2),
    "header": _garble(lambda _: 0),
    "last page": _garble(lambda n: n - 200),
}


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_store_names_the_workspace_restore(
    how: str, world: World, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    DAMAGE[how](world.workspace / "dataset.db")
    with pytest.raises(WorkspaceDamaged) as damaged:
        Workspace.open(world.workspace, WS_PASS)
    said = describe(damaged.value, "en")
    assert "samjournal evaluator restore BACKUP WORKSPACE" in said
    assert "journal" not in said.replace("samjournal", "")  # never the journal's way back
    assert "samjournal evaluator restore SIKKERHETSKOPI" in describe(damaged.value, "nb")
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    code, _, err = run("evaluator", "status", world.workspace, passphrase=WS_PASS)
    assert code == 1
    assert "restore the workspace from its backup" in err


def test_backup_and_restore_from_the_command_line(
    run: Run, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    target = tmp_path / "usb" / "ws.backup"
    target.parent.mkdir()
    code, _, _ = run("evaluator", "backup", world.workspace, target, passphrase="feil")
    assert code == 2  # refused: a wrong passphrase, as everywhere
    assert not target.exists()
    code, out, err = run("evaluator", "backup", world.workspace, target, passphrase=WS_PASS)
    assert code == 0, err
    assert f"Workspace backup written: {target}" in out
    code, _, err = run("evaluator", "backup", world.workspace, target, passphrase=WS_PASS)
    assert code == 1
    assert "already exists" in err

    code, _, err = run("evaluator", "restore", target, tmp_path / "new", passphrase="feil")
    assert code == 2
    assert "the passphrase the workspace had" in err
    code, _, err = run("evaluator", "restore", target, world.workspace, passphrase=WS_PASS)
    assert code == 1
    assert "is not empty" in err
    code, out, err = run("evaluator", "restore", target, tmp_path / "new", passphrase=WS_PASS)
    assert code == 0, err
    assert f"The workspace was restored in {tmp_path / 'new'}" in out
    assert "import them again" in out
    code, out, err = run("evaluator", "status", tmp_path / "new", passphrase=WS_PASS)
    assert code == 0, err
    assert STUDY in out


def test_damage_found_after_the_open_names_the_workspace_restore(
    run: Run, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged page is found only when a command reads it (store/db.py says it in the
    journal's words): the evaluator's command says the workspace's way back."""

    def damaged(_ws: Workspace) -> None:
        raise keyed(JournalDamaged, "db_damaged")

    monkeypatch.setattr(evaluation_cli, "status", damaged)
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    code, _, err = run("evaluator", "status", world.workspace, passphrase=WS_PASS)
    assert code == 1
    assert "samjournal evaluator restore BACKUP WORKSPACE" in err
    assert "Restore the journal" not in err
