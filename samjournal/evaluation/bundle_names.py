"""Bundle file names: a sequence number and a tag, nothing that names the study or the journal.

A bundle travels on USB sticks and through mail folders, where its name is read by anyone. The
evaluator reads the journal id and the study id from inside the bundle (bag-info.txt, checked
against the signature), never from the name. The tag is keyed with the journal's own secret: to
anyone else it is random (it does not link two bundles of one journal), while the journal finds
its own files again (the same study and number give the same name: a file left under the name of
the number about to be used is seen, and a crash's temp files are this journal's to clear).
"""

from __future__ import annotations

import hashlib
import hmac

from samjournal.store import Database

TAG_CHARS = 10  # 40 bits: two journals exporting into one folder never meet


def name_key(db: Database) -> bytes:
    return derived_key(db, b"samjournal bundle names v1")


def derived_key(db: Database, label: bytes) -> bytes:
    """A key of the journal's own for `label`, from its secret chain key (never released)."""
    chain = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
    return hmac.new(chain, label, hashlib.sha256).digest()


def file_name(key: bytes, study_id: str, sequence: int) -> str:
    """`samjournal-00001-3f9c0a7b12.age`: the number, then the journal's tag for it (`key` is
    `name_key(db)`)."""
    message = f"{study_id}\n{sequence}".encode()
    tag = hmac.new(key, message, hashlib.sha256).hexdigest()[:TAG_CHARS]
    return f"samjournal-{sequence:05d}-{tag}.age"


def legacy_name(journal_id: str, study_id: str, sequence: int) -> str:
    """The name versions before this one gave a bundle (study id and the journal id's start)."""
    return f"samjournal-{study_id}-{journal_id[:8]}-{sequence:05d}.age"


def legacy_prefix(journal_id: str, study_id: str) -> str:
    return f"samjournal-{study_id}-{journal_id[:8]}-"
