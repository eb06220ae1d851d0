"""`samjournal report ...`: the printouts from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, EXIT_REFUSED, build_parser, main
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.samjournal.reports.conftest import text_of


def test_report_commands(
    journal_dir: Path, template: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    case = lead.families.get(template.worker_family).case_number
    lead.lock()
    base = [str(journal_dir), "--user", LEAD]
    out = tmp_path / "s.pdf"
    assert main(["report", "summary", *base, "--case", case, "--out", str(out)]) == EXIT_OK
    assert "Familien Ødegård" in text_of(out.read_bytes())
    family = tmp_path / "f.pdf"
    args = ["report", "family", *base, "--case", case, "--out", str(family), "--language", "en"]
    assert main(args) == EXIT_OK
    assert "What we have agreed" in text_of(family.read_bytes())
    period = ["--from", "2026-01-01", "--to", "2026-06-30"]
    assert main(["report", "portfolio", *base, *period, "--out", str(tmp_path / "p.pdf")]) == 0
    assert main(["report", "summary", *base, "--case", "0-0", "--out", str(out)]) == EXIT_ERROR
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WORKER_PASS)
    worker = [str(journal_dir), "--user", WORKER, "--case", case, "--out", str(out)]
    assert main(["report", "summary", *worker]) == EXIT_REFUSED
    assert main(["report", "family", *worker]) == EXIT_OK


def test_recovery_sheet_again_from_the_key_typed_at_a_prompt(
    journal_dir: Path, template: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.delenv("SAMJOURNAL_RECOVERY_KEY", raising=False)
    asked: list[str] = []
    typed = iter([template.recovery_key.lower().replace("-", " ")])  # as a person types it

    def prompt(text: str) -> str:
        asked.append(text)
        return next(typed)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", prompt)
    out = tmp_path / "sheet.pdf"
    argv = ["report", "recovery-sheet", str(journal_dir), "--user", LEAD, "--out", str(out)]
    assert main(argv) == EXIT_OK
    assert asked == ["Gjenopprettingsnøkkel (fra det gamle arket): "]
    text = text_of(out.read_bytes())
    groups = template.recovery_key.split("-")
    assert all(group in text for group in groups)
    assert "Gjenopprettingsnøkkel for SamJournal" in text
    # Never kept: not in the journal's files, nor in what the audit says of the print.
    for path in journal_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert groups[0].encode() not in data
            assert groups[-1].encode() not in data
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        details = [(e.action, e.detail) for e in lead.audit_events(limit=6)]
        assert ("view", "recovery_sheet") in details
        assert ("print", "recovery_sheet") not in details  # written to a file, not printed
        assert ("export", "recovery_sheet saved as pdf") in details
        assert not any(groups[0] in d for _, d in details)
    finally:
        lead.lock()


def test_recovery_sheet_refuses_another_key_and_caseworkers(
    journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samjournal.keyring import new_recovery_key

    out = tmp_path / "sheet.pdf"
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_RECOVERY_KEY", new_recovery_key())  # well formed, not ours
    argv = ["report", "recovery-sheet", str(journal_dir), "--out", str(out)]
    assert main([*argv, "--user", LEAD]) == EXIT_ERROR
    monkeypatch.setenv("SAMJOURNAL_RECOVERY_KEY", "ABCD-EFGH")  # mistyped
    assert main([*argv, "--user", LEAD]) == EXIT_ERROR
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WORKER_PASS)
    assert main([*argv, "--user", WORKER]) == EXIT_REFUSED
    assert not out.exists()


def test_the_recovery_key_has_no_place_on_the_command_line() -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(
            ["report", "recovery-sheet", "j", "--out", "x.pdf", "--recovery-key", "ABCD"]
        )
