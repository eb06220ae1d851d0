"""Give a consent for a study (never edited: a correction withdraws and records anew), and
make a study known to the journal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from samjournal.journal import Journal
from samjournal.model import Consent, ConsentMethod, FamilyDetail
from ui import fmt, labels
from ui.dialogs.form import FormDialog, Work
from ui.session import Session


class GiveConsentDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        detail: FamilyDetail,
        studies: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session, QCoreApplication.translate("GiveConsentDialog", "Record consent"), parent
        )
        note = QLabel(
            self.tr("A consent is never edited. To correct one, withdraw it and record a new one.")
        )
        note.setWordWrap(True)
        self.body.insertWidget(0, note)
        self.member = QComboBox()
        for member in detail.members:
            if not member.is_child:
                self.member.addItem(member.name, member.id)
        self.add_row(self.tr("&Adult member:"), self.member, "member", "medlemmet")
        self.study = QComboBox()
        for study_id, name in studies:
            self.study.addItem(f"{name} ({study_id})", study_id)
        self.add_row(self.tr("St&udy:"), self.study, "study")
        self.letter = QLineEdit()
        self.letter.setPlaceholderText(self.tr("e.g. v2 2026-03"))
        self.add_row(self.tr("Information &letter version:"), self.letter, "information_letter")
        self.given_on = fmt.date_edit(QDateEdit(QDate.currentDate()))
        self.given_on.setCalendarPopup(True)
        self.given_on.setMaximumDate(QDate.currentDate())
        self.add_row(self.tr("&Given on:"), self.given_on, "date")
        self.method = QComboBox()
        for method in ConsentMethod:
            self.method.addItem(labels.consent_method(method), method)
        self.add_row(self.tr("&How:"), self.method, "consent_method")
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        member_id = self.member.currentData()
        study_id = self.study.currentData()
        letter = self.letter.text()
        given_on = fmt.pydate(self.given_on.date())
        method: ConsentMethod = self.method.currentData()

        def give(journal: Journal) -> Consent:
            return journal.consents.give(
                member_id, study_id, letter_version=letter, given_on=given_on, method=method
            )

        return give


class AddStudyDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, QCoreApplication.translate("AddStudyDialog", "Add study"), parent)
        self.study_id = QLineEdit()
        self.study_id.setPlaceholderText(self.tr("The id from the study profile"))
        self.add_row(self.tr("Study &id:"), self.study_id, "study_id")
        self.name = QLineEdit()
        self.add_row(self.tr("&Name:"), self.name, "study_name")
        # A study made here has no profile (team-lead review: it looked like the way in).
        self.add_note(
            QLabel(
                self.tr(
                    "For consents given before the study profile has come. Use the id the"
                    " evaluator gives the study: the profile, imported later under Team lead →"
                    " Import study profile…, completes this study. Exports wait for it."
                )
            )
        )
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        study_id, name = self.study_id.text(), self.name.text()
        return lambda journal: journal.consents.add_study(study_id, name)
