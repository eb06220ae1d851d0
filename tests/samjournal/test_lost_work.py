"""Lost work is detected: a journal whose -wal was lost or damaged after a crash, or that was
rolled back, says so on open (and `check` reports it) instead of carrying on without it."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from samjournal.backup import restore
from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, EXIT_REFUSED, main
from samjournal.errors import JournalDamaged, PermissionDenied, RecentWorkMissing
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.mark import MARK_NAME, SLOT
from tests.conftest import (
    LEAD,
    LEAD_PASS,
    WORKER,
    WORKER_PASS,
    Template,
    lose_recent_work,
    note_reliability,
)
from tests.killing import ROOT, kill_seed


def _wal(folder: Path) -> Path:
    return folder / "journal.db-wal"


def _markers(folder: Path) -> set[str]:
    """The writer's markers in the journal as it is, opened as a separate copy (accepting any
    loss there, so the journal under test is left exactly as the crash left it)."""
    copy = folder.with_name(folder.name + "-count")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder, copy)
    journal = Journal.open(copy, LEAD, LEAD_PASS, accept_missing=True)
    try:
        rows = journal._ctx.db.all("SELECT family_words FROM meetings")
        return {str(r[0]).split()[0] for r in rows if r[0]}
    finally:
        journal.lock()
        shutil.rmtree(copy)


def _kill_after(folder: Path, run: int, acks: int) -> list[str]:
    """SIGKILL the writer once it has acknowledged `acks` changes (a count, not a time: on a
    busy machine a timed kill may land before the first commit and prove nothing)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.samjournal.writer_child", str(folder), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    acked: list[str] = []
    for line in child.stdout:
        if line.startswith("ACK "):
            acked.append(line.split()[1])
            if len(acked) == acks:
                break
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    return acked + [line.split()[1] for line in out.splitlines() if line.startswith("ACK ")]


def _flip_first_live_frame(wal: Path) -> None:
    """Flip one byte in the first frame of the -wal's current generation (its salts match the
    header's): SQLite replays no frame from there on. Earlier generations' frames are stale."""
    data = bytearray(wal.read_bytes())
    page, salts = int.from_bytes(data[8:12], "big"), data[16:24]
    offset = 32
    while offset + 24 + page <= len(data):
        if data[offset + 8 : offset + 16] == salts:
            data[offset + 24 + page // 2] ^= 0x40
            break
        offset += 24 + page
    wal.write_bytes(bytes(data))


def _crash_and(damage: str, journal_dir: Path, runs: int) -> None:
    """Kill a writer, damage its -wal, then open: every run that lost an acknowledged change
    must be refused with RecentWorkMissing. A refusal where every acknowledged change is there
    is no false alarm: the kill landed between a commit and its acknowledgement, and that commit
    is what the -wal lost (the mark, written after each commit, is ahead of the database)."""
    rng = kill_seed()
    losses = detected = 0
    for run in range(runs):
        folder = journal_dir.with_name(f"{damage}-{run}")
        shutil.copytree(journal_dir, folder)
        acked = _kill_after(folder, run, rng.randint(3, 40))
        wal = _wal(folder)
        if damage == "delete":
            wal.unlink(missing_ok=True)
            (folder / "journal.db-shm").unlink(missing_ok=True)
        else:
            _flip_first_live_frame(wal)
        damaged_wal = wal.read_bytes() if wal.exists() else b""
        try:
            lost = set(acked) - _markers(folder)
        except JournalDamaged:  # a checkpoint cut short wrote part of the -wal that is now gone
            lost = set(acked)
        losses += bool(lost)
        refused: RecentWorkMissing | None = None
        broken = False
        try:
            Journal.open(folder, LEAD, LEAD_PASS).lock()
        except RecentWorkMissing as exc:
            refused = exc
        except JournalDamaged:  # told as damage, with the way back (a backup): not carried on
            broken = True
        detected += bool((refused or broken) and lost)
        if refused is not None and not lost:
            assert refused.found < refused.mark, "refused though nothing committed was lost"
        if refused is not None and damage == "flip":  # the -wal as found is kept for repair
            assert refused.kept_wal is not None
            assert Path(refused.kept_wal).read_bytes() == damaged_wal
    note_reliability("lost_wal_runs", runs)
    note_reliability("lost_wal_losses", losses)
    note_reliability("lost_wal_detected", detected)
    assert losses, "no run lost anything: the test proved nothing"
    assert detected == losses


def test_a_deleted_wal_after_a_kill_is_detected(journal_dir: Path) -> None:
    _crash_and("delete", journal_dir, runs=4)


def test_a_flipped_byte_in_the_wal_after_a_kill_is_detected(journal_dir: Path) -> None:
    _crash_and("flip", journal_dir, runs=4)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["delete", "flip"])
