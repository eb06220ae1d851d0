"""A thin raw-SQL layer over one SQLCipher connection: all / first / scalar / transaction.

The database is keyed with a raw 256-bit key (no SQLCipher KDF: the key already comes from the
keyring's Argon2id slots). Low-level errors are converted here into the public error tree.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import sqlcipher3
from sqlcipher3 import dbapi2

from samjournal.errors import (
    DiskFull,
    JournalBusy,
    JournalDamaged,
    JournalLocked,
    JournalReplaced,
    NotAJournal,
    ReadOnlyFolder,
    SamJournalError,
    StorageFailed,
)
from samjournal.folding import fold
from samjournal.fsutil import NO_SPACE_ERRNOS, READ_ONLY_ERRNOS, create_private
from samjournal.messages import keyed


class Row(Protocol):
    """A result row: by column name or index, and `dict(row)`."""

    def __getitem__(self, key: str | int, /) -> Any: ...
    def keys(self) -> list[str]: ...


Params = Sequence[Any] | dict[str, Any]
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",  # a committed line survives a power cut
    "PRAGMA cache_size = -65536",  # 64 MiB of decrypted pages
    "PRAGMA temp_store = MEMORY",  # no plaintext temp files on disk
    # Zero what is deleted or overwritten (SQLCipher's default, made explicit): a purged family
    # leaves nothing behind in free pages or cell gaps for anyone who holds the key.
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
    # Fold the -wal into journal.db every 64 pages (256 KiB), not SQLite's 1000: on a disk that
    # fills up, the journal's reserve (samjournal/reserve.py) must have room to finish that.
    "PRAGMA wal_autocheckpoint = 64",
)


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("data keys are 256 bits")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def convert_error(exc: Exception, path: Path | None = None) -> SamJournalError:
    """Map an sqlcipher3 or OS error onto the most specific public error."""
    text = str(exc).lower()
    if isinstance(exc, dbapi2.OperationalError) and ("locked" in text or "busy" in text):
        return keyed(JournalBusy, "db_busy")  # another process's write lock: busy, never damage
    read_only_folder = path is not None and not os.access(path.parent, os.W_OK)
    if "disk is full" in text or (isinstance(exc, OSError) and exc.errno in NO_SPACE_ERRNOS):
        return DiskFull()
    if "readonly" in text or (isinstance(exc, OSError) and exc.errno in READ_ONLY_ERRNOS):
        return ReadOnlyFolder()
    if isinstance(exc, OSError):
        return StorageFailed()
    if "unable to open" in text and read_only_folder:
        # WAL needs its -wal and -shm files beside the database: a read-only folder cannot.
        return ReadOnlyFolder()
    if "not a database" in text or "malformed" in text or "hmac" in text:
        if path is not None and _is_plain_sqlite(path):
            return keyed(NotAJournal, "plain_sqlite")
        return keyed(JournalDamaged, "db_damaged")
    return keyed(JournalDamaged, "db_error", problem=type(exc).__name__)


def _identity(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def _identity_or_none(path: Path) -> tuple[int, int] | None:
    try:
        return _identity(path)
    except OSError:
        return None


def _is_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == PLAIN_SQLITE_HEADER
    except OSError:
        return False


def _create_private(path: Path) -> None:
    """An empty owner-only file for SQLite to fill: it makes a new database with the default
    mode, and its -wal and -shm take the database file's mode. Any failure here (it exists, a
    missing folder) is left for SQLite to report as it always has."""
    with contextlib.suppress(OSError):
        create_private(path).close()


class Database:
    """One connection. Use one per thread; `transaction()` is the only way to write."""

    def __init__(self, path: Path, key: bytes, *, read_only: bool = False) -> None:
        self.path = path
        self.key = key
        # Called after each outer commit (the journal's high-water mark); never raises.
        self.after_commit: Callable[[Database], None] | None = None
        self._lock = threading.RLock()
        self._depth = 0
        try:
            if not read_only:
                _create_private(path)
            uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
            self._conn = sqlcipher3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False
            )
            self._conn.row_factory = dbapi2.Row
            # SQLCipher logs a wrong key's "hmac check failed" to stderr; errors say it here.
            self._conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
            self._conn.execute(_key_pragma(key))
            # Reading the schema is the first touch of page 1: a wrong key or a damaged
            # file fails here.
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not read_only:
                self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
            for pragma in _PRAGMAS:
                self._conn.execute(pragma)
            # Migration 0015 folds the search index's text in SQL, by the rule records fold
            # it with in Python (records/base.index): one function.
            self._conn.create_function("search_fold", 1, fold, deterministic=True)
            self._identity = _identity(path)
        except (dbapi2.Error, OSError) as exc:
            self.close()
            raise convert_error(exc, path) from exc
        if not self.scalar("SELECT sqlite_compileoption_used('ENABLE_FTS5')"):
            self.close()
            raise keyed(JournalDamaged, "no_fts5")

    # -- reads ------------------------------------------------------------------------------

    # Every use of the connection holds `_lock`: a connection belongs to one thread, but lock()
    # and rekey close all of a session's connections from whichever thread asks, and closing
    # one while another thread is inside a statement would free memory under its feet.

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        with self._lock:
            cursor = self._run(sql, params)
            return list(self._fetch(cursor.fetchall))

    def first(self, sql: str, params: Params = ()) -> Row | None:
        with self._lock:
            cursor = self._run(sql, params)
            row: Row | None = self._fetch(cursor.fetchone)
            return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        with self._lock:
            cursor = self._run(sql, params)
            row = self._fetch(cursor.fetchone)
            return None if row is None else row[0]

    def _fetch(self, fetch: Callable[[], Any]) -> Any:
        """A damaged page shows when its rows are read, after `execute` has returned."""
        try:
            return fetch()
        except (dbapi2.Error, OSError) as exc:
            raise convert_error(exc, self.path) from exc

    # -- writes -----------------------------------------------------------------------------

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement inside a transaction; return the last inserted rowid."""
        if self._depth == 0:
            raise RuntimeError("writes go through Database.transaction()")
        with self._lock:
            cursor = self._run(sql, params)
            return int(cursor.lastrowid or 0)

    def tuples(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples: for bulk reads, where row objects cost more than the query."""
        with self._lock:
            cursor = self._cursor()
            cursor.row_factory = None
            try:
                return list(cursor.execute(sql, params).fetchall())
            except dbapi2.IntegrityError:
                raise
            except (dbapi2.Error, OSError) as exc:
                raise convert_error(exc, self.path) from exc

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """One statement over many rows, inside a transaction."""
        if self._depth == 0:
            raise RuntimeError("writes go through Database.transaction()")
        with self._lock:
            try:
                self._cursor().executemany(sql, rows)
            except dbapi2.IntegrityError:
                raise
            except (dbapi2.Error, OSError) as exc:
                raise convert_error(exc, self.path) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN IMMEDIATE ... COMMIT; any exception rolls everything back. Nests as savepoints."""
        with self._lock:
            outer = self._depth == 0
            try:
                self._conn.execute("BEGIN IMMEDIATE" if outer else "SAVEPOINT nested")
            except dbapi2.Error as exc:
                raise convert_error(exc, self.path) from exc
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK" if outer else "ROLLBACK TO nested")
                    if not outer:
                        self._conn.execute("RELEASE nested")
                raise
            self._depth -= 1
            if outer and _identity_or_none(self.path) != self._identity:
                # A second guard behind the folder lock: never acknowledge a save into a file
                # that is no longer the journal (replaced by a restore or rekey elsewhere).
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK")
                raise keyed(JournalReplaced, "db_replaced")
            try:
                self._conn.execute("COMMIT" if outer else "RELEASE nested")
            except dbapi2.Error as exc:
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK")
                raise convert_error(exc, self.path) from exc
            if outer and self.after_commit is not None:
                self.after_commit(self)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Database]:
        """One read transaction: every read inside sees the same committed state, however many
        statements it takes and whatever another process commits meanwhile (WAL keeps the old
        pages). Checks that compare two tables need it, or a save between them looks like damage."""
        with self._lock:
            if self._depth or self._conn.in_transaction:
                yield self  # inside a transaction or a snapshot: already one view
                return
            try:  # the view is taken at the first read inside, and held to COMMIT
                self._conn.execute("BEGIN DEFERRED")
            except dbapi2.Error as exc:
                raise convert_error(exc, self.path) from exc
            try:
                yield self
            finally:
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("COMMIT")

    def executescript(self, script: str) -> None:
        with self._lock:
            try:
                self._conn.executescript(script)
            except dbapi2.Error as exc:
                with contextlib.suppress(dbapi2.Error):
                    self._conn.execute("ROLLBACK")
                raise convert_error(exc, self.path) from exc

    # -- maintenance ------------------------------------------------------------------------

    def checkpoint(self, mode: str = "TRUNCATE") -> None:
        self._run(f"PRAGMA wal_checkpoint({mode})", ())

    def export_to(self, dest: Path, key: bytes) -> None:
        """Write a complete copy of this database to `dest`, encrypted under `key`."""
        self.checkpoint()
        _create_private(dest)
        self._run(f"ATTACH DATABASE ? AS export KEY \"x'{key.hex()}'\"", (str(dest),))
        try:
            self._run("SELECT sqlcipher_export('export')", ())
            version = int(self.scalar("PRAGMA main.user_version"))
            self._run(f"PRAGMA export.user_version = {version}", ())
        finally:
            self._run("DETACH DATABASE export", ())

    def close(self) -> None:
        """Close the connection, waiting for a statement another thread may be running."""
        lock = getattr(self, "_lock", None)
        with lock if lock is not None else contextlib.nullcontext():
            conn = getattr(self, "_conn", None)
            if conn is not None:
                with contextlib.suppress(dbapi2.Error):
                    conn.close()
                self._conn = None

    def _cursor(self) -> Any:
        if getattr(self, "_conn", None) is None:
            raise keyed(JournalLocked, "locked")  # its connections close on lock
        return self._conn.cursor()

    def _run(self, sql: str, params: Params) -> Any:
        if getattr(self, "_conn", None) is None:
            raise keyed(JournalLocked, "locked")  # its connections close on lock
        try:
            return self._conn.execute(sql, params)
        except dbapi2.IntegrityError:
            raise  # constraint violations are the caller's to translate
        except (dbapi2.Error, OSError) as exc:
            raise convert_error(exc, self.path) from exc


