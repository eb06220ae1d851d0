"""The journal's own checks cannot be talked round by an insider (issue 13, review rev13).

F1/F1b: an event edited in the database (with or without its chain recomputed) never leaves in
a bundle: the export recomputes the log before it signs a head, and `audit verify` names the
event. F2: a restore statement an insider plants is held to what a restore leaves, and a witness
it alone explains is its own outcome (exit 3) until a receipt shows the evaluator took the
restore. F3: a backup's head is checked with the key derived from the seed exports sign with,
or with the key the evaluator registered (`--key journal.pub`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal import audit, audit_check, audit_forks, audit_heads, mark
from samjournal.audit import Action
from samjournal.backup import restore
from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, main
from samjournal.cli.support import EXIT_UNCONFIRMED
from samjournal.errors import AuditChainBroken, ValidationError
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.evaluator.forks import reanchor
from samjournal.journal import Journal
from samjournal.minisign import SigningKey
from samjournal.store import Database
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WORKER, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity, _rewrite


def _send(journal: Journal, ws: Workspace, tmp_path: Path) -> Path:
    bundle = journal.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "stored", report.lines()
    assert report.receipt is not None
    journal.evaluation.import_receipt(report.receipt)
    return report.receipt


def _first_view(db: Database, after: int) -> tuple[int, int]:
    row = db.first(
        "SELECT seq, family_id FROM audit WHERE action = 'view' AND family_id IS NOT NULL"
        " AND seq > ? ORDER BY seq LIMIT 1",
        (after,),
    )
    assert row is not None
    return int(row[0]), int(row[1])


def _other_family(db: Database, family: int) -> int:
    return int(
        db.scalar(
            "SELECT family_id FROM audit WHERE family_id IS NOT NULL AND family_id != ? LIMIT 1",
            (family,),
        )
    )


def _exports(journal: Journal) -> int:
    return int(journal._require_open().db.scalar("SELECT count(*) FROM evaluation_exports"))


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    return main(list(args))


# -- F1b and F1: an edited event never rides out in a bundle ----------------------------------


def test_a_plain_update_of_an_event_stops_the_export(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """rev13 F1b: one SQL UPDATE of the insider's own event, nothing recomputed: the stored
    tree is the genuine line, so before this the evaluator stored and receipted the next
    bundle."""
    start = audit_heads.current_size(lead._require_open().db)
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    db = lead._require_open().db
    seq, family = _first_view(db, start)
    with db.transaction():
        db.execute("UPDATE audit SET family_id = ? WHERE seq = ?", (_other_family(db, family), seq))
    _activity(lead, world, 3)
    before = _exports(lead)
    with pytest.raises(AuditChainBroken, match="samjournal audit verify") as caught:
        lead.evaluation.export(STUDY, tmp_path / "next")
    assert caught.value.key == "export_log_broken"
    assert f"hendelse {seq} er endret" in str(caught.value)
    assert _exports(lead) == before
    assert not list((tmp_path / "next").glob("*.age"))


def test_a_rehashed_event_under_the_stored_tree_is_named_and_stops_the_export(
    lead: Journal,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """rev13 F1: the chain recomputed with audit_key, the stored tree left: `audit verify`
    said only how many stored subtrees were off; it now names the first event that differs."""
    start = audit_heads.current_size(lead._require_open().db)
    _activity(lead, world, 10)
    db = lead._require_open().db
    seq, family = _first_view(db, start)
    key = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
    cols = "seq, at, username, action, entity, entity_id, family_id, detail"
    with db.transaction():
        db.execute("UPDATE audit SET family_id = ? WHERE seq = ?", (_other_family(db, family), seq))
        prev = str(db.scalar("SELECT hash FROM audit WHERE seq = ?", (seq - 1,)))
        for row in db.tuples(f"SELECT {cols} FROM audit WHERE seq >= ? ORDER BY seq", (seq,)):
            prev = audit._row_hash(key, prev, tuple(row))
            db.execute("UPDATE audit SET hash = ? WHERE seq = ?", (prev, row[0]))
    [problem] = [p for p in lead.verify_audit().problems if p.key == "tree_nodes_off"]
    assert problem.params["first"] == seq
    with pytest.raises(AuditChainBroken, match=f"det første ved hendelse {seq}"):
        lead.evaluation.export(STUDY, tmp_path / "next")
    lead.lock()
    capsys.readouterr()
    assert _cli(monkeypatch, "audit", "verify", str(world.journal)) == EXIT_ERROR
    assert f"det første ved hendelse {seq}" in capsys.readouterr().out


def test_an_untouched_log_still_exports(lead: Journal, world: World, tmp_path: Path) -> None:
    _activity(lead, world, 3)
    assert lead.verify_audit().ok
    assert lead.evaluation.export(STUDY, tmp_path / "out").path.is_file()


# -- F2: a planted restore does not excuse a witness -----------------------------------------


def _delete_behind_a_receipt(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> tuple[Path, Path, int]:
    """A receipt and a backup witness the insider's 'view family' event; the insider then
    deletes it and recomputes everything (as rev13 F2). Returns receipt, backup, its seq."""
    start = audit_heads.current_size(lead._require_open().db)
    _activity(lead, world, 20)
    receipt = _send(lead, ws, tmp_path)
    backup = lead.backup(tmp_path / "backup.zip")
    seq, _ = _first_view(lead._require_open().db, start)
    _rewrite(lead, lambda rows: rows[: seq - 1] + rows[seq:])
    return receipt, backup, seq


def _plant(db: Database, restored: int, user: str = LEAD) -> None:
    head = audit_heads.Head(restored, (audit_heads.root_at(db, restored) or b"").hex())
    with db.transaction():
        at = audit.for_db(db).append(
            db, user, Action.RESTORE, "journal", "backup", detail="gjenopprettet"
        )
        audit_forks.record(db, at, head, None, None, "disken døde", user)
    mark.Marker.for_db(db).write(mark.current(db), durable=True)


def test_a_fork_planted_at_the_end_of_a_rewritten_log_is_a_problem(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """rev13 F2 as the reviewer wrote it: the restore event appended at the end, going back to
    the event before the deleted one. `audit verify --witness RECEIPT --witness BACKUP` exited
    0 ("whole"); a restore's own event follows the head it went back to, so this one cannot be
    a restore, and explains nothing."""
    receipt, backup, seq = _delete_behind_a_receipt(lead, ws, world, tmp_path)
    _plant(lead._require_open().db, seq - 1)
    for given in (receipt, backup):
        verdict = audit_check.verify(lead, [audit_check.witness(lead, str(given))])
        assert not verdict.ok
        assert not verdict.lost
        assert any(p.key == "fork_implausible" for p in verdict.problems)
    lead.lock()
    capsys.readouterr()
    code = _cli(
        monkeypatch,
        "audit",
        "verify",
        str(world.journal),
        "--witness",
        str(receipt),
        "--witness",
        str(backup),
    )
    out = capsys.readouterr()
    assert code == EXIT_ERROR
    assert "kan ikke være en gjenoppretting" in out.out
    assert "er hel" not in out.out


def test_a_plausible_planted_fork_leaves_the_witness_unconfirmed(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The careful insider cuts the log back to just before the event and states a restore
    there, by the team lead: it looks like a restore, but no receipt shows the evaluator took
    it, so the witness it explains is not passed as whole: exit 3, its own outcome."""
    receipt, backup, seq = _delete_behind_a_receipt(lead, ws, world, tmp_path)
    _rewrite(lead, lambda rows: rows[: seq - 1])
    _plant(lead._require_open().db, seq - 1)
    verdict = audit_check.verify(
        lead, [audit_check.witness(lead, str(receipt)), audit_check.witness(lead, str(backup))]
    )
    assert verdict.ok  # no rewrite proved: a restore could explain it
    assert len(verdict.lost) == 2
    assert not verdict.settled
    [unconfirmed] = verdict.unconfirmed
    assert unconfirmed.params["seq"] == seq
    lead.lock()
    capsys.readouterr()
    args = ["audit", "verify", str(world.journal), "--witness", str(receipt)]
    assert _cli(monkeypatch, *args, "--witness", str(backup)) == EXIT_UNCONFIRMED
    out = capsys.readouterr()
    assert "Ubekreftet" in out.out
    assert "er hel" not in out.out + out.err


