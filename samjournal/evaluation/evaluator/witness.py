"""The evaluator as witness of each journal's audit log (samjournal/audit_heads.py).

Every bundle carries the journal's audit head and a consistency proof from the previous bundle's
head (evaluation/audit_proof.py, checked when the bundle is opened). Here it is held against the
heads recorded from that journal's other bundles: the head a bundle proves from must be the one
recorded from the bundle before it, no later bundle may have a shorter log, and the same size
must have the same root. A journal whose log was cut or rewritten behind a head seen here cannot
pass, whoever holds its key: the import is refused, with what was found. Bundles may arrive in
any order: each pair of neighbours is checked when the second of them arrives.
"""

from __future__ import annotations

from samjournal.audit_heads import Head
from samjournal.errors import BundleRejected
from samjournal.evaluation.audit_proof import AuditClaim
from samjournal.messages import keyed
from samjournal.store import Database

# Workspace schema 5 (see workspace.MIGRATIONS).
SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_heads (
    bundle_hash   TEXT PRIMARY KEY,
    journal_id    TEXT NOT NULL,
    sequence      INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    root          TEXT NOT NULL,
    at            TEXT NOT NULL,
    previous_size INTEGER,
    previous_root TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS audit_heads_journal ON audit_heads(journal_id, sequence)
"""
NOT_IMPORTED = "Pakken er ikke importert; be journalens teamleder undersøke journalen."


def _recorded(db: Database, journal_id: str) -> list[tuple[int, Head, Head | None]]:
    rows = db.tuples(
        "SELECT sequence, size, root, at, previous_size, previous_root FROM audit_heads"
        " WHERE journal_id = ? ORDER BY sequence",
        (journal_id,),
    )
    return [
        (
            int(r[0]),
            Head(int(r[1]), str(r[2]), str(r[3])),
            None if r[4] is None else Head(int(r[4]), str(r[5])),
        )
        for r in rows
    ]


def check(db: Database, journal_id: str, sequence: int, claim: AuditClaim) -> None:
    """BundleRejected when the claim cannot stand beside the heads recorded from this journal."""
    for seq, head, previous in _recorded(db, journal_id):
        same = [(head, claim.head), (head, claim.previous), (previous, claim.head)]
        for a, b in same:
            if a is not None and b is not None and a.size == b.size and a.root != b.root:
                raise keyed(
                    BundleRejected,
                    "journal_audit_log_rewritten",
                    short=str(a.short()),
                    seq=str(seq),
                    not_imported=str(NOT_IMPORTED),
                )
        earlier, later = (seq, sequence) if seq < sequence else (sequence, seq)
        shorter = claim.head.size < head.size if seq < sequence else head.size < claim.head.size
        if seq != sequence and shorter:
            raise keyed(
                BundleRejected,
                "journal_audit_log_cut",
                later=str(later),
                earlier=str(earlier),
                not_imported=str(NOT_IMPORTED),
            )
        unlinked = (
            seq == sequence - 1 and (claim.previous is None or claim.previous.size != head.size)
        ) or (seq == sequence + 1 and (previous is None or previous.size != claim.head.size))
        if unlinked:
            raise keyed(
                BundleRejected,
                "bundle_does_prove_that",
                later=str(later),
                earlier=str(earlier),
                not_imported=str(NOT_IMPORTED),
            )


def record(
    db: Database, bundle_hash: str, journal_id: str, sequence: int, claim: AuditClaim
) -> None:
    """Keep the bundle's head (inside the import's transaction)."""
    previous = claim.previous
    db.execute(
        "INSERT OR IGNORE INTO audit_heads (bundle_hash, journal_id, sequence, size, root, at,"
        " previous_size, previous_root) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bundle_hash,
            journal_id,
            sequence,
            claim.head.size,
            claim.head.root,
            claim.head.at,
            None if previous is None else previous.size,
            None if previous is None else previous.root,
        ),
    )


def newest(db: Database, journal_id: str) -> Head | None:
    """The head of the journal's newest bundle: what the evaluator has witnessed."""
    rows = _recorded(db, journal_id)
    return rows[-1][1] if rows else None
