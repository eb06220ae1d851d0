"""Case summaries for many families, one after another, to a printer or into a folder.

Each family is its own job on the database worker, so whatever else the window asks of the
worker (opening a family, a search) gets its turn between two summaries. A cancel is noticed
before each family and again after its summary is built, before anything is written: a saved file
is always whole (`save_pdf` writes atomically) and a printed summary is always a complete job.
Every summary is audited by the builder as a view; a save is audited by `save_pdf` and a print
by `record_printed`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter

from samjournal import reports
from samjournal.errors import SamJournalError
from samjournal.journal import Journal
from samjournal.model import CaseRow, FamilyId
from samjournal.reports.summary import gather
from ui.errors import describe
from ui.printing import render_to_printer
from ui.printouts.printout import (
    CASE_SUMMARY,
    Printout,
    file_name,
    printed_detail,
    record_printed,
)
from ui.render_process import RENDERER
from ui.session import Session
from ui.worker import Cancelled


def build_summary(
    journal: Journal, family_id: FamilyId, *, show_national_ids: bool, language: str | None
) -> bytes:
    """Read and audit on the database worker, lay out in the render process (module-level, so
    tests can slow it down or stop it)."""
    job = gather(journal, family_id, show_national_ids=show_national_ids, language=language)
    return RENDERER.render(job)


@dataclass(frozen=True)
class BatchOptions:
    show_national_ids: bool = False
    language: str | None = None
    folder: Path | None = None  # None: to the printer


@dataclass
class BatchResult:
    total: int
    done: list[str] = field(default_factory=list)  # case numbers
    saved: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # case number, message
    cancelled: bool = False
    stopped_by: str = ""  # the error that ended the run early, if any

    @property
    def finished_all(self) -> bool:
        return not self.cancelled and not self.stopped_by and len(self.done) == self.total


class BatchRun(QObject):
    """Drives the jobs; `progressed(done, total)` after each family, `finished(result)` once."""

    progressed = Signal(int, int)
    finished = Signal(object)  # BatchResult

    def __init__(
        self,
        session: Session,
        rows: list[CaseRow],
        options: BatchOptions,
        printer: QPrinter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if options.folder is None and printer is None:
            raise ValueError("a batch goes to a folder or to a printer")
        self.session = session
        self.rows = list(rows)
        self.options = options
        self.printer = printer
        self.result = BatchResult(len(self.rows))
        self._cancel = threading.Event()
        self._index = 0
        self.running = False

    # -- control (GUI thread) ---------------------------------------------------------------

    def start(self) -> None:
        self.running = True
        self._next()

    def cancel(self) -> None:
        """Stop before the next family (the one being built is not written)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _next(self) -> None:
        if self._cancel.is_set():
            self.result.cancelled = True
            self._finish()
            return
        if self._index >= len(self.rows):
            self._finish()
            return
        row = self.rows[self._index]
        self.session.submit(
            lambda j: self._one(j, row),
            lambda saved: self._one_done(row, saved),
            lambda error: self._one_failed(row, error),
            context=self,
        )

    def _one_done(self, row: CaseRow, saved: Path | None) -> None:
        self.result.done.append(row.case_number)
        if saved is not None:
            self.result.saved.append(saved)
        self._advance()

    def _one_failed(self, row: CaseRow, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.result.cancelled = True
            self._finish()
            return
        if isinstance(error, SamJournalError) and not self.session.locked:
            self.result.failed.append((row.case_number, describe(error)))  # this family only
            self._advance()
            return
        self.result.stopped_by = describe(error)
        self._finish()

    def _advance(self) -> None:
        self._index += 1
        self.progressed.emit(self._index, len(self.rows))
        self._next()

    def _finish(self) -> None:
        if self.running:
            self.running = False
            self.finished.emit(self.result)

    # -- one family (worker thread) ---------------------------------------------------------

    def _one(self, journal: Journal, row: CaseRow) -> Path | None:
        if self._cancel.is_set():
            raise Cancelled()
        pdf = build_summary(
            journal,
            row.id,
            show_national_ids=self.options.show_national_ids,
            language=self.options.language,
        )
        if self._cancel.is_set():
            raise Cancelled()  # built (and audited as such) but neither saved nor printed
        name = file_name(CASE_SUMMARY, row.case_number)
        if self.options.folder is not None:
            return reports.save_pdf(
                pdf,
                self.options.folder / name,
                journal=journal,
                document=CASE_SUMMARY,
                family_id=row.id,
            )
        assert self.printer is not None
        self.printer.setDocName(name.removesuffix(".pdf"))
        render_to_printer(pdf, self.printer)
        printout = Printout(b"", CASE_SUMMARY, "", name, row.id)
        record_printed(journal, printout, printed_detail(CASE_SUMMARY, self.printer))
        return None
