"""Witnessed heads of the audit log: every way of cutting or rewriting it is caught by a witness.

An insider holds the data key and the chain key, so they can rewrite the log, recompute every
chain hash, every root and the tree's right edge, drop the recorded witnesses and write a new
journal.mark: locally the log then verifies. Each case here does exactly that, and is caught by
`audit verify --witness` against a backup, a head printed on a report, and an evaluator's receipt,
and by the evaluator's import of the journal's next bundle.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from pypdf import PdfReader

from samjournal import audit, audit_check, audit_heads, mark, reports
from samjournal.audit_heads import Head
from samjournal.backup import audit_head, read_manifest, restore
from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, main
from samjournal.errors import AuditRewritten, RecentWorkMissing
from samjournal.evaluation.audit_proof import AUDIT_FILE
from samjournal.evaluation.bundle import open_bundle, unzip
from samjournal.evaluation.evaluator import Workspace, import_bundles, status
from samjournal.journal import Journal
from samjournal.store import Database
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World

Rows = list[list[object]]


@dataclass(frozen=True)
class Witnesses:
    backup: Path
    printed: str  # the footer as extracted from the PDF
    receipt: Path


def _activity(journal: Journal, world: World, rounds: int) -> None:
    for i in range(rounds):
        journal.families.open(world.families[i % len(world.families)])


def _printed_head(journal: Journal, world: World) -> str:
    pdf = reports.access_log(journal, world.families[0])
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    found = re.search(  # as a person copies it
        r"Logg \d+ · [0-9a-f]{16} · \S+ \d\d:\d\d [+-]\d{4}", text
    )
    assert found, text[-400:]
    return found[0]


def _witness(lead: Journal, ws: Workspace, world: World, tmp_path: Path) -> Witnesses:
    """A bundle imported and its receipt recorded, a backup, a printed report: three heads."""
    _activity(lead, world, 30)
    bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "stored", report.lines()
    assert report.receipt is not None
    lead.evaluation.import_receipt(report.receipt)
    backup = lead.backup(tmp_path / "backup.zip")
    printed = _printed_head(lead, world)
    assert audit_check.verify(lead, [audit_check.witness(lead, str(backup))]).ok
    return Witnesses(backup, printed, report.receipt)


def _rewrite(journal: Journal, change: Callable[[Rows], Rows]) -> None:
    """What an insider with the key does: change the rows, renumber, recompute every chain hash,
    every root and the right edge, forget the witnessed heads and write journal.mark anew."""
    db: Database = journal._ctx.db
    key = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
    cols = "at, username, action, entity, entity_id, family_id, detail"
    rows = change([list(r) for r in db.tuples(f"SELECT {cols} FROM audit ORDER BY seq")])
    with db.transaction():
        db.execute("DELETE FROM audit")
        db.execute("DELETE FROM audit_tree")
        db.execute("DELETE FROM audit_witnesses")
        prev = audit.GENESIS
        for seq, row in enumerate(rows, 1):
            chain = audit._row_hash(key, prev, (seq, *row))
            db.execute(
                f"INSERT INTO audit (seq, {cols}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, *row, chain),
            )
            prev = chain
        audit.rebuild(db)
    mark.Marker.for_db(db).write(mark.current(db), durable=True)


def _cut_tail(rows: Rows) -> Rows:
    return rows[:-20]


def _delete_middle(rows: Rows) -> Rows:
    return rows[: len(rows) // 2] + rows[len(rows) // 2 + 1 :]


def _edit_middle(rows: Rows) -> Rows:
    rows[len(rows) // 2][1] = "someone else"
    return rows


TAMPERING = [_cut_tail, _delete_middle, _edit_middle]


@pytest.mark.parametrize("tamper", TAMPERING, ids=lambda f: f.__name__.strip("_"))
def test_an_insider_rewrite_is_caught_by_every_witness(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    tamper: Callable[[Rows], Rows],
) -> None:
    seen = _witness(lead, ws, world, tmp_path)
    _rewrite(lead, tamper)
    # Locally the rewrite is perfect: chain, tree and mark agree, and the open raises no alarm.
    assert lead.verify_audit().ok
    lead.lock()
    lead.unlock(LEAD_PASS)
    assert lead.audit_alarms == ()
    for given in (str(seen.backup), seen.printed, str(seen.receipt)):
        verdict = audit_check.verify(lead, [audit_check.witness(lead, given)])
        assert not verdict.ok, given
        assert "loggen" in verdict.problems[-1]
    # The evaluator's import of the next bundle.
    _activity(lead, world, 3)
    bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "rejected"
    assert "revisjonslogg" in report.reason
    assert ws.db.scalar("SELECT count(*) FROM audit_heads") == 1  # nothing of it recorded


def test_an_honest_log_extends_every_witness_and_the_next_bundle_links(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    seen = _witness(lead, ws, world, tmp_path)
    _activity(lead, world, 5)
    given = [
        audit_check.witness(lead, w) for w in (str(seen.backup), seen.printed, str(seen.receipt))
    ]
    verdict = audit_check.verify(lead, given)
    assert verdict.ok, verdict.problems
    bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.status == "stored", report.lines()
    assert report.receipt is not None
    assert any(line.strip().startswith("revisjonslogg: Logg ") for line in report.lines())
    claim = json.loads(json.loads(report.receipt.read_text())["receipt"])["audit_head"]
    assert claim["size"] > given[2].head.size
    newest = f"revisjonslogg bevitnet: Logg {claim['size']} · {claim['root'][:16]}"
    assert any(line.strip() == newest for line in status(ws).lines())
    heads = ws.db.tuples("SELECT size, previous_size FROM audit_heads ORDER BY sequence")
    assert heads[1][1] == heads[0][0]  # bundle 2 proved it extends bundle 1's head


def test_a_rewrite_that_leaves_the_witnessed_heads_is_red_on_open(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _witness(lead, ws, world, tmp_path)
    witnessed = audit_heads.witnesses(lead._ctx.db)
    assert witnessed

    def keep_witnesses(rows: Rows) -> Rows:
        return _delete_middle(rows)

    db = lead._ctx.db
    kept = db.tuples("SELECT size, root, at, source, recorded_at FROM audit_witnesses")
    _rewrite(lead, keep_witnesses)
    with db.transaction():
        db.executemany("INSERT INTO audit_witnesses VALUES (?, ?, ?, ?, ?)", kept)
    lead.lock()
    lead.unlock(LEAD_PASS)
    assert lead.audit_alarms
    assert any("kvittering" in a for a in lead.audit_alarms)
    events = lead.audit_events(limit=10)
    assert any(e.entity_id == "audit" and "bygger ikke videre" in e.detail for e in events)


def test_a_cut_tail_without_the_key_is_refused_on_open(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _witness(lead, ws, world, tmp_path)
    key, path = lead._ctx.data_key, lead.path
    lead.lock()
    db = Database(path / "journal.db", key)  # the last 20 events removed, journal.mark left
    with db.transaction():
        db.execute("DELETE FROM audit WHERE seq > (SELECT max(seq) - 20 FROM audit)")
    db.close()
    with pytest.raises(RecentWorkMissing):
        Journal.open(path, LEAD, LEAD_PASS)


def test_a_receipt_for_a_rewritten_log_is_recorded_and_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 10)
    bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
    [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    assert report.receipt is not None
    _rewrite(lead, _delete_middle)
    with pytest.raises(AuditRewritten, match="bygger ikke videre"):
        lead.evaluation.import_receipt(report.receipt)
    assert [h.size for h, _ in audit_heads.witnesses(lead._ctx.db)]  # kept all the same


def test_heads_as_written_down(lead: Journal) -> None:
    head = lead.audit_tree_head()
    assert audit_heads.parse(head.text()) == head
    assert audit_heads.parse(f"Logg {head.short()}") == Head(head.size, head.root[:16])
    assert audit_heads.parse(f"Log {head.short()}").matches(bytes.fromhex(head.root))
    for bad in ("Logg 12 · 3f9a", "hello", ""):
        with pytest.raises(Exception, match="hodet"):
            audit_heads.parse(bad)


def test_the_command_line(
    lead: Journal,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    backup = lead.backup(tmp_path / "b.zip")
    lead.lock()
    assert main(["audit", "head", str(world.journal)]) == EXIT_OK
    out = capsys.readouterr().out
    short, full = out.splitlines()
    assert short.startswith("Logg ")
    written = tmp_path / "head.txt"
    written.write_text(full)
    args = ["audit", "verify", str(world.journal)]
    for given in (short, str(backup), str(written)):
        assert main([*args, "--witness", given]) == EXIT_OK
        assert "Bygger videre på" in capsys.readouterr().out
    # A path that names nothing, or a folder, is said as such (review s26: "write the head").
    for given, said in (
        (str(tmp_path / "mangler.zip"), "finner ingen fil"),
        (str(tmp_path), "er en mappe"),
        ("Logg 12 · 3f9a", "skriv hodet slik det står"),
        ("Logg 4 · fec7f0351 · 08.12.2026 01:09 +0000", "skriv hodet slik det står"),
        ("", "skriv hodet slik det står"),
        ("/dev/null", "kan ikke lese /dev/null"),
    ):
        assert main([*args, "--witness", given]) == EXIT_ERROR
        assert said in capsys.readouterr().err, given
    lead.unlock(LEAD_PASS)
    _rewrite(lead, _delete_middle)
    lead.lock()
    assert main([*args, "--witness", short, "--witness", str(backup)]) == EXIT_ERROR
    out = capsys.readouterr().out
    assert out.count("bygger ikke videre") == 2


def test_what_a_bundle_says_of_the_log_is_hashes_and_sizes(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    lead.evaluation.export(STUDY, tmp_path / "out")
    _activity(lead, world, 40)
    second = lead.evaluation.export(STUDY, tmp_path / "out").path
    plain = pyrage.decrypt(second.read_bytes(), ws.identities)
    _, files = unzip(plain)
    raw = files[AUDIT_FILE]
    body = json.loads(raw)
    assert set(body) == {"format", "version", "head", "previous", "consistency", "extends"} | {
        "restored"
    }
    assert body["version"] == 3
    assert body["restored"] == []
    assert body["consistency"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in body["consistency"])
    assert set(body["head"]) == set(body["previous"]) == {"size", "root", "at"}
    text = raw.decode()
    for secret in [*world.secrets, LEAD, "view", "family", "unlock"]:
        assert secret not in text
    claim = open_bundle(second.read_bytes(), ws.identities).audit
    assert claim.previous is not None
    assert claim.head.size > claim.previous.size


def test_a_backup_carries_the_head_of_the_copy_it_holds(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 5)
    backup = lead.backup(tmp_path / "b.zip")
    head = audit_head(backup)
    assert head == audit_heads.Head.from_json(read_manifest(backup)["audit_head"])
    assert head.size == lead.audit_tree_head().size  # the backup's own event is in the copy
    restored = tmp_path / "restored"
    restore(backup, restored, LEAD, LEAD_PASS)
    again = Journal.open(restored, LEAD, LEAD_PASS)
    try:
        assert again.audit_alarms == ()
        assert again.audit_tree_head().size > head.size  # the restore and unlock since
        assert audit_check.verify(again, [audit_check.witness(again, str(backup))]).ok
    finally:
        again.lock()


def test_a_restore_excuses_no_witness_taken_after_it(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """A witness of the line after a restore is not "lost in the restore": an insider's
    rewrite of that line, under a backup taken since, is caught (an outside review's finding:
    one old restore excused every later witness)."""
    _activity(lead, world, 5)
    older = lead.backup(tmp_path / "older.zip")
    _activity(lead, world, 5)
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    _activity(journal, world, 20)
    later = journal.backup(tmp_path / "later.zip")  # signed, and taken after the restore
    assert audit_check.verify(journal, [audit_check.witness(journal, str(later))]).ok
    fork_seq = int(journal._ctx.db.scalar("SELECT max(seq) FROM audit WHERE action = 'restore'"))
    _rewrite(journal, lambda rows: rows[: fork_seq + 4] + rows[fork_seq + 5 :])
    verdict = audit_check.verify(journal, [audit_check.witness(journal, str(later))])
    assert not verdict.ok
    assert not verdict.lost
    journal.lock()
