"""What a handover file holds of one family: every row and earlier version, its consents and the
studies they are for, the audit trail, and the people who wrote it.

Rows travel as the sending journal stores them (column -> value), with this journal's ids; the
receiving side maps every id (REFS says which column points where). Columns are read as they are,
so a receiving journal with a newer schema takes what it knows and leaves its defaults.
"""

from __future__ import annotations

import json
from typing import Any

from samjournal.evaluation.release_state import unpack
from samjournal.records.instruments import OWN_ID
from samjournal.store import Database, Row

FORMAT, VERSION = "samjournal-handover", 1

# Tables in the order they are inserted on the receiving side (parents first), with the query for
# the family's rows (`:f` is the family id) and, per column, the kind of id it holds.
TABLES: tuple[tuple[str, str], ...] = (
    ("families", "SELECT * FROM families WHERE id = :f"),
    ("members", "SELECT * FROM members WHERE family_id = :f ORDER BY id"),
    ("meetings", "SELECT * FROM meetings WHERE family_id = :f ORDER BY id"),
    (
        "meeting_participants",
        "SELECT p.* FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id"
        " WHERE m.family_id = :f ORDER BY p.meeting_id, p.rowid",
    ),
    ("needs", "SELECT * FROM needs WHERE family_id = :f ORDER BY id"),
    ("payments", "SELECT * FROM payments WHERE family_id = :f ORDER BY id"),
    ("checkins", "SELECT * FROM checkins WHERE family_id = :f ORDER BY id"),
    (
        "consents",
        "SELECT c.* FROM consents c JOIN members m ON m.id = c.member_id"
        " WHERE m.family_id = :f ORDER BY c.id",
    ),
)
ENTITY_OF = {  # history.entity -> the table its entity_id is an id of
    "family": "families",
    "member": "members",
    "meeting": "meetings",
    "need": "needs",
    "payment": "payments",
    "checkin": "checkins",
}
USER = "users"
REFS: dict[str, dict[str, str]] = {
    "families": {"id": "families", "owner_id": USER, "updated_by": USER},
    "members": {"id": "members", "family_id": "families", "updated_by": USER},
    "meetings": {"id": "meetings", "family_id": "families", "updated_by": USER},
    "meeting_participants": {"meeting_id": "meetings", "member_id": "members", "user_id": USER},
    "needs": {
        "id": "needs",
        "family_id": "families",
        "agreed_meeting_id": "meetings",
        "updated_by": USER,
    },
    "payments": {
        "id": "payments",
        "family_id": "families",
        "need_id": "needs",
        "proposed_by": USER,
        "approved_by": USER,
        "updated_by": USER,
    },
    "checkins": {
        "id": "checkins",
        "family_id": "families",
        "member_id": "members",
        "updated_by": USER,
    },
    "consents": {
        "id": "consents",
        "member_id": "members",
        "recorded_by": USER,
        "withdrawn_by": USER,
    },
}
_HISTORY = " UNION ALL ".join(
    f"SELECT h.* FROM history h JOIN ({query.replace('SELECT *', 'SELECT id')}) r"
    f" ON h.entity = '{entity}' AND h.entity_id = r.id"
    for entity, table in ENTITY_OF.items()
    for name, query in TABLES
    if name == table
)


def _as_dict(row: Row) -> dict[str, Any]:
    return {k: row[k] for k in row.keys()}  # noqa: SIM118 - a Row is not a mapping


def _rows(db: Database, sql: str, family_id: int) -> list[dict[str, Any]]:
    return [_as_dict(r) for r in db.all(sql, {"f": family_id})]


def family_rows(db: Database, family_id: int) -> dict[str, list[dict[str, Any]]]:
    rows = {name: _rows(db, sql, family_id) for name, sql in TABLES}
    rows["history"] = sorted(
        _rows(db, _HISTORY, family_id), key=lambda r: (r["entity"], r["entity_id"], r["version"])
    )
    return rows


def people(db: Database, rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Everyone the rows name as an author, owner or participant, history's authors included."""
    ids: set[int] = set()
    for table, refs in REFS.items():
        for row in rows[table]:
            ids |= {row[c] for c, kind in refs.items() if kind == USER and row.get(c) is not None}
    for version in rows["history"]:
        ids.add(version["changed_by"])
        ids |= {u for u in _users_in_version(version) if u is not None}
    found = db.all(
        "SELECT id, username, display_name, role FROM users WHERE id IN"
        f" ({', '.join('?' for _ in ids)})",
        tuple(sorted(ids)),
    )
    return [_as_dict(r) for r in found]


def _users_in_version(version: dict[str, Any]) -> list[Any]:
    data = json.loads(version["data"])
    refs = REFS[ENTITY_OF[version["entity"]]]
    return [data.get(c) for c, kind in refs.items() if kind == USER]


def studies(db: Database, rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The studies the family's consents are for, so a journal without them can take them."""
    ids = sorted({c["study_id"] for c in rows["consents"]})
    if not ids:
        return []
    found = db.all(f"SELECT * FROM studies WHERE id IN ({', '.join('?' for _ in ids)})", tuple(ids))
    return [_as_dict(r) for r in found]


def instruments(db: Database, rows: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The definition of every instrument version the family's check-ins answered or its
    studies ask now, each with the study it belongs to ("study"; None for the journal's own)
    and the studies that ask it now, so the receiving journal reads (and keeps asking) the same
    questions. The journal's own instrument is known to every journal."""
    refs = {
        (c.get("study_id"), c["instrument_id"], c["instrument_version"]) for c in rows["checkins"]
    }
    ids = sorted({c["study_id"] for c in rows["consents"]})
    asked: dict[tuple[str | None, str, int], list[str]] = {}
    for r in db.all(
        "SELECT * FROM study_instruments WHERE study_id IN"
        f" ({', '.join('?' for _ in ids)}) ORDER BY study_id",
        tuple(ids),
    ):
        ident = r["instrument_id"]
        key = (None if ident == OWN_ID else r["study_id"], ident, r["instrument_version"])
        asked.setdefault(key, []).append(r["study_id"])
    found = []
    for study, ident, version in sorted(refs | set(asked), key=lambda k: (k[0] or "", *k[1:])):
        row = db.first(
            "SELECT definition FROM instruments WHERE study_id IS ? AND id = ? AND version = ?",
            (study, ident, version),
        )
        if row is not None:
            found.append(
                {
                    "study": study,
                    "definition": json.loads(row[0]),
                    "studies": asked.get((study, ident, version), []),
                }
            )
    return found


def studies_released(db: Database, family_id: int) -> list[dict[str, Any]]:
    """The family's household in each study it is released to: its pseudonyms (household and
    every record's), footprint, superseded true items and latest index date travel, so the
    evaluation sees the same household go on."""
    found = []
    for row in db.all(
        "SELECT study_id, pseudonym, records FROM evaluation_households"
        " WHERE family_id = ? AND retired = 0",
        (family_id,),
    ):
        records, footprint, superseded, latest = unpack(bytes(row["records"]))
        found.append(
            {
                "study": row["study_id"],
                "pseudonym": row["pseudonym"],
                "records": [[k.table, k.record_id, sent.body] for k, sent in records.items()],
                "footprint": sorted(footprint),
                "superseded": sorted(superseded),
                "latest": latest,
            }
        )
    return found


def trail(db: Database, family_id: int) -> list[dict[str, Any]]:
    """The family's audit events: who did what and when (the log carries no record content)."""
    return _rows(
        db,
        "SELECT seq, at, username, action, entity, entity_id, detail FROM audit"
        " WHERE family_id = :f ORDER BY seq",
        family_id,
    )
