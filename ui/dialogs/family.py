"""Create or edit a family (the case)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from samjournal.journal import Journal
from samjournal.model import Family, FamilyStatus, User, UserId
from ui import fmt, labels
from ui.dialogs.form import FormDialog, Work
from ui.session import Session
from ui.widgets import MoneyEdit


class FamilyDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        *,
        family: Family | None = None,
        users: list[User] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("FamilyDialog", "Edit family")
            if family
            else QCoreApplication.translate("FamilyDialog", "New family")
        )
        super().__init__(session, title, parent)
        self.family = family
        self.name = QLineEdit(family.display_name if family else "")
        self.name.setPlaceholderText(self.tr("e.g. The Hansen family"))
        self.add_row(self.tr("Family &name:"), self.name, "family_name")
        self.district = QLineEdit(family.district if family else "")
        self.add_row(self.tr("&District:"), self.district, "district")
        self.budget = MoneyEdit("budget_frame")
        self.budget.set_value(family.budget_frame if family else session.settings.default_budget)
        self.add_row(self.tr("Yearly &budget frame (NOK):"), self.budget, "budget_frame", "amount")
        self.case_number = QLineEdit()
        self.opened = fmt.date_edit(QDateEdit(QDate.currentDate()))
        self.opened.setCalendarPopup(True)
        self.status = QComboBox()
        if family is None:
            self.case_number.setPlaceholderText(self.tr("Leave empty for the next free number"))
            self.add_row(self.tr("&Case number:"), self.case_number, "case_number")
            self.add_row(self.tr("&Opened on:"), self.opened, "opened_on")
        else:
            for status in FamilyStatus:
                self.status.addItem(labels.family_status(status), status)
            self.status.setCurrentIndex(list(FamilyStatus).index(family.status))
            self.add_row(self.tr("S&tatus:"), self.status, "status")
        self.owner = QComboBox()
        if session.is_teamlead and users:
            for user in users:
                if user.active:
                    self.owner.addItem(f"{user.display_name} ({user.username})", user.id)
            owner_id = family.owner_id if family else session.user.id
            self.owner.setCurrentIndex(max(0, self.owner.findData(owner_id)))
            self.add_row(self.tr("Case&worker:"), self.owner, "caseworker")
        self.resize(480, self.sizeHint().height())

    def build(self) -> Work:
        name, district = self.name.text(), self.district.text()
        budget = self.budget.value()
        owner = UserId(self.owner.currentData()) if self.owner.count() else None
        if self.family is None:
            number = self.case_number.text().strip() or None
            opened = fmt.pydate(self.opened.date())

            def create(journal: Journal) -> Family:
                return journal.families.create(
                    name,
                    case_number=number,
                    district=district,
                    budget_frame=budget,
                    owner_id=owner,
                    opened_on=opened,
                )

            return create
        family = self.family
        status: FamilyStatus = self.status.currentData()

        def update(journal: Journal) -> Family:
            result = journal.families.update(
                family.id,
                display_name=name,
                district=district,
                budget_frame=budget,
                owner_id=owner if owner is not None and owner != family.owner_id else None,
            )
            if status is not family.status:
                result = journal.families.set_status(family.id, status)
            return result

        return update
