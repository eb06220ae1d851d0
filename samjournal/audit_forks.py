"""Forks of the audit log: a restore from an older backup, recorded as what it is.

A restore goes back to the backup's head: the events after it are lost, and with them any head
witnessed outside since (a receipt, a printed report, a later backup). Hiding that would be the
very rewrite the witnesses exist to catch, so the restore records a fork instead (migration 0011,
beside its audit event): the head it went back to, how far the replaced journal had come (its
journal.mark), the newest witnessed head it knew, why and by whom. The fork then leaves the
journal as a signed statement in the next bundle to every study (evaluation/audit_proof.py), and
the evaluator takes the journal on from it only by an explicit, logged decision (evaluator/
witness.py, `samjournal evaluator journal reanchor`). `audit verify` lists the forks, and a
witness from the lost span is reported as lost there rather than as a rewrite.

A team lead who accepts lost work (`check --accept-loss`) takes a rolled-back log as the
journal's own: recorded the same way (mark.record_loss), back to the head the log has now, lost
up to the mark's head, so the evaluator decides on it instead of refusing a cut log.

A fork is only as true as the journal that states it: an insider with the key could state one
to cover a rewrite. What it cannot do is pass unseen: the evaluator sees it in red and decides.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from samjournal.audit_heads import Head, moment, now
from samjournal.messages import Said, said
from samjournal.store import Database

# The reason of the fork a team lead's `check --accept-loss` records (mark.record_loss): lost
# work taken as the journal's own is a rollback too, stated like a restore.
ACCEPTED_LOSS = "check --accept-loss"


@dataclass(frozen=True, slots=True)
class Fork:
    seq: int  # the restore's own audit event
    tag: str  # random: tells this restore from another of the same backup, and nothing else
    restored: Head  # the backup's head: the log goes on from here
    lost: Head | None  # how far the replaced journal had come, when its mark said so
    witnessed: Head | None  # the newest head witnessed outside that the replaced journal knew
    reason: str
    username: str
    at: str

    def lost_text(self) -> Said:
        if self.lost is None or self.lost.size <= self.restored.size:
            return said("fork_lost_maybe")
        return said("fork_lost_upto", size=self.lost.size, head=self.lost.short())

    def describe(self) -> Said:
        """One line for `audit verify` and the audit view (the reason is the team lead's)."""
        accepted = self.reason == ACCEPTED_LOSS
        head = self.restored.short()
        return said(
            "fork_line",
            seq=self.seq,
            at=self.at,
            user=self.username,
            what=said("fork_what_loss", head=head) if accepted else said("fork_what", head=head),
            lost=self.lost_text(),
            seen=said("fork_seen", head=self.witnessed.short()) if self.witnessed else "",
            why=said("fork_reason", reason=self.reason) if self.reason and not accepted else "",
        )


def record(
    db: Database,
    seq: int,
    restored: Head,
    lost: Head | None,
    witnessed: Head | None,
    reason: str,
    username: str,
) -> Fork:
    """Keep the fork of the restore event `seq` (inside the restore's transaction)."""
    fork = Fork(
        seq, os.urandom(8).hex(), restored, lost, witnessed, reason.strip(), username, now()
    )
    db.execute(
        "INSERT INTO audit_forks (seq, tag, restored_size, restored_root, lost_size, lost_root,"
        " witnessed_size, witnessed_root, reason, username, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            seq,
            fork.tag,
            restored.size,
            restored.root,
            None if lost is None else lost.size,
            None if lost is None else lost.root,
            None if witnessed is None else witnessed.size,
            None if witnessed is None else witnessed.root,
            fork.reason,
            username,
            fork.at,
        ),
    )
    return fork


def forks(db: Database, after: int = 0, upto: int | None = None) -> list[Fork]:
    """The forks whose restore event lies in (after, upto], oldest first."""
    rows = db.tuples(
        "SELECT seq, tag, restored_size, restored_root, lost_size, lost_root, witnessed_size,"
        " witnessed_root, reason, username, at FROM audit_forks"
        " WHERE seq > ? AND seq <= ? ORDER BY seq",
        (after, 2**63 - 1 if upto is None else upto),
    )
    return [
        Fork(
            int(r[0]),
            str(r[1]),
            Head(int(r[2]), str(r[3])),
            None if r[4] is None else Head(int(r[4]), str(r[5])),
            None if r[6] is None else Head(int(r[6]), str(r[7])),
            str(r[8]),
            str(r[9]),
            str(r[10]),
        )
        for r in rows
    ]


def explains(fork: Fork, head: Head) -> bool:
    """Whether `head` (a witness the log does not extend) may lie in the span the fork lost:
    later than the head the journal went back to, no further than the replaced journal had come
    (when its mark said), and not taken after the restore (when the witness says when). A
    witness of the line after the restore is never excused by it: that is a rewrite. Not proof:
    that the log still extends the fork's own head is checked beside it (`audit verify`
    recomputes every root)."""
    if head.size <= fork.restored.size:
        return False
    if fork.lost is not None and fork.lost.size > fork.restored.size and head.size > fork.lost.size:
        return False
    taken, restored = moment(head.at), moment(fork.at)
    return taken is None or restored is None or taken <= restored
