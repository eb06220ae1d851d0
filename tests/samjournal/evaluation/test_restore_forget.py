"""An insider's statement first under an honest restore's tag no longer blocks the journal for
good (issue 13, the first dead end the third review left).

The insider's bundle states tag T with another restore point; the evaluator refuses it; the
honest bundles repeat T and are refused as two restores under one tag. The way out is an
audited decision: `evaluator journal forget` drops a REFUSED statement, with a reason, so the
tag is free for the honest statement. It does not erase the refusal: the statement stays in
status (with the refusal and why it was dropped), and a bundle that states it again is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samjournal import audit_forks
from samjournal.cli.commands import EXIT_OK, main
from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, status
from samjournal.evaluation.evaluator import forget as ws_forget
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator.workspace import SCHEMA_VERSION
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_reanchor import _restored_after_a_lost_bundle
from tests.samjournal.evaluation.test_restore_tag_reused import (
    TWO_UNDER_ONE,
    _honest,
    _import,
    _insider_bundle,
)

REFUSAL = "teamleder: ikke fra det hodet"
WHY = "teamleder bekreftet gjenopprettingen fra det andre hodet; innsiderens pakke lagt bort"


def _insider_first_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> tuple[str, str, int, Path, Path]:
    """The dead end: the insider's statement (tag T, point P-1) held first and refused; the
    honest bundle (T, P) refused as two restores under one tag. Returns the journal id, T,
    P-1, the insider's bundle and the honest one."""
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    journal.lock()
    insider, tag, size = _insider_bundle(world, tmp_path, 1)
    first = _import(ws, insider, tmp_path)
    assert first.status == "rejected"
    ws_forks.reject(ws.db, first.journal_id, REFUSAL, tag=tag)
    honest = _honest(world, tmp_path)
    blocked = _import(ws, honest, tmp_path)
    assert blocked.status == "rejected"
    assert TWO_UNDER_ONE in blocked.reason  # the dead end, as the review left it
    return first.journal_id, tag, size, insider, honest


def _lines(ws: Workspace, journal_id: str, language: str) -> list[str]:
    [j] = [j for j in status(ws).journals if j.journal_id == journal_id]
    return [f.words(language) for f in j.forks]


