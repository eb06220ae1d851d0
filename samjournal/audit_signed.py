"""A backup's audit head, signed with the journal's minisign key (the key its bundles carry).

The manifest of a backup is readable without a passphrase, so its head is a witness anyone
with the folder could rewrite: to match a rewritten log, say, so that `audit verify --witness
BACKUP` passes. The head is therefore signed with the journal's Ed25519 key (kept in the
encrypted database, as for bundles). `audit verify` checks it against the journal's own public
keys, never a key the manifest names; a restore checks it against the keys in the copy it
unpacks.

Manifest version 3 signs the head together with what the backup holds: the SHA-256 of its
database and keyring and when it was made, so the head and the files cannot be parted. Version
2 signed the head alone: its head is a genuine witness of the log, but nothing proves the files
beside it are the ones the head was taken from (an older database could be put under a newer
signed head); a restore still checks that the log it unpacks ends at the head, which refuses
such a splice. Version 1 (from before signed heads) is read too, as unsigned: its head is never
evidence against a journal (audit_check), since anyone with the file could have written it.

The keys a head is checked with are derived from the seeds the journal signs with, never read
from the `public_key` column beside them: an insider who changed that column would otherwise
make every genuine backup look forged while exports went on signing with the seed (rev13 F3).
Those keys still live in a database every user can open; `audit verify --key journal.pub` checks
with the key the evaluator registered instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from samjournal.audit_heads import Head
from samjournal.errors import BundleRejected
from samjournal.messages import invalid
from samjournal.minisign import PublicKey, Signature, SigningKey, format_key_id
from samjournal.signing import signing_key
from samjournal.store import Database

FORMAT = "samjournal-backup-head v1"  # manifest version 2: the head alone
FORMAT_CONTENTS = "samjournal-backup-head v2"  # manifest version 3: the head and the files
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CREATED = re.compile(r"^[0-9T:+.\-Z]{1,40}$")


@dataclass(frozen=True, slots=True)
class Contents:
    """What a version-3 manifest signs beside the head."""

    db_sha256: str
    keyring_sha256: str
    created: str

    def lines(self) -> str:
        return (
            f"created={self.created}\nsha256 journal.db={self.db_sha256}\n"
            f"sha256 keyring.json={self.keyring_sha256}\n"
        )


def contents_of(manifest: Mapping[str, object], db_name: str, keyring_name: str) -> Contents:
    """The signed contents a version-3 manifest states; ValueError when they are not there or
    not plain (a value with a line break in it could pass for another line of the message)."""
    sums, created = manifest.get("sha256"), manifest.get("created")
    if not isinstance(sums, dict) or not isinstance(created, str) or not _CREATED.match(created):
        raise ValueError("no contents")
    db_sum, ring_sum = sums.get(db_name), sums.get(keyring_name)
    if not (isinstance(db_sum, str) and _SHA256.match(db_sum)):
        raise ValueError("no contents")
    if not (isinstance(ring_sum, str) and _SHA256.match(ring_sum)):
        raise ValueError("no contents")
    return Contents(db_sum, ring_sum, created)


def message(journal_id: str, head: Head, contents: Contents | None = None) -> bytes:
    """The signed text: the head (version 2), or the head and the backup's contents (3)."""
    body = f"journal={journal_id}\nsize={head.size}\nroot={head.root}\nat={head.at}\n"
    if contents is None:
        return f"{FORMAT}\n{body}".encode("ascii")
    return f"{FORMAT_CONTENTS}\n{body}{contents.lines()}".encode("ascii")


def key(db: Database) -> SigningKey:
    """The journal's signing key, made now if it has none: before a backup's copy is taken, so
    that the copy holds the key its own and later backups are signed with."""
    with db.transaction():
        return signing_key(db)


def sign(
    key: SigningKey, journal_id: str, head: Head, contents: Contents | None = None
) -> dict[str, str]:
    """The signature a manifest carries beside its head."""
    text = key.sign(
        message(journal_id, head, contents),
        trusted_comment=f"SamJournal backup head {head.size}",
    )
    return {"minisig": text, "public_key": key.public.to_line()}


class OtherKey(ValueError):
    """A signature by a key other than those it was checked with (`signed_with` names it)."""

    def __init__(self, signed_with: str) -> None:
        super().__init__("signed with another key")
        self.signed_with = signed_with


def journal_keys(db: Database) -> dict[bytes, PublicKey]:
    """Every key the journal has signed with, by key id, each derived from its seed."""
    rows = db.tuples("SELECT key_id, seed FROM evaluation_signing_keys ORDER BY created_at")
    keys = (SigningKey(bytes(r[1]), bytes.fromhex(str(r[0]))).public for r in rows)
    return {k.key_id: k for k in keys}


def describe(key: PublicKey) -> str:
    """A key as people compare it: its id and its fingerprint."""
    return f"{key.key_id_hex} ({key.fingerprint})"


def holds(
    db: Database,
    journal_id: str,
    head: Head,
    signed: object,
    contents: Contents | None = None,
    key: PublicKey | None = None,
) -> bool:
    """True when `signed` is a good signature by `key`, or (no key given) by one of the keys in
    `db`; False when there is none (`signed` is None); OtherKey when it is by another key,
    ValueError when it does not hold."""
    if signed is None:
        return False
    try:
        if not isinstance(signed, dict) or not isinstance(signed.get("minisig"), str):
            raise ValueError("not a signature")
        text = str(signed["minisig"])
        key_id = Signature.parse(text).key_id
        found = (key if key.key_id == key_id else None) if key else journal_keys(db).get(key_id)
        if found is None:
            raise OtherKey(_signed_with(key_id, signed.get("public_key")))
        found.verify(message(journal_id, head, contents), text)
    except BundleRejected as exc:
        raise ValueError("signature does not hold") from exc
    return True


def _signed_with(key_id: bytes, line: object) -> str:
    """The key a signature names: its id, and the fingerprint of the key the manifest gives
    beside it when that key has the same id (unproven: the manifest is not secret)."""
    try:
        stated = PublicKey.from_line(line) if isinstance(line, str) else None
    except BundleRejected:
        stated = None
    if stated is not None and stated.key_id == key_id:
        return describe(stated)
    return format_key_id(key_id)


def verify(
    db: Database,
    journal_id: str,
    head: Head,
    signed: object,
    name: str,
    contents: Contents | None = None,
    key: PublicKey | None = None,
) -> bool:
    """True when `signed` is a good signature by `key` or one of this journal's keys, False
    when the backup has none (`signed` is None: from before signed heads); ValidationError
    otherwise, naming the key it was signed with beside the journal's when they differ."""
    try:
        return holds(db, journal_id, head, signed, contents, key)
    except OtherKey as exc:
        ours = [key] if key is not None else list(journal_keys(db).values())
        raise invalid(
            "witness",
            "head_signed_other_key",
            name=str(name),
            theirs=exc.signed_with,
            ours=", ".join(describe(k) for k in ours) or "-",
        ) from exc
    except ValueError as exc:
        raise invalid("witness", "head_signed_by_journal", name=str(name)) from exc
