"""The journals a team lead has registered: handovers go only to them and come only from them.

A peer is registered from its key file after the fingerprint has been read out over the phone;
the same journal again with the same keys only renames it, with other keys it is refused (a new
key is registered by removing the peer first, a deliberate step).
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.context import Context, iso, utcnow
from samjournal.errors import HandoverRejected
from samjournal.handover.keys import ReceivingKey
from samjournal.instruments.parse import hidden
from samjournal.messages import invalid, keyed
from samjournal.minisign import PublicKey
from samjournal.store import Row

MAX_LABEL = 120


@dataclass(frozen=True, slots=True)
class Peer:
    journal_id: str
    label: str  # e.g. "Trondheim, team Øst": how the other journal is named on screen
    key: ReceivingKey
    registered_at: str

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint


def _peer(row: Row) -> Peer:
    key = ReceivingKey(row["journal_id"], row["recipient"], PublicKey.from_line(row["signing_key"]))
    return Peer(row["journal_id"], row["label"], key, row["registered_at"])


def clean_label(label: str) -> str:
    label = " ".join(label.split())
    if not label:
        raise invalid("name", "peer_name_required")
    # Direction controls too: the label stands in lists and on receipts beside other text.
    if len(label) > MAX_LABEL or hidden(label):
        raise invalid("name", "peer_name_unwritable")
    return label


def register(ctx: Context, key: ReceivingKey, label: str, own_journal: str) -> Peer:
    """Inside the caller's transaction."""
    label = clean_label(label)
    if key.journal_id == own_journal:
        raise keyed(HandoverRejected, "peer_own_key")
    row = ctx.db.first("SELECT * FROM handover_peers WHERE journal_id = ?", (key.journal_id,))
    if row is not None and _peer(row).key != key:
        raise keyed(HandoverRejected, "peer_other_keys")
    ctx.db.execute(
        "INSERT INTO handover_peers (journal_id, label, recipient, signing_key, fingerprint,"
        " registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (journal_id) DO UPDATE SET label = excluded.label",
        (
            key.journal_id,
            label,
            key.recipient,
            key.signing.to_line(),
            key.fingerprint,
            iso(utcnow()),
            ctx.user.id,
        ),
    )
    return require(ctx, key.journal_id)


def all_peers(ctx: Context) -> list[Peer]:
    return [_peer(r) for r in ctx.db.all("SELECT * FROM handover_peers ORDER BY label")]


def find(ctx: Context, journal_id: str) -> Peer | None:
    row = ctx.db.first("SELECT * FROM handover_peers WHERE journal_id = ?", (journal_id,))
    return None if row is None else _peer(row)


def require(ctx: Context, journal_id: str) -> Peer:
    peer = find(ctx, journal_id)
    if peer is None:
        raise keyed(HandoverRejected, "peer_unregistered")
    return peer
