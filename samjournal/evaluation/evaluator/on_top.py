"""Bundles imported on top of an accepted restore, kept so a mistaken acceptance can be withdrawn.

The evaluator may take a journal on from the wrong restore (the old line, a kept-aside journal's
statement) and import bundles on top before the mistake shows: the real journal's bundles are
then refused as from a set-aside line. While a journal has an accepted restore, every bundle
stored for it records here which decision it sits on and what it changed: each record's row
before the import (none when it was new) and the journal's consent counts before it. Withdrawing
that decision (forks.withdraw, with a reason) undoes those bundles, newest first, sets their
heads aside, and records it for status. Tombstones they brought stay: what left the study does
not come back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from samjournal.evaluation.profile import now_iso
from samjournal.messages import Said, said
from samjournal.store import Database

# Workspace schema 10 (with forget.SCHEMA), safe to run again. No semicolons in comments.
SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_on_top (
    n           INTEGER PRIMARY KEY,
    bundle_hash TEXT NOT NULL UNIQUE,
    fork        INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS record_undo (
    bundle_hash  TEXT NOT NULL,
    journal_id   TEXT NOT NULL,
    household_id TEXT NOT NULL,
    entity       TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    version      INTEGER,
    data         TEXT,
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


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """An acceptance withdrawn with bundles on top: which were set aside, rows put back, why."""

    tag: str
    sequences: str
    rows: int
    reason: str
    at: str

    def line(self) -> Said:
        return said(
            "fork_withdrawn_on_top",
            tag=self.tag,
            sequences=self.sequences,
            rows=self.rows,
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
) -> None:
    """Inside the import, before it changes anything: if the journal has an accepted restore
    (`decision`, the latest: forks.latest_accepted), note that this bundle sits on it, and the
    rows it may change as they are now (every row of the journal for a full bundle, which may
    replace them all: forks.restart)."""
    if decision is None:
        return
    db.execute(
        "INSERT INTO audit_on_top (bundle_hash, fork) VALUES (?, ?)", (bundle_hash, decision)
    )
    if full:
        db.execute(
            "INSERT INTO record_undo SELECT ?, journal_id, household_id, entity, record_id,"
            " version, data FROM records WHERE journal_id = ?",
            (bundle_hash, journal_id),
        )
    db.executemany(
        "INSERT OR IGNORE INTO record_undo (bundle_hash, journal_id, household_id, entity,"
        " record_id, version, data) SELECT ?1, ?2, ?3, ?4, ?5, (SELECT version FROM records"
        " WHERE journal_id = ?2 AND household_id = ?3 AND entity = ?4 AND record_id = ?5),"
        " (SELECT data FROM records WHERE journal_id = ?2 AND household_id = ?3 AND entity = ?4"
        " AND record_id = ?5)",
        [(bundle_hash, journal_id, h, e, r) for h, e, r in keys],
    )
    db.execute(
        "INSERT INTO counts_undo SELECT ?, month, sequence, data FROM consent_counts"
        " WHERE journal_id = ?",
        (bundle_hash, journal_id),
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


def set_aside(db: Database, fork: int, journal_id: str, tag: str, reason: str) -> Withdrawal | None:
    """Undo the bundles stored on top of `fork`, newest first (inside the withdrawal's
    transaction): rows back to what they were, unless a tombstone has removed them since, the
    consent counts too, their heads set aside. Recorded for status; None when there were none."""
    bundles = on(db, fork)
    if not bundles:
        return None
    rows = 0
    for bundle_hash, _ in reversed(bundles):
        for household, entity, record, version, data in db.tuples(
            "SELECT household_id, entity, record_id, version, data FROM record_undo"
            " WHERE bundle_hash = ?",
            (bundle_hash,),
        ):
            key = (journal_id, household, entity, record)
            db.execute(
                "DELETE FROM records WHERE journal_id = ? AND household_id = ? AND entity = ?"
                " AND record_id = ?",
                key,
            )
            if version is not None and not _tombstoned(db, *key):
                db.execute(
                    "INSERT INTO records (journal_id, household_id, entity, record_id, version,"
                    " data) VALUES (?, ?, ?, ?, ?, ?)",
                    (*key, version, data),
                )
            rows += 1
        db.execute("DELETE FROM consent_counts WHERE journal_id = ?", (journal_id,))
        db.execute(
            "INSERT INTO consent_counts (journal_id, month, sequence, data) SELECT ?, month,"
            " sequence, data FROM counts_undo WHERE bundle_hash = ?",
            (journal_id, bundle_hash),
        )
        db.execute(
            "INSERT OR REPLACE INTO audit_superseded (bundle_hash, fork) VALUES (?, ?)",
            (bundle_hash, fork),
        )
        for table in ("record_undo", "counts_undo", "audit_on_top"):
            db.execute(f"DELETE FROM {table} WHERE bundle_hash = ?", (bundle_hash,))
    withdrawal = db.execute(
        "INSERT INTO audit_withdrawals (journal_id, fork, tag, sequences, rows, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            journal_id,
            fork,
            tag,
            ", ".join(str(s) for _, s in bundles),
            rows,
            reason,
            now_iso(),
        ),
    )
    db.executemany(
        "INSERT OR REPLACE INTO audit_withdrawn (bundle_hash, withdrawal) VALUES (?, ?)",
        [(bundle_hash, withdrawal) for bundle_hash, _ in bundles],
    )
    return withdrawals(db, journal_id)[-1]


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
    belong on the line again. Their hashes are returned."""
    hashes = {
        str(r[0])
        for r in db.tuples(
            "SELECT d.bundle_hash FROM audit_withdrawn d JOIN audit_withdrawals w"
            " ON w.id = d.withdrawal WHERE w.fork = ? AND w.tag = ?",
            (fork, tag),
        )
    }
    for bundle_hash in hashes:
        db.execute("DELETE FROM audit_withdrawn WHERE bundle_hash = ?", (bundle_hash,))
        db.execute("DELETE FROM bundles WHERE bundle_hash = ?", (bundle_hash,))
    return hashes


def withdrawals(db: Database, journal_id: str) -> list[Withdrawal]:
    return [
        Withdrawal(str(r[0]), str(r[1]), int(str(r[2])), str(r[3]), str(r[4]))
        for r in db.tuples(
            "SELECT tag, sequences, rows, reason, at FROM audit_withdrawals WHERE journal_id = ?"
            " ORDER BY id",
            (journal_id,),
        )
    ]
