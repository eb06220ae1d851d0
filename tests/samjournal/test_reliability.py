"""Power-cut style kills: every acknowledged change survives SIGKILL at a random moment."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, note_reliability

ROOT = Path(__file__).resolve().parents[2]


def _kill_once(journal_dir: Path, run: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.samjournal.writer_child", str(journal_dir), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready.strip() == "READY", child.stderr.read() if child.stderr else ready
    time.sleep(rng.uniform(0.0, 0.25))  # anywhere in a write, commit or index update
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    return [line.split()[1] for line in out.splitlines() if line.startswith("ACK ")]


def _survivors(journal_dir: Path) -> set[str]:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        assert journal.integrity_problems() == []
        rows = journal._ctx.db.all("SELECT family_words FROM meetings")
        found = {str(r["family_words"]).split()[0] for r in rows if r["family_words"]}
        needs = {
            str(r["description"]).split()[0]
            for r in journal._ctx.db.all("SELECT description FROM needs")
        }
        assert found <= needs  # never a meeting without the need saved with it
        return found
    finally:
        journal.lock()


def _kill_many(journal_dir: Path, kills: int) -> None:
    rng = random.Random(os.environ.get("SAMJOURNAL_KILL_SEED", "2026"))
    acknowledged: list[str] = []
    for run in range(kills):
        acknowledged += _kill_once(journal_dir, run, rng)
    survivors = _survivors(journal_dir)
    lost = set(acknowledged) - survivors
    note_reliability("kills", kills)
    note_reliability("acknowledged", len(acknowledged))
    note_reliability("lost", len(lost))
    assert acknowledged, "the writer never got to commit: the test proved nothing"
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged changes lost"
    print(f"\nreliability: {kills} kills survived, {len(acknowledged)} acknowledged, 0 lost")


def test_sigkill_mid_write_loses_nothing_acknowledged(journal_dir: Path) -> None:
    _kill_many(journal_dir, kills=25)


@pytest.mark.slow
def test_sigkill_many_times(journal_dir: Path) -> None:
    _kill_many(journal_dir, kills=50)
