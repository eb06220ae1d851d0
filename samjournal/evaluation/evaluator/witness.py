"""The evaluator as witness of each journal's audit log (samjournal/audit_heads.py).

Every bundle carries the journal's audit head and consistency proofs from the heads the
evaluator may hold as that journal's newest (evaluation/audit_proof.py, checked when the bundle
is opened). Here it is held against the NEWEST head recorded from that journal's bundles: the
bundle must prove it extends that very head. The heads recorded here (but those a re-anchoring
set aside) are therefore one line, each extending the one before, and a journal whose log was
cut or rewritten behind any of them cannot pass, whoever holds its key, even when it skips a
bundle: the next one must still prove from the head seen here. A bundle that cannot is held
back: refused with what was found, nothing stored, no receipt. A late bundle older than the
newest head imports when a later bundle proved its head (it lies on the line).

A restore the bundle states (signed, its proof checked) may explain heads it does not extend,
but only when its restore point itself extends every head recorded at or below it (the bundle
proves it extends the newest of those, and the restore point: one is then a prefix of the other)
and what it says of the lost span agrees with what was recorded here. It is then kept for the
evaluator to decide on (evaluator/forks.py). What it lost may reach as far as the journal's
own earlier statements not refused here (a second restore, from a newer backup, replaced an
intermediate journal that had not come as far). Once accepted, the heads the restored log does
not extend are set aside: a bundle from that set-aside line is refused and never becomes a
witness, unless it states a restore not decided yet from a point above every set-aside head it
proves (the evaluator may take that line on instead: a wrong decision is put right). A restore
the evaluator refused explains nothing, and a bundle that needs it is refused saying so.
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.audit_heads import Head
from samjournal.errors import BundleRejected
from samjournal.evaluation.audit_proof import AuditClaim, Restored
from samjournal.evaluation.evaluator import forget, forks, on_top
from samjournal.messages import keyed, said
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
# Workspace schema 8: every head a stored bundle proved its log extends (audit file version 3),
# so a bundle that arrives late is known to lie on the line.
LINKS = """
CREATE TABLE IF NOT EXISTS audit_links (
    bundle_hash TEXT NOT NULL,
    size        INTEGER NOT NULL,
    root        TEXT NOT NULL,
    PRIMARY KEY (bundle_hash, size, root)
) WITHOUT ROWID
"""
NOT_IMPORTED = said("bundle_not_imported")
_SET_ASIDE = "bundle_hash IN (SELECT bundle_hash FROM audit_superseded)"


@dataclass(frozen=True, slots=True)
class Recorded:
    """The head recorded from one stored bundle."""

    sequence: int
    head: Head
    bundle_hash: str


def _recorded(db: Database, journal_id: str, set_aside: bool = False) -> list[Recorded]:
    """The heads witnessed from the journal's bundles: those on its line, or (`set_aside`) those
    a re-anchoring set aside; oldest first."""
    rows = db.tuples(
        "SELECT sequence, size, root, at, bundle_hash FROM audit_heads WHERE journal_id = ?"
        f" AND {'' if set_aside else 'NOT '}{_SET_ASIDE} ORDER BY size, sequence",
        (journal_id,),
    )
    return [Recorded(int(r[0]), Head(int(r[1]), str(r[2]), str(r[3])), str(r[4])) for r in rows]


def _proved(db: Database, journal_id: str) -> set[tuple[int, str]]:
    """(size, root) of every head the journal's bundles on its line proved their logs extend."""
    where = f"journal_id = ? AND NOT {_SET_ASIDE}"
    rows = db.tuples(
        f"SELECT previous_size, previous_root FROM audit_heads WHERE {where}"
        " AND previous_size IS NOT NULL UNION SELECT l.size, l.root FROM audit_links l"
        f" WHERE l.bundle_hash IN (SELECT bundle_hash FROM audit_heads WHERE {where})",
        (journal_id, journal_id),
    )
    return {(int(r[0]), str(r[1])) for r in rows}


