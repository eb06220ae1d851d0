"""The export log: one line per bundle a journal has written, read back for the wizard, the
CLI and receipts (`evaluation_exports`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from samjournal.errors import BundleRejected
from samjournal.messages import keyed
from samjournal.store import Database

_SELECT = "SELECT e.*, u.username FROM evaluation_exports e JOIN users u ON u.id = e.created_by"


@dataclass(frozen=True, slots=True)
class ExportEntry:
    """One line of the export log."""

    study_id: str
    sequence: int
    kind: str
    created_at: dt.datetime
    created_by: str
    file_name: str
    bundle_hash: str
    previous_hash: str
    change_from: int
    change_to: int
    households: int
    rows: int
    tombstones: int
    key_id: str
    delivered_at: str | None

    @property
    def delivered(self) -> bool:
        return self.delivered_at is not None


def entries(db: Database, study_id: str | None = None) -> list[ExportEntry]:
    """The log, every study's (by study and sequence) or one study's."""
    if study_id is None:
        rows = db.all(f"{_SELECT} ORDER BY e.study_id, e.sequence")
    else:
        rows = db.all(f"{_SELECT} WHERE e.study_id = ? ORDER BY e.sequence", (study_id,))
    return [_from_row(r) for r in rows]


def entry(db: Database, study_id: str, sequence: int) -> ExportEntry:
    row = db.first(f"{_SELECT} WHERE e.study_id = ? AND e.sequence = ?", (study_id, sequence))
    if row is None:
        raise keyed(BundleRejected, "no_bundle_for_study", sequence=sequence, study_id=study_id)
    return _from_row(row)


def _from_row(row: Any) -> ExportEntry:
    return ExportEntry(
        study_id=row["study_id"],
        sequence=int(row["sequence"]),
        kind=row["kind"],
        created_at=dt.datetime.fromisoformat(row["created_at"]),
        created_by=row["username"],
        file_name=row["file_name"],
        bundle_hash=row["bundle_hash"],
        previous_hash=row["previous_hash"],
        change_from=int(row["change_from"]),
        change_to=int(row["change_to"]),
        households=int(row["households"]),
        rows=int(row["rows_sent"]),
        tombstones=int(row["tombstones"]),
        key_id=row["key_id"],
        delivered_at=row["delivered_at"],
    )
