"""`samjournal audit verify --witness`: the log recomputed and held against heads from outside.

A witness is a head string (as `samjournal audit head` prints it, or a report footer's short
form), a backup (its manifest holds the head, readable without a passphrase), an evaluator's
receipt (its signature checked with the study's receipt key), or a text file with a head in it.
The log's roots are recomputed from the events, never read from what is stored beside them.

Only a head that proves itself can accuse the log: a signed one (a backup's, a receipt's) or one
the user gives (typed, or a file of theirs). An unsigned head (a backup from before signed
heads, manifest version 1) could have been written by anyone with the file: one the log does not
extend is a note, never a finding of truncation or rewrite.

A restore (audit_forks) excuses a witness from the span it lost, but a fork row is written by
whoever holds the data key: an insider can plant one to cover a rewrite (rev13 F2). So a fork
must be plausible (`implausible`: its restore event follows the restored head, is a restore by
the team lead it names, and nothing after it is older), and a witness explained only by a fork
is its own outcome (`Verdict.unconfirmed`, exit 3 on the command line) unless the receipts
given show the evaluator took the journal on across that restore: the evaluator holds each
journal to the newest head it witnessed, so it stores a bundle from after a restore that lost a
head it witnessed only by its explicit decision (`samjournal evaluator journal reanchor`); a
receipt lost in the restore and one from after it on the log show that decision (`_taken`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from samjournal import audit_forks, audit_heads, audit_signed
from samjournal.audit import Action, ChainReport
from samjournal.audit_forks import Fork
from samjournal.audit_heads import Head
from samjournal.backup import VERSION, audit_head, parts_match, read_manifest
from samjournal.errors import BundleRejected, ValidationError
from samjournal.evaluation.receipts import unverified_receipt, verify_receipt
from samjournal.folder import DB_NAME, KEYRING_NAME
from samjournal.journal import Journal
from samjournal.messages import Said, invalid, keyed, said
from samjournal.minisign import PublicKey
from samjournal.store import Database


@dataclass(frozen=True, slots=True)
class Witness:
    head: Head
    what: str  # where the head came from, for the report
    accuses: bool = True  # False: an unsigned head, which anyone with its file could write
    receipt: bool = False  # signed by the evaluator: may show it took the journal on past a fork
    problem: Said | None = None  # found reading it (a receipt whose signature fails)


@dataclass(frozen=True, slots=True)
class Verdict:
    report: ChainReport
    witnesses: tuple[Witness, ...]
    problems: tuple[str, ...]  # the chain's and tree's, then each witness's
    forks: tuple[Fork, ...] = ()  # restores the log went back through (audit_forks)
    lost: tuple[str, ...] = ()  # witnesses from a span a fork lost: not a rewrite, but gone
    extended: tuple[Witness, ...] = ()  # the witnesses the log does extend
    notes: tuple[str, ...] = ()  # unsigned heads the log does not extend: unproven, not problems
    unconfirmed: tuple[str, ...] = ()  # restores that lost a witness, no receipts show taken

    @property
    def ok(self) -> bool:
        """No rewrite found (a witness lost in a restore may still be `unconfirmed`)."""
        return not self.problems

    @property
    def settled(self) -> bool:
        """Whole, and every witness it does not extend lost in a restore the evaluator took."""
        return not self.problems and not self.unconfirmed


def witness(
    journal: Journal,
    given: str,
    key: PublicKey | None = None,
    receipt_key: PublicKey | None = None,
) -> Witness:
    """The head in `given`: a file (backup, receipt, text) when one is there, else a head.
    `key`: check a backup's head with this key (the one the evaluator registered) instead of
    the keys in the journal; `receipt_key`: a receipt's with this one (from the evaluator's
    study profile) instead of the one the journal stored."""
    path = Path(given)
    if given.strip() and path.is_dir():
        raise invalid("witness", "witness_is_folder", name=given)
    if given.strip() and path.exists() and not path.is_file():  # a device, a pipe
        raise invalid("witness", "cannot_read", name=given)
    if not path.is_file():
        try:
            return Witness(audit_heads.parse(given), said("head_given"))
        except ValidationError:
            # A path, not a head mistyped: a folder in it, or a suffix of letters (".zip"; a
            # head's printed time has dots too, "08.12.2026 01:09").
            if len(path.parts) > 1 or path.suffix[1:].isalpha():
                raise invalid("witness", "witness_no_file", name=given) from None
            raise
    kind, data = audit_heads.read_witness(path)
    if kind == "backup":
        return _backup_head(journal, path, key)
    if kind == "receipt":
        return _receipt_witness(journal, data, said("witness_receipt", name=path.name), receipt_key)
    try:
        return Witness(
            audit_heads.parse(data.decode("utf-8")), said("witness_file", name=path.name)
        )
    except UnicodeDecodeError as exc:
        raise invalid("witness", "neither_head_nor_receipt", name=str(path.name)) from exc


def read_key(path: Path) -> PublicKey:
    """A minisign public key file (`samjournal key --out journal.pub`)."""
    try:
        return PublicKey.from_file(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise invalid("witness", "cannot_read", name=str(path.name)) from exc


def _backup_head(journal: Journal, path: Path, key: PublicKey | None) -> Witness:
    """The head in a backup, its signature checked with this journal's own keys: from version
    3 on, over the head and the files' checksums, which must be the files' (version 2 signed the
    head alone: a genuine head, whatever files lie beside it)."""
    head = audit_head(path)
    manifest = read_manifest(path)
    name = said("witness_backup", name=path.name)
    version = manifest.get("version")
    if version == 1:  # from before signed heads: a signature on it is not looked at either
        return Witness(head, said("witness_unsigned", name=name), False)
    contents = None
    if not isinstance(version, int) or version >= VERSION:
        try:
            contents = audit_signed.contents_of(manifest, DB_NAME, KEYRING_NAME)
        except ValueError as exc:
            raise invalid("witness", "head_signed_by_journal", name=name) from exc
    signed = audit_signed.verify(
        journal._require_open().db,
        journal.journal_id,
        head,
        manifest.get("audit_head_signature"),
        name,
        contents,
        key,
    )
    if not signed:  # a signature taken off a signed backup
        raise invalid("witness", "head_lost_signature", name=name)
    if contents is not None and not parts_match(path, manifest):
        raise invalid("witness", "backup_holds_other_files", name=name)
    return Witness(head, name)


def _receipt_witness(journal: Journal, data: bytes, name: Said, key: PublicKey | None) -> Witness:
    """The head in a receipt whose signature holds (NotFound for a study not in the journal).

    Checked with the journal's stored receipt key, a receipt that fails may be false, or the
    key may be: an insider can replace the stored key to keep a genuine receipt from ever being
    held against a cut log (rev13c F3). So its head is still held against the log, beside the
    failed signature as a finding; `key` (from the evaluator's study profile) settles which."""
    try:
        study_id = str(json.loads(json.loads(data)["receipt"])["study_id"])
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise keyed(BundleRejected, "file_samjournal_receipt") from exc
    stored = key is None
    try:
        receipt = verify_receipt(
            data, key or journal.evaluation.profile(study_id).receipt_public_key()
        )
        problem = None
    except BundleRejected as exc:
        if not stored or getattr(exc, "key", "") != "receipt_signature_does_verify":
            raise
        receipt = unverified_receipt(data)
        problem = said("receipt_key_disagrees", name=name, problem=str(exc))
    if receipt.audit_head is None:
        raise invalid("witness", "receipt_from_before_log")
    return Witness(receipt.audit_head, name, receipt=problem is None, problem=problem)


def verify(journal: Journal, witnesses: list[Witness]) -> Verdict:
    """Recompute the chain and the tree (O(n)) and hold the log against every witness.

    A witness the log does not extend, later than the head a recorded restore went back to,
    is reported as lost in that fork, not as a rewrite, when the log still extends the fork's
    head (recomputed here like every witness's) and the fork is plausible; it is `unconfirmed`
    unless the receipts among the witnesses show the evaluator took the line after the restore.
    The forks themselves are always listed."""
    db = journal._require_open().db
    with db.snapshot():  # the forks as of the log checked (a save meanwhile is not damage)
        forks = audit_forks.forks(db)
        sizes = {w.head.size for w in witnesses} | {f.restored.size for f in forks}
        report = journal.verify_audit(frozenset(sizes))
        doubts = {f.seq: implausible(db, f) for f in forks}
    problems = list(report.problems) + [w.problem for w in witnesses if w.problem is not None]
    roots = report.roots or {}
    standing = []  # forks whose head the log still extends: only they explain a lost witness
    for fork in forks:
        found = (
            audit_heads.problem(
                fork.restored, report.events, roots.get(fork.restored.size), said("restored_head")
            )
            or doubts[fork.seq]
        )
        if found is not None:
            problems.append(found)
        else:
            standing.append(fork)
    extended = [w for w in witnesses if _extends(w, report.events, roots)]
    lost, unconfirmed, notes, unconfirmed_at = [], [], [], []
    for w in witnesses:
        found = audit_heads.problem(w.head, report.events, roots.get(w.head.size), w.what)
        if found is None:  # extended
            continue
        gone = next((f for f in reversed(standing) if audit_forks.explains(f, w.head)), None)
        if gone is not None:
            line = said(
                "head_lost_in_restore",
                what=w.what,
                head=w.head.short(),
                seq=gone.seq,
                restored=gone.restored.short(),
            )
            lost.append(line)
            if not _taken(gone, witnesses, extended) and gone.seq not in unconfirmed_at:
                unconfirmed_at.append(gone.seq)
                unconfirmed.append(said("restore_unconfirmed", seq=gone.seq))
        elif not w.accuses:
            notes.append(said("head_unproven", problem=found))
        else:
            problems.append(found)
    return Verdict(
        report,
        tuple(witnesses),
        tuple(problems),
        tuple(forks),
        tuple(lost),
        tuple(extended),
        tuple(notes),
        tuple(unconfirmed),
    )


def _taken(fork: Fork, given: list[Witness], extended: list[Witness]) -> bool:
    """Whether the receipts given show the evaluator took the journal on across `fork`: one it
    lost (so the evaluator refused the journal's next bundle until it decided, `reanchor`) and
    one from after it on the log. A receipt after it alone is no decision: a bundle that still
    extends the evaluator's newest head is stored whatever restore it states."""
    after = any(w.receipt and w.head.size >= fork.seq for w in extended)
    lost = any(
        w.receipt and w not in extended and audit_forks.explains(fork, w.head) for w in given
    )
    return after and lost


def _extends(w: Witness, size: int, roots: dict[int, bytes]) -> bool:
    return audit_heads.problem(w.head, size, roots.get(w.head.size), w.what) is None


def implausible(db: Database, fork: Fork) -> Said | None:
    """Why a fork row cannot be the record of a restore, or None. A restore appends its event
    right after the head it went back to (an accepted loss after the open's own failed unlocks
    and notes, mark.record_loss), as the team lead who ran it; the events after it are
    the restored journal's own, made later (but for failed unlocks, audited at the next unlock
    with the time of the attempt, which may be before the restore). A planted row can meet all
    this by cutting the log back to the event before the one it hides: `unconfirmed` holds it.
    The event itself must be the restore's (a restore of the journal, made when the fork was),
    or any team lead's next event could be called one and a single event hidden behind it."""
    event = db.first("SELECT username, at, action, entity FROM audit WHERE seq = ?", (fork.seq,))
    between = db.first(  # what an open records before an accepted loss's fork, and only that
        "SELECT 1 FROM audit WHERE seq > ? AND seq < ?"
        " AND NOT (username = ? AND action IN (?, ?)) LIMIT 1",
        (
            fork.restored.size,
            fork.seq,
            fork.username,
            str(Action.FAILED_UNLOCK),
            str(Action.RESTORE),
        ),
    )
    if fork.seq <= fork.restored.size or event is None or between is not None:
        why = said("fork_not_after_head", size=fork.restored.size)
    elif (event[2], event[3]) != (str(Action.RESTORE), "journal") or not _same_time(
        event[1], fork.at
    ):
        why = said("fork_not_a_restore")
    elif (
        event[0] != fork.username
        or db.scalar("SELECT role FROM users WHERE username = ?", (fork.username,)) != "teamlead"
    ):
        why = said("fork_not_by_teamlead", user=fork.username)
    elif db.first(  # a failed unlock is audited later, at the attempt's own time
        "SELECT 1 FROM audit WHERE seq > ? AND at < ? AND action != ? LIMIT 1",
        (fork.seq, event[1], str(Action.FAILED_UNLOCK)),
    ):
        why = said("fork_later_events_older")
    else:
        return None
    return said("fork_implausible", seq=fork.seq, why=why)


def _same_time(event_at: str, fork_at: str, slack: float = 60.0) -> bool:
    """Whether a fork was recorded with its restore event: the same transaction stamps both
    (within `slack` seconds, for a slow disk between the two stamps)."""
    try:
        gap = dt.datetime.fromisoformat(fork_at) - dt.datetime.fromisoformat(event_at)
    except (TypeError, ValueError):
        return False
    return abs(gap.total_seconds()) <= slack
