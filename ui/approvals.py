"""The team lead's approvals queue: proposed payments over the limit, across all families."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import PermissionDenied
from samjournal.journal import Journal
from samjournal.model import Changes, PaymentId
from samjournal.records.payments import PendingApproval
from ui import fmt, labels
from ui.dialogs.payment import ApproveDialog, reject_dialog, sole_approver_note
from ui.dialogs.reason import ReasonDialog
from ui.errors import describe
from ui.family.payments import METHOD_CHARS, NEED_CHARS, PURPOSE_CHARS
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record
from ui.widgets import MessageBar, back_to_cases

NAME_CHARS = 22  # a family's name may be 200 characters: elided, so the purpose shows


def need_text(item: PendingApproval) -> str:
    if item.need_category is None:
        return labels.need_category(None)
    return f"{item.need_description} ({labels.need_category(item.need_category)})"


@dataclass(frozen=True)
class Queue:
    """The approvals queue as read on the worker."""

    names: dict[int, str]  # user id -> display name
    pending: list[PendingApproval]
    refusals: dict[PaymentId, PermissionDenied]  # what this team lead may not approve, and why
    sole_approver: bool


def read_queue(journal: Journal) -> Queue:
    pending = journal.payments.pending_approvals()
    return Queue(
        names={int(u.id): u.display_name for u in journal.users()},
        pending=pending,
        refusals={
            a.payment.id: refusal
            for a in pending
            if (refusal := journal.payments.approval_refusal(a.payment)) is not None
        },
        sole_approver=journal.payments.sole_approver(),
    )


class ApprovalsPage(QWidget):
    back = Signal()
    open_family = Signal(int)
    count_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._names: dict[int, str] = {}
        self._refusals: dict[PaymentId, PermissionDenied] = {}
        self._sole_approver = False
        self._place_after_decision: int | None = None  # the decided row's, till the queue is read
        self.model = RecordTableModel[PendingApproval](
            [
                Column(self.tr("Proposed"), lambda a: fmt.date(a.payment.proposed_at)),
                Column(self.tr("Case"), lambda a: a.case_number),
                Column(self.tr("Family"), lambda a: a.family_name, chars=NAME_CHARS),
                Column(self.tr("Amount"), lambda a: fmt.money(a.payment.amount), right=True),
                # As on the payments tab: at 1.5x the purpose read "Bær…" beside a whole need
                # and method, and the table scrolled sideways (outside review s20). The need,
                # shown whole below the table, gives way first.
                Column(
                    self.tr("Purpose"),
                    lambda a: a.payment.purpose,
                    stretch=True,
                    chars=PURPOSE_CHARS,
                ),
                Column(labels.heading("for_need"), need_text, chars=NEED_CHARS, give_way=1),
                Column(
                    self.tr("Left of budget"),
                    lambda a: fmt.money(a.budget_left),
                    right=True,
                    give_way=3,
                ),
                Column(
                    labels.heading("payment_method"),
                    lambda a: labels.payment_method(a.payment.method),
                    chars=METHOD_CHARS,
                    give_way=2,
                ),
                Column(
                    self.tr("Proposed by"),
                    lambda a: self._names.get(int(a.payment.proposed_by), "?"),
                ),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Payments waiting for approval"))
        # Enter and a double-click approve, so the queue is worked Enter, Enter, ... (review s14)
        self.view.doubleClicked.connect(lambda _i: self.approve())
        self.view.installEventFilter(self)
        heading = QLabel(self.tr("Payments over the approval limit, waiting for a team lead"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.approve_button = QPushButton(self.tr("App&rove"))
        self.reject_button = QPushButton(self.tr("Re&ject…"))
        self.open_button = QPushButton(self.tr("&Open family"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.reject_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.back_button = back_to_cases(self, self.back)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self.tr("No payments are waiting for approval."))
        self.empty.hide()
        layout.addWidget(self.empty)
        # Below the table, which gives it the room: above, it pushed the rows down under the
        # mouse, and the next click hit another payment (review s14).
        self.message = MessageBar(self, closable=True)
        layout.addWidget(self.message)
        self.sole_note = QLabel(sole_approver_note())
        self.sole_note.setWordWrap(True)
        self.sole_note.hide()
        layout.addWidget(self.sole_note)
        layout.addLayout(self._details())
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        session.changed.connect(self._on_changes)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self._selection_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.approve()
                return True
        return super().eventFilter(watched, event)

    def _details(self) -> QFormLayout:
        """What the decision rests on, for the chosen payment: the need and the family's words."""
        form = QFormLayout()
        self.need_label = QLabel()
        self.need_label.setWordWrap(True)
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setTextFormat(Qt.TextFormat.PlainText)
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for caption, label in (
            (self.tr("Need:"), self.need_label),
            (self.tr("The family's words:"), self.words_label),
        ):
            label.setAccessibleName(caption.rstrip(":"))
            form.addRow(caption, label)
        return form

    def _selection_changed(self) -> None:
        item = selected_record(self.view)
        chosen = isinstance(item, PendingApproval)
        for button in (self.reject_button, self.open_button):
            button.setEnabled(chosen)
        refusal = self._refusals.get(item.payment.id) if chosen else None  # the core's rule
        self.approve_button.setEnabled(chosen and refusal is None)
        self.approve_button.setToolTip(describe(refusal) if refusal else "")
        # Why this row cannot be approved, when the lead is alone and it is her own (the only
        # refusal a team lead meets); beside a caseworker's payment it only confused (review).
        self.sole_note.setVisible(self._sole_approver and refusal is not None)
        if not isinstance(item, PendingApproval):
            self.need_label.setText(
                self.tr("Choose a payment to see its need and the family's words.")
            )
            self.words_label.clear()
            return
        self.need_label.setText(need_text(item))
        self.words_label.setText(item.family_words or self.tr("(none recorded)"))

    def reload(self) -> None:
        if not self.session.is_teamlead or self.session.locked:
            return

        self.session.submit(read_queue, self._show, self._failed, context=self)

    def _show(self, queue: Queue) -> None:
        self._names, self._refusals = queue.names, queue.refusals
        self._sole_approver = queue.sole_approver
        pending = queue.pending
        chosen = selected_record(self.view)
        self.model.set_rows(pending)
        if self._place_after_decision is not None:
            self._choose_next(self._place_after_decision)
        elif isinstance(chosen, PendingApproval):  # a refresh keeps the team lead's place
            for row, item in enumerate(pending):
                if item.payment.id == chosen.payment.id:
                    self.view.selectRow(row)
        self.empty.setVisible(not pending)
        self.count_changed.emit(len(pending))

    def _failed(self, error: BaseException) -> None:
        if not self.session.locked:
            self.message.show_message(describe(error), MessageBar.ERROR)

    def _on_changes(self, changes: Changes) -> None:
        if changes.entities & {"payment", "settings", "family", "user"}:
            self._timer.start()

    def selected(self) -> PendingApproval | None:
        item = selected_record(self.view)
        if not isinstance(item, PendingApproval):
            self.message.show_message(self.tr("Choose a payment first."), MessageBar.INFO)
            return None
        return item

    def _open(self) -> None:
        item = self.selected()
        if item:
            self.open_family.emit(int(item.payment.family_id))

    def approve(self) -> ApproveDialog | None:
        item = self.selected()
        if item is None:
            return None
        refusal = self._refusals.get(item.payment.id)
        if refusal is not None:  # Enter or a double-click on a row the button is greyed out for
            self.message.show_message(describe(refusal), MessageBar.INFO)
            return None
        self.message.clear()
        dialog = ApproveDialog(self.session, item.payment, item.family_name, item.budget_left, self)

        def approved(_payment: object) -> None:
            self._decided(self.tr("Approved: %1 to %2 for “%3”."), item)

        dialog.saved.connect(approved)
        dialog.handed_over.connect(lambda question: question.saved.connect(approved))
        dialog.open()
        return dialog

    def reject(self) -> ReasonDialog | None:
        item = self.selected()
        if item is None:
            return None
        self.message.clear()
        dialog = reject_dialog(self.session, item.payment, self)
        dialog.saved.connect(
            lambda _p: self._decided(self.tr("Rejected: %1 to %2 for “%3”."), item)
        )
        dialog.open()
        return dialog

    def _decided(self, text: str, item: PendingApproval) -> None:
        self._say_decided(text, item)
        self._move_on_from(item.payment.id)

    def _say_decided(self, text: str, item: PendingApproval) -> None:
        """Name the payment decided on: the queue moves on to another row, and a bare
        "Approved." stayed over it, even after that one was rejected (review s14)."""
        payment = item.payment
        self.message.show_message(
            text.replace("%1", fmt.money(payment.amount))
            .replace("%2", item.family_name)
            .replace("%3", payment.purpose)
        )

    def _move_on_from(self, decided: PaymentId) -> None:
        """Once the queue is read again, choose the row now in the decided one's place, with the
        focus in the table: nothing was chosen, and Enter did nothing (review s14). Nothing is
        chosen meanwhile, so Enter cannot open a payment whose budget left is out of date."""
        rows = [item.payment.id for item in self.model.rows()]
        self._place_after_decision = rows.index(decided) if decided in rows else None
        self.view.clearSelection()
        self.view.setFocus()

    def _choose_next(self, place: int) -> None:
        """The row after the decided one, or the one before when it was the last."""
        self._place_after_decision = None
        row = min(place, self.model.rowCount() - 1)
        if row >= 0:
            self.view.selectRow(row)
