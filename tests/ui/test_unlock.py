"""The unlock screen: wrong passphrase, the growing delay, damaged files, failed attempts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from samjournal.errors import WrongPassphrase
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, lose_recent_work
from tests.ui.conftest import TIMEOUT, open_as
from ui.unlock import UnlockDialog


def try_passphrase(qtbot: QtBot, dialog: UnlockDialog, passphrase: str) -> None:
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=TIMEOUT)


def test_wrong_passphrase_then_throttled_then_failed_attempts_shown(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    app = make_app()
    dialog = app.open_journal(journal_dir)
    dialog.select_user(WORKER)
    try_passphrase(qtbot, dialog, "not the passphrase")
    assert "passordfrase" in dialog.message.text().lower() or "passphrase" in (
        dialog.message.text().lower()
    )
    assert dialog.isVisible()
    try_passphrase(qtbot, dialog, "still not it")
    try_passphrase(qtbot, dialog, "third time wrong")
    try_passphrase(qtbot, dialog, "fourth: now throttled")
    assert not dialog.unlock_button.isEnabled()  # counting down
    assert any(ch.isdigit() for ch in dialog.status.text())
    dialog.close()

    # After the wait, a good unlock shows how many attempts failed meanwhile.
    from samjournal.folder import JournalFolder

    folder = JournalFolder(journal_dir)
    raw = json.loads(folder.keyring_path.read_text())
    [slot] = [s for s in raw["slots"] if s["user"] == WORKER]
    failed = len(slot["failed_unlocks"])
    assert failed == 3  # the fourth try was throttled, not tried
    slot["failed_unlocks"] = [f"2026-01-02T03:0{i}:05+00:00" for i in range(failed)]  # long ago
    folder.keyring_path.write_text(json.dumps(raw))
    window = open_as(qtbot, app, journal_dir, WORKER, WORKER_PASS)
    assert window.banner.isVisible()
    assert "3" in window.banner.text()


def test_a_team_lead_is_not_told_to_tell_the_team_lead(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """She is the one they tell: the banner says what she can do herself (review s14)."""
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, LEAD, "not the passphrase")
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    text = window.banner.text()
    assert text.startswith("1 mislykket forsøk")
    assert "teamleder" not in text
    assert "Fil ▸ Bytt passordfrase…" in text


def test_a_failure_record_edited_since_the_last_unlock_is_shown(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:

    Journal.open(journal_dir, WORKER, WORKER_PASS).lock()  # seals the record
    raw = json.loads((journal_dir / "keyring.json").read_text())
    [slot] = [s for s in raw["slots"] if s["user"] == WORKER]
    slot["failures_seal"]["seen"] = 0
    slot["failures_seal"]["mac"] = "00" * 32  # what a hand edit without the key can write
    (journal_dir / "keyring.json").write_text(json.dumps(raw))
    window = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    assert window.session.journal.failures_altered
    assert window.banner.isVisible()
    assert "team" in window.banner.text().lower()


def test_a_damaged_keyring_is_told_apart(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    (journal_dir / "keyring.json").write_text("{ not json")
    app = make_app()
    dialog = app.open_journal(journal_dir)
    assert "keyring" in dialog.message.text().lower()
    assert not dialog.unlock_button.isEnabled()


def test_an_empty_database_is_named_not_the_keyring(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """A 0-byte journal.db said, from the second unlock on, that keyring.json belonged to another
    journal (reliability review): every try now names the database and the backup."""
    (journal_dir / "journal.db").write_bytes(b"")
    dialog = make_app().open_journal(journal_dir)
    dialog.select_user(LEAD)
    for _ in range(2):
        try_passphrase(qtbot, dialog, LEAD_PASS)
        assert dialog.message.text().startswith("Journaldatabasen er tom.")
        assert "sikkerhetskopi" in dialog.message.text()
    assert (journal_dir / "journal.db").stat().st_size == 0


def test_not_a_journal_at_all(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    app = make_app()
    dialog = app.open_journal(tmp_path / "nothing-here")
    assert dialog.message.text()
    assert not dialog.unlock_button.isEnabled()


def test_caps_lock_is_noticed_from_the_letters_typed(qtbot: QtBot, make_app, journal_dir) -> None:
    app = make_app()
    dialog = app.open_journal(journal_dir)
    qtbot.keyClicks(dialog.passphrase, "ABC")  # capitals without Shift: Caps Lock is on
    assert dialog.caps.isVisible()
    qtbot.keyClicks(dialog.passphrase, "a")
    assert not dialog.caps.isVisible()


def test_demo_journal_shows_its_passphrase(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    from samjournal import demo

    app = make_app()
    app.start(demo=True)
    bar = app.progress
    assert bar is not None
    qtbot.waitUntil(lambda: app.unlock_dialog is not None, timeout=60_000)
    assert (bar.value(), bar.maximum()) == (3, 3)  # it counted the families, not a busy bar
    dialog = app.unlock_dialog
    assert demo.DEMO_PASSPHRASE in dialog.demo_bar.text()
    assert (tmp_path / "demo" / "keyring.json").exists()
    # A caseworker is chosen, not the team lead (outside review s30).
    assert dialog.username() == demo.DEMO_CASEWORKERS[0][0] == "kari"
    dialog.select_user(demo.DEMO_LEAD[0])
    qtbot.keyClicks(dialog.passphrase, demo.DEMO_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    assert app.window.cases.model.total == 3
    assert app.prefs.last_journal is None  # the demo is not remembered as "your" journal

    # The lock screen shows the demo note whole (it was cut off: sized for another width).
    app.window.lock()
    locked = app.window.unlock_dialog
    assert locked is not None
    qtbot.waitExposed(locked)
    note = locked.demo_bar._text
    assert demo.DEMO_PASSPHRASE in locked.demo_bar.text()
    assert note.height() >= note.heightForWidth(note.width())


def test_an_older_journal_says_it_is_being_upgraded(
    qtbot: QtBot, make_app, tmp_path: Path, monkeypatch
) -> None:
    """The first unlock after installing a new version upgrades the schema, which can take a
    while on a large journal: the dialog says so instead of a bare "Opening…"."""
    from tests.samjournal.fixtures.make_schema_fixture import PASSPHRASE

    fixtures = Path(__file__).resolve().parents[1] / "samjournal" / "fixtures"
    journal = tmp_path / "journal"
    shutil.copytree(fixtures / "schema-0004", journal)
    app = make_app("en")
    dialog = app.open_journal(journal)
    shown: list[str] = []
    set_text = dialog.status.setText
    monkeypatch.setattr(dialog.status, "setText", lambda t: (shown.append(t), set_text(t)))
    dialog.select_user("lead")
    try_passphrase(qtbot, dialog, PASSPHRASE)
    assert any("Upgrading the journal" in text for text in shown), shown
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)


def test_a_current_journal_is_not_upgraded(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch
) -> None:
    app = make_app("en")
    dialog = app.open_journal(journal_dir)
    shown: list[str] = []
    set_text = dialog.status.setText
    monkeypatch.setattr(dialog.status, "setText", lambda t: (shown.append(t), set_text(t)))
    dialog.select_user(WORKER)
    try_passphrase(qtbot, dialog, WORKER_PASS)
    assert shown
    assert not any("Upgrading" in text for text in shown)


def test_enter_after_a_wrong_passphrase_tries_again_and_never_quits(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """Only the keyboard: a wrong passphrase and Enter, then the right one and Enter."""
    app = make_app()
    dialog = app.open_journal(journal_dir)
    dialog.select_user(WORKER)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog._busy and bool(dialog.message.text()), timeout=TIMEOUT)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.passphrase
    assert dialog.unlock_button.isDefault()
    assert not dialog.quit_button.isDefault()
    qtbot.keyClicks(dialog.passphrase, WORKER_PASS)  # the wrong text is selected: typed over
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)


def test_users_are_listed_by_name_and_unlock_is_the_last_button(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    app = make_app()
    dialog = app.open_journal(journal_dir)
    qtbot.waitExposed(dialog)
    names = [dialog.user.itemText(i) for i in range(dialog.user.count())]
    assert names == ["Kari Nilsen", "Lise Leder", "Per Hansen"]
    dialog.select_user(WORKER)
    assert dialog.user.currentText() == "Kari Nilsen"
    assert dialog.username() == WORKER
    # Unlock is the default and the rightmost button; Quit is at the other end.
    assert dialog.unlock_button.isDefault()
    assert dialog.forgot_button is not None
    assert dialog.other_button is not None
    xs = {
        b: b.mapTo(dialog, b.rect().topLeft()).x()
        for b in (dialog.quit_button, dialog.other_button, dialog.forgot_button)
    }
    unlock_x = dialog.unlock_button.mapTo(dialog, dialog.unlock_button.rect().topLeft()).x()
    assert all(x < unlock_x for x in xs.values())
    assert xs[dialog.quit_button] == min(xs.values())
    try_passphrase(qtbot, dialog, WORKER_PASS)
    qtbot.waitUntil(lambda: app.window is not None, timeout=TIMEOUT)


def test_a_team_lead_takes_a_journal_whose_recent_work_is_missing(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recent work missing (an older journal.db put back) refuses the unlock; the window offers
    the team lead's way on, which a caseworker is refused, and nothing is accepted unconfirmed."""
    lose_recent_work(journal_dir)

    app = make_app("en")
    dialog = app.open_journal(journal_dir)
    assert not dialog.accept_loss_button.isVisible()
    dialog.select_user(WORKER)
    try_passphrase(qtbot, dialog, WORKER_PASS)
    assert "missing" in dialog.message.text()
    assert dialog.accept_loss_button.isVisible()

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.pop(0))
    qtbot.mouseClick(dialog.accept_loss_button, Qt.MouseButton.LeftButton)  # cancelled
    assert dialog.isVisible()
    assert app.window is None
    qtbot.mouseClick(dialog.accept_loss_button, Qt.MouseButton.LeftButton)  # a caseworker: no
    qtbot.waitUntil(lambda: not dialog._busy, timeout=TIMEOUT)
    assert "Only a team lead" in dialog.message.text()
    assert app.window is None

    dialog.select_user(LEAD)
    try_passphrase(qtbot, dialog, LEAD_PASS)  # refused again: nothing was accepted
    assert dialog.accept_loss_button.isVisible()
    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.accept_loss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    names = [row.display_name for row in app.window.session.journal.families.case_list()]
    assert "Familien Nyere" not in names  # taken as it is: the lost family stays lost


