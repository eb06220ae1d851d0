"""A retention purge and an erasure through the core API reach the evaluator as tombstones, and
the merged dataset keeps nothing of the family."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samjournal.evaluation.bundle import open_bundle
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.journal import Journal
from samjournal.model import FamilyStatus
from tests.samjournal.evaluation.conftest import STUDY, World


def _pseudonym(journal: Journal, family: int) -> str:
    return str(
        journal._require_open().db.scalar(
            "SELECT pseudonym FROM evaluation_households WHERE study_id = ? AND family_id = ?"
            " AND retired = 0",
            (STUDY, family),
        )
    )


def test_purge_and_erasure_become_tombstones(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    first = lead.evaluation.export(STUDY, tmp_path / "1")
    purged, erased = world.families[3], world.families[4]
    names = {f: _pseudonym(lead, f) for f in (purged, erased)}
    lead.families.set_status(purged, FamilyStatus.CLOSED)
    later = dt.date.today() + dt.timedelta(days=365 * 11)
    lead.families.purge(purged, "Oppbevaringstiden er ute", today=later)
    lead.families.erase(erased, "Krav om sletting etter art. 17")
    second = lead.evaluation.export(STUDY, tmp_path / "2")
    bundle = open_bundle(second.path.read_bytes(), ws.identities)
    stones = {row[0]: row for row in bundle.tables["tombstones"]}
    for family, pseudonym in names.items():
        assert stones[pseudonym][2] == "households", family
    households = {row[0] for row in bundle.tables["households"]}
    assert not households & set(names.values())
    assert lead.verify_audit().ok
    # The evaluator merges both bundles and keeps only the tombstones of the two families.
    reports = import_bundles(ws, [first.path, second.path])
    assert all(r.status != "rejected" for r in reports), [r.reason for r in reports]
    kept = ws.db.all("SELECT household_id FROM records WHERE household_id IN (?, ?)",
                     tuple(names.values()))  # fmt: skip
    assert kept == []
