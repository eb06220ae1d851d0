"""The case list: a lazily exposed table model over `journal.families.case_list()`, a filter
proxy (status, search results), and the page with search-as-you-type and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from samjournal.folding import fold
from samjournal.instruments.due import DueState
from samjournal.model import CaseRow, FamilyId, FamilyStatus, nearly_spent, overdue
from ui import attention, fmt, labels
from ui.instrument.due import state_text

Index = QModelIndex | QPersistentModelIndex
BATCH = 400
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SHORTER_ROLE = Qt.ItemDataRole.UserRole + 2  # a cell's shorter texts, the longest first

NUMBER, FAMILY, OWNER, STATUS, OPEN_NEEDS, BUDGET, LAST, NEXT, CHECKIN = range(9)
_DUE_ORDER = {DueState.OVERDUE: 0, DueState.DUE: 1, DueState.NONE: 2}
_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)
_FAR = dt.datetime.max.replace(tzinfo=dt.UTC)


def _sort_key(column: int, due: dict[FamilyId, DueState]) -> Callable[[CaseRow], Any]:
    return {
        NUMBER: lambda r: r.case_number,
        FAMILY: lambda r: r.display_name.casefold(),
        OWNER: lambda r: r.owner.casefold(),
        STATUS: lambda r: list(FamilyStatus).index(r.status),
        OPEN_NEEDS: lambda r: r.open_needs,
        BUDGET: lambda r: r.budget_used.ore / max(r.budget_frame.ore, 1),
        LAST: lambda r: r.last_meeting or _NEVER,
        NEXT: lambda r: r.next_meeting or _FAR,
        CHECKIN: lambda r: _DUE_ORDER[due.get(r.id, DueState.NONE)],
    }[column]


class CaseListModel(QAbstractTableModel):
    """All rows are held in memory (one query on the worker); the view gets them in batches."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._due: dict[FamilyId, DueState] = {}  # families with a check-in due (or overdue)
        self._shown = 0
        self._sort: tuple[int, Qt.SortOrder] = (NUMBER, Qt.SortOrder.AscendingOrder)
        self.now: dt.datetime | None = None  # "overdue" is against the clock unless set (tests)

    def headers(self) -> list[str]:
        return [
            self.tr("Case"),
            self.tr("Family"),
            self.tr("Caseworker"),
            self.tr("Status"),
            self.tr("Open needs"),
            self.tr("Budget used"),
            self.tr("Last meeting"),
            self.tr("Next meeting"),
            self.tr("Check-in"),
        ]

    # -- data in ----------------------------------------------------------------------------

    def set_rows(self, rows: list[CaseRow], due: dict[FamilyId, DueState] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._due = dict(due or {})
        self._apply_sort()
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def row_of(self, family_id: FamilyId) -> int:
        """The row of a family (fetching up to it), or -1."""
        for i, r in enumerate(self._rows):
            if r.id == family_id:
                while self._shown <= i:
                    self.fetchMore(QModelIndex())
                return i
        return -1

    def ids_by_name(self, text: str) -> list[FamilyId]:
        """Families whose case number, or a word of whose name, starts with `text`, folded as
        the full-text search folds (folding.fold: "o" finds Ødegård, as "od" does)."""
        wanted = fold(text)
        return [
            r.id
            for r in self._rows
            if fold(r.case_number).startswith(wanted)
            or any(word.startswith(wanted) for word in fold(r.display_name).split())
        ]

    @property
    def total(self) -> int:
        return len(self._rows)

    # -- lazy exposure ----------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # -- the table --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == CHECKIN:
            # An empty column looked broken (outside review s20): it is empty while no
            # check-in waits, as for most families on the demo journal.
            return self.tr("%1: a check-in due now or overdue; empty when none is due").replace(
                "%1", self.headers()[section]
            )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.headers()[section]  # whole in the tooltip, when elided
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == SHORTER_ROLE and column == NEXT and row.next_meeting is not None:
            sign = f"{attention.SIGN} " if self._alert(row, column) else ""
            return [sign + fmt.datetime(row.next_meeting), sign + fmt.date(row.next_meeting)]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OPEN_NEEDS, BUDGET):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._alert(row, column):
            return attention.colour()
        if column == CHECKIN and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return labels.label(self.due_state(row))  # "Check-in due", "No check-in due"
        if role == Qt.ItemDataRole.ToolTipRole and column in (FAMILY, OWNER, NEXT):
            return self._text(row, column)  # whole, when the column shortens it
        if role == Qt.ItemDataRole.ToolTipRole and column == BUDGET:
            tip = (
                self.tr("%1 of %2 approved or paid")
                .replace("%1", fmt.money(row.budget_used))
                .replace("%2", fmt.money(row.budget_frame))
            )
            alert = labels.budget_alert(row.budget_used, row.budget_frame)
            return f"{tip} ({alert})" if self._alert(row, column) else tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{self.headers()[column]}: {self._text(row, column)}"
            if column == BUDGET and self._alert(row, column):
                text = f"{text} ({labels.budget_alert(row.budget_used, row.budget_frame)})"
            return text
        return None

    def _alert(self, row: CaseRow, column: int) -> bool:
        if column == NEXT:
            return overdue(row.next_meeting, self.now)
        if column == BUDGET:
            return nearly_spent(row.budget_used, row.budget_frame)
        if column == CHECKIN:
            return self.due_state(row) is DueState.OVERDUE
        return False

    def due_state(self, row: CaseRow) -> DueState:
        return self._due.get(row.id, DueState.NONE)

    def _text(self, row: CaseRow, column: int) -> str:
        if column == NUMBER:
            return row.case_number
        if column == FAMILY:
            return row.display_name
        if column == OWNER:
            return row.owner
        if column == STATUS:
            return labels.family_status(row.status)
        if column == OPEN_NEEDS:
            return str(row.open_needs)
        if column == BUDGET:
            return attention.budget_share(row.budget_used, row.budget_frame)
        if column == LAST:
            return fmt.date(row.last_meeting)
        if column == NEXT:
            return attention.next_meeting(row.next_meeting, self.now)
        if column == CHECKIN:
            return state_text(self.due_state(row))
        return ""

    # -- sorting: the whole list, not just the rows fetched so far ---------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self._sort = (column, order)
        self.beginResetModel()
        self._apply_sort()
        self._shown = min(max(self._shown, BATCH), len(self._rows))
        self.endResetModel()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._rows.sort(
            key=_sort_key(column, self._due), reverse=order == Qt.SortOrder.DescendingOrder
        )


