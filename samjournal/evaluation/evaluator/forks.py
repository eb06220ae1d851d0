"""Restores a journal states, and the evaluator's decision on each, one at a time.

A journal restored from a backup older than its last bundle (or whose team lead accepted lost
work, `check --accept-loss`) no longer extends the head witnessed here, and says so in its next
bundle (evaluation/audit_proof.py: "restored from head X, lost events after it", under its
signature). Such a bundle is refused like any fork, but the statement is kept here as waiting,
and `evaluator status` shows it in red, by its tag. Each decision names ONE restore (by its tag
or the bundle that first stated it; no name is needed when one waits), after a call to the
team lead, and is kept with its time and reason:
- `reanchor` takes the journal on from it: every head recorded here that the stating bundles'
  log does not extend is set aside (kept, marked superseded), and a head an earlier decision set
  aside that it does extend goes back on the line (so with several restores taken on, only heads
  above the highest restore point on the line stay aside);
- `reject` refuses it (the team lead denies it): every bundle that needs it is refused, saying so;
- `withdraw` takes a decision back, with a reason: a refusal at any time, an acceptance while
  no later acceptance stands (bundles stored on top of it are set aside with it, what they
  changed put back: on_top.py); the decision taken back stays on record;
- a refused statement can be dropped to free its tag for the honest one (forget.py).
Nothing is accepted silently, and a log rewritten without such a statement has nothing to decide
on: it stays refused. A journal's last refused bundle is kept too, for status (refusals.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.audit_heads import Head
from samjournal.evaluation.audit_proof import AuditClaim, Restored
from samjournal.evaluation.evaluator import on_top
from samjournal.evaluation.evaluator.on_top import ACCEPTED as ACCEPTED
from samjournal.evaluation.evaluator.on_top import REFUSED as REFUSED
from samjournal.evaluation.profile import now_iso
from samjournal.messages import Said, invalid, said
from samjournal.store import Database

# The heads a restore statement gives, as columns: the same in audit_forks and audit_forgotten.
HEADS = """
    restored_size  INTEGER NOT NULL,
    restored_root  TEXT NOT NULL,
    lost_size      INTEGER,
    lost_root      TEXT,
    witnessed_size INTEGER,
    witnessed_root TEXT,
    restored_at    TEXT NOT NULL,"""
# A fork's id is never given again, even after `forget` deleted its row: decisions, withdrawals
# and set-aside heads refer to it (an id taken again made a new restore inherit them).
USED_KEY = "forks_used"  # meta: the highest id a forgotten fork had
NEXT_ID = (
    "(SELECT max(coalesce((SELECT max(id) FROM audit_forks), 0),"
    f" coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{USED_KEY}'), 0)) + 1)"
)
# Workspace schema 7 (see workspace.MIGRATIONS), safe to run again like the others. No
# semicolons in comments: the script is split on them.
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS audit_superseded (
    bundle_hash TEXT PRIMARY KEY,
    fork        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_forks (
    id             INTEGER PRIMARY KEY,
    journal_id     TEXT NOT NULL,{HEADS}
    tag            TEXT NOT NULL,
    bundle_hash    TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    seen_at        TEXT NOT NULL,
    decided_at     TEXT,
    reason         TEXT,
    UNIQUE (journal_id, tag)
)
"""


