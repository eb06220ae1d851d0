"""The export history: every bundle this journal wrote, and whether the evaluator has confirmed
it with a receipt. "Import receipt…" checks the evaluator's signature (in the core) and marks the
bundle delivered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.evaluation.exporter import ExportEntry
from samjournal.evaluation.risk import RiskReport
from samjournal.flows.export import HistoryRow, bundle_risk, export_history
from samjournal.journal import Journal
from samjournal.model import Changes
from ui import fmt
from ui.errors import describe
from ui.export import labels
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table
from ui.translations import core_language
from ui.widgets import Dialog, MessageBar


def _delivered(row: HistoryRow) -> str:
    entry = row.entry
    if entry.delivered_at is None:
        return QCoreApplication.translate("ExportHistory", "No — waiting for the receipt")
    try:
        when = fmt.date(dt.datetime.fromisoformat(entry.delivered_at))
    except ValueError:
        when = entry.delivered_at
    return QCoreApplication.translate("ExportHistory", "Yes, %1").replace("%1", when)


class ExportHistoryDialog(Dialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Export history"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.loaded = False
        self.model = RecordTableModel[HistoryRow](
            [
                Column(self.tr("Study"), lambda r: r.study_name, stretch=True),
                Column(self.tr("Bundle"), lambda r: str(r.entry.sequence), right=True),
                Column(self.tr("Kind"), lambda r: labels.kind(r.entry.kind)),
                Column(self.tr("Exported"), lambda r: fmt.datetime(r.entry.created_at)),
                Column(self.tr("By"), lambda r: r.entry.created_by),
                Column(
                    self.tr("Households"),
                    lambda r: labels.number(r.entry.households),
                    right=True,
                ),
                Column(self.tr("Rows"), lambda r: labels.number(r.entry.rows), right=True),
                Column(self.tr("Delivered"), _delivered),
                Column(self.tr("File"), lambda r: r.entry.file_name),
            ],
            self,
        )
        self.table = record_table(self.model, self.tr("Bundles exported"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.message = MessageBar(self, closable=True)
        self.receipt_button = QPushButton(self.tr("&Import receipt…"))
        self.receipt_button.clicked.connect(self.choose_receipts)
        self.risk_button = QPushButton(self.tr("Show &risk report…"))
        self.risk_button.setEnabled(False)
        self.risk_button.clicked.connect(self.show_risk)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.receipt_button)
        row.addWidget(self.risk_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        session.changed.connect(self._changed)
        self.resize(1100, 460)
        self.reload()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.submit(export_history, self._show, self._failed, context=self)

    def _changed(self, changes: Changes) -> None:
        if changes.entities & {"export", "study"}:
            self.reload()

    def _show(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        waiting = sum(not r.entry.delivered for r in rows)
        if not rows:
            text = self.tr("No bundle has been exported from this journal yet.")
        elif waiting:
            text = self.tr(
                "Not yet confirmed by the evaluator: %1. A bundle counts as delivered once its"
                " receipt is imported."
            ).replace("%1", labels.number(waiting))
        else:
            text = self.tr("Every bundle is confirmed by the evaluator.")
        self.summary.setText(text)
        if rows:
            self.table.selectRow(0)

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)

    def _selected(self) -> None:
        self.risk_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- a bundle's risk report -------------------------------------------------------------

    def show_risk(self) -> None:
        """The risk report the chosen bundle was sent with, in the words of the export's."""
        row = self.chosen()
        if row is None:
            return
        entry = row.entry

        def work(journal: Journal) -> RiskReport:
            return bundle_risk(journal, entry.study_id, entry.sequence)

        def done(risk: RiskReport) -> None:
            BundleRiskDialog(row, risk, self).open()

        self.session.submit(work, done, self._failed, context=self)

    # -- receipts ---------------------------------------------------------------------------

    def choose_receipts(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import receipt"),
            "",
            self.tr("Receipts (*.json);;All files (*)"),
        )
        if files:
            self.import_receipts([Path(f) for f in files])

    def import_receipts(self, paths: list[Path]) -> None:
        """Each receipt on its own: one bad file does not stop the others."""

        def work(journal: Journal) -> list[tuple[Path, ExportEntry | BaseException]]:
            out: list[tuple[Path, ExportEntry | BaseException]] = []
            for path in paths:
                try:
                    out.append((path, journal.evaluation.import_receipt(path)))
                except Exception as exc:  # reported per file below
                    out.append((path, exc))
            return out

        self.message.clear()
        self.receipt_button.setEnabled(False)
        self.session.submit(work, self._imported, self._import_failed, context=self)

    def _imported(self, results: list[tuple[Path, ExportEntry | BaseException]]) -> None:
        self.receipt_button.setEnabled(True)
        names = {r.entry.study_id: r.study_name for r in self.model.rows()}
        lines = []
        failed = False
        for path, result in results:
            if isinstance(result, BaseException):
                failed = True
                lines.append(
                    self.tr("%1: not accepted. %2")
                    .replace("%1", path.name)
                    .replace("%2", describe(result))
                )
            else:
                lines.append(
                    self.tr("Receipt accepted: bundle %1 to “%2” is delivered.")
                    .replace("%1", str(result.sequence))
                    .replace("%2", names.get(result.study_id, result.study_id))
                )
        self.message.show_message("\n".join(lines), MessageBar.ERROR if failed else MessageBar.INFO)
        self.reload()

    def _import_failed(self, error: BaseException) -> None:
        self.receipt_button.setEnabled(True)
        self.message.show_message(describe(error), MessageBar.ERROR)


class BundleRiskDialog(Dialog):
    """A sent bundle's risk report, read-only: the lines the CLI and the bundle's own report
    give (risk.RiskReport.lines), headed by which bundle it was."""

    def __init__(self, row: HistoryRow, risk: RiskReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        entry = row.entry
        self.setWindowTitle(self.tr("Risk report"))
        heading = QLabel(
            self.tr("Bundle %1 to “%2”, exported %3 by %4")
            .replace("%1", str(entry.sequence))
            .replace("%2", row.study_name)
            .replace("%3", fmt.datetime(entry.created_at))
            .replace("%4", entry.created_by)
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlainText("\n".join(risk.lines(core_language())))
        self.report.setAccessibleName(self.tr("Risk report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
