"""What every part of an unlocked journal shares: the connection, the user, the audit log."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from samjournal import audit as audit_log
from samjournal import reserve
from samjournal.audit import Action, AuditLog
from samjournal.errors import (
    DiskFull,
    JournalLocked,
    NotFound,
    PermissionDenied,
    SamJournalError,
)
from samjournal.mark import Marker, current, record_vanished
from samjournal.messages import action, keyed
from samjournal.model import Changes, FamilyId, Role, User, UserId
from samjournal.store import Database, Row

Listener = Callable[[Changes], None]


# The moment `clock_at` holds the clock at, for its thread (a ContextVar is per thread).
_held: ContextVar[dt.datetime | None] = ContextVar("held_clock", default=None)


def utcnow() -> dt.datetime:
    """Now, to the second, as every saved record stamps it (inside `clock_at`: its moment)."""
    return _held.get() or dt.datetime.now(dt.UTC).replace(microsecond=0)


@contextlib.contextmanager
def clock_at(moment: dt.datetime) -> Iterator[None]:
    """Within the block, on this thread, `utcnow()` is `moment`: the demo's playback stamps each
    change with its day in the story. Nothing in real use sets it; the audit log keeps the real
    time, as it records when the journal was written."""
    token = _held.set(moment.astimezone(dt.UTC).replace(microsecond=0))
    try:
        yield
    finally:
        _held.reset(token)


def iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.astimezone()  # naive means local wall-clock time
        return value.astimezone(dt.UTC).isoformat(timespec="seconds")
    return value.isoformat()


class Announcer:
    """Who wants to hear about committed changes. Outlives a lock, unlock or rekey."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def emit(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)


class Context:
    """One unlocked session. Connections are per thread; `close()` drops them and the key."""

    def __init__(
        self,
        db_path: Path,
        data_key: bytes,
        user: User,
        announcer: Announcer | None = None,
        db: Database | None = None,
    ) -> None:
        """`db`, when given, is an already open connection for the calling thread."""
        self._db_path = db_path
        self._key: bytes | None = data_key
        self.user = user
        self._audit: AuditLog | None = None
        self._local = threading.local()
        self._open: list[Database] = []
        self._guard = threading.Lock()
        self.announcer = announcer or Announcer()
        self._marker: Marker | None = None
        self.rescue = False  # the disk is full: reads only (see samjournal/reserve.py)
        if db is not None:
            db.after_commit = self._committed
            self._local.db = db
            self._open.append(db)

    # -- connection -------------------------------------------------------------------------

    @property
    def db(self) -> Database:
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            if self._key is None:
                raise keyed(JournalLocked, "locked")
            db = Database(self._db_path, self._key)
            db.after_commit = self._committed
            self._local.db = db
            with self._guard:
                self._open.append(db)
        return db

    @property
    def audit(self) -> AuditLog:
        if self._audit is None:
            self._audit = audit_log.for_db(self.db)
        return self._audit

    @property
    def data_key(self) -> bytes:
        if self._key is None:
            raise keyed(JournalLocked, "locked")
        return self._key

    @property
    def locked(self) -> bool:
        return self._key is None

    @property
    def marker(self) -> Marker:
        """The journal's high-water mark beside journal.db (see samjournal/mark.py)."""
        if self._marker is None:
            self._marker = Marker.for_db(self.db)
        return self._marker

    def _committed(self, db: Database) -> None:
        # The commit has happened: a mark that cannot be written only lags (never an alarm).
        with contextlib.suppress(SamJournalError, OSError, ValueError):
            self.marker.after_commit(db)
            record_vanished(self.marker, db)

    def close(self) -> None:
        if self._open and self._marker is not None and self._marker.wrote:
            with contextlib.suppress(SamJournalError):  # durable at lock: a power cut after it
                self._marker.write(current(self._open[0]), durable=True)  # hides nothing
            with contextlib.suppress(SamJournalError, OSError, ValueError):
                record_vanished(self._marker, self._open[0])  # found gone just now
        with self._guard:
            for db in self._open:
                db.close()
            self._open.clear()
        self._local = threading.local()
        self._key = None

    # -- who may do what --------------------------------------------------------------------

    @property
    def is_teamlead(self) -> bool:
        return self.user.role is Role.TEAMLEAD

    def require_teamlead(self, what: str) -> None:
        """`what` is an action's id in messages.ACTIONS (or, from code not moved to ids yet,
        its bokmål words)."""
        if not self.is_teamlead:
            raise keyed(PermissionDenied, "teamlead_only", what=action(what))

    def family_row(self, family_id: FamilyId) -> Row:
        """The family, if it exists and this user may see it; NotFound otherwise."""
        row = self.db.first(
            "SELECT * FROM families WHERE id = ? AND deleted_at IS NULL", (family_id,)
        )
        if row is None or not self.may_see(row):
            raise keyed(NotFound, "family_not_found")
        return row

    def may_see(self, family: Row) -> bool:
        return self.is_teamlead or UserId(family["owner_id"]) == self.user.id

    def visibility(self, alias: str = "f") -> tuple[str, tuple[object, ...]]:
        """A WHERE fragment limiting families to those this user may see."""
        if self.is_teamlead:
            return "1", ()
        return f"{alias}.owner_id = ?", (self.user.id,)

    # -- audit and change notices -----------------------------------------------------------

    def log(
        self,
        action: Action,
        entity: str = "",
        entity_id: object = "",
        family_id: int | None = None,
        detail: str = "",
    ) -> None:
        """Audit a change, inside its transaction. Every change is audited, so this is also
        where changes wait for room on a full disk."""
        self.require_room()
        self.audit.append(self.db, self.user.username, action, entity, entity_id, family_id, detail)

    def log_read(
        self,
        action: Action,
        entity: str = "",
        entity_id: object = "",
        family_id: int | None = None,
        detail: str = "",
        *,
        at: dt.datetime | None = None,
    ) -> None:
        """Audit a read (unlock, a case opened, a print, a backup) in its own transaction,
        committed before the read goes on. On a full disk the session turns to rescue mode and
        the event goes into the room the journal's reserve gave back; if even that is used up,
        the read is refused rather than left unaudited."""
        for last_try in (False, True):
            try:
                with self.db.transaction() as db:
                    self.audit.append(
                        db, self.user.username, action, entity, entity_id, family_id, detail, at
                    )
                break
            except DiskFull as exc:
                if self.rescue or last_try:
                    raise keyed(DiskFull, "no_room") from exc
                self.enter_rescue()
        if self.rescue:  # the -wal is rewritten from its start instead of growing
            with contextlib.suppress(SamJournalError):
                self.db.checkpoint("PASSIVE")

    def enter_rescue(self) -> None:
        """Give the reserve back and fold the -wal into journal.db with it, so that from here
        each read's event reuses the -wal's first pages instead of growing it."""
        reserve.release(self._db_path.parent)
        self.rescue = True
        with contextlib.suppress(SamJournalError):
            self.db.checkpoint()

    def require_room(self) -> None:
        if not self.rescue:
            return
        folder = self._db_path.parent
        if reserve.free_bytes(folder) >= 2 * reserve.RESERVE_BYTES and reserve.ensure(folder):
            self.rescue = False  # space is back: a new reserve, and changes go ahead
            return
        raise DiskFull()

    def emit(self, *entities: str, family_id: int | None = None) -> None:
        """Announce a committed change; call after the transaction, never inside it."""
        ids = frozenset({family_id} if family_id else ())
        self.announcer.emit(Changes(frozenset(entities), ids))
