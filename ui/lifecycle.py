"""The end of a case, for the team lead: cases whose retention has run out (purge them), and a
family's erasure on request. Both delete for real; each asks for a reason and for an explicit
"I understand this cannot be undone" before the button that does it is enabled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.journal import Journal
from samjournal.model import FamilyId, PurgeCandidate
from ui import fmt
from ui.dialogs.reason import ReasonDialog
from ui.errors import describe
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record
from ui.widgets import Dialog, MessageBar


class DeleteForGoodDialog(ReasonDialog):
    """A reason, a warning that it cannot be undone, and a box to tick before deleting."""

    def __init__(
        self,
        session: Session,
        title: str,
        prompt: str,
        action: Callable[[Journal, str], Any],
        *,
        confirm_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, title, prompt, action, confirm_text=confirm_text, parent=parent)
        self.setObjectName("DeleteForGoodDialog")
        self.reason.setPlaceholderText(self.tr("For example: retention period ended"))
        self.reason.setToolTip(
            self.tr("The reason stays in the audit log: do not write names or numbers.")
        )
        self.understood = QCheckBox(self.tr("I &understand that this cannot be undone"))
        self.form.addRow(self.understood)
        self.save_button.setEnabled(False)
        self.understood.toggled.connect(self.save_button.setEnabled)
        self.cancel_button.setDefault(True)
        self.save_button.setDefault(False)

    def save(self) -> None:
        if self.understood.isChecked():
            super().save()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.save_button.setEnabled(not busy and self.understood.isChecked())


def erase_dialog(
    session: Session, family_id: FamilyId, name: str, case_number: str, parent: QWidget
) -> DeleteForGoodDialog:
    """The family's right to erasure: any case, open or closed."""
    return DeleteForGoodDialog(
        session,
        QCoreApplication.translate("EraseFamily", "Erase family"),
        QCoreApplication.translate(
            "EraseFamily",
            "Erase %1 (case %2) at the family's request? The case and everything recorded about"
            " it is deleted for good: members, meetings, needs, payments, check-ins, consents"
            " and their history. The audit log keeps only that the case was erased, and why."
            " It cannot be undone. Older backups still hold the family until they are replaced.",
        )
        .replace("%1", name)
        .replace("%2", case_number),
        lambda journal, reason: journal.families.erase(family_id, reason),
        confirm_text=QCoreApplication.translate("EraseFamily", "&Erase for good"),
        parent=parent,
    )


class PurgeListDialog(Dialog):
    """Closed (or removed) cases whose retention period has run out."""

    purged = Signal(int)  # family id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("PurgeListDialog")
        self.setWindowTitle(self.tr("Cases due for purge"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.loaded = False
        intro = QLabel(
            self.tr(
                "These cases ended more than %n year(s) ago (the journal's retention period)."
                " Check that the archive has what the municipality must keep, then purge them:"
                " each case and everything recorded about it is deleted for good.",
                "",
                session.settings.retention_years,
            )
        )
        intro.setWordWrap(True)
        yes = self.tr("yes")
        self.model = RecordTableModel[PurgeCandidate](
            [
                Column(self.tr("Case"), lambda c: c.case_number),
                Column(self.tr("Family"), lambda c: c.display_name, stretch=True),
                Column(self.tr("Caseworker"), lambda c: c.owner),
                Column(self.tr("Ended"), lambda c: fmt.date(c.ended_on)),
                Column(self.tr("Retention ran out"), lambda c: fmt.date(c.due_on)),
                Column(self.tr("Removed earlier"), lambda c: yes if c.removed else ""),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Cases due for purge"))
        self.view.doubleClicked.connect(lambda _i: self.purge_selected())
        self.empty = QLabel(self.tr("No case is due for purge."))
        self.empty.hide()
        self.message = MessageBar(self, closable=True)
        self.buttons = QDialogButtonBox()
        self.purge_button: QPushButton = self.buttons.addButton(
            self.tr("&Purge…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.purge_button.setAccessibleName(self.tr("Purge the selected case"))
        self.purge_button.clicked.connect(self.purge_selected)
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(820, 420)
        self.reload()

    def reload(self) -> None:
        self.session.submit(
            lambda j: j.families.due_for_purge(), self._show, self._failed, context=self
        )

    def _show(self, rows: list[PurgeCandidate]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.purge_button.setEnabled(bool(rows))
        if rows:
            self.view.selectRow(0)
            self.view.setFocus()
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self.loaded = True
        self.message.show_message(describe(error), MessageBar.ERROR)

    def purge_selected(self) -> DeleteForGoodDialog | None:
        case = selected_record(self.view)
        if not isinstance(case, PurgeCandidate):
            self.message.show_message(self.tr("Choose a case in the list first."))
            return None
        fid = case.id
        dialog = DeleteForGoodDialog(
            self.session,
            self.tr("Purge case %1").replace("%1", case.case_number),
            self.tr(
                "Purge %1 (case %2)? Its retention period ran out on %3. The case and"
                " everything recorded about it is deleted for good; the audit log keeps only"
                " that it was purged, and why. It cannot be undone. Older backups still hold it"
                " until they are replaced."
            )
            .replace("%1", case.display_name)
            .replace("%2", case.case_number)
            .replace("%3", fmt.date(case.due_on)),
            lambda journal, reason: journal.families.purge(fid, reason),
            confirm_text=self.tr("&Purge for good"),
            parent=self,
        )
        dialog.reason.setText(self.tr("Retention period ended"))
        dialog.saved.connect(lambda _r: self._done(case))
        dialog.open()
        return dialog

    def _done(self, case: PurgeCandidate) -> None:
        self.message.show_message(self.tr("Case %1 was purged.").replace("%1", case.case_number))
        self.purged.emit(int(case.id))
        self.reload()
