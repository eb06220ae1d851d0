"""The `samjournal` command prints in the language its errors are in (SAMJOURNAL_LANG or LANG),
from the message catalogue, and every message it prints exists in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from samjournal import messages
from samjournal.cli import support
from samjournal.cli.commands import EXIT_OK, main
from samjournal.evaluation.profile import StudyProfile
from tests.conftest import LEAD, LEAD_PASS

CLI = Path(support.__file__).parent
WORD = re.compile(r"[A-Za-zÆØÅæøå]{3,}")
SAME_IN_BOTH = {"SQLCipher:\t", "Journal:\t", "samjournal: "}  # names, not words


def _literals(node: ast.expr) -> list[str]:
    """The text written into a printed argument (a constant, or an f-string's fixed parts)."""
    parts = node.values if isinstance(node, ast.JoinedStr) else [node]
    return [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]


def _keys(node: ast.expr) -> list[str] | None:
    """The message key(s) a say()/words() call names: a literal, or a choice of two literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, other = _keys(node.body), _keys(node.orelse)
        return None if body is None or other is None else body + other
    return None


def cli_problems(paths: list[Path]) -> list[str]:
    problems = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for call in ast.walk(function):
                if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
                    continue
                where = f"{path.name}:{call.lineno}"
                if call.func.id == "print":
                    texts = [t for a in call.args for t in _literals(a) if t not in SAME_IN_BOTH]
                    if any(WORD.search(t) for t in texts):
                        problems.append(f"{where}: printed as text, not by key")
                if call.func.id not in ("say", "words") or function.name in ("say", "words"):
                    continue
                keys = _keys(call.args[0]) if call.args else None
                if keys is None:
                    problems.append(f"{where}: the key is not a literal")
                    continue
                given = {k.arg for k in call.keywords if k.arg not in (None, "file")}
                for key in keys:
                    if key not in messages.MESSAGES:
                        problems.append(f"{where}: no message {key!r}")
                    elif given != messages.placeholders(messages.MESSAGES[key][0]):
                        problems.append(f"{where}: {key!r} is given {sorted(given)}")
    return problems


def test_every_line_the_cli_prints_is_by_key_with_both_languages() -> None:
    assert cli_problems(sorted(CLI.glob("*.py"))) == []


def test_the_check_finds_what_it_should(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def cmd(x):\n"
        '    print(f"Skrev {x}")\n'
        '    say("no_such_key")\n'
        '    say("cli_wrote")\n'
        "    say(x)\n"
        '    say("cli_user_active" if x else "cli_nothing")\n'
        '    print(f"{x}\\t{x}")\n'
        '    say("cli_wrote", path=x, file=x)\n',
        encoding="utf-8",
    )
    assert cli_problems([bad]) == [
        "bad.py:2: printed as text, not by key",
        "bad.py:3: no message 'no_such_key'",
        "bad.py:4: 'cli_wrote' is given []",
        "bad.py:5: the key is not a literal",
        "bad.py:6: no message 'cli_nothing'",
    ]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    monkeypatch.setenv("SAMJOURNAL_NEW_PASSPHRASE", "en ny og lang passordfrase")
    monkeypatch.delenv("SAMJOURNAL_LANG", raising=False)


@pytest.mark.parametrize(
    ("env", "added", "listed", "info"),
    [
        (
            {"SAMJOURNAL_LANG": "nb"},
            "La til ola (Familiekoordinator)",
            "ola\tOla Nordmann\tFamiliekoordinator\taktiv",
            "Skjemaversjon:\t",
        ),
        (
            {"SAMJOURNAL_LANG": "en"},
            "Added ola (Caseworker)",
            "ola\tOla Nordmann\tCaseworker\tactive",
            "Schema version:\t",
        ),
        (  # no SAMJOURNAL_LANG: the locale's language, as for errors
            {"LANG": "en_GB.UTF-8"},
            "Added ola (Caseworker)",
            "ola\tOla Nordmann\tCaseworker\tactive",
            "Schema version:\t",
        ),
    ],
)
def test_user_and_info_commands_speak_the_users_language(
    journal_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    added: str,
    listed: str,
    info: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, _ = _run(["user", "add", str(journal_dir), "ola", "--name", "Ola Nordmann"], capsys)
    assert (code, out.strip()) == (EXIT_OK, added)
    code, out, _ = _run(["user", "list", str(journal_dir)], capsys)
    assert listed in out.splitlines()
    code, out, _ = _run(["info", str(journal_dir)], capsys)
    assert code == EXIT_OK
    assert any(line.startswith(info) for line in out.splitlines())
    english = info.startswith("Schema")
    assert ("Journal id:\t" in out) == english
    assert ("Journal-id:\t" in out) != english


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("nb", ["Reglene i studieprofilen:", "Spørsmålene i studieprofilen:", "Fingeravtrykk: "]),
        ("en", ["The study profile's rules:", "The study's questions:", "Fingerprint: "]),
    ],
)
def test_study_show_speaks_the_users_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    lines: list[str],
) -> None:
    from samjournal.evaluation.evaluator import workspace as workspace_module
    from samjournal.kdf import TEST_COST

    monkeypatch.setattr(workspace_module, "calibrate", lambda: TEST_COST)
    monkeypatch.setenv("SAMJOURNAL_LANG", language)
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", "arbeidsområdets passordfrase")
    code, out, _ = _run(
        ["evaluator", "init", str(tmp_path / "ws"), "--study-id", "s1", "--name", "Studie",
         "--org", "NTNU"],
        capsys,
    )  # fmt: skip
    assert code == EXIT_OK
    created = {
        "nb": ("Arbeidsområde opprettet i ", "Gjenopprettingsnøkkel for datalageret"),
        "en": ("Workspace created in ", "Recovery key for the data store"),
    }[language]
    assert all(any(line.startswith(c) for line in out.splitlines()) for c in created)
    profile = StudyProfile.parse((tmp_path / "ws" / "study.json").read_text())
    code, out, _ = _run(["study", "show", str(tmp_path / "ws" / "study.json")], capsys)
    assert code == EXIT_OK
    said = out.splitlines()
    assert said[0] == {"nb": "Studie", "en": "Study"}[language] + ": s1 — Studie (NTNU)"
    assert f"{lines[2]}{profile.fingerprint}" in said
    assert lines[0] in said
    assert lines[1] in said


@pytest.mark.parametrize(
    ("language", "whole", "extends", "head"),
    [
        ("nb", "Revisjonsloggen er hel: ", "Bygger videre på oppgitt hode: ", "Logg "),
        ("en", "The audit log is whole: ", "Extends the head given: ", "Log "),
    ],
)
def test_audit_commands_speak_the_users_language(
    journal_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    whole: str,
    extends: str,
    head: str,
) -> None:
    """Where a head came from is itself a message by key (audit_check.witness), worded inside
    the sentence that names it."""
    monkeypatch.setenv("SAMJOURNAL_LANG", language)
    code, out, _ = _run(["audit", "head", str(journal_dir)], capsys)
    assert code == EXIT_OK
    short = out.splitlines()[0]
    assert short.startswith(head)
    code, out, _ = _run(["audit", "verify", str(journal_dir), "--witness", short], capsys)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0].startswith(whole)
    assert lines[1] == extends + short.removeprefix(head)
