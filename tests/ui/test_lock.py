"""Locking: after idle time, and what stays in memory; the clipboard is cleared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family
from ui.clipboard import copy_sensitive
from ui.dialogs.member import MemberDialog


def test_idle_lock_hides_open_forms_and_brings_them_back(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.actions_by_name["add_member"].trigger()
    member = find_window(qtbot, MemberDialog)
    member.name.setText("Halvferdig Navn")
    w.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: w.session.locked, timeout=TIMEOUT)
    assert not member.isVisible()
    assert w.pages.currentWidget() is w.locked_page
    qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
    quits: list[bool] = []
    w.quit_requested.connect(lambda: quits.append(True))
    lock_screen = w.unlock_dialog
    qtbot.keyClick(lock_screen, Qt.Key.Key_Escape)  # not "quit": the draft is only hidden
    assert lock_screen.isVisible()
    assert w.unlock_dialog is lock_screen
    assert not quits
    w.idle.set_minutes(5)
    w.unlock_dialog.passphrase.setText(WORKER_PASS)
    w.unlock_dialog.try_unlock()
    qtbot.waitUntil(lambda: not w.session.locked, timeout=TIMEOUT)
    assert member.isVisible()
    assert member.name.text() == "Halvferdig Navn"
    assert w.pages.currentWidget() is w.family


def test_a_sensitive_copy_is_cleared(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    copy_sensitive("01010112345", after_ms=30)
    assert clipboard.text() == "01010112345"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=TIMEOUT)


def test_input_on_any_window_keeps_the_journal_open(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from ui.idle import IdleWatcher

    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowModality(Qt.WindowModality.ApplicationModal)  # no other window blocks it
    window.show()
    qtbot.waitExposed(window)
    watcher = IdleWatcher(5)
    watcher.set_interval_ms(300)
    watcher.start()
    assert watcher.watched >= 1  # on the windows, not an application-wide event filter
    fired: list[int] = []
    watcher.idle.connect(lambda: fired.append(1))
    for _ in range(5):  # typing for longer than the idle time keeps it from firing
        qtbot.wait(100)
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=TIMEOUT)
    watcher.remove()


def test_lock_screen_shows_its_whole_error_and_no_user_signed_in(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    assert w.user_label.text().startswith("Logget inn som Kari Nilsen")
    w.lock()
    qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
    assert "Logget inn" not in w.user_label.text()
    assert "Kari" not in w.user_label.text()
    dialog = w.unlock_dialog
    dialog.passphrase.setText("ikke min passordfrase")
    dialog.try_unlock()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=TIMEOUT)
    text = dialog.message.text()
    assert text.startswith("Feil passordfrase.")
    # The lock screen has no "Forgot" button: the text leads through the one it has.
    assert dialog.forgot_button is None
    assert dialog.quit_button.text().replace("&", "") in text
    # The whole message fits: its label has at least the height its wrapped text needs.
    label = dialog.message._text
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=TIMEOUT)
    dialog.passphrase.setText(WORKER_PASS)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not w.session.locked, timeout=TIMEOUT)
    assert w.user_label.text().startswith("Logget inn som Kari Nilsen")


def test_ctrl_l_in_an_open_form_locks_and_keeps_the_draft(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.actions_by_name["add_member"].trigger()
    member = find_window(qtbot, MemberDialog)
    member.name.setText("Halvferdig Navn")
    member.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is member, timeout=TIMEOUT)
    qtbot.keyClick(member.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.session.locked, timeout=TIMEOUT)
    assert not member.isVisible()
    qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
    w.unlock_dialog.passphrase.setText(WORKER_PASS)
    w.unlock_dialog.try_unlock()
    qtbot.waitUntil(lambda: not w.session.locked, timeout=TIMEOUT)
    assert member.isVisible()
    assert member.name.text() == "Halvferdig Navn"
