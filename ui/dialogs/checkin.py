"""Record a check-in: 0-10 life satisfaction and domain scores, as the family answered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QSpinBox, QWidget

from samjournal.journal import Journal
from samjournal.model import CHECKIN_DOMAINS, Checkin, FamilyDetail
from ui import fmt, labels
from ui.dialogs.form import FormDialog, Work
from ui.session import Session


def score_box() -> QSpinBox:
    """A 0-10 score that starts unanswered: a forgotten field must not pass as the answer."""
    box = QSpinBox()
    box.setRange(-1, 10)
    box.setSpecialValueText(QCoreApplication.translate("CheckinDialog", "not answered"))
    box.setValue(-1)
    box.setMinimumWidth(130)
    return box


def score_value(box: QSpinBox) -> int | None:
    return box.value() if box.value() >= 0 else None


class CheckinDialog(FormDialog):
    def __init__(self, session: Session, detail: FamilyDetail, parent: QWidget | None = None):
        super().__init__(
            session, QCoreApplication.translate("CheckinDialog", "Record check-in"), parent
        )
        self.family_id = detail.family.id
        self.who = QComboBox()
        self.who.addItem(self.tr("The family together"), None)
        for member in detail.members:
            self.who.addItem(member.name, member.id)
        self.add_row(self.tr("&Answered by:"), self.who, "respondent")
        self.answered_on = fmt.date_edit(QDateEdit(QDate.currentDate()))
        self.answered_on.setCalendarPopup(True)
        self.answered_on.setMaximumDate(QDate.currentDate())
        self.add_row(self.tr("&Date:"), self.answered_on, "date")
        question = QLabel(labels.checkin_question())
        question.setWordWrap(True)
        self.form.addRow(question)
        self.life = score_box()
        self.add_row(
            labels.checkin_domain("life_satisfaction") + " (0–10):", self.life, "life_satisfaction"
        )
        self.domains: dict[str, QSpinBox] = {}
        for domain in CHECKIN_DOMAINS:
            box = score_box()
            self.domains[domain] = box
            self.add_row(labels.checkin_domain(domain) + ":", box, domain)
        scale = QLabel(self.tr("0 = not at all satisfied, 10 = completely satisfied"))
        scale.setWordWrap(True)
        self.form.addRow(scale)
        self.resize(440, self.sizeHint().height())

    def build(self) -> Work:
        life = score_value(self.life)  # the core refuses a missing life satisfaction
        domains = {k: score_value(b) for k, b in self.domains.items()}
        member_id = self.who.currentData()
        answered_on = fmt.pydate(self.answered_on.date())
        family_id = self.family_id

        def record(journal: Journal) -> Checkin:
            return journal.checkins.record(
                family_id, life, member_id=member_id, answered_on=answered_on, domains=domains
            )

        return record
