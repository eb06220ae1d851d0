"""What every versioned record shares: insert, update with history, soft delete, search index."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from samjournal.audit import Action
from samjournal.context import Context, iso, utcnow
from samjournal.errors import NotFound
from samjournal.folding import fold
from samjournal.messages import RECORDS, keyed
from samjournal.model import FamilyId, Version
from samjournal.store import Row

# A search row's FTS rowid packs its family, entity and record id (migration 0005), so replacing
# one is a lookup, and which families match is read from the index alone: the family_id column is
# stored in FTS5's content table, and fetching it row by row made a short prefix slow.
ENTITY_CODES = {"family": 1, "member": 2, "meeting": 3, "need": 4, "payment": 5}
FAMILY_SHIFT, ENTITY_SHIFT = 39, 36  # room for 2**24 families and 2**36 records of each kind


def search_rowid(family_id: int, entity: str, entity_id: int) -> int:
    if family_id >> (63 - FAMILY_SHIFT) or entity_id >> ENTITY_SHIFT:
        raise OverflowError("search rowid out of range")  # never, short of 16 million families
    return family_id << FAMILY_SHIFT | ENTITY_CODES[entity] << ENTITY_SHIFT | entity_id


class Section:
    """A part of the facade (families, meetings, ...) working in the shared session."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx


def insert(ctx: Context, table: str, values: dict[str, Any]) -> int:
    now = iso(utcnow())
    columns = {**values, "updated_at": now, "updated_by": ctx.user.id}
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return ctx.db.execute(
        f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(columns.values())
    )


def update(ctx: Context, table: str, entity: str, row: Row, changes: dict[str, Any]) -> int:
    """Keep the current version in history, then apply `changes`; return the new version."""
    changed = {k: v for k, v in changes.items() if row[k] != v}
    if not changed:
        return int(row["version"])
    _keep(ctx, entity, row)
    sets = ", ".join(f"{k} = ?" for k in changed)
    ctx.db.execute(
        f"UPDATE {table} SET {sets}, version = version + 1, updated_at = ?, updated_by = ?"
        " WHERE id = ?",
        (*changed.values(), iso(utcnow()), ctx.user.id, row["id"]),
    )
    return int(row["version"]) + 1


def soft_delete(ctx: Context, table: str, entity: str, row: Row, reason: str) -> None:
    _keep(ctx, entity, row)
    ctx.db.execute(
        f"UPDATE {table} SET deleted_at = ?, delete_reason = ?, version = version + 1,"
        " updated_at = ?, updated_by = ? WHERE id = ?",
        (iso(utcnow()), reason, iso(utcnow()), ctx.user.id, row["id"]),
    )
    family_id = row["id"] if entity == "family" else row["family_id"]
    unindex(ctx, entity, int(row["id"]), int(family_id))


def _keep(ctx: Context, entity: str, row: Row) -> None:
    ctx.db.execute(
        "INSERT INTO history (entity, entity_id, version, data, changed_by, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            entity,
            row["id"],
            row["version"],
            json.dumps(dict(row), ensure_ascii=False),
            row["updated_by"],
            row["updated_at"],
        ),
    )


def versions(ctx: Context, table: str, entity: str, entity_id: int) -> list[Version]:
    """Every version of a record, oldest first, the current one last."""
    names = {r["id"]: r["username"] for r in ctx.db.all("SELECT id, username FROM users")}
    found = [
        Version(
            entity,
            entity_id,
            int(r["version"]),
            json.loads(r["data"]),
            names.get(r["changed_by"], "?"),
            dt.datetime.fromisoformat(r["changed_at"]),
        )
        for r in ctx.db.all(
            "SELECT * FROM history WHERE entity = ? AND entity_id = ? ORDER BY version",
            (entity, entity_id),
        )
    ]
    current = ctx.db.first(f"SELECT * FROM {table} WHERE id = ?", (entity_id,))
    if current is None:
        raise keyed(NotFound, "record_not_found")
    found.append(
        Version(
            entity,
            entity_id,
            int(current["version"]),
            dict(current),
            names.get(current["updated_by"], "?"),
            dt.datetime.fromisoformat(current["updated_at"]),
            current["delete_reason"] or "",
        )
    )
    return found


def index(ctx: Context, entity: str, entity_id: int, family_id: int, *parts: str) -> None:
    """A record's text in the search index: as written, and folded (folding.fold) to match."""
    rowid = search_rowid(family_id, entity, entity_id)
    ctx.db.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    body = "\n".join(p for p in parts if p)
    if body:
        ctx.db.execute(
            "INSERT INTO search_index (rowid, body, folded, family_id, entity, entity_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (rowid, body, fold(body), family_id, entity, entity_id),
        )


def unindex(ctx: Context, entity: str, entity_id: int, family_id: int) -> None:
    if entity not in ENTITY_CODES:  # never indexed (a check-in): its removal was a KeyError
        return
    rowid = search_rowid(family_id, entity, entity_id)
    ctx.db.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))


def owned_row(ctx: Context, table: str, record_id: int) -> Row:
    """A live record whose family this user may see."""
    row = ctx.db.first(f"SELECT * FROM {table} WHERE id = ? AND deleted_at IS NULL", (record_id,))
    if row is None:
        raise keyed(NotFound, "not_found", what=RECORDS[table])
    ctx.family_row(FamilyId(row["family_id"]))
    return row


def log_update(ctx: Context, entity: str, row_id: int, family_id: int, detail: str = "") -> None:
    ctx.log(Action.UPDATE, entity, row_id, family_id, detail)


def log_create(ctx: Context, entity: str, row_id: int, family_id: int, detail: str = "") -> None:
    ctx.log(Action.CREATE, entity, row_id, family_id, detail)


def date_or_none(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def time_or_none(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)
