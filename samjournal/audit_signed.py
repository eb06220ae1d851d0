"""A backup's audit head, signed with the journal's minisign key (the key its bundles carry).

The manifest of a backup is readable without a passphrase, so its head is a witness anyone
with the folder could rewrite: to match a rewritten log, say, so that `audit verify --witness
BACKUP` passes. The head is therefore signed, over the journal id, size, root and time, with
the journal's Ed25519 key (kept in the encrypted database, as for bundles). `audit verify`
checks it against the journal's own public keys, never a key the manifest names. A backup from
before signed heads (manifest version 1) is still read, but said to be unsigned.
"""

from __future__ import annotations

from samjournal.audit_heads import Head
from samjournal.errors import BundleRejected
from samjournal.messages import invalid
from samjournal.minisign import PublicKey, Signature, SigningKey
from samjournal.signing import signing_key
from samjournal.store import Database

FORMAT = "samjournal-backup-head v1"


def message(journal_id: str, head: Head) -> bytes:
    return (
        f"{FORMAT}\njournal={journal_id}\nsize={head.size}\nroot={head.root}\nat={head.at}\n"
    ).encode("ascii")


def key(db: Database) -> SigningKey:
    """The journal's signing key, made now if it has none: before a backup's copy is taken, so
    that the copy holds the key its own and later backups are signed with."""
    with db.transaction():
        return signing_key(db)


def sign(key: SigningKey, journal_id: str, head: Head) -> dict[str, str]:
    """The signature a manifest carries beside its head."""
    text = key.sign(
        message(journal_id, head), trusted_comment=f"SamJournal backup head {head.size}"
    )
    return {"minisig": text, "public_key": key.public.to_line()}


def verify(db: Database, journal_id: str, head: Head, signed: object, name: str) -> bool:
    """True when `signed` is a good signature by one of this journal's keys, False when the
    backup has none (`signed` is None: from before signed heads); ValidationError otherwise."""
    if signed is None:
        return False
    try:
        if not isinstance(signed, dict) or not isinstance(signed.get("minisig"), str):
            raise ValueError
        text = str(signed["minisig"])
        key_id = Signature.parse(text).key_id
        row = db.first(
            "SELECT public_key FROM evaluation_signing_keys WHERE key_id = ?", (key_id.hex(),)
        )
        if row is None:
            raise ValueError
        PublicKey(key_id, bytes(row[0])).verify(message(journal_id, head), text)
    except (ValueError, BundleRejected) as exc:
        raise invalid("witness", "head_signed_by_journal", name=str(name)) from exc
    return True
