"""Bundles imported on top of an accepted restore, kept so a mistaken acceptance can be withdrawn.

The evaluator may take a journal on from the wrong restore (the old line, a kept-aside journal's
statement) and import bundles on top before the mistake shows: the real journal's bundles are
then refused as from a set-aside line. While a journal has an accepted restore, every bundle
stored for it records which decision it sits on, and the first bundle on top keeps what it may
change as it was before: each record's row (none when it was new), the tombstones, the consent
counts. So what is kept is bounded by the journal's dataset for each decision, not by how many
bundles came.

Withdrawing that decision (forks.withdraw) undoes those bundles at once: rows, record tombstones
and consent counts go back exactly as they were, their heads are set aside. A household they said
left the study stays out, as a question for the team lead (readmit.py), since its consent may
really have been withdrawn on the wrong laptop. An earlier acceptance can be withdrawn again once
every later one is (what was imported on top of those is undone first). Every withdrawal, of a
refusal too, is recorded with the decision it took back and why, for status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samjournal.evaluation.evaluator import readmit
from samjournal.evaluation.profile import now_iso
from samjournal.messages import Said, said
from samjournal.store import Database

# A record as it was before the bundles on top (no version: it was not there), in the undo of
# schema 10 (per bundle) and of schema 11 (per decision).
RECORD = """
    journal_id   TEXT NOT NULL,
    household_id TEXT NOT NULL,
    entity       TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    version      INTEGER,
    data         TEXT,"""
# Workspace schema 10 (with forget.SCHEMA), safe to run again. No semicolons in comments.
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS audit_on_top (
    n           INTEGER PRIMARY KEY,
    bundle_hash TEXT NOT NULL UNIQUE,
    fork        INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS record_undo (
    bundle_hash  TEXT NOT NULL,{RECORD}
    PRIMARY KEY (bundle_hash, household_id, entity, record_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counts_undo (
    bundle_hash TEXT NOT NULL,
    month       TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (bundle_hash, month)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_withdrawals (
    id         INTEGER PRIMARY KEY,
    journal_id TEXT NOT NULL,
    fork       INTEGER NOT NULL,
    tag        TEXT NOT NULL,
    sequences  TEXT NOT NULL,
    rows       INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_withdrawn (
    bundle_hash TEXT PRIMARY KEY,
    withdrawal  INTEGER NOT NULL
) WITHOUT ROWID
"""

