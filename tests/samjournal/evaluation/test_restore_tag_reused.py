"""A restore's tag is chosen by the journal (any user with the data key can edit it). A bundle
stating a tag the evaluator already holds with other content (restore point, lost, witnessed)
is refused as two restores under one tag: nothing stored, no receipt, status says why, and no
decision on the tag can land on the other restore (review rev13b F1)."""

from __future__ import annotations

import shutil
from pathlib import Path

from samjournal import audit_forks, audit_heads
from samjournal.evaluation.evaluator import Workspace, import_bundles, status
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator.merge import ImportReport
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_reanchor import _restored_after_a_lost_bundle

TWO_UNDER_ONE = "to ulike gjenopprettinger bærer samme merke"


def _import(ws: Workspace, bundle: Path, tmp_path: Path) -> ImportReport:
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    return report


def _insider_bundle(world: World, tmp_path: Path, lower_by: int) -> tuple[Path, str, int]:
    """An insider copies the restored folder, moves the stated restore point of the SAME tag
    lower (still a true head of the log), and exports from the copy."""
    copy = tmp_path / "insider-copy"
    shutil.copytree(world.journal, copy)
    j = Journal.open(copy, LEAD, LEAD_PASS)
    try:
        db = j._require_open().db
        [fork] = audit_forks.forks(db)
        size = fork.restored.size - lower_by
        root = audit_heads.root_at(db, size)
        assert root is not None
        with db.transaction():
            db.execute(
                "UPDATE audit_forks SET restored_size = ?, restored_root = ? WHERE tag = ?",
                (size, root.hex(), fork.tag),
            )
        bundle = j.evaluation.export(STUDY, tmp_path / "insider").path
        return bundle, fork.tag, size
    finally:
        j.lock()


def _honest(world: World, tmp_path: Path) -> Path:
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        return journal.evaluation.export(STUDY, tmp_path / "honest").path
    finally:
        journal.lock()


def _blocked(ws: Workspace, journal_id: str) -> str:
    [j] = [j for j in status(ws).journals if j.journal_id == journal_id]
    assert j.blocked is not None
    return j.blocked.words("nb") + "\n" + j.blocked.words("en")


def _proved(ws: Workspace) -> list[tuple[object, ...]]:
    return [tuple(r) for r in ws.db.tuples("SELECT * FROM audit_fork_proved ORDER BY 1, 2")]


def test_a_statement_under_a_held_tag_with_other_content_is_refused_not_merged(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Honest bundle held first (tag T, point P); the insider's bundle states T at P-1: refused
    as two restores under one tag, nothing added to the honest row, status says so."""
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    journal.lock()
    held = _import(ws, _honest(world, tmp_path), tmp_path)
    assert held.status == "rejected"
    [honest] = ws_forks.forks(ws.db, held.journal_id)
    proved = _proved(ws)
    insider, tag, size = _insider_bundle(world, tmp_path, 1)
    report = _import(ws, insider, tmp_path)
    assert report.status == "rejected"
    assert report.receipt is None
    assert TWO_UNDER_ONE in report.reason, report.reason
    assert tag in report.reason, report.reason
    assert str(size) in report.reason
    assert str(honest.restored.size) in report.reason
    assert ws_forks.forks(ws.db, held.journal_id) == [honest]  # one row, still the honest one
    assert _proved(ws) == proved  # the insider's heads were not added to it
    blocked = _blocked(ws, held.journal_id)
    assert TWO_UNDER_ONE in blocked
    assert "two different restores carry the same tag" in blocked


def test_the_refusal_of_a_reused_tag_names_no_decision_to_take_on_it(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """The insider's refusal tells the evaluator to take no decision on the tag (before, it said
    'reject --tag T', which landed on the honest restore); the honest bundle still waits for
    its own decision, with the ordinary message."""
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    journal.lock()
    honest = _honest(world, tmp_path)
    assert _import(ws, honest, tmp_path).status == "rejected"
    insider, tag, size = _insider_bundle(world, tmp_path, 1)
    said = _import(ws, insider, tmp_path)
    assert said.status == "rejected"
    assert f"--tag {tag}" not in said.reason, said.reason
    assert "reject" not in said.reason, said.reason
    again = _import(ws, honest, tmp_path)
    assert again.status == "rejected"
    assert f"--tag {tag}" in again.reason
    assert "eldre sikkerhetskopi" in again.reason, again.reason
    [waiting] = ws_forks.forks(ws.db, said.journal_id)
    assert waiting.waiting
    assert waiting.tag == tag
    assert waiting.restored.size == size + 1


def test_an_insider_statement_sent_first_is_not_taken_for_the_honest_one(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Insider's statement first (same tag, lower point), refused by the evaluator. The honest
    bundle is then refused as two restores under one tag (before: as 'the evaluator refused
    that restore', naming a point the journal never stated); nothing stored, status says so."""
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    journal.lock()
    insider, tag, size = _insider_bundle(world, tmp_path, 1)
    first = _import(ws, insider, tmp_path)
    assert first.status == "rejected"
    [held] = ws_forks.forks(ws.db, first.journal_id)
    assert held.tag == tag
    assert held.restored.size == size
    ws_forks.reject(ws.db, first.journal_id, "teamleder: ikke fra det hodet", tag=tag)
    bundles = ws.db.scalar("SELECT count(*) FROM bundles")
    refused = _import(ws, _honest(world, tmp_path), tmp_path)
    assert refused.status == "rejected"
    assert refused.receipt is None
    assert TWO_UNDER_ONE in refused.reason, refused.reason
    assert "avviste" not in refused.reason, refused.reason
    assert ws.db.scalar("SELECT count(*) FROM bundles") == bundles
    assert [f.restored.size for f in ws_forks.forks(ws.db, first.journal_id)] == [size]
    assert TWO_UNDER_ONE in _blocked(ws, first.journal_id)
