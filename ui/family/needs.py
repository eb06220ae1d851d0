"""Needs: the family's words, category, status flow and what has been paid for each."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from samjournal.model import Need
from samjournal.money import Money
from ui import fmt, labels
from ui.dialogs.need import NeedDialog, NeedStatusDialog
from ui.dialogs.payment import ProposePaymentDialog
from ui.family.tab import FamilyTab
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record


class NeedsTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = RecordTableModel[Need](
            [
                Column(self.tr("Need"), lambda n: n.description, stretch=True),
                Column(self.tr("Category"), lambda n: labels.need_category(n.category)),
                Column(self.tr("Status"), lambda n: labels.need_status(n.status)),
                Column(self.tr("Raised"), lambda n: fmt.date(n.raised_on)),
                Column(labels.budget_part("used"), self._paid_for, right=True),
                Column(labels.heading("outcome"), lambda n: n.outcome),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Needs"))
        self.view.doubleClicked.connect(lambda _i: self.change_status())
        self.raise_button = QPushButton(self.tr("&Raise need…"))
        self.edit_button = QPushButton(self.tr("&Edit need…"))
        self.status_button = QPushButton(self.tr("Change &status…"))
        self.pay_button = QPushButton(self.tr("&Propose payment for need…"))
        self.raise_button.clicked.connect(self.raise_need)
        self.edit_button.clicked.connect(self.edit_need)
        self.status_button.clicked.connect(self.change_status)
        self.pay_button.clicked.connect(self.propose_payment)
        buttons = QHBoxLayout()
        for button in (self.raise_button, self.edit_button, self.status_button, self.pay_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)  # by the buttons: a message moves no list nor them
        layout.addLayout(buttons)

    def _paid_for(self, need: Need) -> str:
        if self.data is None:
            return ""
        amount = self.data.totals.by_need.get(need.id, Money(0))
        return fmt.money(amount) if amount else ""

    def refresh(self) -> None:
        if self.data is not None:
            self.model.set_rows(self.data.detail.needs)

    def selected(self) -> Need | None:
        need = selected_record(self.view)
        if not isinstance(need, Need):
            self.ask_to_choose(
                self.view, self.tr("Choose a need in the list first."), self.tr("No needs yet.")
            )
            return None
        return need

    def raise_need(self) -> None:
        if self.data:
            self.open_dialog(NeedDialog(self.session, self.data.family_id, parent=self))

    def edit_need(self) -> None:
        need = self.selected()
        if need and self.data:
            self.open_dialog(NeedDialog(self.session, self.data.family_id, need=need, parent=self))

    def change_status(self) -> None:
        need = self.selected()
        if need is None or self.data is None:
            return
        dialog = NeedStatusDialog(self.session, need, list(self.data.detail.meetings), self)
        if dialog.status.count() == 0:
            dialog.deleteLater()
            self.show_info(self.tr("This need is finished; its status cannot change."))
            return
        self.open_dialog(dialog)

    def propose_payment(self) -> None:
        need = self.selected()
        if need and self.data:
            self.open_dialog(
                ProposePaymentDialog(
                    self.session,
                    self.data.family_id,
                    list(self.data.detail.needs),
                    need_id=need.id,
                    remaining=self.data.detail.budget.remaining,
                    sole_approver=self.data.sole_approver,
                    parent=self,
                )
            )
