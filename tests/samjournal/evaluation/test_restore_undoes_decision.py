"""After an accepted restore, the old journal kept aside (`….before-restore-…`) can state a
restore at its tip. Accepting it would undo the evaluator's decision and set aside, for good,
the heads witnessed on the line taken on since. Such a restore is held with its own message
naming the decision and those heads, and refused outright when stated from before the restore
the decision took on (review rev13b F3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal import audit, audit_forks, audit_heads, mark
from samjournal.audit import Action
from samjournal.evaluation.evaluator import Workspace, import_bundles, status
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator.merge import ImportReport
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_reanchor import _restored_after_a_lost_bundle


def _import(ws: Workspace, bundle: Path, tmp_path: Path) -> ImportReport:
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    return report


def _old_line_bundle(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    before: bool = False,
) -> tuple[Path, list[int]]:
    """The honest restore taken on and its new line witnessed twice; then an insider opens the
    kept-aside old journal, works past the new line, states a restore at its tip (`before`:
    dated an hour before the honest restore) and exports. The new line's heads returned."""
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "r1").path
        held = _import(ws, first, tmp_path)
        assert held.status == "rejected"
        ws_forks.reanchor(ws.db, held.journal_id, "teamleder bekreftet")
        stored = _import(ws, first, tmp_path)
        assert stored.status == "stored", stored.reason
        assert stored.receipt is not None
        journal.evaluation.import_receipt(stored.receipt)
        for i in range(2):  # the new line, witnessed twice after the decision
            _activity(journal, world, 15)
            b = journal.evaluation.export(STUDY, tmp_path / f"n{i}").path
            r = _import(ws, b, tmp_path)
            assert r.status == "stored", r.reason
            assert r.receipt is not None, r.reason
            journal.evaluation.import_receipt(r.receipt)
    finally:
        journal.lock()
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        db = insider._require_open().db
        _activity(insider, world, 40)  # past every head of the new line
        head = audit_heads.current(db)
        lost = audit_heads.Head(head.size + 500, "00" * 32)
        when = None
        if before:
            [taken] = [f for f in ws_forks.forks(ws.db, held.journal_id) if f.accepted]
            when = dt.datetime.fromisoformat(taken.restored_at) - dt.timedelta(hours=1)
            monkeypatch.setattr(audit_forks, "now", lambda: when.isoformat(timespec="seconds"))
        with db.transaction():
            at = audit.for_db(db).append(
                db, LEAD, Action.RESTORE, "journal", "backup", detail="gjenopprettet", at=when
            )
            audit_forks.record(db, at, head, lost, None, "disken døde", LEAD)
            # prove from bundle 1's head too (below the point the evaluator reanchored at)
            db.execute(
                "UPDATE evaluation_exports SET delivered_at = NULL WHERE sequence ="
                " (SELECT max(sequence) FROM evaluation_exports)"
            )
        monkeypatch.undo()
        mark.Marker.for_db(db).write(mark.current(db), durable=True)
        bundle = insider.evaluation.export(STUDY, tmp_path / "insider").path
    finally:
        insider.lock()
    # the heads witnessed on the line taken on, since the decision (above its restore point)
    [decided] = [f for f in ws_forks.forks(ws.db, held.journal_id) if f.accepted]
    new_line = [
        int(str(r[0]))
        for r in ws.db.tuples(
            "SELECT size FROM audit_heads WHERE journal_id = ? AND size > ? AND bundle_hash"
            " NOT IN (SELECT bundle_hash FROM audit_superseded) ORDER BY size",
            (held.journal_id, decided.restored.size),
        )
    ]
    assert len(new_line) == 3, new_line
    assert head.size > new_line[-1], new_line
    return bundle, new_line


def test_a_restore_from_the_kept_aside_journal_says_which_decision_it_would_undo(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, new_line = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert report.receipt is None
    [done] = [f for f in ws_forks.forks(ws.db, report.journal_id) if f.accepted]
    [waiting] = [f for f in ws_forks.forks(ws.db, report.journal_id) if f.waiting]
    reason = report.reason
    # its own message (before: the ordinary "restored from an older backup"), naming the
    # decision it would undo and every head witnessed on the line taken on since
    assert "oppheve evaluators beslutning" in reason
    assert "eldre sikkerhetskopi" not in reason
    assert done.tag in reason
    assert done.decided_at in reason
    assert f"--tag {waiting.tag}" in reason
    for size in new_line:
        assert f"{size} · " in reason, (size, reason)
    [j] = [j for j in status(ws).journals if j.journal_id == report.journal_id]
    assert j.blocked is not None
    assert "undo the evaluator's decision" in j.blocked.words("en")


def test_a_restore_stated_before_the_decisions_restore_is_refused_outright(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, new_line = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch, before=True)
    bundles = ws.db.scalar("SELECT count(*) FROM bundles")
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert report.receipt is None
    assert "linjen den gjenopprettingen erstattet" in report.reason, report.reason
    assert f"{new_line[-1]} · " in report.reason
    # nothing waits to be taken on, nothing stored
    assert not [f for f in ws_forks.forks(ws.db, report.journal_id) if f.waiting]
    assert ws.db.scalar("SELECT count(*) FROM bundles") == bundles
    with pytest.raises(Exception, match="ingen gjenoppretting venter"):
        ws_forks.reanchor(ws.db, report.journal_id, "teamleder sa ja")
