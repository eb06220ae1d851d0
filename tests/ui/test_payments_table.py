"""The payments table gives the room to the purpose: a need, a sentence in the family's words,
is elided to a fixed width with the whole of it in the tooltip (review s10 #18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedDraft, PaymentDraft
from samjournal.money import Money
from tests.conftest import WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as, open_family
from tests.ui.test_screens import fill

NEED = "Tobias har astma, og egenandelene på medisinene spiser opp matbudsjettet hver måned."
PURPOSE = "Egenandel medisiner november"


def test_the_purpose_shows_whole_and_the_need_is_elided_with_a_tooltip(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    worker.meetings.record(
        template.worker_family,
        dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.UTC),
        MeetingKind.HOME_VISIT,
        needs=[NeedDraft(NEED, NeedCategory.HEALTH)],
        payments=[PaymentDraft(Money.kr(360), PURPOSE, draft_need=0)],
    )
    worker.lock()
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    w.resize(1200, 700)
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(3)
    view = w.family.payments.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(view.isVisible, timeout=TIMEOUT)
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    purpose, need = headers.index("Formål"), headers.index("Behov")
    metrics = view.fontMetrics()
    assert view.columnWidth(purpose) > metrics.horizontalAdvance(PURPOSE)
    assert view.columnWidth(need) < metrics.horizontalAdvance(NEED)
    assert model.data(model.index(0, need), Qt.ItemDataRole.ToolTipRole) == NEED


def test_choosing_a_row_leaves_the_headings_as_they_were(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Qt drew every heading bold once a row was chosen, and bold is wider: "Foreslått av" and
    "Godkjent av" read "Foreslått…", "Godkjent…" (outside review s20). The headings of the
    payments and of the case list look the same with a row chosen as without."""
    fill(journal_dir, template)  # payments, approved by a caseworker and not
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    w.resize(1200, 700)
    table = w.cases.table
    qtbot.waitUntil(lambda: table.model().rowCount() >= 1, timeout=TIMEOUT)
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(3)
    view = w.family.payments.view
    qtbot.waitUntil(lambda: view.model().rowCount() >= 1, timeout=TIMEOUT)
    for each in (view, table):
        if each is table:
            w.show_cases()
        qtbot.waitUntil(each.isVisible, timeout=TIMEOUT)
        each.clearSelection()
        before = each.horizontalHeader().grab().toImage()
        each.selectRow(0)
        assert each.selectionModel().hasSelection()
        assert each.horizontalHeader().grab().toImage() == before, each.accessibleName()
