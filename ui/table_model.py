"""A small read-only table model over a list of records, and a view set up the same way
everywhere (row selection, no editing, accessible name)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SIZE_ROWS = 100  # rows a column's width is measured on (Qt's default, 1000, stalls on long lists)


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    right: bool = False
    stretch: bool = False
    # A free text that would otherwise take the room of the stretched one: this many average
    # characters wide, elided (the whole text is the tooltip); 0 sizes the column to its contents.
    chars: int = 0
    # The heading in full when `header` is a short form for a narrow column: its tooltip, and
    # what a screen reader says of a cell.
    whole: str = ""

    @property
    def name(self) -> str:
        return self.whole or self.header


class RecordTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = []
        self._texts: dict[tuple[int, int], str] = {}  # formatted once: views ask many times

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        key = (row, column)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = self.columns[column].text(self._rows[row])
        return found

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:  # whole, when elided or short
            return self.columns[section].name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.name}: {self.text(index.row(), index.column())}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ROLE:
            return self._rows[index.row()]
        return None


def record_table(
    model: RecordTableModel[Any], name: str, parent: QWidget | None = None
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    elide_headers(header)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(SIZE_ROWS)  # long lists: size columns from a sample
    for i, column in enumerate(model.columns):
        if column.stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        elif column.chars:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(i, view.fontMetrics().averageCharWidth() * column.chars)
    return view


def elide_headers(header: QHeaderView) -> None:
    """A heading wider than its column ends in "…" (the whole of it is the tooltip): Qt clips
    it at both ends, and a narrow window showed "iliekoordina" for "Familiekoordinator"."""
    header.setTextElideMode(Qt.TextElideMode.ElideRight)


def selected_record(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    model = view.model()
    return model.data(model.index(rows[0].row(), 0), RECORD_ROLE)
