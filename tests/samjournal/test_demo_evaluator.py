"""The demo study's evaluator workspace (samjournal/demo/evaluator.py): made beside the demo
journal, at the journal's own key-derivation cost, its profile imported and the journal
registered, so a bundle exported from the demo imports straight away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samjournal import demo
from samjournal.demo.constants import DEMO_EVALUATOR_PASSPHRASE, DEMO_SITE, DEMO_STUDY
from samjournal.demo.evaluator import add_demo_workspace, create_demo_workspace, workspace_beside
from samjournal.evaluation.evaluator import Workspace, import_bundles, senders
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST, KdfCost


def build(path: Path, families: int = 20) -> Journal:
    return demo.create_demo_journal(path, families=families, cost=TEST_COST, bulk=True)


def test_a_bundle_of_the_demo_imports_into_its_workspace(tmp_path: Path) -> None:
    journal = build(tmp_path / "demo")
    workspace = workspace_beside(journal.path)
    assert workspace == tmp_path / "demo-evaluator"  # beside the journal, not in its backups
    profile = create_demo_workspace(journal, workspace)
    assert profile is not None
    assert [(s.id, s.fingerprint) for s in journal.evaluation.studies()] == [
        (DEMO_STUDY[0], profile.fingerprint)
    ]
    result = journal.evaluation.export(DEMO_STUDY[0], tmp_path / "USB")
    with Workspace.open(workspace, DEMO_EVALUATOR_PASSPHRASE) as ws:
        assert ws.profile == profile
        [sender] = senders(ws)
        assert (sender.journal_id, sender.site) == (journal.journal_id, DEMO_SITE)
        [report] = import_bundles(ws, [result.path])
    assert report.status == "stored", report.lines("en")
    assert report.receipt is not None
    assert journal.evaluation.import_receipt(report.receipt).sequence == 1
    journal.lock()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["USB", "demo", "demo-evaluator"]


def test_the_workspace_costs_what_the_journal_costs(tmp_path: Path) -> None:
    cheap = KdfCost(memory_kib=16, iterations=1)
    journal = demo.create_demo_journal(tmp_path / "demo", families=1, cost=cheap)
    create_demo_workspace(journal, tmp_path / "ws")
    journal.lock()
    slots = json.loads((tmp_path / "ws" / "keyring.json").read_text())["slots"]
    argon = [s["kdf"] for s in slots if s["kdf"]["alg"] == "argon2id"]
    assert [(k["memory_kib"], k["iterations"]) for k in argon] == [(16, 1)]


def test_an_older_demo_workspace_is_replaced_and_a_folder_of_the_users_left_alone(
    tmp_path: Path,
) -> None:
    workspace = tmp_path / "demo-evaluator"
    old = build(tmp_path / "old", families=1)
    create_demo_workspace(old, workspace)
    old.lock()
    journal = build(tmp_path / "demo", families=1)
    assert create_demo_workspace(journal, workspace) is not None
    with Workspace.open(workspace, DEMO_EVALUATOR_PASSPHRASE) as ws:
        assert [s.journal_id for s in senders(ws)] == [journal.journal_id]

    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    assert create_demo_workspace(journal, theirs) is None
    assert [p.name for p in theirs.iterdir()] == ["notes.txt"]
    journal.lock()


@pytest.mark.parametrize("case", ["no profile", "has a profile", "folder taken", "caseworker"])
def test_an_older_demo_gets_a_workspace_only_when_it_has_none(tmp_path: Path, case: str) -> None:
    journal = build(tmp_path / "demo", families=1)  # as an older version made it: no profile
    workspace = workspace_beside(journal.path)
    if case == "has a profile":
        create_demo_workspace(journal, tmp_path / "elsewhere")
    elif case == "folder taken":
        workspace.mkdir()
    elif case == "caseworker":
        journal.lock()
        journal = Journal.open(journal.path, demo.DEMO_CASEWORKERS[0][0], demo.DEMO_PASSPHRASE)
    added = add_demo_workspace(journal, workspace)
    assert (added is not None) is (case == "no profile")
    assert add_demo_workspace(journal, workspace) is None  # once
    journal.lock()
