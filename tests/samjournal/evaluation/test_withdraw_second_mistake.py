"""A second mistaken acceptance, on the line a withdrawal set aside, can be withdrawn too (issue 13;
found by an outside review).

The insider's first restore (R_a) is accepted by mistake, its bundle M stored on top, and the
decision withdrawn. The insider states a second restore (R_b) at the old journal's new tip; its
bundle proves M's head, and the evaluator accepts it by mistake too. M's head goes back on the
line, so M is freed to be imported again (its rows were undone), and it never counts as
imported since a decision while it stays withdrawn; before, the second mistake could not be
withdrawn and the honest journal stayed blocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, on_top
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World
from tests.samjournal.evaluation.test_readmit_settled_by_withdrawn import _second_restore
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY


def test_a_second_mistaken_acceptance_on_the_withdrawn_line_can_be_withdrawn(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, first, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=first.tag)
    standing_after_first = on_top.standing(ws.db, journal_id)
    second = _second_restore(world, old, tmp_path)
    held = _import(ws, second, tmp_path)
    assert held.status == "rejected", held.reason
    waiting = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting and f.tag != first.tag]
    assert len(waiting) == 1, [(f.tag, f.decision) for f in ws_forks.forks(ws.db, journal_id)]
    ws_forks.reanchor(ws.db, journal_id, MISTAKE + " (igjen)", tag=waiting[0].tag)
    stored = _import(ws, second, tmp_path)
    assert stored.status == "stored", stored.reason
    print("standing", standing_after_first, on_top.standing(ws.db, journal_id))
    # HONEST: the second mistake can be taken back like the first
    ws_forks.withdraw(ws.db, journal_id, WHY + " (igjen)", tag=waiting[0].tag)
