"""Receipts: the evaluator's signed word that a bundle is stored.

A receipt is a small JSON file: the receipt body as canonical JSON text, and a minisign signature
over exactly that text by the evaluator's receipt key (named in the study profile). The journal
marks a bundle delivered only when the signature verifies and every fact matches its export log.
A receipt also hands back the audit head the bundle carried, as witnessed by the evaluator
(samjournal/audit_heads.py): the journal records it, and its log must extend it from then on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from samjournal.audit_heads import Head
from samjournal.errors import BundleRejected
from samjournal.evaluation.profile import canonical
from samjournal.messages import inner, keyed
from samjournal.minisign import PublicKey, SigningKey

FORMAT = "samjournal-receipt"
FORMAT_VERSION = 1
MAX_RECEIPT_BYTES = 16 * 1024
MAX_SEQUENCE = 2**63 - 1  # what the export log can hold
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class Receipt:
    study_id: str
    journal_id: str
    sequence: int
    bundle_hash: str
    stored_at: str
    audit_head: Head | None = None  # the bundle's audit head, witnessed (None before heads)

    def body(self) -> str:
        fields: dict[str, object] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "study_id": self.study_id,
            "journal_id": self.journal_id,
            "sequence": self.sequence,
            "bundle_hash": self.bundle_hash,
            "stored_at": self.stored_at,
        }
        if self.audit_head is not None:
            fields["audit_head"] = self.audit_head.to_json()
        return canonical(fields).decode("ascii")

    def file_name(self) -> str:
        return f"receipt-{self.study_id}-{self.journal_id[:8]}-{self.sequence:05d}.json"

    def signed(self, key: SigningKey) -> str:
        signature = key.sign(
            self.body().encode("ascii"),
            trusted_comment=f"samjournal receipt study:{self.study_id}"
            f" journal:{self.journal_id} sequence:{self.sequence}",
            untrusted_comment="receipt from a SamJournal evaluator",
        )
        return json.dumps({"receipt": self.body(), "signature": signature}, indent=2) + "\n"


def verify_receipt(text: str | bytes, key: PublicKey) -> Receipt:
    """The receipt in `text`, if the signature by `key` holds; BundleRejected otherwise."""
    body, signature = _outer(text)
    try:
        key.verify(body.encode("ascii"), signature)
    except BundleRejected as exc:
        raise keyed(BundleRejected, "receipt_signature_does_verify", exc=inner(exc)) from exc
    return _claims(body)


def unverified_receipt(text: str | bytes) -> Receipt:
    """What a receipt claims, its signature NOT checked: only for a receipt whose signature has
    failed against a key that may itself be false (audit_check: the journal's stored key)."""
    return _claims(_outer(text)[0])


def _outer(text: str | bytes) -> tuple[str, str]:
    """(body, signature) of a receipt file."""
    if len(text) > MAX_RECEIPT_BYTES:
        raise keyed(BundleRejected, "receipt_too_large")
    try:
        if isinstance(text, bytes):
            text.decode("utf-8")  # as written; json.loads would also take UTF-16 and surrogates
        outer = json.loads(text)
        body, signature = outer["receipt"], outer["signature"]
        if not isinstance(body, str) or not isinstance(signature, str):
            raise TypeError
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise keyed(BundleRejected, "file_samjournal_receipt") from exc
    if not body.isascii() or not signature.isascii():  # both are ASCII as written
        raise keyed(BundleRejected, "receipt_wrong_format")
    return body, signature


def _claims(body: str) -> Receipt:
    try:
        raw: Any = json.loads(body)
        receipt = Receipt(
            study_id=str(raw["study_id"]),
            journal_id=str(raw["journal_id"]),
            sequence=int(raw["sequence"]),
            bundle_hash=str(raw["bundle_hash"]),
            stored_at=str(raw["stored_at"]),
            audit_head=None if raw.get("audit_head") is None else Head.from_json(raw["audit_head"]),
        )
        ok = raw["format"] == FORMAT and raw["version"] == FORMAT_VERSION
    except (KeyError, TypeError, ValueError, OverflowError, RecursionError, AttributeError) as exc:
        raise keyed(BundleRejected, "receipt_lacks_fields") from exc
    if (
        not ok
        or not _HEX64.match(receipt.bundle_hash)
        or not 1 <= receipt.sequence <= MAX_SEQUENCE
        or not _is_text(receipt.stored_at)
        or receipt.body() != body
    ):
        raise keyed(BundleRejected, "receipt_wrong_format")
    return receipt


def _is_text(value: str) -> bool:
    """Not a lone surrogate (a \\ud800 escape parses, but no database takes it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
