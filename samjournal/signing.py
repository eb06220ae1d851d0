"""The journal's own Ed25519 signing key (minisign format), kept in the encrypted database.

One key signs what leaves the journal: export bundles, handover packages and receipts, and
backup heads (audit_signed.py). It lives here, below the sections that use it, so the backup
code under the facade can sign a head without reaching up into the evaluation export.
"""

from __future__ import annotations

import datetime as dt

from samjournal.minisign import SigningKey
from samjournal.store import Database


def signing_key(db: Database) -> SigningKey:
    """The journal's Ed25519 key; made on first use (inside the caller's transaction)."""
    row = db.first(
        "SELECT key_id, seed FROM evaluation_signing_keys WHERE retired_at IS NULL"
        " ORDER BY created_at DESC LIMIT 1"
    )
    if row is not None:
        return SigningKey(bytes(row[1]), bytes.fromhex(row[0]))
    key = SigningKey.generate()
    db.execute(
        "INSERT INTO evaluation_signing_keys (key_id, seed, public_key, created_at)"
        " VALUES (?, ?, ?, ?)",
        (key.public.key_id.hex(), key.seed, key.public.key, _now()),
    )
    return key


def _now() -> str:
    # As context.iso(utcnow()) writes it; context sits above the backup code that signs here.
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