def check(
    db: Database, journal_id: str, sequence: int, claim: AuditClaim, bundle_hash: str = ""
) -> None:
    """BundleRejected unless the claim extends the newest head recorded from this journal (or
    is a late bundle a recorded one proved it extends).

    When a restore the bundle states explains every head it does not extend, the statement is
    kept for the evaluator to decide on (evaluator/forks.py) and the bundle is refused with what
    the journal says; once decided, those heads are set aside and the bundle passes. A rewritten
    log states nothing, or states a restore that does not cover what changed: refused."""
    clash = forks.retagged(db, journal_id, claim.restored)
    if clash is not None:  # a decision names a tag: it must name one restore, never two
        known, other = clash
        raise keyed(
            BundleRejected,
            "restore_tag_reused",
            sequence=sequence,
            tag=known.tag,
            short=other.restored.short(),
            short2=known.restored.short(),
            first=known.sequence,
        )
    dropped = forget.matching(db, journal_id, claim.restored)
    if dropped is not None:  # refused, then dropped to free its tag: it stays refused
        gone, _ = dropped
        raise keyed(
            BundleRejected,
            "restore_dropped_here",
            sequence=sequence,
            tag=gone.tag,
            short=gone.restored.short(),
            refused=gone.refused_at,
            refusal=gone.refusal,
            dropped=gone.at,
            reason=gone.reason,
        )
    live = _recorded(db, journal_id)
    aside = _refuse_set_aside(db, journal_id, sequence, claim, live)
    if not live and not aside:
        return
    newest = live[-1] if live else None
    late = (
        newest is not None
        and claim.head.size < newest.head.size
        and _on_line(db, journal_id, live, claim.head)
    )
    if not aside and newest is not None and (claim.proves(newest.head) or late):
        _same_number(live, sequence, claim)
        return
    below = max((r.head.size for r in live if claim.proves(r.head)), default=0)
    conflicts = [r for r in live if r.head.size > below]  # heads it does not prove it extends
    reach = forks.reach(db, journal_id)
    branched = _branched(db, aside)
    covering = [
        r
        for r in reversed(claim.restored)
        if _covers(r, live, conflicts, reach, branched)
        and all(h.size <= r.restored.size for h in aside)
    ]
    stated = next((r for r in covering if forks.refused(db, journal_id, r) is None), None)
    if stated is None:
        # a restore the evaluator refused explains nothing: said as that decision
        denied = next(
            (f for r in claim.restored if (f := forks.refused(db, journal_id, r)) is not None),
            None,
        )
        if denied is not None:
            raise keyed(
                BundleRejected,
                "restore_refused_here",
                sequence=sequence,
                short=denied.restored.short(),
                tag=denied.tag,
                decided=denied.decided_at,
                reason=denied.reason,
            )
        if newest is None:
            raise _set_aside_line(db, journal_id, sequence)
        raise _why(live, sequence, claim, newest)
    echo = forget.echoed(db, journal_id, stated.restored, stated.lost)
    if aside:  # it goes on from the line a decision set aside
        _undoes(db, journal_id, sequence, bundle_hash, claim, stated, conflicts, echo)
    forks.hold(db, journal_id, sequence, bundle_hash, stated, claim.proven())
    lost = conflicts[-1].head if conflicts else aside[-1]
    if echo is not None:  # held all the same, but the evaluator must know what it repeats
        raise keyed(
            BundleRejected,
            "restore_echoes_dropped",
            sequence=sequence,
            short=stated.restored.short(),
            at=stated.at,
            tag=stated.tag,
            old=echo.tag,
            refused=echo.refused_at,
            refusal=echo.refusal,
            dropped=echo.at,
            reason=echo.reason,
            journal_id=journal_id,
        )
    raise keyed(
        BundleRejected,
        "journal_restored_from_older",
        sequence=str(sequence),
        short=str(stated.restored.short()),
        at=str(stated.at),
        short2=str(lost.short()),
        journal_id=str(journal_id),
        tag=stated.tag,
    )


