"""The high-water mark: how far the journal's audit log had come, kept beside journal.db.

SQLite keeps the newest commits in `journal.db-wal` until a checkpoint. Lose that file (a crash
followed by a careless copy or clean-up, a damaged disk, a rolled-back copy of journal.db) and the
database still opens, just without them. The mark is written outside the database after commits,
so a journal whose audit log ends before the mark, or holds another event at the mark's number,
is known to have lost work instead of carrying on silently.

It also holds the audit tree's head at that event (size and root) and the newest head witnessed
outside the journal (samjournal/audit_heads.py), so a rewritten log is flagged on open too.

A whole older folder put back brings its older mark with it: a second mark, outside the folder
in the OS account's state folder (samjournal/account_mark.py), is written beside this one and
compared on open the same way.

It also carries what the journal's own restore statements (audit_forks) said they lost, so
a restore that replaces this journal states that on: a journal restored from an older backup
and then from a newer one still tells the evaluator how far the original had come. A loss a team
lead accepts on open (`check --accept-loss`) is recorded as such a statement too (record_loss).

It holds no personal data: the journal id, an event number, hashes and times. A MAC
under a key derived from the audit chain key (kept in the database, unchanged by a rekey) means it
cannot be edited to hide a loss by anyone who cannot open the journal.

Cost: the file holds two slots; every commit overwrites the older one in place (one write of a
few hundred bytes, no new file and no rename: a rename cost about a tenth of a meeting's save), so
a torn write leaves the other slot, which only lags. The session's first write replaces the whole
file; a write is fsynced at lock and at most every `DURABLE_EVERY` seconds of saving, which bounds
what a power cut can hide (see README). A mark of one record (older versions) is still read.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from samjournal import audit as audit_log
from samjournal import audit_forks, audit_heads
from samjournal.account_mark import AccountMark
from samjournal.audit import Action
from samjournal.audit_heads import Head
from samjournal.audit_tree import EMPTY_ROOT
from samjournal.errors import RecentWorkMissing, SamJournalError
from samjournal.fsutil import atomic_write, create_private, temp_path
from samjournal.messages import Said, said
from samjournal.store import Database, migrate

MARK_NAME = "journal.mark"
FORMAT = "samjournal-mark"
DURABLE_EVERY = 5.0  # seconds
SLOT = 4096  # bytes: a record padded with spaces; the file is two slots
_HAD_MARK = "mark_written"  # in meta: this journal has had a mark (a missing one was removed)
# In meta: a mark found gone or spoiled, said at every open until a team lead acknowledges it
# (`acknowledge`). The open writes the mark anew, so the next open found nothing amiss: the first
# command to see it, `samjournal info` say, used the alarm up unseen (reliability review).
_ALARM = "mark_alarm"
_DAMAGE = {"mark_removed": said("mark_removed"), "mark_unreadable": said("mark_unreadable")}
ACCEPTED = audit_forks.ACCEPTED_LOSS  # the reason a fork of accepted lost work gives


@dataclass(frozen=True, slots=True)
class Mark:
    seq: int
    head: str  # the full chain hash of event `seq`
    root: str = ""  # the audit tree's root at `seq` events ("" in a mark from before the tree)
    at: str = ""
    witness: Head | None = None  # the newest head witnessed outside the journal
    # How far the journal had come, and the newest head witnessed then, by its own restore
    # statements (audit_forks): a restore that replaces this journal states them on, so a
    # journal restored twice (an older backup first, then a newer one) still says what the
    # first restore lost. Never an alarm: they lie on a line the journal left.
    lost: Head | None = None
    lost_witness: Head | None = None

    def short(self) -> str:
        return f"{self.seq}:{self.head[:16]}"

    def tree_head(self) -> Head | None:
        return Head(self.seq, self.root, self.at) if self.root else None


@dataclass(frozen=True, slots=True)
class Reading:
    """What the mark file said: `mark` when it verified; `unreadable` when it was there but
    torn, edited or another journal's."""

    mark: Mark | None
    unreadable: bool = False


@dataclass(frozen=True, slots=True)
class Loss:
    """Lost work a team lead accepted (`check --accept-loss`): recorded like a restore, back to
    the head the log has now, so the evaluator can decide on it."""

    restored: Head
    lost: Head | None
    witnessed: Head | None
    note: str


def furthest(*heads: Head | None) -> Head | None:
    """The head of the most events among `heads` (the first of equals)."""
    found = [h for h in heads if h is not None]
    return max(found, key=lambda h: h.size) if found else None


