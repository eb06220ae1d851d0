"""`journal.handovers`: keys, peers, sending a family, receiving it, and the receipt.

Only a team lead hands families over or takes them in. Sending writes the file's temp copy inside
the transaction that records the handover and names it after the commit, so a file under its name
always has its record, and making the file again reuses the handover id: the receiving journal
takes each family once, however many copies it gets.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samjournal import mark
from samjournal.audit import Action
from samjournal.context import iso, utcnow
from samjournal.errors import HandoverRejected, NotFound
from samjournal.evaluation.bundle_files import write_synced
from samjournal.fsutil import fsync_dir, storage_error, temp_path
from samjournal.handover import collect, keys, package, peers, receive
from samjournal.handover.keys import ReceivingKey
from samjournal.handover.peers import Peer
from samjournal.handover.receipt import Receipt
from samjournal.handover.receipt import read as read_receipt
from samjournal.handover.receipt import verify as verify_receipt
from samjournal.handover.receive import Received
from samjournal.messages import keyed
from samjournal.model import FamilyId
from samjournal.records import base
from samjournal.records.lifecycle import counted, delete_family_rows
from samjournal.signing import signing_key
from samjournal.store import Database

CHANGES = ("create", "update", "delete")  # audit actions that change a family's records


@dataclass(frozen=True, slots=True)
class Sent:
    handover_id: str
    family_id: FamilyId
    case_number: str


@dataclass(frozen=True, slots=True)
class Waiting:
    """A family handed over whose receipt has not come back: it is still whole here."""

    handover_id: str
    family_id: FamilyId
    case_number: str
    to_journal: str
    to_label: str
    sent_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a received family came from, for the case page."""

    old_case_number: str
    from_label: str
    received_at: str


@dataclass(frozen=True, slots=True)
class Intake:
    """What importing a handover file did, and the receipt to send back."""

    families: tuple[Received, ...]
    from_label: str
    receipt: str

    @property
    def again(self) -> bool:
        return all(f.again for f in self.families)


