"""What the send and receive dialogs share: a few words, a file to choose, one action button,
a message line, and Close once the step is done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import describe
from ui.widgets import Dialog, MessageBar


def _tr(text: str) -> str:
    # One context for the shared words: self.tr would look them up under each subclass's name.
    return QCoreApplication.translate("Handover", text)


class FileStepDialog(Dialog):
    """Subclasses add their own rows to `form` (before the file row), set `action`'s text, and
    implement `browse` and `run`; `finish` shows the outcome and leaves only Close."""

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        layout = QVBoxLayout(self)
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.path = QLineEdit()
        self.path.setAccessibleName(_tr("Handover file"))
        self.path.textChanged.connect(self.update_action)
        browse = QPushButton(_tr("&Browse…"))
        browse.clicked.connect(self.browse)
        self._file_row = QHBoxLayout()
        self._file_row.addWidget(self.path, 1)
        self._file_row.addWidget(browse)
        self._caption = QLabel(_tr("&File:"))
        self._caption.setBuddy(self.path)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.action = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.action.setEnabled(False)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_file_row(self) -> None:
        """After the subclass's own rows, so the form reads top to bottom."""
        self.form.addRow(self._caption, self._file_row)

    def ready(self) -> bool:
        return bool(self.path.text().strip())

    def update_action(self) -> None:
        self.action.setEnabled(self.ready())

    def browse(self) -> None:
        raise NotImplementedError

    def run(self) -> None:
        raise NotImplementedError

    def finish(self, text: str) -> None:
        self.message.show_message(text)
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        close.setFocus()

    def failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)
        self.update_action()