def test_lost_or_damaged_wals_many_times(journal_dir: Path, damage: str) -> None:
    _crash_and(damage, journal_dir, runs=40)


def test_check_reports_missing_work_and_accept_loss_records_it(
    journal_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    lose_recent_work(journal_dir)
    mark_before = (journal_dir / MARK_NAME).read_bytes()
    assert main(["check", str(journal_dir)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "Nyeste arbeid mangler" in err
    assert "sikkerhetskopi" in err
    assert (journal_dir / MARK_NAME).read_bytes() == mark_before  # the evidence is kept
    assert main(["check", str(journal_dir)]) == EXIT_ERROR  # still refused: nothing changed

    assert main(["check", str(journal_dir), "--accept-loss"]) == EXIT_OK
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)  # accepted: opens normally from now
    details = [e.detail for e in journal.audit_events() if e.action == "restore"]
    assert any(d.startswith("recent work missing, accepted") for d in details)
    journal.lock()


def test_only_a_team_lead_accepts_lost_work(
    journal_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Accepting a loss takes a rolled-back log as the journal's own, as a restore does: a
    caseworker's passphrase opens the journal, but the decision is a team lead's."""
    lose_recent_work(journal_dir)
    before = {p.name: p.read_bytes() for p in journal_dir.iterdir() if p.is_file()}
    with pytest.raises(PermissionDenied) as refused:
        Journal.open(journal_dir, WORKER, WORKER_PASS, accept_missing=True)
    assert describe(refused.value, "en") == (
        "Only a team lead can accept a journal whose recent work is missing."
    )
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WORKER_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", WORKER)
    assert main(["check", str(journal_dir), "--accept-loss"]) == EXIT_REFUSED
    assert "Bare en teamleder kan godta en journal der nyeste arbeid mangler" in (
        capsys.readouterr().err
    )
    after = {p.name: p.read_bytes() for p in journal_dir.iterdir() if p.is_file()}
    assert {n: after[n] for n in ("journal.db", MARK_NAME)} == {
        n: before[n] for n in ("journal.db", MARK_NAME)
    }
    with pytest.raises(RecentWorkMissing):  # still missing: nothing was accepted
        Journal.open(journal_dir, LEAD, LEAD_PASS)
    Journal.open(journal_dir, LEAD, LEAD_PASS, accept_missing=True).lock()


def test_the_message_reads_in_english_too(journal_dir: Path) -> None:
    lose_recent_work(journal_dir)
    with pytest.raises(RecentWorkMissing) as caught:
        Journal.open(journal_dir, LEAD, LEAD_PASS)
    english = describe(caught.value, "en")
    assert english.startswith("Recent work is missing")
    assert "--accept-loss" in english


def test_restoring_an_older_backup_is_a_recorded_rollback(
    journal_dir: Path, tmp_path: Path
) -> None:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup = journal.backup(tmp_path / "old.sjbak")
    for i in range(3):
        journal.families.create(f"Familien Etter {i}")
    journal.lock()
    restore(backup, journal_dir, LEAD, LEAD_PASS)
    restored = Journal.open(journal_dir, LEAD, LEAD_PASS)  # not taken for lost work
    details = [e.detail for e in restored.audit_events() if e.action == "restore"]
    assert details
    assert "the journal had come to" in details[0]
    restored.lock()


def test_an_edited_mark_is_recorded_and_replaced(journal_dir: Path) -> None:
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()
    raw = (journal_dir / MARK_NAME).read_bytes()
    assert len(raw) == 2 * SLOT

    def moved_back(slot: bytes) -> bytes:  # someone hides a loss by moving the mark back
        outer = json.loads(slot)
        body = json.loads(outer["mark"])
        body["seq"] = 1
        outer["mark"] = json.dumps(body, sort_keys=True, separators=(",", ":"))
        return json.dumps(outer).encode().ljust(SLOT)

    (journal_dir / MARK_NAME).write_bytes(moved_back(raw[:SLOT]) + moved_back(raw[SLOT:]))
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    details = [e.detail for e in journal.audit_events() if e.action == "restore"]
    assert details == ["journal.mark unreadable or not this journal's; written anew"]
    journal.lock()


def test_a_journal_from_before_marks_opens_and_gets_one(template: Template, tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(template.path, folder)
    (folder / MARK_NAME).unlink(missing_ok=True)
    Journal.open(folder, LEAD, LEAD_PASS).lock()
    assert (folder / MARK_NAME).exists()
    assert b"Familien" not in (folder / MARK_NAME).read_bytes()