def test_escape_on_the_first_unlock_clears_the_passphrase_and_never_quits(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """A team lead pressed Esc to start her passphrase over and lost the program (review s14)."""
    app = make_app()
    dialog = app.open_journal(journal_dir)
    qtbot.keyClicks(dialog.passphrase, "halvveis skrevet")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)
    assert dialog.passphrase.text() == ""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: still nothing happens
    assert dialog.isVisible()
    assert app.unlock_dialog is dialog
    dialog.select_user(LEAD)
    try_passphrase(qtbot, dialog, LEAD_PASS)  # and the way on still works
    qtbot.waitUntil(lambda: app.window is not None, timeout=TIMEOUT)


def test_a_name_chosen_from_the_list_puts_the_cursor_in_the_passphrase(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """The passphrase typed after choosing a name went to the list's search by letter, and the
    unlock said to type the passphrase (team-lead review); the arrow keys on the closed list
    still step through the names."""
    dialog = make_app().open_journal(journal_dir)
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    dialog.user.setFocus()
    qtbot.waitUntil(dialog.user.hasFocus, timeout=TIMEOUT)
    qtbot.keyClick(dialog.user, Qt.Key.Key_Down)  # closed: another name, the list keeps focus
    assert dialog.user.hasFocus()
    dialog.user.showPopup()
    dialog.user.setCurrentIndex(dialog.user.findData(WORKER))
    dialog.user.hidePopup()  # as a click on the name closes it
    qtbot.waitUntil(dialog.passphrase.hasFocus, timeout=TIMEOUT)
    qtbot.keyClicks(dialog.passphrase, WORKER_PASS)
    assert dialog.username() == WORKER
    assert dialog.passphrase.text() == WORKER_PASS


def test_choosing_another_user_clears_the_last_one_s_error_and_passphrase(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """After a wrong passphrase, choosing another name kept "Wrong passphrase" and the typed
    passphrase under it (outside review s20), and the wait of a throttled user."""
    dialog = make_app().open_journal(journal_dir)
    dialog.select_user(WORKER)
    for wrong in ("not it", "still not", "third time", "fourth: now throttled"):
        try_passphrase(qtbot, dialog, wrong)
    assert dialog.message.text()
    assert not dialog.unlock_button.isEnabled()  # counting down
    qtbot.keyClicks(dialog.passphrase, "typed for Kari")
    dialog.select_user(LEAD)
    assert dialog.passphrase.text() == ""
    assert not dialog.message.isVisible()
    assert not dialog.message.text()
    assert dialog.status.text() == ""
    assert dialog.unlock_button.isEnabled()  # the lead's own tries say if she must wait
    dialog.close()


def test_the_unlock_window_goes_back_to_its_size_once_its_message_is_gone(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """ "Wrong passphrase" grows the window to show it whole; choosing another user cleared it
    and the window stayed stretched, its fields spread out (outside review s20). It goes back,
    unless the user has sized it since."""
    dialog = make_app().open_journal(journal_dir)
    dialog.select_user(WORKER)
    QApplication.processEvents()
    before = dialog.size()
    try_passphrase(qtbot, dialog, "not the passphrase")
    grown = dialog.size()
    assert grown.height() > before.height()
    dialog.select_user(LEAD)
    assert dialog.size() == before
    dialog.select_user(WORKER)
    try_passphrase(qtbot, dialog, "not it either")
    dialog.resize(dialog.width() + 40, dialog.height() + 30)  # the user's own size: kept
    QApplication.processEvents()
    mine = dialog.size()
    dialog.select_user(LEAD)
    assert dialog.size() == mine
    dialog.close()
