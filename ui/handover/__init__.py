"""Handing families over between journals (team lead): keys and registered journals, sending a
family, receiving one, and registering the receipt. The core is `journal.handovers`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from samjournal.model import FamilyId
from ui.errors import describe
from ui.handover.peers import HandoverPeersDialog
from ui.handover.receive import ReceiveFamilyDialog
from ui.handover.send import SendFamilyDialog
from ui.session import Session
from ui.widgets import MessageBar

__all__ = [
    "HandoverPeersDialog",
    "ReceiveFamilyDialog",
    "SendFamilyDialog",
    "open_peers",
    "open_receive",
    "open_send",
    "take_receipt",
]


def open_peers(session: Session, parent: QWidget) -> HandoverPeersDialog:
    dialog = HandoverPeersDialog(session, parent)
    dialog.open()
    return dialog


def open_send(session: Session, family_id: FamilyId, parent: QWidget) -> SendFamilyDialog:
    dialog = SendFamilyDialog(session, family_id, parent)
    dialog.open()
    return dialog


def open_receive(session: Session, parent: QWidget) -> ReceiveFamilyDialog:
    dialog = ReceiveFamilyDialog(session, parent)
    dialog.open()
    return dialog


def take_receipt(session: Session, parent: QWidget, banner: MessageBar) -> None:
    """Choose the receipt the receiving journal sent back; the families it names leave here."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Handover", "Register handover receipt"),
        "",
        QCoreApplication.translate("Handover", "Handover receipts (*.kvittering);;All files (*)"),
    )
    if chosen:
        register_receipt(session, Path(chosen), banner, parent)


def register_receipt(session: Session, path: Path, banner: MessageBar, context: QWidget) -> None:
    def done(removed: list[object]) -> None:
        if removed:
            banner.show_message(
                QCoreApplication.translate(
                    "Handover",
                    "Receipt registered: %n family(ies) handed over and removed from this"
                    " journal. The audit log keeps a note without content.",
                    None,
                    len(removed),
                )
            )
        else:
            banner.show_message(
                QCoreApplication.translate(
                    "Handover", "This receipt was registered before: nothing more to do."
                )
            )

    session.submit(
        lambda j: j.handovers.take_receipt(path.read_bytes()),
        done,
        lambda e: banner.show_message(describe(e), MessageBar.ERROR),
        context=context,
    )
