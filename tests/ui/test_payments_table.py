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
