"""Taking a household back in that a withdrawn line said left the study (`evaluator journal
readmit`).

A withdrawal undoes what the bundles on top of a mistaken acceptance changed, except that a
household they said left the study stays out (on_top.py): its consent may really have been
withdrawn on the wrong laptop, and the real journal does not know. But the line was withdrawn
because it was not the journal in use, so such a household may have left only there. Once the
team lead has confirmed that it never left, the evaluator takes it back in, one household at a
time, with a reason: its tombstone goes, the decision is kept here and shown in status, and the
journal's next full bundle brings its rows (or a tombstone again, if it did leave).
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.evaluation.profile import now_iso
from samjournal.messages import Said, invalid, said
from samjournal.store import Database

# Workspace schema 11 (with on_top.UNDO, which fills audit_kept_out), safe to run again.
SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_readmitted (
    journal_id   TEXT NOT NULL,
    household_id TEXT NOT NULL,
    reason       TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (journal_id, household_id)
) WITHOUT ROWID
"""


@dataclass(frozen=True, slots=True)
class KeptOut:
    """A household a withdrawn line said left the study: kept out, or taken back in."""

    journal_id: str
    household: str
    tag: str  # the decision whose withdrawal kept it out
    withdrawn_at: str
    readmitted_at: str = ""
    reason: str = ""

    def line(self) -> Said:
        """For `evaluator status`, in red: what the evaluator may still have to ask about."""
        if self.readmitted_at:
            return said(
                "household_readmitted",
                household=self.household,
                tag=self.tag,
                at=self.readmitted_at,
                reason=self.reason,
            )
        return said(
            "household_kept_out",
            household=self.household,
            tag=self.tag,
            at=self.withdrawn_at,
            journal_id=self.journal_id,
        )


def kept_out(db: Database, journal_id: str) -> list[KeptOut]:
    return [
        KeptOut(journal_id, str(r[0]), str(r[1]), str(r[2]), str(r[3] or ""), str(r[4] or ""))
        for r in db.tuples(
            "SELECT k.household_id, w.tag, w.at, r.at, r.reason FROM audit_kept_out k"
            " JOIN audit_withdrawals w ON w.id = k.withdrawal LEFT JOIN audit_readmitted r"
            " ON r.journal_id = k.journal_id AND r.household_id = k.household_id"
            " WHERE k.journal_id = ? ORDER BY k.household_id",
            (journal_id,),
        )
    ]


def readmit(db: Database, journal_id: str, household: str, reason: str) -> KeptOut:
    """Take `household` back in: only one a withdrawal kept out, and not yet taken back."""
    reason = reason.strip()
    if not reason:
        raise invalid("grunn", "write_why_readmitted")
    household = household.strip()
    found = [k for k in kept_out(db, journal_id) if k.household == household]
    if not found or found[0].readmitted_at:
        raise invalid("--household", "readmit_only_kept_out", household=household)
    with db.transaction():
        db.execute(
            "DELETE FROM tombstones WHERE journal_id = ? AND entity = 'households'"
            " AND record_id = ?",
            (journal_id, household),
        )
        db.execute(
            "INSERT INTO audit_readmitted (journal_id, household_id, reason, at)"
            " VALUES (?, ?, ?, ?)",
            (journal_id, household, reason, now_iso()),
        )
    return next(k for k in kept_out(db, journal_id) if k.household == household)
