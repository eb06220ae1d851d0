"""A message in a family tab (a refusal, "choose a meeting first") moves nothing a person was
about to click: it appears below the lists, by the buttons (lead review: tabs' messages shifted
the table under the mouse)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import LEAD, LEAD_PASS
from tests.ui.conftest import TIMEOUT, open_as, open_family
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
