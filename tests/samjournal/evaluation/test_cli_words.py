"""What the `samjournal` command prints about an export, a bundle's import and the evaluator's
status, and its help, comes out in the language asked for (SAMJOURNAL_LANG): run the real
commands in English and in bokmål and look for words of the other language."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from samjournal import messages
from samjournal.cli import commands as core_cli
from samjournal.evaluation.tables import CONSENT_COUNTS, DATA_TABLES, TOMBSTONES
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_cli import cli_caller

Run = Callable[..., tuple[int, str, str]]
# Whole words only: a fingerprint's random letters (STI2-U3OP) or a hex digest are no words.
WORD = re.compile(r"(?<!\w)[A-Za-zÆØÅæøå]{3,}(?!\w)")
# Words of the catalogue's bokmål that its English never uses: none may show in English output.
BOKMAL_ONLY = {w.lower() for nb, _ in messages.MESSAGES.values() for w in WORD.findall(nb)} - {
    w.lower() for _, en in messages.MESSAGES.values() for w in WORD.findall(en)
}
# Common English words that bokmål output has no business holding (argparse's own, the reports').
# (Not the subcommands' names, English in either language: "report", "key", "show".)
ENGLISH = {
    "the", "and", "usage", "options", "positional", "arguments", "error", "write",
    "bundles", "rows", "stored", "rejected", "received", "never", "note", "fingerprint",
    "journals", "groups", "smallest", "households", "held", "back", "amounts", "rounded",
    "capped", "tombstones", "time", "days", "risk", "after", "before", "violations", "attacker",
    "nothing", "changed", "already", "imported", "default", "folder", "file", "command", "help",
    "bundle", "national",
}  # fmt: skip
# Names the test's study and site carry (conftest's study profile): not words to translate.
GIVEN = {"trondheim", "team", "øst", "livskvalitet", "samskapt", "familiestøtte", "ntnu",
         "samfunnsforskning"}  # fmt: skip


# The dataset's tables are named as in its files (households.csv), in either language.
TABLES = {*DATA_TABLES, TOMBSTONES.name, CONSENT_COUNTS.name}
OPTION = re.compile(r"--[\w-]+")  # options are named in English in either language
FINGERPRINT = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){4}\b")  # random letters, no words


def _words(text: str) -> set[str]:
    plain = FINGERPRINT.sub("", OPTION.sub("", text))
    return {w.lower() for w in WORD.findall(plain)} - GIVEN - TABLES


def leaks(text: str, language: str) -> set[str]:
    """Words of the other language in `text`, output asked for in `language`."""
    return _words(text) & (BOKMAL_ONLY if language == "en" else ENGLISH)


def test_the_check_finds_what_it_should() -> None:
    assert leaks("Bundle 1 written; ingenting er endret", "en") == {"ingenting", "endret"}
    assert leaks("Pakke 1 skrevet; nothing was changed", "nb") == {"nothing", "changed"}
    assert not leaks("Households at risk 0, smallest group 5", "en")
    assert not leaks("Husstander i risiko 0, minste gruppe 5", "nb")
    assert not leaks("Fingerprint: STI2-U3OP-IKKE-FFT6-4H2B · 666dfc5c4170f9d3", "en")
    assert {"ingenting", "husstander", "slettemeldinger", "bruk", "valg"} <= BOKMAL_ONLY


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.delenv("NO_COLOR", raising=False)
    return cli_caller(monkeypatch, capsys)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                f"Risk report for {STUDY} (k = 5",
                "  Smallest group: ",
                " (before anonymisation: ",
                "Bundle 1 (complete) written",
                ": stored.",
                ": REJECTED — ",
                ": already imported; nothing changed.",
                "  audit log: Log ",
                "  audit log witnessed: Log ",
                "  bundles: 1 (numbers 1); last import ",
                "  key ",
            ],
        ),
        (
            "nb",
            [
                f"Risikorapport for {STUDY} (k = 5",
                "  Minste gruppe: ",
                " (før anonymisering: ",
                "Pakke 1 (full) skrevet",
                ": lagret.",
                ": AVVIST — ",
                ": allerede importert; ingenting endret.",
                "  revisjonslogg: Logg ",
                "  revisjonslogg bevitnet: Logg ",
                "  pakker: 1 (nummer 1); siste import ",
                "  nøkkel ",
            ],
        ),
    ],
)
def test_export_import_and_status_speak_one_language(
    run: Run,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    expected: list[str],
) -> None:
    monkeypatch.setenv("SAMJOURNAL_LANG", language)
    journal, ws = world.journal, world.workspace
    study = ws / "study.json"
    fingerprint = json.loads(study.read_text())["fingerprint"]
    said: list[str] = []

    def ok(*args: object, passphrase: str = LEAD_PASS, code: int = 0) -> None:
        got, out, err = run(*args, passphrase=passphrase)
        assert got == code, (out, err)
        said.extend([out, err])

    ok("study", "import", journal, study, "--user", LEAD, "--expect", fingerprint)
    ok("export", journal, "--user", LEAD, "--study", STUDY, "--dry-run")
    ok("export", journal, "--user", LEAD, "--study", STUDY, "--out", tmp_path / "usb")
    [bundle] = list((tmp_path / "usb").iterdir())
    ok("key", journal, "--user", LEAD, "--out", tmp_path / "journal.pub")
    journal_id = next(
        line.split()[-1] for line in said[-2].splitlines() if line.startswith("Journal")
    )
    ok("evaluator", "journal", "add", ws, "--id", journal_id, "--key", tmp_path / "journal.pub",
       "--site", "Trondheim, team Øst", passphrase=WS_PASS)  # fmt: skip
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n")
    ok("evaluator", "import", ws, bundle, junk, passphrase=WS_PASS, code=1)
    ok("evaluator", "import", ws, bundle, passphrase=WS_PASS)
    ok("evaluator", "status", ws, passphrase=WS_PASS)
    ok("evaluator", "datapackage", ws, tmp_path / "dp", passphrase=WS_PASS)
    text = "\n".join(said).replace(str(tmp_path), "")  # its name holds English words
    for line in expected:
        assert line in text
    assert leaks(text, language) == set(), text
    # The package's labels are in the command's language (its prose is English in both).
    package = json.loads((tmp_path / "dp" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["samjournal"]["language"] == language
    [status] = [
        f for r in package["resources"] if r["name"] == "households"
        for f in r["schema"]["fields"] if f["name"] == "status"
    ]  # fmt: skip
    assert status["categories"][0]["label"] == {"nb": "Aktiv", "en": "Active"}[language]


def _help_paths(parser: argparse.ArgumentParser, path: list[str]) -> Iterator[list[str]]:
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _help_paths(sub, [*path, name])


@pytest.mark.parametrize("language", ["en", "nb"])
def test_every_help_reads_in_one_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """`--help` of the command and of every subcommand, the evaluator's too: argparse's own
    words ("usage", "options"), the help texts and the metavars."""
    monkeypatch.setenv("SAMJOURNAL_LANG", language)
    paths = list(_help_paths(core_cli.build_parser(), []))
    assert ["evaluator", "journal", "reanchor"] in paths
    assert len(paths) > 40
    for path in paths:
        with pytest.raises(SystemExit) as done:
            core_cli.main([*path, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        usage = {"en": "usage: samjournal", "nb": "bruk: samjournal"}[language]
        assert out.startswith(f"{usage} {' '.join(path)}".rstrip()), out
        assert leaks(out, language) == set(), (path, out)


@pytest.mark.parametrize(
    ("language", "argv", "error"),
    [
        ("en", ["backup"], "samjournal backup: error: the following arguments are required:"
         " JOURNAL, FILE"),
        ("nb", ["backup"], "samjournal backup: feil: disse mangler: JOURNAL, FIL"),
        ("en", ["nonsense"], "samjournal: error: COMMAND: invalid choice: 'nonsense'"),
        ("nb", ["nonsense"], "samjournal: feil: KOMMANDO: ugyldig: 'nonsense'"),
        ("en", ["list", "j", "--bogus"], "samjournal: error: unrecognised arguments: --bogus"),
        ("nb", ["list", "j", "--bogus"], "samjournal: feil: ukjente argumenter: --bogus"),
        ("en", ["report", "summary", "j", "--out", "x.pdf", "--from", "May"],
         "samjournal report: error: --from: invalid value: 'May'"),
        ("nb", ["report", "summary", "j", "--out", "x.pdf", "--from", "mai"],
         "samjournal report: feil: --from: ugyldig verdi: 'mai'"),
    ],
)  # fmt: skip
def test_usage_errors_read_in_one_language(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    argv: list[str],
    error: str,
) -> None:
    monkeypatch.setenv("SAMJOURNAL_LANG", language)
    with pytest.raises(SystemExit) as done:
        core_cli.main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert error in err, err
    assert err.startswith({"en": "usage: ", "nb": "bruk: "}[language])
    assert leaks(err, language) == set(), err
