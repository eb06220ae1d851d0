"""History: every version of the case record and of the family's members, meetings, needs and
payments (who and when, the changed fields highlighted), and the family's audit events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from samjournal.journal import Journal
from samjournal.model import AuditEvent, FamilyId
from ui import fmt, labels
from ui.family.history_data import FamilyHistory, RecordVersion, read_history
from ui.family.history_format import (
    EventWords,
    ValueFormatter,
    shown_fields,
    tooltip_text,
)
from ui.family.tab import FamilyTab
from ui.session import Session
from ui.table_model import Column, Index, RecordTableModel, record_table

FieldRow = tuple[str, str, str, bool, str, str]  # label, before, after, changed, full b/a


class DiffModel(RecordTableModel[FieldRow]):
    """Field / before / after; the fields that changed in this version stand out (bold on a
    tint of the palette's highlight, so it works in light and dark palettes, and said aloud)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        changed = row[3]
        if role == Qt.ItemDataRole.FontRole and changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and changed:
            tint = QColor(QPalette().color(QPalette.ColorRole.Highlight))
            tint.setAlpha(60)
            return tint
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2):
            return tooltip_text(row[4] if index.column() == 1 else row[5])
        if role == Qt.ItemDataRole.AccessibleTextRole and changed:
            text = super().data(index, role)
            changed_word = self.tr("changed")
            return f"{text} ({changed_word})"
        return super().data(index, role)


class HistoryTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._loaded_for: FamilyId | None = None
        self._history: FamilyHistory | None = None
        self.shown_for: FamilyId | None = None  # the family whose history is on screen
        self.formatter = ValueFormatter(None)
        self.words = EventWords(self.formatter, [])
        self.versions = RecordTableModel[RecordVersion](
            [
                Column(self.tr("When"), lambda v: fmt.datetime(v.at)),
                Column(
                    self.tr("Changed by"), lambda v: self.formatter.username(v.version.changed_by)
                ),
                Column(self.tr("Record"), lambda v: self.formatter.record(v)),
                Column(self.tr("What happened"), lambda v: self.formatter.what(v), stretch=True),
            ],
            self,
        )
        self.fields = DiffModel(
            [
                Column(self.tr("Field"), lambda r: r[0]),
                Column(self.tr("Before"), lambda r: r[1], stretch=True),
                Column(self.tr("After"), lambda r: r[2], stretch=True),
            ],
            self,
        )
        self.events = RecordTableModel[AuditEvent](
            [
                Column(self.tr("When"), lambda e: fmt.datetime(e.at)),
                Column(self.tr("User"), lambda e: self.formatter.username(e.user)),
                Column(self.tr("Action"), lambda e: labels.audit_action(e.action)),
                Column(self.tr("Record"), lambda e: self.words.record(e)),
                Column(self.tr("Detail"), lambda e: self.words.detail(e), stretch=True),
            ],
            self,
        )
        self.show_only = QComboBox()
        self.show_only.addItem(self.tr("All records"), None)
        for entity, title in (
            ("family", self.tr("The case record")),
            ("member", self.tr("Members")),
            ("meeting", self.tr("Meetings")),
            ("need", self.tr("Needs")),
            ("payment", self.tr("Payments")),
        ):
            self.show_only.addItem(title, entity)
        self.show_only.setAccessibleName(self.tr("Show the history of"))
        self.show_only.currentIndexChanged.connect(lambda _i: self._show_versions())
        show_caption = QLabel(self.tr("&Show:"))
        show_caption.setBuddy(self.show_only)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of versions shown"))
        # On two lines rather than widening the page (at 200 % scaling it scrolled sideways).
        self.count.setWordWrap(True)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.versions_view = record_table(self.versions, self.tr("Versions of the records"))
        self.versions_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Interactive
        )
        self.versions_view.setColumnWidth(2, 260)
        self.versions_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_fields(current.row())
        )
        self.fields_view = record_table(self.fields, self.tr("Fields of the selected version"))
        self.fields_view.setWordWrap(True)
        self.fields_caption = QLabel(self.tr("Select a version to see its fields."))
        self.fields_caption.setWordWrap(True)
        self.fields_caption.setTextFormat(Qt.TextFormat.PlainText)

        versions_box = QGroupBox(self.tr("Versions: who changed what, and when"))
        versions_layout = QVBoxLayout(versions_box)
        filters = QHBoxLayout()
        filters.addWidget(show_caption)
        filters.addWidget(self.show_only)
        filters.addStretch(1)
        filters.addWidget(self.count)
        versions_layout.addLayout(filters)
        versions_layout.addWidget(self.versions_view, 1)
        fields_box = QGroupBox(self.tr("The selected version (changes stand out)"))
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.addWidget(self.fields_caption)
        fields_layout.addWidget(self.fields_view, 1)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(versions_box)
        upper.addWidget(fields_box)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)

        events_box = QGroupBox(self.tr("Who has read or changed this family (audit log)"))
        events_layout = QVBoxLayout(events_box)
        events_layout.addWidget(record_table(self.events, self.tr("Audit events")), 1)
        events_layout.addWidget(self.message)  # at the bottom: a message moves no list
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(events_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.reload_button = QPushButton(self.tr("Re&load history"))
        self.reload_button.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.formatter = ValueFormatter(self.data)
        if self.isVisible():
            self.load()
        else:
            self._loaded_for = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is not None and self._loaded_for != self.data.family_id:
            self.load()

    def load(self) -> None:
        if self.data is None:
            return
        detail = self.data.detail
        self._loaded_for = detail.family.id

        def read(journal: Journal) -> FamilyHistory:
            return read_history(journal, detail)

        self.run(read, self._show)

    def _show(self, history: FamilyHistory) -> None:
        if self.data is None or self._loaded_for != self.data.family_id:
            return
        self._history = history
        self.shown_for = self.data.family_id
        self.words = EventWords(self.formatter, history.versions)
        self.events.set_rows(history.events)
        self._show_versions()

    def _show_versions(self) -> None:
        history = self._history
        if history is None:
            return
        entity = self.show_only.currentData()
        rows = [v for v in history.versions if entity is None or v.entity == entity]
        self.versions.set_rows(rows)
        self.count.setText(
            self.tr("%1 of %n version(s)", "", len(history.versions)).replace("%1", str(len(rows)))
        )
        if rows:
            self.versions_view.selectRow(0)
        else:
            self._show_fields(-1)

    def _show_fields(self, row: int) -> None:
        if row < 0 or row >= self.versions.rowCount():
            self.fields.set_rows([])
            self.fields_caption.setText(self.tr("Select a version to see its fields."))
            return
        rv = self.versions.row_at(row)
        value = self.formatter.value
        out: list[tuple[str, str, str, bool, str, str]] = []
        for key in shown_fields(rv):
            before = value(rv.entity, key, (rv.previous or {}).get(key))
            after = value(rv.entity, key, rv.version.data.get(key))
            full_before = value(rv.entity, key, (rv.previous or {}).get(key), limit=10_000)
            full_after = value(rv.entity, key, rv.version.data.get(key), limit=10_000)
            out.append(
                (
                    self.formatter.label(key),
                    before,
                    after,
                    key in rv.changed,
                    full_before,
                    full_after,
                )
            )
        self.fields.set_rows(out)
        self.fields_view.resizeRowsToContents()
        self.fields_caption.setText(
            self.tr("%1, version %2, saved by %3 %4")
            .replace("%1", self.formatter.record(rv))
            .replace("%2", str(rv.version.version))
            .replace("%3", self.formatter.username(rv.version.changed_by))
            .replace("%4", fmt.datetime(rv.at))
        )
