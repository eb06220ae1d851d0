"""`Journal`: the one facade the desktop client, the CLI and the tests hold.

`Journal.create` makes a new journal, `Journal.open` unlocks an existing one. An open journal
exposes its records as sections (`journal.families`, `journal.meetings`, ...), all working as the
signed-in user: permissions are checked and every read of a case and every change is audited.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from samjournal import audit as audit_log
from samjournal import audit_heads, mark, reserve
from samjournal import validation as v
from samjournal.audit import Action, ChainReport
from samjournal.backup import write_backup
from samjournal.context import Context, iso, utcnow
from samjournal.errors import (
    DiskFull,
    IntegrityFailed,
    JournalBusy,
    JournalDamaged,
    JournalExists,
    JournalLocked,
    NotFound,
    PermissionDenied,
    SamJournalError,
    StorageError,
)
from samjournal.evaluation.exporter import Evaluation
from samjournal.failure_record import counted, failures_altered
from samjournal.folder import DB_NAME, JournalFolder
from samjournal.folder_lock import (
    LOCK_FILES,
    WAIT,
    FolderLock,
    keyring_change,
    someone_waiting,
)
from samjournal.fsutil import private_folder, remove_stale_partials, tighten_tree
from samjournal.handover.section import Handovers
from samjournal.kdf import KdfCost, calibrate
from samjournal.keyring import Keyring, new_recovery_key
from samjournal.messages import invalid, keyed, said
from samjournal.model import AuditEvent, Changes, FamilyId, Role, User
from samjournal.passphrase import check_passphrase
from samjournal.records.checkins import Checkins
from samjournal.records.consents import Consents
from samjournal.records.families import Families
from samjournal.records.instruments import Instruments
from samjournal.records.meetings import Meetings
from samjournal.records.members import Members
from samjournal.records.needs import Needs
from samjournal.records.payments import Payments
from samjournal.records.search import Search
from samjournal.records.users import set_work_phone, user_from_row
from samjournal.settings import JournalSettings, load_settings, store_settings
from samjournal.store import Database, integrity_problems, migrate
from samjournal.store.migrations import SCHEMA_VERSION, current_version

RECOVERY_USER = "gjenoppretting"


@dataclass(frozen=True, slots=True)
class Facts:
    """What `samjournal info` and the About box show: no record content."""

    journal_id: str
    schema_version: int
    cipher_version: str
    counts: dict[str, int]
    audit_head: str


@dataclass(frozen=True, slots=True)
class Created:
    journal: Journal
    recovery_key: str  # shown once, printed on the recovery sheet, never stored


def check_username(username: str) -> str:
    name = v.text("username", username, required=True, max_len=64)
    if not all(ch.isalnum() or ch in "._-" for ch in name):
        raise invalid("username", "username_characters")
    return name


class Journal:
    def __init__(
        self,
        folder: JournalFolder,
        ctx: Context,
        failed_attempts: tuple[str, ...],
        hold: FolderLock | None = None,
    ):
        self._folder = folder
        self._ctx = ctx
        self._hold = hold or FolderLock(folder.path)  # shared while unlocked
        self._announcer = ctx.announcer
        self.failed_attempts = failed_attempts  # failures since the previous unlock, to show
        # What shows keyring.json's failure record was edited since the last unlock (audited).
        self.failures_altered: tuple[str, ...] = ()
        # Heads the audit log does not extend (journal.mark's, witnessed ones), and a
        # journal.mark found gone or unreadable (`mark_damaged`): shown in red.
        self.audit_alarms: tuple[str, ...] = ()
        self.mark_damaged = False
        self._sections()

    def _sections(self) -> None:
        ctx = self._ctx
        self.families = Families(ctx)
        self.members = Members(ctx)
        self.meetings = Meetings(ctx)
        self.needs = Needs(ctx)
        self.payments = Payments(ctx)
        self.checkins = Checkins(ctx)
        self.instruments = Instruments(ctx)
        self.consents = Consents(ctx)
        self.search = Search(ctx)
        self.evaluation = Evaluation(ctx)
        self.handovers = Handovers(ctx)

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        username: str,
        display_name: str,
        passphrase: str,
        cost: KdfCost | None = None,
        settings: JournalSettings | None = None,
    ) -> Created:
        """A new journal in `path` (new or empty), its first team lead and its recovery key."""
        folder = JournalFolder(Path(path))
        if folder.exists() or (
            folder.path.is_dir() and any(p.name not in LOCK_FILES for p in folder.path.iterdir())
        ):
            raise keyed(JournalExists, "folder_not_empty")
        username = check_username(username)
        name = v.text("name", display_name, required=True)
        check_passphrase(passphrase, (username, name))
        cost = cost or calibrate()
        settings = (settings or JournalSettings()).checked()
        private_folder(folder.path)
        data_key = os.urandom(32)
        recovery = new_recovery_key()
        ring = Keyring.new(data_key, recovery).with_user(
            username, passphrase, data_key, cost, name=name
        )
        db = Database(folder.db_path, data_key)
        try:
            migrate(db)
            with db.transaction():
                meta = {
                    "journal_id": ring.journal_id,
                    "kdf_memory_kib": str(cost.memory_kib),
                    "kdf_iterations": str(cost.iterations),
                    "kdf_lanes": str(cost.lanes),
                    "created_at": iso(utcnow()),
                    "audit_key": audit_log.new_chain_key(),
                }
                for key, value in meta.items():
                    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
                store_settings(db, settings)
                db.execute(
                    "INSERT INTO users (username, display_name, role, created_at)"
                    " VALUES (?, ?, 'teamlead', ?)",
                    (username, name, iso(utcnow())),
                )
                audit_log.for_db(db).append(
                    db, username, Action.CREATE_JOURNAL, "journal", ring.journal_id
                )
        finally:
            db.close()
        ring.bound_to(folder.db_path).save(folder.keyring_path)
        return Created(cls.open(folder.path, username, passphrase), recovery)

    @classmethod
    def open(
        cls,
        path: Path | str,
        username: str,
        passphrase: str,
        *,
        on_upgrade: Callable[[], object] | None = None,
        accept_missing: bool = False,
    ) -> Journal:
        """Unlock as `username`. WrongPassphrase before the database is touched. `on_upgrade`
        is called (on this thread) before a schema upgrade, which takes a while on a large
        journal: the first unlock after installing a new version.

        RecentWorkMissing when the audit log is behind the high-water mark (journal.mark), and
        nothing is written; `accept_missing=True` (a team lead's deliberate choice, `samjournal
        check --accept-loss`; PermissionDenied for anyone else) opens it anyway and records
        what was accepted."""
        folder = JournalFolder(Path(path))
        folder.require()
        hold = FolderLock(folder.path)
        try:
            # Alone on the folder: tidy up what a crash left and settle a half-done swap.
            # Otherwise whoever opened first did; this session just shares the folder.
            alone = hold.try_exclusive()
            if alone:
                folder.remove_leftovers()
            else:
                hold.shared()
                # Beside other sessions, only a backup's copy no one has written for an hour:
                # theirs may be running (a killed one's copy stayed while windows were open).
                remove_stale_partials(folder.path, DB_NAME)
            unlocked = folder.unlock(username, passphrase, alone=alone)
            tighten_tree(folder.path)  # made by a version before owner-only files, or copied
            rescue = reserve.disk_full(folder.path)
            if rescue:  # the reserve makes room for SQLite's -shm and -wal and the audit events
                reserve.release(folder.path)
            try:
                ctx = cls._context(folder, unlocked.data_key, username, hold, on_upgrade)
            except JournalDamaged as exc:  # SQLite's "disk I/O error" when it has no room at all
                if reserve.disk_full(folder.path):
                    raise keyed(DiskFull, "no_room") from exc
                raise
            if rescue:
                ctx.enter_rescue()
            try:
                if accept_missing:  # takes lost work (a rolled-back log) as the journal's own
                    ctx.require_teamlead("accept_loss")
                notes = mark.settle(ctx.marker, ctx.db, accept_missing)
                altered = failures_altered(ctx.db, username, unlocked.failures)
                for when in unlocked.failed_attempts:
                    ctx.log_read(
                        Action.FAILED_UNLOCK, "user", username, at=dt.datetime.fromisoformat(when)
                    )
                for change in altered:
                    ctx.log_read(Action.FAILED_UNLOCK, "user", username, detail=change)
                for note in notes:
                    ctx.log_read(Action.RESTORE, "journal", "mark", detail=note)
                mark.record_loss(ctx.marker, ctx.db, username)  # a fork the evaluator decides on
                alarms = tuple(mark.alarms(ctx.marker, ctx.db))
                for alarm in alarms:
                    ctx.log_read(Action.UNLOCK, "journal", "audit", detail=alarm)
                ctx.log_read(Action.UNLOCK, "user", username, detail=counted(unlocked.failures))
            except BaseException:
                ctx.close()
                raise
            if not ctx.rescue:
                reserve.ensure(folder.path)
            # A full disk or a read-only copy: the failures are audited; sealed later.
            with contextlib.suppress(StorageError):
                folder.seal_failures(username, unlocked.data_key, unlocked.failures.total)
            journal = cls(folder, ctx, unlocked.failed_attempts, hold)
            journal.failures_altered = altered
            journal.audit_alarms = alarms
            journal.mark_damaged = ctx.marker.damaged is not None
            if alone:
                folder.bind_keyring()
                journal._finish_key_changes()
                hold.shared()
            journal._name_slots()
        except BaseException:
            hold.release()
            raise
        return journal

    def _name_slots(self) -> None:
        """Give the unlock screen the users' names (journals from before it had them)."""
        ctx = self._require_open()
        names = {r["username"]: r["display_name"] for r in ctx.db.all("SELECT * FROM users")}
        if any(s.user in names and s.name != names[s.user] for s in self._folder.keyring().slots):
            # Read again inside the lock; a read-only or busy copy still opens.
            with (
                contextlib.suppress(StorageError, JournalBusy, OSError),
                keyring_change(self._folder.path),
            ):
                self._folder.keyring().with_names(names).save(self._folder.keyring_path)

    @staticmethod
    def _context(
        folder: JournalFolder,
        data_key: bytes,
        username: str,
        hold: FolderLock,
        on_upgrade: Callable[[], object] | None = None,
    ) -> Context:
        db = Database(folder.db_path, data_key)
        try:
            if current_version(db) < SCHEMA_VERSION and hold.mode != "exclusive":
                with hold.exclusive():  # an upgrade changes the schema under every session
                    _upgrade(db, on_upgrade)
            else:
                _upgrade(db, on_upgrade)
            row = db.first(
                "SELECT * FROM users WHERE username = ? AND removed_at IS NULL", (username,)
            )
            if row is None:
                raise keyed(PermissionDenied, "user_removed")
        except BaseException:
            db.close()
            raise
        return Context(folder.db_path, data_key, user_from_row(row), db=db)

    @staticmethod
    def usernames(path: Path | str) -> list[str]:
        """The users who can unlock this journal, for the unlock screen (no key needed)."""
        return JournalFolder(Path(path)).usernames()

    @staticmethod
    def people(path: Path | str) -> list[tuple[str, str]]:
        """(username, full name) of each user, by name, for the unlock screen (no key needed)."""
        return JournalFolder(Path(path)).keyring().people

    @staticmethod
    def reset_passphrase(
        path: Path | str, recovery_key: str, username: str, new_passphrase: str
    ) -> None:
        """Give `username` a new passphrase using the recovery key (the team lead's safe)."""
        folder = JournalFolder(Path(path))
        folder.require()
        hold = FolderLock(folder.path)
        try:
            hold.shared()
            ring = folder.keyring()
            data_key = ring.unlock_recovery(recovery_key)
            pending = ring.slot_for(username).failures if username in ring.usernames else None
            check_passphrase(new_passphrase, (username,))
            db = Database(folder.db_path, data_key)
            try:
                if current_version(db) < SCHEMA_VERSION:
                    with hold.exclusive():
                        _upgrade(db)
                else:
                    _upgrade(db)
                if not db.first(
                    "SELECT 1 FROM users WHERE username = ? AND removed_at IS NULL", (username,)
                ):
                    raise keyed(NotFound, "no_such_journal_user")
                cost = _stored_cost(db)
                with db.transaction():  # committed first: a key change is never unaudited
                    log = audit_log.for_db(db)
                    for when in pending.times if pending else ():  # the throttle ends here
                        at = dt.datetime.fromisoformat(when)
                        log.append(db, RECOVERY_USER, Action.FAILED_UNLOCK, "user", username, at=at)
                    log.append(
                        db, RECOVERY_USER, Action.KEY_CHANGE, "user", username, detail="reset"
                    )
            finally:
                db.close()
            with keyring_change(folder.path):
                ring = folder.keyring().with_user(username, new_passphrase, data_key, cost)
                seen = pending.total if pending else ring.slot_for(username).failures.total
                ring.sealed_failures(username, data_key, seen).save(folder.keyring_path)
        finally:
            hold.release()

    # -- the session ----------------------------------------------------------------------

    @property
    def user(self) -> User:
        return self._ctx.user

    @property
    def path(self) -> Path:
        return self._folder.path

    @property
    def locked(self) -> bool:
        return self._ctx.locked

    @property
    def journal_id(self) -> str:
        return mark.journal_id(self._ctx.db)

    def lock(self) -> None:
        """Close every connection and drop the key. `unlock` opens it again for the same user."""
        if self._ctx.locked:
            return
        with contextlib.suppress(SamJournalError):
            self._ctx.log_read(Action.LOCK, "user", self.user.username)
        self._ctx.close()
        self._hold.release()  # a locked window never stands in the way of a rekey or restore

    def unlock(self, passphrase: str) -> None:
        """Unlock again as the same user after `lock()`; subscribers stay subscribed."""
        again = Journal.open(self._folder.path, self.user.username, passphrase)
        self._ctx = again._ctx
        self._hold = again._hold
        self._ctx.announcer = self._announcer
        self.failed_attempts = again.failed_attempts
        self.failures_altered = again.failures_altered
        self.audit_alarms = again.audit_alarms
        self.mark_damaged = again.mark_damaged
        self._sections()

    def others_waiting(self) -> bool:
        """Whether a user removal or restore elsewhere waits for this session to lock or close
        (a file's age, no database work: cheap enough for a timer in the window)."""
        return not self._hold.waiting and someone_waiting(self._folder.path)

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call `listener` after every committed change; returns the unsubscribe function."""
        return self._announcer.subscribe(listener)

    def _require_open(self) -> Context:
        if self._ctx.locked:
            raise keyed(JournalLocked, "locked")
        return self._ctx

    # -- users and keys -------------------------------------------------------------------

    def users(self) -> list[User]:
        rows = self._require_open().db.all("SELECT * FROM users ORDER BY display_name")
        return [user_from_row(r) for r in rows]

    def add_user(self, username: str, display_name: str, role: Role, passphrase: str) -> User:
        ctx = self._require_open()
        ctx.require_teamlead("add_users")
        username = check_username(username)
        name = v.text("name", display_name, required=True)
        role = v.choice("role", role, Role)
        check_passphrase(passphrase, (username, name))
        # The slot is made (the slow KDF) before any lock; the keyring it joins is read inside
        # both locks, so another process's change to it is never lost.
        slot = (
            self._folder.keyring()
            .with_user(username, passphrase, ctx.data_key, _stored_cost(ctx.db), name)
            .slot_for(username)
        )
        with ctx.db.transaction() as db, keyring_change(self._folder.path):
            ring = self._folder.keyring()
            if username in ring.usernames or db.first(
                "SELECT 1 FROM users WHERE username = ?", (username,)
            ):
                raise invalid("username", "taken")
            new_ring = ring.with_slot(slot)
            uid = db.execute(
                "INSERT INTO users (username, display_name, role, created_at) VALUES (?, ?, ?, ?)",
                (username, name, role.value, iso(utcnow())),
            )
            ctx.log(Action.USER_ADMIN, "user", username, detail=f"added as {role}")
            new_ring.save(self._folder.keyring_path)  # inside: a failed save rolls back the row
        ctx.emit("user")
        return user_from_row(ctx.db.first("SELECT * FROM users WHERE id = ?", (uid,)))

    def set_work_phone(self, username: str, phone: str) -> User:
        """A user's work phone (their own; anyone's for a team lead); "" removes it."""
        return set_work_phone(self._require_open(), username, phone)

    def change_passphrase(self, current: str, new: str) -> None:
        ctx = self._require_open()
        check_passphrase(new, (self.user.username, self.user.display_name))
        self._folder.keyring().unlock(self.user.username, current)  # the user at the keyboard
        cost = _stored_cost(ctx.db)
        # The audit event is committed before the keyring changes: a crash in between leaves
        # an event for a change that did not happen, never a change without its event.
        with ctx.db.transaction():
            ctx.log(Action.KEY_CHANGE, "user", self.user.username, detail="passphrase changed")
        self._change_keyring(
            lambda ring: ring.with_user(self.user.username, new, ctx.data_key, cost),
            "user",
            self.user.username,
        )

    def _change_keyring(
        self, change: Callable[[Keyring], Keyring], entity: str, entity_id: str
    ) -> None:
        """Replace keyring.json with `change(current)`; audit a failure (the event before it
        said the change was made)."""
        try:
            with keyring_change(self._folder.path):
                change(self._folder.keyring()).save(self._folder.keyring_path)
        except BaseException:
            with contextlib.suppress(SamJournalError), self._ctx.db.transaction():
                self._ctx.log(Action.KEY_CHANGE, entity, entity_id, detail="change failed")
            raise

    def new_recovery_key(self) -> str:
        """Replace the recovery key; the old one stops working. Shown once."""
        ctx = self._require_open()
        ctx.require_teamlead("new_recovery_key")
        recovery = new_recovery_key()
        with ctx.db.transaction():  # committed first, as in change_passphrase
            ctx.log(Action.KEY_CHANGE, "journal", "recovery", detail="new recovery key")
        self._change_keyring(
            lambda ring: ring.with_recovery_key(recovery, ctx.data_key), "journal", "recovery"
        )
        return recovery

    def remove_user(self, username: str, *, wait: float = WAIT) -> None:
        """Remove the user's slot and rekey the database so nothing they held opens it.

        Needs the folder alone (waits up to `wait` seconds for other sessions to close, then
        JournalInUse). The removal is made in the rekeyed copy, so it exists only once the copy
        is the journal: whatever stops it on the way, nothing has changed."""
        ctx = self._require_open()
        ctx.require_teamlead("remove_users")
        if username == self.user.username:
            raise invalid("user", "remove_self")
        row = ctx.db.first(
            "SELECT * FROM users WHERE username = ? AND removed_at IS NULL", (username,)
        )
        if row is None:
            raise keyed(NotFound, "no_such_journal_user")
        leads = ctx.db.scalar(
            "SELECT count(*) FROM users WHERE role = 'teamlead' AND removed_at IS NULL"
        )
        if row["role"] == Role.TEAMLEAD and leads <= 1:
            raise invalid("user", "last_teamlead")
        removed_at, remover = iso(utcnow()), self.user.username

        def remove(db: Database) -> None:
            db.execute("UPDATE users SET removed_at = ? WHERE id = ?", (removed_at, row["id"]))
            audit_log.for_db(db).append(
                db, remover, Action.USER_ADMIN, "user", username, detail="removed; database rekeyed"
            )

        with self._hold.exclusive(wait):
            self._rekey(self._folder.keyring().without_user(username), remove)
        self._ctx.emit("user")

    def _finish_key_changes(self) -> None:
        """Finish a user removal that a crash interrupted between its commit and its rekey.

        Until the rekey, the removed user's slot still opens the data key; so does a slot whose
        user was never committed (a crash inside `add_user`). Either is dropped here, by whoever
        unlocks next, and the database gets a new key sealed to the remaining slots only.
        """
        ring = self._folder.keyring()
        live = {
            str(r["username"])
            for r in self._ctx.db.all("SELECT username FROM users WHERE removed_at IS NULL")
        }
        stale = [name for name in ring.usernames if name not in live]
        if not stale:
            return
        for name in stale:
            ring = ring.without_user(name)
        who = self.user.username

        def note(db: Database) -> None:
            audit_log.for_db(db).append(
                db,
                who,
                Action.KEY_CHANGE,
                "journal",
                "rekey",
                detail=f"interrupted key change finished; slots dropped: {', '.join(stale)}",
            )

        # Opening comes first: without room for a copy (or with a swap that fails) the stale
        # slot stays until a later unlock, and everyone with a valid slot still gets in.
        with contextlib.suppress(StorageError, JournalBusy, JournalDamaged):
            self._rekey(ring, note)

    def _rekey(self, ring: Keyring, change: Callable[[Database], None] | None = None) -> None:
        """Copy the database under a new key, make `change` in the copy, then swap it in with
        `ring` sealed to the new key. The folder must be held exclusively."""
        ctx = self._ctx
        ctx.require_room()  # on a full disk the reserve's room is for audited reads, not a copy
        new_key, old_key = os.urandom(32), ctx.data_key
        scratch = self._folder.rekeyed_copy(ctx.db, new_key, change)
        ctx.close()
        try:
            self._folder.swap_in(scratch, ring.resealed(new_key, old_key))
        except BaseException:
            # The session goes on with whichever key opens the journal now.
            self._resume(new_key if self._folder.opens_with(new_key) else old_key)
            raise
        finally:
            self._folder.discard(scratch)
        self._resume(new_key)

    def _resume(self, key: bytes) -> None:
        self._ctx = Context(self._folder.db_path, key, self._ctx.user, self._announcer)
        self._sections()

    # -- settings, audit, integrity -------------------------------------------------------

    def settings(self) -> JournalSettings:
        return load_settings(self._require_open().db)

    def update_settings(self, settings: JournalSettings) -> JournalSettings:
        ctx = self._require_open()
        ctx.require_teamlead("change_settings")
        settings.checked()
        with ctx.db.transaction() as db:
            store_settings(db, settings)
            ctx.log(Action.SETTINGS, "journal", "settings")
        ctx.emit("settings")
        return self.settings()

    def facts(self) -> Facts:
        db = self._require_open().db
        tables = ("families", "members", "meetings", "needs", "payments", "checkins")
        counts = {
            t: int(db.scalar(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL")) for t in tables
        }
        return Facts(
            journal_id=self.journal_id,
            schema_version=int(db.scalar("PRAGMA user_version")),
            cipher_version=str(db.scalar("PRAGMA cipher_version")),
            counts=counts,
            audit_head=self.audit_head(),
        )

    def acknowledge_alarm(self) -> bool:
        """A team lead has looked into the journal.mark alarm (checked the journal against a
        backup, `samjournal audit verify`): it is no longer said at every open. Audited; False
        when none was pending. Heads the log does not extend stay alarms while it does not."""
        ctx = self._require_open()
        ctx.require_teamlead("acknowledge_alarm")
        with ctx.db.transaction() as db:
            pending = mark.acknowledge(db)
            if pending is not None:
                ctx.log(Action.UPDATE, "journal", "mark", detail=f"acknowledged: {pending}")
        if pending is None:
            return False
        self.audit_alarms = tuple(a for a in self.audit_alarms if a != pending)
        self.mark_damaged = False
        return True

    def verify_audit(self, at: frozenset[int] = frozenset()) -> ChainReport:
        """Recompute the chain and the tree; `at`: sizes (of witnesses) whose roots to give."""
        return self._require_open().audit.verify(self._ctx.db, at)

    def audit_head(self) -> str:
        """The log's head, short: "12345 · 3f9a5e0c7d21b4a8" (reports print it with the time)."""
        return self.audit_tree_head().short()

    def audit_tree_head(self) -> audit_heads.Head:
        return audit_heads.current(self._require_open().db)

    def audit_events(
        self, family_id: FamilyId | None = None, limit: int | None = 1000
    ) -> list[AuditEvent]:
        """A family's access log (the family's right to know), or the whole log for team leads.

        Newest first; `limit=None` for every event."""
        ctx = self._require_open()
        most = -1 if limit is None else limit  # SQLite: a negative LIMIT is no limit
        if family_id is None:
            ctx.require_teamlead("read_audit_log")
            rows = ctx.db.all("SELECT * FROM audit ORDER BY seq DESC LIMIT ?", (most,))
        else:
            if not ctx.is_teamlead:  # a team lead may read a purged family's tombstone too
                ctx.family_row(family_id)
            rows = ctx.db.all(
                "SELECT * FROM audit WHERE family_id = ? ORDER BY seq DESC LIMIT ?",
                (family_id, most),
            )
        return [audit_log.event_from_row(r) for r in rows]

    def record_event(
        self,
        action: Action,
        entity: str = "",
        entity_id: object = "",
        family_id: FamilyId | None = None,
        detail: str = "",
    ) -> None:
        """Audit something done outside the database: a print, a save, an export."""
        self._require_open().log_read(action, entity, entity_id, family_id, detail)

    def integrity_problems(self) -> list[str]:
        """`cipher_integrity_check`, `integrity_check`, foreign keys, the audit chain and the
        case list's stored figures."""
        ctx = self._require_open()
        with ctx.db.snapshot():  # a save by another process between two checks is not damage
            problems = integrity_problems(ctx.db)
            problems += list(ctx.audit.verify(ctx.db).problems)
            problems += [
                said("stale_totals_family", family=i) for i in self.families.stale_totals()
            ]
        return problems

    def check(self) -> list[str]:
        """Run every integrity check; IntegrityFailed (naming the way back) if any finds a
        problem. Reads every page, so it takes a while on a large journal."""
        problems = self.integrity_problems()
        require_intact(problems)
        return problems

    # -- backups --------------------------------------------------------------------------

    def backup(self, target: Path | str) -> Path:
        """Works on a full disk too, to a disk with room: nothing is written beside the journal."""
        ctx = self._require_open()
        ctx.log_read(Action.BACKUP, "journal", self.journal_id)
        return write_backup(ctx.db, self._folder, Path(target))


def _upgrade(db: Database, on_upgrade: Callable[[], object] | None = None) -> None:
    """Bring an existing journal's schema up to date. An empty file opens as a new database
    under any key: it is never taken for the journal (nor given a fresh schema in its place)."""
    if current_version(db) == 0:
        raise keyed(JournalDamaged, "db_empty")
    migrate(db, on_upgrade=on_upgrade)
    audit_log.ensure_tree(db)  # events from before the tree (migration 0007)


def require_intact(problems: list[str]) -> None:
    """Turn the integrity checks' findings into one clear error that names the way back: wrong
    case-list figures are derived data, computed again (Families.rebuild_totals), not restored."""
    if problems and all(getattr(p, "key", "") == "stale_totals_family" for p in problems):
        raise keyed(IntegrityFailed, "stale_totals")
    if problems:
        raise keyed(IntegrityFailed, "integrity_problems", count=len(problems))


def _stored_cost(db: Database) -> KdfCost:
    meta = {r["key"]: r["value"] for r in db.all("SELECT key, value FROM meta")}
    return KdfCost(int(meta["kdf_memory_kib"]), int(meta["kdf_iterations"]), int(meta["kdf_lanes"]))
