"""A household taken back in by mistake that the journal itself says left is shown as out again,
not only as taken back in (issue 13; found by an outside review): the real journal said it left,
the honest decision was withdrawn and the household readmitted, then the decision taken again
and its bundles imported again."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World, dataset
from tests.samjournal.evaluation.test_readmit_lines import CONFIRMED, _stoned
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line


def _real_withdraws(world: World, tmp_path: Path) -> Path:
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        for consent in real.consents.for_family(world.families[1]):
            real.consents.withdraw(consent.id)
        return real.evaluation.export(STUDY, tmp_path / "real-left").path
    finally:
        real.lock()


def test_readmitted_by_mistake_then_the_journal_says_left_again(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, d1, _, _ = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != d1.id]
    ws_forks.withdraw(ws.db, journal_id, "feil linje", tag=d1.tag)
    before = _stoned(ws, journal_id)
    left = _real_withdraws(world, tmp_path)
    assert _import(ws, left, tmp_path).status == "stored"
    [h1] = _stoned(ws, journal_id) - before
    ws_forks.withdraw(ws.db, journal_id, "feil igjen", tag=d0.tag)  # mistake
    assert h1 in _stoned(ws, journal_id)
    assert any("KEPT OUT" in s and h1 in s for s in _lines(ws, journal_id, "en"))
    readmit.readmit(ws.db, journal_id, h1, CONFIRMED)  # the team lead was wrong
    ws_forks.reanchor(ws.db, journal_id, "riktig linje likevel", tag=d0.tag)
    report = _import(ws, left, tmp_path)
    assert report.status == "stored", report.reason
    assert h1 in _stoned(ws, journal_id), "the journal's own tombstone is back"
    assert not any(r[1] == h1 for r in dataset(ws)[0])
    lines = [s for s in _lines(ws, journal_id, "en") if h1 in s]
    assert any("OUT" in s and "journal itself says" in s for s in lines), lines
