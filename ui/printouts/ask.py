"""The questions printing asks the user: which printer, which file, which folder.

Kept apart so tests can answer them without a real dialog (monkeypatch these functions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ui import a11y
from ui.printing import new_printer, print_dialog, printer_set_up


def ask_printer(
    parent: QWidget, doc_name: str, pages: int, chosen: Callable[[QPrinter], None]
) -> None:
    """Qt's print dialog; `chosen(printer)` runs if the user prints (where no printer is set
    up, the user is told so instead: `printer_set_up`).

    `exec()`, not `open()`: on Windows the native print dialog only shows through `exec()`.
    If the window goes away meanwhile (the journal locked itself), nothing is printed.
    """
    if not printer_set_up(parent):
        return
    printer = new_printer(doc_name)
    dialog = print_dialog(printer, pages, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if shiboken6.isValid(dialog):
        dialog.deleteLater()
    if accepted and shiboken6.isValid(parent) and parent.isVisible():
        chosen(printer)


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """A file name for "Save as PDF" (None when cancelled)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printouts", "Save as PDF"),
        str(suggested),
        QCoreApplication.translate("Printouts", "PDF documents (*.pdf)"),
    )
    return Path(chosen) if chosen else None


def ask_folder(parent: QWidget, start: Path) -> Path | None:
    """A folder to save a batch of PDFs into (None when cancelled)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Printouts", "Save the case summaries in"), str(start)
    )
    return Path(chosen) if chosen else None


def confirm_replace(parent: QWidget, names: list[str]) -> bool:
    """Ask before files of the same names are replaced."""
    shown = "\n".join(names[:8]) + ("\n…" if len(names) > 8 else "")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Printouts", "Replace files?"),
        QCoreApplication.translate(
            "Printouts", "These files are already in the folder and will be replaced:\n%1"
        ).replace("%1", shown),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("Printouts", "&Replace")
    )
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("Printouts", "Cancel")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    a11y.name_parts(box)
    return box.exec() == QMessageBox.StandardButton.Yes
