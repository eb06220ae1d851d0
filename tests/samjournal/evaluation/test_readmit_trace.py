"""A household taken back in stays on record in status after the journal itself says it left
(issue 13; found by an outside review: the later word replaced the decision)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World
from tests.samjournal.evaluation.test_readmit_lines import (
    CONFIRMED,
    _family_0_kept_out,
    _family_0_leaves,
    _stoned,
)
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import


def test_a_readmit_stays_in_status_after_the_journal_says_the_household_left(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, _mistaken, gone, _old, _full = _family_0_kept_out(
        lead, ws, world, tmp_path, monkeypatch
    )
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert any(CONFIRMED in s for s in _lines(ws, journal_id, "en"))
    bundle = _family_0_leaves(world, tmp_path)
    assert _import(ws, bundle, tmp_path).status == "stored"
    lines = _lines(ws, journal_id, "en")
    assert gone in _stoned(ws, journal_id)
    assert any(CONFIRMED in s for s in lines), "the readmit decision is gone from status"
