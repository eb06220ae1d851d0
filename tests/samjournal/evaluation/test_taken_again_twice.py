"""An acceptance withdrawn and taken again twice, before its bundles come in again, still lets the
honest journal in (issue 13; found by an outside review: the bundles freed by the first taking
were forgotten, so the second left their heads aside for good and every real bundle was
refused, with advice that looped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def test_an_acceptance_taken_again_twice_lets_the_honest_journal_in(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, d1, _, _ = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != d1.id]
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=d1.tag)
    ws_forks.withdraw(ws.db, journal_id, "teamleder usikker", tag=d0.tag)
    ws_forks.reanchor(ws.db, journal_id, "teamleder: den var riktig", tag=d0.tag)
    ws_forks.withdraw(ws.db, journal_id, "teamleder usikker igjen", tag=d0.tag)
    ws_forks.reanchor(ws.db, journal_id, "teamleder: sikker nå", tag=d0.tag)
    [taken] = [f for f in ws_forks.forks(ws.db, journal_id) if f.tag == d0.tag]
    assert taken.accepted
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        _activity(real, world, 2)
        bundle = real.evaluation.export(STUDY, tmp_path / "real-next").path
    finally:
        real.lock()
    report = _import(ws, bundle, tmp_path)
    assert report.status == "stored", report.reason
