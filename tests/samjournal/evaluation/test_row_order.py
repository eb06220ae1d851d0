"""The order of a bundle's rows tells nothing its values do not.

The journal's ids follow registration, so rows in id order told when each case opened, to a
median 16 days, and gave a starred household's year from its neighbours (review, 2026-12-06).
Checked over the decrypted bundles alone: every file's rows are in the order of their released
values, and neither households nor events follow the families' ids.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal.evaluation.bundle import Bundle, open_bundle
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.profile import EVENT_TABLES
from samjournal.evaluation.tables import CONSENT_COUNTS, DATA_TABLES, TOMBSTONES
from samjournal.journal import Journal
from samjournal.model import FamilyId
from tests.samjournal.evaluation.conftest import STUDY, World

FILES = {*DATA_TABLES, TOMBSTONES.name, CONSENT_COUNTS.name}


def _join_in_past_months(lead: Journal, world: World, families: list[FamilyId]) -> None:
    """Consents given in earlier months: consent counts over several months."""
    for months, family in enumerate(families, start=1):
        given = dt.date.today() - dt.timedelta(days=31 * months)
        for adult in world.adults[family]:
            lead.consents.give(adult, STUDY, letter_version="v1", given_on=given)


def _leave(lead: Journal, families: list[FamilyId]) -> None:
    """Two households withdraw, two lose a meeting: tombstones of both kinds."""
    for family in families[:2]:
        lead.consents.withdraw(lead.consents.for_family(family)[0].id)
    for family in families[2:]:
        lead.meetings.remove(lead.families.open(family).meetings[0].id, "feil familie")


@pytest.fixture
def exported(lead: Journal, world: World, tmp_path: Path) -> list[Path]:
    """A first bundle, an incremental one with tombstones, then a full one that carries those
    and new ones."""
    consented = world.families[:-4]
    _join_in_past_months(lead, world, world.families[-4:])
    paths = [lead.evaluation.export(STUDY, tmp_path).path]
    _leave(lead, consented[:4])
    paths.append(lead.evaluation.export(STUDY, tmp_path).path)
    _leave(lead, consented[4:8])
    paths.append(lead.evaluation.export(STUDY, tmp_path, full=True).path)
    return paths


def _opened(ws: Workspace, paths: list[Path]) -> list[Bundle]:
    return [open_bundle(path.read_bytes(), ws.identities) for path in paths]


def _family_of(lead: Journal) -> dict[str, int]:
    """Household pseudonym -> family id, those that left too."""
    return dict(
        lead._require_open().db.tuples(
            "SELECT pseudonym, family_id FROM evaluation_households WHERE study_id = ?", (STUDY,)
        )
    )


def _household_first(row: list[str]) -> tuple[str, list[str]]:
    return row[DATA_TABLES["payments"].header.index("household_id")], row


def test_every_file_is_in_the_order_of_its_released_values(
    exported: list[Path], ws: Workspace
) -> None:
    bundles = _opened(ws, exported)
    full = bundles[-1]
    assert set(full.tables) == FILES
    assert all(len(rows) > 1 for rows in full.tables.values()), full.tables
    assert {row[2] for row in full.tables[TOMBSTONES.name]} == {"households", "meetings"}
    # Column by column (a row's own pseudonym first; the month, for the consent counts); an
    # event table's rows by household first, kept together.
    unsorted = [
        (bundle.header.sequence, name)
        for bundle in bundles
        for name, rows in bundle.tables.items()
        if rows != sorted(rows, key=_household_first if name in EVENT_TABLES else None)
    ]
    assert unsorted == [], str(unsorted)
    reports = import_bundles(ws, exported)
    assert [r.status for r in reports] == ["stored"] * 3, [r.lines() for r in reports]


def test_rows_do_not_follow_the_families_ids(
    exported: list[Path], ws: Workspace, lead: Journal
) -> None:
    family_of = _family_of(lead)
    first = _opened(ws, exported)[0]
    following = []
    for name in ("households", *EVENT_TABLES):
        column = DATA_TABLES[name].header.index("household_id") if name in EVENT_TABLES else 0
        ids = [family_of[row[column]] for row in first.tables[name]]
        assert len(set(ids)) > 10, name
        if ids in (sorted(ids), sorted(ids, reverse=True)):
            following.append(name)
    assert following == []
