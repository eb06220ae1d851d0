"""Bad handover files, key files and receipts: a clear refusal, and nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.errors import HandoverRejected, PermissionDenied
from samjournal.handover import package
from samjournal.handover.keys import ReceivingKey
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.minisign import SigningKey
from tests.conftest import WORKER, WORKER_PASS
from tests.rich_family import rich_family
from tests.samjournal.handover.conftest import Pair


def _state(journal: Journal) -> tuple[int, int, int]:
    db = journal._ctx.db
    return (
        int(db.scalar("SELECT count(*) FROM families")),
        int(db.scalar("SELECT count(*) FROM history")),
        int(db.scalar("SELECT count(*) FROM users")),
    )


@pytest.fixture
def sent(pair: Pair, tmp_path: Path) -> bytes:
    rich = rich_family(pair.sender, "Bad")
    target = tmp_path / "fil.age"
    pair.sender.handovers.send([rich.id], pair.receiver.journal_id, target)
    return target.read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: d[: len(d) // 2], id="truncated"),
        pytest.param(lambda d: d[:-40] + bytes(b ^ 1 for b in d[-40:]), id="tampered-tail"),
        pytest.param(lambda d: d[:200] + bytes([d[200] ^ 0x10]) + d[201:], id="tampered-head"),
        pytest.param(lambda d: b"", id="empty"),
        pytest.param(lambda d: b"not an age file at all\n" * 10, id="not-age"),
    ],
)
def test_damaged_files_are_refused(pair: Pair, sent: bytes, damage) -> None:  # type: ignore[no-untyped-def]
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected):
        pair.receiver.handovers.receive(damage(sent))
    assert _state(pair.receiver) == before


def test_a_file_for_another_journal_cannot_be_opened(
    pair: Pair, sent: bytes, tmp_path: Path
) -> None:
    third = Journal.create(
        tmp_path / "third", username="ola", display_name="Ola", passphrase="ola passordfrase 12",
        cost=TEST_COST,
    ).journal  # fmt: skip
    third.handovers.add_peer(pair.sender.handovers.receiving_key().to_file(), "Team Øst")
    before = _state(third)
    with pytest.raises(HandoverRejected, match="annen journal"):
        third.handovers.receive(sent)
    assert _state(third) == before
    third.lock()


def test_an_unregistered_sender_is_refused(pair: Pair, sent: bytes) -> None:
    db = pair.receiver._ctx.db
    with db.transaction():
        db.execute("DELETE FROM handover_peers")
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected, match="ikke registrert"):
        pair.receiver.handovers.receive(sent)
    assert _state(pair.receiver) == before


def test_a_forged_file_signed_by_another_key_is_refused(pair: Pair, sent: bytes) -> None:
    """Anyone holding the receiving key file can encrypt to it; only the peer's key signs."""
    db = pair.receiver._ctx.db
    from samjournal.handover import keys

    with db.transaction():
        identity = keys.identity(db)
    payload, _ = package.open_sealed(sent, identity)
    forged = package.seal(
        payload.replace(b"Familien Bad", b"Familien Falsk"),
        SigningKey.generate(),
        "forged",
        identity.to_public(),
    )
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected, match="ikke signert"):
        pair.receiver.handovers.receive(forged)
    assert _state(pair.receiver) == before


def test_caseworkers_cannot_hand_over_or_receive(
    pair: Pair, sent: bytes, journal_dir: Path, tmp_path: Path
) -> None:
    pair.sender.lock()
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        [family] = [r for r in worker.families.case_list()]
        with pytest.raises(PermissionDenied):
            worker.handovers.send([family.id], pair.receiver.journal_id, tmp_path / "x.age")
        with pytest.raises(PermissionDenied):
            worker.handovers.receive(sent)
        with pytest.raises(PermissionDenied):
            worker.handovers.receiving_key()
        assert not (tmp_path / "x.age").exists()
    finally:
        worker.lock()


def test_a_key_file_changed_by_a_character_is_refused(pair: Pair) -> None:
    text = pair.sender.handovers.receiving_key().to_file()
    assert ReceivingKey.from_file(text).to_file() == text
    line = next(ln for ln in text.splitlines() if ln.startswith("journal: "))
    flipped = line[:-1] + ("0" if line[-1] != "0" else "1")
    with pytest.raises(HandoverRejected, match="fingeravtrykk"):
        ReceivingKey.from_file(text.replace(line, flipped))
    with pytest.raises(HandoverRejected):
        ReceivingKey.from_file("noe helt annet")


def test_a_forged_receipt_removes_nothing(pair: Pair, sent: bytes) -> None:
    intake = pair.receiver.handovers.receive(sent)
    line, _, _ = intake.receipt.partition("\n")
    forged = line + "\n" + SigningKey.generate().sign(line.encode(), trusted_comment="x")
    before = _state(pair.sender)
    with pytest.raises(HandoverRejected, match="ikke signert"):
        pair.sender.handovers.take_receipt(forged)
    with pytest.raises(HandoverRejected):
        pair.sender.handovers.take_receipt(intake.receipt.replace('"to":"', '"to":"0', 1))
    assert _state(pair.sender) == before


def _sealed_tar(members: list[tuple[str, bytes, bytes]], recipient: object) -> bytes:
    """A tar of (name, type, data) members, encrypted to `recipient`."""
    import io
    import tarfile

    import pyrage

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, kind, data in members:
            info = tarfile.TarInfo(name)
            info.type, info.size = kind, len(data)
            if kind == tarfile.SYMTYPE:
                info.linkname, info.size = "/etc/passwd", 0
            tar.addfile(info, io.BytesIO(data) if info.size else None)
    return bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))


@pytest.mark.parametrize(
    "members",
    [
        pytest.param([("handover.json", b"0", b"{}")], id="no-signature"),
        pytest.param(
            [("handover.json", b"0", b"{}"), ("handover.json.minisig", b"2", b"")], id="symlink"
        ),
        pytest.param(
            [("handover.json", b"0", b"{}"), ("../handover.json.minisig", b"0", b"x")],
            id="path-outside",
        ),
        pytest.param(
            [
                ("handover.json", b"0", b"{}"),
                ("handover.json.minisig", b"0", b"x"),
                ("extra", b"0", b"y"),
            ],
            id="extra-member",
        ),
        pytest.param(
            [("handover.json", b"0", b"{}"), ("handover.json.minisig", b"0", b"x" * 5000)],
            id="huge-signature",
        ),
    ],
)
def test_hostile_archives_are_refused(pair: Pair, members: list[tuple[str, bytes, bytes]]) -> None:
    from samjournal.handover import keys

    db = pair.receiver._ctx.db
    with db.transaction():
        recipient = keys.identity(db).to_public()
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected):
        pair.receiver.handovers.receive(_sealed_tar(members, recipient))
    assert _state(pair.receiver) == before