# Workspace schema 11: the undo is kept per decision (the state before its first bundle on top),
# record tombstones too, and every withdrawal is recorded with the decision it took back
# (withdrawals of schema 10 have no row in audit_taken_back: they kept the tombstones). Schema 10
# kept no tombstones: those of records its undo held are known to be the bundles' (a record there
# before them, tombstoned now), those of records they did not carry are not (undo_from_10, said),
# and every household out counts as a question. Bundles a taking-again freed stay known until
# they come in again (audit_freed). Safe to run again, like the others. No semicolons in comments.
UNDO = f"""
CREATE TABLE IF NOT EXISTS undo_records (
    fork         INTEGER NOT NULL,{RECORD}
    PRIMARY KEY (fork, household_id, entity, record_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO undo_records SELECT t.fork, u.journal_id, u.household_id, u.entity,
    u.record_id, u.version, u.data FROM record_undo u JOIN audit_on_top t
    ON t.bundle_hash = u.bundle_hash ORDER BY t.n;
CREATE TABLE IF NOT EXISTS undo_from_10 (fork INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO undo_from_10 SELECT DISTINCT t.fork FROM record_undo u JOIN audit_on_top t
    ON t.bundle_hash = u.bundle_hash;
DROP TABLE record_undo;
CREATE TABLE IF NOT EXISTS undo_counts (
    fork     INTEGER NOT NULL,
    month    TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    data     TEXT NOT NULL,
    PRIMARY KEY (fork, month)
) WITHOUT ROWID;
INSERT OR IGNORE INTO undo_counts SELECT t.fork, c.month, c.sequence, c.data FROM counts_undo c
    JOIN audit_on_top t ON t.bundle_hash = c.bundle_hash
    WHERE t.n = (SELECT min(o.n) FROM audit_on_top o WHERE o.fork = t.fork);
DROP TABLE counts_undo;
CREATE TABLE IF NOT EXISTS undo_tombstones (
    fork       INTEGER NOT NULL,
    journal_id TEXT NOT NULL,
    entity     TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    reason     TEXT,
    PRIMARY KEY (fork, entity, record_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO undo_tombstones SELECT u.fork, u.journal_id, t.entity, t.record_id, NULL
    FROM undo_from_10 f JOIN undo_records u ON u.fork = f.fork JOIN tombstones t
    ON t.journal_id = u.journal_id AND t.entity = u.entity AND t.record_id = u.record_id
    WHERE u.version IS NOT NULL AND t.entity != 'households';
CREATE TABLE IF NOT EXISTS audit_freed (
    bundle_hash TEXT PRIMARY KEY,
    withdrawal  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO undo_tombstones SELECT f.fork, t.journal_id, t.entity, t.record_id, NULL
    FROM undo_from_10 f JOIN audit_forks a ON a.id = f.fork JOIN tombstones t
    ON t.journal_id = a.journal_id AND t.entity = 'households';
CREATE TABLE IF NOT EXISTS audit_taken_back (
    withdrawal  INTEGER PRIMARY KEY,
    decision    TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    decided_why TEXT NOT NULL,
    lifted      INTEGER NOT NULL,
    kept_out    INTEGER NOT NULL,
    from_10     INTEGER NOT NULL
)
"""
UNDONE = ("undo_records", "undo_counts", "undo_tombstones", "undo_from_10")
# A decision on a restore (forks.py, which imports this module, says them from here).
ACCEPTED, REFUSED = "accepted", "refused"


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A decision taken back: which it was and why, the bundles on top set aside and what was
    put back, and why it was withdrawn."""

    tag: str
    sequences: str  # "" when nothing was imported on top of it
    rows: int  # records that changed back
    reason: str
    at: str
    decision: str  # ACCEPTED or REFUSED
    decided_at: str
    decided_why: str
    lifted: int | None  # record tombstones taken away (None: schema 10 kept them all)
    kept_out: int  # households the bundles said left the study, kept out
    from_10: bool = False  # on top before schema 11: tombstones of records not carried stay

    def line(self) -> Said:
        at, why = self.decided_at, self.decided_why
        decided = (
            said("fork_withdrawn_was_refused", at=at, reason=why)
            if self.decision == REFUSED
            else said("fork_withdrawn_was_accepted", at=at, reason=why)
        )
        if not self.sequences:
            return said(
                "fork_withdrawn", tag=self.tag, decided=decided, reason=self.reason, at=self.at
            )
        if self.lifted is None:  # withdrawn under schema 10, which kept the tombstones
            return said(
                "fork_withdrawn_on_top_10",
                tag=self.tag,
                sequences=self.sequences,
                rows=self.rows,
                reason=self.reason,
                at=self.at,
            )
        return said(
            "fork_withdrawn_on_top",
            tag=self.tag,
            decided=decided,
            sequences=self.sequences,
            rows=self.rows,
            lifted=self.lifted,
            # tombstones of records the bundles did not carry may be kept
            from_10=said("fork_withdrawn_from_10") if self.from_10 else "",
            kept=self.kept_out,
            reason=self.reason,
            at=self.at,
        )


def keep(
    db: Database,
    journal_id: str,
    bundle_hash: str,
    keys: Iterable[tuple[str, str, str]],
    full: bool,
    decision: int | None,
    tombstones: Iterable[tuple[str, str]] = (),
) -> None:
    """Inside the import, before it changes anything: if the journal has an accepted restore
    (`decision`, the latest: forks.latest_accepted), note that this bundle sits on it, and what
    it may change (`keys` of its rows and record tombstones, the (entity, record) of its
    `tombstones`) as it was before the first bundle on top (every row of the journal for a full
    bundle, which may replace them all: forks.restart)."""
    db.execute("DELETE FROM audit_freed WHERE bundle_hash = ?", (bundle_hash,))  # in again
    if decision is None:
        return
    first = db.first("SELECT 1 FROM audit_on_top WHERE fork = ?", (decision,)) is None
    db.execute(
        "INSERT INTO audit_on_top (bundle_hash, fork) VALUES (?, ?)", (bundle_hash, decision)
    )
    if full:
        db.execute(
            "INSERT OR IGNORE INTO undo_records SELECT ?, journal_id, household_id, entity,"
            " record_id, version, data FROM records WHERE journal_id = ?",
            (decision, journal_id),
        )
    db.executemany(
        "INSERT OR IGNORE INTO undo_records (fork, journal_id, household_id, entity,"
        " record_id, version, data) SELECT ?1, ?2, ?3, ?4, ?5, (SELECT version FROM records"
        " WHERE journal_id = ?2 AND household_id = ?3 AND entity = ?4 AND record_id = ?5),"
        " (SELECT data FROM records WHERE journal_id = ?2 AND household_id = ?3 AND entity = ?4"
        " AND record_id = ?5)",
        [(decision, journal_id, h, e, r) for h, e, r in keys],
    )
    # A household's tombstone that a withdrawal kept out, still unsettled (even if its line was
    # taken again since), counts as brought by these bundles: withdrawn again, it is named again.
    db.executemany(
        "INSERT OR IGNORE INTO undo_tombstones (fork, journal_id, entity, record_id, reason)"
        " SELECT ?1, ?2, ?3, ?4, CASE WHEN ?3 = 'households' AND EXISTS (SELECT 1 FROM"
        " audit_kept_out WHERE journal_id = ?2 AND household_id = ?4 AND left_in IS NULL"
        " AND readmitted_at IS NULL) THEN NULL ELSE (SELECT reason FROM tombstones"
        " WHERE journal_id = ?2 AND entity = ?3 AND record_id = ?4) END",
        [(decision, journal_id, e, r) for e, r in tombstones],
    )
    if first:
        db.execute(
            "INSERT INTO undo_counts SELECT ?, month, sequence, data FROM consent_counts"
            " WHERE journal_id = ?",
            (decision, journal_id),
        )


def standing(db: Database, journal_id: str) -> int:
    """The journal's bundles stored here and not set aside by a withdrawal: what a decision
    counts to know whether anything was imported since it, other than on top of it."""
    return int(
        db.scalar(
            "SELECT count(*) FROM bundles b WHERE b.journal_id = ? AND b.bundle_hash NOT IN"
            " (SELECT bundle_hash FROM audit_withdrawn)",
            (journal_id,),
        )
    )


def on(db: Database, fork: int) -> list[tuple[str, int]]:
    """(bundle hash, sequence) of the bundles stored on top of decision `fork`, oldest first."""
    return [
        (str(r[0]), int(str(r[1])))
        for r in db.tuples(
            "SELECT t.bundle_hash, b.sequence FROM audit_on_top t JOIN bundles b"
            " ON b.bundle_hash = t.bundle_hash WHERE t.fork = ? ORDER BY t.n",
            (fork,),
        )
    ]


@dataclass(frozen=True, slots=True)
class Taken:
    """The decision a withdrawal takes back (forks.Fork's words for it)."""

    fork: int
    journal_id: str
    tag: str
    decision: str
    decided_at: str
    reason: str


def withdraw(db: Database, taken: Taken, reason: str) -> Withdrawal:
    """Take `taken` back (inside the withdrawal's transaction) and record it. Bundles stored on
    top of it are undone: record tombstones they brought go (and changed ones get their reason
    back), rows go back to what they were before the first of them, unless a household
    tombstone has removed them, the consent counts too; their heads are set aside."""
    bundles = on(db, taken.fork)
    lifted = rows = 0
    kept_out: list[str] = []
    from_10 = db.first("SELECT 1 FROM undo_from_10 WHERE fork = ?", (taken.fork,)) is not None
    if bundles:
        lifted, kept_out = _tombstones_back(db, taken.fork, taken.journal_id)
        rows = _rows_back(db, taken.fork, taken.journal_id)
        db.execute("DELETE FROM consent_counts WHERE journal_id = ?", (taken.journal_id,))
        db.execute(
            "INSERT INTO consent_counts (journal_id, month, sequence, data) SELECT ?, month,"
            " sequence, data FROM undo_counts WHERE fork = ?",
            (taken.journal_id, taken.fork),
        )
        db.executemany(
            "INSERT OR REPLACE INTO audit_superseded (bundle_hash, fork) VALUES (?, ?)",
            [(bundle_hash, taken.fork) for bundle_hash, _ in bundles],
        )
        readmit.unsettled(db, [bundle_hash for bundle_hash, _ in bundles])
    kept_out += [h for h in _asked_again(db, taken) if h not in kept_out]
    for table in (*UNDONE, "audit_on_top"):
        db.execute(f"DELETE FROM {table} WHERE fork = ?", (taken.fork,))
    withdrawal = db.execute(
        "INSERT INTO audit_withdrawals (journal_id, fork, tag, sequences, rows, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            taken.journal_id,
            taken.fork,
            taken.tag,
            ", ".join(str(s) for _, s in bundles),
            rows,
            reason,
            now_iso(),
        ),
    )
    db.execute(
        "INSERT INTO audit_taken_back (withdrawal, decision, decided_at, decided_why, lifted,"
        " kept_out, from_10) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            withdrawal,
            taken.decision,
            taken.decided_at,
            taken.reason,
            lifted,
            len(kept_out),
            from_10,
        ),
    )
    db.executemany(  # readmit.py's: each time a household is kept out
        "INSERT INTO audit_kept_out (journal_id, household_id, withdrawal) VALUES (?, ?, ?)",
        [(taken.journal_id, household, withdrawal) for household in kept_out],
    )
    db.executemany(
        "INSERT OR REPLACE INTO audit_withdrawn (bundle_hash, withdrawal) VALUES (?, ?)",
        [(bundle_hash, withdrawal) for bundle_hash, _ in bundles],
    )
    return withdrawals(db, taken.journal_id)[-1]


