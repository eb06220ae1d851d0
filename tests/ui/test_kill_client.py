"""SIGKILL the client's write path (Session + database worker, as the window saves a meeting)
at random moments, many times: every save the GUI was told about survives, with its need and
payment, and both integrity checks and the audit chain pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, note_reliability
from tests.killing import kill_seed, run_and_kill

CHILD = "tests.ui.client_writer_child"


def _saved(journal_dir: Path) -> set[str]:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        assert journal.integrity_problems() == []
        db = journal._ctx.db
        meetings = {str(r["agreed"]).split()[0] for r in db.all("SELECT agreed FROM meetings")}
        needs = {str(r["description"]).split()[0] for r in db.all("SELECT description FROM needs")}
        paid = {str(r["purpose"]).split()[0] for r in db.all("SELECT purpose FROM payments")}
        assert meetings == needs == paid  # a meeting is never saved without its need and payment
        return meetings
    finally:
        journal.lock()


def _kill_many(journal_dir: Path, kills: int) -> None:
    rng = kill_seed()
    acknowledged: list[str] = []
    for run in range(kills):
        acknowledged += run_and_kill(CHILD, [str(journal_dir), str(run)], rng, window=0.4)
    lost = set(acknowledged) - _saved(journal_dir)
    note_reliability("kills", kills)
    note_reliability("acknowledged", len(acknowledged))
    note_reliability("lost", len(lost))
    assert acknowledged, "the client never got to save: the test proved nothing"
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged saves lost"


def test_killing_the_client_mid_save_loses_nothing_acknowledged(journal_dir: Path) -> None:
    _kill_many(journal_dir, kills=10)


@pytest.mark.slow
def test_killing_the_client_many_times(journal_dir: Path) -> None:
    _kill_many(journal_dir, kills=60)
