"""Payments: propose, approve (team lead over the limit), mark paid, reject or cancel; totals
per category and per need."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import OverBudget, PermissionDenied
from samjournal.model import NeedCategory, NeedId, Payment, PaymentStatus
from samjournal.money import Money
from ui import fmt, labels
from ui.dialogs.payment import (
    MarkPaidDialog,
    ProposePaymentDialog,
    cancel_dialog,
    over_budget_dialog,
    reject_dialog,
    sole_approver_note,
)
from ui.dialogs.reason import ReasonDialog
from ui.errors import describe
from ui.family.tab import FamilyTab
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record

# Elided at these many average characters (the whole text is the tooltip), so that the purpose
# keeps its room: a need is a sentence in the family's words, a status may carry the reason, and
# at 1024x600 a method or a name at its full width squeezed the purpose to "Sommerleir f…".
NEED_CHARS = 20
# The purpose takes the room up to this width, the voucher (the last column) the rest: a wider
# purpose pushed the status and who proposed and approved past the edge of a laptop screen.
PURPOSE_CHARS = 40
STATUS_CHARS = 18
METHOD_CHARS = 14
NAME_CHARS = 13


class PaymentsTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = RecordTableModel[Payment](
            [
                Column(self.tr("Proposed"), lambda p: fmt.date(p.proposed_at)),
                Column(self.tr("Amount"), lambda p: fmt.money(p.amount), right=True),
                # With a vertical scroll bar at 1.5x the purpose read "Famil…" beside columns
                # with nothing in them (outside review s20): the need, the method and who
                # approved and proposed give way first, elided, whole in the tooltip.
                Column(self.tr("Purpose"), lambda p: p.purpose, stretch=True, chars=PURPOSE_CHARS),
                Column(self.tr("Need"), self._need_text, chars=NEED_CHARS, give_way=1),
                Column(
                    labels.heading("payment_method"),
                    lambda p: labels.payment_method(p.method),
                    chars=METHOD_CHARS,
                    give_way=2,
                ),
                Column(self.tr("Status"), self._status_text, chars=STATUS_CHARS),
                Column(
                    self.tr("Proposed by"),
                    lambda p: self._user(p.proposed_by),
                    chars=NAME_CHARS,
                    give_way=4,
                ),
                Column(
                    self.tr("Approved by"),
                    lambda p: self._user(p.approved_by),
                    chars=NAME_CHARS,
                    give_way=3,
                ),
                Column(labels.heading("paid_on"), lambda p: fmt.date(p.paid_on)),
                Column(self.tr("Voucher"), lambda p: p.voucher_ref),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Payments"))
        self.propose_button = QPushButton(self.tr("&Propose payment…"))
        self.approve_button = QPushButton(self.tr("App&rove"))
        self.paid_button = QPushButton(self.tr("&Mark paid…"))
        self.reject_button = QPushButton(self.tr("Re&ject…"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel payment…"))
        self.propose_button.clicked.connect(self.propose)
        self.approve_button.clicked.connect(self.approve)
        self.paid_button.clicked.connect(self.mark_paid)
        self.reject_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        for button in (
            self.propose_button,
            self.approve_button,
            self.paid_button,
            self.reject_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.by_category = RecordTableModel[tuple[NeedCategory | None, Money]](
            [
                Column(self.tr("Category"), lambda r: labels.need_category(r[0]), stretch=True),
                Column(labels.budget_part("used"), lambda r: fmt.money(r[1]), right=True),
            ],
            self,
        )
        self.by_need = RecordTableModel[tuple[NeedId | None, Money]](
            [
                Column(self.tr("Need"), lambda r: self._need_name(r[0]), stretch=True),
                Column(labels.budget_part("used"), lambda r: fmt.money(r[1]), right=True),
            ],
            self,
        )
        totals = QHBoxLayout()
        for title, model in (
            (self.tr("Totals per category"), self.by_category),
            (self.tr("Totals per need"), self.by_need),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(record_table(model, title))
            totals.addWidget(box)
        totals_widget = QWidget()
        totals_widget.setLayout(totals)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.message)  # by the buttons: a message moves no list nor them
        top_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(totals_widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # -- showing ----------------------------------------------------------------------------

    def _user(self, user_id: object) -> str:
        return self.data.user_name(user_id) if self.data else ""  # type: ignore[arg-type]

    def _need_name(self, need_id: NeedId | None) -> str:
        need = self.data.need(need_id) if self.data else None
        return need.description if need else self.tr("(no need)")

    def _need_text(self, payment: Payment) -> str:
        need = self.data.need(payment.need_id) if self.data else None
        return need.description if need else ""

    def _status_text(self, payment: Payment) -> str:
        text = labels.payment_status(payment.status)
        if (
            payment.status is PaymentStatus.PROPOSED
            and self.data
            and payment.amount > self.data.approval_limit
        ):
            if self.data.sole_approver and payment.id in self.data.refusals:
                text += " · " + self.tr("needs a second team lead")
            else:
                text += " · " + self.tr("needs team lead")
        if payment.reason:
            text += f" ({payment.reason})"
        return text

    def refresh(self) -> None:
        if self.data is None:
            return
        selected = selected_record(self.view)
        payments = sorted(self.data.detail.payments, key=lambda p: p.proposed_at, reverse=True)
        self.model.set_rows(payments)
        for i, p in enumerate(payments):
            if selected is not None and p.id == selected.id:
                self.view.selectRow(i)
        totals = self.data.totals
        self.by_category.set_rows(sorted(totals.by_category.items(), key=lambda kv: -kv[1].ore))
        self.by_need.set_rows(sorted(totals.by_need.items(), key=lambda kv: -kv[1].ore))
        self._update_buttons()

    def selected(self) -> Payment | None:
        payment = selected_record(self.view)
        return payment if isinstance(payment, Payment) else None

    def select_payment(self, payment_id: int) -> None:
        for i, p in enumerate(self.model.rows()):
            if p.id == payment_id:
                self.view.selectRow(i)

    def _update_buttons(self) -> None:
        p = self.selected()
        status = p.status if p else None
        refusal = self.data.refusals.get(p.id) if p and self.data else None
        self.approve_button.setEnabled(status is PaymentStatus.PROPOSED and refusal is None)
        self.approve_button.setToolTip(self._refusal_text(refusal) if refusal else "")
        self.reject_button.setEnabled(status is PaymentStatus.PROPOSED)
        self.paid_button.setEnabled(status is PaymentStatus.APPROVED)
        self.cancel_button.setEnabled(status in (PaymentStatus.PROPOSED, PaymentStatus.APPROVED))

    def _refusal_text(self, refusal: PermissionDenied) -> str:
        text = describe(refusal)
        if self.data and self.data.sole_approver:
            text += " " + sole_approver_note()
        return text

    # -- actions ----------------------------------------------------------------------------

    def propose(self) -> None:
        if self.data:
            self.open_dialog(
                ProposePaymentDialog(
                    self.session,
                    self.data.family_id,
                    list(self.data.detail.needs),
                    remaining=self.data.detail.budget.remaining,
                    sole_approver=self.data.sole_approver,
                    parent=self,
                )
            )

    def approve(self) -> None:
        payment = self.selected()
        if payment is None:
            return
        payment_id = payment.id

        def refused(error: BaseException) -> None:
            if isinstance(error, OverBudget) and self.session.is_teamlead:
                self.open_dialog(over_budget_dialog(self.session, payment_id, self))
                return
            self.show_error(error)

        self.message.clear()
        self.session.submit(
            lambda j: j.payments.approve(payment_id),
            lambda _p: self.show_info(self.tr("Approved.")),
            refused,
            context=self,
        )

    def mark_paid(self) -> None:
        payment = self.selected()
        if payment:
            self.open_dialog(MarkPaidDialog(self.session, payment, self))

    def reject(self) -> None:
        payment = self.selected()
        if payment:
            self._said_after(reject_dialog(self.session, payment, self), self.tr("Rejected."))

    def cancel(self) -> None:
        payment = self.selected()
        if payment:
            self._said_after(cancel_dialog(self.session, payment, self), self.tr("Cancelled."))

    def _said_after(self, dialog: ReasonDialog, text: str) -> None:
        """Open `dialog`, and say `text` once the page shows the change, as a proposal's save is
        said (a rejection or a cancellation closed its dialog without a word: outside review,
        2026-12-08)."""
        dialog.saved.connect(lambda _result: self.say_when_shown.emit(text))
        self.open_dialog(dialog)