def _asked_again(db: Database, taken: Taken) -> list[str]:
    """Households an earlier withdrawal of this decision kept out, whose question its taking
    again voided, still out and unanswered: withdrawn again, it asks again (whether or not its
    bundles came in again)."""
    return [
        str(r[0])
        for r in db.tuples(
            "SELECT DISTINCT k.household_id FROM audit_kept_out k JOIN audit_withdrawals w"
            " ON w.id = k.withdrawal WHERE w.fork = ? AND w.tag = ? AND k.void = 1"
            " AND k.readmitted_at IS NULL AND k.left_in IS NULL AND k.household_id IN"
            " (SELECT record_id FROM tombstones WHERE journal_id = ? AND entity = 'households')",
            (taken.fork, taken.tag, taken.journal_id),
        )
    ]


def _tombstones_back(db: Database, fork: int, journal_id: str) -> tuple[int, list[str]]:
    """Record tombstones as they were before the bundles on top: (how many taken away, the
    households kept out). A household that left stays out (readmit.py lets the evaluator take
    one back in, once the team lead has confirmed it never left)."""
    lifted, kept_out = 0, []
    for entity, record, was in db.tuples(
        "SELECT u.entity, u.record_id, u.reason FROM undo_tombstones u JOIN tombstones t"
        " ON t.journal_id = u.journal_id AND t.entity = u.entity AND t.record_id = u.record_id"
        " WHERE u.fork = ? AND (u.reason IS NULL OR u.reason != t.reason)",
        (fork,),
    ):
        key = (journal_id, entity, record)
        if entity == "households" and was is None:  # said to have left: stays out
            kept_out.append(str(record))
        elif was is None:
            db.execute(
                "DELETE FROM tombstones WHERE journal_id = ? AND entity = ? AND record_id = ?",
                key,
            )
            lifted += 1
        else:
            db.execute(
                "UPDATE tombstones SET reason = ? WHERE journal_id = ? AND entity = ?"
                " AND record_id = ?",
                (was, *key),
            )
    return lifted, kept_out


