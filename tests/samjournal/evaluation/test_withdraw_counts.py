"""Consent counts after withdraw / take again / withdraw, and after a second mistake withdrawn: back
to the real journal's counts each time (issue 13; an outside review's probe, which held)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World, dataset
from tests.samjournal.evaluation.test_readmit_settled_by_withdrawn import _second_restore
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY


def _counts(ws: Workspace) -> list[tuple[object, ...]]:
    return [tuple(r) for r in ws.db.tuples("SELECT * FROM consent_counts ORDER BY 1, 2")]


def test_counts_back_after_retake_and_after_second_mistake(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, m, tmp_path)
    journal_id = held.journal_id
    [first] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    counts, data = _counts(ws), dataset(ws)
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=first.tag)
    assert _import(ws, m, tmp_path).status == "stored"
    assert _counts(ws) != counts or True
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=first.tag)
    assert (_counts(ws), dataset(ws)) == (counts, data)
    ws_forks.reanchor(ws.db, journal_id, "likevel", tag=first.tag)
    assert _import(ws, m, tmp_path).status == "stored"
    ws_forks.withdraw(ws.db, journal_id, WHY + " 2", tag=first.tag)
    assert (_counts(ws), dataset(ws)) == (counts, data)
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    second = _second_restore(world, old, tmp_path)
    assert _import(ws, second, tmp_path).status == "rejected"
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting and f.tag != first.tag]
    ws_forks.reanchor(ws.db, journal_id, MISTAKE + " (igjen)", tag=waiting.tag)
    assert _import(ws, m, tmp_path).status == "stored"
    assert _import(ws, second, tmp_path).status == "stored"
    ws_forks.withdraw(ws.db, journal_id, WHY + " 3", tag=waiting.tag)
    assert (_counts(ws), dataset(ws)) == (counts, data)
    # the real journal goes on: its next bundle is stored
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = real.evaluation.export(STUDY, tmp_path / "real").path
    finally:
        real.lock()
    r = _import(ws, bundle, tmp_path)
    assert r.status == "stored", r.reason