@dataclass(frozen=True, slots=True)
class MissingWork:
    """The audit log is behind the mark, or holds another event at the mark's number."""

    mark: Mark
    found: Mark
    kept_wal: Path | None  # a copy of the -wal as it was found, for whoever repairs this


def mark_key(db: Database) -> bytes:
    chain = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
    return hmac.new(chain, b"samjournal journal.mark v1", hashlib.sha256).digest()


def journal_id(db: Database) -> str:
    return str(db.scalar("SELECT value FROM meta WHERE key = 'journal_id'"))


def current(db: Database) -> Mark:
    last = db.first("SELECT seq, hash, root FROM audit ORDER BY seq DESC LIMIT 1")
    witness = audit_heads.newest_witness(db)
    at = audit_heads.now()
    lost, lost_witness = _stated(db, "lost"), _stated(db, "witnessed")
    if last is None:
        return Mark(0, "0" * 64, EMPTY_ROOT.hex(), at, witness, lost, lost_witness)
    root = "" if last[2] is None else bytes(last[2]).hex()
    return Mark(int(last[0]), str(last[1]), root, at, witness, lost, lost_witness)


def _stated(db: Database, column: str) -> Head | None:
    """The furthest `lost` or `witnessed` head of the journal's own restore statements."""
    row = db.first(
        f"SELECT {column}_size, {column}_root FROM audit_forks WHERE {column}_size IS NOT NULL"
        f" ORDER BY {column}_size DESC LIMIT 1"
    )
    return None if row is None else Head(int(row[0]), str(row[1]))


def _body(journal: str, mark: Mark, n: int | None) -> bytes:
    fields: dict[str, object] = {
        "format": FORMAT,
        "version": 2,
        "journal_id": journal,
        "seq": mark.seq,
        "head": mark.head,
        "root": mark.root,
        "at": mark.at,
        "witness": mark.witness.to_json() if mark.witness else None,
    }
    if mark.lost is not None or mark.lost_witness is not None:  # as before when there are none
        fields["lost"] = mark.lost.to_json() if mark.lost else None
        fields["lost_witness"] = mark.lost_witness.to_json() if mark.lost_witness else None
    if n is not None:
        fields["n"] = n  # which slot is newer; under the MAC like the rest
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def encode(journal: str, mark: Mark, key: bytes, n: int | None = None) -> bytes:
    """One record; with `n`, padded to a slot."""
    body = _body(journal, mark, n)
    mac = hmac.new(key, body, hashlib.sha256).hexdigest()
    record = json.dumps({"mark": body.decode(), "mac": mac}).encode() + b"\n"
    return record if n is None else record.ljust(SLOT)


def read(path: Path, journal: str, key: bytes) -> Reading:
    """The newer of the two slots that verify (one record in a mark from older versions)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Reading(None)  # a journal from before marks, or a fresh restore: written now
    except OSError:
        return Reading(None, unreadable=True)
    slots = [raw[:SLOT], raw[SLOT:]] if len(raw) == 2 * SLOT else [raw]
    found = [r for r in (_record(slot, journal, key) for slot in slots) if r is not None]
    if not found:
        return Reading(None, unreadable=True)
    return Reading(max(found, key=lambda r: r[0])[1])


def names_journal(path: Path, journal: str) -> bool:
    """Whether the mark at `path` is journal `journal`'s. Read without the key (its MAC is not
    checked), so it only words an error: a keyring and a mark of one journal beside a
    journal.db of another salt mean the database is what changed (damaged or replaced)."""
    try:
        raw = path.read_bytes()
        slots = [raw[:SLOT], raw[SLOT:]] if len(raw) == 2 * SLOT else [raw]
        found = {json.loads(json.loads(slot)["mark"]).get("journal_id") for slot in slots}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return False
    return journal in found


def _record(raw: bytes, journal: str, key: bytes) -> tuple[int, Mark] | None:
    """(its slot number, the mark) when `raw` is one record that verifies."""
    try:
        outer = json.loads(raw)
        body = str(outer["mark"]).encode()
        ok = hmac.compare_digest(hmac.new(key, body, hashlib.sha256).hexdigest(), outer["mac"])
        fields = json.loads(body)
        if not ok or fields["format"] != FORMAT or fields["journal_id"] != journal:
            return None
        witness, lost, lost_witness = (fields.get(k) for k in ("witness", "lost", "lost_witness"))
        return int(fields.get("n", 0)), (
            Mark(
                int(fields["seq"]),
                str(fields["head"]),
                str(fields.get("root", "")),
                str(fields.get("at", "")),
                None if witness is None else Head.from_json(witness),
                None if lost is None else Head.from_json(lost),
                None if lost_witness is None else Head.from_json(lost_witness),
            )
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def compare(db: Database, mark: Mark) -> MissingWork | None:
    """None when the database holds the mark's event unchanged (and maybe more after it)."""
    found = current(db)
    if mark.seq == 0:
        return None
    at = db.first("SELECT hash FROM audit WHERE seq = ?", (mark.seq,))
    if at is None or str(at[0]) != mark.head:
        return MissingWork(mark, found, None)
    return None


