"""Re-anchoring after a restore from an older backup: honest, audited, and decided by a person.

A journal restored from a backup taken before its last bundle no longer extends the head the
evaluator witnessed. Its next bundle says so under its signature; the evaluator refuses it with
that statement in red, and takes it only after `evaluator journal reanchor`. A log rewritten by
an insider says nothing of the kind (or states a restore that does not cover the change), and
stays refused whatever the evaluator does.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
import pytest

from samjournal import audit_check, audit_forks
from samjournal.backup import restore
from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, main
from samjournal.errors import BundleRejected, ValidationError
from samjournal.evaluation import audit_proof
from samjournal.evaluation.audit_proof import AUDIT_FILE
from samjournal.evaluation.bundle import unzip
from samjournal.evaluation.evaluator import (
    Workspace,
    import_bundles,
    status,
    transforms,
    write_datapackage,
)
from samjournal.evaluation.evaluator.forks import reanchor
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_audit_witnesses import (
    _activity,
    _delete_middle,
    _rewrite,
)


def _send(journal: Journal, ws: Workspace, tmp_path: Path, *, receipt: bool = True) -> Path:
    bundle = journal.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "stored", report.lines()
    assert report.receipt is not None
    if receipt:
        journal.evaluation.import_receipt(report.receipt)
    return report.receipt


def _restored_after_a_lost_bundle(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> tuple[Journal, Path, Path]:
    """Bundle 1, a backup, bundle 2 witnessed, then the backup restored: bundle 2's span lost.
    Returns the restored journal, the lost bundle's receipt and the later backup."""
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 10)
    lost_receipt = _send(lead, ws, tmp_path)
    newer = lead.backup(tmp_path / "newer.zip")
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken på kontoret døde")
    return Journal.open(world.journal, LEAD, LEAD_PASS), lost_receipt, newer


