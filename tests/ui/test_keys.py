"""Keys in the window: remove a user (the journal is re-encrypted), reset a passphrase with
the recovery key from the unlock screen, change your own passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from samjournal.errors import WrongPassphrase
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, OTHER, OTHER_PASS, WORKER, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, unlock_in, wait_closed
from ui.dialogs.passphrase import ChangePassphraseDialog, RecoveryResetDialog, StrengthMeter
from ui.dialogs.users import AddUserDialog, RemoveUserDialog, UsersDialog
from ui.main_window import MainWindow
from ui.widgets import PassphraseEdit


def test_remove_user_rekeys_and_the_window_goes_on(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.actions_by_name["users"].trigger()
    users = find_window(qtbot, UsersDialog)
    qtbot.waitUntil(lambda: users.table.rowCount() == 3, timeout=TIMEOUT)
    row = next(i for i in range(3) if users.table.item(i, 0).text() == OTHER)
    users.table.selectRow(row)
    qtbot.mouseClick(users.remove_button, Qt.MouseButton.LeftButton)
    confirm = find_window(qtbot, RemoveUserDialog)
    qtbot.mouseClick(confirm.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, confirm)
    qtbot.waitUntil(
        lambda: (
            users.table.item(row, 3) is not None
            and users.table.item(row, 3).text() != users.tr("Active")
        ),
        timeout=TIMEOUT,
    )
    users.close()
    assert OTHER not in Journal.usernames(journal_dir)
    try:
        Journal.open(journal_dir, OTHER, OTHER_PASS)
        raise AssertionError("a removed user opened the journal")
    except WrongPassphrase:
        pass
    w.reload()  # the window keeps working on the re-encrypted journal
    qtbot.waitUntil(lambda: w.cases.model.total == 2, timeout=TIMEOUT)


def test_forgot_passphrase_from_the_unlock_screen(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    app = make_app()
    dialog = app.open_journal(journal_dir)
    dialog.select_user(WORKER)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    reset = find_window(qtbot, RecoveryResetDialog)
    assert reset.user.currentData() == WORKER
    assert reset.user.currentText() == "Kari Nilsen"  # by name, as every list of users
    reset.key.setText("AAAA-BBBB")
    reset.new.setText("kari sin nye passordfrase")
    reset.repeat.setText("kari sin nye passordfrase")
    qtbot.mouseClick(reset.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "recovery_key" in reset.field_errors(), timeout=TIMEOUT)
    reset.key.setText(template.recovery_key.lower())
    qtbot.mouseClick(reset.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, reset)
    w = unlock_in(qtbot, app, dialog, WORKER, "kari sin nye passordfrase")  # back where it was
    assert w.session.user.username == WORKER


def test_forgot_passphrase_says_why_when_the_keyring_cannot_be_read(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    dialog = make_app().open_journal(journal_dir)
    (journal_dir / "keyring.json").write_text("{ not json", encoding="utf-8")  # damaged since
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=TIMEOUT)
    assert "keyring.json" in dialog.message.text()
    assert not any(isinstance(w, RecoveryResetDialog) for w in QApplication.topLevelWidgets())


def test_change_own_passphrase(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.actions_by_name["change_passphrase"].trigger()
    dialog = find_window(qtbot, ChangePassphraseDialog)
    dialog.current.setText("wrong current one")
    dialog.new.setText("en helt ny passordfrase")
    dialog.repeat.setText("en helt ny passordfrase")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nåværende" in dialog.field_errors(), timeout=TIMEOUT)
    dialog.current.setText(LEAD_PASS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, dialog)
    assert Journal.open(journal_dir, LEAD, "en helt ny passordfrase").user.username == LEAD


PassphraseDialog = ChangePassphraseDialog | RecoveryResetDialog | AddUserDialog


def open_passphrase_dialog(
    w: MainWindow, journal_dir: Path, kind: str
) -> tuple[PassphraseDialog, PassphraseEdit]:
    """One of the dialogs where a new passphrase is typed twice, open, and its first field."""
    dialog: PassphraseDialog
    if kind == "change":
        dialog = ChangePassphraseDialog(w.session, w)
        first = dialog.new
    elif kind == "reset":
        dialog = RecoveryResetDialog(
            journal_dir, w.session.worker, [(WORKER, "Kari Nilsen")], parent=w
        )
        first = dialog.new
    else:
        dialog = AddUserDialog(w.session, w)
        first = dialog.passphrase
    dialog.open()
    return dialog, first


@pytest.mark.parametrize("kind", ["change", "reset", "add_user"])
def test_not_the_same_stays_while_the_two_passphrases_differ(
    qtbot: QtBot, make_app, journal_dir: Path, kind: str
) -> None:
    """It went at the next keystroke, though the two still differed, and was told again only
    at Save (review); now it follows both fields, as in the setup wizard."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    dialog, first = open_passphrase_dialog(w, journal_dir, kind)
    repeat = dialog.repeat

    def shown() -> list[str]:
        return [t for k, t in dialog.field_errors().items() if k == "repeat_passphrase" and t]

    first.setText("tre blå båter i havna")
    repeat.setText("tre blå bater i havna")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = shown()
    assert len(said) == 1
    assert said[0].endswith("er ikke lik")
    repeat.setText("tre blå båter i havn")  # the repeat, still different
    assert shown() == said
    for field in (first, repeat):  # shown to see what was typed: nothing edited, it stays
        field.show_button.click()
        assert shown() == said
    first.setText("tre blå båter i havn")  # the first, now the same
    assert shown() == []
    first.setText("tre blå båter i havna")  # different again
    assert shown() == said
    repeat.clear()  # nothing to compare with
    assert shown() == []
    repeat.setText("tre blå båter i havna")
    assert shown() == []
    dialog.reject()


