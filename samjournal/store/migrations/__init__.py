"""Numbered schema migrations: `NNNN_name.sql` files applied in order, each in one transaction.

The applied version is kept in SQLite's `user_version` and every step is recorded in
`schema_migrations`, so a journal file from any earlier release upgrades in place at open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from samjournal.errors import JournalDamaged
from samjournal.messages import keyed
from samjournal.store.db import Database

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    found = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migrations must be numbered 0001, 0002, ... without gaps")
    return found


SCHEMA_VERSION = len(available())


def current_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def migrate(
    db: Database,
    *,
    target: int = SCHEMA_VERSION,
    on_upgrade: Callable[[], object] | None = None,
) -> list[int]:
    """Bring the database up to `target`; return the versions applied. `on_upgrade` is called
    once before the first step, if there is one: on a large journal an upgrade can take a while."""
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise keyed(JournalDamaged, "newer_journal")
    pending = [m for m in available() if version < m.version <= target]
    if pending and on_upgrade is not None:
        on_upgrade()
    for migration in pending:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        db.executescript(
            "BEGIN IMMEDIATE;\n"
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);\n"
            f"{migration.sql}\n;"
            f"INSERT INTO schema_migrations VALUES ({migration.version}, "
            f"'{migration.name}', '{now}');\n"
            f"PRAGMA user_version = {migration.version};\n"
            "COMMIT;"
        )
    return [m.version for m in pending]