def _undoes(
    db: Database,
    journal_id: str,
    sequence: int,
    bundle_hash: str,
    claim: AuditClaim,
    stated: Restored,
    conflicts: list[Recorded],
    echo: forget.Forgotten | None,
) -> None:
    """A restore from the line an earlier decision set aside (the bundle proves heads it set
    aside) whose acceptance would set aside heads of the line that decision took on (those
    above its restore point were all recorded after it) would undo that decision for good:
    held saying so (the old journal a restore kept aside can state one at its tip), refused
    outright when stated before the restore the decision took on (from the line it replaced).
    A second restore on the line taken on sets aside only heads after its own point."""
    done = forks.latest_accepted(db, journal_id)
    if done is None or done.tag == stated.tag:
        return
    undone = [r.head for r in conflicts if r.head.size > done.restored.size]
    if not undone:
        return
    heads = ", ".join(str(h.short()) for h in undone)
    short, decided = str(stated.restored.short()), done.decided_at
    if stated.at < done.restored_at:
        raise keyed(
            BundleRejected,
            "restore_from_replaced_line",
            echo=forget.echo_note(echo),
            sequence=sequence,
            short=short,
            at=stated.at,
            tag=done.tag,
            decided=decided,
            restored_at=done.restored_at,
            heads=heads,
        )
    forks.hold(db, journal_id, sequence, bundle_hash, stated, claim.proven())
    raise keyed(
        BundleRejected,
        "restore_would_undo_decision",
        echo=forget.echo_note(echo),
        sequence=sequence,
        short=short,
        at=stated.at,
        new=stated.tag,
        tag=done.tag,
        decided=decided,
        heads=heads,
        journal_id=journal_id,
    )


def _on_line(db: Database, journal_id: str, live: list[Recorded], head: Head) -> bool:
    """Whether `head` is one recorded here or one a stored bundle proved its log extends: a
    late bundle with it lies on the journal's line (and so extends every head before it)."""
    proved = _proved(db, journal_id) | {(r.head.size, r.head.root) for r in live}
    return (head.size, head.root) in proved


def _branched(db: Database, aside: list[Head]) -> int | None:
    """A bundle that proves heads a decision set aside goes on from the line that decision
    left: the heads recorded since, after its restore point, are another branch, not a part of
    this log it rewrote. The lowest such restore point (None: the bundle proves none)."""
    if not aside:
        return None
    found = db.scalar(
        "SELECT min(f.restored_size) FROM audit_forks f JOIN audit_superseded s ON s.fork = f.id"
        " JOIN audit_heads h ON h.bundle_hash = s.bundle_hash WHERE "
        + " OR ".join("(h.size = ? AND h.root = ?)" for _ in aside),
        tuple(v for h in aside for v in (h.size, h.root)),
    )
    return None if found is None else int(found)


def _covers(
    restore: Restored,
    live: list[Recorded],
    conflicts: list[Recorded],
    reach: int = 0,
    branched: int | None = None,
) -> bool:
    """Whether a stated restore may explain the heads the bundle does not extend: each lies after
    its restore point (so the restore point, which the bundle extends, extends every head at or
    below it), and its lost and witnessed heads agree with the heads recorded here (the lost
    span reaches each head it lost, or the journal's own earlier statements not refused here
    reach it: `reach`, for a restore whose replaced journal was itself an intermediate one).
    Heads of another branch (`branched`, see _branched) may lie at or below the restore point."""
    if any(
        c.head.size <= restore.restored.size and (branched is None or c.head.size <= branched)
        for c in conflicts
    ):
        return False
    furthest = None if restore.lost is None else max(restore.lost.size, reach)
    if furthest is not None and any(c.head.size > furthest for c in conflicts):
        return False
    stated = [h for h in (restore.lost, restore.witnessed) if h is not None]
    return not any(r.head.size == h.size and r.head.root != h.root for r in live for h in stated)


def _why(
    live: list[Recorded], sequence: int, claim: AuditClaim, newest: Recorded
) -> BundleRejected:
    """What is wrong with a bundle that does not prove it extends the newest head, in words."""
    for r in live:
        if any(h.size == r.head.size and h.root != r.head.root for h in claim.proven()):
            return keyed(
                BundleRejected,
                "journal_audit_log_rewritten",
                short=str(r.head.short()),
                seq=r.sequence,
                not_imported=NOT_IMPORTED,
            )
    shorter = [r for r in live if r.sequence < sequence and r.head.size > claim.head.size]
    if shorter:
        return keyed(
            BundleRejected,
            "journal_audit_log_cut",
            later=sequence,
            earlier=shorter[0].sequence,
            not_imported=NOT_IMPORTED,
        )
    return keyed(
        BundleRejected,
        "bundle_not_proved_from_newest",
        sequence=sequence,
        short=str(newest.head.short()),
        newest=newest.sequence,
    )


