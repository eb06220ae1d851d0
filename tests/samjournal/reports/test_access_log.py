"""The family's access log: who viewed or changed its records and when, nothing of the content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal import reports
from samjournal.errors import PermissionDenied
from samjournal.journal import Journal
from samjournal.model import MeetingKind
from samjournal.reports.labels import CONFIDENTIAL
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.samjournal.reports.conftest import flat, pages, text_of

NOTE = "Hemmelig møtenotat om Kanarifuglveien"


@pytest.fixture
def worked(journal_dir: Path, template: Template) -> Journal:
    """Kari records and edits; then the team lead opens the family and prints the log."""
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    family = template.worker_family
    kari.families.open(family)
    held = dt.datetime(2026, 2, 3, 9, tzinfo=dt.UTC)
    meeting = kari.meetings.record(family, held, MeetingKind.OFFICE, family_words=NOTE).meeting
    kari.meetings.update(meeting.id, held_at=held, kind=MeetingKind.OFFICE, family_words=NOTE)
    kari.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.families.open(family)
    return lead


def test_who_did_what_and_when(worked: Journal, template: Template) -> None:
    pdf = reports.access_log(worked, template.worker_family)
    text = " ".join(text_of(pdf).split())
    case = worked.families.get(template.worker_family).case_number
    assert "Innsynslogg" in text
    assert "Kari Nilsen (Familiekoordinator)" in text
    assert "Lise Leder (Teamleder)" in text
    assert "Registrerte et møte" in text
    assert "Endret et møte" in text
    assert "Åpnet saken" in text
    assert "Åpnet innsynsloggen" in text  # its own making is in the log it shows
    assert NOTE not in text
    assert "Kanarifuglveien" not in flat(text)
    first = pages(pdf)[0]
    assert case in first
    assert CONFIDENTIAL in " ".join(first.split())
    assert "Side 1 av" in first
    assert flat(worked.audit_head()) in flat(text_of(pdf))
    last = worked.audit_events(template.worker_family, limit=1)[0]
    assert (last.action, last.detail) == ("view", "access_log")


def test_english_and_the_cli_path(worked: Journal, template: Template, tmp_path: Path) -> None:
    pdf = reports.access_log(worked, template.worker_family, language="en")
    text = " ".join(text_of(pdf).split())
    assert "Access log" in text
    assert "Recorded a meeting" in text
    assert "Kari Nilsen" in text
    case = worked.families.get(template.worker_family).case_number
    out = reports.cli_build(worked, "access-log", tmp_path / "log.pdf", case_number=case)
    assert out.read_bytes().startswith(b"%PDF-")
    assert worked.audit_events(template.worker_family, limit=1)[0].action == "export"


def test_only_a_team_lead_prints_it(worker: Journal, template: Template, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="innsynsloggen"):
        reports.access_log(worker, template.worker_family)
    case = worker.families.get(template.worker_family).case_number
    with pytest.raises(PermissionDenied):
        reports.cli_build(worker, "access-log", tmp_path / "log.pdf", case_number=case)
    assert not (tmp_path / "log.pdf").exists()


def test_one_line_per_person_and_day(worked: Journal, template: Template) -> None:
    for _ in range(3):
        worked.families.open(template.worker_family)
    events = worked.audit_events(template.worker_family, limit=None)
    groups = {(e.at.astimezone().date(), e.user) for e in events}
    assert len(events) > len(groups) + 3  # there is something to group
    text = " ".join(text_of(reports.access_log(worked, template.worker_family)).split())
    by_day = text[text.index("Per dag og person") :]
    lines = by_day.count("(Familiekoordinator)") + by_day.count("(Teamleder)")
    assert lines == len(groups)
    assert "Åpnet saken (4 ganger)" in by_day  # the lead's opens that day, counted
    assert "Registrerte et møte; Endret et møte" in by_day  # in the order first done