def test_a_receipt_after_a_fork_that_lost_no_evaluator_head_confirms_nothing(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The event lies after the evaluator's newest head but behind a backup: the insider cuts
    back to just before it and states a restore there. The evaluator stores the next bundle
    without a decision (it still extends the head the evaluator holds), so its receipt, though
    from after the restore, does not confirm it."""
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    after = audit_heads.current_size(lead._require_open().db)
    _activity(lead, world, 10)
    backup = lead.backup(tmp_path / "backup.zip")
    seq, _ = _first_view(lead._require_open().db, after)
    _rewrite(lead, lambda rows: rows[: seq - 1])
    _plant(lead._require_open().db, seq - 1)
    receipt = _send(lead, ws, tmp_path)  # stored: no decision was asked for
    given = [audit_check.witness(lead, str(w)) for w in (backup, receipt)]
    verdict = audit_check.verify(lead, given)
    assert verdict.ok
    assert [w.what for w in verdict.extended] == [given[1].what]
    assert [u.params["seq"] for u in verdict.unconfirmed] == [seq]
    lead.lock()
    args = ["audit", "verify", str(world.journal), "--witness", str(backup)]
    assert _cli(monkeypatch, *args, "--witness", str(receipt)) == EXIT_UNCONFIRMED


def test_an_open_may_record_failed_unlocks_between_the_head_and_its_fork(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """An accepted loss (check --accept-loss) records its fork after the open's own failed
    unlocks and notes: those, by the same team lead, may lie between; any other event may not."""
    _, _, seq = _delete_behind_a_receipt(lead, ws, world, tmp_path)
    _rewrite(lead, lambda rows: rows[: seq - 1])
    db = lead._require_open().db
    with db.transaction():
        audit.for_db(db).append(db, LEAD, Action.FAILED_UNLOCK, "user", LEAD)
        audit.for_db(db).append(db, LEAD, Action.RESTORE, "journal", "mark", detail="tapt")
    _plant(db, seq - 1)
    [fork] = audit_forks.forks(db)
    assert audit_check.implausible(db, fork) is None
    with db.transaction():
        db.execute("UPDATE audit SET action = 'view' WHERE seq = ?", (seq,))
    problem = audit_check.implausible(db, fork)
    assert problem is not None
    assert problem.params["why"].key == "fork_not_after_head"


def test_a_fork_by_someone_not_a_team_lead_is_a_problem(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    receipt, _, seq = _delete_behind_a_receipt(lead, ws, world, tmp_path)
    _rewrite(lead, lambda rows: rows[: seq - 1])
    _plant(lead._require_open().db, seq - 1, user=WORKER)
    verdict = audit_check.verify(lead, [audit_check.witness(lead, str(receipt))])
    [problem] = [p for p in verdict.problems if p.key == "fork_implausible"]
    assert problem.params["why"].key == "fork_not_by_teamlead"
    assert not verdict.lost


def test_events_older_than_the_restore_after_it_make_it_a_problem(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    receipt, _, seq = _delete_behind_a_receipt(lead, ws, world, tmp_path)
    _rewrite(lead, lambda rows: rows[: seq - 1])
    db = lead._require_open().db
    _plant(db, seq - 1)
    with db.transaction():
        audit.for_db(db).append(
            db, LEAD, Action.VIEW, "family", "1", at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        )
    verdict = audit_check.verify(lead, [audit_check.witness(lead, str(receipt))])
    [problem] = [p for p in verdict.problems if p.key == "fork_implausible"]
    assert problem.params["why"].key == "fork_later_events_older"


def test_a_failed_unlock_from_before_a_restore_audited_after_it_keeps_it_plausible(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """A failed unlock is audited at the next unlock with the attempt's own time: one made on
    the backup's keyring before the restore is older than the restore event, honestly."""
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 3)
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        db = journal._require_open().db
        [fork] = audit_forks.forks(db)
        assert audit_check.implausible(db, fork) is None
        with db.transaction():
            audit.for_db(db).append(
                db,
                LEAD,
                Action.FAILED_UNLOCK,
                "user",
                WORKER,
                at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
            )
        assert audit_check.implausible(db, fork) is None
        with db.transaction():
            audit.for_db(db).append(
                db, LEAD, Action.VIEW, "family", "1", at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
            )
        problem = audit_check.implausible(db, fork)
        assert problem is not None
        assert problem.params["why"].key == "fork_later_events_older"
    finally:
        journal.lock()


