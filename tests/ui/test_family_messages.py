"""A message in a family tab (a refusal, "choose a meeting first") moves nothing a person was
about to click: it appears below the lists, by the buttons (lead review: tabs' messages shifted
the table under the mouse); and a save made from a family tab is said in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, wait_closed
from ui.dialogs.checkin import CheckinDialog
from ui.dialogs.form import FormDialog
from ui.dialogs.need import NeedDialog
from ui.dialogs.payment import ProposePaymentDialog
from ui.dialogs.reason import ReasonDialog
from ui.family.tab import FamilyTab


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QPushButton) else ""
    return f"{type(widget).__name__} {widget.accessibleName() or text}"


def _places(tab: QWidget) -> dict[str, QPoint]:
    """Where every visible button and list of the tab starts, in the window."""
    window = tab.window()
    return {
        _name(w): w.mapTo(window, QPoint(0, 0))
        for w in tab.findChildren(QWidget)
        if isinstance(w, (QPushButton, QAbstractItemView)) and w.isVisible()
    }


def test_a_message_in_a_family_tab_moves_no_list_and_no_button(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    window.resize(1024, 700)
    open_family(qtbot, window, "Familien Ødegård")
    tabs = window.family.tabs
    checked = 0
    for index in range(tabs.count()):
        tab = tabs.widget(index)
        if not isinstance(tab, FamilyTab):
            continue
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(tab.isVisible, timeout=TIMEOUT)
        qtbot.wait(50)
        before = _places(tab)
        assert before, type(tab).__name__
        tab.show_info("Velg et møte i listen først.")
        qtbot.waitUntil(tab.message.isVisible, timeout=TIMEOUT)
        qtbot.wait(50)
        assert _places(tab) == before, type(tab).__name__
        tab.message.clear()
        checked += 1
    assert checked >= 6


def test_with_nothing_to_choose_the_message_says_there_is_none_yet(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """ "Velg et møte først" on a family with no meeting sent a new user looking for one."""
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, window, "Familien Hassan")
    family = window.family
    assert family.data is not None
    assert not family.data.detail.meetings
    family.tabs.setCurrentWidget(family.meetings)
    family.meetings.edit_meeting()
    assert family.meetings.message.text() == "Ingen møter ennå: registrer et møte først."
    family.tabs.setCurrentWidget(family.checkins)
    family.checkins.edit_checkin()
    assert family.checkins.message.text().startswith("Ingen kartlegginger ennå")


def test_a_saved_need_payment_and_check_in_are_said_as_a_meeting_is(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """A meeting's save was said in the status bar (and to a screen reader); a need's, a
    payment's and a check-in's said nothing as their dialogs closed (outside review)."""
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    journal.members.add(template.worker_family, "Åse Ødegård", birth_year=1984)
    journal.lock()
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    said: list[str] = []
    w.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)

    def save(action: str, kind: type[FormDialog], fill: Callable[[Any], None]) -> None:
        w.actions_by_name[action].trigger()
        dialog = find_window(qtbot, kind)
        fill(dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_closed(qtbot, dialog)

    save("raise_need", NeedDialog, lambda d: d.description.setText("Ny sykkel"))
    qtbot.waitUntil(lambda: said == ["Behovet er lagret."], timeout=TIMEOUT)

    def payment(d: ProposePaymentDialog) -> None:
        qtbot.keyClicks(d.amount, "300")
        d.purpose.setText("Busskort")

    save("propose_payment", ProposePaymentDialog, payment)
    qtbot.waitUntil(lambda: said[1:] == ["Utbetalingen er lagret."], timeout=TIMEOUT)

    def checkin(d: CheckinDialog) -> None:
        d.set_answer("life_satisfaction", 6)

    save("record_checkin", CheckinDialog, checkin)
    qtbot.waitUntil(lambda: said[2:] == ["Kartleggingen er lagret."], timeout=TIMEOUT)
    assert w.family.data is not None
    assert len(w.family.data.detail.checkins) == 1

    # A cancellation, too, closed its dialog without a word.
    w.show_tab(3)
    tab = w.family.payments
    tab.select_payment(w.family.data.detail.payments[0].id)
    tab.cancel_button.click()
    dialog = find_window(qtbot, ReasonDialog)
    dialog.reason.setText("Familien fikk busskort fra skolen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: said[3:] == ["Kansellert."], timeout=TIMEOUT)