def keep_wal(db_path: Path) -> Path | None:
    """Copy the -wal as found (before closing the database checkpoints and deletes it)."""
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return None
        kept = wal.with_name(f"{wal.name}.kept-{time.strftime('%Y%m%d-%H%M%S')}")
        n = 1
        while kept.exists():
            n += 1
            kept = kept.with_name(f"{wal.name}.kept-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
        tmp = temp_path(kept)
        with wal.open("rb") as src, create_private(tmp) as dst:
            while block := src.read(1 << 20):
                dst.write(block)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, kept)
        return kept
    except OSError:
        return None


class Marker:
    """Keeps one journal folder's mark up to date after commits, from any thread."""

    def __init__(
        self, path: Path, journal: str, key: bytes, outside: AccountMark | None = None
    ) -> None:
        self.path = path
        self._journal = journal
        self._key = key
        self.outside = outside  # the second mark, in the OS account's state folder
        self.outside_found: Head | None = None  # what it said when the open checked it
        self.loss: Loss | None = None  # lost work accepted on this open, to record (record_loss)
        self.damaged: Said | None = None  # the open found the mark gone or unreadable
        # The file this session wrote was gone (or emptied) at a later write: removed under the
        # open journal. Written anew unsaid, the removal was hidden from the next open (review
        # s26): it is not written again until `record_vanished` has kept the alarm.
        self.vanished = False
        self._mine = False  # the file is one this session wrote, and no removal is pending
        self._lock = threading.Lock()
        self._written: tuple[int, Head | None] | None = None
        self._synced_at = 0.0
        self._n = 0  # the number of the newest slot this session wrote; 0: none yet

    @classmethod
    def for_db(cls, db: Database, *, outside: bool = True) -> Marker:
        """`outside=False`: journal.mark only (a restore's copy, whose account mark follows
        once it has been swapped in)."""
        account = AccountMark.for_db(db) if outside else None
        return cls(db.path.with_name(MARK_NAME), journal_id(db), mark_key(db), account)

    @property
    def wrote(self) -> bool:
        """Whether this session has written the mark (never before the open's check)."""
        return self._written is not None

    def read(self) -> Reading:
        return read(self.path, self._journal, self._key)

    def write(self, mark: Mark, *, durable: bool = False) -> None:
        """Replace the mark; never fails a commit that has already happened: a mark that
        cannot be written (a full disk) only lags, and a lagging mark never raises an alarm."""
        with self._lock:
            now = time.monotonic()
            durable = durable or now - self._synced_at >= DURABLE_EVERY
            if (mark.seq, mark.witness) == self._written and not durable:
                return
            if self._gone():
                return
            n = self._n + 1
            data = encode(self._journal, mark, self._key, n)
            try:
                if self._n == 0:  # the session's first: a whole new file, both slots alike
                    atomic_write(self.path, data + data)
                    durable = True
                elif _overwrite(self.path, n % 2 * SLOT, data, sync=durable) != 2 * SLOT:
                    self.vanished = True  # emptied or put back short since this session wrote it
                self._n, self._mine = n, True
                self._written = (mark.seq, mark.witness)
                if durable:
                    self._synced_at = now
            except (OSError, SamJournalError):
                self._n = 0  # a file gone or torn: the next write makes it whole again
                if self._gone():
                    return
            own = mark.tree_head()
            # The account's mark only when this one is made durable (the session's first write,
            # every DURABLE_EVERY seconds, lock): a folder is copied closed, and a mark that
            # lags never raises an alarm; not a second file on every save.
            if durable and self.outside is not None and own is not None:
                self.outside.write(own, durable=True)

    def _gone(self) -> bool:
        """Whether the file this session wrote is no longer there (a folder or nothing in its
        place): `vanished`, and nothing is written until that is kept (a full disk that failed
        a write, then a removal, went unseen)."""
        if self._mine and not self.path.is_file():
            self.vanished, self._mine, self._n = True, False, 0
        return self.vanished and not self._mine and self._n == 0

    def after_commit(self, db: Database) -> None:
        with contextlib.suppress(SamJournalError):
            self.write(current(db))


