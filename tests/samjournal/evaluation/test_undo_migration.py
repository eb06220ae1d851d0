"""A workspace of schema 10 with bundles on top of a mistaken acceptance, migrated to 11 (issue 13;
found by an outside review: schema 10 kept no tombstones, so a withdrawal after the migration
kept the wrong line's tombstones and said it had taken none away).

The tombstones of records the undo held are known to be the bundles' and are lifted; the
withdrawal says that tombstones of records they did not carry may be kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, on_top, status
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World, dataset
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def _as_schema_10(ws: Workspace) -> None:
    """What schema 10 would hold for the same imports: the undo per bundle (here, what schema 11
    keeps, under the first bundle on top, which is what the migration keeps), no tombstones."""
    db = ws.db
    with db.transaction():
        first = {
            int(r[0]): str(r[1])
            for r in db.tuples(
                "SELECT fork, bundle_hash FROM audit_on_top o WHERE n ="
                " (SELECT min(n) FROM audit_on_top p WHERE p.fork = o.fork)"
            )
        }
        records = db.tuples("SELECT * FROM undo_records")
        counts = db.tuples("SELECT * FROM undo_counts")
        for table in ("undo_records", "undo_counts", "undo_tombstones", "audit_taken_back"):
            db.execute(f"DROP TABLE {table}")
        for statement in on_top.SCHEMA.split(";"):
            db.execute(statement)
        db.executemany(
            "INSERT INTO record_undo VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(first[int(r[0])], *r[1:]) for r in records],
        )
        db.executemany(
            "INSERT INTO counts_undo VALUES (?, ?, ?, ?)",
            [(first[int(r[0])], *r[1:]) for r in counts],
        )
        db.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")


def test_a_withdrawal_after_the_10_to_11_migration_does_not_say_no_tombstone_was_kept(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, (records, stones), old = _on_old_line(
        lead, ws, world, tmp_path, monkeypatch
    )
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        meeting = insider.families.open(world.families[0]).meetings[0]
        insider.meetings.remove(meeting.id, "feil familie")
        full = insider.evaluation.export(STUDY, tmp_path / "old-full", full=True).path
    finally:
        insider.lock()
    assert _import(ws, full, tmp_path).status == "stored"
    _as_schema_10(ws)
    ws.close()
    with Workspace.open(world.workspace, WS_PASS) as again:
        ws_forks.withdraw(again.db, journal_id, WHY, tag=mistaken.tag)
        after_records, after_stones = dataset(again)
        [withdrawal] = on_top.withdrawals(again.db, journal_id)
        [j] = [j for j in status(again).journals if j.journal_id == journal_id]
        [line] = [f.words("en") for f in j.forks if "WITHDRAWN" in f.words("en")]
    assert set(after_stones) == set(stones)  # the meeting's tombstone is known and lifted
    assert set(after_records) == set(records)
    assert withdrawal.lifted == 1
    assert "tombstones of records they did not carry may be kept" in line
