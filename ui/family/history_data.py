"""The family's history as data: every version of the case record and of its members, meetings,
needs and payments, each compared with the version before it. Read and compared on the
database worker (no Qt here); `history_format` turns it into words on the GUI thread."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

from samjournal.journal import Journal
from samjournal.model import AuditEvent, FamilyDetail, Version

# Columns every versioned table has that say nothing about the content.
BOOKKEEPING = frozenset({"id", "family_id", "version", "updated_at", "updated_by"})
ENTITIES = ("family", "member", "meeting", "need", "payment", "checkin")
ANSWER = "answer:"  # a check-in's answer to one item, as a field of its own in the history
# A check-in's columns that copy its answers (the scores) or name its instrument by parts.
_CHECKIN_COPIES = frozenset(
    {"answers", "instrument_id", "instrument_version", "life_satisfaction", "economy"}
    | {"housing", "health", "social", "trust", "participation"}
)
CREATED, CHANGED, REMOVED = "created", "changed", "removed"


@dataclass(frozen=True)
class RecordVersion:
    """One version of one record and what changed since the version before."""

    entity: str
    entity_id: int
    version: Version
    previous: dict[str, object] | None  # None for the first version
    changed: tuple[str, ...]  # the fields that differ from `previous` (none when created)
    latest: dict[str, object]  # the record as it is now, to name it by

    @property
    def kind(self) -> str:
        if self.previous is None:
            return CREATED
        if self.version.data.get("deleted_at") and not self.previous.get("deleted_at"):
            return REMOVED
        return CHANGED

    @property
    def at(self) -> dt.datetime:
        return self.version.changed_at


@dataclass(frozen=True)
class FamilyHistory:
    versions: list[RecordVersion]  # newest first
    events: list[AuditEvent]  # newest first


def changed_fields(before: dict[str, object], after: dict[str, object]) -> tuple[str, ...]:
    keys = [k for k in after if k not in BOOKKEEPING]
    keys += [k for k in before if k not in BOOKKEEPING and k not in after]
    return tuple(k for k in keys if before.get(k) != after.get(k))


def checkin_fields(data: dict[str, object]) -> dict[str, object]:
    """A check-in version with each answer a field of its own ("answer:help_time"), so the
    history says which answer changed instead of "answers"."""
    out = {k: v for k, v in data.items() if k not in _CHECKIN_COPIES}
    out["instrument"] = f"{data.get('instrument_id')} {data.get('instrument_version')}"
    raw = data.get("answers")
    answers = json.loads(raw) if isinstance(raw, str) else raw
    if isinstance(answers, dict):
        out.update({ANSWER + str(k): v for k, v in answers.items()})
    return out


def compare(entity: str, entity_id: int, versions: list[Version]) -> list[RecordVersion]:
    """Each version beside the one before it (versions come oldest first)."""
    if not versions:
        return []
    latest = versions[-1].data
    out: list[RecordVersion] = []
    previous: dict[str, object] | None = None
    for version in versions:
        changed = () if previous is None else changed_fields(previous, version.data)
        out.append(RecordVersion(entity, entity_id, version, previous, changed, latest))
        previous = version.data
    return out


def read_history(journal: Journal, detail: FamilyDetail) -> FamilyHistory:
    """Everything the History tab shows, in one job on the worker (removed records included)."""
    fid = detail.family.id
    by_record: dict[tuple[str, int], list[Version]] = {}
    for version in journal.families.record_history(fid):
        if version.entity == "checkin":
            version = dataclasses.replace(version, data=checkin_fields(version.data))
        if version.entity in ENTITIES:
            by_record.setdefault((version.entity, version.entity_id), []).append(version)
    found = [
        shown
        for (entity, record_id), versions in by_record.items()
        for shown in compare(entity, record_id, versions)
    ]
    order = {name: i for i, name in enumerate(ENTITIES)}
    found.sort(key=lambda v: (v.at, -order[v.entity], v.version.version), reverse=True)
    return FamilyHistory(found, journal.audit_events(fid))
