"""My profile: every user, a caseworker too, sets their own work phone in the window. It is
checked as the service's phone is, audited without the number, and printed on the family's copy
of the families they own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samjournal import reports
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.samjournal.reports.conftest import text_of
from tests.ui.conftest import TIMEOUT, find_window, open_as, wait_closed
from ui.dialogs.profile import MyProfileDialog
from ui.main_window import MainWindow


def _open(
    qtbot: QtBot, make_app, journal_dir: Path, language: str = "nb"
) -> tuple[MainWindow, MyProfileDialog]:
    w = open_as(qtbot, make_app(language), journal_dir, WORKER, WORKER_PASS)
    assert "my_profile" in w.actions_by_name  # a caseworker has it
    w.actions_by_name["my_profile"].trigger()
    dialog = find_window(qtbot, MyProfileDialog)
    qtbot.waitUntil(lambda: dialog.phone.isEnabled(), timeout=TIMEOUT)
    return w, dialog


def test_a_caseworker_sets_their_own_work_phone(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    window, dialog = _open(qtbot, make_app, journal_dir)
    assert "Kari Nilsen" in dialog.who.text()
    assert dialog.phone.text() == ""
    qtbot.keyClicks(dialog.phone, "ring sentralbordet")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "phone" in dialog.field_errors(), timeout=TIMEOUT)
    assert dialog.isVisible()  # refused beside the field, nothing saved
    assert "telefon" in dialog.field_errors()["phone"].lower()
    dialog.phone.setText("+47 415 55 123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, dialog)
    window.session.lock()
    qtbot.waitUntil(lambda: window.session.locked, timeout=TIMEOUT)

    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        assert {u.username: u.work_phone for u in lead.users()}[WORKER] == "+47 415 55 123"
        event = next(e for e in lead.audit_events(limit=10) if e.detail == "work phone")
        assert (event.user, event.entity_id) == (WORKER, WORKER)
        # Audited, never the number (not "415" alone: a slot's random hex id may hold it).
        events = repr(lead.audit_events(limit=5))
        assert "415 55 123" not in events
        assert "41555123" not in events
        copy = reports.family_copy(lead, template.worker_family)
    finally:
        lead.lock()
    assert "415 55 123" in text_of(copy).replace("\u00a0", " ")


def test_the_stored_number_is_shown_and_can_be_removed(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    j = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        j.set_work_phone(WORKER, "415 55 124")
    finally:
        j.lock()
    window, dialog = _open(qtbot, make_app, journal_dir, "en")
    assert dialog.windowTitle() == "My profile"
    assert dialog.phone.text() == "415 55 124"
    dialog.phone.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, dialog)
    window.session.lock()
    qtbot.waitUntil(lambda: window.session.locked, timeout=TIMEOUT)
    j = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        assert j.user.work_phone == ""
    finally:
        j.lock()