def _overwrite(path: Path, offset: int, data: bytes, *, sync: bool) -> int:
    """Write `data` over the slot at `offset` of the existing file, in place; the file's size
    before (two slots, unless it was replaced)."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        os.lseek(fd, offset, os.SEEK_SET)  # not pwrite: Windows has none
        os.write(fd, data)
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)
    return size


def prepare_copy(db: Database) -> Head:
    """A restore's copy brought up to this version (a backup from an older one: the fork has
    a table of its own, old events a tree); its audit head as the backup holds it."""
    migrate(db)
    audit_log.ensure_tree(db)
    return audit_heads.current(db)


def record_restore(db: Database, username: str, replaced: Path, reason: str = "") -> Mark:
    """A restore is a deliberate rollback: record it in the restored copy, with a fork of the
    audit log (samjournal/audit_forks.py): the backup's head it goes back to, how far the journal
    it replaces had come by its mark (not the backup's file name, which a user chose; the
    account's mark when that is further: a folder put back older) and the newest head witnessed
    outside by then; then make journal.mark follow the copy. The account's mark follows only
    once the copy has been swapped in (the caller writes the mark returned)."""
    prepare_copy(db)
    marker = Marker.for_db(db, outside=False)
    before = read(replaced / MARK_NAME, marker._journal, marker._key).mark
    account = AccountMark.for_db(db, replaced)
    further = account.read().head if account is not None else None
    had = before.short() if before is not None else "unknown"
    restored = audit_heads.current(db)
    with db.transaction():
        seq = audit_log.for_db(db).append(
            db,
            username,
            Action.RESTORE,
            "journal",
            marker._journal,
            detail=f"restored from a backup at head {restored.short()};"
            f" the journal had come to {had}",
        )
        # The furthest the replaced journal knew of: its own head, its account's mark, and
        # what its own restores said they lost (it may itself be an intermediate restore).
        lost = furthest(
            before.tree_head() if before is not None else None,
            before.lost if before is not None else None,
            further,
        )
        witnessed = furthest(*((before.witness, before.lost_witness) if before else ()))
        audit_forks.record(db, seq, restored, lost, witnessed, reason, username)
    now = current(db)
    marker.write(now, durable=True)
    return now


def settle(marker: Marker, db: Database, accept_missing: bool) -> list[str]:
    """Compare the audit log with the high-water mark; what to record in the audit log.

    Missing work refuses the open rather than warning: carrying on would give new events the
    missing numbers and overwrite the mark, the only evidence of how far the journal had come,
    and a -wal found later could no longer be put back. A missing mark (a journal from before
    marks) is written by this open; an unreadable one (torn, edited, another journal's) too, and
    that is recorded."""
    reading = marker.read()
    notes = []
    if reading.unreadable:
        notes.append("journal.mark unreadable or not this journal's; written anew")
        marker.damaged = said("mark_unreadable")
    elif reading.mark is None and db.scalar(f"SELECT 1 FROM meta WHERE key = '{_HAD_MARK}'"):
        marker.damaged = said("mark_removed")
    missing = compare(db, reading.mark) if reading.mark is not None else None
    if missing is not None and replaced_by_restore(db, missing.mark.tree_head()):
        notes.append(
            f"journal.mark was the replaced journal's ({missing.mark.short()}); written anew"
        )
        missing = None
    if missing is not None:
        if not accept_missing:
            kept = keep_wal(db.path)  # before the close checkpoints and deletes it
            raise RecentWorkMissing(
                missing.mark.seq, missing.found.seq, str(kept) if kept is not None else None
            )
        m = missing.mark
        marker.loss = Loss(
            audit_heads.current(db),
            furthest(m.tree_head(), m.lost),
            furthest(m.witness, m.lost_witness),
            f"recent work missing, accepted: journal had come to {m.short()},"
            f" found {missing.found.short()}",
        )
    notes += _settle_outside(marker, db, accept_missing)
    # Two slots: a crash leaves one that verifies. A mark gone or unreadable in a journal that
    # has had one was removed or spoiled, and with it this open's check: an alarm (above).
    # Written once nothing is refused (a commit writes the mark: the evidence is read by now).
    with contextlib.suppress(SamJournalError), db.transaction():
        db.execute(f"INSERT OR IGNORE INTO meta (key, value) VALUES ('{_HAD_MARK}', '1')")
        if marker.damaged is not None:  # the first one found stays until acknowledged
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                (_ALARM, marker.damaged.key),
            )
    marker.damaged = marker.damaged or pending_alarm(db)
    return notes


def record_vanished(marker: Marker, db: Database) -> None:
    """The alarm an open raises for a removed mark, for one removed while the journal was open
    (`Marker.vanished`): the session writes the file anew, so the next open could not see it.
    In a transaction of its own, after the commit whose mark write found the file gone; its
    commit writes the mark again. Should it fail (a busy or full disk), the mark stays unwritten
    and the next open finds it gone."""
    if not marker.vanished:
        return
    marker.vanished = False  # before: this commit's own mark write must go ahead
    try:
        with db.transaction():
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (_ALARM, "mark_removed")
            )
    except BaseException:
        marker.vanished = True
        raise


def pending_alarm(db: Database) -> Said | None:
    """The mark alarm a team lead has not acknowledged yet, if any."""
    return _DAMAGE.get(str(db.scalar("SELECT value FROM meta WHERE key = ?", (_ALARM,))))


def acknowledge(db: Database) -> Said | None:
    """Take the pending mark alarm away (inside the caller's transaction); what it said."""
    pending = pending_alarm(db)
    db.execute("DELETE FROM meta WHERE key = ?", (_ALARM,))
    return pending


def _settle_outside(marker: Marker, db: Database, accept_missing: bool) -> list[str]:
    """The same for the account's mark: a whole older folder put back (with its own older
    journal.mark) is behind it. Its head is kept for `alarms` (the open's own events replace
    the mark before they are looked for)."""
    if marker.outside is None:
        return []
    reading = marker.outside.read()
    if reading.unreadable:
        return ["the account's mark unreadable or not this journal's; written anew"]
    if reading.head is None:
        return []  # a new account, another laptop: started by this open
    size, head = audit_heads.current_size(db), reading.head
    held = head.size <= size and head.matches(audit_heads.root_at(db, head.size) or b"")
    if not held and replaced_by_restore(db, head):
        return [f"the account's mark was the replaced journal's ({head.short()})"]
    if reading.head.size <= size:
        marker.outside_found = reading.head  # a log that holds it but not its root: an alarm
        return []
    if not accept_missing:
        kept = keep_wal(db.path)
        raise RecentWorkMissing(
            reading.head.size, size, str(kept) if kept is not None else None, outside=True
        )
    note = f"the account's mark had come to {reading.head.short()}, found {size}"
    loss = marker.loss
    marker.loss = Loss(
        audit_heads.current(db),
        furthest(loss.lost if loss else None, reading.head),
        loss.witnessed if loss else None,
        f"{loss.note}; {note}" if loss else f"recent work missing, accepted: {note}",
    )
    return []


def replaced_by_restore(db: Database, head: Head | None) -> bool:
    """Whether `head`, a mark the log does not hold, is the journal a restore replaced: taken
    before the restore, past the head it went back to, within what it lost. A restore stopped
    between swapping the database in and writing the marks leaves them so (backup.py); a mark
    written after the restore never is."""
    if head is None or not head.at:
        return False
    return any(audit_forks.explains(fork, head) for fork in audit_forks.forks(db))


def record_loss(marker: Marker, db: Database, username: str) -> None:
    """Lost work the team lead accepted on this open, recorded like a restore (a fork back to
    the head the log has now: what the mark had seen after it is lost), so the journal's next
    bundles state it and the evaluator can decide on it instead of refusing a cut log."""
    loss, marker.loss = marker.loss, None
    if loss is None:
        return
    with db.transaction():
        seq = audit_log.for_db(db).append(
            db, username, Action.RESTORE, "journal", "mark", detail=loss.note
        )
        audit_forks.record(db, seq, loss.restored, loss.lost, loss.witnessed, ACCEPTED, username)
    marker.write(current(db), durable=True)


def alarms(marker: Marker, db: Database) -> list[Said]:
    """A mark the open found gone or unreadable, then each head the log does not extend, of
    those the journal keeps: the mark's own, the witnessed head in the mark, and every head
    recorded from a receipt. One lookup each."""
    reading = marker.read()
    damaged = [marker.damaged] if marker.damaged is not None else []
    heads: list[tuple[Head, str]] = []
    if reading.mark is not None:
        own = reading.mark.tree_head()
        if own is not None:
            heads.append((own, "journal.mark"))
        if reading.mark.witness is not None:
            heads.append((reading.mark.witness, said("witnessed_in_mark")))
    if marker.outside_found is not None:
        heads.append((marker.outside_found, said("witnessed_in_account_mark")))
    heads += [(h, said("witnessed_head", source=src)) for h, src in audit_heads.witnesses(db)]
    return damaged + audit_heads.stored_problems(db, heads)
