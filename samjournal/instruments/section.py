"""`journal.instruments`: the instrument versions the journal holds and which a family answers."""

from __future__ import annotations

import json

from samjournal.context import iso, utcnow
from samjournal.errors import NotFound
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import Instrument, InstrumentRef, refused
from samjournal.messages import keyed
from samjournal.model import FamilyId
from samjournal.records import base
from samjournal.store import Database

# The instrument versions each family answers now: those of the studies it has a live consent
# for (any adult member's), with the earliest such consent (the start of its schedule).
FAMILY_INSTRUMENTS = """
SELECT m.family_id, si.instrument_id, si.instrument_version, min(c.given_on) AS since
FROM consents c
JOIN members m ON m.id = c.member_id AND m.deleted_at IS NULL
JOIN study_instruments si ON si.study_id = c.study_id
WHERE c.withdrawn_on IS NULL {where}
GROUP BY m.family_id, si.instrument_id, si.instrument_version
ORDER BY m.family_id, si.instrument_id, si.instrument_version
"""


def canonical(instrument: Instrument) -> str:
    return json.dumps(
        instrument.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def store(db: Database, instrument: Instrument) -> None:
    """Keep `instrument` by (id, version); the same version with other content is refused (a
    changed question is a new version, so answers already given keep their meaning)."""
    text = canonical(instrument)
    found = db.first(
        "SELECT definition FROM instruments WHERE id = ? AND version = ?",
        (instrument.id, instrument.version),
    )
    if found is None:
        db.execute(
            "INSERT INTO instruments (id, version, definition, stored_at) VALUES (?, ?, ?, ?)",
            (instrument.id, instrument.version, text, iso(utcnow())),
        )
    elif found["definition"] != text:
        raise refused("instrument_changed", instrument=instrument.id, version=instrument.version)


def check_storable(db: Database, instruments: tuple[Instrument, ...]) -> None:
    """Refuse (before anything is written) an instrument version the journal holds otherwise."""
    for instrument in instruments:
        found = db.first(
            "SELECT definition FROM instruments WHERE id = ? AND version = ?",
            (instrument.id, instrument.version),
        )
        if found is not None and found["definition"] != canonical(instrument):
            raise refused(
                "instrument_changed", instrument=instrument.id, version=instrument.version
            )


def set_for_study(db: Database, study_id: str, instruments: tuple[Instrument, ...]) -> None:
    """The study asks `instruments` from now on; earlier versions stay for the old answers."""
    for instrument in instruments:
        store(db, instrument)
    db.execute("DELETE FROM study_instruments WHERE study_id = ?", (study_id,))
    for instrument in instruments:
        db.execute(
            "INSERT INTO study_instruments (study_id, instrument_id, instrument_version)"
            " VALUES (?, ?, ?)",
            (study_id, instrument.id, instrument.version),
        )


def load(db: Database, ref: InstrumentRef) -> Instrument:
    if ref == JOURNAL_DEFAULT.ref:
        return JOURNAL_DEFAULT
    row = db.first(
        "SELECT definition FROM instruments WHERE id = ? AND version = ?", (ref.id, ref.version)
    )
    if row is None:
        raise keyed(NotFound, "instrument_not_found", instrument=str(ref))
    return Instrument.from_json(json.loads(row["definition"]))


class Instruments(base.Section):
    def get(self, ref: InstrumentRef) -> Instrument:
        """Any instrument version the journal ever held, so old answers stay readable."""
        return load(self._ctx.db, ref)

    def for_family(self, family_id: FamilyId) -> tuple[Instrument, ...]:
        """The current instrument of every study the family has a live consent for; the
        journal's own when none."""
        ctx = self._ctx
        ctx.family_row(family_id)
        rows = ctx.db.all(FAMILY_INSTRUMENTS.format(where="AND m.family_id = ?"), (family_id,))
        found = tuple(
            self.get(InstrumentRef(r["instrument_id"], r["instrument_version"])) for r in rows
        )
        return found or (JOURNAL_DEFAULT,)

    def of_study(self, study_id: str) -> tuple[Instrument, ...]:
        rows = self._ctx.db.all(
            "SELECT instrument_id, instrument_version FROM study_instruments"
            " WHERE study_id = ? ORDER BY instrument_id",
            (study_id,),
        )
        return tuple(
            self.get(InstrumentRef(r["instrument_id"], r["instrument_version"])) for r in rows
        )
