"""A new recovery key from user management can be printed on a recovery sheet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

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