# Workspace schema 9: each decision names one restore and is accepted or refused (a refusal
# too is kept with its reason), with the heads the stating bundle proved (a set-aside head a
# later accepted line proves goes back on the line), what each decision changed (so it can be
# withdrawn while nothing was imported on top of it), and each journal's last refused bundle
# (shown in status). Decided rows of schema 7 were accepted. Safe to run again, like the others.
DECISIONS = """
CREATE TABLE IF NOT EXISTS audit_decisions (
    fork         INTEGER PRIMARY KEY,
    decision     TEXT NOT NULL CHECK (decision IN ('accepted', 'refused')),
    bundles_then INTEGER,
    made         INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO audit_decisions (fork, decision)
    SELECT id, 'accepted' FROM audit_forks WHERE decided_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS audit_fork_proved (
    fork INTEGER NOT NULL,
    size INTEGER NOT NULL,
    root TEXT NOT NULL,
    PRIMARY KEY (fork, size, root)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_aside_changes (
    fork        INTEGER NOT NULL,
    bundle_hash TEXT NOT NULL,
    was         INTEGER,
    PRIMARY KEY (fork, bundle_hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_refusals (
    journal_id  TEXT PRIMARY KEY,
    sequence    INTEGER NOT NULL,
    bundle_hash TEXT NOT NULL,
    message     TEXT NOT NULL,
    at          TEXT NOT NULL
) WITHOUT ROWID
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
    decision: str = ""  # ACCEPTED, REFUSED, or "" while it waits
    witnessed: Head | None = None

    @property
    def waiting(self) -> bool:
        return not self.decision

    @property
    def accepted(self) -> bool:
        return self.decision == ACCEPTED

    def line(self) -> Said:
        """For `evaluator status`: red, waiting or decided (by its tag, to name it)."""
        lost = said("fork_lost_reach", short=self.lost.short()) if self.lost else ""
        at, short = self.restored_at, self.restored.short()
        if self.waiting:
            return said(
                "fork_waiting",
                tag=self.tag,
                at=at,
                short=short,
                lost=lost,
                sequence=self.sequence,
                journal_id=self.journal_id,
            )
        # A decision's line: the same restore point whichever way it went.
        point = said("fork_restore_point", at=at, short=short, lost=lost)
        decided, reason = self.decided_at, self.reason
        if self.accepted:
            return said("fork_accepted", tag=self.tag, point=point, decided=decided, reason=reason)
        return said("fork_refused", tag=self.tag, point=point, decided=decided, reason=reason)


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
        "" if r[12] is None else str(r[12]),
        None if r[13] is None else Head(int(str(r[13])), str(r[14])),
    )


def forks(db: Database, journal_id: str) -> list[Fork]:
    rows = db.tuples(
        "SELECT id, journal_id, restored_size, restored_root, lost_size, lost_root, restored_at,"
        " sequence, seen_at, decided_at, reason, tag, decision, witnessed_size, witnessed_root"
        " FROM audit_forks LEFT JOIN audit_decisions ON fork = id WHERE journal_id = ?"
        " ORDER BY id",
        (journal_id,),
    )
    return [_row(tuple(r)) for r in rows]


def _statement(db: Database, journal_id: str, said_: Restored) -> Fork | None:
    """The evaluator's row for this restore (a restore from the same backup again is another
    restore: its own tag, its own decision)."""
    return next(
        (
            f
            for f in forks(db, journal_id)
            if f.tag == said_.tag
            and (f.restored.size, f.restored.root) == (said_.restored.size, said_.restored.root)
        ),
        None,
    )


def _content(h: Head | None) -> tuple[int, str] | None:
    return None if h is None else (h.size, h.root)


def retagged(
    db: Database, journal_id: str, stated: tuple[Restored, ...] | list[Restored]
) -> tuple[Fork, Restored] | None:
    """A statement under a tag this journal already stated with other content (restore point,
    lost or witnessed head): two restores under one tag (the journal's fork rows were edited).
    The tag names a decision, so such a bundle is refused, not merged into the known row."""
    known = {f.tag: f for f in forks(db, journal_id)}
    for r in stated:
        f = known.get(r.tag)
        if f is not None and (
            _content(f.restored) != _content(r.restored)
            or _content(f.lost) != _content(r.lost)
            or _content(f.witnessed) != _content(r.witnessed)
        ):
            return f, r
    return None


def latest_accepted(db: Database, journal_id: str) -> Fork | None:
    """The restore the evaluator last took the journal on from: by the order decisions were
    made in, never by the clock (set back, it made bundles on top sit on the wrong decision)."""
    made = {
        int(r[0]): int(r[1])
        for r in db.tuples("SELECT fork, made FROM audit_decisions WHERE decision = ?", (ACCEPTED,))
    }
    return max(
        (f for f in forks(db, journal_id) if f.accepted),
        key=lambda f: (made.get(f.id, 0), f.decided_at, f.id),
        default=None,
    )


def decided(db: Database, journal_id: str, said_: Restored) -> bool:
    """Whether the evaluator took the journal on from this restore."""
    found = _statement(db, journal_id, said_)
    return found is not None and found.accepted


def refused(db: Database, journal_id: str, said_: Restored) -> Fork | None:
    """The evaluator's refusal of this restore, if it refused it."""
    found = _statement(db, journal_id, said_)
    return found if found is not None and found.decision == REFUSED else None


def reach(db: Database, journal_id: str) -> int:
    """How far the journal had come by its own statements not refused here: a later restore
    that could not know it (its replaced journal was an intermediate one) is held to this."""
    return int(
        db.scalar(
            "SELECT coalesce(max(lost_size), 0) FROM audit_forks LEFT JOIN audit_decisions"
            " ON fork = id WHERE journal_id = ? AND (decision IS NULL OR decision != 'refused')",
            (journal_id,),
        )
    )


def hold(
    db: Database,
    journal_id: str,
    sequence: int,
    bundle_hash: str,
    said_: Restored,
    proved: list[Head] | None = None,
) -> None:
    """Keep a statement from a refused bundle, waiting for the evaluator (once per restore),
    with the heads the bundle proved its log extends (each bundle stating it adds its own)."""
    with db.transaction():
        db.execute(
            "INSERT OR IGNORE INTO audit_forks (id, journal_id, restored_size, restored_root,"
            " lost_size, lost_root, witnessed_size, witnessed_root, restored_at, tag, bundle_hash,"
            f" sequence, seen_at) VALUES ({NEXT_ID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                journal_id,
                said_.restored.size,
                said_.restored.root,
                None if said_.lost is None else said_.lost.size,
                None if said_.lost is None else said_.lost.root,
                None if said_.witnessed is None else said_.witnessed.size,
                None if said_.witnessed is None else said_.witnessed.root,
                said_.at,
                said_.tag,
                bundle_hash,
                sequence,
                now_iso(),
            ),
        )
        # the row with this tag AND content (witness.check refused a tag reused with other
        # content before this): None, and no heads added, should one slip through
        fork = db.scalar(
            "SELECT id FROM audit_forks WHERE journal_id = ? AND tag = ? AND restored_size = ?"
            " AND restored_root = ?",
            (journal_id, said_.tag, said_.restored.size, said_.restored.root),
        )
        if fork is None:
            return
        db.executemany(
            "INSERT OR IGNORE INTO audit_fork_proved (fork, size, root) VALUES (?, ?, ?)",
            [(fork, h.size, h.root) for h in (proved or [])],
        )


