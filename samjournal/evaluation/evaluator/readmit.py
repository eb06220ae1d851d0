"""Taking a household back in that a withdrawn line said left the study (`evaluator journal
readmit`).

A withdrawal undoes what the bundles on top of a mistaken acceptance changed, except that a
household they said left the study stays out (on_top.py): its consent may really have been
withdrawn on the wrong laptop, and the real journal does not know. But the line was withdrawn
because it was not the journal in use, so such a household may have left only there. Each time
a withdrawal keeps one out, a row here says so. Once the team lead has confirmed that it never
left, the evaluator takes it back in, with a reason: its tombstone goes, the row keeps the
decision, status shows it, and the journal's next full bundle brings its rows. Its rows from
before the line removed it are known nowhere here any more (a household that left keeps no rows
in any undo: merge.py), so withdrawing a decision taken before leaves it with none until the
journal's next full bundle; rows a set-aside line brought for it go with that line.

The journal itself has the last word: every bundle carries all its tombstones, so a stored bundle
that says the household left (before or after it was taken back in) settles the row, and
`readmit` refuses it, unless a withdrawal sets that bundle aside. A line taken on again after its
withdrawal (on_top.taken_again) voids its rows; withdrawn again, it asks again (on_top).
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.evaluation.profile import now_iso
from samjournal.messages import Said, invalid, said
from samjournal.store import Database

# Workspace schema 11 (with on_top.UNDO: on_top.withdraw writes the rows), safe to run again.
SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_kept_out (
    id            INTEGER PRIMARY KEY,
    journal_id    TEXT NOT NULL,
    household_id  TEXT NOT NULL,
    withdrawal    INTEGER NOT NULL,
    void          INTEGER NOT NULL DEFAULT 0,
    left_in       INTEGER,
    left_bundle   TEXT,
    readmitted_at TEXT,
    reason        TEXT
)
"""


@dataclass(frozen=True, slots=True)
class KeptOut:
    """A household a withdrawn line said left the study: kept out, taken back in, or said to
    have left by the journal itself (`left_in`, its bundle)."""

    journal_id: str
    household: str
    tag: str  # the decision whose withdrawal kept it out
    withdrawn_at: str
    readmitted_at: str = ""
    reason: str = ""
    left_in: int | None = None
    void: bool = False  # its line was taken on again (shown only if it was taken back in)

    @property
    def open(self) -> bool:
        """Still a question for the team lead: `readmit` may take it back in."""
        return not self.readmitted_at and self.left_in is None

    def lines(self, study_id: str = "…") -> list[Said]:
        """For `evaluator status`, in red: the decision taken on it, and where it stands."""
        taken_back = [
            said(
                "household_readmitted",
                household=self.household,
                tag=self.tag,
                at=self.readmitted_at,
                reason=self.reason,
            )
        ]
        if self.left_in is not None:  # before it was taken back in, or after
            out = said(
                "household_left_journal_says",
                household=self.household,
                tag=self.tag,
                sequence=self.left_in,
            )
            return [*taken_back, out] if self.readmitted_at else [out]
        if self.readmitted_at:
            return taken_back
        return [
            said(
                "household_kept_out",
                household=self.household,
                tag=self.tag,
                at=self.withdrawn_at,
                journal_id=self.journal_id,
                study_id=study_id,
            )
        ]


def kept_out(db: Database, journal_id: str) -> list[KeptOut]:
    """Every household a withdrawal kept out, each time, oldest first; one whose line was
    taken on again (void) only if it had been taken back in: that decision stays on record."""
    return _rows(db, "k.journal_id = ? AND (k.void = 0 OR k.readmitted_at IS NOT NULL)", journal_id)


def status_lines(db: Database, journal_id: str, study_id: str) -> list[Said]:
    """Each household once: every time it was taken back in, then where it stands now (its
    latest row; an older question it replaced is not asked twice)."""
    rows = kept_out(db, journal_id)
    latest = {k.household: k for k in rows if not k.void}
    lines: list[Said] = []
    for household in dict.fromkeys(k.household for k in rows):
        now = latest.get(household)
        for k in rows:
            if k.household == household and k.readmitted_at and k is not now:
                lines += k.lines(study_id)  # its taking back in, and the journal's word since
        if now is not None:
            lines += now.lines(study_id)
    return lines


def _rows(db: Database, where: str, value: object) -> list[KeptOut]:
    return [
        KeptOut(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4] or ""),
            str(r[5] or ""),
            None if r[6] is None else int(str(r[6])),
            bool(r[7]),
        )
        for r in db.tuples(
            "SELECT k.journal_id, k.household_id, w.tag, w.at, k.readmitted_at, k.reason,"
            " k.left_in, k.void FROM audit_kept_out k JOIN audit_withdrawals w"
            f" ON w.id = k.withdrawal WHERE {where} ORDER BY k.id",
            (value,),
        )
    ]


def journal_said_left(
    db: Database, journal_id: str, sequence: int, bundle_hash: str, households: set[str]
) -> None:
    """A stored bundle carries these households' tombstones (inside the import): the journal
    says they left, which settles every row of theirs here, until that bundle is set aside by
    a withdrawal (unsettled: on_top.withdraw)."""
    db.executemany(
        "UPDATE audit_kept_out SET left_in = ?, left_bundle = ? WHERE journal_id = ?"
        " AND household_id = ? AND (void = 0 OR readmitted_at IS NOT NULL) AND left_in IS NULL",
        [(sequence, bundle_hash, journal_id, h) for h in households],
    )


def unsettled(db: Database, bundle_hashes: list[str]) -> None:
    """These bundles were set aside by a withdrawal: what they said settles nothing."""
    db.executemany(
        "UPDATE audit_kept_out SET left_in = NULL, left_bundle = NULL WHERE left_bundle = ?",
        [(h,) for h in bundle_hashes],
    )


def readmit(db: Database, journal_id: str, household: str, reason: str) -> KeptOut:
    """Take `household` back in: only while the latest withdrawal that kept it out is an open
    question (not taken back in, not said to have left by the journal itself)."""
    reason = reason.strip()
    if not reason:
        raise invalid("grunn", "write_why_readmitted")
    household = household.strip()
    latest = db.first(
        "SELECT id, left_in, readmitted_at FROM audit_kept_out WHERE journal_id = ?"
        " AND household_id = ? AND void = 0 ORDER BY id DESC LIMIT 1",
        (journal_id, household),
    )
    if latest is not None and latest[1] is not None:
        raise invalid(
            "--household", "readmit_journal_said_left", household=household, sequence=latest[1]
        )
    if latest is None or latest[2] is not None:
        raise invalid("--household", "readmit_only_kept_out", household=household)
    with db.transaction():
        db.execute(
            "DELETE FROM tombstones WHERE journal_id = ? AND entity = 'households'"
            " AND record_id = ?",
            (journal_id, household),
        )
        db.execute(
            "UPDATE audit_kept_out SET readmitted_at = ?, reason = ? WHERE id = ?",
            (now_iso(), reason, latest[0]),
        )
    return _rows(db, "k.id = ?", latest[0])[0]
