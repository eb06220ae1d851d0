"""A withdrawal puts back the reason of a household tombstone the set-aside line changed (issue 13;
found by an outside review: tombstones merge keeping the smallest reason, "erased" < "left", so
the line could relabel a household that left as erased, and the withdrawal left it so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def _reasons(ws: Workspace, journal_id: str) -> dict[str, str]:
    return {
        str(r[0]): str(r[1])
        for r in ws.db.tuples(
            "SELECT record_id, reason FROM tombstones WHERE journal_id = ?"
            " AND entity = 'households'",
            (journal_id,),
        )
    }


def test_a_withdrawal_puts_back_the_reason_of_a_household_tombstone(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _import(ws, lead.evaluation.export(STUDY, tmp_path / "pre-0").path, tmp_path)
    assert sent.status == "stored", sent.reason
    for consent in lead.consents.for_family(world.families[0]):
        lead.consents.withdraw(consent.id)  # a real consent withdrawal, before everything
    journal_id, mistaken, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    before = _reasons(ws, journal_id)
    assert before
    assert set(before.values()) == {"left"}
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        db = insider._require_open().db
        with db.transaction():
            db.execute(
                "UPDATE evaluation_tombstones SET reason = 'erased' WHERE tablename = 'households'"
            )
        full = insider.evaluation.export(STUDY, tmp_path / "old-full", full=True).path
    finally:
        insider.lock()
    assert _import(ws, full, tmp_path).status == "stored"
    assert set(_reasons(ws, journal_id).values()) == {"erased"}  # the line changed it
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    # HONEST: the reason the real journal gave is back
    assert _reasons(ws, journal_id) == before
