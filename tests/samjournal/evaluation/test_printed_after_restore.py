"""After an honest restore, a head printed on the new line still accuses a rewrite below it
(found by an outside review).

The footer printed "Logg N · <16 hex>" with no time, and audit_forks.explains excuses a witness
the log does not extend whose size lies between the restore point and how far the replaced
journal had come, unless the witness says when it was taken: a head printed after the restore
fell in that span by size alone, and a cut below it gave exit 3 ("lost in the restore",
unconfirmed, for ever) instead of exit 1. The footer now prints the time with the head: local, as
the page's header gives it, read back as the end of its minute."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path

import pytest

from samjournal import audit_heads
from samjournal.backup import restore
from samjournal.cli.commands import EXIT_ERROR, main
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity, _printed_head, _rewrite


def _cut(n: int):
    return lambda rows: rows[:-n]


def test_a_head_printed_after_a_restore_still_accuses_a_cut_tail(
    lead: Journal,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    older = lead.backup(tmp_path / "older.backup")
    _activity(lead, world, 40)  # work the restore will lose: the lost span is ~40+ events
    lead.lock()
    restore(older, world.journal, LEAD, LEAD_PASS, reason="disken døde")
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    _activity(journal, world, 10)
    later = dt.datetime.now().astimezone() + dt.timedelta(minutes=5)  # the restore took time
    printing = importlib.import_module("samjournal.reports.access_history")  # the module
    monkeypatch.setattr(printing, "now", lambda: later.replace(microsecond=0))
    monkeypatch.setattr(audit_heads, "now", lambda: later.isoformat(timespec="seconds"))
    printed = _printed_head(journal, world)  # the footer of a report printed after the restore
    backup = journal.backup(tmp_path / "after.backup")  # the same moment, as a backup (control)
    _activity(journal, world, 3)
    _rewrite(journal, _cut(12))  # the insider cuts below the printed head, recomputes it all
    journal.lock()

    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    capsys.readouterr()
    args = ["audit", "verify", str(world.journal), "--witness"]
    assert main([*args, str(backup)]) == EXIT_ERROR  # control: held
    capsys.readouterr()
    code = main([*args, printed])
    out = capsys.readouterr().out
    assert code == EXIT_ERROR, f"printed head {printed!r}: exit {code}\n{out}"


@pytest.fixture
def oslo(time_zone: Callable[[str], None]) -> None:
    time_zone("Europe/Oslo")


def test_a_printed_head_reads_back_with_its_time(oslo: None) -> None:
    head = audit_heads.Head(369, "07a90acdf24ca4d9" + "0" * 48)
    taken = dt.datetime(2026, 12, 5, 21, 42, 12, tzinfo=dt.UTC)
    line = f"Logg {audit_heads.printed(head.short(), taken)}"
    assert line == "Logg 369 · 07a90acdf24ca4d9 · 05.12.2026 22:42 +0100"  # the header's time
    end_of_minute = "2026-12-05T21:42:59+00:00"  # never earlier than it was printed
    assert audit_heads.parse(line) == audit_heads.Head(369, "07a90acdf24ca4d9", end_of_minute)
    # The hour the clocks go back comes twice: the offset tells which.
    first = audit_heads.parse("Logg 369 · 07a90acdf24ca4d9 · 25.10.2026 02:30 +0200")
    second = audit_heads.parse("Logg 369 · 07a90acdf24ca4d9 · 25.10.2026 02:30 +0100")
    assert (first.at, second.at) == ("2026-10-25T00:30:59+00:00", "2026-10-25T01:30:59+00:00")
    # Footers printed before: the time in UTC, and none at all.
    old = audit_heads.parse("Logg 369 · 07a90acdf24ca4d9 · 2026-12-05T21:42:12Z")
    assert old.at == "2026-12-05T21:42:12+00:00"
    assert audit_heads.parse("Logg 369 · 07a90acdf24ca4d9").at == ""


def test_a_printed_head_reads_the_same_in_any_time_zone(
    oslo: None, time_zone: Callable[[str], None]
) -> None:
    """Printed in Oslo, checked on a machine set to another zone (an auditor's, a server):
    the same moment, not one an hour earlier, which would let a head printed just after a
    restore pass for one the restore lost."""
    head = audit_heads.Head(369, "07a90acdf24ca4d9" + "0" * 48)
    taken = dt.datetime(2026, 12, 5, 21, 42, tzinfo=dt.UTC)
    line = f"Logg {audit_heads.printed(head.short(), taken)}"
    in_oslo = audit_heads.parse(line)
    time_zone("America/New_York")
    assert audit_heads.parse(line) == in_oslo
    assert in_oslo.at == "2026-12-05T21:42:59+00:00"
