"""A second process on a journal, for the tests: a writer saving about every 50 ms and telling
which saves were acknowledged, the `samjournal` command as its own process, and the check that
every acknowledged save is in the journal afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from samjournal.errors import WrongPassphrase
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, note_reliability
from tests.killing import ROOT

WRITER = "tests.samjournal.concurrent_writer"
NEW_PASS = "en ganske ny passordfrase"
IN_USE = "åpen i et annet vindu"


@dataclass
class Writer:
    process: subprocess.Popen[str]
    stop: Path
    acks: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def command_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "SAMJOURNAL_LANG": "nb", "SAMJOURNAL_PASSPHRASE": LEAD_PASS, **extra}


def cli(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m samjournal ...` as its own process, the way a person runs it in a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "samjournal", *map(str, args)],
        cwd=ROOT,
        env=command_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def start_writer(journal_dir: Path, run: str, tmp_path: Path, user: str = "") -> Writer:
    """The writer saves as the caseworker, or as `user` (the team lead, where the caseworker
    has no family)."""
    stop = tmp_path / f"stop-{run}"
    process = subprocess.Popen(
        [sys.executable, "-m", WRITER, str(journal_dir), run, str(stop), *([user] if user else [])],
        cwd=ROOT,
        env=command_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    ready = process.stdout.readline()
    if ready.strip() != "READY":
        process.kill()
        raise AssertionError(f"the writer did not start: {ready!r}\n{process.communicate()[1]}")
    return Writer(process, stop)


def finish_writer(writer: Writer, *, kill: bool = False) -> Writer:
    if kill:
        writer.process.send_signal(signal.SIGKILL)
    else:
        writer.stop.touch()
    out, err = writer.process.communicate(timeout=60)
    writer.acks = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("ACK ")]
    writer.refused = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("REF")]
    if not kill:
        assert "DONE" in out, f"the writer failed:\n{err}"
    return writer


@contextmanager
def writing(journal_dir: Path, tmp_path: Path, run: str = "0", user: str = "") -> Iterator[Writer]:
    """A writer saving for the whole block (and a moment after it, when a lost save shows)."""
    writer = start_writer(journal_dir, run, tmp_path, user)
    time.sleep(0.2)
    try:
        yield writer
        time.sleep(0.3)
    finally:
        finish_writer(writer)


def lost_saves(journal_dir: Path, acks: list[str], passphrase: str = LEAD_PASS) -> list[str]:
    """The acknowledged saves missing from the journal; counted in the reliability summary."""
    lead = Journal.open(journal_dir, LEAD, passphrase)
    try:
        words = {str(r[0]) for r in lead._ctx.db.all("SELECT family_words FROM meetings")}
        assert lead.integrity_problems() == []
    finally:
        lead.lock()
    lost = [a for a in acks if a not in words]
    note_reliability("concurrent_runs")
    note_reliability("concurrent_acknowledged", len(acks))
    note_reliability("concurrent_lost", len(lost))
    note_reliability("acknowledged", len(acks))
    note_reliability("lost", len(lost))
    return lost


def opens(journal_dir: Path, user: str, passphrase: str) -> bool:
    try:
        Journal.open(journal_dir, user, passphrase).lock()
    except WrongPassphrase:
        return False
    return True


# -- what replaces the files waits, then refuses; nothing acknowledged is lost -----------------
