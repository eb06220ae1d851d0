"""Propose a payment, and mark an approved one as paid."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QWidget,
)

from samjournal.errors import OverBudget, ValidationError
from samjournal.journal import Journal
from samjournal.messages import said
from samjournal.model import (
    OPEN_NEED_STATUSES,
    FamilyId,
    Need,
    NeedId,
    Payment,
    PaymentId,
    PaymentMethod,
)
from samjournal.money import Money
from samjournal.records.payments import approval_rule
from ui import attention, fmt, labels
from ui.dialogs.form import FormDialog, Work
from ui.dialogs.reason import ConfirmDialog, ReasonDialog
from ui.errors import core_message
from ui.session import Session
from ui.widgets import ElidedLabel, MoneyEdit, fit_dialog, resize_for_width


def sole_approver_note() -> str:
    """Said where big payments are proposed or approved by the journal's only team lead."""
    return core_message(said("sole_approver"))


class ProposePaymentDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        family_id: FamilyId,
        needs: list[Need],
        *,
        need_id: NeedId | None = None,
        remaining: Money | None = None,
        sole_approver: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`remaining`: what is left of the family's budget frame, to say so as the amount is
        typed when it would go past it (the team lead is asked again on approving).
        `sole_approver`: the user is the only team lead (Payments.sole_approver)."""
        super().__init__(
            session, QCoreApplication.translate("ProposePaymentDialog", "Propose payment"), parent
        )
        self.family_id = family_id
        self.remaining = remaining
        self.amount = MoneyEdit()
        self.add_row(self.tr("&Amount (NOK):"), self.amount, "amount")
        self.over = QLabel()
        self.add_note(self.over)
        self.form.setRowVisible(self.over, False)
        self.amount.textChanged.connect(self._say_if_over)
        limit = session.settings.approval_limit
        hint = QLabel(
            core_message(approval_rule(limit))  # as a caseworker's Approve button says it
            + (" " + sole_approver_note() if sole_approver else "")
        )
        self.hint = hint
        self.add_note(hint)
        self.purpose = QLineEdit()
        self.add_row(self.tr("&Purpose:"), self.purpose, "purpose", required=True)
        self.method = QComboBox()
        for method in PaymentMethod:
            self.method.addItem(labels.payment_method(method), method)
        self.add_row(self.tr("&Method:"), self.method, "method")
        self.need = QComboBox()
        # Sized by a few words, not by the longest need: a need of 500 characters made the
        # form wider than the screen, and the amount was typed out of sight (review s29). The
        # box elides what does not fit; the whole text is its tooltip.
        self.need.setMinimumContentsLength(30)
        self.need.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.need.addItem(self.tr("(no need)"), None)
        for need in needs:
            if need.status in OPEN_NEED_STATUSES:
                text = f"{need.description} ({labels.need_category(need.category)})"
                self.need.addItem(text, need.id)
                self.need.setItemData(self.need.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        if need_id is not None:
            self.need.setCurrentIndex(max(0, self.need.findData(need_id)))
        self.add_row(self.tr("For &need:"), self.need, "need")
        resize_for_width(self, 480)  # the approval-limit hint wraps

    def _say_if_over(self) -> None:
        try:
            amount = self.amount.value()
        except ValidationError:
            amount = Money(0)
        left = self.remaining
        over = left is not None and amount.ore > left.ore
        if left is not None and over:
            self.over.setText(
                f"{attention.SIGN} "
                + self.tr("%1 over the family's budget frame (%2 left).")
                .replace("%1", fmt.money(Money(amount.ore - left.ore)))
                .replace("%2", fmt.money(left))
            )
            attention.mark(self.over, True)
        self.form.setRowVisible(self.over, over)
        if over:
            fit_dialog(self.over)

    def done_message(self, result: object) -> None:
        """Said aloud and shown in the status bar once the page shows it, as a meeting's save
        is (the dialog closed, and nothing said the payment was saved: outside review)."""
        self.announce(self.tr("The payment is saved."))

    def build(self) -> Work:
        amount = self.amount.value()
        purpose = self.purpose.text()
        method: PaymentMethod = self.method.currentData()
        need_id = self.need.currentData()
        family_id = self.family_id

        def propose(journal: Journal) -> Payment:
            return journal.payments.propose(
                family_id, amount, purpose, method=method, need_id=need_id
            )

        return propose


class MarkPaidDialog(FormDialog):
    def __init__(self, session: Session, payment: Payment, parent: QWidget | None = None) -> None:
        super().__init__(
            session, QCoreApplication.translate("MarkPaidDialog", "Mark as paid"), parent
        )
        self.payment = payment
        # The amount on its own line, always whole; the purpose shortened with "…" (its full
        # text the tooltip). One wrapped line of both was cut top and bottom, amount and all.
        self.amount = QLabel(fmt.money(payment.amount))
        self.form.addRow(self.tr("Payment:"), self.amount)
        self.purpose = ElidedLabel(field=True)
        self.purpose.setText(payment.purpose)
        self.form.addRow(self.tr("Purpose:"), self.purpose)
        self.voucher = QLineEdit()
        self.voucher.setPlaceholderText(self.tr("The voucher number in the accounts"))
        self.add_row(self.tr("&Voucher reference:"), self.voucher, "voucher")
        self.paid_on = fmt.date_edit(QDateEdit(QDate.currentDate()))
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setMaximumDate(QDate.currentDate())
        self.add_row(self.tr("&Paid on:"), self.paid_on, "paid_on")
        self.early = QLabel()
        self.add_note(self.early)
        self.form.setRowVisible(self.early, False)
        self.paid_on.dateChanged.connect(self._say_if_before_approval)
        self.save_button.setText(self.tr("&Mark as paid"))
        self.resize(440, self.sizeHint().height())

    def _say_if_before_approval(self) -> None:
        """A payment recorded after the fact may well be dated before its approval, so such a
        date is kept; but it is said, as it is more often a slip, and an evaluator reads the
        days from approval to payment."""
        approved = self.payment.approved_at
        early = (
            approved is not None and fmt.pydate(self.paid_on.date()) < fmt.local(approved).date()
        )
        if approved is not None and early:
            self.early.setText(
                f"{attention.SIGN} "
                + self.tr("Paid before it was approved (%1): is the date right?").replace(
                    "%1", fmt.date(approved)
                )
            )
            attention.mark(self.early, True)
        self.form.setRowVisible(self.early, early)
        if early:
            fit_dialog(self.early)

    def done_message(self, result: object) -> None:
        """Said aloud and shown in the status bar once the page shows it, as a meeting's save
        is (the dialog closed, and nothing said the payment was saved: outside review)."""
        self.announce(self.tr("The payment is saved."))

    def build(self) -> Work:
        voucher = self.voucher.text()
        paid_on = fmt.pydate(self.paid_on.date())
        payment_id = self.payment.id
        return lambda journal: journal.payments.mark_paid(payment_id, voucher, paid_on=paid_on)


# The decisions on a payment asked for from both the family's Payments tab and the team lead's
# approvals queue. (lupdate reads only literal translate() calls, hence no shorter helper.)


def reject_dialog(session: Session, payment: Payment, parent: QWidget) -> ReasonDialog:
    payment_id = payment.id
    return ReasonDialog(
        session,
        QCoreApplication.translate("PaymentDecisions", "Reject payment"),
        QCoreApplication.translate("PaymentDecisions", "Reject %1 for “%2”?")
        .replace("%1", fmt.money(payment.amount))
        .replace("%2", payment.purpose),
        lambda journal, reason: journal.payments.reject(payment_id, reason),
        confirm_text=QCoreApplication.translate("PaymentDecisions", "Re&ject"),
        parent=parent,
    )


def cancel_dialog(session: Session, payment: Payment, parent: QWidget) -> ReasonDialog:
    payment_id = payment.id
    return ReasonDialog(
        session,
        QCoreApplication.translate("PaymentDecisions", "Cancel payment"),
        QCoreApplication.translate("PaymentDecisions", "Cancel %1 for “%2”?")
        .replace("%1", fmt.money(payment.amount))
        .replace("%2", payment.purpose),
        lambda journal, reason: journal.payments.cancel(payment_id, reason),
        confirm_text=QCoreApplication.translate("PaymentDecisions", "Cancel &payment"),
        parent=parent,
    )


class ApproveDialog(ConfirmDialog):
    """Approving is asked for once more; past the budget frame it hands over to the team lead's
    over-budget question instead of showing the refusal: `handed_over(question)`, whose `saved`
    is then the approval."""

    handed_over = Signal(ConfirmDialog)

    def __init__(
        self,
        session: Session,
        payment: Payment,
        family_name: str,
        budget_left: Money,
        parent: QWidget,
    ) -> None:
        payment_id = payment.id
        super().__init__(
            session,
            QCoreApplication.translate("PaymentDecisions", "Approve payment"),
            QCoreApplication.translate(
                "PaymentDecisions",
                "Approve %1 to %2 for “%3”? Left of the family's budget frame before this"
                " payment: %4.",
            )
            .replace("%1", fmt.money(payment.amount))
            .replace("%2", family_name)
            .replace("%3", payment.purpose)
            .replace("%4", fmt.money(budget_left)),
            lambda journal: journal.payments.approve(payment_id),
            confirm_text=QCoreApplication.translate("PaymentDecisions", "&Approve"),
            parent=parent,
        )
        # An ordinary approval, asked once more: Enter approves (the queue's Alt+G, Enter).
        # Past the frame the over-budget question follows, and there Enter cancels.
        self.cancel_button.setDefault(False)
        self.save_button.setAutoDefault(True)
        self.save_button.setDefault(True)
        self._payment_id = payment_id

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, OverBudget) and self.session is not None:
            parent = self.parentWidget()
            assert parent is not None
            question = over_budget_dialog(self.session, self._payment_id, parent)
            self.handed_over.emit(question)
            self.reject()
            question.open()
            return
        super().show_error(error)


def over_budget_dialog(session: Session, payment_id: PaymentId, parent: QWidget) -> ConfirmDialog:
    """A team lead's second look when approving would pass the family's yearly budget frame."""
    return ConfirmDialog(
        session,
        QCoreApplication.translate("PaymentDecisions", "Approve over budget"),
        QCoreApplication.translate(
            "PaymentDecisions",
            "This payment takes the family over its yearly budget frame. Approve it anyway?",
        ),
        lambda journal: journal.payments.approve(payment_id, over_budget_ok=True),
        confirm_text=QCoreApplication.translate("PaymentDecisions", "&Approve over budget"),
        parent=parent,
    )
