"""A small read-only table model over a list of records, and a view set up the same way
everywhere (row selection, no editing, accessible name)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
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
    # With `stretch`: the stretched column takes the room up to this width, the last column the
    # rest (see `_StretchUpTo`).
    chars: int = 0
    # The heading in full when `header` is a short form for a narrow column: its tooltip, and
    # what a screen reader says of a cell.
    whole: str = ""
    # Short of room for the stretched column's LEAST_CHARS, the columns with a number give it
    # up, the lowest first, down to their values' width (the heading elided, whole in its
    # tooltip); 0 keeps its width.
    give_way: int = 0

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
    plain_headers(header)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(SIZE_ROWS)  # long lists: size columns from a sample
    fitted = any(column.give_way for column in model.columns)
    for i, column in enumerate(model.columns):
        if column.stretch and (column.chars or fitted):
            continue  # once every other column has its mode (see below)
        if column.stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        elif column.chars:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(i, view.fontMetrics().averageCharWidth() * column.chars)
    for i, column in enumerate(model.columns):
        if column.stretch and (column.chars or fitted):
            _StretchUpTo(view, i, column.chars)
    return view


# What a column stretched up to a bound keeps before the last column shows more than its heading.
LEAST_CHARS = 16
GIVE_WAY_CHARS = 8  # a free text's first characters in a column giving way (whole in the tooltip)
HEADING_LETTERS = 4  # a heading's first letters, then "…", in a column giving way
WHOLE_CHARS = 30  # an unbounded stretched column's values whole up to this, as others give way


class _StretchUpTo(QObject):
    """`column` takes the room the other columns leave, down to Qt's least section and up to
    `chars` average characters (elided, the whole text in the tooltip); the last column takes
    what is left over. Stretched without a bound, a payment's purpose took ~430 pixels of a page
    wider than a 1366x768 screen at 1.5x scaling and pushed the status and the names out of
    sight (outside review s19). With `chars` 0 the column takes all the room left, and keeps
    LEAST_CHARS (the table scrolls sideways when it cannot).

    The columns marked `give_way` narrow first, down to their values, as far as the column's
    values need to be whole (up to `chars`, or WHOLE_CHARS). At 1.5x the family's members read
    "Ing…", "O…" beside whole headings "Fødselsnummer" and "Hovedkontakt" over "ja", and a
    payment waiting for approval "Bær…" (outside review s20)."""

    def __init__(self, view: QTableView, column: int, chars: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._most = view.fontMetrics().averageCharWidth() * chars if chars else 0
        self._fitting = False
        model = view.model()
        assert isinstance(model, RecordTableModel)
        ranked = [(c.give_way, i) for i, c in enumerate(model.columns) if c.give_way]
        self._give_way = [i for _rank, i in sorted(ranked)]
        self._chars = {i: c.chars for i, c in enumerate(model.columns)}
        header = view.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for i in self._give_way:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
        if self._most:
            header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._resized)  # another column fitted to new rows
        model.modelReset.connect(self.fit)  # the last column's widest text may be a new one
        model.rowsInserted.connect(self.fit)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        ours = {self._column, *self._give_way}
        if self._most:
            ours.add(self._view.horizontalHeader().count() - 1)  # it follows the column
        if not self._fitting and section not in ours:
            self.fit()  # not for its own width, nor for those it sets

    def fit(self) -> None:
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        view, header = self._view, self._view.horizontalHeader()
        last = header.count() - 1
        average = view.fontMetrics().averageCharWidth()
        least = LEAST_CHARS * average
        if self._most:
            least = min(self._most, least)
        # Its values whole (up to its bound) while the others can give way: a member's name
        # read "Parwana Sul…" beside "ja", a payment's purpose "Bær…" beside its method.
        most = self._most or WHOLE_CHARS * average
        wanted = max(least, min(view.sizeHintForColumn(self._column), most))
        # The last column of a bounded stretch first shows no more than its heading.
        tail = header.sectionSizeHint(last) if self._most else 0
        widths = {i: self._natural(i) for i in self._give_way}
        beside = [i for i in range(header.count()) if i != self._column]
        if self._most:
            beside.remove(last)
        others = sum(widths.get(i, header.sectionSize(i)) for i in beside)
        short = wanted + tail - (view.viewport().width() - others)
        for i in self._give_way:
            given = max(0, min(short, widths[i] - self._least(i)))
            widths[i] -= given
            short -= given
        for i, width in widths.items():
            if header.sectionSize(i) != width:
                header.resizeSection(i, width)
        others = sum(header.sectionSize(i) for i in beside)
        left = view.viewport().width() - others
        if not self._most:
            width = max(least, left)
        else:
            room = left - max(view.sizeHintForColumn(last), tail)
            # Short of room, the column keeps up to LEAST_CHARS of its own before the last
            # column shows more than its heading: at 1.5x a payment's purpose was "Fa…"
            # beside a whole voucher number (outside review s19).
            if room < least:
                room = min(least, left - tail)
            width = max(header.minimumSectionSize(), min(self._most, room))
        if header.sectionSize(self._column) != width:
            header.resizeSection(self._column, width)

    def _natural(self, column: int) -> int:
        """A give-way column's width with room: its `chars`, or its heading and values whole."""
        view = self._view
        if self._chars[column]:
            return view.fontMetrics().averageCharWidth() * self._chars[column]
        return max(view.horizontalHeader().sectionSizeHint(column), view.sizeHintForColumn(column))

    def _least(self, column: int) -> int:
        """Its values whole (a free text's first few characters), and at least the heading's
        first few letters before the "…"."""
        view, header = self._view, self._view.horizontalHeader()
        if self._chars[column]:
            values = GIVE_WAY_CHARS * view.fontMetrics().averageCharWidth()
        else:
            values = view.sizeHintForColumn(column)
        heading = str(view.model().headerData(column, Qt.Orientation.Horizontal))
        metrics = header.fontMetrics()
        padding = header.sectionSizeHint(column) - metrics.horizontalAdvance(heading)
        start = metrics.horizontalAdvance(heading[:HEADING_LETTERS] + "…") + padding
        return min(self._natural(column), max(values, start))


def plain_headers(header: QHeaderView) -> None:
    """A heading wider than its column ends in "…" (the whole of it is the tooltip): Qt clips
    it at both ends, and a narrow window showed "iliekoordina" for "Familiekoordinator".

    Headings stay as they are when a row is chosen: Qt draws the heading of every column
    holding a selected cell in bold, which is every heading when whole rows are selected (it
    says nothing), and a bold heading is wider: "Foreslått av" and "Godkjent av" fitted their
    columns until a payment was chosen, then read "Foreslått…" (outside review s20)."""
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.setHighlightSections(False)


def selected_record(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    model = view.model()
    return model.data(model.index(rows[0].row(), 0), RECORD_ROLE)
