"""Adding a received family: every id mapped, the authors kept as people of the sending journal.

One transaction: a killed import leaves nothing, and importing the same file again finds its
handover id and changes nothing. The family gets a new case number and the importing team lead as
its owner, as one more version on top of the versions it came with, so its history shows both the
old number and the hand-over.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from samjournal.context import Context, iso, utcnow
from samjournal.errors import HandoverRejected, NotFound, ValidationError
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Sent
from samjournal.handover.checks import SET_HERE, bad_value, checked, consistent, ident, released
from samjournal.handover.collect import ENTITY_OF, REFS, TABLES, USER
from samjournal.instruments.parse import instrument_from_json
from samjournal.messages import invalid, keyed
from samjournal.records.base import index
from samjournal.records.checkins import answered
from samjournal.records.families import next_case_number
from samjournal.records.instruments import check_storable, store
from samjournal.store import Database

# What the search index holds of each live row (as the record modules index it).
SEARCHED = {
    "families": ("family", ("display_name", "case_number")),
    "members": ("member", ("name",)),
    "meetings": ("meeting", ("family_words", "agreed")),
    "needs": ("need", ("description",)),
    "payments": ("payment", ("purpose",)),
}


@dataclass(frozen=True, slots=True)
class Received:
    family_id: int
    case_number: str
    old_case_number: str
    receipt: str
    again: bool  # the file had been imported before: nothing changed


class _Ids:
    """Old id -> new id, per table."""

    def __init__(self) -> None:
        self.maps: dict[str, dict[int, int]] = {name: {} for name, _ in TABLES}
        self.maps[USER] = {}

    def map(self, table: str, old: Any) -> Any:
        if old is None:
            return None
        try:
            return self.maps[table][ident(old)]
        except KeyError as exc:
            raise keyed(HandoverRejected, "handover_missing_rows") from exc

    def add(self, table: str, old: Any, new: int) -> None:
        """Row `old` of the file is row `new` here; a file that gives two rows one id would
        link the second's rows to the first."""
        known = self.maps[table]
        old = ident(old)
        if old in known:
            raise keyed(HandoverRejected, "handover_lacks")
        known[old] = new

    def remap(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        refs = REFS[table]
        return {c: (self.map(refs[c], v) if c in refs and c != "id" else v) for c, v in row.items()}


def _columns(db: Database, table: str) -> set[str]:
    return {r["name"] for r in db.all(f"PRAGMA table_info({table})")}


def _required(db: Database, table: str) -> set[str]:
    """The columns a row must give: NOT NULL without a default (the id apart)."""
    return {
        r["name"]
        for r in db.all(f"PRAGMA table_info({table})")
        if r["notnull"] and r["dflt_value"] is None and not r["pk"]
    }


def _insert(db: Database, table: str, values: dict[str, Any], known: set[str]) -> int:
    """A row the schema takes: one lacking a column it needs, or naming a study or an
    instrument this journal does not hold, is refused here by key, not by SQLite (a
    constraint's error reads as a damaged journal)."""
    kept = {c: v for c, v in values.items() if c in known}
    if not _required(db, table) <= {c for c, v in kept.items() if v is not None}:
        raise keyed(HandoverRejected, "handover_lacks")
    if table == "consents":
        if not db.first("SELECT 1 FROM studies WHERE id = ?", (kept["study_id"],)):
            raise keyed(HandoverRejected, "handover_missing_rows")
        # Only adults consent (records/consents.py); a child's consent made the family answer
        # that study's instruments (review s28).
        if db.first("SELECT 1 FROM members WHERE id = ? AND is_child", (kept["member_id"],)):
            raise bad_value("member", invalid("member", "consent_adults"))
        # One active consent per member and study, as the form gives them: with two, the one
        # withdrawn here left the other, and the family went on to the evaluator.
        if kept.get("withdrawn_on") is None and db.first(
            "SELECT 1 FROM consents WHERE member_id = ? AND study_id = ? AND withdrawn_on IS NULL",
            (kept["member_id"], kept["study_id"]),
        ):
            raise bad_value("consent", invalid("consent", "consent_active"))
    if table == "checkins":
        if not db.first(
            "SELECT 1 FROM instruments WHERE study_id IS ? AND id = ? AND version = ?",
            (kept.get("study_id"), kept["instrument_id"], kept["instrument_version"]),
        ):
            raise keyed(HandoverRejected, "handover_missing_rows")
        # The answers as the check-in's form takes them, and the score columns copied from
        # them: each column alone held its rule, but answers to no item of the instrument, or
        # scores the answers did not give, were taken in (review s27).
        kept.update(_answers(db, kept))
    names = ", ".join(kept)
    marks = ", ".join("?" for _ in kept)
    return db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(kept.values()))


