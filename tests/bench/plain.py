"""The journal's own store and sections on an unencrypted SQLite copy, for the comparison.

The copy is made by SQLCipher itself (`sqlcipher_export` into a database attached with an empty
key), so schema, rows, indexes and the search index are the same. The plain side then runs the very
same code: `Database` with its pragmas, `Context`, and the facade's sections, minus the key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from samjournal.audit import Action
from samjournal.context import Context
from samjournal.journal import Journal
from samjournal.model import User
from samjournal.records.users import user_from_row
from samjournal.store import Database, db, migrate


@contextlib.contextmanager
def _without_key() -> Iterator[None]:
    # Database always keys its connection; for the plain copy that one statement is a no-op.
    keyed = db._key_pragma
    db._key_pragma = lambda key: "SELECT 1"
    try:
        yield
    finally:
        db._key_pragma = keyed


class PlainDatabase(Database):
    """`Database` with every pragma it sets, on a plain SQLite file."""

    def __init__(self, path: Path) -> None:
        with _without_key():
            super().__init__(path, b"")


class PlainContext(Context):
    """A session as `user` whose connection is a PlainDatabase."""

    def __init__(self, path: Path, user: User) -> None:
        super().__init__(path, bytes(32), user)
        self._plain: PlainDatabase | None = None

    @property
    def db(self) -> Database:
        if self._plain is None:
            self._plain = PlainDatabase(self._db_path)
        return self._plain

    def close(self) -> None:
        if self._plain is not None:
            self._plain.close()
        super().close()


def export_plain(journal: Journal, target: Path) -> None:
    """`ATTACH DATABASE ... KEY ''` and `sqlcipher_export`: a plaintext copy of the journal."""
    conn = journal._ctx.db
    conn.checkpoint()
    conn.all("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    try:
        conn.scalar("SELECT sqlcipher_export('plain')")
        version = int(conn.scalar("PRAGMA main.user_version"))
        conn.all(f"PRAGMA plain.user_version = {version}")
    finally:
        conn.all("DETACH DATABASE plain")


def plain_unlock(path: Path, username: str) -> PlainContext:
    """What `Journal.open` does once the key slot is open, replayed on the plain copy."""
    first = PlainDatabase(path)
    try:
        migrate(first)
        row = first.first(
            "SELECT * FROM users WHERE username = ? AND removed_at IS NULL", (username,)
        )
    finally:
        first.close()
    ctx = PlainContext(path, user_from_row(row))
    with ctx.db.transaction():
        ctx.log(Action.UNLOCK, "user", username)
    return ctx
