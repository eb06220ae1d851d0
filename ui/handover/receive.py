"""Take in a family another journal has handed over (team lead): choose the file, see what came,
and send the receipt that was written beside it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.fsutil import atomic_write
from samjournal.handover.section import Intake
from samjournal.journal import Journal
from ui.errors import describe
from ui.session import Session
from ui.widgets import Dialog, MessageBar

MAX_FILE = 1 << 30


def receipt_path(source: Path) -> Path:
    return source.with_name(source.name + ".kvittering")


class ReceiveFamilyDialog(Dialog):
    """`received(family ids)` once the file is in."""

    received = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Receive a family"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the handover file from the other journal. The family is added with its"
                " whole history and a new case number, and a receipt is written beside the file:"
                " send it back so the family can leave the other journal."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Handover file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        caption = QLabel(self.tr("&File:"))
        caption.setBuddy(self.path)
        form.addRow(caption, line)
        layout.addLayout(form)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.take_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.take_button.setText(self.tr("&Receive"))
        self.take_button.setEnabled(False)
        self.buttons.accepted.connect(self.receive)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(lambda text: self.take_button.setEnabled(bool(text.strip())))
        self.resize(560, 260)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Handover file"), "", self.tr("Handover files (*.age);;All files (*)")
        )
        if chosen:
            self.path.setText(chosen)

    def receive(self) -> None:
        if not self.take_button.isEnabled():
            return
        source = Path(self.path.text().strip())
        self.take_button.setEnabled(False)

        def work(journal: Journal) -> Intake:
            with source.open("rb") as fh:
                intake = journal.handovers.receive(fh.read(MAX_FILE + 1))
            atomic_write(receipt_path(source), intake.receipt.encode("utf-8"))
            return intake

        self.session.submit(work, self._received, self._failed, context=self)

    def _received(self, intake: Intake) -> None:
        numbers = ", ".join(
            self.tr("%1 (was %2)").replace("%1", f.case_number).replace("%2", f.old_case_number)
            for f in intake.families
        )
        receipt = receipt_path(Path(self.path.text().strip()))
        if intake.again:
            text = self.tr(
                "This file was received before: nothing changed. The receipt was written again"
                " to %1."
            ).replace("%1", str(receipt))
        else:
            text = (
                self.tr("Received from %1: case %2. Send the receipt %3 back to them.")
                .replace("%1", intake.from_label)
                .replace("%2", numbers)
                .replace("%3", str(receipt))
            )
        self.message.show_message(text)
        self.received.emit([f.family_id for f in intake.families])
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        close.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)
        self.take_button.setEnabled(True)
