"""User management for team leads: list, add, remove (with rekey), reset with the recovery key,
and a new recovery key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import ValidationError
from samjournal.model import Role, User
from ui import labels
from ui.dialogs.form import FormDialog, Work
from ui.dialogs.passphrase import RecoveryKeyDialog, RecoveryResetDialog, StrengthMeter
from ui.dialogs.reason import ConfirmDialog
from ui.errors import describe
from ui.session import Session
from ui.table_model import plain_headers
from ui.widgets import Dialog, MessageBar, NotTheSame, PassphraseEdit


class AddUserDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, QCoreApplication.translate("AddUserDialog", "Add user"), parent)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. kari.nilsen"))
        self.add_row(self.tr("&Username:"), self.username, "username")
        self.name = QLineEdit()
        self.add_row(self.tr("&Full name:"), self.name, "name")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(labels.role(role), role)
        self.add_row(self.tr("&Role:"), self.role, "role")
        self.passphrase = PassphraseEdit()
        self.add_row(self.tr("First &passphrase:"), self.passphrase, "passphrase")
        self.form.addRow(
            "",
            StrengthMeter(
                self.passphrase, user_inputs=lambda: (self.username.text(), self.name.text())
            ),
        )
        self.repeat = PassphraseEdit()
        NotTheSame(
            self.add_row(self.tr("R&epeat:"), self.repeat, "repeat_passphrase"),
            self.passphrase,
            self.repeat,
        )
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        username, name, role = self.username.text(), self.name.text(), self.role.currentData()
        passphrase = self.passphrase.text()
        if passphrase != self.repeat.text():
            raise ValidationError("repeat_passphrase", self.tr("is not the same"))
        return lambda journal: journal.add_user(username, name, role, passphrase)


class RemoveUserDialog(FormDialog):
    ASK_BEFORE_DISCARD = False

    def __init__(self, session: Session, user: User, parent: QWidget | None = None) -> None:
        super().__init__(
            session, QCoreApplication.translate("RemoveUserDialog", "Remove user"), parent
        )
        self.user = user
        text = QLabel(
            self.tr(
                "Remove %1 (%2)? Their key is deleted and the whole journal is encrypted again"
                " with a new key, so nothing they held can open it. This can take a while."
            )
            .replace("%1", user.display_name)
            .replace("%2", user.username)
        )
        text.setWordWrap(True)
        self.body.insertWidget(0, text)
        self.register_field(self.add_row("", QWidget()), "user")
        self.save_button.setText(self.tr("&Remove and re-encrypt"))
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        username = self.user.username
        return lambda journal: journal.remove_user(username)


class UsersDialog(Dialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Users"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._users: list[User] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Name"), self.tr("Role"), self.tr("Status")]
        )
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        plain_headers(header)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # "Familiekoordinator" is wider than a default column: the role is never cut.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        row = QGridLayout()  # two by two: four long labels in a line overflowed at 2x scaling
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.remove_button = QPushButton(self.tr("&Remove user…"))
        self.reset_button = QPushButton(self.tr("Reset passphrase with recovery &key…"))
        self.recovery_button = QPushButton(self.tr("&New recovery key…"))
        for index, button in enumerate(
            (self.add_button, self.remove_button, self.reset_button, self.recovery_button)
        ):
            row.addWidget(button, index // 2, index % 2)
        row.setColumnStretch(2, 1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_user)
        self.remove_button.clicked.connect(self.remove_user)
        self.reset_button.clicked.connect(self.reset_passphrase)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        self.session.submit(lambda j: j.users(), self._show, self._failed, context=self)

    def _show(self, users: list[User]) -> None:
        users = [u for u in users if u.staff]  # not the authors of families received
        self._users = users
        self.table.setRowCount(len(users))
        for i, user in enumerate(users):
            status = self.tr("Active") if user.active else self.tr("Removed")
            for column, text in enumerate(
                (user.username, user.display_name, labels.role(user.role), status)
            ):
                self.table.setItem(i, column, QTableWidgetItem(text))

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def add_user(self) -> None:
        dialog = AddUserDialog(self.session, self)
        dialog.saved.connect(lambda _u: self.reload())
        dialog.open()

    def remove_user(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            self.message.show_message(self.tr("Choose an active user first."), MessageBar.INFO)
            return
        dialog = RemoveUserDialog(self.session, user, self)
        dialog.saved.connect(lambda _r: self.reload())
        dialog.open()

    def reset_passphrase(self) -> None:
        user = self.selected()
        names = [(u.username, u.display_name) for u in self._users if u.active]
        dialog = RecoveryResetDialog(
            self.session.journal.path,
            self.session.worker,
            names,
            username=user.username if user else "",
            parent=self,
        )
        dialog.saved.connect(
            lambda _r: self.message.show_message(self.tr("The passphrase was reset."))
        )
        dialog.open()

    def new_recovery_key(self) -> None:
        dialog = ConfirmDialog(
            self.session,
            self.tr("New recovery key"),
            self.tr(
                "Make a new recovery key? The key on the current recovery sheet stops working"
                " at once, and the new key is shown only once."
            ),
            lambda journal: journal.new_recovery_key(),
            confirm_text=self.tr("&Make a new key"),
            parent=self,
        )
        dialog.saved.connect(lambda key: RecoveryKeyDialog(key, self, self.session).open())
        dialog.open()
