"""Locking: after idle time, and what stays in memory; the clipboard is cleared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
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
    w.family_action("add_member")
    member = find_window(qtbot, MemberDialog)
    member.name.setText("Halvferdig Navn")
    w.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: w.session.locked, timeout=TIMEOUT)
    assert not member.isVisible()
    assert w.pages.currentWidget() is w.locked_page
    qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
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
