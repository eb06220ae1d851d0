"""The export's audit recompute in a second process (samjournal/audit_recompute.py): the same
report as here, an edited event still stops the export, and without a child the log is still
recomputed, here."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from samjournal import audit_recompute
from samjournal.audit import ChainReport
from samjournal.errors import AuditChainBroken
from samjournal.journal import Journal
from samjournal.store import Database
from tests.samjournal.evaluation.conftest import STUDY, World
from tests.samjournal.evaluation.test_audit_insider import _first_view, _other_family
from tests.samjournal.evaluation.test_audit_witnesses import _activity

PACKAGING = Path(__file__).resolve().parents[3] / "packaging"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[audit_recompute.Recompute]:
    """Every recompute begun, each beside the caller however short the log."""
    monkeypatch.setattr(audit_recompute, "BESIDE_FROM", 0)
    found: list[audit_recompute.Recompute] = []
    begin = audit_recompute.begin

    def spy(*args: object) -> audit_recompute.Recompute:
        found.append(begin(*args))  # type: ignore[arg-type]
        return found[-1]

    monkeypatch.setattr(audit_recompute, "begin", spy)
    return found


@pytest.fixture
def here(lead: Journal, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the logs recomputed in this process."""
    log = lead._require_open().audit
    verify = log.verify
    sizes: list[int] = []

    def counted(db: Database, at: frozenset[int] = frozenset()) -> ChainReport:
        report = verify(db, at)
        sizes.append(report.events)
        return report

    monkeypatch.setattr(log, "verify", counted)
    return sizes


def test_the_child_reports_what_this_process_finds(
    lead: Journal, world: World, started: list[audit_recompute.Recompute], here: list[int]
) -> None:
    ctx = lead._require_open()
    _activity(lead, world, 3)
    with ctx.db.transaction() as db, audit_recompute.begin(ctx.audit, db) as recompute:
        assert recompute.beside
        beside = recompute.result()
    assert here == []
    mine = ctx.audit.verify(ctx.db)
    assert beside.ok
    assert (beside.events, beside.head, beside.root) == (mine.events, mine.head, mine.root)


def test_an_export_checks_the_log_in_the_child(
    lead: Journal,
    world: World,
    tmp_path: Path,
    started: list[audit_recompute.Recompute],
    here: list[int],
) -> None:
    _activity(lead, world, 3)
    size = int(lead._require_open().db.scalar("SELECT count(*) FROM audit"))
    result = lead.evaluation.export(STUDY, tmp_path / "out")
    assert result.path.exists()
    assert here == []
    [recompute] = started
    assert recompute._size == size
    assert not recompute.beside  # its child was stopped once the report came


def test_an_edited_event_found_by_the_child_stops_the_export(
    lead: Journal,
    world: World,
    tmp_path: Path,
    started: list[audit_recompute.Recompute],
    here: list[int],
) -> None:
    _activity(lead, world, 5)
    db = lead._require_open().db
    seq, family = _first_view(db, 0)
    with db.transaction():
        db.execute("UPDATE audit SET family_id = ? WHERE seq = ?", (_other_family(db, family), seq))
    with pytest.raises(AuditChainBroken, match=f"hendelse {seq} er endret") as caught:
        lead.evaluation.export(STUDY, tmp_path / "out")
    assert caught.value.key == "export_log_broken"
    assert len(started) == 1
    assert here == []
    assert not list((tmp_path / "out").glob("*.age"))


def test_without_a_child_the_log_is_recomputed_here(
    lead: Journal,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    started: list[audit_recompute.Recompute],
    here: list[int],
) -> None:
    def no_child(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(audit_recompute.subprocess, "Popen", no_child)
    _activity(lead, world, 5)
    db = lead._require_open().db
    seq, family = _first_view(db, 0)
    with db.transaction():
        db.execute("UPDATE audit SET family_id = ? WHERE seq = ?", (_other_family(db, family), seq))
    with pytest.raises(AuditChainBroken, match=f"hendelse {seq} er endret"):
        lead.evaluation.export(STUDY, tmp_path / "out")
    assert [r.beside for r in started] == [False]
    assert len(here) == 1


def test_a_report_on_another_log_size_is_not_taken(
    lead: Journal, world: World, here: list[int]
) -> None:
    """The child's report counts the events it read; one that is not the size the caller saw
    at the start is not the caller's log: recomputed here."""
    ctx = lead._require_open()
    _activity(lead, world, 2)
    with ctx.db.transaction() as db, audit_recompute.Recompute(ctx.audit, db, 1, 0) as recompute:
        assert recompute.beside
        report = recompute.result()
    assert here == [report.events]
    assert report.events > 1


@pytest.mark.parametrize("entry", ["app_entry.py", "cli_entry.py"])
def test_the_frozen_programs_run_the_child_as_python_does(
    lead: Journal, world: World, entry: str
) -> None:
    """Frozen, `sys.executable` is SamJournal or samjournal-cli: each takes the child's
    arguments (here run from source, as tests/packaging does)."""
    db = lead._require_open().db
    _activity(lead, world, 2)
    asked = json.dumps({"path": str(db.path.resolve()), "key": db.key.hex()}).encode()
    done = subprocess.run(
        [sys.executable, str(PACKAGING / entry), "-m", audit_recompute.MODULE],
        input=asked,
        capture_output=True,
        timeout=60,
        check=True,
    )
    report = pickle.loads(done.stdout)
    mine = lead._require_open().audit.verify(db)
    assert report.ok
    assert (report.events, report.root) == (mine.events, mine.root)
