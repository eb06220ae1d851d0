"""`evaluator datapackage --replace` writes the package again over one it wrote before, and
over nothing else: a folder with the evaluator's own files in it, or no package, stays as it
was (evaluator s11, finding G)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import SETTLED, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_cli import Run, cli_caller


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_caller(monkeypatch, capsys)


def _send(lead: Journal, world: World, tmp_path: Path) -> None:
    path = lead.evaluation.export(STUDY, tmp_path / "bundles").path
    with Workspace.open(world.workspace, WS_PASS) as ws:
        [report] = import_bundles(ws, [path])
    assert report.status == "stored"


def test_a_package_is_replaced_only_with_replace(
    run: Run, lead: Journal, world: World, tmp_path: Path
) -> None:
    _send(lead, world, tmp_path)
    out = tmp_path / "dp"
    package = ("evaluator", "datapackage", world.workspace, out)
    assert run(*package, passphrase=WS_PASS)[0] == 0
    code, _, err = run(*package, passphrase=WS_PASS)
    assert code == 1
    assert "--replace" in err  # the way out, said
    for family in world.families[:2]:
        lead.checkins.record(family, 9, answered_on=SETTLED)
    _send(lead, world, tmp_path)
    code, _, err = run(*package, "--replace", passphrase=WS_PASS)
    assert code == 0, err
    with (out / "checkins.csv").open(encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == 1 + len(world.families) - 4 + 2  # the new rows are in
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".dp.")]  # nothing left


def test_a_folder_with_other_files_or_no_package_is_not_replaced(
    run: Run, lead: Journal, world: World, tmp_path: Path
) -> None:
    _send(lead, world, tmp_path)
    out = tmp_path / "dp"
    package = ("evaluator", "datapackage", world.workspace, out)
    assert run(*package, passphrase=WS_PASS)[0] == 0
    (out / "analysis.R").write_text("my model")
    (out / "parquet" / "notes.txt").write_text("notes")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    code, _, err = run(*package, "--replace", passphrase=WS_PASS)
    assert code == 1
    assert "analysis.R, parquet/notes.txt" in err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert (out / "analysis.R").read_text() == "my model"
    (out / "analysis.R").unlink()
    (out / "parquet" / "notes.txt").unlink()
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["samjournal"]["study_id"] = "another-study"
    (out / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    code, _, err = run(*package, "--replace", passphrase=WS_PASS)
    assert code == 1
    assert f"datapakken til studien another-study, ikke {STUDY}" in err
    assert json.loads((out / "datapackage.json").read_text(encoding="utf-8")) == descriptor
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("chapter 1")
    code, _, err = run(
        "evaluator", "datapackage", world.workspace, mine, "--replace", passphrase=WS_PASS
    )
    assert code == 1
    assert "ingen datapakke fra SamJournal" in err
    assert [p.name for p in mine.iterdir()] == ["thesis.docx"]
