"""The evaluator's witness holds against what an outside review tried (issue 13, review A, B, E
and G): a forged restore between two witnessed heads, a bundle never delivered, a late bundle
from a line a re-anchoring set aside, and more restores than one bundle may state.

Each attack is what an insider with the journal's key (or a lost USB stick) can do; each is
refused with what was found, nothing is stored, no receipt is written, and the honest path next
to it still imports.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
import pytest

from samjournal import audit_forks
from samjournal.audit import StoredTree
from samjournal.audit_heads import Head
from samjournal.backup import restore
from samjournal.errors import BundleRejected, ValidationError
from samjournal.evaluation import audit_proof
from samjournal.evaluation.audit_proof import AUDIT_FILE, MAX_RESTORES
from samjournal.evaluation.bundle import unzip
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.evaluator.forks import reanchor
from samjournal.evaluation.evaluator.merge import ImportReport
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_audit_witnesses import Rows, _activity, _rewrite


def _import(ws: Workspace, bundle: Path, tmp_path: Path) -> ImportReport:
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    return report


def _send(journal: Journal, ws: Workspace, tmp_path: Path, *, receipt: bool = True) -> Head:
    """Export, import, and (unless told) register the receipt: the head now witnessed."""
    report = _import(ws, journal.evaluation.export(STUDY, tmp_path / "out").path, tmp_path)
    assert report.status == "stored", report.lines()
    assert report.receipt is not None
    if receipt:
        journal.evaluation.import_receipt(report.receipt)
    size, root = ws.db.tuples(
        "SELECT size, root FROM audit_heads WHERE bundle_hash = ?", (report.bundle_hash,)
    )[0]
    return Head(int(size), str(root))


def _drop_fifth(rows: Rows) -> Rows:
    return rows[:4] + rows[5:]


def _unchanged(ws: Workspace, tmp_path: Path) -> tuple[object, ...]:
    """What a refused bundle must leave as it was: heads, bundles, forks, receipts."""
    receipts = tmp_path / "receipts"
    return (
        ws.db.tuples("SELECT bundle_hash FROM audit_heads ORDER BY bundle_hash"),
        ws.db.scalar("SELECT count(*) FROM bundles"),
        ws.db.scalar("SELECT count(*) FROM records"),
        ws.db.scalar("SELECT count(*) FROM audit_forks"),
        sorted(p.name for p in receipts.iterdir()) if receipts.exists() else [],
    )


def _statement(ws: Workspace, bundle: Path) -> dict[str, object]:
    body: dict[str, object] = json.loads(
        unzip(pyrage.decrypt(bundle.read_bytes(), ws.identities))[1][AUDIT_FILE]
    )
    return body


# -- A: a forged restore whose restore point lies between two witnessed heads ------------------


def test_a_forged_restore_between_two_witnessed_heads_hides_no_rewrite(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """An insider deletes an event behind the older witnessed head W1 and states a restore from
    a point between W1 and W2: the restore point does not extend W1, so there is nothing for
    the evaluator to decide on, and the bundle stays refused."""
    _activity(lead, world, 10)
    w1 = _send(lead, ws, tmp_path)
    _activity(lead, world, 10)
    w2 = _send(lead, ws, tmp_path)
    _rewrite(lead, _drop_fifth)
    db = lead._require_open().db
    between = (w1.size + w2.size) // 2
    forged = Head(between, StoredTree(db).mth(0, between).hex())
    with db.transaction():
        now = lead.audit_tree_head().size
        audit_forks.record(db, now, forged, Head(w2.size + 3, "ab" * 32), None, "disk", LEAD)
    _activity(lead, world, 3)
    bundle = lead.evaluation.export(STUDY, tmp_path / "x").path
    assert _statement(ws, bundle)["restored"]  # the forged statement travels, signed
    before = _unchanged(ws, tmp_path)
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert "skrevet om" in report.reason
    assert w2.short() in report.reason  # its own heads differ from the witnessed ones
    assert _unchanged(ws, tmp_path) == before  # no fork waits, nothing stored, no receipt
    with pytest.raises(ValidationError, match="ingen gjenoppretting venter"):
        reanchor(ws.db, report.journal_id, "teamleder sa disken døde")
    assert _import(ws, bundle, tmp_path).status == "rejected"


def test_a_restore_statement_that_disagrees_with_the_witnessed_heads_waits_for_nothing(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """A restore that did lose a witnessed head, but whose statement says the lost span ended
    before that head (an edited fork): not what the evaluator recorded, refused undecidable."""
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 10)
    lost = _send(lead, ws, tmp_path)
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        db = journal._require_open().db
        with db.transaction():  # the insider shortens the lost span to before the lost head
            db.execute("UPDATE audit_forks SET lost_size = ?", (lost.size - 1,))
        bundle = journal.evaluation.export(STUDY, tmp_path / "again").path
    finally:
        journal.lock()
    before = _unchanged(ws, tmp_path)
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert "reanchor" not in report.reason  # nothing to decide on (honest causes are named)
    assert _unchanged(ws, tmp_path) == before


# -- B: a bundle never delivered --------------------------------------------------------------


def test_a_skipped_bundle_hides_no_rewrite_even_in_a_full_bundle(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Bundle 2 proves only from bundle 1; bundle 3 from bundle 2, which the evaluator never saw.
    A bundle must prove from the newest head the evaluator holds: a rewrite behind bundle 1's
    head, hidden between the bundles, is found, also in a full bundle."""
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path)
    _rewrite(lead, _drop_fifth)
    _activity(lead, world, 3)
    lead.evaluation.export(STUDY, tmp_path / "thrown_away")  # bundle 2: never delivered
    _activity(lead, world, 3)
    bundle = lead.evaluation.export(STUDY, tmp_path / "out3", full=True).path
    before = _unchanged(ws, tmp_path)
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert "skrevet om" in report.reason
    assert report.receipt is None
    assert _unchanged(ws, tmp_path) == before


