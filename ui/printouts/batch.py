"""Batch printing (team lead): case summaries for the families selected in the case list, to a
printer or as PDF files into a folder (named by case number), with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.model import CaseRow
from ui.printouts import ask
from ui.printouts.batch_run import BatchOptions, BatchResult, BatchRun
from ui.printouts.options import language_combo
from ui.printouts.printout import CASE_SUMMARY, file_name, remember_folder, save_folder
from ui.session import Session
from ui.widgets import Dialog, MessageBar

LISTED = 12  # case numbers named in the dialog before "and n more"
FOLDER_WIDTH = 300  # pixels of the folder's path shown (the middle is elided; full in tooltip)


class BatchPrintDialog(Dialog):
    def __init__(self, session: Session, rows: list[CaseRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows = list(rows)
        self.run: BatchRun | None = None
        self.folder: Path | None = None
        self.outcome: BatchResult | None = None  # how the last run ended
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Print case summaries"))
        self.setModal(True)

        count = len(self.rows)
        numbers = ", ".join(r.case_number for r in self.rows[:LISTED])
        if count > LISTED:
            numbers += " " + self.tr("and %1 more").replace("%1", str(count - LISTED))
        self.intro = QLabel(
            self.tr("A case summary for each of the %n selected families:", "", count)
            + f"\n{numbers}"
        )
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("Selected families"))

        self.show_ids = QCheckBox(self.tr("Show &full identity numbers"))
        self.show_ids.setToolTip(self.tr("Otherwise they are masked (010190 •••••)."))
        self.language = language_combo(session.settings.language)
        self.language.setAccessibleName(self.tr("Language"))
        self.to_printer = QRadioButton(self.tr("Send to a pr&inter"))
        self.to_folder = QRadioButton(self.tr("Save as PDF files in a f&older"))
        self.to_printer.setChecked(True)
        destination = QButtonGroup(self)
        destination.addButton(self.to_printer)
        destination.addButton(self.to_folder)
        self.folder_label = QLabel(self.tr("No folder chosen"))
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setAccessibleName(self.tr("Folder"))
        self.choose_button = QPushButton(self.tr("&Choose folder…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.to_folder.toggled.connect(self._update)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(24, 0, 0, 0)
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose_button)
        names = QLabel(
            self.tr("Files are named by case number, e.g. %1.").replace(
                "%1",
                file_name(CASE_SUMMARY, self.rows[0].case_number if self.rows else "2026-0001"),
            )
        )
        names.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Identity numbers:"), self.show_ids)
        language_caption = QLabel(self.tr("&Language:"))
        language_caption.setBuddy(self.language)
        form.addRow(language_caption, self.language)
        where = QVBoxLayout()
        where.addWidget(self.to_printer)
        where.addWidget(self.to_folder)
        where.addLayout(folder_row)
        form.addRow(self.tr("Destination:"), where)
        self.options_widgets: list[QWidget] = [
            self.show_ids,
            self.language,
            self.to_printer,
            self.to_folder,
            self.choose_button,
        ]

        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, count))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.status = QLabel(
            self.tr("Summaries are built one at a time; you can stop between two.")
        )
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.message = MessageBar(self)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("&Print"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(names)  # here, not in the form: a wrapped label there gets cut off
        layout.addSpacing(6)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        session.locked_changed.connect(self._locked)
        self._update()
        self.resize(560, self.sizeHint().height())

    # -- options ----------------------------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = ask.ask_folder(self, self.folder or save_folder())
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.to_folder.setChecked(True)
        metrics = self.folder_label.fontMetrics()
        shown = metrics.elidedText(str(folder), Qt.TextElideMode.ElideMiddle, FOLDER_WIDTH)
        self.folder_label.setText(shown)
        self.folder_label.setToolTip(str(folder))
        self._update()

    def _update(self) -> None:
        to_folder = self.to_folder.isChecked()
        self.folder_label.setEnabled(to_folder)
        self.start_button.setText(self.tr("&Save") if to_folder else self.tr("&Print…"))

    def options(self) -> BatchOptions:
        return BatchOptions(
            show_national_ids=self.show_ids.isChecked(),
            language=str(self.language.currentData()),
            folder=self.folder if self.to_folder.isChecked() else None,
        )

    # -- running ----------------------------------------------------------------------------

    def start(self) -> None:
        if self.running or not self.rows:
            return
        self.message.clear()
        if not self.to_folder.isChecked():
            ask.ask_printer(self, self.tr("case summaries"), 0, self._start_printing)
            return
        if self.folder is None:
            self.choose_folder()
            if self.folder is None:
                return
        if not self.folder.is_dir():
            self.message.show_message(self.tr("The folder does not exist."), MessageBar.ERROR)
            return
        names = [file_name(CASE_SUMMARY, r.case_number) for r in self.rows]
        existing = [n for n in names if (self.folder / n).exists()]
        if existing and not ask.confirm_replace(self, existing):
            return
        remember_folder(self.folder)
        self._begin(BatchRun(self.session, self.rows, self.options(), parent=self))

    def _start_printing(self, printer: QPrinter) -> None:
        options = self.options()
        self._begin(BatchRun(self.session, self.rows, options, printer=printer, parent=self))

    def _begin(self, run: BatchRun) -> None:
        self.run = run
        self.outcome = None
        run.progressed.connect(self._progressed)
        run.finished.connect(self._finished)
        for widget in self.options_widgets:
            widget.setEnabled(False)
        self.start_button.setEnabled(False)
        self.cancel_button.setText(self.tr("&Stop"))
        self.cancel_button.setAccessibleName(self.tr("Stop after the current family"))
        self.progress.setValue(0)
        self.status.setText(self._doing(0))
        run.start()

    def _doing(self, done: int) -> str:
        row = self.rows[min(done, len(self.rows) - 1)]
        return (
            self.tr("Case %1 (%2 of %3)…")
            .replace("%1", row.case_number)
            .replace("%2", str(done + 1))
            .replace("%3", str(len(self.rows)))
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if done < total and self.run is not None and not self.run.cancelled:
            self.status.setText(self._doing(done))

    def _finished(self, result: BatchResult) -> None:
        self.outcome = result
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))
        self.status.setText(self._summary(result))
        if result.failed or result.stopped_by:
            lines = [f"{case}: {why}" for case, why in result.failed]
            if result.stopped_by:
                lines.append(result.stopped_by)
            self.message.show_message("\n".join(lines[:8]), MessageBar.ERROR)

    def _summary(self, result: BatchResult) -> str:
        done, total = len(result.done), result.total
        if result.saved:
            folder = self.status.fontMetrics().elidedText(
                str(result.saved[0].parent), Qt.TextElideMode.ElideMiddle, FOLDER_WIDTH
            )
            where = self.tr("Saved %1 of %n summaries in %2.", "", total).replace("%2", folder)
        elif self.options().folder is not None:
            where = self.tr("Saved %1 of %n summaries.", "", total)
        else:
            where = self.tr("Sent %1 of %n summaries to the printer.", "", total)
        text = where.replace("%1", str(done))
        if result.cancelled:
            text = self.tr("Stopped.") + " " + text
        return text

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def cancel_or_close(self) -> None:
        if self.running:
            assert self.run is not None
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the current family…"))
            return
        self.reject()

    def _locked(self, locked: bool) -> None:
        if locked:
            if self.run is not None:
                self.run.cancel()
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run is not None:
            self.run.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.run is not None:
            self.run.cancel()
        super().reject()