def test_restore_refused_then_reanchored_then_accepted(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    try:
        [fork] = audit_forks.forks(journal._require_open().db)
        assert fork.reason == "disken på kontoret døde"
        assert fork.username == LEAD
        assert fork.lost is not None
        assert fork.lost.size > fork.restored.size
        assert fork.witnessed is not None
        assert fork.witnessed.size > fork.restored.size
        _activity(journal, world, 3)
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    heads_before = ws.db.tuples("SELECT bundle_hash FROM audit_heads ORDER BY sequence")
    records_before = ws.db.scalar("SELECT count(*) FROM records")

    # The statement travels signed, in the bag's audit file: heads and a proof, nothing more.
    _, files = unzip(pyrage.decrypt(bundle.read_bytes(), ws.identities))
    body = json.loads(files[AUDIT_FILE])
    assert body["version"] == 3
    [said] = body["restored"]
    assert said["from"]["size"] == fork.restored.size
    assert said["lost"]["size"] == fork.lost.size
    assert "disken" not in files[AUDIT_FILE].decode()
    assert LEAD not in files[AUDIT_FILE].decode()

    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    assert "gjenopprettet fra en eldre sikkerhetskopi" in report.reason
    assert fork.restored.short() in report.reason
    assert "reanchor" in report.reason
    assert ws.db.tuples("SELECT bundle_hash FROM audit_heads ORDER BY sequence") == heads_before
    assert ws.db.scalar("SELECT count(*) FROM records") == records_before
    waiting = [line for line in status(ws).lines() if line.startswith("  ! ")]
    assert len(waiting) == 1
    assert "VENTER PÅ BESLUTNING" in waiting[0]

    # Importing again changes nothing until the evaluator decides; a decision needs a reason.
    [again] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert again.status == "rejected"
    with pytest.raises(ValidationError):
        reanchor(ws.db, report.journal_id, "  ")
    [decided] = reanchor(ws.db, report.journal_id, "teamleder ringte: disken døde 3. mars")
    assert decided.decided_at
    assert decided.reason.startswith("teamleder ringte")
    assert ws.db.scalar("SELECT count(*) FROM audit_superseded") == 1

    [accepted] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert accepted.status == "stored", accepted.lines()
    # The bundle after a restore is full, and replaces the journal's rows from the lost bundles.
    assert accepted.kind == "full"
    assert "erstattet av denne fulle pakken" in accepted.warnings[0]
    assert accepted.updated == accepted.unchanged == 0
    assert ws.db.scalar("SELECT count(*) FROM records") == accepted.added
    # Every row the journal still has came again, not only the households.
    before = dict(ws.db.tuples("SELECT entity, count(*) FROM records GROUP BY entity"))
    assert set(before) == {"households", "meetings", "needs", "payments", "checkins"}
    assert all(accepted.received[entity] == n for entity, n in before.items())
    assert not [w for w in accepted.warnings if "gaffel" in w]  # the set-aside line is not a fork
    lines = status(ws).lines()
    assert any("GAFFEL, GODTATT" in line and "disken døde" in line for line in lines)
    # Bundle 2 was lost in the restore and set aside; the full bundle after it is 2 again.
    assert "  pakker: 2 (nummer 1-2); siste import" in "\n".join(lines)
    assert "  lagt til side etter en gjenoppretting: 1 (nummer 2)" in lines
    # The journal goes on from there: its receipt is recorded and the next bundle links.
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        assert accepted.receipt is not None
        journal.evaluation.import_receipt(accepted.receipt)
        _activity(journal, world, 3)
        nxt = journal.evaluation.export(STUDY, tmp_path / "again").path
        body = json.loads(unzip(pyrage.decrypt(nxt.read_bytes(), ws.identities))[1][AUDIT_FILE])
        assert body["restored"] == []  # the restore was said until a receipt came back
    finally:
        journal.lock()
    [later] = import_bundles(ws, [nxt], receipts_dir=tmp_path / "receipts")
    assert later.status == "stored", later.lines()
    with pytest.raises(ValidationError, match="ingen gjenoppretting venter"):
        reanchor(ws.db, report.journal_id, "once more")


def test_the_journal_shows_the_fork_and_what_it_lost(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, lost_receipt, newer = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    try:
        given = [audit_check.witness(journal, str(w)) for w in (lost_receipt, newer)]
        verdict = audit_check.verify(journal, given)
        assert verdict.ok, verdict.problems  # not a rewrite: a restore, recorded as one
        assert len(verdict.forks) == 1
        assert len(verdict.lost) == 2
        assert all("ble tapt ved gjenopprettingen" in line for line in verdict.lost)
        assert verdict.extended == ()  # both witnesses are from the lost span
        assert "disken på kontoret døde" in verdict.forks[0].describe()
        events = journal.audit_events(limit=20)
        assert any(
            e.action == "restore" and "restored from a backup at head" in e.detail for e in events
        )
    finally:
        journal.lock()


def test_a_rewritten_log_stays_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 20)
    _send(lead, ws, tmp_path)
    _rewrite(lead, _delete_middle)
    _activity(lead, world, 3)
    bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    assert "skrevet om" in report.reason
    with pytest.raises(ValidationError, match="ingen gjenoppretting venter"):
        reanchor(ws.db, report.journal_id, "the team lead asked nicely")
    [again] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert again.status == "rejected"


def test_a_rewrite_that_states_a_restore_it_did_not_do_stays_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """An insider deletes an event behind the witnessed head and forges a fork at the end:
    the statement does not cover the change (the witnessed head is before it)."""
    _activity(lead, world, 20)
    _send(lead, ws, tmp_path)
    _rewrite(lead, _delete_middle)
    db = lead._require_open().db
    head = lead.audit_tree_head()
    with db.transaction():
        audit_forks.record(db, head.size, head, None, None, "forged", LEAD)
    _activity(lead, world, 3)
    bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    assert "skrevet om" in report.reason
    assert ws.db.scalar("SELECT count(*) FROM audit_forks") == 0


def test_the_command_lines(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    lead.lock()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    args = ["restore", str(older), str(world.journal), "--user", LEAD, "--reason", "stjålet PC"]
    assert main(args) == EXIT_OK
    assert "gaffel" in capsys.readouterr().out
    assert main(["audit", "verify", str(world.journal)]) == EXIT_OK
    assert "Gaffel ved hendelse" in capsys.readouterr().out
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
        journal_id = journal.journal_id
    finally:
        journal.lock()
    ws.close()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WS_PASS)
    evaluator = ["evaluator", "import", str(world.workspace), str(bundle)]
    assert main(evaluator) == EXIT_ERROR
    assert "gjenopprettet" in capsys.readouterr().err
    assert main(["evaluator", "status", str(world.workspace)]) == EXIT_OK
    assert "VENTER PÅ BESLUTNING" in capsys.readouterr().out
    decide = ["evaluator", "journal", "reanchor", str(world.workspace), "--id", journal_id]
    assert main([*decide, "--reason", "avklart med teamleder"]) == EXIT_OK
    assert "GODTATT" in capsys.readouterr().out
    assert main(evaluator) == EXIT_OK


def test_a_restore_that_lost_nothing_witnessed_imports_and_says_so(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    backup = lead.backup(tmp_path / "b.zip")  # after the last bundle: nothing witnessed is lost
    _activity(lead, world, 5)
    lead.lock()
    restore(backup, world.journal, LEAD, LEAD_PASS, reason="ny maskin")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "stored", report.lines()
    assert report.warnings[0].startswith("journalen sier den er gjenopprettet")
    assert ws.db.scalar("SELECT count(*) FROM audit_forks") == 0  # nothing to decide


def test_a_bundle_lost_on_the_way_does_not_hide_the_restore(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """The statement (and a full bundle) goes out again until a receipt comes back."""
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    try:
        journal.evaluation.export(STUDY, tmp_path / "lost")  # never reaches the evaluator
        _activity(journal, world, 3)
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    _, files = unzip(pyrage.decrypt(bundle.read_bytes(), ws.identities))
    assert json.loads(files[AUDIT_FILE])["restored"]
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    assert "gjenopprettet fra en eldre sikkerhetskopi" in report.reason
    reanchor(ws.db, report.journal_id, "pakke 3 kom aldri fram")
    [accepted] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert accepted.status == "stored", accepted.lines()
    assert accepted.kind == "full"
    assert ws.db.scalar("SELECT count(*) FROM records") == accepted.added


def test_a_second_restore_from_the_same_backup_is_a_decision_of_its_own(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    older = tmp_path / "older.zip"
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    [report] = import_bundles(ws, [first], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    reanchor(ws.db, report.journal_id, "første gang")
    [stored] = import_bundles(ws, [first], receipts_dir=tmp_path / "receipts")
    assert stored.status == "stored", stored.lines()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="igjen")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        second = journal.evaluation.export(STUDY, tmp_path / "third").path
    finally:
        journal.lock()
    [again] = import_bundles(ws, [second], receipts_dir=tmp_path / "receipts")
    assert again.status == "rejected"
    assert "gjenopprettet fra en eldre sikkerhetskopi" in again.reason
    [decided] = reanchor(ws.db, report.journal_id, "andre gang")
    assert decided.reason == "andre gang"
    [taken] = import_bundles(ws, [second], receipts_dir=tmp_path / "receipts")
    assert taken.status == "stored", taken.lines()


def test_a_tampered_statement_is_refused_as_it_is_read(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, _, _ = _restored_after_a_lost_bundle(lead, ws, world, tmp_path)
    try:
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    raw = unzip(pyrage.decrypt(bundle.read_bytes(), ws.identities))[1][AUDIT_FILE]
    assert audit_proof.parse(raw).restored  # as written, it reads and its proof holds

    def changed(edit: Callable[[dict[str, Any]], None]) -> bytes:
        body = json.loads(raw)
        edit(body)
        return json.dumps(body).encode()

    def other_root(body: dict[str, Any]) -> None:
        body["restored"][0]["from"]["root"] = "0" * 64

    def other_size(body: dict[str, Any]) -> None:
        body["restored"][0]["from"]["size"] -= 1

    with pytest.raises(BundleRejected, match="konsistensbeviset"):
        audit_proof.parse(changed(other_root))
    with pytest.raises(BundleRejected, match="konsistensbeviset"):
        audit_proof.parse(changed(other_size))
    for bad in (
        lambda b: b["restored"][0].update(tag="not hex"),
        lambda b: b.update(version=1),  # no statement, no proofs from other heads
        lambda b: b.update(version=2),  # no proofs from other heads
        lambda b: b.pop("restored"),  # version 3 always says (maybe none)
        lambda b: b.pop("extends"),
        lambda b: b.update(version=2, restored=[]) or b.pop("extends"),
    ):
        with pytest.raises(BundleRejected, match="feil form"):
            audit_proof.parse(changed(bad))


def test_the_data_package_follows_the_journal_past_its_lost_bundles(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Bundles 2 and 3 lost in a restore, a new bundle 2 taken on: the package names bundle 2,
    not the set-aside bundle 3, as each journal's newest."""
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    for _ in range(2):
        _activity(lead, world, 5)
        _send(lead, ws, tmp_path)
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="to pakker tapt")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    reanchor(ws.db, report.journal_id, "to pakker tapt")
    [accepted] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert accepted.status == "stored", accepted.lines()
    assert accepted.sequence == 2
    text = transforms.readme(ws)
    assert f"### journal {report.journal_id}, bundle 2" in text
    assert "bundle 3" not in text
    write_datapackage(ws, tmp_path / "package")
    with (tmp_path / "package" / "journals.csv").open(encoding="utf-8") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["last_sequence"] == "2"
