"""A household taken back in is never lost for good when an earlier decision is withdrawn (issue
13; an outside review found it left with no rows and no tombstone, and status counting that as
rows put back). Its rows from before that decision are known nowhere in the workspace any more
(a household that left keeps no rows in any undo), so the withdrawal leaves it with none, and
the decision taken again with the journal's next full bundle brings them back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_readmit_lines import CONFIRMED, _insider_full, _stoned
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def test_withdrawing_the_earlier_decision_puts_back_a_readmitted_households_rows(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != mistaken.id]
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)
    # what D0's undo says every household's rows were before D0 (before the mistake's bundles)
    pre_d0 = {
        tuple(r)
        for r in ws.db.tuples(
            "SELECT household_id, entity, record_id, version, data FROM undo_records"
            " WHERE fork = ? AND version IS NOT NULL",
            (d0.id,),
        )
    }
    assert _import(ws, full, tmp_path).status == "stored"
    [gone] = _stoned(ws, journal_id) - before
    pre_gone = {r for r in pre_d0 if r[0] == gone}
    assert pre_gone, "family 0 had rows before D0 that D0's bundles changed"
    left_in_d0 = {
        tuple(r)
        for r in ws.db.tuples(
            "SELECT household_id, entity, record_id, version, data FROM undo_records"
            " WHERE fork = ? AND household_id = ? AND version IS NOT NULL",
            (d0.id, gone),
        )
    }
    assert not left_in_d0  # the merge dropped them from D0's undo too: the case at stake
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = real.evaluation.export(STUDY, tmp_path / "real-full", full=True).path
    finally:
        real.lock()
    stored = _import(ws, bundle, tmp_path)
    assert stored.status == "stored", stored.reason
    ws_forks.withdraw(ws.db, journal_id, "teamleder: ta beslutningen om igjen", tag=d0.tag)
    assert gone not in _stoned(ws, journal_id)
    assert not _rows_of(ws, journal_id, gone)  # none, rather than some of another time
    ws_forks.reanchor(ws.db, journal_id, "teamleder: den var riktig", tag=d0.tag)
    again = _import(ws, bundle, tmp_path)
    assert again.status == "stored", again.reason
    assert pre_gone <= _rows_of(ws, journal_id, gone)  # all back, from the journal itself


def _rows_of(ws: Workspace, journal_id: str, household: str) -> set[tuple[object, ...]]:
    return {
        tuple(r)
        for r in ws.db.tuples(
            "SELECT household_id, entity, record_id, version, data FROM records"
            " WHERE journal_id = ? AND household_id = ?",
            (journal_id, household),
        )
    }
