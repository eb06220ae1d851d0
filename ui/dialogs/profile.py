"""My profile: what every user keeps up to date about themself. Today that is their work phone,
which the family's copy prints under "Hvem dere kan ringe" for the families they own. The
team lead can set anyone's number (Contact details for families); here each user sets their
own. The core checks the number as it checks the service's phone, and audits the change
without the number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from samjournal.journal import Journal
from samjournal.model import User
from ui import labels
from ui.dialogs.form import FormDialog, Work
from ui.session import Session

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def open_my_profile(window: MainWindow) -> None:
    dialog = MyProfileDialog(window.session, window)
    dialog.saved.connect(
        lambda _u: window.banner.show_message(
            QCoreApplication.translate("MyProfileDialog", "Your work phone was saved.")
        )
    )
    dialog.open()


def _me(journal: Journal) -> User:
    """The user at the keyboard as stored now (the session's copy is from when it opened)."""
    own = journal.user.username
    return next((u for u in journal.users() if u.username == own), journal.user)


class MyProfileDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session, QCoreApplication.translate("MyProfileDialog", "My profile"), parent
        )
        intro = QLabel(
            self.tr(
                "Your work phone is printed on the family's copy for the families you follow,"
                " under \u201cWho to call\u201d. Leave it empty to print none."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.who = QLabel()
        self.form.addRow(self.tr("You are:"), self.who)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 415 55 123"))
        self.phone.setEnabled(False)  # until the stored number is read
        self.add_row(self.tr("&Work phone:"), self.phone, "phone", "telefon")
        self.save_button.setEnabled(False)
        self.username = ""
        self.worker.submit(_me, self._fill, context=self)
        self.resize(460, self.sizeHint().height())

    def _fill(self, user: User) -> None:
        self.username = user.username
        self.who.setText(f"{user.display_name} ({user.username}), {labels.role(user.role)}")
        self.phone.setText(user.work_phone)
        self.phone.setEnabled(True)
        self.save_button.setEnabled(True)
        self.phone.setFocus()
        self.mark_clean()

    def build(self) -> Work:
        username, number = self.username, self.phone.text()
        return lambda journal: journal.set_work_phone(username, number)
