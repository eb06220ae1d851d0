"""Dropping a refused restore statement, so its tag is free for the honest one (`evaluator
journal forget`).

A restore's tag is the journal's, and a tag names one decision: a bundle stating a known tag with
other content is refused (witness.check, `restore_tag_reused`). An insider who can open the
journal may state a restore first under the tag an honest restore will use; once the evaluator
refuses it, every honest bundle repeats the tag and is refused too. The evaluator may then drop
the REFUSED statement, with a reason: the row leaves audit_forks (its tag is free) and is kept
here, in the workspace for good, with its refusal and why it was dropped. Dropping erases no
refusal: status shows it, and a bundle that states it again is refused naming it.
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.audit_heads import Head
from samjournal.evaluation.audit_proof import Restored
from samjournal.evaluation.evaluator import forks
from samjournal.evaluation.evaluator.forks import HEADS
from samjournal.evaluation.profile import now_iso
from samjournal.messages import Said, invalid, said
from samjournal.store import Database

# Workspace schema 10 (with on_top.SCHEMA), safe to run again. No semicolons in comments.
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS audit_forgotten (
    id             INTEGER PRIMARY KEY,
    journal_id     TEXT NOT NULL,
    tag            TEXT NOT NULL,{HEADS}
    sequence       INTEGER NOT NULL,
    refused_at     TEXT NOT NULL,
    refusal        TEXT NOT NULL,
    reason         TEXT NOT NULL,
    at             TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Forgotten:
    """A refused statement the evaluator dropped: what it said, the refusal, and why."""

    journal_id: str
    tag: str
    restored: Head
    lost: Head | None
    witnessed: Head | None
    restored_at: str
    sequence: int  # the bundle that first stated it
    refused_at: str
    refusal: str
    reason: str
    at: str

    def same(self, stated: Restored) -> bool:
        """Whether `stated` is this statement again (tag and content)."""
        return (
            stated.tag == self.tag
            and _content(stated.restored) == _content(self.restored)
            and _content(stated.lost) == _content(self.lost)
            and _content(stated.witnessed) == _content(self.witnessed)
        )

    def line(self) -> Said:
        """For `evaluator status`, in red with the other statements."""
        lost = said("fork_lost_reach", short=self.lost.short()) if self.lost else ""
        return said(
            "fork_forgotten",
            tag=self.tag,
            at=self.restored_at,
            short=self.restored.short(),
            lost=lost,
            sequence=self.sequence,
            refused=self.refused_at,
            refusal=self.refusal,
            dropped=self.at,
            reason=self.reason,
        )


def _content(h: Head | None) -> tuple[int, str] | None:
    return None if h is None else (h.size, h.root)


def _head(size: object, root: object) -> Head | None:
    return None if size is None else Head(int(str(size)), str(root))


def forgotten(db: Database, journal_id: str) -> list[Forgotten]:
    rows = db.tuples(
        "SELECT journal_id, tag, restored_size, restored_root, lost_size, lost_root,"
        " witnessed_size, witnessed_root, restored_at, sequence, refused_at, refusal, reason, at"
        " FROM audit_forgotten WHERE journal_id = ? ORDER BY id",
        (journal_id,),
    )
    return [
        Forgotten(
            str(r[0]),
            str(r[1]),
            Head(int(str(r[2])), str(r[3])),
            _head(r[4], r[5]),
            _head(r[6], r[7]),
            str(r[8]),
            int(str(r[9])),
            str(r[10]),
            str(r[11]),
            str(r[12]),
            str(r[13]),
        )
        for r in rows
    ]


def matching(
    db: Database, journal_id: str, stated: tuple[Restored, ...] | list[Restored]
) -> tuple[Forgotten, Restored] | None:
    """A statement the bundle makes that the evaluator refused and dropped: it stays refused."""
    gone = forgotten(db, journal_id)
    return next(((f, r) for r in stated for f in gone if f.same(r)), None)


def echoed(db: Database, journal_id: str, restored: Head, lost: Head | None) -> Forgotten | None:
    """A dropped statement with the same restore point and loss under another tag: the insider's
    false restore again (the tag is the journal's, so a new one is easy to make), or a genuine
    restore from the same backup. Not refused (that could block the honest journal for good),
    but said wherever the new statement is shown."""
    return next(
        (
            f
            for f in forgotten(db, journal_id)
            if _content(f.restored) == _content(restored) and _content(f.lost) == _content(lost)
        ),
        None,
    )


def echo_note(echo: Forgotten | None) -> Said | str:
    """For a refusal of a statement that repeats `echo`: says which dropped refusal."""
    if echo is None:
        return ""
    return said(
        "restore_echo_note",
        old=echo.tag,
        refused=echo.refused_at,
        refusal=echo.refusal,
        dropped=echo.at,
        reason=echo.reason,
    )


def echo_line(echo: Forgotten, tag: str) -> Said:
    """For `evaluator status`, under the waiting statement `tag` that says what `echo` said."""
    return said(
        "fork_echoes_dropped",
        tag=tag,
        old=echo.tag,
        refused=echo.refused_at,
        refusal=echo.refusal,
        dropped=echo.at,
    )


def forget(
    db: Database, journal_id: str, reason: str, *, tag: str = "", bundle: int | None = None
) -> Forgotten:
    """Drop ONE refused statement (named by its tag or bundle), with a reason: its tag is free
    for another statement, and it is kept with its refusal, shown in status, refused again."""
    reason = reason.strip()
    if not reason:
        raise invalid("grunn", "write_why_forgotten")
    fork = forks.choose(db, journal_id, tag=tag, bundle=bundle, decided_=True)
    if fork.decision != forks.REFUSED:
        raise invalid("journal", "forget_only_refused", tag=fork.tag)
    with db.transaction():
        db.execute(
            "INSERT INTO audit_forgotten (journal_id, tag, restored_size, restored_root,"
            " lost_size, lost_root, witnessed_size, witnessed_root, restored_at, sequence,"
            " refused_at, refusal, reason, at) SELECT journal_id, tag, restored_size,"
            " restored_root, lost_size, lost_root, witnessed_size, witnessed_root, restored_at,"
            " sequence, decided_at, reason, ?, ? FROM audit_forks WHERE id = ?",
            (reason, now_iso(), fork.id),
        )
        for table in ("audit_fork_proved", "audit_decisions", "audit_aside_changes"):
            db.execute(f"DELETE FROM {table} WHERE fork = ?", (fork.id,))
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, CAST(max(?, coalesce("
            "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0)) AS TEXT))",
            (forks.USED_KEY, fork.id, forks.USED_KEY),
        )
        db.execute("DELETE FROM audit_forks WHERE id = ?", (fork.id,))
    return forgotten(db, journal_id)[-1]