def refusal(db: Database, journal_id: str, sequence: int, bundle_hash: str, why: str) -> None:
    """Keep the journal's last refused bundle for `evaluator status` (`why` as words() keeps
    it: the message by key, in JSON)."""
    with db.transaction():
        db.execute(
            "INSERT OR REPLACE INTO audit_refusals (journal_id, sequence, bundle_hash, message,"
            " at) VALUES (?, ?, ?, ?, ?)",
            (journal_id, sequence, bundle_hash, why, now_iso()),
        )


def cleared(db: Database, journal_id: str) -> None:
    """A bundle of the journal was stored: it is no longer blocked (inside the import)."""
    db.execute("DELETE FROM audit_refusals WHERE journal_id = ?", (journal_id,))


def choose(
    db: Database,
    journal_id: str,
    *,
    tag: str = "",
    bundle: int | None = None,
    decided_: bool = False,
) -> Fork:
    """The one restore a decision names: by its tag (or the start of it), by the bundle that
    stated it, or the only one there is; waiting ones, or (`decided_`) decided ones."""
    found = [f for f in forks(db, journal_id) if f.waiting != decided_]
    if tag:
        found = [f for f in found if f.tag.startswith(tag.strip().lower())]
    if bundle is not None:
        found = [f for f in found if f.sequence == bundle]
    if not found and decided_:
        raise invalid("journal", "no_decision_journal", journal_id=str(journal_id))
    if not found:
        raise invalid("journal", "restore_waiting_journal_bundle", journal_id=str(journal_id))
    if len(found) > 1:
        raise invalid(
            "journal",
            "name_one_restore",
            journal_id=str(journal_id),
            tags=", ".join(f"{f.tag} ({f.sequence})" for f in found),
        )
    return found[0]


def _reason(reason: str, key: str) -> str:
    reason = reason.strip()
    if not reason:
        raise invalid("grunn", key)
    return reason


