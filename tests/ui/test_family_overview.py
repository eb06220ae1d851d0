"""The family overview: what needs attention is marked, and the budget legend is shown whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samjournal import vocabulary
from samjournal.journal import Journal
from samjournal.model import MeetingKind
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as, open_family
from ui import attention


def spend_and_miss(journal_dir: Path, template: Template, share: int) -> None:
    """Approve `share` % of the family's frame and plan a meeting two weeks ago."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    fid = template.worker_family
    frame = worker.families.budget(fid).frame
    payment = worker.payments.propose(fid, Money(frame.ore * share // 100), "Husleie")
    worker.payments.propose(fid, Money.kr(500), "Busskort")
    held = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    worker.meetings.record(
        fid, held, MeetingKind.HOME_VISIT, next_meeting_at=held + dt.timedelta(days=14)
    )
    worker.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)  # over the limit: the team lead approves
    lead.payments.approve(payment.id)
    lead.lock()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_overdue_meeting_and_nearly_spent_budget_are_marked(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, language: str
) -> None:
    spend_and_miss(journal_dir, template, 97)
    w = open_as(qtbot, make_app(language), journal_dir, WORKER, WORKER_PASS)
    w.resize(1000, 650)
    open_family(qtbot, w, "Familien Ødegård")
    overview = w.family.overview
    word = {"nb": ("over tiden", "nesten brukt opp"), "en": ("overdue", "nearly spent")}[language]
    assert overview.next_meeting.text().startswith(attention.SIGN)
    assert overview.next_meeting.text().endswith(f"({word[0]})")
    assert overview.next_meeting.palette().color(overview.next_meeting.foregroundRole()) == (
        attention.colour()
    )
    bar = overview.budget
    assert bar.alert_text().startswith(f"{attention.SIGN} 97 %")
    assert bar.alert_text().endswith(word[1])
    assert word[1] in bar.accessibleDescription()
    # The legend wraps when narrow, and the bar is always tall enough for all of it.
    assert bar.heightForWidth(220) > bar.heightForWidth(900)
    qtbot.waitUntil(lambda: bar.height() >= bar.heightForWidth(bar.width()), timeout=TIMEOUT)


def test_a_budget_with_room_and_no_plan_is_not_marked(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    overview = w.family.overview
    assert overview.next_meeting.text() == "ikke avtalt"
    assert overview.budget.alert_text() == ""


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_primary_contact_is_named_as_on_paper(
    qtbot: QtBot, make_app, journal_dir: Path, language: str
) -> None:
    w = open_as(qtbot, make_app(language), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    members = w.family.overview.members
    horizontal = Qt.Orientation.Horizontal
    headers = [members.headerData(c, horizontal) for c in range(members.columnCount())]
    assert vocabulary.primary_contact(language) in headers  # the case summary's word
