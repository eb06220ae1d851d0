"""Contact details for families (team lead): the service's name, address, phone, e-mail and
opening hours, and each staff member's work phone. The family's copy prints them under
"Hvem dere kan ringe"; every field may be left empty."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from samjournal import validation as v
from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.model import User
from samjournal.settings import JournalSettings, ServiceContact
from ui.dialogs.form import FormDialog, Work
from ui.session import Session
from ui.widgets import fit_dialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_service_contact(window: MainWindow) -> None:
    if window.session.is_teamlead:
        ServiceContactDialog(window.session, window).open()


def phone_field(username: str) -> str:
    """The field id of one user's phone in this form (errors land beside it)."""
    return f"phone {username}"


class ServiceContactDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("ServiceContactDialog", "Contact details for families"),
            parent,
        )
        intro = QLabel(
            self.tr(
                "Printed on the family's copy under \u201cWho to call\u201d. Leave out what"
                " you do not want printed."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        current = session.settings.service
        self.name = QLineEdit(current.name)
        self.name.setPlaceholderText(self.tr("Family coordinators, Trondheim municipality"))
        self.add_row(self.tr("&Name of the service:"), self.name, "service_name")
        self.address = QPlainTextEdit(current.address)
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.add_row(self.tr("&Address:"), self.address, "address")
        self.phone = QLineEdit(current.phone)
        self.add_row(self.tr("&Phone:"), self.phone, "phone")
        self.email = QLineEdit(current.email)
        self.add_row(self.tr("&E-mail:"), self.email, "email")
        self.hours = QLineEdit(current.hours)
        self.hours.setPlaceholderText(self.tr("Monday–Friday 08.00–15.30"))
        self.add_row(self.tr("Opening &hours:"), self.hours, "opening_hours")
        self.staff_box = QGroupBox(self.tr("Work phones of the staff"))
        self.staff_form = QFormLayout(self.staff_box)
        self.body.addWidget(self.staff_box)
        self.phones: dict[str, QLineEdit] = {}
        self._before: dict[str, str] = {}
        self.worker.submit(lambda j: j.users(), self._fill_staff, context=self)
        self.resize(520, self.sizeHint().height())

    def _fill_staff(self, users: list[User]) -> None:
        for user in users:
            if not user.active or not user.staff:  # not a received family's author
                continue
            edit = QLineEdit(user.work_phone)
            edit.setAccessibleName(self.tr("Work phone of %1").replace("%1", user.display_name))
            self.add_row(user.display_name + ":", edit, phone_field(user.username),
                         form=self.staff_form)  # fmt: skip
            self.phones[user.username] = edit
            self._before[user.username] = user.work_phone
        # The rows came after the dialog took its height and its Tab order (Tab went from
        # Cancel back up to them), and Qt shows rows added to a shown window only once the
        # event loop runs: then order Tab again and grow the dialog to show them all.
        self.order_tab()
        QTimer.singleShot(0, self, lambda: fit_dialog(self.staff_box))
        self.mark_clean()

    def build(self) -> Work:
        contact = ServiceContact(
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            hours=self.hours.text(),
        ).checked()
        changed: dict[str, str] = {}
        for username, edit in self.phones.items():
            try:
                number = v.phone("phone", edit.text())
            except ValidationError as exc:
                exc.field_id = phone_field(username)  # keyed: worded in either language
                raise
            if number != self._before[username]:
                changed[username] = number
        base = self.session.settings if self.session else JournalSettings()
        settings = replace(base, service=contact)

        def work(journal: Journal) -> JournalSettings:
            saved = journal.update_settings(settings)
            for username, number in changed.items():
                journal.set_work_phone(username, number)
            return saved

        return work

    def done_message(self, result: object) -> None:
        if self.session is not None:
            self.session.refresh_settings()
