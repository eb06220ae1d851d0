"""Raise or edit a need; move a need along its status flow."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from samjournal.journal import Journal
from samjournal.model import NEED_FLOW, FamilyId, Meeting, Need, NeedCategory, NeedStatus
from ui import fmt, labels
from ui.dialogs.form import FormDialog, Work
from ui.session import Session


class NeedDialog(FormDialog):
    """Raise a new need (status "raised"), or edit the words and category of one."""

    def __init__(
        self,
        session: Session,
        family_id: FamilyId,
        *,
        need: Need | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("NeedDialog", "Edit need")
            if need
            else QCoreApplication.translate("NeedDialog", "Raise need")
        )
        super().__init__(session, title, parent)
        self.family_id = family_id
        self.need = need
        self.description = QLineEdit(need.description if need else "")
        self.description.setPlaceholderText(self.tr("In the family's own words"))
        self.description.setMinimumWidth(360)
        self.add_row(self.tr("&Need:"), self.description, "description")
        self.category = QComboBox()
        for category in NeedCategory:
            self.category.addItem(labels.need_category(category), category)
        if need:
            self.category.setCurrentIndex(self.category.findData(need.category))
        self.add_row(self.tr("&Category:"), self.category, "category")

    def done_message(self, result: object) -> None:
        """Said aloud and shown in the status bar once the page shows it, as a meeting's save
        is (the dialog closed, and nothing said the need was saved: outside review)."""
        self.announce(self.tr("The need is saved."))

    def build(self) -> Work:
        text = self.description.text()
        category: NeedCategory = self.category.currentData()
        if self.need is not None:
            need_id = self.need.id
            return lambda j: j.needs.edit(need_id, description=text, category=category)
        family_id = self.family_id
        return lambda j: j.needs.raise_need(family_id, text, category)


class NeedStatusDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        need: Need,
        meetings: list[Meeting],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session, QCoreApplication.translate("NeedStatusDialog", "Change need status"), parent
        )
        self.need = need
        what = QLabel(need.description)
        what.setWordWrap(True)
        self.form.addRow(self.tr("Need:"), what)
        self.form.addRow(self.tr("Now:"), QLabel(labels.need_status(need.status)))
        self.status = QComboBox()
        for status in NeedStatus:
            if status in NEED_FLOW[need.status]:
                self.status.addItem(labels.need_status(status), status)
        self.add_row(self.tr("&New status:"), self.status, "status")
        self.meeting = QComboBox()
        for meeting in meetings:
            self.meeting.addItem(
                f"{fmt.datetime(meeting.held_at)} — {labels.meeting_kind(meeting.kind)}",
                meeting.id,
            )
        self.meeting_error = self.add_row(self.tr("Agreed in &meeting:"), self.meeting, "meeting")
        self.outcome = QPlainTextEdit(need.outcome)
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(self.outcome.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(self.tr("&Outcome:"), self.outcome, "outcome")
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.resize(460, self.sizeHint().height())

    def _status_changed(self, _index: int = 0) -> None:
        self.meeting.setEnabled(self.status.currentData() is NeedStatus.AGREED)

    def done_message(self, result: object) -> None:
        """Said aloud and shown in the status bar once the page shows it, as a meeting's save
        is (the dialog closed, and nothing said the need was saved: outside review)."""
        self.announce(self.tr("The need is saved."))

    def build(self) -> Work:
        status: NeedStatus = self.status.currentData()
        outcome = self.outcome.toPlainText()
        meeting_id = self.meeting.currentData() if status is NeedStatus.AGREED else None
        need_id = self.need.id

        def change(journal: Journal) -> Need:
            return journal.needs.set_status(
                need_id, status, outcome=outcome or None, meeting_id=meeting_id
            )

        return change
