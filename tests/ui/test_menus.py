"""The actions table builds the window's menus: every row becomes one action with its shortcut,
team-lead rows only for a team lead, family rows only while a family is open, and a family row
opens its own tab and dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, open_as, open_family
from ui import menus
from ui.dialogs.need import NeedDialog
from ui.main_window import MainWindow


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
