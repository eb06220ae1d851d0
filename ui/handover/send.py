"""Send a family to another journal (team lead): to which journal, where the file goes, and
what happens next. The family stays here, whole, until the receiving journal's receipt is
registered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QWidget

from samjournal.handover.peers import Peer
from samjournal.handover.section import Sent
from samjournal.model import Family, FamilyId
from ui.handover.step import FileStepDialog
from ui.session import Session
from ui.widgets import ElidedLabel, MessageBar


class SendFamilyDialog(FileStepDialog):
    def __init__(self, session: Session, family_id: FamilyId, parent: QWidget | None = None):
        super().__init__(
            self.tr(
                "The family's whole record, with every earlier version and who did what, is"
                " written to a file only the receiving journal can open. The family stays here"
                " until that journal's receipt is registered; then it is removed here for good."
            ),
            parent,
        )
        self.session = session
        self.family_id = family_id
        self.setWindowTitle(self.tr("Hand the family over"))
        # A long name must not widen the dialog off the screen.
        self.family = ElidedLabel(field=True)
        self.family.setAccessibleName(self.tr("Family"))
        self.form.addRow(self.tr("Family:"), self.family)
        self.peer = QComboBox()
        self.peer.setAccessibleName(self.tr("Receiving journal"))
        peer_caption = QLabel(self.tr("&To:"))
        peer_caption.setBuddy(self.peer)
        self.form.addRow(peer_caption, self.peer)
        self.add_file_row()
        self.send_button = self.action
        self.send_button.setText(self.tr("&Write file"))
        self.resize(560, 300)
        session.submit(
            lambda j: (j.families.get(family_id), j.handovers.peers()),
            self._show,
            self.failed,
            context=self,
        )

    def _show(self, found: tuple[Family, list[Peer]]) -> None:
        family, peers = found
        self.family.setText(f"{family.case_number} {family.display_name}")
        for peer in peers:
            self.peer.addItem(f"{peer.label} ({peer.fingerprint})", peer.journal_id)
        if not peers:
            self.message.show_message(
                self.tr(
                    "No journal is registered yet. Register the receiving journal under"
                    " Team lead ▸ Journals for handover first."
                ),
                MessageBar.WARNING,
            )
        self.update_action()

    def ready(self) -> bool:
        return self.peer.count() > 0 and super().ready()

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save handover file"), "overforing.age", self.tr("Handover files (*.age)")
        )
        if chosen:
            self.path.setText(chosen)

    def run(self) -> None:
        if not self.send_button.isEnabled():
            return
        target, to_journal = Path(self.path.text().strip()), str(self.peer.currentData())
        self.send_button.setEnabled(False)
        self.session.submit(
            lambda j: j.handovers.send([self.family_id], to_journal, target),
            self._sent,
            self.failed,
            context=self,
        )

    def _sent(self, _sent: list[Sent]) -> None:
        self.finish(
            self.tr(
                "Written. Give the file to the receiving team lead. The family stays here,"
                " marked as waiting, until you register their receipt."
            )
        )