def _same_number(live: list[Recorded], sequence: int, claim: AuditClaim) -> None:
    """Two logs behind one number: neither is proved to extend the other."""
    for r in live:
        if r.sequence == sequence and (r.head.size, r.head.root) != (
            claim.head.size,
            claim.head.root,
        ):
            raise keyed(
                BundleRejected,
                "journal_sent_other_bundle",
                sequence=sequence,
                short=str(r.head.short()),
            )


def _set_aside_line(db: Database, journal_id: str, sequence: int) -> BundleRejected:
    """Refused as from the line the latest decision set aside, naming that decision: it may
    have been the mistake (the bundle is from the journal in use), and withdrawing it is the
    way on."""
    fork = forks.latest_accepted(db, journal_id)
    if fork is None:  # set aside by a withdrawal, with no decision standing
        withdrawn = on_top.withdrawals(db, journal_id)
        return keyed(
            BundleRejected,
            "bundle_from_withdrawn_line",
            sequence=sequence,
            tag=withdrawn[-1].tag if withdrawn else "…",
            journal_id=journal_id,
        )
    return keyed(
        BundleRejected,
        "bundle_from_set_aside_line",
        sequence=sequence,
        short=str(fork.restored.short()),
        at=str(fork.decided_at),
        tag=fork.tag,
        reason=fork.reason,
        journal_id=journal_id,
    )


def _refuse_set_aside(
    db: Database, journal_id: str, sequence: int, claim: AuditClaim, live: list[Recorded]
) -> list[Head]:
    """A bundle from a line a re-anchoring set aside (it arrived late, from the lost span) is
    refused: it proves from or ends at a set-aside head, or it goes past the restore point the
    evaluator took the journal on from without stating that restore, or one the evaluator has
    not seen yet, and without proving from a head of the line taken on since. But one that
    states a restore not decided yet from above every set-aside head it proves goes on to be
    held for a decision: those heads are returned (lowest first)."""
    aside = {(r.head.size, r.head.root) for r in _recorded(db, journal_id, set_aside=True)}
    aside -= {(r.head.size, r.head.root) for r in live}
    stated = forks.forks(db, journal_id)
    accepted = [f for f in stated if f.accepted]
    if not accepted:
        return []
    fork = forks.latest_accepted(db, journal_id) or accepted[-1]
    known = {f.tag for f in stated}
    open_ = {f.tag for f in stated if f.waiting}
    past = (
        claim.head.size > fork.restored.size
        and not any(claim.proves(r.head) for r in live if r.head.size > fork.restored.size)
        and not any(r.tag == fork.tag or r.tag not in known for r in claim.restored)
    )
    proved_aside = [h for h in claim.proven() if (h.size, h.root) in aside]
    # A restore not decided yet whose point lies above every set-aside head the bundle proves
    # may put those back on the line (the evaluator's decision, reanchor): held, not refused.
    later = any(
        (r.tag not in known or r.tag in open_)
        and all(h.size <= r.restored.size for h in proved_aside)
        for r in claim.restored
    )
    if (past or proved_aside) and not (proved_aside and later):
        raise _set_aside_line(db, journal_id, sequence)
    return sorted(proved_aside, key=lambda h: h.size)


def record(
    db: Database, bundle_hash: str, journal_id: str, sequence: int, claim: AuditClaim
) -> None:
    """Keep the bundle's head and the heads it proved (inside the import's transaction)."""
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
    db.executemany(
        "INSERT OR IGNORE INTO audit_links (bundle_hash, size, root) VALUES (?, ?, ?)",
        [(bundle_hash, e.head.size, e.head.root) for e in claim.extends],
    )


def newest(db: Database, journal_id: str) -> Head | None:
    """The newest head of the journal's line: what the evaluator has witnessed."""
    rows = _recorded(db, journal_id)
    return rows[-1].head if rows else None
