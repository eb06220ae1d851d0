"""The instruments from the command line: `evaluator init --instrument`, refused with what to fix;
`study show` reads the questions out; `evaluator instruments` issues a new version."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from samjournal.cli import commands as core_cli
from samjournal.cli import evaluation as evaluation_cli
from samjournal.evaluation.evaluator import workspace as workspace_module
from samjournal.evaluation.profile import StudyProfile
from samjournal.kdf import TEST_COST
from tests.samjournal.evaluation.conftest import WS_PASS
from tests.samjournal.instruments.test_model import _broken, custom

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    original = core_cli.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "export" not in sub.choices:  # until samjournal.cli registers them itself
            evaluation_cli.register(sub)
        return parser

    monkeypatch.setattr(core_cli, "build_parser", build)
    monkeypatch.setattr(workspace_module, "calibrate", lambda: TEST_COST)
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WS_PASS)

    def call(*args: object) -> tuple[int, str, str]:
        code = core_cli.main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def _init(run: Run, ws: Path, *files: Path) -> tuple[int, str, str]:
    extra = [arg for f in files for arg in ("--instrument", f)]
    return run("evaluator", "init", ws, "--study-id", "s", "--name", "S", "--org", "O", *extra)


def test_init_takes_an_instrument_and_study_show_reads_it_out(run: Run, tmp_path: Path) -> None:
    form = tmp_path / "trygghet.json"
    form.write_text(json.dumps(custom()), encoding="utf-8")
    code, _, err = _init(run, tmp_path / "ws", form)
    assert code == 0, err
    study = tmp_path / "ws" / "study.json"
    assert [i.id for i in StudyProfile.load(study).instruments] == ["trygghet"]
    code, out, _ = run("study", "show", study)
    assert code == 0
    assert "Spørsmålene i studieprofilen" in out
    assert "Voksen: Jeg føler meg trygg hjemme. (Enig/uenig 1–5: Helt uenig – Helt enig)" in out
    assert (
        "Familiekoordinator: Går barna på skolen nå? (Ett av flere svar: Alle / Noen / Ingen)"
        in out
    )

    second = custom()
    second["version"] = 2
    second["items"] = second["items"][:2]
    form.write_text(json.dumps(second), encoding="utf-8")
    before = StudyProfile.load(study).fingerprint
    code, out, _ = run("evaluator", "instruments", tmp_path / "ws", "--instrument", form)
    assert code == 0
    after = StudyProfile.load(study)
    assert after.fingerprint != before
    assert after.instruments[0].version == 2
    assert f"Fingeravtrykk: {after.fingerprint}" in out
    # the same version with other questions is refused: answers keep their meaning
    second["items"][0]["text"]["nb"] = "Noe annet."
    form.write_text(json.dumps(second), encoding="utf-8")
    code, _, err = run("evaluator", "instruments", tmp_path / "ws", "--instrument", form)
    assert code == 1
    assert "gi den et nytt versjonsnummer" in err


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("type", "ukjent svartype «slider»"),
        ("duplicate", "id-en «safe» står to ganger"),
        ("translation", "mangler språket «en»"),
        ("count", "høyst 80 er tillatt"),
    ],
)
def test_init_refuses_a_bad_instrument_saying_what_to_fix(
    run: Run, tmp_path: Path, change: str, said: str
) -> None:
    form = tmp_path / "bad.json"
    form.write_text(json.dumps(_broken(change)), encoding="utf-8")
    code, _, err = _init(run, tmp_path / "ws", form)
    assert code == 1
    assert said in err
    assert not (tmp_path / "ws").exists()
    (tmp_path / "tekst.json").write_text("ikke json", encoding="utf-8")
    code, _, err = _init(run, tmp_path / "ws", tmp_path / "tekst.json")
    assert code == 1
    assert "kan ikke lese «tekst.json»" in err
