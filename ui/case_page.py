"""The case list page: search as you type, mine/all and status filters, a sortable table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from samjournal.journal import Journal
from samjournal.model import CaseRow, Changes, FamilyId, FamilyStatus
from ui.case_list import FAMILY, CaseFilterProxy, CaseListModel
from ui.errors import describe
from ui.session import Session
from ui.widgets import MessageBar

SEARCH_DELAY_MS = 150
RELOAD_DELAY_MS = 300
_RELOAD_ON = frozenset({"family", "meeting", "need", "payment", "member", "user"})


class CaseListPage(QWidget):
    open_family = Signal(int)
    new_family = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._search_generation = 0
        self._loaded = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search names, meeting notes, needs and payments (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the case list"))
        self.search.installEventFilter(self)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("My families"), True)
        self.scope.addItem(self.tr("All families"), False)
        self.scope.setAccessibleName(self.tr("Whose families"))
        self.scope.setVisible(session.is_teamlead)
        if session.is_teamlead:
            self.scope.setCurrentIndex(1)
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

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        top.addWidget(self.status)
        top.addWidget(self.new_button)

        self.model = CaseListModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_statuses(self.status.currentData())
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Case list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FAMILY, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        widths = (90, 0, 150, 80, 100, 120, 110, 140)
        for column, width in enumerate(widths):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)

        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of families shown"))
        self.message = MessageBar(self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.search, self.scope)
        self.setTabOrder(self.scope, self.status)
        self.setTabOrder(self.status, self.new_button)
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

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        mine = bool(self.scope.currentData()) and self.session.is_teamlead
        self.session.submit(
            lambda j: j.families.case_list(mine=mine), self._show_rows, self._failed, context=self
        )

    def _show_rows(self, rows: list[CaseRow]) -> None:
        selected = self.selected_family()
        self.model.set_rows(rows)
        if self.proxy.searching:
            self.model.fetch_all()
        self._loaded = True
        if selected is not None:
            self.select_family(selected.id)
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
        text = self.search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self.proxy.set_ids(None)
            self._update_count()
            return

        def found(ids: list[FamilyId]) -> None:
            if generation != self._search_generation:
                return  # a newer keystroke has already asked again
            self.model.fetch_all()
            self.proxy.set_ids(frozenset(ids))
            self._update_count()
            if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

        def search(journal: Journal) -> list[FamilyId]:
            return journal.search.families(text)

        self.session.submit(search, found, self._failed, context=self)

    @property
    def search_idle(self) -> bool:
        """No search waiting to run or to come back (for tests and benchmarks)."""
        return not self._search_timer.isActive() and not self.session.worker.busy

    def _status_changed(self, _index: int) -> None:
        self.proxy.set_statuses(self.status.currentData())
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total
        shown = self.proxy.matching_total()
        if self.proxy.searching:
            text = self.tr("%1 families match the search (%2 in the list)")
        else:
            text = self.tr("%1 of %2 families shown")
        self.count.setText(text.replace("%1", str(shown)).replace("%2", str(total)))

    # -- selection --------------------------------------------------------------------------

    def selected_family(self) -> CaseRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.family_at(rows[0].row()) if rows else None

    def select_family(self, family_id: FamilyId) -> bool:
        source_row = self.model.row_of(family_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _activated(self, index: object) -> None:
        row = self.selected_family()
        if row is not None:
            self.open_family.emit(int(row.id))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.key() in keys and self.proxy.rowCount():
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                if event.key() != Qt.Key.Key_Down:
                    self._activated(None)
                return True
        return super().eventFilter(watched, event)