def test_forgetting_a_refused_statement_lets_the_honest_one_be_decided_and_imported(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal_id, tag, size, _, honest = _insider_first_refused(lead, ws, world, tmp_path)
    gone = ws_forget.forget(ws.db, journal_id, WHY, tag=tag)
    assert gone.tag == tag
    assert gone.restored.size == size
    assert gone.refusal == REFUSAL
    assert ws_forks.forks(ws.db, journal_id) == []  # the tag is free
    held = _import(ws, honest, tmp_path)
    assert held.status == "rejected"
    assert "eldre sikkerhetskopi" in held.reason, held.reason  # held as an ordinary restore
    [waiting] = ws_forks.forks(ws.db, journal_id)
    assert waiting.waiting
    assert (waiting.tag, waiting.restored.size) == (tag, size + 1)
    ws_forks.reanchor(ws.db, journal_id, "teamleder bekreftet", tag=tag)
    stored = _import(ws, honest, tmp_path)
    assert stored.status == "stored", stored.reason
    assert stored.receipt is not None
    # the dropped statement still shows, with its refusal and why it was dropped
    for language, word in (("nb", "LAGT BORT"), ("en", "DROPPED")):
        [line] = [s for s in _lines(ws, journal_id, language) if word in s]
        assert tag in line
        assert f"{size} · " in line
        assert REFUSAL in line
        assert WHY in line


def test_a_dropped_statement_sent_again_stays_refused_and_takes_no_tag(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Forgetting erases no refusal: the insider's bundle sent again (before the honest one)
    is refused naming the dropped statement, holds nothing, and the honest one is held after."""
    journal_id, tag, size, insider, honest = _insider_first_refused(lead, ws, world, tmp_path)
    ws_forget.forget(ws.db, journal_id, WHY, tag=tag)
    bundles = ws.db.scalar("SELECT count(*) FROM bundles")
    again = _import(ws, insider, tmp_path)
    assert again.status == "rejected"
    assert again.receipt is None
    assert "lagt bort" in again.reason, again.reason
    assert REFUSAL in again.reason
    assert tag in again.reason
    assert ws_forks.forks(ws.db, journal_id) == []  # nothing held under the tag
    assert ws.db.scalar("SELECT count(*) FROM bundles") == bundles
    [j] = [j for j in status(ws).journals if j.journal_id == journal_id]
    assert j.blocked is not None
    assert "dropped" in j.blocked.words("en")
    assert _import(ws, honest, tmp_path).status == "rejected"
    [waiting] = ws_forks.forks(ws.db, journal_id)
    assert (waiting.tag, waiting.restored.size, waiting.waiting) == (tag, size + 1, True)


def test_only_a_refused_statement_can_be_dropped_and_only_with_a_reason(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    journal.lock()
    held = _import(ws, _honest(world, tmp_path), tmp_path)
    [fork] = ws_forks.forks(ws.db, held.journal_id)
    with pytest.raises(ValidationError) as waiting:  # not decided: nothing to drop
        ws_forget.forget(ws.db, held.journal_id, WHY, tag=fork.tag)
    assert waiting.value.key == "no_decision_journal"
    ws_forks.reanchor(ws.db, held.journal_id, "teamleder bekreftet", tag=fork.tag)
    with pytest.raises(ValidationError) as accepted:  # an acceptance is withdrawn, not dropped
        ws_forget.forget(ws.db, held.journal_id, WHY, tag=fork.tag)
    assert accepted.value.key == "forget_only_refused"
    ws_forks.withdraw(ws.db, held.journal_id, "teamleder: feil", tag=fork.tag)
    ws_forks.reject(ws.db, held.journal_id, "benektet", tag=fork.tag)
    with pytest.raises(ValidationError) as bare:
        ws_forget.forget(ws.db, held.journal_id, "  ", tag=fork.tag)
    assert bare.value.key == "write_why_forgotten"
    assert ws_forks.forks(ws.db, held.journal_id) == [
        f for f in ws_forks.forks(ws.db, held.journal_id) if f.decision == ws_forks.REFUSED
    ]
    assert ws_forget.forgotten(ws.db, held.journal_id) == []


def test_the_cli_drops_a_refused_statement_and_status_keeps_it(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal_id, tag, _, _, _ = _insider_first_refused(lead, ws, world, tmp_path)
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WS_PASS)
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    code = main(["evaluator", "journal", "forget", str(world.workspace), "--id", journal_id,
                 "--tag", tag, "--reason", WHY])  # fmt: skip
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "DROPPED" in out
    assert tag in out
    assert main(["evaluator", "status", str(world.workspace)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "DROPPED" in out
    assert WHY in out
    with Workspace.open(world.workspace, WS_PASS) as again:
        assert again.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(
            SCHEMA_VERSION
        )
        [gone] = ws_forget.forgotten(again.db, journal_id)
        assert gone.reason == WHY


def test_a_dropped_statement_under_a_new_tag_is_held_saying_what_it_repeats(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """The insider re-sends the dropped false restore under a new tag (the tag is a value in
    the journal's own fork table). It is held for a decision, since a genuine restore from the
    same backup says the same, but the refusal and the status name the refusal it repeats."""
    journal_id, tag, size, _, _ = _insider_first_refused(lead, ws, world, tmp_path)
    ws_forget.forget(ws.db, journal_id, WHY, tag=tag)
    copy = tmp_path / "insider-copy-2"
    shutil.copytree(tmp_path / "insider-copy", copy)
    insider = Journal.open(copy, LEAD, LEAD_PASS)
    try:
        db = insider._require_open().db
        [fork] = audit_forks.forks(db)
        assert fork.restored.size == size
        with db.transaction():
            db.execute("UPDATE audit_forks SET tag = ? WHERE tag = ?", ("0123456789abcdef", tag))
        bundle = insider.evaluation.export(STUDY, tmp_path / "insider-2").path
    finally:
        insider.lock()
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert REFUSAL in report.reason
    assert WHY in report.reason
    assert tag in report.reason
    [again] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    assert again.tag == "0123456789abcdef"
    for language, word in (("nb", "SAMME SOM EN AVVIST"), ("en", "SAME AS A REFUSED ONE")):
        [line] = [s for s in _lines(ws, journal_id, language) if word in s]
        assert again.tag in line
        assert tag in line
        assert REFUSAL in line