def _answers(db: Database, row: dict[str, Any]) -> dict[str, object]:
    """records.checkins.answered for a received check-in, or an earlier version of one;
    refused by key."""
    try:
        return answered(db, row)
    except KeyError as exc:
        raise keyed(HandoverRejected, "handover_lacks") from exc
    except NotFound as exc:
        raise keyed(HandoverRejected, "handover_missing_rows") from exc
    except ValidationError as exc:
        raise bad_value("answer", exc) from exc


def people(ctx: Context, ids: _Ids, from_journal: str, found: list[dict[str, Any]]) -> None:
    """The sending journal's people as users here who can never sign in."""
    now = iso(utcnow())
    for person in (checked("people", p) for p in found):
        username = f"{person['username']}@{from_journal[:8]}"
        row = ctx.db.first(
            "SELECT id FROM users WHERE username = ? AND origin = ?", (username, from_journal)
        )
        if row is None:
            new = ctx.db.execute(
                "INSERT INTO users (username, display_name, role, created_at, removed_at, origin)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    username,
                    str(person["display_name"]),
                    str(person["role"]),
                    now,
                    now,
                    from_journal,
                ),
            )
        else:
            new = int(row["id"])
        ids.maps[USER][int(person["id"])] = new


def add_family(
    ctx: Context, payload: dict[str, Any], from_journal: str, handover_id: str
) -> tuple[int, str, str]:
    """Insert the rows; the new family id, its new case number and its old one."""
    db = ctx.db
    ids = _Ids()
    people(ctx, ids, from_journal, payload["people"])
    rows: dict[str, list[dict[str, Any]]] = payload["rows"]
    if len(rows.get("families", [])) != 1:
        raise keyed(HandoverRejected, "handover_not_one_family")
    received = checked("families", rows["families"][0])
    old_number = str(received["case_number"])
    opened = dt.date.fromisoformat(str(received["opened_on"])[:10])
    number = next_case_number(db, opened)
    for study in payload.get("studies", []):
        known = _columns(db, "studies") - SET_HERE["studies"]
        kept = {c: v for c, v in checked("studies", study).items() if c in known}
        if not {"id"} | _required(db, "studies") <= {c for c, v in kept.items() if v is not None}:
            raise keyed(HandoverRejected, "handover_lacks")
        names = ", ".join(kept)
        db.execute(
            f"INSERT OR IGNORE INTO studies ({names}) VALUES ({', '.join('?' for _ in kept)})",
            tuple(kept.values()),
        )
    _instruments(db, payload.get("instruments", []))
    for table, _ in TABLES:
        known = _columns(db, table)
        for row in rows.get(table, []):
            values = checked(table, row)
            consistent(table, values)
            values = ids.remap(table, values)
            values.pop("id", None)
            if table == "families":
                values.update(
                    case_number=number,
                    owner_id=ctx.user.id,
                    version=int(row["version"]) + 1,
                    updated_at=iso(utcnow()) or "",
                    updated_by=ctx.user.id,
                )
            new = _insert(db, table, values, known)
            if "id" in row:
                ids.add(table, row["id"], new)
    family_id = ids.map("families", received["id"])
    # A record's versions, each once: the family's as it came among them (a repeated one was
    # an SQLite constraint error, review s28).
    seen = {("family", family_id, int(received["version"]))}
    for version in (checked("history", h) for h in rows.get("history", [])):
        entity_table = ENTITY_OF.get(str(version["entity"]))
        if entity_table is None:
            raise keyed(HandoverRejected, "handover_unknown_history")
        data = ids.remap(entity_table, checked(entity_table, json.loads(version["data"])))
        data["id"] = ids.map(entity_table, data.get("id"))
        entity_id = ids.map(entity_table, version["entity_id"])
        key = (str(version["entity"]), entity_id, version["version"])
        if key in seen:
            raise keyed(HandoverRejected, "handover_repeated_version")
        seen.add(key)
        # An earlier version's answers, to the same instrument; a version kept before check-ins
        # had answers (migration 0010) has only the score columns, each held to its rule.
        if entity_table == "checkins" and "answers" in data:
            data.update(_answers(db, data))
        db.execute(
            "INSERT INTO history (entity, entity_id, version, data, changed_by, changed_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                version["entity"],
                entity_id,
                int(version["version"]),
                json.dumps(data, ensure_ascii=False),
                ids.map(USER, version["changed_by"]),
                version["changed_at"],
            ),
        )
    # The family as it came, kept as the version before the hand-over.
    came = ids.remap("families", received)
    came["id"] = family_id
    db.execute(
        "INSERT INTO history (entity, entity_id, version, data, changed_by, changed_at)"
        " VALUES ('family', ?, ?, ?, ?, ?)",
        (
            family_id,
            int(received["version"]),
            json.dumps(came, ensure_ascii=False),
            came["updated_by"],
            received["updated_at"],
        ),
    )
    _index(ctx, ids, rows, family_id)
    db.execute("INSERT INTO family_totals_refresh VALUES (?)", (family_id,))
    _trail(db, ids, handover_id, family_id, payload.get("trail", []))
    _released(db, ids, family_id, payload.get("released", []))
    return family_id, number, old_number


