"""The accessibility walk (issue 18, EN 301 549 ch. 11): every window and dialog of the client,
in bokmål and English, checked as an auditor would with Qt's accessibility tree and the Tab
key; see tests/ui/a11y_audit.py for what is checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QRect
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QMainWindow,
    QWidget,
    QWizard,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from samjournal.model import NeedCategory
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.ui.a11y_audit import (
    Found,
    audit,
    fits,
    mnemonics,
    names_and_roles,
    tab_cycle,
    tab_order,
)
from tests.ui.conftest import TIMEOUT, open_as, open_family
from tests.ui.test_screens import fill
from ui import widgets
from ui.dialogs.checkin import CheckinDialog
from ui.dialogs.meeting import MeetingDialog
from ui.main_window import MainWindow
from ui.printouts.options import CaseSummaryDialog
from ui.printouts.preview import PreviewDialog
from ui.shortcuts import ShortcutsDialog
from ui.unlock import UnlockDialog
from ui.widgets import FRAME_ROOM

LANGUAGES = ["nb", "en"]
W = TypeVar("W", bound=QWidget)

# Menu actions that open a window of their own, and the family tab they need (None: anywhere).
DIALOG_ACTIONS = [
    "new_family",
    "change_passphrase",
    "my_profile",
    "edit_family",
    "add_member",
    "record_meeting",
    "raise_need",
    "propose_payment",
    "record_checkin",
    "record_consent",
    "family_copy",
    "case_summary",
    "access_log",
    "erase_family",
    "portfolio",
    "batch_print",
    "purge_list",
    "users",
    "settings",
    "export_study",
    "export_history",
    "import_study",
    "hand_over",
    "receive_family",
    "handover_peers",
    "service_contact",
    "shortcuts",
    "about",
]


def shown_windows() -> set[QWidget]:
    """The dialogs and windows on screen (the other top-level widgets are Qt's own popups)."""
    return {w for w in widgets.shown_windows() if isinstance(w, QDialog | QMainWindow)}


def opened_by(qtbot: QtBot, act: Callable[[], object], what: str = "") -> QWidget:
    before = shown_windows()
    act()
    found: list[QWidget] = []

    def appeared() -> bool:
        found[:] = [w for w in shown_windows() - before if isinstance(w, QDialog | QWizard)]
        return bool(found)

    try:
        qtbot.waitUntil(appeared, timeout=TIMEOUT)
    except TimeoutError as exc:
        raise AssertionError(f"{what} opened no window") from exc
    return found[-1]


def close(window: QWidget) -> None:
    if shiboken6.isValid(window):
        if isinstance(window, QDialog):
            window.reject()
        window.close()
    # Delete what closing scheduled now, not during the next dialog's wait: a top-level widget
    # destroyed while the walk reads the list of windows crashed the run once.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def report(problems: list[Found]) -> str:
    return "\n".join(str(p) for p in problems)


@pytest.fixture
def lead_window(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, request
) -> Callable[[str], MainWindow]:
    fill(journal_dir, template)

    def open_in(language: str) -> MainWindow:
        window = open_as(qtbot, make_app(language), journal_dir, LEAD, LEAD_PASS)
        open_family(qtbot, window, "Familien Ødegård")
        return window

    return open_in


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_dialog_names_its_controls_tabs_in_reading_order_and_fits_the_screen(
    qtbot: QtBot, lead_window, lang: str
) -> None:
    window = lead_window(lang)
    problems: list[Found] = []
    checked = []
    for name in DIALOG_ACTIONS:
        action = window.actions_by_name.get(name)
        assert action is not None, name
        if name not in ("new_family", "change_passphrase", "my_profile", "shortcuts", "about") and (
            window.pages.currentWidget() is not window.family
        ):
            window.show_family(window.family.family_id)
        if name == "batch_print":  # prints the families selected in the case list
            window.show_cases()
            window.cases.table.selectAll()
        dialog = opened_by(qtbot, action.trigger, name)
        # What a dialog loads on the worker (the service contact's staff phones) grows it when
        # it comes: audit the dialog as a person meets it, loaded.
        qtbot.waitUntil(lambda: not window.session.worker.busy, timeout=TIMEOUT)
        qtbot.wait(20)  # the growth queued after loading (widgets.fit_dialog)
        checked.append(dialog.windowTitle())
        problems += audit(qtbot, dialog, order=not isinstance(dialog, QWizard))
        if isinstance(dialog, QWizard):
            problems += names_and_roles(dialog)
        close(dialog)
    print(f"\n{lang}: {len(checked)} dialogs walked: {', '.join(checked)}")
    assert not problems, report(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_main_window_and_every_family_tab_name_their_controls(
    qtbot: QtBot, lead_window, lang: str
) -> None:
    window = lead_window(lang)
    problems: list[Found] = []
    for index in range(window.family.tabs.count()):
        window.show_tab(index)
        QApplication.processEvents()
        problems += names_and_roles(window) + mnemonics(window)
    window.show_cases()
    problems += names_and_roles(window) + mnemonics(window)
    window.show_approvals()
    problems += names_and_roles(window) + mnemonics(window)
    window.show_family(window.family.family_id)
    for scale in (1.0, 1.5, 2.0):  # the main window too fits the laptop's screen when scaled
        problems += fits(window, scale)
    assert not problems, report(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_meeting_dialog_tabs_in_reading_order_before_and_after_rows_are_added(
    qtbot: QtBot, lead_window, lang: str
) -> None:
    """Adding a need and a payment row put them after Cancel: Tab cycled need -> category ->
    remove -> Save -> Cancel and never came back to the fields above."""
    window = lead_window(lang)
    window.actions_by_name["record_meeting"].trigger()
    dialog = _meeting(qtbot)
    assert not tab_order(qtbot, dialog), report(tab_order(qtbot, dialog))
    dialog.needs.add_button.click()  # by hand: the cursor goes into the new row
    need = dialog.needs.rows()[-1]
    assert QApplication.focusWidget() is need.text  # type: ignore[attr-defined]
    dialog.payments.add_button.click()
    payment = dialog.payments.rows()[-1]
    assert QApplication.focusWidget() is payment.amount  # type: ignore[attr-defined]
    dialog.add_need("Sykkel", NeedCategory.TRANSPORT)
    dialog.add_payment("300", "Buss")
    problems = tab_order(qtbot, dialog, start=dialog.held_at)
    assert not problems, report(problems)
    # Every field in a row has a visible heading above it, not a placeholder alone.
    for heading, field in zip(dialog.payments.headings, payment.fields, strict=True):  # type: ignore[attr-defined]
        assert heading.isVisible()
        assert heading.text().strip()
        assert heading.buddy() is not None
        assert abs(heading.x() - field.x()) < 4, (heading.text(), heading.x(), field.x())
    assert not names_and_roles(dialog), report(names_and_roles(dialog))
    for scale in (1.0, 1.5, 2.0):
        assert not fits(dialog, scale), report(fits(dialog, scale))
    # Narrow (2x on a laptop): the sections stack, and Tab still reads them in order.
    dialog.resize(620, dialog.height())
    QApplication.processEvents()
    assert dialog.draft_columns.direction() == QBoxLayout.Direction.TopToBottom
    scroll = dialog.scroll_body
    qtbot.waitUntil(  # nothing scrolls sideways, once the layouts have settled
        lambda: scroll.widget().width() <= scroll.viewport().width(), timeout=TIMEOUT
    )
    problems = tab_order(qtbot, dialog, start=dialog.held_at)
    assert not problems, report(problems)
    close(dialog)


def _shown(qtbot: QtBot, kind: type[W]) -> W:
    found: list[W] = []

    def shown() -> bool:
        found[:] = [w for w in shown_windows() if isinstance(w, kind)]
        return bool(found)

    qtbot.waitUntil(shown, timeout=TIMEOUT)
    return found[-1]


def _meeting(qtbot: QtBot) -> MeetingDialog:
    return _shown(qtbot, MeetingDialog)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_unlock_window_names_the_show_passphrase_toggle_and_tabs_in_reading_order(
    qtbot: QtBot, make_app, journal_dir: Path, lang: str
) -> None:
    app = make_app(lang)
    dialog = app.open_journal(journal_dir)
    qtbot.waitExposed(dialog)
    toggle = dialog.passphrase.show_button
    interface = QAccessible.queryAccessibleInterface(toggle)
    assert interface.text(QAccessible.Text.Name) in ("Vis passordfrasen", "Show passphrase")
    problems = audit(qtbot, dialog)
    assert not problems, report(problems)
    stops = tab_cycle(qtbot, dialog, start=dialog.user)
    assert stops[:3] == [dialog.user, dialog.passphrase, toggle]
    assert stops[-1] is dialog.unlock_button
    dialog.close()
    # The demo's note and its warning icon are named too.
    demo = UnlockDialog(journal_dir, worker=app.worker, demo_passphrase="demo-passordfrase")
    qtbot.addWidget(demo)
    demo.show()
    qtbot.waitExposed(demo)
    assert not audit(qtbot, demo), report(audit(qtbot, demo))
    demo.close()


def test_a_main_window_restored_bigger_than_the_screen_is_made_to_fit(
    qtbot: QtBot, make_app, journal_dir: Path, prefs
) -> None:
    """A size saved on a big monitor (or before 2x scaling) is used only when it fits."""
    probe = QWidget()
    probe.setGeometry(QRect(0, 0, 2400, 1400))
    prefs.set_geometry("main", QByteArray(probe.saveGeometry()))
    probe.deleteLater()
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() - FRAME_ROOM.width() + 1
    assert window.height() <= room.height() - FRAME_ROOM.height() + 1


def test_the_shortcut_list_is_a_named_table_that_scrolls(qtbot: QtBot, lead_window) -> None:
    """It was a message box taller than the screen at 1.5x, its icon unnamed."""
    window = lead_window("nb")
    dialog = opened_by(qtbot, window.actions_by_name["shortcuts"].trigger, "shortcuts")
    assert isinstance(dialog, ShortcutsDialog)
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "Ctrl+R" in keys
    assert not audit(qtbot, dialog), report(audit(qtbot, dialog))
    close(dialog)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_the_first_run_wizard(qtbot: QtBot, make_app, tmp_path: Path, lang: str):
    app = make_app(lang)
    wizard = app.run_wizard()
    qtbot.waitExposed(wizard)
    problems = audit(qtbot, wizard)
    wizard.next()
    wizard.location_page.path.setText(str(tmp_path / "journal"))
    problems += audit(qtbot, wizard)
    wizard.next()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    problems += audit(qtbot, wizard)
    wizard.next()
    problems += audit(qtbot, wizard)
    assert not problems, report(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_dialogs_opened_from_within_the_pages_and_the_lock_screen(
    qtbot: QtBot, lead_window, lang: str
) -> None:
    """The dialogs no menu opens: on a chosen member, meeting, need, payment, consent,
    check-in, user."""
    window = lead_window(lang)
    view = window.family
    problems: list[Found] = []

    def walk(tab, table, row: int, act: Callable[[], object], what: str) -> None:
        view.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: table.model().rowCount() > row, timeout=TIMEOUT)
        table.selectRow(row)
        dialog = opened_by(qtbot, act, what)
        problems.extend(audit(qtbot, dialog))
        close(dialog)

    o, m, n, p, c = view.overview, view.meetings, view.needs, view.payments, view.consents
    walk(o, o.members_view, 0, o.edit_member, "edit member")
    walk(o, o.members_view, 0, o.remove_member, "remove member")
    walk(m, m.view, 0, m.edit_meeting, "edit meeting")
    walk(n, n.view, 0, n.change_status, "need status")
    walk(n, n.view, 0, n.edit_need, "edit need")
    proposed = next(i for i, pay in enumerate(p.model.rows()) if pay.status.value == "proposed")
    walk(p, p.view, proposed, p.reject, "reject payment")
    walk(p, p.view, proposed, p.cancel, "cancel payment")
    walk(c, c.view, 0, c.withdraw, "withdraw consent")
    walk(c, c.view, 0, c.add_study, "add study")
    walk(view.checkins, view.checkins.view, 0, view.checkins.edit_checkin, "edit check-in")

    users = opened_by(qtbot, window.actions_by_name["users"].trigger, "users")
    qtbot.waitUntil(lambda: users.table.rowCount() == 3, timeout=TIMEOUT)
    users.table.selectRow(1)
    for act, what in (
        (users.add_user, "add user"),
        (users.remove_user, "remove user"),
        (users.reset_passphrase, "reset passphrase"),
    ):
        dialog = opened_by(qtbot, act, what)
        problems += audit(qtbot, dialog)
        close(dialog)
    close(users)

    # The print preview of a case summary, a window of its own.
    window.actions_by_name["case_summary"].trigger()
    options = _shown(qtbot, CaseSummaryDialog)
    preview = opened_by(qtbot, options.save_button.click, "case summary preview")
    assert isinstance(preview, PreviewDialog)
    problems += audit(qtbot, preview)
    close(preview)

    window.lock()
    qtbot.waitUntil(lambda: window.unlock_dialog is not None, timeout=TIMEOUT)
    problems += audit(qtbot, window.unlock_dialog)
    assert not problems, report(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_respondent_page_of_the_check_in_dialog(qtbot: QtBot, lead_window, lang: str) -> None:
    """The menu walk sees the first page; each respondent's page is walked here (an adult, two
    children old enough or not for the child items, the caseworker's own)."""
    window = lead_window(lang)
    dialog = opened_by(qtbot, window.actions_by_name["record_checkin"].trigger, "check-in")
    assert isinstance(dialog, CheckinDialog)
    assert dialog.pages.count() >= 3  # Anne, Jonas (from 10: the child items), the caseworker
    problems: list[Found] = []
    for index in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(index)
        QApplication.processEvents()
        problems += audit(qtbot, dialog)
    close(dialog)
    assert not problems, report(problems)
