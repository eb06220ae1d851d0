"""The recovery sheet saved as a PDF, the way out where no printer is set up; and what the
access log says of a sheet.

The file holds the recovery key: the message after saving says to print it and delete the file.
Building the sheet is audited as a view (reports.recovery_sheet); `audit_copy` records a copy
only once one exists, printed or saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from samjournal.audit import Action
from samjournal.errors import SamJournalError
from samjournal.journal import Journal
from samjournal.reports import save_pdf, saved_detail
from samjournal.reports.recovery_key_sheet import DOCUMENT
from ui.printouts.ask import ask_save_path
from ui.widgets import MessageBar


def audit_copy(journal: Journal, *, printed: bool) -> None:
    """The user printed the sheet (`printed`) or saved it as a PDF: the lines that say a copy of
    the key exists (never the key)."""
    if printed:
        journal.record_event(Action.PRINT, "journal", journal.journal_id, None, detail=DOCUMENT)
    else:
        detail = saved_detail(DOCUMENT)
        journal.record_event(Action.EXPORT, "journal", journal.journal_id, None, detail=detail)


def saved(outcome: tuple[str, str] | None) -> bool:
    """Whether `save_recovery_sheet`'s outcome is a file written."""
    return outcome is not None and outcome[0] != MessageBar.ERROR


def suggested_name() -> str:
    """In the UI's language, as the printouts' file names are."""
    return QCoreApplication.translate("RecoverySheet", "SamJournal-recovery-sheet") + ".pdf"


def save_recovery_sheet(pdf: bytes, parent: QWidget) -> tuple[str, str] | None:
    """Ask where, write the sheet there; (message kind, text) to show, None when cancelled."""
    target = ask_save_path(parent, Path.home() / suggested_name())
    if target is None:
        return None
    try:
        target = save_pdf(pdf, target)  # whole or not at all, never a half-written key
    except (OSError, SamJournalError):
        return MessageBar.ERROR, QCoreApplication.translate(
            "RecoverySheet", "Could not save the recovery sheet there; choose another folder."
        )
    return MessageBar.WARNING, QCoreApplication.translate(
        "RecoverySheet",
        "Saved as %1. Print it on a computer with a printer, put the sheet in the safe, and"
        " delete the file: anyone who has it can open the journal.",
    ).replace("%1", str(target))
