"""Qt's own dialogs speak bokmål: the file dialog "Lagre som PDF" opens and the print dialogs'
page settings. Our qtbase_nb.ts must carry Qt's exact source strings, accelerators and
disambiguations included ("Look in:" became "&Look in:" in Qt 6, review s10 #17)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPageSetupDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT
from ui.printing import new_printer, print_dialog
from ui.printouts.ask import ask_save_path

FOLDER_ROW = 0
TYPE_COLUMN = 2


def labels(widget: QWidget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}


def test_the_save_as_pdf_dialog_is_in_bokmal(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    make_app("nb")
    (tmp_path / "saker").mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, str] = {}

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        for name in ("LookIn", "FileType", "FileName"):
            seen[name] = dialog.labelText(getattr(QFileDialog.DialogLabel, name))
        model = dialog.findChild(QFileSystemModel)
        root = model.index(str(tmp_path))
        qtbot.waitUntil(lambda: model.rowCount(root) == 1, timeout=TIMEOUT)
        seen["folder's type"] = model.index(FOLDER_ROW, TYPE_COLUMN, root).data()
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    assert ask_save_path(parent, tmp_path / "saksoppsummering.pdf") is None
    assert seen == {
        "LookIn": "Se &i:",
        "FileType": "Filer av &typen:",
        "FileName": "Fil&navn:",
        "folder's type": "Mappe",
    }


def test_the_print_dialogs_page_settings_are_in_bokmal(qtbot: QtBot, make_app) -> None:
    make_app("nb")
    dialog = print_dialog(new_printer(), pages=3)
    qtbot.addWidget(dialog)
    assert "Si&desett:" in labels(dialog)
    # The page tab of the printer's Properties is this widget, also shown by QPageSetupDialog.
    page_setup = QPageSetupDialog(QPrinter())
    qtbot.addWidget(page_setup)
    assert {"Sider &per ark:", "Side&rekkefølge:"} <= labels(page_setup)