def test_a_bundle_that_proves_nothing_is_held_back(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """An insider empties the export log, so the next bundle proves from no head at all: held
    back, with what to do, and no receipt that could hand its head back as witnessed."""
    _activity(lead, world, 10)
    witnessed = _send(lead, ws, tmp_path)
    db = lead._require_open().db
    with db.transaction():
        db.execute("DELETE FROM evaluation_exports")
    _activity(lead, world, 3)
    bundle = lead.evaluation.export(STUDY, tmp_path / "again", full=True).path
    body = _statement(ws, bundle)
    assert body["previous"] is None
    assert body["extends"] == []
    before = _unchanged(ws, tmp_path)
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert "holdes tilbake" in report.reason
    assert witnessed.short() in report.reason
    assert _unchanged(ws, tmp_path) == before


def test_bundles_lost_or_late_on_the_way_still_link(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """The honest side of the same rule: bundle 2 is lost and bundle 3 arrives (it proves from
    every head the evaluator may hold), with and without the receipt for bundle 1 registered;
    bundle 2 turning up late afterwards lies on the line and imports."""
    _activity(lead, world, 10)
    _send(lead, ws, tmp_path, receipt=False)  # its receipt never reaches the journal
    _activity(lead, world, 3)
    late = lead.evaluation.export(STUDY, tmp_path / "usb").path
    _activity(lead, world, 3)
    third = lead.evaluation.export(STUDY, tmp_path / "out").path
    body = _statement(ws, third)
    assert body["version"] == 3
    assert len(body["extends"]) == 1  # bundle 1's head, beside bundle 2's as `previous`
    report = _import(ws, third, tmp_path)
    assert report.status == "stored", report.lines()
    assert report.receipt is not None
    lead.evaluation.import_receipt(report.receipt)
    again = _import(ws, late, tmp_path)
    assert again.status == "stored", again.lines()
    _activity(lead, world, 3)
    assert _send(lead, ws, tmp_path).size > 0  # proves from bundle 3's receipted head


# -- E: a late bundle from the line a re-anchoring set aside -----------------------------------


def _restored_with_bundles_on_a_stick(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> tuple[Journal, list[Path]]:
    """Bundles 1 and 2 imported, 3 and 4 left on a USB stick, then a restore from a backup
    taken after bundle 1: bundles 2 to 4 are on the line the restore lost."""
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    stick = []
    for name in ("usb3", "usb4"):
        _activity(lead, world, 5)
        stick.append(lead.evaluation.export(STUDY, tmp_path / name).path)
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    return Journal.open(world.journal, LEAD, LEAD_PASS), stick


def test_a_late_bundle_from_the_set_aside_line_never_becomes_a_witness(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal, stick = _restored_with_bundles_on_a_stick(lead, ws, world, tmp_path)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "new2").path
        report = _import(ws, first, tmp_path)
        assert report.status == "rejected"
        reanchor(ws.db, report.journal_id, "avklart med teamleder")
        taken = _import(ws, first, tmp_path)
        assert taken.status == "stored", taken.lines()
        assert taken.receipt is not None
        journal.evaluation.import_receipt(taken.receipt)
        for old in reversed(stick):  # the old stick turns up, and both are imported
            before = _unchanged(ws, tmp_path)
            late = _import(ws, old, tmp_path)
            assert late.status == "rejected"
            assert "gamle linje" in late.reason
            assert _unchanged(ws, tmp_path) == before
        _activity(journal, world, 3)
        nxt = _import(ws, journal.evaluation.export(STUDY, tmp_path / "new3").path, tmp_path)
        assert nxt.status == "stored", nxt.lines()
        _activity(journal, world, 3)
        full = journal.evaluation.export(STUDY, tmp_path / "new4", full=True).path
        assert _import(ws, full, tmp_path).status == "stored"
    finally:
        journal.lock()


def test_a_late_bundle_between_the_decision_and_the_new_line_is_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Before the restored journal's bundle is imported again, the heads kept on the line all
    lie before the restore point: the old line's bundle extends them and would become the
    newest witness. It goes past the restore point without stating the restore: refused."""
    journal, stick = _restored_with_bundles_on_a_stick(lead, ws, world, tmp_path)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "new2").path
    finally:
        journal.lock()
    report = _import(ws, first, tmp_path)
    assert report.status == "rejected"
    reanchor(ws.db, report.journal_id, "avklart med teamleder")
    for old in stick:
        late = _import(ws, old, tmp_path)
        assert late.status == "rejected"
        assert "gamle linje" in late.reason
    taken = _import(ws, first, tmp_path)
    assert taken.status == "stored", taken.lines()


def test_an_old_line_bundle_that_names_no_set_aside_head_is_refused_too(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Bundle 2 of the old line stayed on a stick while bundle 3 arrived: bundle 2 proves only
    from bundle 1's head, which the decision kept. It goes past the restore point without
    stating the restore: from the set-aside line, before and after the new line arrives."""
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 5)
    stick = lead.evaluation.export(STUDY, tmp_path / "usb2").path
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)  # bundle 3, witnessed: the head the restore loses
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "new2").path
    finally:
        journal.lock()
    report = _import(ws, first, tmp_path)
    assert report.status == "rejected"
    reanchor(ws.db, report.journal_id, "avklart med teamleder")
    before = _unchanged(ws, tmp_path)
    late = _import(ws, stick, tmp_path)
    assert late.status == "rejected"
    assert "gamle linje" in late.reason
    assert _unchanged(ws, tmp_path) == before
    assert _import(ws, first, tmp_path).status == "stored"
    assert _import(ws, stick, tmp_path).status == "rejected"


