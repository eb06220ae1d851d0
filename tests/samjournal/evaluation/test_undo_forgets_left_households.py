"""A household that leaves the study keeps no rows in what a withdrawal could put back (found by
an outside review: the undo kept copies of a withdrawn-consent family's rows for good)."""

from __future__ import annotations

from pathlib import Path

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, World
from tests.samjournal.evaluation.test_reanchor import _restored_after_a_lost_bundle
from tests.samjournal.evaluation.test_restore_undoes_decision import _import


def test_a_withdrawn_familys_rows_do_not_stay_in_the_undo_tables(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "r1").path
        held = _import(ws, first, tmp_path)
        ws_forks.reanchor(ws.db, held.journal_id, "teamleder bekreftet")
        stored = _import(ws, first, tmp_path)
        assert stored.status == "stored", stored.reason
        journal.evaluation.import_receipt(stored.receipt)
        family = world.families[0]
        journal.consents.withdraw(journal.consents.for_family(family)[0].id)
        b = journal.evaluation.export(STUDY, tmp_path / "after").path
        r = _import(ws, b, tmp_path)
        assert r.status == "stored", r.reason
    finally:
        journal.lock()
    gone = {
        str(x[0])
        for x in ws.db.tuples("SELECT record_id FROM tombstones WHERE entity = 'households'")
    }
    assert gone
    for table in ("records", "undo_records"):  # in neither what is stored nor what may come back
        found = [str(x[0]) for x in ws.db.tuples(f"SELECT household_id FROM {table}")]
        assert not gone & set(found), f"rows of a household that left the study in {table}"
