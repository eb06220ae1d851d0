"""`samjournal report ...`: the printouts from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.cli import EXIT_ERROR, EXIT_OK, EXIT_REFUSED, main
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