def integrity_problems(db: Database) -> list[str]:
    """Both checks: SQLCipher's page HMACs, then SQLite's own structure and foreign keys.

    A check that cannot even run (a page too damaged to read) is itself a problem, not a crash.
    """
    problems: list[str] = []
    _refresh_fts5(db)
    for pragma, report in _CHECKS:
        try:
            found = [report(row) for row in db.all(f"PRAGMA {pragma}")]
        except JournalDamaged as exc:
            found = [f"{pragma}: {exc}"]
        problems += [p for p in found if p]
    return problems


def _refresh_fts5(db: Database) -> None:
    """An FTS5 table caches its structure per connection and `integrity_check` does not look
    whether another connection has written since: it reports a checksum mismatch in an intact
    index (SQLite 3.53). Any read of the table reloads the structure first."""
    for row in db.all(
        "SELECT name FROM sqlite_schema"
        " WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE %fts5%'"
    ):
        with contextlib.suppress(JournalDamaged):  # a damaged index is integrity_check's to report
            db.all(f'SELECT rowid FROM "{row[0]}" LIMIT 1')


_CHECKS: tuple[tuple[str, Callable[[Row], str | None]], ...] = (
    ("cipher_integrity_check", lambda r: str(r[0])),
    ("integrity_check", lambda r: None if r[0] == "ok" else str(r[0])),
    ("foreign_key_check", lambda r: f"foreign key: {r[0]} row {r[1]}"),
)
