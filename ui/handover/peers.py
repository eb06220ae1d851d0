"""This journal's receiving key and the journals it hands families to and takes them from.

The key file goes to the other team lead (a USB stick, e-mail: it holds no secret); its
fingerprint is read out over the phone. A journal is registered only when the fingerprint heard
matches the one in its file, as a study profile is imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import HandoverRejected
from samjournal.fsutil import atomic_write
from samjournal.handover.keys import ReceivingKey
from samjournal.handover.peers import Peer
from samjournal.minisign import heard_fingerprint
from ui.errors import describe
from ui.session import Session
from ui.widgets import Dialog, MessageBar

MAX_KEY_FILE = 4096


def fingerprint_label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setAccessibleName(name)
    return label


def same_fingerprint(heard: str, expected: str) -> bool:
    """Read out over a phone line: case, spaces and dashes do not count (heard_fingerprint)."""
    return heard_fingerprint(heard) == expected


class HandoverPeersDialog(Dialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Journals for handover"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        self._own: ReceivingKey | None = None
        self._candidate: ReceivingKey | None = None
        self._candidate_text = b""
        layout = QVBoxLayout(self)

        own = QGroupBox(self.tr("This journal's receiving key"))
        own_form = QFormLayout(own)
        explain = QLabel(
            self.tr(
                "Give the key file to the team lead of the other journal and read the"
                " fingerprint out over the phone. The file holds no secret."
            )
        )
        explain.setWordWrap(True)
        own_form.addRow(explain)
        self.own_fingerprint = fingerprint_label(self.tr("This journal's fingerprint"))
        own_form.addRow(self.tr("Fingerprint:"), self.own_fingerprint)
        self.save_key = QPushButton(self.tr("&Save key file…"))
        self.save_key.clicked.connect(self.save_key_file)
        own_form.addRow(self.save_key)
        layout.addWidget(own)

        known = QGroupBox(self.tr("Registered journals"))
        known_column = QVBoxLayout(known)
        self.peers = QTreeWidget()
        self.peers.setHeaderLabels([self.tr("Journal"), self.tr("Fingerprint")])
        self.peers.setRootIsDecorated(False)
        self.peers.setAccessibleName(self.tr("Registered journals"))
        known_column.addWidget(self.peers)
        layout.addWidget(known)

        add = QGroupBox(self.tr("Register a journal"))
        form = QFormLayout(add)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("The other journal's key file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(browse)
        caption = QLabel(self.tr("&Key file:"))
        caption.setBuddy(self.path)
        form.addRow(caption, line)
        self.their_fingerprint = fingerprint_label(self.tr("Fingerprint in the file"))
        form.addRow(self.tr("In the file:"), self.their_fingerprint)
        self.heard = QLineEdit()
        self.heard.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.heard.setAccessibleName(self.tr("Fingerprint read out by the other team lead"))
        self.heard.textChanged.connect(self._update)
        heard_caption = QLabel(self.tr("Read &out:"))
        heard_caption.setBuddy(self.heard)
        form.addRow(heard_caption, self.heard)
        self.label = QLineEdit()
        self.label.setAccessibleName(self.tr("Whose journal it is"))
        self.label.setPlaceholderText(self.tr("e.g. Trondheim, team East"))
        self.label.textChanged.connect(self._update)
        label_caption = QLabel(self.tr("&Name:"))
        label_caption.setBuddy(self.label)
        form.addRow(label_caption, self.label)
        self.register_button = QPushButton(self.tr("&Register"))
        self.register_button.setEnabled(False)
        self.register_button.clicked.connect(self.register)
        form.addRow(self.register_button)
        layout.addWidget(add)

        self.message = MessageBar(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.session.submit(
            lambda j: j.handovers.receiving_key(), self._show_own, self._failed, context=self
        )
        self._refresh()

    # -- this journal ---------------------------------------------------------------------

    def _show_own(self, key: ReceivingKey) -> None:
        self._own = key
        self.own_fingerprint.setText(key.fingerprint)

    def save_key_file(self) -> None:
        if self._own is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save key file"), "samjournal.mottak", self.tr("Key files (*.mottak)")
        )
        if chosen:
            self.write_key_file(Path(chosen))

    def write_key_file(self, target: Path) -> None:
        key = self._own
        if key is None:
            return
        self.session.submit(
            lambda _j: atomic_write(target, key.to_file().encode("ascii")),
            lambda _r: self.message.show_message(
                self.tr("Key file saved. Read the fingerprint %1 out over the phone.").replace(
                    "%1", key.fingerprint
                )
            ),
            self._failed,
            context=self,
        )

    # -- other journals -------------------------------------------------------------------

    def _refresh(self) -> None:
        self.session.submit(
            lambda j: j.handovers.peers(), self._show_peers, self._failed, context=self
        )

    def _show_peers(self, peers: list[Peer]) -> None:
        self.peers.clear()
        for peer in peers:
            QTreeWidgetItem(self.peers, [peer.label, peer.fingerprint])
        self.peers.resizeColumnToContents(0)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The other journal's key file"),
            "",
            self.tr("Key files (*.mottak);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.read_key(Path(chosen))

    def read_key(self, path: Path) -> None:
        """Show the fingerprint in the file, to compare with what is read out."""
        self._candidate = None
        self.their_fingerprint.clear()
        try:
            with path.open("rb") as fh:
                text = fh.read(MAX_KEY_FILE + 1)
            key = ReceivingKey.from_file(text)
        except (OSError, HandoverRejected) as exc:
            self.message.show_message(describe(exc), MessageBar.ERROR)
            self._update()
            return
        self._candidate, self._candidate_text = key, text
        self.their_fingerprint.setText(key.fingerprint)
        self.message.clear()
        self._update()

    def _update(self) -> None:
        key = self._candidate
        matches = key is not None and same_fingerprint(self.heard.text(), key.fingerprint)
        self.register_button.setEnabled(matches and bool(self.label.text().strip()))

    def register(self) -> None:
        if self._candidate is None or not self.register_button.isEnabled():
            return
        text, label = self._candidate_text, self.label.text()

        def done(peer: Peer) -> None:
            self.message.show_message(self.tr("Registered: %1.").replace("%1", peer.label))
            self.path.clear()
            self.heard.clear()
            self.label.clear()
            self.their_fingerprint.clear()
            self._candidate = None
            self._update()
            self._refresh()

        self.session.submit(
            lambda j: j.handovers.add_peer(text, label), done, self._failed, context=self
        )

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)
