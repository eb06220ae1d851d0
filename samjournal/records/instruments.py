"""`journal.instruments`: the instrument versions the journal holds and which a family answers."""

from __future__ import annotations

import json
from dataclasses import replace

from samjournal.context import iso, utcnow
from samjournal.errors import NotFound
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import Instrument, InstrumentRef, refused
from samjournal.instruments.parse import instrument_from_json
from samjournal.messages import keyed
from samjournal.model import FamilyId
from samjournal.records import base
from samjournal.store import Database

OWN_ID = JOURNAL_DEFAULT.id  # reserved: a profile may include it only as the journal defines it

# The instrument versions each family answers now: those of the studies it has a live consent
# for (any adult member's), with the earliest such consent (the start of its schedule). A study's
# row with the journal's own id is the journal's own instrument (study NULL), asked once however
# many of the family's studies include it.
FAMILY_INSTRUMENTS = f"""
SELECT m.family_id, CASE WHEN si.instrument_id = '{OWN_ID}' THEN NULL ELSE si.study_id END AS owner,
    si.instrument_id, si.instrument_version, min(c.given_on) AS since
FROM consents c
JOIN members m ON m.id = c.member_id AND m.deleted_at IS NULL
JOIN study_instruments si ON si.study_id = c.study_id
WHERE c.withdrawn_on IS NULL {{where}}
GROUP BY m.family_id, owner, si.instrument_id, si.instrument_version
ORDER BY m.family_id, owner, si.instrument_id, si.instrument_version
"""


def canonical(instrument: Instrument) -> str:
    return json.dumps(
        instrument.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def _definition(db: Database, study: str | None, ident: str, version: int) -> str | None:
    row = db.first(
        "SELECT definition FROM instruments WHERE study_id IS ? AND id = ? AND version = ?",
        (study, ident, version),
    )
    return None if row is None else str(row["definition"])


def owner(study_id: str | None, instrument: Instrument) -> str | None:
    """Whose `instrument` is in the journal: the journal's own id is nobody's study's."""
    return None if instrument.id == OWN_ID else study_id


def store(db: Database, instrument: Instrument, study_id: str | None = None) -> None:
    """Keep `instrument` as `study_id`'s (None: the journal's own) by (id, version); the same
    version with other content is refused (a changed question is a new version, so answers
    already given keep their meaning). Another study's instrument is never compared."""
    study = owner(study_id, instrument)
    text = canonical(instrument)
    found = _definition(db, study, instrument.id, instrument.version)
    if found is None:
        db.execute(
            "INSERT INTO instruments (study_id, id, version, definition, stored_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (study, instrument.id, instrument.version, text, iso(utcnow())),
        )
    elif found != text:
        raise refused("instrument_changed", instrument=instrument.id, version=instrument.version)


def check_storable(db: Database, study_id: str | None, instruments: tuple[Instrument, ...]) -> None:
    """Refuse (before anything is written) an instrument version the study (None: the journal
    itself) holds otherwise, or the journal's own id with other questions than the journal's
    own."""
    for instrument in instruments:
        if instrument.id == OWN_ID and canonical(instrument) != canonical(JOURNAL_DEFAULT):
            raise refused("instrument_reserved", instrument=OWN_ID)
        found = _definition(db, owner(study_id, instrument), instrument.id, instrument.version)
        if found is not None and found != canonical(instrument):
            raise refused(
                "instrument_changed", instrument=instrument.id, version=instrument.version
            )


def set_for_study(db: Database, study_id: str, instruments: tuple[Instrument, ...]) -> None:
    """The study asks `instruments` from now on (none: the journal's own, as before there were
    instruments); earlier versions stay for the old answers."""
    check_storable(db, study_id, instruments)
    asked = instruments or (JOURNAL_DEFAULT,)
    for instrument in asked:
        store(db, instrument, study_id)
    db.execute("DELETE FROM study_instruments WHERE study_id = ?", (study_id,))
    for instrument in asked:
        db.execute(
            "INSERT INTO study_instruments (study_id, instrument_id, instrument_version)"
            " VALUES (?, ?, ?)",
            (study_id, instrument.id, instrument.version),
        )


def load(db: Database, ref: InstrumentRef) -> Instrument:
    study = None if ref.id == OWN_ID else ref.study
    if study is None and ref.id == JOURNAL_DEFAULT.id and ref.version == JOURNAL_DEFAULT.version:
        return JOURNAL_DEFAULT
    found = _definition(db, study, ref.id, ref.version)
    if found is None:
        raise keyed(NotFound, "instrument_not_found", instrument=str(ref))
    return replace(instrument_from_json(json.loads(found)), study=study)


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
            self.get(InstrumentRef(r["instrument_id"], r["instrument_version"], r["owner"]))
            for r in rows
        )
        return found or (JOURNAL_DEFAULT,)
