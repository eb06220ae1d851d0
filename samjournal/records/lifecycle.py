"""The end of a case: retention purge and erasure on request, both deleting for real.

Everything else in the journal keeps history and soft-deletes. These two remove a family and
every row that holds anything about it, in one transaction, and leave a content-free tombstone
in the audit log (the family id, the reason, row counts). The family's earlier audit rows stay:
the chain must still verify, and they carry no content (who, when, which record id). The
evaluation export reads a family that is gone as a tombstone for every study it reached.

Deleted content must not linger inside the database file either: the store runs with
`secure_delete` (freed cells and pages are zeroed), the purge merges the search index so no
deleted term survives in an old segment, and checkpoints the WAL afterwards. Older backups
still hold the family until they are replaced; that is the backup routine's to manage.
"""

from __future__ import annotations

import datetime as dt
import re

from samjournal import validation as v
from samjournal.audit import Action
from samjournal.context import Context
from samjournal.errors import NotFound
from samjournal.messages import invalid, keyed
from samjournal.model import FamilyId, PurgeCandidate, Purged
from samjournal.records.base import FAMILY_SHIFT
from samjournal.store import Database, Row

# Children before parents, as the foreign keys require; `:f` is the family id. History and the
# search index go first, while the ids they refer to can still be looked up.
_IDS = {
    "family": "SELECT :f",
    "member": "SELECT id FROM members WHERE family_id = :f",
    "meeting": "SELECT id FROM meetings WHERE family_id = :f",
    "need": "SELECT id FROM needs WHERE family_id = :f",
    "payment": "SELECT id FROM payments WHERE family_id = :f",
    "checkin": "SELECT id FROM checkins WHERE family_id = :f",
}
_HISTORY = " OR ".join(f"(entity = '{e}' AND entity_id IN ({ids}))" for e, ids in _IDS.items())
DELETES: tuple[tuple[str, str], ...] = (
    ("history", _HISTORY),
    # The family's slice of rowids (base.search_rowid): a range FTS5 reads without a scan.
    ("search_index", f"rowid >= :f << {FAMILY_SHIFT} AND rowid < (:f + 1) << {FAMILY_SHIFT}"),
    ("consents", f"member_id IN ({_IDS['member']})"),
    ("checkins", "family_id = :f"),
    ("payments", "family_id = :f"),
    (
        "meeting_participants",
        f"meeting_id IN ({_IDS['meeting']}) OR member_id IN ({_IDS['member']})",
    ),
    ("needs", "family_id = :f"),
    ("meetings", "family_id = :f"),
    ("members", "family_id = :f"),
    ("family_totals", "family_id = :f"),  # the cascade would, but every table is named here
    ("handover_trail", "family_id = :f"),  # the audit trail a received family came with
    ("families", "id = :f"),
)
# Tables that keep a family's id on purpose, with no content: the audit log (append-only, its
# chain must verify), the evaluation export's households (a missing family is a tombstone), and
# the handovers sent and received (ids, case numbers and receipts: a repeated file or receipt
# must still be known for what it is).
KEPT = frozenset({"audit", "evaluation_households", "handovers_in", "handovers_out"})

_WORD = re.compile(r"\w+")
_GENERIC = frozenset({"familien", "familie", "family", "the", "og", "and"})


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)


def ended_on(row: Row) -> dt.date | None:
    """When the retention clock started: the closing date, else the day the case was removed."""
    if row["status"] == "closed" and row["closed_on"]:
        return dt.date.fromisoformat(row["closed_on"])
    if row["deleted_at"]:
        return dt.datetime.fromisoformat(row["deleted_at"]).date()
    return None


def retention_years(ctx: Context) -> int:
    value = ctx.db.scalar("SELECT value FROM settings WHERE key = 'retention_years'")
    return int(value or 10)


def due_for_purge(ctx: Context, today: dt.date | None = None) -> list[PurgeCandidate]:
    """Closed (or removed) cases whose retention period has run out, the longest overdue first."""
    ctx.require_teamlead("see_purge_due")
    today = today or dt.date.today()
    years = retention_years(ctx)
    found = []
    for row in ctx.db.all(
        "SELECT f.*, u.display_name AS owner FROM families f JOIN users u ON u.id = f.owner_id"
        " WHERE (f.status = 'closed' AND f.closed_on IS NOT NULL) OR f.deleted_at IS NOT NULL"
    ):
        ended = ended_on(row)
        if ended is None:
            continue
        due = add_years(ended, years)
        if due <= today:
            found.append(
                PurgeCandidate(
                    id=FamilyId(row["id"]),
                    case_number=row["case_number"],
                    display_name=row["display_name"],
                    owner=row["owner"],
                    ended_on=ended,
                    due_on=due,
                    removed=row["deleted_at"] is not None,
                )
            )
    found.sort(key=lambda c: (c.due_on, c.case_number))
    return found


