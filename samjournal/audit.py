"""The hash-chained audit log: append-only, each row an HMAC over the previous hash and itself.

The HMAC key is random, made at journal creation and kept inside the encrypted database (so it
survives a rekey, unlike a key derived from the data key): only someone who can open the journal
can extend the chain, and `verify` finds any row that was edited, removed, inserted or moved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from enum import StrEnum

from samjournal.model import AuditEvent
from samjournal.store import Database, Row

GENESIS = "0" * 64


class Action(StrEnum):
    CREATE_JOURNAL = "create_journal"
    UNLOCK = "unlock"
    FAILED_UNLOCK = "failed_unlock"
    LOCK = "lock"
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    USER_ADMIN = "user_admin"
    KEY_CHANGE = "key_change"
    BACKUP = "backup"
    RESTORE = "restore"
    SETTINGS = "settings"
    PURGE = "purge"  # retention ran out: the family deleted for real, a tombstone kept
    ERASE = "erase"  # the family's right to erasure: the same deletion, on request


def new_chain_key() -> str:
    return os.urandom(32).hex()


def for_db(db: Database) -> AuditLog:
    """The journal's audit log, keyed from the chain key kept in `meta`."""
    return AuditLog(bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'"))))


def _row_hash(key: bytes, prev: str, fields: tuple[object, ...]) -> str:
    body = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()
    return hmac.new(key, prev.encode() + b"\n" + body, hashlib.sha256).hexdigest()


def _fields(seq: int, row: Row | dict[str, object]) -> tuple[object, ...]:
    return (
        seq,
        row["at"],
        row["username"],
        row["action"],
        row["entity"],
        row["entity_id"],
        row["family_id"],
        row["detail"],
    )


@dataclass(frozen=True, slots=True)
class ChainReport:
    events: int
    head: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class AuditLog:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def append(
        self,
        db: Database,
        username: str,
        action: Action,
        entity: str = "",
        entity_id: object = "",
        family_id: int | None = None,
        detail: str = "",
        at: dt.datetime | None = None,
    ) -> int:
        """Add one event; call inside the transaction of the change it records."""
        last = db.first("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        seq, prev = (int(last["seq"]) + 1, str(last["hash"])) if last else (1, GENESIS)
        row: dict[str, object] = {
            "at": (at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
            "username": username,
            "action": str(action),
            "entity": entity,
            "entity_id": str(entity_id),
            "family_id": family_id,
            "detail": detail,
        }
        digest = _row_hash(self._key, prev, _fields(seq, row))
        db.execute(
            "INSERT INTO audit (seq, at, username, action, entity, entity_id, family_id, detail,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, *_fields(seq, row)[1:], digest),
        )
        return seq

    def verify(self, db: Database) -> ChainReport:
        problems: list[str] = []
        prev, expected_seq, count = GENESIS, 1, 0
        for row in db.all("SELECT * FROM audit ORDER BY seq"):
            seq = int(row["seq"])
            count += 1
            if seq != expected_seq:
                problems.append(f"hendelse {expected_seq}–{seq - 1} mangler")
            if _row_hash(self._key, prev, _fields(seq, row)) != row["hash"]:
                problems.append(f"hendelse {seq} er endret, flyttet eller satt inn")
            prev, expected_seq = str(row["hash"]), seq + 1
        return ChainReport(count, prev, tuple(problems))


def head(db: Database) -> str:
    """The chain head printed on reports and exports: the sequence number and hash prefix."""
    last = db.first("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
    return f"{last['seq']}:{str(last['hash'])[:16]}" if last else f"0:{GENESIS[:16]}"


def event_from_row(row: Row) -> AuditEvent:
    return AuditEvent(
        seq=int(row["seq"]),
        at=dt.datetime.fromisoformat(row["at"]),
        user=row["username"],
        action=row["action"],
        entity=row["entity"],
        entity_id=row["entity_id"],
        detail=row["detail"],
    )
