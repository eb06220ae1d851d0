"""Rows of needs and payments drafted inside the meeting dialog, saved with the meeting.

The rows share one grid under visible column headings (a placeholder alone is no label: it
goes when typing starts, and grey on white it was too faint), and each row's fields take
their place in the Tab order where they stand, before the next section and Save."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.model import NeedCategory, NeedDraft, NeedId, PaymentDraft, PaymentMethod
from ui import labels
from ui.widgets import FieldError, MoneyEdit


class DraftRow(QObject):
    """One drafted record: its fields, left to right, and a remove button, laid out by the
    list's grid."""

    removed = Signal(object)
    edited = Signal()
    STRETCH: tuple[int, ...] = ()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.owner = parent
        self.fields: list[QWidget] = []
        self.remove_button = QToolButton(parent)
        self.remove_button.setIcon(
            parent.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton)
        )
        text = QCoreApplication.translate("DraftRow", "Remove this row")
        self.remove_button.setToolTip(text)
        self.remove_button.setAccessibleName(text)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))

    @staticmethod
    def headings() -> list[str]:
        raise NotImplementedError

    def widgets(self) -> list[QWidget]:
        return [*self.fields, self.remove_button]

    def first(self) -> QWidget:
        """Where "Add" puts the cursor."""
        return self.fields[0]

    def is_empty(self) -> bool:
        raise NotImplementedError

    def edited_by(self, edit: QLineEdit) -> None:
        edit.textChanged.connect(lambda _t: self.edited.emit())


class NeedRow(DraftRow):
    STRETCH = (3, 2, 0)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.text = QLineEdit(parent)
        self.text.setPlaceholderText(self.tr("The need, in the family's words"))
        self.text.setAccessibleName(self.tr("Need"))
        self.edited_by(self.text)
        self.category = QComboBox(parent)
        self.category.setAccessibleName(self.tr("Category"))
        for category in NeedCategory:
            self.category.addItem(labels.need_category(category), category)
        self.fields = [self.text, self.category]

    @staticmethod
    def headings() -> list[str]:
        return [
            QCoreApplication.translate("NeedRow", "Need"),
            QCoreApplication.translate("NeedRow", "Category"),
        ]

    def description(self) -> str:
        return self.text.text().strip()

    def is_empty(self) -> bool:
        return not self.description()

    def draft(self) -> NeedDraft:
        return NeedDraft(self.text.text(), self.category.currentData())


class PaymentRow(DraftRow):
    STRETCH = (1, 3, 0, 2, 0)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.amount = MoneyEdit(parent=parent)
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setMinimumWidth(80)
        self.edited_by(self.amount)
        self.purpose = QLineEdit(parent)
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.edited_by(self.purpose)
        self.method = QComboBox(parent)
        self.method.setAccessibleName(labels.heading("payment_method"))
        self.method.setMinimumContentsLength(10)
        self.method.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for method in PaymentMethod:
            self.method.addItem(labels.payment_method(method), method)
        self.need = QComboBox(parent)
        self.need.setAccessibleName(labels.heading("for_need"))
        self.need.addItem(self.tr("(no need)"), None)
        self.need.setMinimumContentsLength(8)
        self.need.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.fields = [self.amount, self.purpose, self.method, self.need]

    @staticmethod
    def headings() -> list[str]:
        return [
            QCoreApplication.translate("PaymentRow", "Amount"),
            QCoreApplication.translate("PaymentRow", "Purpose"),
            labels.heading("payment_method"),
            labels.heading("for_need"),
        ]

    def set_need_choices(self, existing: list[tuple[NeedId, str]], drafted: list[str]) -> None:
        current = self.need.currentData()
        self.need.blockSignals(True)
        self.need.clear()
        self.need.addItem(self.tr("(no need)"), None)
        for index, text in enumerate(drafted):
            if text:
                self.need.addItem(self.tr("New: %1").replace("%1", text), f"draft:{index}")
        for need_id, text in existing:
            self.need.addItem(text, f"need:{need_id}")
        found = self.need.findData(current)
        self.need.setCurrentIndex(max(found, 0))
        self.need.blockSignals(False)

    def is_empty(self) -> bool:
        return not self.amount.text().strip() and not self.purpose.text().strip()

    def draft(self) -> PaymentDraft:
        kind, _, number = str(self.need.currentData() or "").partition(":")
        need_id = NeedId(int(number)) if kind == "need" else None
        draft_need = int(number) if kind == "draft" else None
        return PaymentDraft(
            self.amount.value(),
            self.purpose.text(),
            self.method.currentData(),
            need_id=need_id,
            draft_need=draft_need,
        )


class DraftList(QWidget):
    """A growing list of rows under column headings, with an "Add" button and one error line
    for the section."""

    changed = Signal()
    row_added = Signal(object)

    def __init__(self, kind: type[DraftRow], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._rows: list[DraftRow] = []
        self._next_line = 1  # grid line 0 holds the headings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.headings: list[QLabel] = []
        for column, (text, stretch) in enumerate(zip(kind.headings(), kind.STRETCH, strict=False)):
            heading = QLabel(text)
            heading.hide()  # shown with the first row: no headings over nothing
            self.headings.append(heading)
            self.grid.addWidget(heading, 0, column)
            self.grid.setColumnStretch(column, stretch)
        layout.addLayout(self.grid)
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_by_hand)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = FieldError(self)
        # As a single field's: a row's message goes once the rows change (it stayed after the
        # amount was corrected; outside review s20). The next save checks them again.
        self.changed.connect(self.error.clear_error)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def add(self) -> DraftRow:
        row = self._kind(self)
        row.removed.connect(self._remove)
        row.edited.connect(self.changed.emit)
        self._rows.append(row)
        for column, widget in enumerate(row.widgets()):
            self.grid.addWidget(widget, self._next_line, column)
            widget.show()  # now, not at the next layout pass: "Add" moves the focus at once
        self._next_line += 1
        for heading, field in zip(self.headings, row.fields, strict=False):
            heading.show()
            heading.setBuddy(field)  # tells assistive technology which field it labels
        self.row_added.emit(row)
        self.changed.emit()
        return row

    def _add_by_hand(self) -> None:
        """ "Add" puts the cursor in the new row (it stayed on the button, so typing went
        nowhere and Space added another row) and shows it."""
        row = self.add()
        row.first().setFocus(Qt.FocusReason.TabFocusReason)

    def _remove(self, row: DraftRow) -> None:
        index = self._rows.index(row)
        self._rows.remove(row)
        had_focus = any(w.hasFocus() for w in row.widgets())
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        row.deleteLater()
        if not self._rows:
            for heading in self.headings:
                heading.hide()
        if had_focus:  # the focus goes to the row that took its place, or to "Add"
            rows = self._rows
            (rows[min(index, len(rows) - 1)].first() if rows else self.add_button).setFocus()
        self.changed.emit()

    def rows(self) -> list[DraftRow]:
        return list(self._rows)
