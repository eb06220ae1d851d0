"""A family's name may be 200 characters: where it is shown large, it is shortened with "…"
to the room there is, with the whole name in its tooltip, and the page stays in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family
from ui.case_list import FAMILY
from ui.handover import SendFamilyDialog

LONG_NAME = ("Familien Abdirahman-Mohamed-Østergaard-Lindqvist " * 4).strip() + "-Berg"


def rename(journal_dir: Path, template: Template, name: str) -> None:
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    worker.families.update(template.worker_family, display_name=name)
    worker.lock()


def test_a_long_name_is_shortened_and_the_family_page_stays_in_the_window(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    rename(journal_dir, template, LONG_NAME)
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    w.resize(1000, 650)
    open_family(qtbot, w, LONG_NAME)
    qtbot.waitUntil(lambda: w.family.isVisible())
    assert w.minimumSizeHint().width() <= 1000
    view = w.family
    for button in (view.back_button, view.copy_button, view.edit_button):
        right = button.mapTo(w, QPoint(button.width(), 0)).x()
        assert 0 < right <= w.width(), button.text()
    title = view.title
    assert title.is_elided()
    assert title.shown_text().endswith("…")
    assert title.text() == LONG_NAME  # what a screen reader reads
    assert title.toolTip() == LONG_NAME


def test_a_short_name_is_shown_whole_without_a_tooltip(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    w.resize(1000, 650)
    open_family(qtbot, w, "Familien Ødegård")
    qtbot.waitUntil(lambda: w.family.isVisible())
    assert not w.family.title.is_elided()
    assert w.family.title.toolTip() == ""


def test_the_case_list_gives_a_long_name_whole_in_its_tooltip(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    rename(journal_dir, template, LONG_NAME)
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    proxy = w.cases.proxy
    rows = [r for r in range(proxy.rowCount()) if proxy.family_at(r).display_name == LONG_NAME]
    index = proxy.index(rows[0], FAMILY)
    assert proxy.data(index, Qt.ItemDataRole.ToolTipRole) == LONG_NAME


def test_the_handover_dialog_stays_narrow_for_a_long_name(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    rename(journal_dir, template, LONG_NAME)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, LONG_NAME)
    w.actions_by_name["hand_over"].trigger()
    send = find_window(qtbot, SendFamilyDialog)
    qtbot.waitUntil(lambda: LONG_NAME in send.family.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: send.family.toolTip() == send.family.text(), timeout=TIMEOUT)
    assert send.width() < 1000
    shown = send.family.shown_text()  # shortened, not gone (review s30: nothing showed)
    assert len(shown) > 20
    assert send.family.text().startswith(shown.rstrip("…"))


def test_the_approvals_queue_elides_a_long_name_so_the_purpose_shows(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    rename(journal_dir, template, LONG_NAME)
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    worker.payments.propose(template.worker_family, Money.kr(12_500), "Depositum leilighet")
    worker.lock()
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.resize(1200, 700)
    w.show_approvals()
    view = w.approvals.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(view.isVisible, timeout=TIMEOUT)
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    family, purpose = headers.index("Familie"), headers.index("Formål")
    assert view.columnWidth(family) < view.fontMetrics().horizontalAdvance(LONG_NAME)
    assert view.columnWidth(purpose) > view.fontMetrics().horizontalAdvance("Depositum leilighet")
    assert model.data(model.index(0, family), Qt.ItemDataRole.ToolTipRole) == LONG_NAME
