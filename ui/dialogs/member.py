"""Add or edit a family member."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.model import FamilyId, Member
from ui.dialogs.form import FormDialog, Work
from ui.session import Session


class MemberDialog(FormDialog):
    def __init__(
        self,
        session: Session,
        family_id: FamilyId,
        *,
        member: Member | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("MemberDialog", "Edit member")
            if member
            else QCoreApplication.translate("MemberDialog", "Add member")
        )
        super().__init__(session, title, parent)
        self.family_id = family_id
        self.member = member
        self.name = QLineEdit(member.name if member else "")
        self.add_row(self.tr("&Name:"), self.name, "name")
        kind = QWidget()
        row = QHBoxLayout(kind)
        row.setContentsMargins(0, 0, 0, 0)
        self.adult = QRadioButton(self.tr("&Adult"))
        self.child = QRadioButton(self.tr("C&hild"))
        group = QButtonGroup(self)
        group.addButton(self.adult)
        group.addButton(self.child)
        (self.child if member and member.is_child else self.adult).setChecked(True)
        row.addWidget(self.adult)
        row.addWidget(self.child)
        row.addStretch(1)
        kind.setAccessibleName(self.tr("Adult or child"))
        self.add_row(self.tr("Adult or child:"), kind)
        self.birth_year = QLineEdit(str(member.birth_year) if member and member.birth_year else "")
        self.birth_year.setPlaceholderText(self.tr("e.g. 1985 (optional)"))
        self.birth_year.setMaxLength(4)
        self.add_row(self.tr("Birth &year:"), self.birth_year, "birth_year", "birth_date")
        self.national_id = QLineEdit(member.national_id or "" if member else "")
        self.national_id.setPlaceholderText(self.tr("11 digits (optional)"))
        self.national_id.setMaxLength(13)
        self.add_row(self.tr("National &identity number:"), self.national_id, "national_id")
        self.phone = QLineEdit(member.phone if member else "")
        self.add_row(self.tr("&Phone:"), self.phone, "phone")
        self.primary = QCheckBox(self.tr("Primary &contact for the family"))
        self.primary.setChecked(bool(member and member.primary_contact))
        self.add_row("", self.primary)
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        name = self.name.text()
        is_child = self.child.isChecked()
        year_text = self.birth_year.text().strip()
        if year_text and not year_text.isdigit():
            raise ValidationError("birth_year", self.tr("write the year with four digits"))
        year = int(year_text) if year_text else None
        national_id = self.national_id.text().strip() or None
        phone = self.phone.text()
        primary = self.primary.isChecked()
        birth_date: dt.date | None = None
        if self.member is not None:
            member = self.member
            if member.birth_date and member.birth_date.year == year:
                birth_date = member.birth_date

            def update(journal: Journal) -> Member:
                return journal.members.update(
                    member.id,
                    name=name,
                    is_child=is_child,
                    birth_year=year,
                    birth_date=birth_date,
                    national_id=national_id,
                    phone=phone,
                    primary_contact=primary,
                )

            return update
        family_id = self.family_id

        def add(journal: Journal) -> Member:
            return journal.members.add(
                family_id,
                name,
                is_child=is_child,
                birth_year=year,
                national_id=national_id,
                phone=phone,
                primary_contact=primary,
            )

        return add
