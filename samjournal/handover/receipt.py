"""The receiving journal's signed receipt, and what the sending journal does when it gets one.

    line 1: canonical JSON {format, version, file, from, to, received_at, payload_sha256, families}
    then:   the minisign signature of line 1 by the receiving journal

The receipt holds no family content (handover ids and new case numbers only), so it travels in the
clear. The sending journal checks it with the receiving peer's registered key, then removes each
family's content in one transaction and keeps a tombstone in its audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from samjournal.errors import BundleRejected, HandoverRejected
from samjournal.handover.package import canonical
from samjournal.messages import keyed
from samjournal.minisign import PublicKey, SigningKey

FORMAT, VERSION = "samjournal-handover-receipt", 1
MAX_RECEIPT = 64 * 1024


@dataclass(frozen=True, slots=True)
class Receipt:
    file_id: str
    from_journal: str
    to_journal: str
    received_at: str
    payload_sha256: str
    families: tuple[tuple[str, str], ...]  # (handover id, the case number it got)

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "file": self.file_id,
            "from": self.from_journal,
            "to": self.to_journal,
            "received_at": self.received_at,
            "payload_sha256": self.payload_sha256,
            "families": [list(f) for f in self.families],
        }

    def signed(self, key: SigningKey) -> str:
        line = canonical(self.body()).decode()
        return line + "\n" + key.sign(line.encode(), trusted_comment=f"receipt {self.file_id}")


def read(text: str | bytes) -> tuple[Receipt, str, str]:
    """The receipt, its signed line and its signature text; not yet verified."""
    bad = keyed(HandoverRejected, "receipt_not_receipt")
    if len(text) > MAX_RECEIPT:
        raise bad
    try:
        raw = text.decode("utf-8") if isinstance(text, bytes) else text
        line, _, signature = raw.partition("\n")
        body = json.loads(line)
        if body.get("format") != FORMAT or body.get("version") != VERSION:
            raise bad
        receipt = Receipt(
            str(body["file"]),
            str(body["from"]),
            str(body["to"]),
            str(body["received_at"]),
            str(body["payload_sha256"]),
            tuple((str(h), str(n)) for h, n in body["families"]),
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise bad from exc
    if canonical(receipt.body()).decode() != line:
        raise bad
    return receipt, line, signature


def verify(line: str, signature: str, key: PublicKey) -> None:
    try:
        key.verify(line.encode(), signature)
    except BundleRejected as exc:
        raise keyed(HandoverRejected, "receipt_forged") from exc