def _decide(db: Database, fork: Fork, decision: str, reason: str) -> None:
    db.execute(
        "UPDATE audit_forks SET decided_at = ?, reason = ? WHERE id = ?",
        (now_iso(), reason, fork.id),
    )
    db.execute(
        "INSERT OR REPLACE INTO audit_decisions (fork, decision, bundles_then, made) VALUES"
        " (?, ?, ?, (SELECT coalesce(max(made), 0) + 1 FROM audit_decisions))",
        (fork.id, decision, on_top.standing(db, fork.journal_id)),
    )


def reanchor(
    db: Database, journal_id: str, reason: str, *, tag: str = "", bundle: int | None = None
) -> list[Fork]:
    """The evaluator's decision: take the journal on from ONE restore it stated (named by its
    tag or bundle when several wait). Every head the stating bundle's log does not extend is
    set aside (kept, marked superseded by this fork): those after the restore point, and those
    of another line taken on before; a set-aside head it does extend goes back on the line.
    Several restores taken on: only heads above the highest restore point on the line stay
    aside. Taken again after a withdrawal set bundles on top aside, or extending a bundle a
    withdrawal set aside: their heads go back on the line, and the bundles may be imported
    again (on_top.taken_again, on_top.free: their rows were undone)."""
    reason = _reason(reason, "write_why_journal_taken")
    fork = choose(db, journal_id, tag=tag, bundle=bundle)
    line = _extended(db, journal_id, fork)
    # held before schema 9, without the heads its bundle proved: it proved every head on the
    # line at or below its restore point (witness._covers), as the decision then assumed
    legacy = db.first("SELECT 1 FROM audit_fork_proved WHERE fork = ?", (fork.id,)) is None
    heads = db.tuples(
        "SELECT h.bundle_hash, h.size, h.root, s.fork FROM audit_heads h LEFT JOIN"
        " audit_superseded s ON s.bundle_hash = h.bundle_hash WHERE h.journal_id = ?",
        (journal_id,),
    )
    withdrawn = {str(r[0]) for r in db.tuples("SELECT bundle_hash FROM audit_withdrawn")}
    with db.transaction():
        again = on_top.taken_again(db, fork.id, fork.tag)  # bundles a withdrawal of it set aside
        for bundle_hash, size, root, was in heads:
            keep = (
                (int(size), str(root)) in line
                or bundle_hash in again
                or (legacy and was is None and int(size) <= fork.restored.size)
            )
            if keep == (was is None):
                continue  # on the line and kept, or set aside and left so
            db.execute(
                "INSERT INTO audit_aside_changes (fork, bundle_hash, was) VALUES (?, ?, ?)",
                (fork.id, bundle_hash, was),
            )
            if keep:
                db.execute("DELETE FROM audit_superseded WHERE bundle_hash = ?", (bundle_hash,))
                if bundle_hash in withdrawn:  # its rows were undone: to be imported again
                    on_top.free(db, bundle_hash)
            else:
                db.execute(
                    "INSERT INTO audit_superseded (bundle_hash, fork) VALUES (?, ?)",
                    (bundle_hash, fork.id),
                )
        _decide(db, fork, ACCEPTED, reason)  # after: what it counts as standing is settled
    return [f for f in forks(db, journal_id) if f.id == fork.id]


def _extended(db: Database, journal_id: str, fork: Fork) -> set[tuple[int, str]]:
    """(size, root) of every head the log of the bundles stating `fork` extends: those they
    proved, and (a head extends what its own bundle proved) every head before those."""
    found = {
        (int(r[0]), str(r[1]))
        for r in db.tuples("SELECT size, root FROM audit_fork_proved WHERE fork = ?", (fork.id,))
    }
    found.add((fork.restored.size, fork.restored.root))
    links: dict[tuple[int, str], set[tuple[int, str]]] = {}
    for size, root, psize, proot in db.tuples(
        "SELECT h.size, h.root, h.previous_size, h.previous_root FROM audit_heads h"
        " WHERE h.journal_id = ? AND h.previous_size IS NOT NULL UNION SELECT h.size, h.root,"
        " l.size, l.root FROM audit_heads h JOIN audit_links l ON l.bundle_hash = h.bundle_hash"
        " WHERE h.journal_id = ?",
        (journal_id, journal_id),
    ):
        links.setdefault((int(size), str(root)), set()).add((int(psize), str(proot)))
    todo = list(found)
    while todo:
        for earlier in links.get(todo.pop(), set()) - found:
            found.add(earlier)
            todo.append(earlier)
    return found


