"""One built document on its way to the preview: the PDF bytes and what to call it.

File and job names carry the case number, never the family's name: a file name travels
(mail attachments, print queues, "recent files" lists) where the content does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtPrintSupport import QPrinter

from samjournal.audit import Action
from samjournal.journal import Journal
from samjournal.model import FamilyId

CASE_SUMMARY, FAMILY_COPY, PORTFOLIO = "case_summary", "family_copy", "portfolio"
ACCESS_LOG = "access_log"
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


@dataclass(frozen=True)
class Printout:
    pdf: bytes
    kind: str  # CASE_SUMMARY, FAMILY_COPY, PORTFOLIO, ACCESS_LOG: as the audit log names them
    title: str  # for the preview's window title: the document and the case number
    file_name: str  # suggested when saving; no family name
    family_id: FamilyId | None = None


def safe_part(text: str) -> str:
    """Letters, digits, dot and dash only (case numbers are usually like 2026-0042)."""
    return _UNSAFE.sub("-", text).strip("-.") or "x"


def document_title(kind: str) -> str:
    return {
        CASE_SUMMARY: QCoreApplication.translate("Printouts", "Case summary"),
        FAMILY_COPY: QCoreApplication.translate("Printouts", "Family copy"),
        PORTFOLIO: QCoreApplication.translate("Printouts", "Portfolio report"),
        ACCESS_LOG: QCoreApplication.translate("Printouts", "Access log"),
    }[kind]


def file_stem(kind: str) -> str:
    """The start of a file name, in the user's language ("saksoppsummering" in bokmål)."""
    return {
        CASE_SUMMARY: QCoreApplication.translate("Printouts", "case-summary"),
        FAMILY_COPY: QCoreApplication.translate("Printouts", "family-copy"),
        PORTFOLIO: QCoreApplication.translate("Printouts", "portfolio"),
        ACCESS_LOG: QCoreApplication.translate("Printouts", "access-log"),
    }[kind]


def file_name(kind: str, subject: str) -> str:
    """`saksoppsummering-2026-0042.pdf`; `subject` is a case number or a period."""
    return f"{safe_part(file_stem(kind))}-{safe_part(subject)}.pdf"


def with_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


_last_folder: Path | None = None  # this run only: never written to the settings


def save_folder() -> Path:
    """Where a save dialog starts: the last folder used this run, else Documents, else the home
    folder. Qt names Documents whether or not it exists, and a dialog started in a folder that
    does not exist opens in the program's working folder (a review found a case summary about
    to be saved into the source tree)."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path) -> None:
    global _last_folder
    _last_folder = folder


PRINTED_TO_FILE = " printed to file"


def printed_detail(kind: str, printer: QPrinter) -> str:
    """The audit detail of a print: the document ("case_summary"), with " printed to file" when
    the print went to a PDF file instead of paper."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    return kind + (PRINTED_TO_FILE if to_file else "")


def record_printed(journal: Journal, printout: Printout, detail: str) -> None:
    """The user sent the previewed document to a printer. The builder recorded the preview as a
    view; this is the only line that says the document was printed."""
    if printout.family_id is not None:
        fid = printout.family_id
        journal.record_event(Action.PRINT, "family", fid, fid, detail=detail)
    else:
        journal.record_event(Action.PRINT, "journal", journal.journal_id, None, detail=detail)
