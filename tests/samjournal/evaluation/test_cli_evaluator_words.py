"""The evaluator's commands say what happened in the right words (evaluator s10, finding 15):
a site changed by registering again, a file given as the package's folder, a wrong passphrase
for a workspace that has no user names."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, senders
from tests.samjournal.evaluation.conftest import LEAD, SITE, WS_PASS, World
from tests.samjournal.evaluation.test_cli import Run, cli_caller


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    return cli_caller(monkeypatch, capsys)


def test_registering_again_under_another_site_says_what_it_was(
    run: Run, world: World, tmp_path: Path
) -> None:
    key = tmp_path / "journal.pub"
    code, out, err = run("key", world.journal, "--user", LEAD, "--out", key)
    assert code == 0, err
    [journal_id] = [line.split()[-1] for line in out.splitlines() if line.startswith("Journal-id")]
    add = ("evaluator", "journal", "add", world.workspace, "--id", journal_id, "--key", key)
    code, out, _ = run(*add, "--site", "Trondheim, team Vest", passphrase=WS_PASS)
    assert code == 0, out
    assert f"Stedet er endret fra «{SITE}» til «Trondheim, team Vest»." in out
    with Workspace.open(world.workspace, WS_PASS) as ws:
        assert [s.site for s in senders(ws)] == ["Trondheim, team Vest"]
    code, out, _ = run(*add, "--site", "Trondheim, team Vest", passphrase=WS_PASS)
    assert code == 0, out
    assert "endret" not in out  # the same site again: nothing changed, nothing said


def test_a_file_given_as_the_package_folder_is_called_a_file(
    run: Run, world: World, tmp_path: Path
) -> None:
    some_file = tmp_path / "some-file"
    some_file.write_text("notes")
    code, _, err = run("evaluator", "datapackage", world.workspace, some_file, passphrase=WS_PASS)
    assert code == 1
    assert f"{some_file} er en fil, ikke en mappe" in err
    assert "ikke tom" not in err
    assert some_file.read_text() == "notes"


def test_a_wrong_workspace_passphrase_names_no_user_and_the_way_back(
    run: Run, world: World
) -> None:
    code, _, err = run("evaluator", "status", world.workspace, passphrase="feil passordfrase her")
    assert code == 2
    assert "Feil passordfrase for arbeidsområdet" in err
    assert "brukernavn" not in err
    assert "samjournal evaluator reset-passphrase" in err