def _rows_back(db: Database, fork: int, journal_id: str) -> int:
    """Every record the bundles on top touched, back as it was before them (unless a tombstone
    still removes it): how many changed."""
    changed = 0
    for household, entity, record, version, data in db.tuples(
        "SELECT household_id, entity, record_id, version, data FROM undo_records WHERE fork = ?",
        (fork,),
    ):
        key = (journal_id, household, entity, record)
        now = db.first(
            "SELECT version, data FROM records WHERE journal_id = ? AND household_id = ?"
            " AND entity = ? AND record_id = ?",
            key,
        )
        back = None if version is None or _tombstoned(db, *key) else (version, data)
        if (None if now is None else (now[0], now[1])) == back:
            continue
        changed += 1
        db.execute(
            "DELETE FROM records WHERE journal_id = ? AND household_id = ? AND entity = ?"
            " AND record_id = ?",
            key,
        )
        if back is not None:
            db.execute(
                "INSERT INTO records (journal_id, household_id, entity, record_id, version,"
                " data) VALUES (?, ?, ?, ?, ?, ?)",
                (*key, *back),
            )
    return changed


def _tombstoned(db: Database, journal_id: str, household: str, entity: str, record: str) -> bool:
    return (
        db.first(
            "SELECT 1 FROM tombstones WHERE journal_id = ? AND ((entity = 'households' AND"
            " record_id = ?) OR (entity = ? AND record_id = ?))",
            (journal_id, household, entity, record),
        )
        is not None
    )


