"""The case list page: search as you type, mine/all and status filters, a sortable table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from samjournal.instruments.due import DueState
from samjournal.journal import Journal
from samjournal.model import CaseRow, Changes, FamilyId, FamilyStatus, Role, User, UserId
from samjournal.money import Money
from ui import attention, fmt, labels
from ui.case_list import (
    BUDGET,
    CHECKIN,
    FAMILY,
    LAST,
    NEXT,
    NUMBER,
    OPEN_NEEDS,
    OWNER,
    STATUS,
    CaseFilterProxy,
    CaseListModel,
    ShorterWhenNarrow,
)
from ui.errors import describe
from ui.instrument.due import state_text
from ui.session import Session
from ui.table_model import plain_headers
from ui.widgets import MessageBar

SEARCH_DELAY_MS = 0  # keystrokes of one event-loop turn (a paste, a burst) search once
MIN_FULL_TEXT = 2  # characters before the full-text search; one filters names and numbers
SEARCH_CHARS = 36  # the search box's least width beside the filters, in average characters
RELOAD_DELAY_MS = 300
COLUMN_PADDING = 24  # a cell's margins, and the header's sort arrow
OWNER_CHARS = 16  # a caseworker's name, elided beyond (the whole name is its tooltip)
FAMILY_CHARS = 22  # a family's name: the room other columns give up in a narrow window
LEAST_CHARS = 8  # a caseworker's name at the narrowest (whole in the tooltip)
MINE, ALL = "mine", "all"  # the scope list's first two choices; a caseworker's is their id
# The columns that give way to the family's name, in that order: first down to their headings
# (elided, their whole text is the tooltip), then past them (the heading elided, whole in its
# tooltip), each down to what its values need. At 1366x768 with 150 % scaling every name read
# "Famili…" beside the open needs' and the budget's columns as wide as their headings.
GIVE_WAY = (CHECKIN, NEXT, OWNER)
THEN_GIVE_WAY = (OPEN_NEEDS, BUDGET, LAST, STATUS, CHECKIN, OWNER, NEXT)
_RELOAD_ON = frozenset(
    {"family", "meeting", "need", "payment", "member", "user", "checkin", "consent"}
)


class CaseListPage(QWidget):
    open_family = Signal(int)
    new_family = Signal()
    print_summaries = Signal()
    searched = Signal(str)  # the text whose results the list now shows
    selection_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._searching = False  # a search is on the worker
        self._search_again = False  # and the text changed since it was asked
        self.search_applied = ""  # the search text whose results the list now shows
        self._loaded = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search names, meeting notes, needs and payments (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the case list"))
        self.search.installEventFilter(self)
        self.scope = QComboBox()  # a team lead's: "mine", "all", or a caseworker's user id
        self.scope.addItem(self.tr("My families"), MINE)
        self.scope.addItem(self.tr("All families"), ALL)
        self.scope.setAccessibleName(self.tr("Whose families"))
        self.scope.setVisible(session.is_teamlead)
        if session.is_teamlead:
            self.scope.setCurrentIndex(1)
            # Each caseworker's families too (a team lead asked for a filter by caseworker).
            session.submit(lambda j: j.users(), self._add_caseworkers, context=self)
        self.status = QComboBox()
        self.status.addItem(self.tr("Active"), frozenset({FamilyStatus.ACTIVE}))
        self.status.addItem(self.tr("Paused"), frozenset({FamilyStatus.PAUSED}))
        self.status.addItem(self.tr("Closed"), frozenset({FamilyStatus.CLOSED}))
        self.status.addItem(
            self.tr("Active and paused"), frozenset({FamilyStatus.ACTIVE, FamilyStatus.PAUSED})
        )
        self.status.addItem(self.tr("All statuses"), None)
        self.status.setCurrentIndex(3)
        self.status.setAccessibleName(self.tr("Status filter"))
        self.new_button = QPushButton(self.tr("&New family…"))
        self.new_button.setAccessibleName(self.tr("New family"))
        self.new_button.clicked.connect(self.new_family.emit)
        self.print_button = QPushButton(self.tr("Print case &summaries…"))
        self.print_button.setToolTip(
            self.tr(
                "A case summary for each selected family, to a printer or a folder"
                " (Ctrl+Shift+B). Select several with Ctrl+click or Shift+click."
            )
        )
        self.print_button.clicked.connect(self.print_summaries.emit)
        self.print_button.setVisible(session.is_teamlead)
        self.print_button.setEnabled(False)

        # The search beside the filters and buttons, or above them when that would leave it
        # short: at 2x on a 1366x768 laptop it read "Søk i na…" (`_arrange_top`).
        self.controls = QHBoxLayout()
        for widget in (self.scope, self.status, self.print_button, self.new_button):
            self.controls.addWidget(widget)
        top = self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addWidget(self.search, 1)
        top.addLayout(self.controls)

        self.model = CaseListModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_statuses(self.status.currentData())
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Case list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection  # team leads print in batches
            if session.is_teamlead
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(NEXT, ShorterWhenNarrow(self.table))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        plain_headers(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The rest of the width, never less than a name's room (_fit_columns): at 200 % scaling
        # the table scrolls sideways rather than cutting every name to "F…".
        header.setSectionResizeMode(FAMILY, QHeaderView.ResizeMode.Fixed)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._widths = self._column_widths()
        self._by_hand: set[int] = set()  # columns the user sized: kept, never given way
        self._fitting = False
        self._fit_columns()
        header.sectionResized.connect(self._sized_by_hand)
        self.table.viewport().installEventFilter(self)  # narrower: the family's column first
        # Enter, and a double click (or a single one where the platform says so): one signal.
        # Opening on doubleClicked too opened the family twice, two views in the access log.
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of families shown"))
        self.empty = QLabel()  # what to do when the list is empty
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(12, 24, 12, 24)
        self.empty.hide()
        self.message = MessageBar(self)

        layout = self.page_layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._arrange_top()
        self.setTabOrder(self.search, self.scope)
        self.setTabOrder(self.scope, self.status)
        self.setTabOrder(self.status, self.print_button)
        self.setTabOrder(self.print_button, self.new_button)
        self.setTabOrder(self.new_button, self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.status.currentIndexChanged.connect(self._status_changed)
        session.changed.connect(self._on_changes)

    def _values(self) -> dict[int, list[str]]:
        """The widest values each column but the family's and the caseworker's shows."""
        when = dt.datetime(2000, 12, 31, 23, 59, tzinfo=dt.UTC)
        return {
            NUMBER: ["2026-0000"],
            STATUS: [labels.family_status(status) for status in FamilyStatus],
            OPEN_NEEDS: ["99"],
            BUDGET: [attention.budget_share(Money.kr(100), Money.kr(100))],
            LAST: [fmt.date(when)],
            # The sign and the time; "(overdue)" after them is elided (whole in the tooltip).
            NEXT: [f"{attention.SIGN} {fmt.datetime(when)}"],
            CHECKIN: [state_text(state) for state in DueState],
        }

    def _column_widths(self) -> dict[int, int]:
        """Each column but the family's (which takes the rest) as wide as its header or its
        widest value, and the caseworker's name elided at a width of its own: fixed widths
        were 1000 pixels together and hid the next meeting and the check-in at 1024x600."""
        header = self.table.horizontalHeader().fontMetrics()
        cells = self.table.fontMetrics()
        headers = self.model.headers()
        widths = {
            column: max(
                header.horizontalAdvance(headers[column]),
                *(cells.horizontalAdvance(text) for text in texts),
            )
            + COLUMN_PADDING
            for column, texts in self._values().items()
        }
        widths[OWNER] = cells.averageCharWidth() * OWNER_CHARS
        return widths

    def _least_widths(self) -> dict[int, int]:
        """How narrow each column may get past its heading: its widest value whole (a number,
        a share, a date, a status, "⚠ overdue"), the next meeting's date without its time,
        and a few characters of a caseworker's name (the rest elided, whole in the tooltip)."""
        cells = self.table.fontMetrics()
        few = cells.averageCharWidth() * LEAST_CHARS
        when = dt.datetime(2000, 12, 31, 23, 59, tzinfo=dt.UTC)
        values = self._values()
        values[NEXT] = [f"{attention.SIGN} {fmt.date(when)}"]
        least = {
            column: max(cells.horizontalAdvance(text) for text in texts) + COLUMN_PADDING
            for column, texts in values.items()
        }
        least[OWNER] = few + COLUMN_PADDING
        return least

    def _fit_columns(self) -> None:
        """The other columns at their widths while the family's (which takes the rest) has
        room for its name; in a narrower window they give it up, down to their headers, the
        check-in's first (at 1024x600 every name read "Famili…" beside an empty check-in),
        then past their headers down to what their values need. Narrower still, the name
        keeps its room and the table scrolls sideways."""
        widths = dict(self._widths)
        header = self.table.horizontalHeader()
        cells = self.table.fontMetrics()
        name = cells.averageCharWidth() * FAMILY_CHARS + COLUMN_PADDING
        short = name - (self.table.viewport().width() - sum(widths.values()))
        values = self._least_widths()
        headings = {
            column: max(
                values[column],
                header.fontMetrics().horizontalAdvance(self.model.headers()[column])
                + COLUMN_PADDING,
            )
            for column in GIVE_WAY
        }
        for columns, least in ((GIVE_WAY, headings), (THEN_GIVE_WAY, values)):
            for column in columns:
                if short <= 0:
                    break
                if column in self._by_hand:
                    continue
                given = max(0, min(short, widths[column] - least[column]))
                widths[column] -= given
                short -= given
        widths[FAMILY] = max(name, self.table.viewport().width() - sum(widths.values()))
        self._fitting = True
        try:
            for column, width in widths.items():
                self.table.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _sized_by_hand(self, column: int, _old: int, new: int) -> None:
        """A column the user dragged keeps its width when the window is resized (it went back
        to the fitted width at the next resize)."""
        if not self._fitting and column in self._widths:
            self._widths[column] = new
            self._by_hand.add(column)

    def _add_caseworkers(self, users: list[User]) -> None:
        for user in users:
            if user.active and user.role is Role.CASEWORKER:
                self.scope.addItem(
                    self.tr("%1's families").replace("%1", user.display_name), int(user.id)
                )

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        scope = self.scope.currentData() if self.session.is_teamlead else ALL
        mine = scope == MINE
        owner = UserId(scope) if isinstance(scope, int) else None
        self.session.submit(
            lambda j: (
                j.families.case_list(mine=mine, owner=owner),
                j.checkins.due_by_family(),
            ),
            self._show_rows,
            self._failed,
            context=self,
        )

    def _show_rows(self, found: tuple[list[CaseRow], dict[FamilyId, DueState]]) -> None:
        rows, due = found
        current = self.selected_family()
        others = [r.id for r in self.selected_families() if current is None or r.id != current.id]
        self.model.set_rows(rows, due)
        if self.proxy.searching:
            self.model.fetch_all()
        self._loaded = True
        if current is not None:
            self.select_family(current.id)
        for family_id in others:  # a team lead's multi-selection survives a reload
            self.select_family(family_id, add=True)
        self._update_count()

    def _failed(self, error: BaseException) -> None:
        if self.session.locked:
            return
        self.message.show_message(describe(error), MessageBar.ERROR)

    def _on_changes(self, changes: Changes) -> None:
        if changes.entities & _RELOAD_ON:
            self._reload_timer.start()

    @property
    def loaded(self) -> bool:
        return self._loaded

    # -- searching and filtering ------------------------------------------------------------

    def _run_search(self) -> None:
        """Search for the text in the box. One search is on the worker at a time: keystrokes
        typed meanwhile are searched for together when it returns (no fixed delay, no queue
        of stale searches). One character filters on names and case numbers right here; the
        full-text search starts from the second."""
        if self._searching:
            self._search_again = True
            return
        text = self.search.text().strip()
        if not text:
            self._apply_search("", None)
            return
        if len(text) < MIN_FULL_TEXT:
            self._apply_search(text, self.model.ids_by_name(text))
            return

        def found(ids: list[FamilyId]) -> None:
            self._searching = False
            if self._search_again or self.search.text().strip() != text:
                self._search_again = False
                self._run_search()  # typed on meanwhile: only the newest text is worth showing
                return
            self._apply_search(text, ids)

        def failed(error: BaseException) -> None:
            self._searching = self._search_again = False
            self._failed(error)

        def search(journal: Journal) -> list[FamilyId]:
            return journal.search.families(text)

        self._searching = True
        self.session.submit(search, found, failed, context=self)

    def _apply_search(self, text: str, ids: list[FamilyId] | None) -> None:
        if ids is None:
            self.proxy.set_ids(None)
        else:
            self.model.fetch_all()
            self.proxy.set_ids(frozenset(ids))
        self.search_applied = text
        self._update_count()
        if ids and self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.searched.emit(text)

    @property
    def search_idle(self) -> bool:
        """No search waiting to run or to come back (for tests and benchmarks)."""
        return (
            not self._search_timer.isActive()
            and not self._searching
            and not self.session.worker.busy
        )

    def _status_changed(self, _index: int) -> None:
        self.proxy.set_statuses(self.status.currentData())
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        shown = self.proxy.matching_total()
        if self.proxy.searching:
            text = self.tr("%n families match the search (%1 in the list)", "", shown)
            self.count.setText(text.replace("%1", str(total)))
        else:
            text = self.tr("%1 of %n families shown", "", total)
            self.count.setText(text.replace("%1", str(shown)))
        self._update_empty(total, shown)

    def _update_empty(self, total: int, shown: int) -> None:
        """An empty list says why, and what to do about it."""
        if not self._loaded or shown:
            self.empty.hide()
            return
        if total == 0:
            key = QKeySequence(QKeySequence.StandardKey.New).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            text = self.tr(
                "No families here yet. Add the first one with New family… (%1); it then shows"
                " here, and the search finds it."
            ).replace("%1", key)
        elif self.proxy.searching:
            text = self.tr(
                "No family matches the search. Check the spelling, or search for the beginning of a"
                " word."
            )
        else:
            text = self.tr("No families with this status. Choose another status above.")
        self.empty.setText(text)
        self.empty.show()

    # -- selection --------------------------------------------------------------------------

    def selected_family(self) -> CaseRow | None:
        """The current row if it is selected, else the first selected one."""
        selection = self.table.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row()):
            return self.proxy.family_at(current.row())
        rows = selection.selectedRows()
        return self.proxy.family_at(rows[0].row()) if rows else None

    def selected_families(self) -> list[CaseRow]:
        """Every selected family, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        found = [self.proxy.family_at(row) for row in rows]
        return [row for row in found if row is not None]

    def chosen_family(self) -> CaseRow | None:
        """The one family selected, which the Family menu's actions act on (None when none is,
        or several)."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.family_at(rows[0].row()) if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        self.print_button.setEnabled(self.table.selectionModel().hasSelection())
        self.selection_changed.emit()

    def select_family(self, family_id: FamilyId, *, add: bool = False) -> bool:
        """Make the family current (and selected); `add` keeps the rest of the selection."""
        source_row = self.model.row_of(family_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select
            if add
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        selection = self.table.selectionModel()
        if add:
            selection.select(index, flags)
        else:
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        return True

    def _activated(self, index: object) -> None:
        row = self.selected_family()
        if row is not None:
            self.open_family.emit(int(row.id))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_top()

    def _arrange_top(self) -> None:
        """The search above the filters and buttons when beside them it would have fewer than
        SEARCH_CHARS average characters; beside them otherwise."""
        margins = self.page_layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        wanted = (
            SEARCH_CHARS * self.search.fontMetrics().averageCharWidth()
            + self.top.spacing()
            + self.controls.sizeHint().width()
        )
        direction = (
            QBoxLayout.Direction.TopToBottom if room < wanted else QBoxLayout.Direction.LeftToRight
        )
        if self.top.direction() != direction:
            self.top.setDirection(direction)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()  # the full list again; an empty box lets Escape go on
                return True
            keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.key() in keys and self.proxy.rowCount():
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                if event.key() != Qt.Key.Key_Down:
                    self._activated(None)
                return True
        return super().eventFilter(watched, event)
