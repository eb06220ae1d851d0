"""Take in a family another journal has handed over (team lead): choose the file, see what came,
and send the receipt that was written beside it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from samjournal.fsutil import atomic_write
from samjournal.handover.section import Intake
from samjournal.journal import Journal
from ui.handover.step import FileStepDialog
from ui.session import Session

MAX_FILE = 1 << 30


def receipt_path(source: Path) -> Path:
    return source.with_name(source.name + ".kvittering")


class ReceiveFamilyDialog(FileStepDialog):
    """`received(family ids)` once the file is in."""

    received = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr(
                "Choose the handover file from the other journal. The family is added with its"
                " whole history and a new case number, and a receipt is written beside the file:"
                " send it back so the family can leave the other journal."
            ),
            parent,
        )
        self.session = session
        self.setWindowTitle(self.tr("Receive a family"))
        self.add_file_row()
        self.take_button = self.action
        self.take_button.setText(self.tr("&Receive"))
        self.resize(560, 260)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Handover file"), "", self.tr("Handover files (*.age);;All files (*)")
        )
        if chosen:
            self.path.setText(chosen)

    def run(self) -> None:
        if not self.take_button.isEnabled():
            return
        source = Path(self.path.text().strip())
        self.take_button.setEnabled(False)

        def work(journal: Journal) -> Intake:
            with source.open("rb") as fh:
                intake = journal.handovers.receive(fh.read(MAX_FILE + 1))
            atomic_write(receipt_path(source), intake.receipt.encode("utf-8"))
            return intake

        self.session.submit(work, self._received, self.failed, context=self)

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
        self.received.emit([f.family_id for f in intake.families])
        self.finish(text)
