"""Rows of needs and payments drafted inside the meeting dialog, saved with the meeting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
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


class DraftRow(QWidget):
    removed = Signal(object)
    edited = Signal()

    def _remove_button(self, layout: QHBoxLayout) -> None:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        text = QCoreApplication.translate("DraftRow", "Remove this row")
        button.setToolTip(text)
        button.setAccessibleName(text)
        button.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(button)

    def is_empty(self) -> bool:
        raise NotImplementedError


class NeedRow(DraftRow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("The need, in the family's words"))
        self.text.setAccessibleName(self.tr("Need"))
        self.text.textChanged.connect(lambda _t: self.edited.emit())
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        for category in NeedCategory:
            self.category.addItem(labels.need_category(category), category)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.category, 2)
        self._remove_button(layout)
        self.setFocusProxy(self.text)  # "Add need" puts the cursor here

    def description(self) -> str:
        return self.text.text().strip()

    def is_empty(self) -> bool:
        return not self.description()

    def draft(self) -> NeedDraft:
        return NeedDraft(self.text.text(), self.category.currentData())


class PaymentRow(DraftRow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.amount = MoneyEdit()
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setMinimumWidth(80)
        self.setFocusProxy(self.amount)  # "Add payment" puts the cursor here
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("Purpose"))
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.method = QComboBox()
        self.method.setAccessibleName(self.tr("Method"))
        self.method.setMinimumContentsLength(10)
        self.method.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for method in PaymentMethod:
            self.method.addItem(labels.payment_method(method), method)
        self.need = QComboBox()
        self.need.setAccessibleName(self.tr("For need"))
        self.need.addItem(self.tr("(no need)"), None)
        self.need.setMinimumContentsLength(8)
        self.need.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        layout.addWidget(self.amount, 1)
        layout.addWidget(self.purpose, 3)
        layout.addWidget(self.method, 0)
        layout.addWidget(self.need, 2)
        self._remove_button(layout)

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
    """A growing list of rows with an "Add" button and one error line for the section."""

    changed = Signal()
    row_added = Signal(object)

    def __init__(self, kind: type[DraftRow], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._rows: list[DraftRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._list = QVBoxLayout()
        layout.addLayout(self._list)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add().setFocus())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def add(self) -> DraftRow:
        row = self._kind(self)
        row.removed.connect(self._remove)
        row.edited.connect(self.changed.emit)
        self._rows.append(row)
        self._list.addWidget(row)
        row.show()  # now, not at the next layout pass: "Add" moves the focus into it at once
        self.row_added.emit(row)
        self.changed.emit()
        return row

    def _remove(self, row: DraftRow) -> None:
        self._rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def rows(self) -> list[DraftRow]:
        return list(self._rows)
