"""Importing bundles into the evaluator's dataset: check everything, then merge.

Only bundles from registered journals, signed with a key registered for them, are merged (see
`senders`). The merge is a join of sets, so it is idempotent and order-independent: for every
record the row with the highest (version, content) wins, tombstones are a union and are applied
after every import, and a tombstoned household or record is never written again. A journal's
consent counts are those of its highest-numbered bundle, whatever the order of import. Each
bundle is checked in full before its one transaction starts; a rejected bundle changes nothing
in the dataset. A registered journal's bundle refused for its audit log, or for a key not
registered for the journal, is noted for `evaluator status` (evaluator/refusals.py); other
refusals, a failing signature among them (then nothing in the bundle can be trusted to name its
journal), are said at import only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from samjournal.errors import BundleRejected, UnknownSender
from samjournal.evaluation.bundle import MAX_INTEGER, Bundle, Limits, check_k, open_bundle
from samjournal.evaluation.evaluator import forks, on_top, readmit, senders, witness
from samjournal.evaluation.evaluator.refusals import kept, refused_foreign, worded
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.profile import now_iso
from samjournal.evaluation.receipts import Receipt
from samjournal.evaluation.release import ENTITY_PREFIX
from samjournal.evaluation.sql import executemany, paused_gc, tuples
from samjournal.evaluation.tables import CONSENT_COUNTS, DATA_TABLES, TOMBSTONE_REASONS
from samjournal.fsutil import atomic_write, os_reason, private_folder, storage_error
from samjournal.messages import keyed, said, text
from samjournal.minisign import PublicKey

SEP = "\x1f"
# Bundles a re-anchoring set aside (evaluator/forks.py): kept, but no longer the journal's line.
NOT_SUPERSEDED = "bundle_hash NOT IN (SELECT bundle_hash FROM audit_superseded)"
DEFAULT_LIMITS = Limits()
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def key_fingerprint(key: PublicKey) -> str:
    return key.fingerprint


@dataclass(slots=True)
class ImportReport:
    """What one bundle did to the dataset, said exactly."""

    path: Path
    status: str  # stored, already, rejected
    reason: str = ""
    journal_id: str = ""
    site: str = ""
    sequence: int = 0
    kind: str = ""
    bundle_hash: str = ""
    received: dict[str, int] = field(default_factory=dict)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    blocked: int = 0  # rows refused because a tombstone covers them
    removed: int = 0  # stored rows removed by new tombstones
    tombstones: int = 0
    tombstones_new: int = 0
    receipt: Path | None = None
    warnings: list[str] = field(default_factory=list)
    audit_head: str = ""  # the journal's audit head the bundle carried, now witnessed here

    def lines(self, language: str = "nb") -> list[str]:
        """What the import did, in `language` ("nb" or "en")."""
        name = self.path.name
        if self.status == "rejected":
            return [text("import_rejected", {"name": name, "reason": self.reason}, language)]
        kind = said("bundle_full") if self.kind == "full" else said("bundle_incremental")
        head = {
            "name": name,
            "journal": self.journal_id[:8],
            "site": self.site,
            "sequence": self.sequence,
            "kind": kind,
        }
        bundle = text("import_bundle", head, language)
        if self.status == "already":
            out = [text("import_already", {"bundle": bundle}, language)]
        else:
            rows = ", ".join(f"{t} {n}" for t, n in self.received.items())
            merged = {
                "added": self.added,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "blocked": self.blocked,
            }
            tombstones = {
                "tombstones": self.tombstones,
                "new": self.tombstones_new,
                "removed": self.removed,
            }
            out = [
                text("import_stored", {"bundle": bundle}, language),
                text("import_received", {"rows": rows}, language),
                text("import_merged", merged, language),
                text("import_tombstones", tombstones, language),
            ]
        if self.audit_head:
            out.append(text("import_witnessed", {"head": self.audit_head}, language))
        out.extend(text("import_note", {"note": w}, language) for w in self.warnings)
        if self.receipt is not None:
            out.append(text("import_receipt", {"path": str(self.receipt)}, language))
        return out


def import_bundles(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    receipts_dir: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[ImportReport]:
    reports = []
    for path in paths:
        report = ImportReport(Path(path), "rejected")
        try:
            with paused_gc():
                _import_one(ws, report, receipts_dir or ws.folder.receipts_path, limits)
        except BundleRejected as exc:  # kept by key, to be worded in the reader's language
            report.status, report.reason = "rejected", worded(kept(exc))
        reports.append(report)
    return reports


def _read(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_bundle_bytes:
            raise keyed(BundleRejected, "bundle_larger_than_limit")
        with path.open("rb") as fh:
            return fh.read(limits.max_bundle_bytes + 1)
    except OSError as exc:
        raise keyed(BundleRejected, "cannot_read_file", strerror=os_reason(exc)) from exc


def _import_one(ws: Workspace, report: ImportReport, receipts: Path, limits: Limits) -> None:
    bundle = open_bundle(_read(report.path, limits), ws.identities, limits)
    header = bundle.header
    report.journal_id, report.sequence, report.kind = (
        header.journal_id,
        header.sequence,
        header.kind,
    )
    report.bundle_hash = bundle.bundle_hash
    if header.study_id != ws.profile.id:
        raise keyed(
            BundleRejected,
            "bundle_study_workspace_study",
            study_id=str(header.study_id),
            id=str(ws.profile.id),
        )
    db = ws.db
    # Before anything else, and before any receipt: only a registered journal's key counts.
    try:
        report.site = senders.require(ws, header.journal_id, bundle.public_key)
    except UnknownSender as exc:  # a registered journal's id, another key: status shows it
        if header.journal_id in senders.sites(ws):
            forks.refusal(db, header.journal_id, header.sequence, bundle.bundle_hash, kept(exc))
            refused_foreign(
                db, header.journal_id, header.sequence, bundle.bundle_hash, bundle.public_key
            )
        raise
    stored = db.first(
        "SELECT imported_at FROM bundles WHERE bundle_hash = ?", (bundle.bundle_hash,)
    )
    if stored is not None and on_top.withdrawn(db, bundle.bundle_hash):
        raise keyed(BundleRejected, "bundle_withdrawn_aside", sequence=header.sequence)
    if stored is not None:
        report.status = "already"
        report.receipt = _receipt(ws, bundle, str(stored[0]), receipts)
        return
    try:  # log cut or rewritten; a stated restore waits for the evaluator
        witness.check(db, header.journal_id, header.sequence, bundle.audit, bundle.bundle_hash)
    except BundleRejected as exc:  # the journal is blocked: status says why, and what to do
        forks.refusal(db, header.journal_id, header.sequence, bundle.bundle_hash, kept(exc))
        raise
    check_k(bundle.tables["households"], ws.profile.policy.k)
    rows = _rows(bundle)
    tombstones = _tombstones(bundle)
    counts = _consent_counts(bundle)
    now = now_iso()
    with db.transaction():
        db.execute(
            "INSERT INTO bundles (bundle_hash, journal_id, sequence, previous_hash, kind,"
            " change_from, change_to, created, imported_at, key_id, rows_received, tombstones,"
            " risk_report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                bundle.bundle_hash,
                header.journal_id,
                header.sequence,
                header.previous,
                header.kind,
                header.change_from,
                header.change_to,
                header.created,
                now,
                bundle.public_key.key_id_hex,
                len(rows),
                len(tombstones),
                json.dumps(bundle.risk, ensure_ascii=False),
            ),
        )
        decision = forks.latest_accepted(db, header.journal_id)
        on_top.keep(
            db,
            header.journal_id,
            bundle.bundle_hash,
            [
                *((h, e, r) for h, e, r, _, _ in rows),
                *((h, t, r) for t, r, h, _ in tombstones if t != "households"),
            ],
            header.kind == "full",
            None if decision is None else decision.id,
            [(t, r) for t, r, _, _ in tombstones],
        )
        restarted = forks.restart(db, header.journal_id, bundle.audit, header.kind)
        forks.cleared(db, header.journal_id)
        _merge(ws, header.journal_id, rows, tombstones, report)
        witness.record(db, bundle.bundle_hash, header.journal_id, header.sequence, bundle.audit)
        _merge_counts(ws, header.journal_id, header.sequence, bundle.bundle_hash, counts)
    report.status = "stored"
    report.audit_head = said("cli_audit_head", head=bundle.audit.head.short())
    report.warnings = sequence_problems(ws, header.journal_id)
    if restarted:
        report.warnings.insert(0, restarted)
    elif bundle.audit.restored:  # nothing witnessed here was lost: said, not a decision
        report.warnings[:0] = [r.said() for r in bundle.audit.restored]
    report.receipt = _receipt(ws, bundle, now, receipts)


def _rows(bundle: Bundle) -> list[tuple[str, str, str, int, str]]:
    """(household, entity, record, version, data) of every data row, checked."""
    out: list[tuple[str, str, str, int, str]] = []
    for name, rows in bundle.tables.items():
        if name not in DATA_TABLES:
            continue
        prefix = ENTITY_PREFIX[name]
        table = DATA_TABLES[name]
        household_col = table.header.index("household_id")
        version_col = table.version_at
        for row in rows:
            record, household = row[0], row[household_col]
            try:
                version = int(row[version_col])
            except ValueError as exc:
                raise keyed(BundleRejected, "csv_version_number", name=str(name)) from exc
            if (
                not record.startswith(prefix)
                or not household.startswith("h")
                or not 1 <= version <= MAX_INTEGER
            ):
                raise keyed(BundleRejected, "csv_invalid_id_version", name=str(name))
            out.append((household, name, record, version, SEP.join(row)))
    return out


def _tombstones(bundle: Bundle) -> list[tuple[str, str, str, str]]:
    out = []
    for record, household, table, reason in bundle.tables["tombstones"]:
        if table not in DATA_TABLES or reason not in TOMBSTONE_REASONS:
            raise keyed(BundleRejected, "tombstones_csv_unknown_table")
        if table == "households" and record != household:
            raise keyed(BundleRejected, "tombstones_csv_household_own")
        out.append((table, record, household, reason))
    return out


def _consent_counts(bundle: Bundle) -> list[tuple[str, str]]:
    """(month, data) of every consent-count row, checked: a month, then counts."""
    out = []
    for row in bundle.tables.get(CONSENT_COUNTS.name, []):
        month, counts = row[0], row[1:]
        if not _MONTH.fullmatch(month) or not all(
            c.isascii() and c.isdigit() and int(c) <= MAX_INTEGER for c in counts
        ):
            raise keyed(BundleRejected, "csv_invalid_month_count", name=str(CONSENT_COUNTS.name))
        out.append((month, SEP.join(row)))
    if len({m for m, _ in out}) != len(out):
        raise keyed(BundleRejected, "csv_month_appears_twice", name=str(CONSENT_COUNTS.name))
    return out


def _merge_counts(
    ws: Workspace, journal_id: str, sequence: int, bundle_hash: str, counts: list[tuple[str, str]]
) -> None:
    """The journal's counts become this bundle's, unless it has sent a later bundle (whose counts
    are stored, even when it had none) or another of the same number (a fork: the first stays)."""
    newest = ws.db.scalar(
        "SELECT max(sequence) FROM bundles WHERE journal_id = ? AND bundle_hash != ?"
        f" AND {NOT_SUPERSEDED}",
        (journal_id, bundle_hash),
    )
    if newest is not None and int(newest) >= sequence:
        return
    ws.db.execute("DELETE FROM consent_counts WHERE journal_id = ?", (journal_id,))
    executemany(
        ws.db,
        "INSERT INTO consent_counts (journal_id, month, sequence, data) VALUES (?, ?, ?, ?)",
        [(journal_id, month, sequence, data) for month, data in counts],
    )


def _count(ws: Workspace, table: str, journal_id: str) -> int:
    return int(ws.db.scalar(f"SELECT count(*) FROM {table} WHERE journal_id = ?", (journal_id,)))


def _changes(ws: Workspace) -> int:
    return int(ws.db.scalar("SELECT total_changes()"))


def _merge(
    ws: Workspace,
    journal_id: str,
    rows: list[tuple[str, str, str, int, str]],
    tombstones: list[tuple[str, str, str, str]],
    report: ImportReport,
) -> None:
    db = ws.db
    report.received = {}
    for _, entity, _, _, _ in rows:
        report.received[entity] = report.received.get(entity, 0) + 1
    report.received["tombstones"] = len(tombstones)
    report.tombstones = len(tombstones)

    # Tombstones first: a union, the smallest reason kept so any order gives the same.
    before = _count(ws, "tombstones", journal_id)
    executemany(
        db,
        "INSERT INTO tombstones (journal_id, entity, record_id, household_id, reason)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (journal_id, entity, record_id) DO UPDATE"
        " SET reason = excluded.reason WHERE excluded.reason < tombstones.reason",
        [(journal_id, t, r, h, why) for t, r, h, why in tombstones],
    )
    report.tombstones_new = _count(ws, "tombstones", journal_id) - before
    # every bundle carries all its tombstones: the journal's word on households kept out here
    readmit.journal_said_left(
        db,
        journal_id,
        report.sequence,
        report.bundle_hash,
        {r for t, r, _, _ in tombstones if t == "households"},
    )
    start = _changes(ws)
    db.execute(
        "DELETE FROM records WHERE journal_id = ?1 AND household_id IN"
        " (SELECT record_id FROM tombstones WHERE journal_id = ?1 AND entity = 'households')",
        (journal_id,),
    )
    db.execute(
        "DELETE FROM records WHERE (journal_id, household_id, entity, record_id) IN"
        " (SELECT journal_id, household_id, entity, record_id FROM tombstones"
        "  WHERE journal_id = ?1 AND entity != 'households')",
        (journal_id,),
    )
    report.removed = _changes(ws) - start
    # Nor is a household that left kept in what a withdrawal could put back (on_top.py): a
    # household's tombstone is never undone, and its rows must not outlive it anywhere.
    db.execute(
        "DELETE FROM undo_records WHERE journal_id = ?1 AND household_id IN"
        " (SELECT record_id FROM tombstones WHERE journal_id = ?1 AND entity = 'households')",
        (journal_id,),
    )

    dead_households = {
        r[0]
        for r in tuples(
            db,
            "SELECT record_id FROM tombstones WHERE journal_id = ? AND entity = 'households'",
            (journal_id,),
        )
    }
    dead_records = {
        (r[0], r[1])
        for r in tuples(
            db,
            "SELECT entity, record_id FROM tombstones WHERE journal_id = ?"
            " AND entity != 'households'",
            (journal_id,),
        )
    }
    live = [
        (journal_id, household, entity, record, version, data)
        for household, entity, record, version, data in rows
        if household not in dead_households and (entity, record) not in dead_records
    ]
    report.blocked = len(rows) - len(live)
    before = _count(ws, "records", journal_id)
    start = _changes(ws)
    executemany(
        db,
        "INSERT INTO records (journal_id, household_id, entity, record_id, version, data)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (journal_id, household_id, entity, record_id) DO UPDATE"
        " SET version = excluded.version, data = excluded.data"
        " WHERE excluded.version > records.version"
        " OR (excluded.version = records.version AND excluded.data > records.data)",
        live,
    )
    written = _changes(ws) - start
    report.added = _count(ws, "records", journal_id) - before
    report.updated = written - report.added
    report.unchanged = len(live) - written


def _receipt(ws: Workspace, bundle: Bundle, stored_at: str, folder: Path) -> Path:
    receipt = Receipt(
        study_id=bundle.header.study_id,
        journal_id=bundle.header.journal_id,
        sequence=bundle.header.sequence,
        bundle_hash=bundle.bundle_hash,
        stored_at=stored_at,
        audit_head=bundle.audit.head,  # handed back: the journal records it as witnessed
    )
    try:
        private_folder(folder)
    except OSError as exc:
        raise storage_error(exc) from exc
    target = folder / receipt.file_name()
    atomic_write(target, receipt.signed(ws.receipt_key).encode("utf-8"))
    return target


def _sequence(ws: Workspace, journal_id: str) -> dict[int, list[tuple[str, str, str]]]:
    """One journal's bundles not superseded, by number: (hash, previous hash, kind)."""
    rows = tuples(
        ws.db,
        "SELECT sequence, bundle_hash, previous_hash, kind FROM bundles WHERE journal_id = ?"
        f" AND {NOT_SUPERSEDED}"
        " ORDER BY sequence, bundle_hash",
        (journal_id,),
    )
    by_seq: dict[int, list[tuple[str, str, str]]] = {}
    for seq, bundle_hash, previous, kind in rows:
        by_seq.setdefault(int(seq), []).append((bundle_hash, previous, kind))
    return by_seq


