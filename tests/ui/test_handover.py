"""The team lead's handover dialogs, driven as a person would: register the other journal by its
key file and the fingerprint read out, send a family, receive it there, register the receipt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family
from ui.app import App
from ui.handover import (
    HandoverPeersDialog,
    ReceiveFamilyDialog,
    SendFamilyDialog,
    register_receipt,
)
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens" / "handover"
OTHER, OTHER_PASS = "tone", "tone passordfrase 1"


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(OUT / f"{name}.png"))


@pytest.fixture
def other(tmp_path: Path) -> Path:
    path = tmp_path / "other"
    made = Journal.create(
        path, username=OTHER, display_name="Tone Mottaker", passphrase=OTHER_PASS, cost=TEST_COST
    )
    made.journal.lock()
    return path


def _key_file(path: Path, user: str, passphrase: str, target: Path) -> str:
    journal = Journal.open(path, user, passphrase)
    try:
        key = journal.handovers.receiving_key()
    finally:
        journal.lock()
    target.write_text(key.to_file(), encoding="ascii")
    return key.fingerprint


def test_register_send_receive_and_receipt(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    other: Path,
    tmp_path: Path,
) -> None:
    their_print = _key_file(other, OTHER, OTHER_PASS, tmp_path / "vest.mottak")
    app = make_app("nb")
    window = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)

    # Register the other journal: the button waits for the fingerprint heard on the phone.
    window.actions_by_name["handover_peers"].trigger()
    peers = find_window(qtbot, HandoverPeersDialog)
    qtbot.waitUntil(lambda: bool(peers.own_fingerprint.text()), timeout=TIMEOUT)
    peers.path.setText(str(tmp_path / "vest.mottak"))
    peers.read_key(tmp_path / "vest.mottak")
    assert peers.their_fingerprint.text() == their_print
    qtbot.keyClicks(peers.label, "Trondheim, team Vest")
    qtbot.keyClicks(peers.heard, "AAAA-BBBB")
    assert not peers.register_button.isEnabled()
    peers.heard.clear()
    qtbot.keyClicks(peers.heard, their_print.lower().replace("-", " "))
    assert peers.register_button.isEnabled()
    _shot(peers, "peers-nb")
    qtbot.mouseClick(peers.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: peers.peers.topLevelItemCount() == 1, timeout=TIMEOUT)
    assert peers.peers.topLevelItem(0).text(0) == "Trondheim, team Vest"
    own = tmp_path / "ost.mottak"
    peers.write_key_file(own)
    qtbot.waitUntil(own.exists, timeout=TIMEOUT)
    peers.close()

    # Send the family that is open.
    open_family(qtbot, window, "Familien Ødegård")
    window.actions_by_name["hand_over"].trigger()
    send = find_window(qtbot, SendFamilyDialog)
    qtbot.waitUntil(lambda: send.peer.count() == 1, timeout=TIMEOUT)
    assert "Familien Ødegård" in send.family.text()
    target = tmp_path / "overforing.age"
    qtbot.keyClicks(send.path, str(target))
    _shot(send, "send-nb")
    qtbot.mouseClick(send.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "ventende" in send.message.text(), timeout=TIMEOUT)
    _shot(send, "sent-nb")
    send.close()
    qtbot.waitUntil(lambda: "venter på kvittering" in window.family.message.text(), timeout=TIMEOUT)
    _shot(window, "waiting-nb")
    app.stop()

    # The other journal registers this one and takes the family in.
    receiver = Journal.open(other, OTHER, OTHER_PASS)
    receiver.handovers.add_peer(own.read_text(encoding="ascii"), "Trondheim, team Øst")
    receiver.lock()
    app = make_app("nb")
    window = open_as(qtbot, app, other, OTHER, OTHER_PASS)
    window.actions_by_name["receive_family"].trigger()
    receive = find_window(qtbot, ReceiveFamilyDialog)
    qtbot.keyClicks(receive.path, str(target))
    qtbot.mouseClick(receive.take_button, Qt.MouseButton.LeftButton)
    receipt = tmp_path / "overforing.age.kvittering"
    qtbot.waitUntil(receipt.exists, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Trondheim, team Øst" in receive.message.text(), timeout=TIMEOUT)
    _shot(receive, "received-nb")
    qtbot.waitUntil(lambda: window.cases.proxy.rowCount() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "hos Trondheim, team Øst" in window.family.subtitle.text())
    receive.close()
    app.stop()

    # Back home, the receipt removes the family.
    app = make_app("nb")
    window = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    assert "Familien Ødegård" in _names(window)
    register_receipt(window.session, receipt, window.banner, window)
    qtbot.waitUntil(lambda: "fjernet" in window.banner.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Familien Ødegård" not in _names(window), timeout=TIMEOUT)


def _names(window: MainWindow) -> set[str]:
    proxy = window.cases.proxy
    return {case.display_name for r in range(proxy.rowCount()) if (case := proxy.family_at(r))}


def test_a_damaged_file_is_refused_in_words(
    qtbot: QtBot, make_app: Callable[..., App], other: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "skadet.age"
    bad.write_bytes(b"age-encryption.org/v1\n-> X25519 abc\n" + b"\0" * 100)
    app = make_app("en")
    window = open_as(qtbot, app, other, OTHER, OTHER_PASS)
    window.actions_by_name["receive_family"].trigger()
    receive = find_window(qtbot, ReceiveFamilyDialog)
    qtbot.keyClicks(receive.path, str(bad))
    qtbot.mouseClick(receive.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be opened" in receive.message.text(), timeout=TIMEOUT)
    _shot(receive, "refused-en")
    assert receive.take_button.isEnabled()
    assert not (tmp_path / "skadet.age.kvittering").exists()


def test_caseworkers_are_not_offered_handover(
    qtbot: QtBot, make_app: Callable[..., App], journal_dir: Path
) -> None:
    from tests.conftest import WORKER, WORKER_PASS

    window = open_as(qtbot, make_app("nb"), journal_dir, WORKER, WORKER_PASS)
    for name in ("hand_over", "receive_family", "handover_receipt", "handover_peers"):
        assert name not in window.actions_by_name
