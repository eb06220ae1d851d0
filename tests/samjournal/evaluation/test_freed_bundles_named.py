"""Bundles a decision taken again freed are named until they come in again (issue 13; found by an
outside review: a real bundle undone by a mistaken withdrawal and freed when the decision was
taken again was named nowhere, so its rows went missing silently)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from samjournal.kinds import MeetingKind
from samjournal.records.meetings import staff
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World, dataset
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line


def test_a_freed_bundle_skipped_is_not_lost_silently(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, d1, _, _ = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != d1.id]
    ws_forks.withdraw(ws.db, journal_id, "feil linje", tag=d1.tag)
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        real.meetings.record(
            world.families[2],
            dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC),  # the world's latest days: sent at once
            MeetingKind.OFFICE,
            place="kontoret",
            family_words="ny",
            agreed="ny",
            participants=[staff(real.user.id)],
        )
        r1 = real.evaluation.export(STUDY, tmp_path / "r1").path
    finally:
        real.lock()
    before = set(dataset(ws)[0])
    s1 = _import(ws, r1, tmp_path)
    assert s1.status == "stored", s1.reason
    meeting = set(dataset(ws)[0]) - before
    assert meeting
    ws_forks.withdraw(ws.db, journal_id, "feil", tag=d0.tag)  # mistake
    assert not (set(dataset(ws)[0]) & meeting)
    ws_forks.reanchor(ws.db, journal_id, "riktig likevel", tag=d0.tag)
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        _activity(real, world, 1)
        r2 = real.evaluation.export(STUDY, tmp_path / "r2").path
    finally:
        real.lock()
    s2 = _import(ws, r2, tmp_path)
    assert s2.status == "stored"
    assert not (set(dataset(ws)[0]) & meeting)  # missing, so it must be named
    assert s1.sequence in _freed(_lines(ws, journal_id, "en"))
    assert _import(ws, r1, tmp_path).status == "stored"  # imported again: in, and no longer named
    assert set(dataset(ws)[0]) & meeting
    assert s1.sequence not in _freed(_lines(ws, journal_id, "en"))


def _freed(lines: list[str]) -> set[int]:
    """The bundle numbers status asks to import again."""
    found = [re.match(r".*IMPORT AGAIN: bundle ([\d, ]+) was", s) for s in lines]
    return {int(n) for m in found if m for n in m[1].split(", ")}
