"""Which accepted restore bundles sit on follows the order decisions were made in, not the
clock (found by an outside review: a clock set back between two acceptances left a mistaken
acceptance that no command could withdraw)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY


def test_a_clock_set_back_between_two_acceptances_leaves_a_way_out(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, bundle, tmp_path)
    journal_id = held.journal_id
    [first] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted]
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    earlier = dt.datetime.fromisoformat(first.decided_at) - dt.timedelta(minutes=5)
    monkeypatch.setattr(ws_forks, "now_iso", lambda: earlier.isoformat(timespec="seconds"))
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=waiting.tag)  # clock 5 min behind
    monkeypatch.undo()
    on = _import(ws, bundle, tmp_path)
    assert on.status == "stored", on.reason
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=waiting.tag)  # the mistake, undone
