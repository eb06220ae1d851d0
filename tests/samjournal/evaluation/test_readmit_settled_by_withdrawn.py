"""A household is not kept out for good on the word of a withdrawn line (issue 13; found by an
outside review): the old line's first mistaken acceptance is withdrawn (the household kept out,
an open question); a second mistaken acceptance on the same old laptop stores a bundle that
carries the old line's tombstones, which settled the row as "the journal says it left"; once the
second mistake is withdrawn too, the question is open again and readmit works."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal import audit, audit_forks, audit_heads, mark
from samjournal.audit import Action
from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_readmit_lines import CONFIRMED, _insider_full, _stoned
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY


def _second_restore(world: World, old: Path, tmp_path: Path) -> Path:
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        db = insider._require_open().db
        _activity(insider, world, 10)
        head = audit_heads.current(db)
        lost = audit_heads.Head(head.size + 500, "00" * 32)
        with db.transaction():
            at = audit.for_db(db).append(
                db, LEAD, Action.RESTORE, "journal", "backup", detail="gjenopprettet"
            )
            audit_forks.record(db, at, head, lost, None, "disken døde igjen", LEAD)
        mark.Marker.for_db(db).write(mark.current(db), durable=True)
        return insider.evaluation.export(STUDY, tmp_path / "insider-2").path
    finally:
        insider.lock()


def test_a_withdrawn_line_cannot_settle_a_kept_out_household_for_good(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, first, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)
    assert _import(ws, full, tmp_path).status == "stored"
    [gone] = _stoned(ws, journal_id) - before
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=first.tag)
    [row] = readmit.kept_out(ws.db, journal_id)
    assert row.open
    second = _second_restore(world, old, tmp_path)
    held = _import(ws, second, tmp_path)
    assert held.status == "rejected", held.reason
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting and f.tag != first.tag]
    ws_forks.reanchor(ws.db, journal_id, MISTAKE + " (igjen)", tag=waiting.tag)
    stored = _import(ws, second, tmp_path)
    assert stored.status == "stored", stored.reason
    ws_forks.withdraw(ws.db, journal_id, WHY + " (igjen)", tag=waiting.tag)
    rows = [k for k in readmit.kept_out(ws.db, journal_id) if k.household == gone]
    # HONEST: no bundle of the real journal said it left; both lines that did are withdrawn
    assert rows
    assert rows[-1].open
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert gone not in _stoned(ws, journal_id)
