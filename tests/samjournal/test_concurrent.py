"""Two processes on one journal: a writer saving every ~50 ms while the `samjournal` command runs
beside it as its own process. Whatever the command does, every save the writer was told had
succeeded is in the journal afterwards; what would replace the files under it (a user removal's
rekey, a restore) waits and then refuses, and says why."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samjournal import audit_check
from samjournal.backup import restore
from samjournal.journal import Journal
from samjournal.store import Database
from tests.conftest import (
    LEAD,
    LEAD_PASS,
    OTHER,
    OTHER_PASS,
    WORKER,
    WORKER_PASS,
    note_reliability,
)
from tests.killing import ROOT, kill_seed
from tests.samjournal.concurrent_helpers import (
    IN_USE,
    NEW_PASS,
    cli,
    command_env,
    finish_writer,
    lost_saves,
    opens,
    start_writer,
    writing,
)


def test_user_remove_beside_a_writer_refuses_and_loses_nothing(
    journal_dir: Path, tmp_path: Path
) -> None:
    with writing(journal_dir, tmp_path) as writer:
        done = cli("user", "remove", journal_dir, OTHER, "--user", LEAD, "--wait", "0.5")
    assert lost_saves(journal_dir, writer.acks) == []
    assert len(writer.acks) >= 5
    assert not writer.refused
    assert opens(journal_dir, OTHER, OTHER_PASS), "a refused removal changed something"
    assert done.returncode == 1, done.stdout + done.stderr
    assert IN_USE in done.stderr
    assert "lukk det først" in done.stderr
    # Once the other window has closed, the same command goes through.
    again = cli("user", "remove", journal_dir, OTHER, "--user", LEAD)
    assert again.returncode == 0, again.stderr
    assert not opens(journal_dir, OTHER, OTHER_PASS)


def test_the_audit_check_beside_a_writer_finds_the_log_whole(
    journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads the events, then the tree stored beside them: a save by another process
    in between made `audit verify` say the log was broken, every time on a busy journal
    (reliability review, 2026-12-07). Here the writer saves for certain in between."""
    real_first = Database.first

    def first(db: Database, sql: str, params: tuple[object, ...] = ()) -> object:
        if "FROM audit_tree" in sql:
            time.sleep(0.4)  # the writer saves every 50 ms
        return real_first(db, sql, params)

    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        with writing(journal_dir, tmp_path) as writer:
            monkeypatch.setattr(Database, "first", first)
            report = lead.verify_audit()
            verdict = audit_check.verify(lead, [])
            monkeypatch.undo()
    finally:
        lead.lock()
    assert len(writer.acks) >= 8
    assert report.problems == ()
    assert verdict.problems == ()
    assert lost_saves(journal_dir, writer.acks) == []


def test_restore_beside_a_writer_refuses_and_loses_nothing(
    journal_dir: Path, tmp_path: Path
) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup = lead.backup(tmp_path / "before.sjbak")
    lead.lock()
    with writing(journal_dir, tmp_path) as writer:
        done = cli("restore", backup, journal_dir, "--user", LEAD, "--wait", "0.5")
    assert lost_saves(journal_dir, writer.acks) == []
    assert len(writer.acks) >= 5
    assert not writer.refused
    assert done.returncode == 1, done.stdout + done.stderr
    assert IN_USE in done.stderr
    assert not list(journal_dir.parent.glob("journal.before-restore-*"))


# -- what only adds to the keyring or reads goes on beside the writer --------------------------


