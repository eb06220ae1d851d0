"""Consents per study: give and withdraw, never edit."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from samjournal.model import Consent
from ui import fmt, labels
from ui.dialogs.consent import AddStudyDialog, GiveConsentDialog
from ui.dialogs.reason import ConfirmDialog
from ui.family.tab import FamilyTab
from ui.session import Session
from ui.table_model import Column, RecordTableModel, record_table, selected_record


class ConsentsTab(FamilyTab):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = RecordTableModel[Consent](
            [
                Column(self.tr("Member"), self._member, stretch=True),
                Column(self.tr("Study"), self._study),
                Column(labels.heading("letter_version"), lambda c: c.letter_version),
                Column(self.tr("Given on"), lambda c: fmt.date(c.given_on)),
                Column(labels.heading("consent_method"), lambda c: labels.consent_method(c.method)),
                Column(self.tr("Recorded by"), self._recorded_by),
                Column(self.tr("Status"), self._status),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Consents"))
        self.note = QLabel(
            self.tr("Consents are never edited: to correct one, withdraw it and record it anew.")
        )
        self.note.setWordWrap(True)
        self.give_button = QPushButton(self.tr("&Record consent…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent…"))
        self.study_button = QPushButton(self.tr("Add &study…"))
        self.study_button.setVisible(session.is_teamlead)
        self.give_button.clicked.connect(self.give)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.study_button.clicked.connect(self.add_study)
        buttons = QHBoxLayout()
        for button in (self.give_button, self.withdraw_button, self.study_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)  # by the buttons: a message moves no list nor them
        layout.addLayout(buttons)

    def _member(self, consent: Consent) -> str:
        member = self.data.member(consent.member_id) if self.data else None
        return member.name if member else "?"

    def _study(self, consent: Consent) -> str:
        names = dict(self.data.studies) if self.data else {}
        return names.get(consent.study_id, consent.study_id)

    def _recorded_by(self, consent: Consent) -> str:
        return self.data.user_name(consent.recorded_by) if self.data else ""

    def _status(self, consent: Consent) -> str:
        withdrawn = consent.withdrawn_on
        return labels.consent_state(fmt.date(withdrawn) if withdrawn else None)

    def refresh(self) -> None:
        if self.data is not None:
            self.model.set_rows(self.data.detail.consents)

    def give(self) -> None:
        if self.data is None:
            return
        if not self.data.studies:
            self.show_info(
                self.tr("No study is registered in this journal yet; a team lead adds studies.")
            )
            return
        if not any(not m.is_child for m in self.data.detail.members):
            self.show_info(self.tr("Consents are given by adult members; add one first."))
            return
        self.open_dialog(GiveConsentDialog(self.session, self.data.detail, self.data.studies, self))

    def withdraw(self) -> None:
        consent = selected_record(self.view)
        if not isinstance(consent, Consent) or not consent.active:
            self.show_info(self.tr("Choose an active consent first."))
            return
        consent_id = consent.id
        self.open_dialog(
            ConfirmDialog(
                self.session,
                self.tr("Withdraw consent"),
                self.tr(
                    "Withdraw %1's consent to %2 from today? Data for this family stops being"
                    " exported to the study, and the next export tells the study to remove"
                    " what it was sent before."
                )
                .replace("%1", self._member(consent))
                .replace("%2", self._study(consent)),
                lambda journal: journal.consents.withdraw(consent_id),
                confirm_text=self.tr("&Withdraw"),
                parent=self,
            )
        )

    def add_study(self) -> None:
        self.open_dialog(AddStudyDialog(self.session, self))
