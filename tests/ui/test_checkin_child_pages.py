"""A child's page in the check-in dialog follows the child's age on the check-in's day (not
today's), and its first question sits under the section heading (review of issue 17)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from tests.conftest import WORKER, WORKER_PASS, Template
from tests.ui.conftest import open_as, open_family
from tests.ui.test_checkin_instrument import press, record_dialog
from tests.ui.test_forms import add_adult
from ui import fmt
from ui.dialogs.checkin import CheckinDialog
from ui.instrument.page import RespondentPage

TODAY = dt.date.today()
# Ten years old twenty days ago: old enough for the child items (from 10) today, not a month ago.
BORN = (TODAY - dt.timedelta(days=20)).replace(year=TODAY.year - 10)


def _add_child(journal_dir: Path, template: Template) -> None:
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        kari.members.add(template.worker_family, "Sara Ødegård", is_child=True, birth_date=BORN)
    finally:
        kari.lock()


def _tabs(dialog: CheckinDialog) -> list[str]:
    return [dialog.pages.tabText(i) for i in range(dialog.pages.count())]


def _labels(page: RespondentPage) -> list[QLabel]:
    layout = page.layout()
    found = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [w for w in found if isinstance(w, QLabel)]


def test_a_childs_page_follows_the_age_on_the_check_ins_day(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    add_adult(journal_dir, template)
    _add_child(journal_dir, template)
    w = open_as(qtbot, make_app("nb"), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    dialog = record_dialog(qtbot, w)
    assert _tabs(dialog) == ["Anne Ødegård", "Sara Ødegård", "Familiekoordinator"]
    adult, child, _own = dialog.page_list()
    # The heading stands over the child's first question, not between the two.
    texts = [label.text() for label in _labels(child)]
    assert texts[1:3] == ["Livskvalitet", "Hvor bra har du det nå for tiden?"]
    assert "Å bli hørt" in texts
    press(qtbot, adult.widgets["life_satisfaction"], Qt.Key.Key_Down, 4)  # 3
    dialog.pages.setCurrentIndex(0)

    # A month ago Sara was nine: no page for her on that day; Anne's answer stays.
    dialog.answered_on.setDate(fmt.qdate(TODAY - dt.timedelta(days=30)))
    assert _tabs(dialog) == ["Anne Ødegård", "Familiekoordinator"]
    assert dialog.page_list()[0].widgets["life_satisfaction"].answer() == 3
    assert dialog.pages.currentIndex() == 0

    # Back to a day she was ten: her page again, with the items from 10.
    dialog.answered_on.setDate(fmt.qdate(TODAY - dt.timedelta(days=10)))
    assert _tabs(dialog) == ["Anne Ødegård", "Sara Ødegård", "Familiekoordinator"]
    child = dialog.page_list()[1]
    assert set(child.widgets) == {"child_life", "child_heard"}
    assert dialog.page_list()[0].widgets["life_satisfaction"].answer() == 3
    same = dialog.page_list()
    dialog.answered_on.setDate(fmt.qdate(TODAY))  # the same pages: none rebuilt
    assert dialog.page_list() == same
    dialog.reject()