def withdrawn(db: Database, bundle_hash: str) -> bool:
    """Whether a withdrawal set this stored bundle aside (and it is still aside): it is not
    taken again, and no receipt is written for it again."""
    return (
        db.first(
            "SELECT 1 FROM audit_withdrawn WHERE bundle_hash = ?1 AND bundle_hash IN"
            " (SELECT bundle_hash FROM audit_superseded WHERE bundle_hash = ?1)",
            (bundle_hash,),
        )
        is not None
    )


def taken_again(db: Database, fork: int, tag: str) -> set[str]:
    """The decision `fork` is taken again after a withdrawal set bundles aside (inside the
    decision's transaction): those bundles may be imported again (their rows were put back, so
    they are no longer counted as stored here; the withdrawal stays on record), and their heads
    belong on the line again; so do those freed by an earlier taking that were never imported
    again. Their hashes are returned."""
    aside = {
        str(r[0])
        for r in db.tuples(
            "SELECT d.bundle_hash FROM audit_withdrawn d JOIN audit_withdrawals w"
            " ON w.id = d.withdrawal WHERE w.fork = ? AND w.tag = ?",
            (fork, tag),
        )
    }
    for bundle_hash in aside:
        free(db, bundle_hash)
    freed = {
        str(r[0])
        for r in db.tuples(
            "SELECT f.bundle_hash FROM audit_freed f JOIN audit_withdrawals w"
            " ON w.id = f.withdrawal WHERE w.fork = ? AND w.tag = ?",
            (fork, tag),
        )
    }
    # the line is taken on again: the households it said left are no longer a question (a
    # withdrawal of it again asks again: _asked_again)
    db.execute(
        "UPDATE audit_kept_out SET void = 1 WHERE withdrawal IN (SELECT id FROM"
        " audit_withdrawals WHERE fork = ? AND tag = ?)",
        (fork, tag),
    )
    return aside | freed


def free(db: Database, bundle_hash: str) -> None:
    """A bundle a withdrawal set aside goes back on the line: it may be imported again (its
    rows were put back, so it is no longer counted as stored here). Until it is, it stays known
    as freed from that withdrawal, so taking the decision again after another withdrawal puts
    its head back on the line once more."""
    db.execute(
        "INSERT OR REPLACE INTO audit_freed (bundle_hash, withdrawal) SELECT bundle_hash,"
        " withdrawal FROM audit_withdrawn WHERE bundle_hash = ?",
        (bundle_hash,),
    )
    db.execute("DELETE FROM audit_withdrawn WHERE bundle_hash = ?", (bundle_hash,))
    db.execute("DELETE FROM bundles WHERE bundle_hash = ?", (bundle_hash,))


def freed(db: Database, journal_id: str) -> Said | None:
    """For status and `reanchor`: the bundles a decision taken again freed that have not come
    in again (their rows were undone): the evaluator imports them again, or what they brought
    is missing."""
    sequences = [
        int(str(r[0]))
        for r in db.tuples(
            "SELECT DISTINCT h.sequence FROM audit_freed f JOIN audit_heads h"
            " ON h.bundle_hash = f.bundle_hash WHERE h.journal_id = ? ORDER BY 1",
            (journal_id,),
        )
    ]
    if not sequences:
        return None
    return said("bundles_freed", sequences=", ".join(str(n) for n in sequences))


def withdrawals(db: Database, journal_id: str) -> list[Withdrawal]:
    return [
        Withdrawal(
            str(r[0]),
            str(r[1]),
            int(str(r[2])),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            str(r[6]),
            str(r[7]),
            None if r[8] is None else int(str(r[8])),
            int(str(r[9])),
            bool(r[10]),
        )
        for r in db.tuples(
            "SELECT tag, sequences, rows, reason, at, coalesce(decision, 'accepted'),"
            " coalesce(decided_at, ''), coalesce(decided_why, ''), lifted, coalesce(kept_out, 0),"
            " coalesce(from_10, 0)"
            " FROM audit_withdrawals LEFT JOIN audit_taken_back ON withdrawal = id"
            " WHERE journal_id = ? ORDER BY id",
            (journal_id,),
        )
    ]
