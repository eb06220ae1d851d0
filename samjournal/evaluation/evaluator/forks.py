"""Restores a journal states, and the evaluator's decision to take the journal on from them.

A journal restored from a backup older than its last bundle no longer extends the head
witnessed here, and says so in its next bundle (evaluation/audit_proof.py: "restored from head
X, lost events after it", under its signature). Such a bundle is refused like any fork, but the
statement is kept here as waiting, and `evaluator status` shows it in red. Only the evaluator's
explicit decision (`samjournal evaluator journal reanchor WS --id J --reason …`, kept with its
time and reason) takes the journal on from X: the heads witnessed after X are then set aside
(kept, marked superseded) and the refused bundle imports. Nothing is accepted silently, and a
log rewritten without such a statement has nothing to decide on: it stays refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.audit_heads import Head
from samjournal.evaluation.audit_proof import AuditClaim, Restored
from samjournal.evaluation.profile import now_iso
from samjournal.messages import invalid
from samjournal.store import Database

# Workspace schema 7 (see workspace.MIGRATIONS), safe to run again like the others. No
# semicolons in comments: the script is split on them.
SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_superseded (
    bundle_hash TEXT PRIMARY KEY,
    fork        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_forks (
    id             INTEGER PRIMARY KEY,
    journal_id     TEXT NOT NULL,
    restored_size  INTEGER NOT NULL,
    restored_root  TEXT NOT NULL,
    lost_size      INTEGER,
    lost_root      TEXT,
    witnessed_size INTEGER,
    witnessed_root TEXT,
    restored_at    TEXT NOT NULL,
    tag            TEXT NOT NULL,
    bundle_hash    TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    seen_at        TEXT NOT NULL,
    decided_at     TEXT,
    reason         TEXT,
    UNIQUE (journal_id, tag)
)
"""


@dataclass(frozen=True, slots=True)
class Fork:
    id: int
    journal_id: str
    restored: Head
    lost: Head | None
    restored_at: str
    sequence: int  # the bundle that stated it (refused until the decision)
    seen_at: str
    decided_at: str  # "" while it waits
    reason: str
    tag: str = ""  # the journal's: this restore and no other

    def line(self) -> str:
        """For `evaluator status`: red, waiting or decided."""
        lost = f", journalen var kommet til {self.lost.short()}" if self.lost else ""
        said = (
            f"journalen sier den ble gjenopprettet {self.restored_at} fra en sikkerhetskopi med"
            f" hodet {self.restored.short()}; hendelsene etter det er tapt{lost}"
        )
        if not self.decided_at:
            return (
                f"GAFFEL, VENTER PÅ BESLUTNING: {said}. Pakke {self.sequence} er avvist til"
                f" evaluator har bestemt seg (samjournal evaluator journal reanchor … --id"
                f" {self.journal_id} --reason …)."
            )
        return (
            f"GAFFEL, GODTATT {self.decided_at}: {said}. Hoder bevitnet etter det er lagt til"
            f" side. Grunn: {self.reason}"
        )


def _row(r: tuple[object, ...]) -> Fork:
    return Fork(
        int(str(r[0])),
        str(r[1]),
        Head(int(str(r[2])), str(r[3])),
        None if r[4] is None else Head(int(str(r[4])), str(r[5])),
        str(r[6]),
        int(str(r[7])),
        str(r[8]),
        "" if r[9] is None else str(r[9]),
        "" if r[10] is None else str(r[10]),
        str(r[11]),
    )


def forks(db: Database, journal_id: str) -> list[Fork]:
    rows = db.tuples(
        "SELECT id, journal_id, restored_size, restored_root, lost_size, lost_root, restored_at,"
        " sequence, seen_at, decided_at, reason, tag FROM audit_forks WHERE journal_id = ?"
        " ORDER BY id",
        (journal_id,),
    )
    return [_row(tuple(r)) for r in rows]


def decided(db: Database, journal_id: str, said: Restored) -> bool:
    """Whether the evaluator took the journal on from this restore (a restore from the same
    backup again is another restore: its own time, its own decision)."""
    return (
        db.first(
            "SELECT 1 FROM audit_forks WHERE journal_id = ? AND tag = ? AND restored_size = ?"
            " AND restored_root = ? AND decided_at IS NOT NULL",
            (journal_id, said.tag, said.restored.size, said.restored.root),
        )
        is not None
    )


def hold(db: Database, journal_id: str, sequence: int, bundle_hash: str, said: Restored) -> None:
    """Keep a statement from a refused bundle, waiting for the evaluator (once per restore)."""
    with db.transaction():
        db.execute(
            "INSERT OR IGNORE INTO audit_forks (journal_id, restored_size, restored_root,"
            " lost_size, lost_root, witnessed_size, witnessed_root, restored_at, tag, bundle_hash,"
            " sequence, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                journal_id,
                said.restored.size,
                said.restored.root,
                None if said.lost is None else said.lost.size,
                None if said.lost is None else said.lost.root,
                None if said.witnessed is None else said.witnessed.size,
                None if said.witnessed is None else said.witnessed.root,
                said.at,
                said.tag,
                bundle_hash,
                sequence,
                now_iso(),
            ),
        )


def reanchor(db: Database, journal_id: str, reason: str) -> list[Fork]:
    """The evaluator's decision: take the journal on from each restore it states and that waits.
    The heads witnessed after the restored head are kept, marked superseded by the fork."""
    reason = reason.strip()
    if not reason:
        raise invalid("grunn", "write_why_journal_taken")
    waiting = [f for f in forks(db, journal_id) if not f.decided_at]
    if not waiting:
        raise invalid("journal", "restore_waiting_journal_bundle", journal_id=str(journal_id))
    at = now_iso()
    with db.transaction():
        for fork in waiting:
            db.execute(
                "UPDATE audit_forks SET decided_at = ?, reason = ? WHERE id = ?",
                (at, reason, fork.id),
            )
            db.execute(
                "INSERT OR IGNORE INTO audit_superseded (bundle_hash, fork)"
                " SELECT bundle_hash, ? FROM audit_heads WHERE journal_id = ? AND size > ?",
                (fork.id, journal_id, fork.restored.size),
            )
    return [f for f in forks(db, journal_id) if f.id in {w.id for w in waiting}]


def restart(db: Database, journal_id: str, claim: AuditClaim, kind: str) -> str | None:
    """A full bundle the journal sent after a restore the evaluator took it on from replaces
    the journal's rows here (inside the import's transaction): rows from the bundles the restore
    lost would otherwise stay, or win over the journal's own later versions. Tombstones stay:
    what left the study (a consent withdrawn) while the lost bundles were sent must not come
    back because the journal forgot it."""
    if kind != "full" or not any(decided(db, journal_id, r) for r in claim.restored):
        return None
    gone = int(db.scalar("SELECT count(*) FROM records WHERE journal_id = ?", (journal_id,)))
    db.execute("DELETE FROM records WHERE journal_id = ?", (journal_id,))
    return (
        f"journal {journal_id[:8]} er gjenopprettet og tatt videre fra hodet"
        f" {claim.restored[-1].restored.short()}: dens {gone} rader her er erstattet av denne"
        " fulle pakken; gravsteinene er beholdt"
    )