def _gaps(by_seq: dict[int, list[tuple[str, str, str]]]) -> list[tuple[str, bool]]:
    """The runs of bundle numbers below the last one received that were not, as "2" or "2-4",
    each with whether a later complete bundle covers it (its rows came with that one)."""
    if not by_seq:
        return []
    fulls = [s for s, items in by_seq.items() if any(k == "full" for _, _, k in items)]
    missing = [s for s in range(1, max(by_seq) + 1) if s not in by_seq]
    return [
        (str(low) if low == high else f"{low}-{high}", any(f > high for f in fulls))
        for low, high in ranges(missing)
    ]


def bundles_missing(ws: Workspace, journal_id: str) -> str:
    """The bundle numbers of a journal whose rows the dataset lacks ("2, 5-6"; "" if none): its
    gaps no later complete bundle covers."""
    return ", ".join(span for span, covered in _gaps(_sequence(ws, journal_id)) if not covered)


def sequence_problems(ws: Workspace, journal_id: str) -> list[str]:
    """Gaps and forks in one journal's sequence of bundles, by key (messages.Said)."""
    by_seq = _sequence(ws, journal_id)
    problems: list[str] = []
    journal = journal_id[:8]
    for span, covered in _gaps(by_seq):
        if covered:
            problems.append(said("bundles_missing_covered", journal=journal, span=span))
        else:
            problems.append(said("bundles_missing", journal=journal, span=span))
    for seq, items in sorted(by_seq.items()):
        if len(items) > 1:
            problems.append(
                said("bundles_fork_same_number", journal=journal, count=len(items), sequence=seq)
            )
        before = by_seq.get(seq - 1)
        if (
            before is not None
            and len(before) == 1
            and len(items) == 1
            and items[0][1] != before[0][0]
        ):
            problems.append(
                said("bundles_fork_chain", journal=journal, sequence=seq, previous=seq - 1)
            )
    return problems


def ranges(numbers: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out