class Handovers(base.Section):
    # -- keys and peers ---------------------------------------------------------------------

    def _journal_id(self) -> str:
        return mark.journal_id(self._ctx.db)

    def receiving_key(self) -> ReceivingKey:
        """This journal's key file content (the receiving identity is made on first use)."""
        self._ctx.require_teamlead("hand_over")
        with self._ctx.db.transaction() as db:
            made = keys.identity(db)
            return ReceivingKey(self._journal_id(), str(made.to_public()), signing_key(db).public)

    def add_peer(self, key_file: str | bytes, label: str) -> Peer:
        """Register another journal from its key file, once its fingerprint was read out."""
        ctx = self._ctx
        ctx.require_teamlead("hand_over")
        key = ReceivingKey.from_file(key_file)
        with ctx.db.transaction():
            peer = peers.register(ctx, key, label, self._journal_id())
            ctx.log(Action.SETTINGS, "handover_peer", key.journal_id, detail=key.fingerprint)
        return peer

    def peers(self) -> list[Peer]:
        self._ctx.require_teamlead("hand_over")
        return peers.all_peers(self._ctx)

    # -- sending ----------------------------------------------------------------------------

    def send(self, family_ids: list[FamilyId], to_journal: str, target: Path) -> list[Sent]:
        """Write one file holding the families, for `to_journal` (a registered peer)."""
        ctx = self._ctx
        ctx.require_teamlead("hand_over")
        if not family_ids:
            raise keyed(HandoverRejected, "handover_choose_family")
        target = Path(target)
        staged = temp_path(target)
        sent: list[Sent] = []
        with ctx.db.transaction() as db:
            peer = peers.require(ctx, to_journal)
            file_id = secrets.token_hex(16)
            parts = []
            for family_id in dict.fromkeys(family_ids):
                family = ctx.family_row(family_id)
                handover_id = self._handover_id(db, family_id, peer)
                parts.append(self._family_part(db, handover_id, family_id))
                sent.append(Sent(handover_id, family_id, family["case_number"]))
            payload = package.canonical(
                {
                    "format": collect.FORMAT,
                    "version": collect.VERSION,
                    "file": file_id,
                    "from": self._journal_id(),
                    "to": peer.journal_id,
                    "created_at": iso(utcnow()),
                    "created_by": ctx.user.username,
                    "families": parts,
                }
            )
            digest = hashlib.sha256(payload).hexdigest()
            sealed = package.seal(
                payload, signing_key(db), f"handover {file_id}", peer.key.age_recipient()
            )
            for item in sent:
                db.execute(
                    "UPDATE handovers_out SET payload_hash = ? WHERE id = ?",
                    (digest, item.handover_id),
                )
                db.execute(
                    "INSERT OR IGNORE INTO handovers_sent (handover_id, payload_hash, audit_seq)"
                    " SELECT id, payload_hash, audit_seq FROM handovers_out WHERE id = ?",
                    (item.handover_id,),
                )
                ctx.log(
                    Action.EXPORT,
                    "handover",
                    item.handover_id,
                    item.family_id,
                    detail=f"til {peer.journal_id}",
                )
            write_synced(staged, sealed)
        try:
            os.replace(staged, target)
            fsync_dir(target.parent)
        except OSError as exc:
            with contextlib.suppress(OSError):
                staged.unlink()
            raise storage_error(exc) from exc
        for item in sent:
            ctx.emit("family", family_id=item.family_id)
        return sent

    def _handover_id(self, db: Database, family_id: FamilyId, peer: Peer) -> str:
        """The waiting handover of the family to `peer`, or a new one."""
        row = db.first(
            "SELECT id, to_journal FROM handovers_out WHERE family_id = ? AND received_at IS NULL",
            (family_id,),
        )
        last_change = _last_change(db, family_id)
        if row is not None:
            if row["to_journal"] != peer.journal_id:
                raise keyed(HandoverRejected, "handover_already_sent")
            db.execute(
                "UPDATE handovers_out SET audit_seq = ? WHERE id = ?", (last_change, row["id"])
            )
            return str(row["id"])
        handover_id = secrets.token_hex(16)
        db.execute(
            "INSERT INTO handovers_out (id, family_id, case_number, to_journal, created_at,"
            " created_by, audit_seq, payload_hash)"
            " SELECT ?, id, case_number, ?, ?, ?, ?, '' FROM families WHERE id = ?",
            (
                handover_id,
                peer.journal_id,
                iso(utcnow()),
                self._ctx.user.id,
                last_change,
                family_id,
            ),
        )
        return handover_id

    def _family_part(self, db: Database, handover_id: str, family_id: FamilyId) -> dict[str, Any]:
        rows = collect.family_rows(db, family_id)
        return {
            "handover": handover_id,
            "rows": rows,
            "people": collect.people(db, rows),
            "studies": collect.studies(db, rows),
            "instruments": collect.instruments(db, rows),
            "released": collect.studies_released(db, family_id),
            "trail": collect.trail(db, family_id),
        }

    def waiting(self) -> list[Waiting]:
        self._ctx.require_teamlead("hand_over")
        return self._waiting("1", ())

    def waiting_for(self, family_id: FamilyId) -> Waiting | None:
        """The family's handover waiting for its receipt, for anyone who may see the family:
        a change made now would not reach the receiving journal."""
        self._ctx.family_row(family_id)
        found = self._waiting("o.family_id = ?", (family_id,))
        return found[0] if found else None

    def _waiting(self, where: str, params: tuple[object, ...]) -> list[Waiting]:
        return [
            Waiting(
                r["id"],
                FamilyId(r["family_id"]),
                r["case_number"],
                r["to_journal"],
                r["label"],
                dt.datetime.fromisoformat(r["created_at"]),
            )
            for r in self._ctx.db.all(
                "SELECT o.*, p.label FROM handovers_out o JOIN handover_peers p"
                " ON p.journal_id = o.to_journal WHERE o.received_at IS NULL"
                f" AND {where} ORDER BY o.created_at",
                params,
            )
        ]

    # -- receiving --------------------------------------------------------------------------

    def receive(self, data: bytes) -> Intake:
        """Take in a handover file from a registered journal; again changes nothing."""
        ctx = self._ctx
        ctx.require_teamlead("take_over")
        with ctx.db.transaction() as db:
            payload_bytes, signature = package.open_sealed(data, keys.identity(db))
            claimed, payload = package.read_claim(payload_bytes)
            peer = peers.require(ctx, claimed)
            package.check_signature(payload_bytes, signature, peer.key.signing)
            if payload.get("to") != self._journal_id():
                raise keyed(HandoverRejected, "handover_other_journal")
            if payload.get("format") != collect.FORMAT or payload.get("version") != collect.VERSION:
                raise keyed(HandoverRejected, "handover_format")
            parts, file_id = payload.get("families"), payload.get("file")
            if not isinstance(parts, list) or not isinstance(file_id, str):
                raise keyed(HandoverRejected, "handover_lacks")
            digest = hashlib.sha256(payload_bytes).hexdigest()
            received = [self._take(db, part, peer) for part in parts]
            receipt = Receipt(
                file_id,
                peer.journal_id,
                self._journal_id(),
                iso(utcnow()) or "",
                digest,
                tuple((r[0], r[1].case_number) for r in received),
            ).signed(signing_key(db))
            for handover_id, family in received:
                if not family.again:
                    db.execute(
                        "UPDATE handovers_in SET receipt = ?, payload_hash = ? WHERE id = ?",
                        (receipt, digest, handover_id),
                    )
        for _, family in received:
            ctx.emit("family", family_id=family.family_id)
        return Intake(tuple(f for _, f in received), peer.label, receipt)

    def _take(self, db: Database, part: dict[str, Any], peer: Peer) -> tuple[str, Received]:
        ctx = self._ctx
        if not isinstance(part, dict) or not isinstance(part.get("handover"), str):
            raise keyed(HandoverRejected, "handover_lacks")
        handover_id = part["handover"]
        known = db.first("SELECT * FROM handovers_in WHERE id = ?", (handover_id,))
        if known is not None:
            if known["from_journal"] != peer.journal_id:
                raise keyed(HandoverRejected, "handover_taken_elsewhere")
            number = db.scalar(
                "SELECT case_number FROM families WHERE id = ?", (known["family_id"],)
            )
            return handover_id, Received(
                int(known["family_id"]),
                str(number or ""),
                str(known["old_case_number"]),
                str(known["receipt"]),
                again=True,
            )
        try:
            family_id, number, old = receive.add_family(ctx, part, peer.journal_id, handover_id)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            # The file's shape, past what checks.py says by field: all of it signed by the
            # sender, so a wrong shape is a broken or hand-made file, never this journal's fault.
            raise keyed(HandoverRejected, "handover_lacks") from exc
        db.execute(
            "INSERT INTO handovers_in (id, from_journal, family_id, old_case_number,"
            " payload_hash, imported_at, imported_by, receipt) VALUES (?, ?, ?, ?, '', ?, ?, '')",
            (handover_id, peer.journal_id, family_id, old, iso(utcnow()), ctx.user.id),
        )
        ctx.log(
            Action.IMPORT,
            "handover",
            handover_id,
            family_id,
            detail=f"fra {peer.journal_id}, tidligere {old}",
        )
        return handover_id, Received(family_id, number, old, "", again=False)

    def origin(self, family_id: FamilyId) -> Origin | None:
        row = self._ctx.db.first(
            "SELECT i.old_case_number, i.imported_at, p.label FROM handovers_in i"
            " JOIN handover_peers p ON p.journal_id = i.from_journal WHERE i.family_id = ?",
            (family_id,),
        )
        if row is None:
            return None
        return Origin(row["old_case_number"], row["label"], row["imported_at"])

    # -- the receipt ------------------------------------------------------------------------

    def take_receipt(self, text: str | bytes) -> list[Sent]:
        """Check the receipt, then remove each family it names for good (tombstone kept)."""
        ctx = self._ctx
        ctx.require_teamlead("hand_over")
        receipt, line, signature = read_receipt(text)
        if receipt.from_journal != self._journal_id():
            raise keyed(HandoverRejected, "receipt_other_journal")
        removed: list[Sent] = []
        with ctx.db.transaction() as db:
            peer = peers.require(ctx, receipt.to_journal)
            verify_receipt(line, signature, peer.key.signing)
            for handover_id, new_number in receipt.families:
                row = db.first("SELECT * FROM handovers_out WHERE id = ?", (handover_id,))
                if row is None or row["to_journal"] != peer.journal_id:
                    raise keyed(HandoverRejected, "handover_receipt_not_sent")
                if row["received_at"] is not None:
                    continue  # taken before: nothing more to do
                # the file it received: the latest, or an earlier one still in place (a send
                # killed before renaming its file), good while the family is as it was then
                file = db.first(
                    "SELECT audit_seq FROM handovers_sent WHERE handover_id = ?"
                    " AND payload_hash = ?",
                    (handover_id, receipt.payload_sha256),
                )
                if file is None:
                    raise keyed(HandoverRejected, "handover_receipt_older")
                family_id = FamilyId(row["family_id"])
                if _last_change(db, family_id) > int(file[0]):
                    raise keyed(HandoverRejected, "handover_changed_since")
                if db.first("SELECT 1 FROM families WHERE id = ?", (family_id,)) is None:
                    raise keyed(NotFound, "family_not_found")
                counts = counted(delete_family_rows(db, family_id))
                db.execute(
                    "UPDATE handovers_out SET received_at = ?, receipt = ? WHERE id = ?",
                    (receipt.received_at, line, handover_id),
                )
                ctx.log(
                    Action.ERASE,
                    "family",
                    family_id,
                    family_id,
                    detail=f"overført: sak {row['case_number']} til {peer.journal_id}"
                    f" ({new_number}), kvittert {receipt.received_at} [{counts}]",
                )
                removed.append(Sent(handover_id, family_id, row["case_number"]))
        if removed:
            ctx.db.checkpoint()
            for item in removed:
                ctx.emit("family", family_id=item.family_id)
        return removed


def _last_change(db: Database, family_id: int) -> int:
    marks = ", ".join(f"'{a}'" for a in CHANGES)
    return int(
        db.scalar(
            f"SELECT coalesce(max(seq), 0) FROM audit WHERE family_id = ? AND action IN ({marks})",
            (family_id,),
        )
    )
