"""The journal's receiving identity and the key file a team lead hands to another journal.

The key file carries the journal's id, the age recipient handovers to it are encrypted to, and
the minisign public key its files and receipts are signed with; its fingerprint covers all three,
so reading it out over the phone checks the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyrage

from samjournal.context import iso, utcnow
from samjournal.errors import BundleRejected, HandoverRejected
from samjournal.messages import keyed
from samjournal.minisign import PublicKey, short_fingerprint
from samjournal.store import Database

MAGIC = "samjournal-mottaksnokkel 1"
MAX_KEY_FILE = 4096
JOURNAL_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True, slots=True)
class ReceivingKey:
    """Another journal's public halves, or this journal's own, as the key file holds them."""

    journal_id: str
    recipient: str  # age1...
    signing: PublicKey

    @property
    def fingerprint(self) -> str:
        return short_fingerprint(self._body().encode("ascii"))

    def _body(self) -> str:
        return (
            f"{MAGIC}\njournal: {self.journal_id}\nage: {self.recipient}\n"
            f"minisign: {self.signing.to_line()}\n"
        )

    def to_file(self) -> str:
        return self._body() + f"fingerprint: {self.fingerprint}\n"

    @classmethod
    def from_file(cls, text: str | bytes) -> ReceivingKey:
        bad = keyed(HandoverRejected, "key_not_key")
        if len(text) > MAX_KEY_FILE:
            raise bad
        try:
            raw = text.decode("utf-8") if isinstance(text, bytes) else text
        except UnicodeDecodeError as exc:
            raise bad from exc
        lines = raw.strip().splitlines()
        if not lines or lines[0].strip() != MAGIC:
            raise bad
        fields = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        if set(fields) != {"journal", "age", "minisign", "fingerprint"} or len(lines) != 5:
            raise bad
        journal_id = fields["journal"].strip()
        if not JOURNAL_ID.fullmatch(journal_id):
            raise bad
        try:
            pyrage.x25519.Recipient.from_str(fields["age"].strip())
            signing = PublicKey.from_line(fields["minisign"].strip())
        except (pyrage.RecipientError, ValueError, TypeError, BundleRejected) as exc:
            raise bad from exc
        key = cls(journal_id, fields["age"].strip(), signing)
        if key.fingerprint != fields["fingerprint"].strip():
            raise keyed(HandoverRejected, "key_fingerprint")
        return key

    def age_recipient(self) -> pyrage.x25519.Recipient:
        return pyrage.x25519.Recipient.from_str(self.recipient)


def identity(db: Database) -> pyrage.x25519.Identity:
    """This journal's receiving identity; made on first use (inside the caller's transaction)."""
    row = db.first("SELECT secret FROM handover_identity WHERE id = 1")
    if row is not None:
        return pyrage.x25519.Identity.from_str(row[0])
    made = pyrage.x25519.Identity.generate()
    db.execute(
        "INSERT INTO handover_identity (id, secret, recipient, created_at) VALUES (1, ?, ?, ?)",
        (str(made), str(made.to_public()), iso(utcnow())),
    )
    return made
