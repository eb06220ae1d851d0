"""The words a bundle writes come from one place: its titles from the message catalogue, in
bokmål whatever the journal's language (as its tables' titles are), and the area a journal that
names no municipality releases from the released tables' vocabulary. Their values are pinned:
the bundles and the evaluator's merged data read them."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from samjournal import catalogue
from samjournal.evaluation import tables
from samjournal.evaluation.anonymise import AREA_LEVELS
from samjournal.evaluation.bundle import open_bundle
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.release import build_release
from samjournal.evaluation.release_state import Registry
from samjournal.evaluation.tables import AREA_WORD
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY


def _titles(lead: Journal, ws: Workspace, out: Path) -> tuple[str, str]:
    """(the bundle's title, its risk report's) as a new export writes them."""
    package = open_bundle(lead.evaluation.export(STUDY, out).path.read_bytes(), ws.identities)
    [risk] = [r for r in package.datapackage["resources"] if r["name"] == "disclosure-risk"]
    return package.datapackage["title"], risk["title"]


def test_a_bundles_titles_are_the_catalogues_in_bokmal(
    lead: Journal, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead.update_settings(dataclasses.replace(lead.settings(), language="en"))
    assert _titles(lead, ws, tmp_path / "a") == (
        "Livskvalitet i samskapt familiestøtte: pakke 1 fra en SamJournal-journal",
        "Risikorapport",
    )
    monkeypatch.setitem(catalogue.MESSAGES, "bundle_title", ("{study} nr. {sequence}", "-"))
    monkeypatch.setitem(catalogue.MESSAGES, "bundle_risk_title", ("Risiko", "-"))
    assert _titles(lead, ws, tmp_path / "b") == (
        "Livskvalitet i samskapt familiestøtte nr. 2",
        "Risiko",
    )


def test_a_journal_naming_no_municipality_releases_the_area_word(lead: Journal) -> None:
    """Its households' area at the municipality level, and the name of that level in the risk
    report's generalisation, are both `kommune` (the codebook labels the code:
    test_package_held_back)."""
    assert AREA_WORD == "kommune"
    assert AREA_LEVELS[1] == AREA_WORD
    db = lead._require_open().db
    policy = dataclasses.replace(lead.evaluation.profile(STUDY).policy, municipality="")
    with db.transaction():
        release = build_release(
            db, STUDY, policy, "", Registry(db, STUDY), node=(1, 0, 0, 0, 0, 0, 0)
        )
    areas = {line.sent.content.split(",")[0] for line in release.lines["households"]}
    assert areas <= {"kommune", "*"}
    assert "kommune" in areas
    assert release.generalised.describe()["area"] == "kommune"


def test_the_area_word_is_written_once() -> None:
    """Release, anonymisation and the evaluator's codebook and transforms all take it from the
    released tables' vocabulary: four copies had to agree."""
    root = Path(tables.__file__).parent.parent  # samjournal/evaluation
    holding = [
        path.relative_to(root).as_posix()
        for path in sorted(root.rglob("*.py"))
        if any(
            isinstance(node, ast.Constant) and node.value == AREA_WORD
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert holding == ["tables/schema.py"]
