"""Send a family to another journal (team lead): to which journal, where the file goes, and
what happens next. The family stays here, whole, until the receiving journal's receipt is
registered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
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

from samjournal.handover.peers import Peer
from samjournal.handover.section import Sent
from samjournal.model import Family, FamilyId
from ui.errors import describe
from ui.session import Session
from ui.widgets import Dialog, MessageBar


class SendFamilyDialog(Dialog):
    def __init__(self, session: Session, family_id: FamilyId, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.family_id = family_id
        self.setWindowTitle(self.tr("Hand the family over"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The family's whole record, with every earlier version and who did what, is"
                " written to a file only the receiving journal can open. The family stays here"
                " until that journal's receipt is registered; then it is removed here for good."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.family = QLabel()
        self.family.setTextFormat(Qt.TextFormat.PlainText)
        self.family.setAccessibleName(self.tr("Family"))
        form.addRow(self.tr("Family:"), self.family)
        self.peer = QComboBox()
        self.peer.setAccessibleName(self.tr("Receiving journal"))
        peer_caption = QLabel(self.tr("&To:"))
        peer_caption.setBuddy(self.peer)
        form.addRow(peer_caption, self.peer)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Handover file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        path_caption = QLabel(self.tr("&File:"))
        path_caption.setBuddy(self.path)
        form.addRow(path_caption, line)
        layout.addLayout(form)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("&Write file"))
        self.send_button.setEnabled(False)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self.resize(560, 300)
        session.submit(
            lambda j: (j.families.get(family_id), j.handovers.peers()),
            self._show,
            self._failed,
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
        self._update()

    def _update(self) -> None:
        self.send_button.setEnabled(self.peer.count() > 0 and bool(self.path.text().strip()))

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save handover file"), "overforing.age", self.tr("Handover files (*.age)")
        )
        if chosen:
            self.path.setText(chosen)

    def send(self) -> None:
        if not self.send_button.isEnabled():
            return
        target, to_journal = Path(self.path.text().strip()), str(self.peer.currentData())
        self.send_button.setEnabled(False)
        self.session.submit(
            lambda j: j.handovers.send([self.family_id], to_journal, target),
            self._sent,
            self._failed,
            context=self,
        )

    def _sent(self, sent: list[Sent]) -> None:
        self.message.show_message(
            self.tr(
                "Written. Give the file to the receiving team lead. The family stays here,"
                " marked as waiting, until you register their receipt."
            )
        )
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        close.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)
        self._update()
