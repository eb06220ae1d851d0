"""A restore killed (SIGKILL, a real second process) between its steps opens without a false
"recent work missing" (found by an outside review). The database is swapped in before the marks
follow it; stopped in between, the old marks are the replaced journal's, and its restore fork
explains them (mark.replaced_by_restore); the account's mark carries its time for that."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from samjournal.errors import RecentWorkMissing
from samjournal.i18n import describe
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS
from tests.killing import ROOT


def _restore_killed(backup_file: Path, target: Path, point: str) -> int:
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        from samjournal import backup
        from samjournal.folder import JournalFolder
        original = JournalFolder.swap_in
        def swap_in(self, *a, **k):
            if {point!r} == "before_swap":
                os.kill(os.getpid(), signal.SIGKILL)
            original(self, *a, **k)
            if {point!r} == "after_swap":
                os.kill(os.getpid(), signal.SIGKILL)
        JournalFolder.swap_in = swap_in
        backup.restore(Path({str(backup_file)!r}), Path({str(target)!r}), {LEAD!r}, {LEAD_PASS!r},
                       reason="disken døde")
        print("NOT KILLED")
        """
    )
    child = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    return child.returncode


def _journal_with_newer_work(journal_dir: Path, tmp_path: Path) -> Path:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup_file = lead.backup(tmp_path / "older.backup")
    for i in range(3):
        lead.families.create(f"Familien Etter {i}")
    lead.lock()
    return backup_file


@pytest.mark.parametrize("point", ["before_swap", "after_swap"])
def test_a_restore_killed_midway_opens_without_a_false_loss(
    journal_dir: Path, tmp_path: Path, point: str
) -> None:
    backup_file = _journal_with_newer_work(journal_dir, tmp_path)
    assert _restore_killed(backup_file, journal_dir, point) == -9
    try:
        Journal.open(journal_dir, LEAD, LEAD_PASS).lock()
    except RecentWorkMissing as exc:
        pytest.fail(
            f"SIGKILL {point}: the journal is refused as missing recent work ({exc.key}:"
            f" mark {exc.mark}, found {exc.found}) although nothing was lost; the team lead's"
            f" only way on is --accept-loss, which records a second, false fork.\n"
            f"It says: {describe(exc, 'en')}"
        )