class ShorterWhenNarrow(QStyledItemDelegate):
    """A cell whose text does not fit shows the first of its shorter texts (SHORTER_ROLE) that
    does, rather than an end cut off: at 1.5x a next meeting read "13.01.2027 13…" (outside
    review s20); it reads "13.01.2027", the time where there is room for it whole, and the
    whole text is the tooltip."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        shorter = index.data(SHORTER_ROLE)
        if not shorter or option.rect.width() <= 0:  # sizeHint asks without a cell
            return
        style = option.widget.style() if option.widget else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget)
        room = option.rect.width() - 2 * (margin + 1)  # as the style lays the text out
        for text in (option.text, *shorter):
            if option.fontMetrics.horizontalAdvance(text) <= room:
                option.text = text
                return
        option.text = shorter[-1]  # narrower still: elided as any text is


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters by status and by the set of families a search found; sorting goes to the
    source model, which sorts every row (the proxy itself only sees the fetched ones)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[FamilyStatus] | None = None
        self._ids: frozenset[FamilyId] | None = None

    def set_statuses(self, statuses: frozenset[FamilyStatus] | None) -> None:
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange()

    def set_ids(self, ids: frozenset[FamilyId] | None) -> None:
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange()

    @property
    def searching(self) -> bool:
        return self._ids is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CaseListModel)
        return self._accepts(model.row_at(source_row))

    def _accepts(self, row: CaseRow) -> bool:
        if self._statuses is not None and row.status not in self._statuses:
            return False
        return self._ids is None or row.id in self._ids

    def matching_total(self) -> int:
        """How many of all rows (fetched or not) pass the filter."""
        model = self.sourceModel()
        assert isinstance(model, CaseListModel)
        return sum(1 for i in range(model.total) if self._accepts(model.row_at(i)))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, CaseListModel):
            model.sort(column, order)

    def family_at(self, row: int) -> CaseRow | None:
        index = self.index(row, 0)
        value = self.data(index, ROW_ROLE) if index.isValid() else None
        return value if isinstance(value, CaseRow) else None
