"""Honest recoveries never block a journal for good (issue 13, outside review rev13: F5, F6, F6b).

Each evaluator decision names ONE restore (reanchor or reject, by tag or by the bundle that
stated it), can be withdrawn while nothing was imported on top of it, and sets aside only the
heads the accepted line does not extend. A journal restored twice (an older backup first, then a
newer one) states what the first restore lost; a loss a team lead accepts (`check --accept-loss`)
is stated like a restore; a refused bundle shows in `evaluator status` with why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samjournal import audit, audit_forks, audit_heads, mark
from samjournal.audit import Action
from samjournal.backup import restore
from samjournal.cli.commands import EXIT_OK, main
from samjournal.errors import RecentWorkMissing, ValidationError
from samjournal.evaluation.evaluator import Workspace, import_bundles, status
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator.merge import ImportReport
from samjournal.evaluation.evaluator.workspace import SCHEMA_VERSION
from samjournal.journal import Journal
from samjournal.store import Database
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity, _rewrite


def _send(journal: Journal, ws: Workspace, tmp_path: Path, receipt: bool = True) -> ImportReport:
    bundle = journal.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    if receipt and report.receipt is not None:
        journal.evaluation.import_receipt(report.receipt)
    return report


def _again(ws: Workspace, bundle: Path, tmp_path: Path) -> ImportReport:
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    return report


def _waiting(ws: Workspace, journal_id: str) -> list[ws_forks.Fork]:
    return [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]


def _first_view(db: Database, after: int) -> int:
    row = db.first(
        "SELECT seq FROM audit WHERE action = 'view' AND family_id IS NOT NULL AND seq > ?"
        " ORDER BY seq LIMIT 1",
        (after,),
    )
    assert row is not None
    return int(row[0])


def _two_restores(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> tuple[str, Path, Path, Path]:
    """bk0 (before bundle 1), bundle 1, bk1, bundle 2; then bk0 restored and a bundle sent from
    it, then bk1 restored. Returns the journal id, the bk0 line's bundle, and the backups."""
    _activity(lead, world, 3)
    bk0 = lead.backup(tmp_path / "bk0.zip")
    _activity(lead, world, 3)
    r1 = _send(lead, ws, tmp_path)
    _activity(lead, world, 3)
    bk1 = lead.backup(tmp_path / "bk1.zip")
    _activity(lead, world, 3)
    r2 = _send(lead, ws, tmp_path)
    assert r1.status == r2.status == "stored"
    lead.lock()
    restore(bk0, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    j = Journal.open(world.journal, LEAD, LEAD_PASS)
    older = j.evaluation.export(STUDY, tmp_path / "bk0-line").path
    assert _again(ws, older, tmp_path).status == "rejected"  # held: restore bk0 waits
    j.lock()
    restore(bk1, world.journal, LEAD, LEAD_PASS, reason="fant en nyere kopi")
    return r1.journal_id, older, bk0, bk1


# -- F6b: two honest restores before the decision ---------------------------------------------


def test_a_second_restore_states_what_the_first_lost_and_one_decision_takes_it_on(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal_id, older, _, _ = _two_restores(lead, ws, world, tmp_path)
    j = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        [first] = _waiting(ws, journal_id)  # bk0's, stated by the bk0 line's bundle
        [second] = audit_forks.forks(j._require_open().db)
        # bk1's copy holds no fork of bk0's restore, but its statement carries what that one
        # lost: the original journal's head, not only how far the intermediate bk0 journal came
        assert first.lost is not None
        assert second.lost == first.lost
        newest = ws_forks.forks(ws.db, journal_id)[0]
        assert second.witnessed is not None
        assert second.witnessed.size >= newest.restored.size
        held = j.evaluation.export(STUDY, tmp_path / "held").path
        refused = _again(ws, held, tmp_path)
        assert refused.status == "rejected"
        assert second.tag in refused.reason  # held as a restore to decide on, named
        waiting = _waiting(ws, journal_id)
        assert len(waiting) == 2
        with pytest.raises(ValidationError) as many:
            ws_forks.reanchor(ws.db, journal_id, "teamleder bekreftet")
        assert many.value.key == "name_one_restore"
        bk1_restore = next(f for f in waiting if f.tag == second.tag)
        [decided] = ws_forks.reanchor(
            ws.db, journal_id, "teamleder: bk1 er den riktige", tag=bk1_restore.tag
        )
        assert decided.accepted
        assert decided.tag == bk1_restore.tag
        again = _again(ws, held, tmp_path)
        assert again.status == "stored", again.reason
        assert again.receipt is not None
        j.evaluation.import_receipt(again.receipt)
        _activity(j, world, 2)
        later = _send(j, ws, tmp_path)
        assert later.status == "stored", later.reason
        # the stale bk0 restore still waits; refused, its line's bundle says so
        [stale] = _waiting(ws, journal_id)
        ws_forks.reject(ws.db, journal_id, "teamleder: erstattet av bk1", tag=stale.tag)
        old_line = _again(ws, older, tmp_path)
        assert old_line.status == "rejected"
        assert stale.tag in old_line.reason or "gamle linje" in old_line.reason
    finally:
        j.lock()


def test_a_wrong_decision_is_put_right_by_the_later_line_that_proves_the_set_aside_head(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """The evaluator took on the stale bk0 restore (its bundle imported on top: withdrawing
    would set it aside, and needs a reason: test_withdraw_on_top.py); the bk1 line still proves
    bundle 1's head: held, and its decision puts that head back."""
    journal_id, older, _, _ = _two_restores(lead, ws, world, tmp_path)
    [stale] = _waiting(ws, journal_id)
    ws_forks.reanchor(ws.db, journal_id, "teamleder bekreftet")  # the only one waiting: bk0's
    assert _again(ws, older, tmp_path).status == "stored"
    with pytest.raises(ValidationError) as built_on:
        ws_forks.withdraw(ws.db, journal_id, "", tag=stale.tag)
    assert built_on.value.key == "write_why_withdrawn"
    j = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        held = j.evaluation.export(STUDY, tmp_path / "held").path
        refused = _again(ws, held, tmp_path)
        assert refused.status == "rejected"
        assert "gamle linje" not in refused.reason, refused.reason
        [bk1_restore] = _waiting(ws, journal_id)
        aside = "SELECT bundle_hash, fork FROM audit_superseded ORDER BY 1"
        before = ws.db.tuples(aside)
        ws_forks.reanchor(ws.db, journal_id, "bk1 er den riktige", tag=bk1_restore.tag)
        after = ws.db.tuples(aside)
        assert len(after) == len(before)  # bundle 1's head back on the line, bk0's line aside
        assert {tuple(r) for r in after} != {tuple(r) for r in before}
        ws_forks.withdraw(ws.db, journal_id, "for fort", tag=bk1_restore.tag)  # nothing on top
        assert ws.db.tuples(aside) == before
        ws_forks.reanchor(ws.db, journal_id, "bk1, avklart igjen", bundle=bk1_restore.sequence)
        again = _again(ws, held, tmp_path)
        assert again.status == "stored", again.reason
        assert again.receipt is not None
        j.evaluation.import_receipt(again.receipt)
        _activity(j, world, 2)
        assert _send(j, ws, tmp_path).status == "stored"
        # the bk0 line, taken on by mistake, is set aside now; its bundle is refused
        assert _again(ws, older, tmp_path).status in ("already", "rejected")
    finally:
        j.lock()


def test_a_decision_is_withdrawn_while_nothing_was_imported_on_top(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal_id, _, _, _ = _two_restores(lead, ws, world, tmp_path)
    [stale] = _waiting(ws, journal_id)
    ws_forks.reanchor(ws.db, journal_id, "for fort", bundle=stale.sequence)
    set_aside = int(ws.db.scalar("SELECT count(*) FROM audit_superseded"))
    assert set_aside == 2  # bundle 1 and 2's heads: after bk0's restore point
    [back] = [ws_forks.withdraw(ws.db, journal_id, "for fort", tag=stale.tag[:6])]
    assert back.waiting
    assert not back.reason
    assert int(ws.db.scalar("SELECT count(*) FROM audit_superseded")) == 0
    # a refusal is withdrawn too, and then decided afresh
    ws_forks.reject(ws.db, journal_id, "benektet", tag=stale.tag)
    assert ws_forks.withdraw(ws.db, journal_id, "feil", tag=stale.tag).waiting
    with pytest.raises(ValidationError) as none:
        ws_forks.withdraw(ws.db, journal_id, "feil", tag=stale.tag)
    assert none.value.key == "no_decision_journal"


# -- F6: a planted false restore is refused by name; the genuine one is taken on --------------


def test_a_denied_false_restore_is_refused_alone_and_the_genuine_restore_goes_on(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 5)
    r1 = _send(lead, ws, tmp_path)
    bk = lead.backup(tmp_path / "bk.zip")
    bk_size = audit_heads.current_size(lead._require_open().db)
    _activity(lead, world, 10)
    r2 = _send(lead, ws, tmp_path)
    assert r1.status == r2.status == "stored"
    db: Database = lead._require_open().db
    seq = _first_view(db, bk_size)
    _rewrite(lead, lambda rows: rows[: seq - 1] + rows[seq:])  # the insider's deletion
    x = int(db.scalar("SELECT min(change_to) FROM evaluation_exports")) - 1
    with db.transaction():
        at = audit.for_db(db).append(db, LEAD, Action.RESTORE, "journal", "backup")
        audit_forks.record(
            db, at, audit_heads.Head(x, audit_heads.root_at(db, x).hex()), None, None, "", LEAD
        )
    mark.Marker.for_db(db).write(mark.current(db), durable=True)
    r3 = _send(lead, ws, tmp_path)
    assert r3.status == "rejected"
    tampered_bundle = Path(shutil.copy2(r3.path, tmp_path / "tampered.age"))
    [false] = _waiting(ws, r1.journal_id)
    lead.lock()
    restore(bk, world.journal, LEAD, LEAD_PASS, reason="logg manipulert; tilbake til bk")
    back = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        held = back.evaluation.export(STUDY, tmp_path / "held").path
        assert _again(ws, held, tmp_path).status == "rejected"
        assert len(_waiting(ws, r1.journal_id)) == 2
        denied = ws_forks.reject(
            ws.db, r1.journal_id, "teamleder: ingen gjenoppretting da", bundle=false.sequence
        )
        assert denied.decision == ws_forks.REFUSED
        assert denied.tag == false.tag
        decided = ws_forks.reanchor(ws.db, r1.journal_id, "teamleder bekreftet bk.zip")
        assert len(decided) == 1
        assert decided[0].tag != false.tag
        again = _again(ws, held, tmp_path)
        assert again.status == "stored", again.reason
        _activity(back, world, 2)
        assert _send(back, ws, tmp_path).status == "stored"
        # the tampered line's bundle states the refused restore: refused with the decision
        tampered = _again(ws, tampered_bundle, tmp_path)
        assert tampered.status == "rejected"
        assert "teamleder: ingen gjenoppretting da" in tampered.reason or (
            "gamle linje" in tampered.reason
        )
        lines = status(ws).lines()
        assert any(false.tag in line and "GAFFEL, AVVIST" in line for line in lines)
        assert any("GAFFEL, GODTATT" in line for line in lines)
    finally:
        back.lock()


# -- F5: an accepted loss is a statement the evaluator can decide on --------------------------


def test_accepted_lost_work_is_stated_and_the_journal_goes_on_after_a_decision(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 5)
    r1 = _send(lead, ws, tmp_path)
    assert r1.status == "stored"
    lead.lock()
    db_path = world.journal / "journal.db"
    shutil.copy2(db_path, tmp_path / "older.db")
    again = Journal.open(world.journal, LEAD, LEAD_PASS)
    _activity(again, world, 5)
    r2 = _send(again, ws, tmp_path, receipt=False)  # delivered; the laptop dies before the receipt
    assert r2.status == "stored"
    again.lock()
    for extra in ("journal.db-wal", "journal.db-shm"):
        (world.journal / extra).unlink(missing_ok=True)
    shutil.copy2(tmp_path / "older.db", db_path)
    with pytest.raises(RecentWorkMissing):
        Journal.open(world.journal, LEAD, LEAD_PASS)
    back = Journal.open(world.journal, LEAD, LEAD_PASS, accept_missing=True)
    try:
        [loss] = audit_forks.forks(back._require_open().db)
        assert loss.reason == mark.ACCEPTED
        assert loss.username == LEAD
        assert loss.lost is not None
        assert loss.lost.size > int(r2.audit_head.split()[1])
        _activity(back, world, 3)
        r3 = _send(back, ws, tmp_path)
        assert r3.status == "rejected"
        assert "bundle_not_proved" not in r3.reason
        [waiting] = _waiting(ws, r1.journal_id)
        assert waiting.tag == loss.tag
        journal = next(j for j in status(ws).journals if j.journal_id == r1.journal_id)
        assert journal.blocked is None  # held: shown as the restore waiting, not twice
        [line] = journal.forks
        assert line.key == "fork_waiting"
        assert loss.tag in line
        ws_forks.reanchor(ws.db, r1.journal_id, "teamleder ringte: arbeid tapt etter krasj")
        r4 = _send(back, ws, tmp_path)
        assert r4.status == "stored", r4.reason
        assert ws.db.scalar("SELECT count(*) FROM audit_refusals") == 0  # no longer blocked
    finally:
        back.lock()


def test_a_cut_log_stating_nothing_names_the_honest_causes_and_shows_blocked(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """A journal from before accept-loss stated itself (its loss not stated): refused as cut,
    with the honest causes named beside the accusation, and shown as blocked in status."""
    _activity(lead, world, 5)
    r1 = _send(lead, ws, tmp_path)
    db: Database = lead._require_open().db
    size = audit_heads.current_size(db)
    _rewrite(lead, lambda rows: rows[: size - 3])
    r2 = _send(lead, ws, tmp_path)
    assert r1.status == "stored"
    assert r2.status == "rejected"
    assert "--accept-loss" in r2.reason
    assert "skrevet om" in r2.reason
    lines = status(ws).lines("en")
    assert any("BLOCKED" in line and "--accept-loss" in line for line in lines), lines
    [journal] = status(ws).journals
    assert journal.blocked is not None
    assert f"({r2.sequence})" in journal.blocked
    _activity(lead, world, 2)
    assert _send(lead, ws, tmp_path).status == "rejected"  # still: a cut log stays refused


def test_the_cli_names_one_restore_refuses_and_withdraws(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal_id, _, _, _ = _two_restores(lead, ws, world, tmp_path)
    [stale] = _waiting(ws, journal_id)
    folder = world.workspace
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WS_PASS)
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    base = ["evaluator", "journal"]
    code = main([*base, "reject", str(folder), "--id", journal_id, "--tag", stale.tag,
                 "--reason", "denied by the team lead"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "REFUSED" in out
    assert f"(restore {stale.tag})" in out
    code = main([*base, "withdraw", str(folder), "--id", journal_id, "--bundle",
                 str(stale.sequence), "--reason", "asked the wrong team"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "WAITING FOR A DECISION" in out
    assert "DECISION WITHDRAWN" in out
    assert "denied by the team lead" in out
    code = main([*base, "reanchor", str(folder), "--id", journal_id, "--reason", "confirmed"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "FORK, ACCEPTED" in out
    assert stale.tag in out
    assert main(["evaluator", "status", str(folder)]) == EXIT_OK
    assert f"(restore {stale.tag})" in capsys.readouterr().out


def test_a_workspace_of_schema_8_keeps_its_decisions_as_accepted(world: World) -> None:
    with Workspace.open(world.workspace, WS_PASS) as ws, ws.db.transaction():
        for n, decided in ((1, "2026-03-03T10:00:00+00:00"), (2, None)):
            ws.db.execute(
                "INSERT INTO audit_forks (journal_id, restored_size, restored_root, restored_at,"
                " tag, bundle_hash, sequence, seen_at, decided_at, reason)"
                " VALUES ('j', 5, ?, 'x', ?, 'b', ?, 'y', ?, ?)",
                ("ab" * 32, f"{n:016x}", n, decided, "ringte" if decided else None),
            )
        for size in (3, 7):  # heads witnessed below and above the waiting restore's point
            ws.db.execute(
                "INSERT INTO audit_heads (bundle_hash, journal_id, sequence, size, root, at)"
                " VALUES (?, 'j', ?, ?, ?, '')",
                (f"h{size}", size, size, "cd" * 32),
            )
        ws.db.execute("DROP TABLE audit_decisions")  # as schema 8 had it
        ws.db.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    with Workspace.open(world.workspace, WS_PASS) as ws:
        decided, waiting = ws_forks.forks(ws.db, "j")
        assert decided.accepted
        assert decided.reason == "ringte"
        assert waiting.waiting
        assert ws.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(
            SCHEMA_VERSION
        )
        # held before schema 9 (no heads its bundle proved): decided as it was then
        ws_forks.reanchor(ws.db, "j", "ringte også")
        assert ws.db.tuples("SELECT bundle_hash FROM audit_superseded") == [("h7",)]
