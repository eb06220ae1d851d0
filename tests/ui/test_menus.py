"""The actions table builds the window's menus: every row becomes one action with its shortcut,
team-lead rows only for a team lead, family rows only while a family is open, and a family row
opens its own tab and dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as, open_family
from ui import menus
from ui.dialogs.need import NeedDialog
from ui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_every_row_is_an_action_with_its_shortcut(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    table = menus.actions(MainWindow)
    assert [a.name for a in table] == list(w.actions_by_name)
    for spec in table:
        action = w.actions_by_name[spec.name]
        wanted = QKeySequence(spec.shortcut) if spec.shortcut is not None else QKeySequence()
        assert action.shortcut() == wanted, spec.name
        assert action.text() == spec.text or spec.name == "approvals"  # it shows the count
    shortcuts = [a.shortcut().toString() for a in w.actions_by_name.values()]
    taken = [s for s in shortcuts if s]
    assert len(taken) == len(set(taken)), "two actions share a shortcut"
    # Every menu of the bar is one the table names, in the table's order.
    titles = [a.text() for a in w.menuBar().actions()]
    wanted_menus = menus.menu_titles()
    assert titles == [wanted_menus[m] for m in ("file", "view", "family", "lead", "help")]


def test_a_caseworker_gets_no_team_lead_rows(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    lead_only = {a.name for a in menus.actions(MainWindow) if a.teamlead_only}
    assert lead_only >= {"approvals", "case_summary", "erase_family"}
    assert not lead_only & set(w.actions_by_name)
    assert len(w.menuBar().actions()) == 4  # no team-lead menu


def test_family_rows_follow_the_page_and_open_their_tab(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app("en"), journal_dir, WORKER, WORKER_PASS)
    family_rows = [
        a.name for a in menus.actions(MainWindow) if a.family_only and not a.teamlead_only
    ]
    assert not any(w.actions_by_name[n].isEnabled() for n in family_rows)
    assert w.actions_by_name["new_family"].isEnabled()
    open_family(qtbot, w, "Familien Ødegård")
    assert all(w.actions_by_name[n].isEnabled() for n in family_rows)
    w.actions_by_name["raise_need"].trigger()
    assert w.family.tabs.currentWidget() is w.family.needs
    dialog = w.family.needs.findChild(NeedDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    w.lock()
    assert not w.actions_by_name["raise_need"].isEnabled()
    assert w.actions_by_name["quit"].isEnabled()  # what works while locked stays on
    qtbot.waitUntil(lambda: w.unlock_dialog is not None, timeout=TIMEOUT)


def test_a_family_row_acts_on_the_family_chosen_in_the_case_list(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """A new user pressed Ctrl+Shift+S on a selected case and nothing happened: from the list,
    a family's shortcut opens the one family selected and runs there; with none (or several)
    selected the Family menu stays off."""
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    cases = w.cases
    names = {}
    for row in range(cases.proxy.rowCount()):
        case = cases.proxy.family_at(row)
        assert case is not None
        names[case.display_name] = case.id
    assert cases.select_family(names["Familien Ødegård"])
    assert w.actions_by_name["raise_need"].isEnabled()
    assert w.actions_by_name["case_summary"].isEnabled()
    others = [fid for name, fid in names.items() if name != "Familien Ødegård"]
    assert others, "the test journal has one family only"
    cases.select_family(others[0], add=True)
    assert not w.actions_by_name["raise_need"].isEnabled()  # which one? none
    cases.select_family(names["Familien Ødegård"])
    QTest.keyClick(cases.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | SHIFT)
    qtbot.waitUntil(lambda: w.family.needs.findChild(NeedDialog) is not None, timeout=TIMEOUT)
    assert w.pages.currentWidget() is w.family
    assert w.family.data is not None
    assert w.family.data.detail.family.display_name == "Familien Ødegård"
    assert w.family.tabs.currentWidget() is w.family.needs
    dialog = w.family.needs.findChild(NeedDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    # A tab's shortcut from the list opens the family at that tab.
    w.show_cases()
    cases.select_family(others[0])
    w.actions_by_name["tab_2"].trigger()
    qtbot.waitUntil(
        lambda: w.family.data is not None and w.family.data.detail.family.id == others[0],
        timeout=TIMEOUT,
    )
    qtbot.waitUntil(lambda: w.family.tabs.currentIndex() == 2, timeout=TIMEOUT)


def test_a_double_click_opens_the_family_once(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """The access log had two openings for one double-click: the list opened the family on
    its double click and on its activation, which a double click also is (team-lead review)."""
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    cases = w.cases
    assert cases.select_family(template.worker_family)
    row = cases.proxy.mapFromSource(
        cases.model.index(cases.model.row_of(template.worker_family), 0)
    )
    rect = cases.table.visualRect(row)
    view = cases.table.viewport()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: w.family.data is not None, timeout=TIMEOUT)
    qtbot.wait(200)  # a second opening, if any, lands meanwhile
    w.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        opened = [e for e in lead.audit_events(template.worker_family) if e.action == "view"]
    finally:
        lead.lock()
    assert len(opened) == 1