def _instruments(db: Database, found: list[dict[str, Any]]) -> None:
    """Keep the instrument versions the family answered, each as its study's (or the journal's
    own); a study new here asks what it asked there until its profile is imported here. The
    same study's version with other questions is refused (records/instruments.py, store), so an
    answer never changes meaning on the way."""
    for entry in found:
        try:
            form = instrument_from_json(entry["definition"])
            study = entry.get("study")
            if study is not None and not isinstance(study, str):
                raise TypeError("study")
            # As a study profile's: the journal's own instrument is this version's code, never
            # a file's (a forged one stored as its own refused every check-in made here after,
            # review s28), and a version held here with other questions is refused.
            check_storable(db, study, (form,))
            store(db, form, study)
        except (KeyError, TypeError, AttributeError, ValidationError) as exc:
            raise keyed(HandoverRejected, "handover_invalid_instrument") from exc
        asked = entry.get("studies", [])
        if not isinstance(asked, list) or not all(isinstance(a, str) for a in asked):
            raise keyed(HandoverRejected, "handover_invalid_instrument")
        for asking in asked:
            if db.first("SELECT 1 FROM studies WHERE id = ?", (asking,)) and not db.first(
                "SELECT 1 FROM study_instruments WHERE study_id = ? AND instrument_id = ?",
                (asking, form.id),
            ):
                db.execute(
                    "INSERT INTO study_instruments (study_id, instrument_id, instrument_version)"
                    " VALUES (?, ?, ?)",
                    (asking, form.id, form.version),
                )


# evaluation_households names records by the export's table names.
_RELEASED_TABLES = {
    "households": "families",
    **{table: table for table in ("members", "meetings", "needs", "payments", "checkins")},
}


def _released(db: Database, ids: _Ids, family_id: int, studies: list[dict[str, Any]]) -> None:
    """The household's pseudonyms in each study, on the new record ids. Nothing counts as sent
    from this journal yet (version 0), so its next bundle sends every row, under the same
    pseudonyms; the footprint, superseded true items and latest index date keep what the study
    already holds of the household (a handover made before they were kept has none)."""
    for study in (released(s, _RELEASED_TABLES.keys()) for s in studies):
        if not db.first("SELECT 1 FROM studies WHERE id = ?", (study["study"],)):
            continue  # a study this journal does not take part in
        records = {
            RecordKey(table, ids.map(_RELEASED_TABLES[table], record_id)): Sent(str(body))
            for table, record_id, body in study["records"]
        }
        state = HouseholdState(
            None,
            family_id,
            str(study["pseudonym"]),
            records,
            set(study["footprint"]),
            set(study.get("superseded", ())),
            _latest(study.get("latest")),
        )
        db.execute(
            "INSERT OR IGNORE INTO evaluation_households (study_id, pseudonym, family_id, records)"
            " VALUES (?, ?, ?, ?)",
            (study["study"], state.pseudonym, family_id, state.pack()),
        )


def _latest(value: object) -> int:
    """The household's latest index date as the sender's check took it (an ordinal); 0 when the
    handover has none (made before it was kept): the check then takes the true opening day."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value if 0 < value <= dt.date.max.toordinal() else 0


def _trail(
    db: Database, ids: _Ids, handover_id: str, family_id: int, events: list[dict[str, Any]]
) -> None:
    """The sending journal's audit events of the family, ids mapped where they name a record."""
    for event in (checked("trail", e) for e in events):
        entity, entity_id = str(event["entity"]), str(event["entity_id"])
        table = ENTITY_OF.get(entity)
        if table is not None and entity_id.isdigit():
            entity_id = str(ids.maps[table].get(int(entity_id), entity_id))
        db.execute(
            "INSERT INTO handover_trail (handover_id, family_id, at, username, action, entity,"
            " entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                handover_id,
                family_id,
                str(event["at"]),
                str(event["username"]),
                str(event["action"]),
                entity,
                entity_id,
                str(event["detail"]),
            ),
        )


def _index(ctx: Context, ids: _Ids, rows: dict[str, list[dict[str, Any]]], family_id: int) -> None:
    for table, (entity, columns) in SEARCHED.items():
        for row in rows.get(table, []):
            if row.get("deleted_at"):
                continue
            new_id = ids.map(table, row["id"])
            fresh = ctx.db.first(f"SELECT * FROM {table} WHERE id = ?", (new_id,))
            assert fresh is not None
            index(ctx, entity, new_id, family_id, *(str(fresh[c] or "") for c in columns))
