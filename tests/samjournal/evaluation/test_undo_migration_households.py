"""After the schema 10 -> 11 migration, a household the migrated undo's bundles said left is named
as a question (issue 13; found by an outside review): every household out at the migration
counts as one, until the journal's next bundle answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, on_top, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator import workspace as workspace_module
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import WS_PASS, World
from tests.samjournal.evaluation.test_readmit_lines import CONFIRMED, _insider_full, _stoned
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY


def _to_schema_10(ws: Workspace) -> None:
    db = ws.db
    with db.transaction():
        for statement in on_top.SCHEMA.split(";"):
            db.execute(statement)
        db.execute(
            "INSERT INTO record_undo SELECT (SELECT bundle_hash FROM audit_on_top t WHERE"
            " t.fork = u.fork ORDER BY n LIMIT 1), journal_id, household_id, entity, record_id,"
            " version, data FROM undo_records u"
        )
        db.execute(
            "INSERT INTO counts_undo SELECT (SELECT bundle_hash FROM audit_on_top t WHERE"
            " t.fork = u.fork ORDER BY n LIMIT 1), month, sequence, data FROM undo_counts u"
        )
        for table in (*on_top.UNDONE, "audit_taken_back", "audit_kept_out"):
            db.execute(f"DROP TABLE {table}")
        db.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")


def test_a_household_a_schema_10_undo_kept_out_is_named_after_the_migration(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)  # the old line says family 0 left
    assert _import(ws, full, tmp_path).status == "stored"
    [gone] = _stoned(ws, journal_id) - before
    _to_schema_10(ws)  # the workspace as schema 10 left it, then opened by this version
    with Workspace.open(world.workspace, WS_PASS) as ws11:
        version = ws11.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version == str(workspace_module.SCHEMA_VERSION)  # migrated to this version's
        ws_forks.withdraw(ws11.db, journal_id, WHY, tag=mistaken.tag)
        [w] = on_top.withdrawals(ws11.db, journal_id)
        lines = _lines(ws11, journal_id, "en")
        stoned = gone in _stoned(ws11, journal_id)
        named = any("KEPT OUT" in s and gone in s for s in lines)
        assert not stoned or named, (
            f"household {gone} out after the withdrawal, kept_out={w.kept_out}, status silent"
        )
        if stoned:
            readmit.readmit(ws11.db, journal_id, gone, CONFIRMED)
            assert gone not in _stoned(ws11, journal_id)
