"""The bundle's date in the attacker model (samjournal/evaluation/attacker.py): a released day that
cannot come after its bundle's date (tables.Column.past) never dates a household's index date
closer than the check assumes (its day plus the study's settle_days, or the first bundle's date);
a younger one waits, counted as waiting, and goes once it has settled. An outside review found
that without this a demo bundle's date and a check-in answered the week before gave away when
most cases opened (km_check.py, which reads the bundles' dates, finds thousands of sets under k
in the union test's bundles on the code before it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected
from samjournal.evaluation.attacker import period_bounds
from samjournal.evaluation.bundle import Bundle, open_bundle
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.profile import DEFAULT_SETTLE_DAYS, MAX_SETTLE_DAYS, Policy
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import SETTLED, STUDY, World

PAST = {name: [c.name for c in t.columns if c.past] for name, t in DATA_TABLES.items()}


def _opened(journal: Journal) -> dict[str, dt.date]:
    """Household pseudonym -> the day its case opened, from the journal."""
    return {
        str(name): dt.date.fromisoformat(str(day))
        for name, day in journal._require_open().db.tuples(
            "SELECT h.pseudonym, f.opened_on FROM evaluation_households h"
            " JOIN families f ON f.id = h.family_id"
        )
    }


def _cuts(bundle: Bundle, opened: dict[str, dt.date], first: dt.date) -> tuple[int, int]:
    """(rows with a past day, those whose day dates their household's index date earlier than
    the last day of its released period, its true day plus the settle days and the first
    bundle's date all do): what an attacker holding the bundle may read of the calendar beyond
    what the check assumes."""
    made = dt.datetime.fromisoformat(bundle.header.created).astimezone().date()
    header = DATA_TABLES["households"].header
    period = {
        row[0]: period_bounds(row[header.index("opened_month")])
        for row in bundle.tables["households"]
    }
    rows = cut = 0
    for table, columns in PAST.items():
        header = DATA_TABLES[table].header
        who = header.index("household_id")
        for row in bundle.tables.get(table, []):
            days = [int(row[header.index(c)]) for c in columns if row[header.index(c)] != ""]
            if days:
                rows += 1
                own = opened[row[who]]
                assumed = min(own + dt.timedelta(days=DEFAULT_SETTLE_DAYS), first)
                found = period[row[who]]
                if found is not None:
                    assumed = min(assumed, found[1])
                cut += made - dt.timedelta(days=max(days)) < assumed
    return rows, cut


def test_a_day_younger_than_the_settle_days_waits_and_one_settled_goes(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    assert ws.profile.policy.settle_days == DEFAULT_SETTLE_DAYS
    section = lead.evaluation
    first = open_bundle(section.export(STUDY, tmp_path).path.read_bytes(), ws.identities)
    young, settled = world.families[0], world.families[1]
    lead.checkins.record(young, 9)  # answered today
    lead.checkins.record(settled, 9, answered_on=SETTLED)
    result = section.export(STUDY, tmp_path)
    second = open_bundle(result.path.read_bytes(), ws.identities)
    opened = _opened(lead)
    made = dt.datetime.fromisoformat(first.header.created).astimezone().date()
    assert _cuts(first, opened, made)[0] > 20  # check-ins, approvals: past days were released
    assert _cuts(first, opened, made)[1] == _cuts(second, opened, made)[1] == 0
    # The check-in answered today waits (counted as a row waiting); the settled one goes.
    assert len(second.tables["checkins"]) == 1
    assert result.risk.protection is not None
    assert result.risk.protection.rows_by_table["checkins"].waiting >= 1
    released_for = {row[1] for row in second.tables["checkins"]}
    pseudonym = dict(
        lead._require_open().db.tuples(
            "SELECT family_id, pseudonym FROM evaluation_households WHERE retired = 0"
        )
    )
    assert released_for == {pseudonym[settled]}


def test_the_settle_days_are_part_of_the_profile_within_their_bounds() -> None:
    assert Policy().to_json() == Policy(settle_days=DEFAULT_SETTLE_DAYS).to_json()
    assert "settle_days" not in Policy().to_json()  # older profiles keep their fingerprint
    chosen = Policy(settle_days=31)
    assert Policy.from_json(chosen.to_json()) == chosen
    for days in (-1, MAX_SETTLE_DAYS + 1):
        with pytest.raises(BundleRejected, match="settle_days"):
            Policy(settle_days=days).checked()