def purge(ctx: Context, family_id: FamilyId, reason: str, today: dt.date | None = None) -> Purged:
    """Retention: delete a case whose period has run out (team lead)."""
    ctx.require_teamlead("purge_cases")
    why = v.text("reason", reason, required=True)
    with ctx.db.transaction():
        row = _any_family(ctx, family_id)
        ended = ended_on(row)
        if ended is None:
            raise invalid("status", "purge_not_closed")
        due = add_years(ended, retention_years(ctx))
        if due > (today or dt.date.today()):
            raise invalid("retention", "retention_runs", until=due.isoformat())
        result = _delete(ctx, row, Action.PURGE, why)
    _settle(ctx, family_id)
    return result


def erase(ctx: Context, family_id: FamilyId, reason: str) -> Purged:
    """The family's right to erasure: the same deletion, open cases too (team lead)."""
    ctx.require_teamlead("purge_family")
    why = v.text("reason", reason, required=True)
    with ctx.db.transaction():
        result = _delete(ctx, _any_family(ctx, family_id), Action.ERASE, why)
    _settle(ctx, family_id)
    return result


def _any_family(ctx: Context, family_id: FamilyId) -> Row:
    """The family, removed ones included (only team leads get here, and they see all)."""
    row = ctx.db.first("SELECT * FROM families WHERE id = ?", (family_id,))
    if row is None:
        raise keyed(NotFound, "family_not_found")
    return row


def _delete(ctx: Context, family: Row, action: Action, reason: str) -> Purged:
    family_id = FamilyId(family["id"])
    _check_reason(ctx, family, reason)
    rows = delete_family_rows(ctx.db, family_id)
    ctx.log(action, "family", family_id, family_id, detail=f"{reason} [{counted(rows)}]")
    return Purged(family_id, rows)


def delete_family_rows(db: Database, family_id: int) -> dict[str, int]:
    """Every row about the family, for real (inside the caller's transaction): rows per table.
    Also what a handover's receipt does (samjournal/handover)."""
    rows: dict[str, int] = {}
    for table, where in DELETES:  # the store runs with secure_delete: freed space is zeroed
        db.execute(f"DELETE FROM {table} WHERE {where}", {"f": family_id})
        rows[table] = int(db.scalar("SELECT changes()"))
    # A deleted FTS5 row leaves its terms in older index segments until they are merged.
    db.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return rows


def counted(rows: dict[str, int]) -> str:
    """Rows per table, for the audit tombstone: "families 1, members 3"."""
    return ", ".join(f"{t} {n}" for t, n in rows.items() if n)


def _settle(ctx: Context, family_id: FamilyId) -> None:
    """After the commit: move the WAL into the database so no old page image stays in it."""
    ctx.db.checkpoint()
    ctx.emit("family", family_id=family_id)


def _check_reason(ctx: Context, family: Row, reason: str) -> None:
    """The reason stays in the audit log forever, so it must not name the family."""
    members = ctx.db.all(
        "SELECT name, national_id, phone FROM members WHERE family_id = ?", (family["id"],)
    )
    earlier = ctx.db.all(  # names as they were before an edit
        "SELECT coalesce(json_extract(data, '$.display_name'), json_extract(data, '$.name'))"
        f" AS name FROM history WHERE entity IN ('family', 'member') AND ({_HISTORY})",
        {"f": family["id"]},
    )
    words = {w.casefold() for w in _WORD.findall(reason)}
    names = [family["display_name"], *(m["name"] for m in members)]
    names += [str(r["name"]) for r in earlier if r["name"]]
    named = any(
        w.casefold() in words and w.casefold() not in _GENERIC
        for name in names
        for w in _WORD.findall(name)
        if len(w) >= 2
    )
    numbers = [family["case_number"], *(m["national_id"] or "" for m in members)]
    numbers += [re.sub(r"\D", "", m["phone"]) for m in members]
    digits = re.sub(r"\D", "", reason)
    numbered = any(
        n and (n in reason or (n.isdigit() and len(n) >= 5 and n in digits)) for n in numbers
    )
    if named or numbered:
        raise invalid("reason", "reason_identifies")