def test_commands_beside_a_writer_lose_nothing(journal_dir: Path, tmp_path: Path) -> None:
    """One writer throughout; the commands one after another (passwd last: it changes the
    passphrase the others sign in with)."""
    backup = tmp_path / "b.sjbak"
    with writing(journal_dir, tmp_path) as writer:
        runs = {
            "backup": cli("backup", journal_dir, backup, "--user", LEAD),
            "check --repair": cli("check", journal_dir, "--repair", "--user", LEAD),
            "user add": cli(
                "user",
                "add",
                journal_dir,
                "nina",
                "--user",
                LEAD,
                SAMJOURNAL_NEW_PASSPHRASE=NEW_PASS,
            ),
            "passwd": cli(
                "user", "passwd", journal_dir, "--user", LEAD, SAMJOURNAL_NEW_PASSPHRASE=NEW_PASS
            ),
        }
    for command, done in runs.items():
        assert done.returncode == 0, f"{command}: {done.stderr}"
        assert "ERROR CORE" not in done.stderr, command
    assert len(writer.acks) >= 10
    assert not writer.refused
    assert lost_saves(journal_dir, writer.acks, NEW_PASS) == []
    assert opens(journal_dir, "nina", NEW_PASS)  # user add: the new slot survived
    assert opens(journal_dir, WORKER, WORKER_PASS)
    assert not opens(journal_dir, LEAD, LEAD_PASS)  # passwd: changed, and audited
    lead = Journal.open(journal_dir, LEAD, NEW_PASS)
    events = [e.detail for e in lead.audit_events(limit=30)]
    lead.lock()
    assert "passphrase changed" in events
    restored = tmp_path / "restored"  # backup: whole, and it restores
    restore(backup, restored, LEAD, LEAD_PASS)
    assert opens(restored, WORKER, WORKER_PASS)


# -- either process killed at a random moment, many times -------------------------------------

KINDS = ("remove", "restore", "add", "backup", "check")


def _command(kind: str, journal_dir: Path, tmp_path: Path, run: int) -> list[str]:
    j = str(journal_dir)
    added = [n for n in Journal.usernames(journal_dir) if n.startswith("tmp")]
    if kind == "remove" and not added:
        kind = "add"  # something to remove next time
    return {
        "remove": ["user", "remove", j, (added or [""])[-1], "--user", LEAD, "--wait", "1"],
        "restore": ["restore", str(tmp_path / "base.sjbak"), j, "--user", LEAD, "--wait", "1"],
        "add": ["user", "add", j, f"tmp{run}", "--user", LEAD],
        "backup": ["backup", j, str(tmp_path / f"b{run}.sjbak"), "--user", LEAD],
        "check": ["check", j, "--repair", "--user", LEAD],
    }[kind]


def _kill_concurrently(journal_dir: Path, tmp_path: Path, runs: int) -> None:
    rng = kill_seed()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.backup(tmp_path / "base.sjbak")
    lead.lock()
    since_restore: list[str] = []
    kills = 0
    for run in range(runs):
        writer = start_writer(journal_dir, str(run), tmp_path)
        kind = rng.choice(KINDS)
        command = subprocess.Popen(
            [sys.executable, "-m", "samjournal", *_command(kind, journal_dir, tmp_path, run)],
            cwd=ROOT,
            env=command_env(SAMJOURNAL_NEW_PASSPHRASE=NEW_PASS),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        victim = rng.choice(("writer", "command", "writer", "none"))
        time.sleep(rng.uniform(0.0, 1.5))
        if victim == "writer":
            finish_writer(writer, kill=True)
            kills += 1
        if victim == "command" and command.poll() is None:
            command.send_signal(signal.SIGKILL)
            kills += 1
        command.communicate(timeout=60)
        if victim != "writer":
            finish_writer(writer)
        if kind == "restore" and command.returncode == 0:
            # It ran once the writer had died (it waits for every session to close): what was
            # saved before it went back with the journal it replaced, on purpose.
            assert victim == "writer", "a restore ran beside a live writer"
            since_restore = []
        else:
            assert lost_saves(journal_dir, writer.acks) == []
            since_restore += writer.acks
        assert opens(journal_dir, LEAD, LEAD_PASS)
        assert opens(journal_dir, WORKER, WORKER_PASS)
    note_reliability("kills", kills)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)  # and nothing later took an earlier one
    words = {str(r[0]) for r in lead._ctx.db.all("SELECT family_words FROM meetings")}
    lead.lock()
    assert [a for a in since_restore if a not in words] == []
    assert not [p for p in journal_dir.iterdir() if p.name.endswith((".partial", "-journal"))]


def test_either_process_killed_loses_nothing(journal_dir: Path, tmp_path: Path) -> None:
    _kill_concurrently(journal_dir, tmp_path, runs=1)


@pytest.mark.slow
def test_either_process_killed_many_times(journal_dir: Path, tmp_path: Path) -> None:
    _kill_concurrently(journal_dir, tmp_path, runs=40)  # ~1 minute: CI runs the slow suite
