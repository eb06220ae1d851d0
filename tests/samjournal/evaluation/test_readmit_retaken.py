"""A line withdrawn, taken again and withdrawn again names its household again (issue 13; found by
an outside review: the household's tombstone was there when the line was taken again, so the
second withdrawal thought it older and kept it out silently, with no way to take it back in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World
from tests.samjournal.evaluation.test_readmit_lines import (
    CONFIRMED,
    _family_0_kept_out,
    _stoned,
)
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def test_withdrawn_taken_again_withdrawn_again_still_names_the_household(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, gone, _old, full = _family_0_kept_out(
        lead, ws, world, tmp_path, monkeypatch
    )
    ws_forks.reanchor(ws.db, journal_id, "teamleder: den var riktig likevel", tag=mistaken.tag)
    assert _import(ws, full, tmp_path).status == "stored"
    # ... no, it was wrong after all
    ws_forks.withdraw(ws.db, journal_id, WHY + " (likevel feil)", tag=mistaken.tag)
    lines = _lines(ws, journal_id, "en")
    assert gone in _stoned(ws, journal_id)
    assert any("KEPT OUT" in s and gone in s for s in lines), "household out, status silent"
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert gone not in _stoned(ws, journal_id)
