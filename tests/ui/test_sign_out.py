"""Signing out: a colleague signs in on the same laptop (a team lead at a caseworker's, to
approve), from the lock screen or the File menu, without quitting the program."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolTip
from pytestqt.qtbot import QtBot

from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, unlock_in
from ui.app import App
from ui.dialogs.member import MemberDialog
from ui.main_window import MainWindow
from ui.unlock import UnlockDialog


def _unlock_screen(qtbot: QtBot, app: App) -> UnlockDialog:
    """The first unlock screen, with every user to choose from."""
    qtbot.waitUntil(lambda: app.unlock_dialog is not None, timeout=TIMEOUT)
    dialog = app.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert dialog.user.isEnabled()
    assert {dialog.user.itemData(i) for i in range(dialog.user.count())} >= {LEAD, WORKER}
    return dialog


def _draft_then_lock(
    qtbot: QtBot, app: App, journal_dir: Path
) -> tuple[MainWindow, MemberDialog, list[bool]]:
    """The caseworker's window with a member half written, locked; and the quits it asks for."""
    worker = open_as(qtbot, app, journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, worker, "Familien Ødegård")
    worker.actions_by_name["add_member"].trigger()
    member = find_window(qtbot, MemberDialog)
    member.name.setText("Halvferdig Navn")
    worker.lock()
    qtbot.waitUntil(lambda: worker.session.journal.locked, timeout=TIMEOUT)
    quits: list[bool] = []
    worker.quit_requested.connect(lambda: quits.append(True))
    return worker, member, quits


def test_a_colleague_signs_in_from_the_lock_screen(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    worker, member, quits = _draft_then_lock(qtbot, app, journal_dir)
    lock_screen = worker.unlock_dialog
    assert lock_screen is not None
    button = lock_screen.someone_else_button
    assert button is not None
    assert button.text() == "Logg inn som en a&nnen…"
    # The draft hidden at the lock would go: asked first, and Cancel keeps everything.
    asked: list[str] = []

    def answer(box: QMessageBox, with_button: QMessageBox.StandardButton) -> int:
        asked.append(box.text())
        return with_button

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.Cancel))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked
    assert "ikke lagret, går tapt" in asked[0]
    assert worker.isVisible()
    assert worker.unlock_dialog is lock_screen
    assert lock_screen.isVisible()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.Yes))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is None, timeout=TIMEOUT)
    assert not shiboken6.isValid(member) or not member.isVisible()
    screen = _unlock_screen(qtbot, app)
    assert not quits
    lead = unlock_in(qtbot, app, screen, LEAD, LEAD_PASS)
    assert lead is not worker
    assert lead.session.user.username == LEAD
    assert lead.actions_by_name["approvals"].isEnabled()  # the team lead's own window


def test_nothing_left_open_nothing_asked(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    worker = open_as(qtbot, app, journal_dir, WORKER, WORKER_PASS)
    # A tooltip on screen at the lock is no window left open (review: it asked).
    QToolTip.showText(worker.mapToGlobal(worker.rect().center()), "Hjelp", worker)
    qtbot.waitUntil(QToolTip.isVisible, timeout=TIMEOUT)
    worker.lock()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()))
    lock_screen = worker.unlock_dialog
    assert lock_screen is not None
    assert lock_screen.someone_else_button is not None
    qtbot.mouseClick(lock_screen.someone_else_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is None, timeout=TIMEOUT)
    assert not asked  # the lock screen itself is not a window left open
    _unlock_screen(qtbot, app)


def test_sign_out_from_the_menu_and_back_in(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    app = make_app("en")
    lead = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    action = lead.actions_by_name["sign_out"]
    assert action.text() == "Sign &out"
    action.trigger()  # nothing else open: no question
    qtbot.waitUntil(lambda: app.window is None, timeout=TIMEOUT)
    assert lead.session.locked
    qtbot.waitUntil(lambda: lead.session.journal.locked, timeout=TIMEOUT)
    screen = _unlock_screen(qtbot, app)
    window = unlock_in(qtbot, app, screen, WORKER, WORKER_PASS)
    assert isinstance(window, MainWindow)
    assert window.session.user.username == WORKER
    assert "approvals" not in window.actions_by_name  # a caseworker's window


def test_quitting_from_the_lock_screen_asks_for_a_draft_left_open(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A meeting half written, then the lock, then "Avslutt SamJournal": it quit unasked and
    the text was gone (reliability review, 2026-12-07), where signing out asked."""
    app = make_app()
    worker, member, quits = _draft_then_lock(qtbot, app, journal_dir)
    asked: list[str] = []

    def answer(box: QMessageBox, with_button: QMessageBox.StandardButton) -> int:
        asked.append(box.text())
        return with_button

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.Cancel))
    assert worker.unlock_dialog is not None
    qtbot.mouseClick(worker.unlock_dialog.quit_button, Qt.MouseButton.LeftButton)
    assert asked
    assert "ikke lagret, går tapt" in asked[0]
    assert not quits
    screen = worker.unlock_dialog  # asked again: the draft waits behind it
    assert screen is not None
    qtbot.waitUntil(screen.isVisible, timeout=TIMEOUT)
    qtbot.keyClicks(screen.passphrase, WORKER_PASS)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not worker.session.locked, timeout=TIMEOUT)
    qtbot.waitUntil(member.isVisible, timeout=TIMEOUT)
    assert member.name.text() == "Halvferdig Navn"
    worker.lock()
    qtbot.waitUntil(lambda: worker.session.journal.locked, timeout=TIMEOUT)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.Yes))
    assert worker.unlock_dialog is not None
    qtbot.mouseClick(worker.unlock_dialog.quit_button, Qt.MouseButton.LeftButton)
    assert quits == [True]
    assert len(asked) == 2