@pytest.mark.parametrize("kind", ["change", "reset", "add_user"])
def test_the_repeat_field_follows_the_strength_advice(
    qtbot: QtBot, make_app, journal_dir: Path, kind: str
) -> None:
    """A blank gap stood between the advice and "Gjenta" (review): its room was the label's
    size hint, which wraps at a narrower width than it has, and never shrank. Now the room is
    what the longest advice so far takes at its width, two lines at least, and no more."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    dialog, first = open_passphrase_dialog(w, journal_dir, kind)
    qtbot.waitExposed(dialog)
    meter = dialog.findChild(StrengthMeter)
    assert meter is not None
    advice = meter.advice
    two_lines = 2 * advice.fontMetrics().lineSpacing()

    def taken() -> int:
        """What the advice shown now takes at its width (two lines at least), as a label of
        its own would wrap it."""
        probe = QLabel(advice.text())
        probe.setWordWrap(True)
        probe.setFont(advice.font())
        return max(two_lines, probe.heightForWidth(advice.width()))

    assert advice.text()  # an empty field has advice: "Use at least 10 characters. ..."
    assert advice.height() == taken()
    first.setText("abc")  # the longest advice
    assert advice.height() == taken() > two_lines
    longest, repeat_at = advice.height(), dialog.repeat.mapTo(dialog, QPoint(0, 0))
    first.setText("tre blå båter i havna 1987!")  # strong: no advice, its room stays
    assert advice.text() == ""
    assert advice.height() == longest
    assert dialog.repeat.mapTo(dialog, QPoint(0, 0)) == repeat_at
    dialog.resize(dialog.width() + 300, dialog.height())  # wider: fewer lines, less room
    first.setText("abc")
    qtbot.waitUntil(lambda: advice.height() < longest, timeout=TIMEOUT)
    assert advice.height() == taken()
    dialog.reject()


@pytest.mark.parametrize("kind", ["change", "reset", "add_user"])
def test_the_dialog_grows_for_the_longest_advice(
    qtbot: QtBot, make_app, journal_dir: Path, kind: str
) -> None:
    """Four sentences of advice pushed "Gjenta" under a scrollbar: the dialog did not grow
    (review). The dialog's layout read the meter's old height until the layout requests had
    gone up level by level, so the fit came too early; now it lays them out first."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    dialog, first = open_passphrase_dialog(w, journal_dir, kind)
    qtbot.waitExposed(dialog)
    meter = dialog.findChild(StrengthMeter)
    assert meter is not None
    qtbot.keyClicks(first, "qweaaa199")  # too short, a run, repeats, not words: four sentences
    assert meter.advice.text().count(".") == 4
    body, repeat = dialog.scroll_body, dialog.repeat
    assert not body.verticalScrollBar().isVisible()
    assert (
        body.viewport().rect().contains(repeat.mapTo(body.viewport(), repeat.rect().bottomRight()))
    )
    dialog.reject()