def test_an_honest_restore_the_evaluator_took_is_settled(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Restore from a backup before a receipted bundle: the lost receipt is unconfirmed until
    the evaluator reanchors and a receipt from after the restore is given beside it."""
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 10)
    # kept aside: the restored journal numbers its next bundle 2 again, and so its receipt
    lost_receipt = tmp_path / "lost-receipt.json"
    lost_receipt.write_bytes(_send(lead, ws, tmp_path).read_bytes())
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        alone = audit_check.verify(journal, [audit_check.witness(journal, str(lost_receipt))])
        assert alone.ok
        assert alone.unconfirmed
        assert alone.lost
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
        [refused] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert refused.status == "rejected"
        reanchor(ws.db, refused.journal_id, "teamleder ringte: disken døde")
        [taken] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert taken.status == "stored", taken.lines()
        assert taken.receipt is not None
        journal.evaluation.import_receipt(taken.receipt)
        given = [audit_check.witness(journal, str(w)) for w in (lost_receipt, taken.receipt)]
        verdict = audit_check.verify(journal, given)
        assert verdict.settled, (verdict.problems, verdict.unconfirmed)
        assert verdict.lost
    finally:
        journal.lock()
    args = ["audit", "verify", str(world.journal), "--witness", str(lost_receipt)]
    assert _cli(monkeypatch, *args) == EXIT_UNCONFIRMED
    assert _cli(monkeypatch, *args, "--witness", str(taken.receipt)) == EXIT_OK


# -- F3: the key a backup head is checked with ------------------------------------------------


def test_a_changed_public_key_column_does_not_deny_a_genuine_backup(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """rev13 F3: the check key is derived from the seed exports sign with, so overwriting the
    `public_key` column no longer turns a genuine backup into 'altered or not from here': the
    verdict is about the journal's log."""
    start = audit_heads.current_size(lead._require_open().db)
    _activity(lead, world, 10)
    backup = lead.backup(tmp_path / "backup.zip")
    _activity(lead, world, 3)  # the log goes on past the backup: its head is rewritten, not cut
    db = lead._require_open().db
    seq, _ = _first_view(db, start)
    _rewrite(lead, lambda rows: rows[: seq - 1] + rows[seq:])
    with db.transaction():
        db.execute("UPDATE evaluation_signing_keys SET public_key = randomblob(32)")
    verdict = audit_check.verify(lead, [audit_check.witness(lead, str(backup))])
    assert [p.key for p in verdict.problems] == ["head_not_extended"]


def test_replaced_journal_keys_are_named_and_the_registered_key_checks(
    lead: Journal,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An insider who replaces the seed too: the backup's key and the journal's are both
    named (ids and fingerprints), and `--key journal.pub` (the key the evaluator registered)
    checks the genuine backup, which then shows the rewrite."""
    start = audit_heads.current_size(lead._require_open().db)
    registered = lead.evaluation.write_public_key(tmp_path / "journal.pub")
    _activity(lead, world, 10)
    backup = lead.backup(tmp_path / "backup.zip")
    _activity(lead, world, 3)  # the log goes on past the backup: its head is rewritten, not cut
    db = lead._require_open().db
    seq, _ = _first_view(db, start)
    _rewrite(lead, lambda rows: rows[: seq - 1] + rows[seq:])
    other = SigningKey.generate()
    with db.transaction():
        db.execute(
            "UPDATE evaluation_signing_keys SET key_id = ?, seed = ?, public_key = ?",
            (other.public.key_id.hex(), other.seed, other.public.key),
        )
    with pytest.raises(ValidationError) as caught:
        audit_check.witness(lead, str(backup))
    assert caught.value.key == "head_signed_other_key"
    assert registered.fingerprint in str(caught.value)
    assert other.public.fingerprint in str(caught.value)
    key = audit_check.read_key(tmp_path / "journal.pub")
    verdict = audit_check.verify(lead, [audit_check.witness(lead, str(backup), key)])
    assert [p.key for p in verdict.problems] == ["head_not_extended"]
    lead.lock()
    capsys.readouterr()
    args = ["audit", "verify", str(world.journal), "--witness", str(backup)]
    assert _cli(monkeypatch, *args) == EXIT_ERROR
    assert registered.fingerprint in capsys.readouterr().err
    assert _cli(monkeypatch, *args, "--key", str(tmp_path / "journal.pub")) == EXIT_ERROR
    assert "bygger ikke videre" in capsys.readouterr().out


def test_a_backup_signed_by_another_key_than_the_one_given_is_refused(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    backup = lead.backup(tmp_path / "backup.zip")
    stranger = tmp_path / "other.pub"
    stranger.write_text(SigningKey.generate().public.to_file())
    key = audit_check.read_key(stranger)
    with pytest.raises(ValidationError) as caught:
        audit_check.witness(lead, str(backup), key)
    assert caught.value.key == "head_signed_other_key"
    assert key.fingerprint in str(caught.value)
    assert audit_check.verify(lead, [audit_check.witness(lead, str(backup))]).settled