def reject(
    db: Database, journal_id: str, reason: str, *, tag: str = "", bundle: int | None = None
) -> Fork:
    """The evaluator refuses ONE stated restore (the team lead denies it): every bundle that
    states it is refused, with this decision and its reason; nothing is set aside."""
    reason = _reason(reason, "write_why_restore_refused")
    fork = choose(db, journal_id, tag=tag, bundle=bundle)
    with db.transaction():
        _decide(db, fork, REFUSED, reason)
    return next(f for f in forks(db, journal_id) if f.id == fork.id)


def withdraw(
    db: Database,
    journal_id: str,
    reason: str,
    *,
    tag: str = "",
    bundle: int | None = None,
) -> Fork:
    """Take a decision back, with a reason: a refusal at any time; an acceptance while no later
    acceptance stands (the heads it set aside go back on the line, those it put back are set
    aside again). Bundles stored on top of an acceptance (on_top.py) are set aside with it, what
    they changed put back; bundles stored since that are not (before the workspace kept what
    they changed, schema 10) refuse the withdrawal. The decision taken back stays on record
    (on_top.withdrawals), shown in status."""
    reason = _reason(reason, "write_why_withdrawn")
    fork = choose(db, journal_id, tag=tag, bundle=bundle, decided_=True)
    if fork.accepted:
        then = db.scalar("SELECT bundles_then FROM audit_decisions WHERE fork = ?", (fork.id,))
        later = db.tuples(
            "SELECT f.tag FROM audit_decisions d JOIN audit_forks f ON f.id = d.fork"
            " WHERE f.journal_id = ? AND d.decision = 'accepted' AND d.made >"
            " (SELECT made FROM audit_decisions WHERE fork = ?)",
            (journal_id, fork.id),
        )
        if later:
            raise invalid("journal", "later_decision_stands", tag=str(later[-1][0]))
        now = on_top.standing(db, journal_id)  # bundles a withdrawal set aside do not count
        if then is None or int(then) + len(on_top.on(db, fork.id)) != now:
            raise invalid("journal", "decision_built_on", journal_id=str(journal_id))
    taken = on_top.Taken(fork.id, journal_id, fork.tag, fork.decision, fork.decided_at, fork.reason)
    with db.transaction():
        on_top.withdraw(db, taken, reason)
        for bundle_hash, was in db.tuples(
            "SELECT bundle_hash, was FROM audit_aside_changes WHERE fork = ?", (fork.id,)
        ):
            db.execute("DELETE FROM audit_superseded WHERE bundle_hash = ?", (bundle_hash,))
            if was is not None:  # set aside by an earlier decision, put back by this one
                db.execute(
                    "INSERT INTO audit_superseded (bundle_hash, fork) VALUES (?, ?)",
                    (bundle_hash, was),
                )
        db.execute("DELETE FROM audit_aside_changes WHERE fork = ?", (fork.id,))
        db.execute(
            "UPDATE audit_forks SET decided_at = NULL, reason = NULL WHERE id = ?", (fork.id,)
        )
        db.execute("DELETE FROM audit_decisions WHERE fork = ?", (fork.id,))
    return next(f for f in forks(db, journal_id) if f.id == fork.id)


def restart(db: Database, journal_id: str, claim: AuditClaim, kind: str) -> Said | None:
    """A full bundle the journal sent after a restore the evaluator took it on from replaces
    the journal's rows here (inside the import's transaction): rows from the bundles the restore
    lost would otherwise stay, or win over the journal's own later versions. Tombstones stay:
    what left the study (a consent withdrawn) while the lost bundles were sent must not come
    back because the journal forgot it."""
    if kind != "full" or not any(decided(db, journal_id, r) for r in claim.restored):
        return None
    gone = int(db.scalar("SELECT count(*) FROM records WHERE journal_id = ?", (journal_id,)))
    db.execute("DELETE FROM records WHERE journal_id = ?", (journal_id,))
    return said(
        "journal_restarted",
        journal=journal_id[:8],
        short=claim.restored[-1].restored.short(),
        gone=gone,
    )