# -- G: more restores than one bundle may state -------------------------------------------------


def test_many_restores_before_a_receipt_still_reach_the_evaluator(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """The first restore loses a witnessed bundle; then the laptop moves (a backup restored)
    again and again with no receipt between. The bundle states at most MAX_RESTORES restores,
    the first among them (it covers the lost head), and the evaluator reads them all."""
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 5)
    _send(lead, ws, tmp_path)
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    for i in range(MAX_RESTORES + 1):
        moved = journal.backup(tmp_path / f"move{i}.zip")
        journal.lock()
        restore(moved, world.journal, LEAD, LEAD_PASS, reason=f"ny PC {i}")
        journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        stated = audit_forks.forks(journal._require_open().db)
        assert len(stated) == MAX_RESTORES + 2
        bundle = journal.evaluation.export(STUDY, tmp_path / "g").path
    finally:
        journal.lock()
    said = _statement(ws, bundle)["restored"]
    assert isinstance(said, list)
    assert len(said) == MAX_RESTORES
    assert said[0]["tag"] == stated[0].tag
    assert said[-1]["tag"] == stated[-1].tag
    report = _import(ws, bundle, tmp_path)
    assert report.status == "rejected"
    assert "gjenopprettet fra en eldre sikkerhetskopi" in report.reason
    reanchor(ws.db, report.journal_id, "mange flyttinger, avklart")
    taken = _import(ws, bundle, tmp_path)
    assert taken.status == "stored", taken.lines()


# -- the audit file ------------------------------------------------------------------------------


def test_the_audit_file_proves_from_each_head_and_older_versions_still_read(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    for _ in range(2):
        _activity(lead, world, 3)
        lead.evaluation.export(STUDY, tmp_path / "out")
    _activity(lead, world, 3)
    third = lead.evaluation.export(STUDY, tmp_path / "out").path
    raw = unzip(pyrage.decrypt(third.read_bytes(), ws.identities))[1][AUDIT_FILE]
    claim = audit_proof.parse(raw)
    [first] = claim.extends
    assert claim.previous is not None
    assert first.head.size < claim.previous.size < claim.head.size
    assert claim.proves(first.head)
    assert claim.proves(claim.previous)
    assert not claim.proves(Head(first.head.size, "0" * 64))

    def changed(edit: Callable[[dict[str, Any]], object]) -> bytes:
        body = json.loads(raw)
        edit(body)
        return json.dumps(body).encode()

    with pytest.raises(BundleRejected, match="konsistensbeviset"):
        audit_proof.parse(changed(lambda b: b["extends"][0]["from"].update(root="1" * 64)))
    with pytest.raises(BundleRejected, match="konsistensbeviset"):
        audit_proof.parse(changed(lambda b: b["extends"][0]["from"].update(size=0)))
    too_many = [json.loads(raw)["extends"][0]] * (audit_proof.MAX_EXTENDS + 1)
    with pytest.raises(BundleRejected, match="feil form"):
        audit_proof.parse(changed(lambda b: b.update(extends=too_many)))
    # A journal of an older version writes version 1: it proves from the previous head only.
    old = audit_proof.parse(
        changed(lambda b: (b.update(version=1), b.pop("extends"), b.pop("restored")))
    )
    assert old.version == 1
    assert old.extends == ()
    assert old.restored == ()
    assert old.proves(claim.previous)
    assert not old.proves(first.head)
