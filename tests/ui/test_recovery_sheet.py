"""A new recovery key from user management can be printed on a recovery sheet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS
from tests.ui.conftest import TIMEOUT, open_as
from ui.dialogs import passphrase


def test_print_the_sheet_for_a_new_key(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[bytes] = []
    monkeypatch.setattr(passphrase, "print_pdf", lambda pdf, *_a: printed.append(pdf) or True)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    key = w.session.journal.new_recovery_key()
    dialog = passphrase.RecoveryKeyDialog(key, w, w.session)
    qtbot.addWidget(dialog)
    dialog.print_sheet()
    qtbot.waitUntil(lambda: bool(printed), timeout=TIMEOUT)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(printed[0])).pages)
    assert all(group in text for group in key.split("-"))
    assert "skriveren" in dialog.message.text()
    # Built (a view), then printed: the access log says both, in that order.
    qtbot.waitUntil(lambda: _sheet_events(w.session.journal)[-1:] == ["print"], timeout=TIMEOUT)
    assert _sheet_events(w.session.journal) == ["view", "print"]


def test_the_outcome_of_a_save_is_shown_whole(
    qtbot: QtBot, make_app, journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After "Save as PDF" the dialog did not grow and the message's last lines were cut off
    (team-lead review)."""
    long = " ".join(["The recovery sheet was saved in a folder with a long name."] * 6)
    monkeypatch.setattr(
        passphrase, "save_recovery_sheet", lambda _pdf, _parent: (tmp_path / "ark.pdf", long)
    )
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    dialog = passphrase.RecoveryKeyDialog(w.session.journal.new_recovery_key(), w, w.session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.print_sheet(to_file=True)
    qtbot.waitUntil(lambda: dialog.message.text() == long, timeout=TIMEOUT)
    message = dialog.message
    assert message.height() >= message.heightForWidth(message.width())
    assert message.geometry().bottom() <= dialog.rect().bottom()


def test_a_print_cancelled_leaves_only_the_view(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the sheet is not printing it: a cancelled print dialog must not tell a reader
    of the access log that a paper copy of the key exists."""
    asked: list[bytes] = []
    monkeypatch.setattr(passphrase, "print_pdf", lambda pdf, *_a: asked.append(pdf) and False)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    dialog = passphrase.RecoveryKeyDialog(w.session.journal.new_recovery_key(), w, w.session)
    qtbot.addWidget(dialog)
    dialog.print_sheet()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    qtbot.wait(100)  # anything the worker would still record
    assert _sheet_events(w.session.journal) == ["view"]


def _sheet_events(journal: Journal) -> list[str]:
    """The actions the access log holds about recovery sheets, oldest first."""
    return [
        e.action
        for e in reversed(journal.audit_events(limit=50))
        if e.detail.startswith("recovery_sheet")
    ]


def test_the_recovery_sheet_can_be_saved_as_pdf_where_no_printer_exists(
    qtbot: QtBot, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.recovery_file

    target = tmp_path / "ark.pdf"
    monkeypatch.setattr(ui.recovery_file, "ask_save_path", lambda _parent, _suggested: target)
    app = make_app()
    wizard = app.run_wizard()
    wizard.next()  # welcome
    wizard.location_page.path.setText(str(tmp_path / "j"))
    wizard.next()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    wizard.next()
    wizard.passphrase_page.passphrase.setText("tre blå båter i havna")
    wizard.passphrase_page.repeat.setText("tre blå båter i havna")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=TIMEOUT)
    qtbot.mouseClick(wizard.key_page.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    message = wizard.key_page.message.text()
    assert str(target) in message
    assert "slett filen" in message
    assert wizard.journal is not None
    assert _sheet_events(wizard.journal) == ["view", "export"]  # saved, not printed


@pytest.mark.parametrize(
    ("language", "name"),
    [("nb", "SamJournal-gjenopprettingsark.pdf"), ("en", "SamJournal-recovery-sheet.pdf")],
)
def test_the_suggested_file_name_is_in_the_ui_language(
    qtbot: QtBot, make_app, monkeypatch: pytest.MonkeyPatch, language: str, name: str
) -> None:
    import ui.recovery_file

    suggested: list[Path] = []
    monkeypatch.setattr(
        ui.recovery_file, "ask_save_path", lambda _parent, path: suggested.append(path)
    )
    make_app(language)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ui.recovery_file.save_recovery_sheet(b"%PDF-1.7", parent) is None  # cancelled
    assert [path.name for path in suggested] == [name]
