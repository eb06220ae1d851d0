"""The evaluator's workspace: import, status with gaps and forks, receipts, data package."""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected, JournalNotFound, ValidationError, WrongPassphrase
from samjournal.evaluation.evaluator import Workspace, import_bundles, status, write_datapackage
from samjournal.evaluation.receipts import Receipt
from samjournal.journal import Journal
from samjournal.minisign import SigningKey
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    SETTLED,
    SITE,
    STUDY,
    WS_PASS,
    World,
)


def test_import_merges_and_says_what_it_did(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    first = section.export(STUDY, tmp_path).path
    for family in world.families[2:7]:  # k alike: one new check-in alone would be held back
        lead.checkins.record(family, 10, answered_on=SETTLED)
    lead.consents.withdraw(lead.consents.for_family(world.families[1])[0].id)
    second = section.export(STUDY, tmp_path).path
    one, two = import_bundles(ws, [first, second])
    assert one.status == two.status == "stored"
    assert one.added == sum(n for t, n in one.received.items() if t != "tombstones")
    assert one.site == two.site == SITE
    assert f"({SITE})" in one.lines()[0]
    assert two.received["checkins"] == 5
    assert two.added == 5
    assert two.tombstones == two.tombstones_new == 1
    assert two.removed > 1  # the household and all its rows
    assert two.unchanged == two.received["households"]
    text = "\n".join(two.lines())
    assert "lagret" in text
    assert "slettemeldinger 1 (nye 1)" in text
    assert one.receipt is not None
    assert one.receipt.exists()

    state = status(ws)
    [journal] = state.journals
    assert journal.journal_id == lead.journal_id
    assert journal.sequences == "1-2"
    assert journal.problems == ()
    assert journal.counts["households"] == len(world.families) - 5
    assert journal.tombstones == 1
    assert journal.site == SITE
    assert f"Journal {lead.journal_id}: {SITE}" in state.lines()
    assert any(line.endswith("): registrert") for line in state.lines())


def test_gaps_and_forks_are_reported(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    first = section.export(STUDY, tmp_path).path
    backup = tmp_path / "restored"
    lead.lock()
    shutil.copytree(world.journal, backup)
    lead.unlock(LEAD_PASS)
    section = lead.evaluation  # unlocking makes a new session
    lead.checkins.record(world.families[0], 3, answered_on=SETTLED)
    second = section.export(STUDY, tmp_path / "a").path
    lead.checkins.record(world.families[0], 4, answered_on=SETTLED)
    third = section.export(STUDY, tmp_path / "a").path
    reports = import_bundles(ws, [first, third])
    assert reports[1].warnings == [f"journal {lead.journal_id[:8]}: mangler pakke 2"]
    full = section.export(STUDY, tmp_path / "a", full=True).path
    [report] = import_bundles(ws, [full])
    assert report.warnings == [
        f"journal {lead.journal_id[:8]}: mangler pakke 2 (dekket av en senere full pakke)"
    ]
    # A journal restored from a backup exports another bundle 2: a fork. Its audit log does not
    # extend the head witnessed in bundle 2 and 3, so it is refused (audit heads, issue 13).
    restored = Journal.open(backup, LEAD, LEAD_PASS)
    try:
        restored.checkins.record(world.families[2], 8, answered_on=SETTLED)
        forked = restored.evaluation.export(STUDY, tmp_path / "b").path
    finally:
        restored.lock()
    reports = import_bundles(ws, [second, forked])
    assert reports[0].status == "stored"
    assert reports[1].status == "rejected"
    assert "revisjonslogg" in reports[1].reason
    assert "ikke importert" in reports[1].reason


def test_receipts_mark_bundles_delivered(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    first = section.export(STUDY, tmp_path).path
    section.export(STUDY, tmp_path)
    assert [e.sequence for e in section.unacknowledged()] == [1, 2]
    [report] = import_bundles(ws, [first], receipts_dir=tmp_path / "receipts")
    assert report.receipt is not None
    assert report.receipt.parent == tmp_path / "receipts"
    entry = section.import_receipt(report.receipt)
    assert entry.delivered
    assert entry.sequence == 1
    assert [e.sequence for e in section.unacknowledged()] == [2]
    assert section.import_receipt(report.receipt).delivered  # again: no change, no error

    raw = json.loads(report.receipt.read_text())
    body = json.loads(raw["receipt"])
    cases = []
    # The body changed after signing.
    cases.append(
        ({**raw, "receipt": raw["receipt"].replace('"sequence":1', '"sequence":2')}, "signatur")
    )
    # Signed, but by someone other than the study's evaluator.
    stranger = SigningKey.generate()
    forged = Receipt(STUDY, lead.journal_id, 2, body["bundle_hash"], body["stored_at"])
    cases.append((json.loads(forged.signed(stranger)), "signatur"))
    # Properly signed, but for another journal or another bundle 2.
    cases.append(
        (
            json.loads(Receipt(STUDY, "0" * 32, 2, "a" * 64, "x").signed(ws.receipt_key)),
            "annen journal",
        )
    )
    cases.append(
        (
            json.loads(Receipt(STUDY, lead.journal_id, 2, "a" * 64, "x").signed(ws.receipt_key)),
            "annen pakke",
        )
    )
    for content, match in cases:
        path = tmp_path / "bad-receipt.json"
        path.write_text(json.dumps(content))
        with pytest.raises(BundleRejected, match=match):
            section.import_receipt(path)
    assert [e.sequence for e in section.unacknowledged()] == [2]
    with pytest.raises(BundleRejected, match="ikke en SamJournal-kvittering"):
        section.import_receipt(b"{}")


def test_identity_export_is_explicit_and_private(ws: Workspace, tmp_path: Path) -> None:
    target = ws.export_identity(tmp_path / "identity.txt")
    text = target.read_text()
    assert "AGE-SECRET-KEY-1" in text
    assert ws.profile.recipients[0] in text
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(ValidationError, match="finnes allerede"):
        ws.export_identity(target)


def test_workspace_locks_and_refuses_strangers(world: World, tmp_path: Path) -> None:
    with pytest.raises(WrongPassphrase):
        Workspace.open(world.workspace, "feil passordfrase her")
    with pytest.raises(JournalNotFound):
        Workspace.open(tmp_path / "nothing", WS_PASS)
    # A journal given for the workspace is named as one, not as a workspace missing its
    # dataset.db (outside review: "dataset.db is missing from the workspace").
    with pytest.raises(JournalNotFound) as given_a_journal:
        Workspace.open(world.journal, WS_PASS)
    assert given_a_journal.value.key == "journal_not_workspace"
    assert b"AGE-SECRET-KEY" not in (world.workspace / "dataset.db").read_bytes()
    assert b"AGE-SECRET-KEY" not in (world.workspace / "keyring.json").read_bytes()


def test_datapackage(lead: Journal, ws: Workspace, world: World, tmp_path: Path) -> None:
    import_bundles(ws, [lead.evaluation.export(STUDY, tmp_path / "b").path])
    written = write_datapackage(ws, tmp_path / "dp")
    assert written.rows["households"] == len(world.families) - 4
    package = json.loads((tmp_path / "dp" / "datapackage.json").read_text())
    names = [r["name"] for r in package["resources"]]
    assert names == [
        "households",
        "meetings",
        "needs",
        "payments",
        "checkins",
        "answers_innbyggernes_modell_v1",  # the check-ins' answers, one column per item
        "consent_counts",
        "journals",
        "rows_by_table",
        "codebook",
    ]
    meetings = package["resources"][1]["schema"]
    assert meetings["primaryKey"] == ["journal_id", "meeting_id"]
    assert meetings["foreignKeys"][0]["reference"]["resource"] == "households"
    kind = next(f for f in meetings["fields"] if f["name"] == "kind")
    assert {c["value"] for c in kind["categories"]} == {"home_visit", "office", "phone", "network"}
    with (tmp_path / "dp" / "households.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == written.rows["households"]
    assert {r["journal_id"] for r in rows} == {lead.journal_id}
    # The site comes from the evaluator's registration, beside journal_id, documented.
    assert {r["site"] for r in rows} == {SITE}
    households = package["resources"][0]["schema"]
    assert [f["name"] for f in households["fields"][:2]] == ["journal_id", "site"]
    assert "journal add" in households["fields"][1]["description"]
    assert households["foreignKeys"][0]["reference"]["resource"] == "journals"
    with (tmp_path / "dp" / "journals.csv").open(encoding="utf-8", newline="") as fh:
        [journal] = list(csv.DictReader(fh))
    assert (journal["journal_id"], journal["site"]) == (lead.journal_id, SITE)
    with (tmp_path / "dp" / "codebook.csv").open(encoding="utf-8", newline="") as fh:
        codebook = list(csv.DictReader(fh))
    assert any(r["variable"] == "life_satisfaction" and r["value"] == "10" for r in codebook)
    assert any(r["variable"] == "category" and r["label_nb"] == "Bolig" for r in codebook)
    with pytest.raises(ValidationError, match="ikke tom"):
        write_datapackage(ws, tmp_path / "dp")
    assert not list(tmp_path.glob(".*partial"))
