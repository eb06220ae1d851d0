"""A household kept out by two withdrawals is one question in status, and none once it is taken
back in (issue 13; found by an outside review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World
from tests.samjournal.evaluation.test_readmit_lines import (
    CONFIRMED,
    _family_0_leaves,
    _insider_full,
    _stoned,
)
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def test_a_household_kept_out_by_two_withdrawals_is_one_question(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != mistaken.id]
    before = _stoned(ws, journal_id)
    assert _import(ws, _insider_full(world, old, tmp_path, 1), tmp_path).status == "stored"
    [gone] = _stoned(ws, journal_id) - before
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    bundle = _family_0_leaves(world, tmp_path)
    assert _import(ws, bundle, tmp_path).status == "stored"
    ws_forks.withdraw(ws.db, journal_id, "teamleder: ta beslutningen om igjen", tag=d0.tag)
    lines = _lines(ws, journal_id, "en")
    kept = [s for s in lines if "KEPT OUT" in s and gone in s]
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    after = [s for s in _lines(ws, journal_id, "en") if "KEPT OUT" in s and gone in s]
    assert gone not in _stoned(ws, journal_id)
    assert not after, "family 0 taken back in, status still says KEPT OUT: " + after[0]
    assert len(kept) == 1, f"family 0 named {len(kept)} times as kept out"
