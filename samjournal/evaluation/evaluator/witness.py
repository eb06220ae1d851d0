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
from samjournal.evaluation.evaluator import forks
from samjournal.messages import Said, keyed, said
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
NOT_IMPORTED = said("bundle_not_imported")


def _recorded(db: Database, journal_id: str) -> list[tuple[int, Head, Head | None]]:
    """The heads witnessed from the journal's bundles, but those a re-anchoring set aside."""
    rows = db.tuples(
        "SELECT sequence, size, root, at, previous_size, previous_root FROM audit_heads"
        " WHERE journal_id = ? AND bundle_hash NOT IN (SELECT bundle_hash FROM audit_superseded)"
        " ORDER BY sequence",
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


def _conflicts(
    recorded: list[tuple[int, Head, Head | None]], sequence: int, claim: AuditClaim
) -> list[tuple[Head, Said]]:
    """Each recorded head the claim cannot stand beside, with what is wrong (by key)."""
    found: list[tuple[Head, Said]] = []
    for seq, head, previous in recorded:
        same = [(head, claim.head), (head, claim.previous), (previous, claim.head)]
        for a, b in same:
            if a is not None and b is not None and a.size == b.size and a.root != b.root:
                found.append(
                    (
                        head,
                        said(
                            "journal_audit_log_rewritten",
                            short=a.short(),
                            seq=seq,
                            not_imported=NOT_IMPORTED,
                        ),
                    )
                )
        if seq == sequence and (head.size, head.root) != (claim.head.size, claim.head.root):
            found.append(  # two logs behind one number: neither is proved to extend the other
                (
                    head,
                    said(
                        "bundle_same_number",
                        sequence=seq,
                        head=head.short(),
                        not_imported=NOT_IMPORTED,
                    ),
                )
            )
        earlier, later = (seq, sequence) if seq < sequence else (sequence, seq)
        shorter = claim.head.size < head.size if seq < sequence else head.size < claim.head.size
        if seq != sequence and shorter:
            found.append(
                (
                    head,
                    said(
                        "journal_audit_log_cut",
                        later=later,
                        earlier=earlier,
                        not_imported=NOT_IMPORTED,
                    ),
                )
            )
        unlinked = (
            seq == sequence - 1 and (claim.previous is None or claim.previous.size != head.size)
        ) or (seq == sequence + 1 and (previous is None or previous.size != claim.head.size))
        if unlinked:
            found.append(
                (
                    head,
                    said(
                        "bundle_does_prove_that",
                        later=later,
                        earlier=earlier,
                        not_imported=NOT_IMPORTED,
                    ),
                )
            )
    return found


def check(
    db: Database, journal_id: str, sequence: int, claim: AuditClaim, bundle_hash: str = ""
) -> None:
    """BundleRejected when the claim cannot stand beside the heads recorded from this journal.

    When every head it cannot stand beside is later than a restore the bundle states (signed,
    its proof checked), the statement is kept for the evaluator to decide on (evaluator/
    forks.py) and the bundle is refused with what the journal says; once decided, those heads
    are set aside and the bundle passes. A rewritten log states nothing, or states a restore
    that does not cover what changed: refused as before."""
    recorded = _recorded(db, journal_id)
    conflicts = _conflicts(recorded, sequence, claim)
    if not conflicts:
        return
    said = next(
        (
            r
            for r in reversed(claim.restored)
            if all(head.size > r.restored.size for head, _ in conflicts)
            and not any(
                h.size == r.restored.size and h.root != r.restored.root for _, h, _ in recorded
            )
        ),
        None,
    )
    if said is None:
        raise conflicts[0][1].error(BundleRejected)
    forks.hold(db, journal_id, sequence, bundle_hash, said)
    newest = max((head for head, _ in conflicts), key=lambda h: h.size)
    raise keyed(
        BundleRejected,
        "journal_restored_from_older",
        sequence=str(sequence),
        short=str(said.restored.short()),
        at=str(said.at),
        short2=str(newest.short()),
        journal_id=str(journal_id),
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
