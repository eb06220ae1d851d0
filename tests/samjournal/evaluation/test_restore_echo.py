"""A dropped refused statement re-sent under a new tag is held, and every refusal of it names the
refusal it repeats: also when it comes from the kept-aside journal after an acceptance, where
the refusal is the one saying that accepting it would undo that decision (issue 13; found by an
outside review).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forget as ws_forget
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle

NEW_TAG = "0123456789abcdef"


def test_the_kept_aside_journals_dropped_statement_under_a_new_tag_is_named_on_import(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, bundle, tmp_path)
    journal_id = held.journal_id
    [w] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    ws_forks.reject(ws.db, journal_id, "teamleder: den gamle journalen", tag=w.tag)
    ws_forget.forget(ws.db, journal_id, "lagt bort for å frigjøre merket", tag=w.tag)
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        db = insider._require_open().db
        with db.transaction():
            db.execute("UPDATE audit_forks SET tag = ? WHERE tag = ?", (NEW_TAG, w.tag))
        again = insider.evaluation.export(STUDY, tmp_path / "again", full=True).path
    finally:
        insider.lock()
    report = _import(ws, again, tmp_path)
    assert report.status == "rejected"
    assert [f.tag for f in ws_forks.forks(ws.db, journal_id) if f.waiting] == [NEW_TAG]
    assert w.tag in report.reason, report.reason  # names the refusal it repeats
