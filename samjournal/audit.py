"""The audit log: a hash chain inside the database, and an append-only Merkle tree whose heads
leave it.

Each row is an HMAC over the previous hash and itself. The HMAC key is random, made at journal
creation and kept inside the encrypted database (so it survives a rekey): `verify` finds any row
that was edited, removed, inserted or moved by someone who cannot open the journal. Every user
can, so the rows are also the leaves of a Merkle tree (RFC 9162, samjournal/audit_tree.py) whose
heads are witnessed outside the laptop (samjournal/audit_heads.py): a rewrite of any event behind
a witnessed head, even with the key, gives another root at the witnessed size.

A leaf is the row's chain hash (an HMAC, so a leaf hash in a proof reveals nothing of the event,
and binds its content through the chain). Each row stores the tree's root at its own size and
the root of the perfect subtree it completes; the right edge of the tree (`audit_tree`) is all
an append reads. `verify` recomputes all of them from the events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from enum import StrEnum

from samjournal.audit_tree import (
    EMPTY_ROOT,
    Frontier,
    TreeBuilder,
    leaf_hash,
    node_hash,
    range_root,
)
from samjournal.errors import AuditChainBroken
from samjournal.messages import keyed, said
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


# The chain's row body is the row as compact JSON (ensure_ascii off). `audit verify` reads every
# row, so the body is written out directly (C string escaping) and the HMAC reuses its keyed
# states; rows of other types (only a tampered database has them) take json itself.
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
_quote = json.encoder.encode_basestring


def _body(fields: tuple[object, ...]) -> bytes:
    seq, at, user, action, entity, entity_id, family_id, detail = fields
    if (
        type(seq) is int
        and (family_id is None or type(family_id) is int)
        and str is type(at) is type(user) is type(action) is type(entity)
        and str is type(entity_id) is type(detail)
    ):
        family = "null" if family_id is None else family_id
        return (
            f"[{seq},{_quote(at)},{_quote(user)},{_quote(action)},{_quote(entity)},"
            f"{_quote(entity_id)},{family},{_quote(detail)}]"
        ).encode()
    return _encode(fields).encode()


# `verify` reads every event (~400k on a large journal, at each export): the body is made by
# SQLite's json_array, byte for byte what `_body` writes for the types `append` stores (compact,
# UTF-8, the same escapes), without ten Python objects per row. A row whose JSON does not give
# its hash is held to `_body` itself (AuditLog._row_holds), so only `_body` decides a row was
# changed; a value JSON cannot hold (a blob, only put in by hand) gives no JSON body.
_VERIFY_ROWS = """
SELECT seq,
    CASE WHEN 'blob' IN (typeof(seq), typeof(at), typeof(username), typeof(action), typeof(entity),
        typeof(entity_id), typeof(family_id), typeof(detail)) THEN NULL
    ELSE json_array(seq, at, username, action, entity, entity_id, family_id, detail) END,
    hash, root, node
FROM audit ORDER BY seq
"""

_IPAD = bytes(b ^ 0x36 for b in range(256))
_OPAD = bytes(b ^ 0x5C for b in range(256))


class _Mac:
    """HMAC-SHA256 under one key, its padded states hashed once (RFC 2104)."""

    def __init__(self, key: bytes) -> None:
        if len(key) > 64:
            key = hashlib.sha256(key).digest()
        key = key.ljust(64, b"\0")
        self._inner = hashlib.sha256(key.translate(_IPAD))
        self._outer = hashlib.sha256(key.translate(_OPAD))

    def hex(self, message: bytes) -> str:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def _row_hash(key: bytes, prev: str, fields: tuple[object, ...]) -> str:
    return _Mac(key).hex(prev.encode() + b"\n" + _body(fields))


def leaf_of(chain_hash: str) -> bytes:
    """The event's Merkle leaf hash: of its chain hash (32 bytes)."""
    return leaf_hash(bytes.fromhex(chain_hash))


def frontier(db: Database, size: int) -> Frontier:
    """The tree's right edge at `size` events, as stored; rebuilt from the rows (filling the
    roots of events from before the tree) when the store is missing or of another size."""
    row = db.first("SELECT size, frontier FROM audit_tree WHERE id = 1")
    if row is not None and int(row[0]) == size:
        return Frontier.from_bytes(size, bytes(row[1]))
    return rebuild(db)


def rebuild(db: Database) -> Frontier:
    """Recompute the right edge from every row, in order; fill roots and nodes not stored."""
    tree, missing = TreeBuilder(), []
    rows = db.tuples("SELECT seq, hash, root, node FROM audit ORDER BY seq")
    for seq, chain, root, node in rows:
        completed = tree.add(leaf_of(str(chain)))
        if root is None or node is None:
            missing.append((tree.root(), completed, seq))
    if missing:
        db.executemany("UPDATE audit SET root = ?, node = ? WHERE seq = ?", missing)
    _store(db, tree.frontier())
    return tree.frontier()


class StoredTree:
    """The log's subtree roots as stored: what a bundle's head and proof are read from, in
    O(log² n) lookups (`audit verify` holds the stored roots against the events)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _row(self, seq: int) -> tuple[bytes, str]:
        row = self._db.first("SELECT node, hash FROM audit WHERE seq = ?", (seq,))
        if row is None or row[0] is None:  # rows put in by hand, not by append
            raise keyed(AuditChainBroken, "audit_log_merkle_tree")
        return bytes(row[0]), str(row[1])

    def perfect(self, lo: int, hi: int) -> bytes:
        """MTH(D[lo:hi]), hi - lo a power of two and lo a multiple of it."""
        size = hi - lo
        if hi & -hi == size:  # event `hi` completed exactly this subtree
            return self._row(hi)[0]
        if size == 1:
            return leaf_of(self._row(hi)[1])
        half = size // 2
        return node_hash(self._row(lo + half)[0], self.perfect(lo + half, hi))

    def mth(self, lo: int, hi: int) -> bytes:
        return range_root(lo, hi, self.perfect) if hi > lo else EMPTY_ROOT


def ensure_tree(db: Database) -> None:
    """Fill the tree of a log from before it (at the open after the upgrade)."""
    if db.first("SELECT 1 FROM audit_tree") is None:
        with db.transaction():
            rebuild(db)


def _store(db: Database, tree: Frontier) -> None:
    db.execute(
        "INSERT INTO audit_tree (id, size, frontier) VALUES (1, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET size = excluded.size, frontier = excluded.frontier",
        (tree.size, tree.to_bytes()),
    )


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
    head: str  # the chain hash of the last event
    problems: tuple[str, ...]
    root: bytes = b""  # the Merkle root over every event, recomputed
    roots: dict[int, bytes] | None = None  # recomputed roots at the sizes asked for

    @property
    def ok(self) -> bool:
        return not self.problems


class AuditLog:
    def __init__(self, key: bytes) -> None:
        self._key = key
        self._mac = _Mac(key)

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
        digest = self._mac.hex(prev.encode() + b"\n" + _body(_fields(seq, row)))
        tree = frontier(db, seq - 1).append(leaf_of(digest))
        db.execute(
            "INSERT INTO audit (seq, at, username, action, entity, entity_id, family_id, detail,"
            " hash, root, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, *_fields(seq, row)[1:], digest, tree.root(), tree.peaks[-1]),
        )
        _store(db, tree)
        return seq

    def verify(self, db: Database, at: frozenset[int] = frozenset()) -> ChainReport:
        """Recompute the chain and the tree from the rows; `at`: sizes whose roots to report
        (the witnessed heads to compare with). One pass, O(n) hashes, in one read transaction:
        the events and the stored tree are compared as of one moment (read apart, a save by
        another process between them made `audit verify` report the tree off, every time)."""
        with db.snapshot():
            return self._verify(db, at)

    def _verify(self, db: Database, at: frozenset[int]) -> ChainReport:
        problems: list[str] = []  # by key (messages.said): worded where they are shown
        prev, expected_seq, count = GENESIS, 1, 0
        tree, roots, stored_last = TreeBuilder(), {}, None
        mac, add = self._mac.hex, tree.add
        nodes_off, first_off = 0, 0
        for seq, json_body, hash_text, root_at, node in db.tuples(_VERIFY_ROWS):
            chain = str(hash_text)
            count += 1
            if seq != expected_seq:
                problems.append(said("chain_events_missing", first=expected_seq, last=seq - 1))
            if (
                json_body is None or mac(prev.encode() + b"\n" + json_body.encode()) != chain
            ) and not self._row_holds(db, seq, prev, chain):
                problems.append(said("chain_event_changed", seq=seq))
            if add(leaf_hash(bytes.fromhex(chain))) != node:
                nodes_off += 1
                first_off = first_off or seq  # the first subtree off holds the first leaf off
            if count in at:
                roots[count] = tree.root()
            prev, expected_seq, stored_last = chain, seq + 1, root_at
        root = tree.root()
        if nodes_off:
            problems.append(said("tree_nodes_off", count=nodes_off, first=first_off))
        if count and stored_last is not None and bytes(stored_last) != root:
            problems.append(said("tree_root_off"))
        stored = db.first("SELECT size, frontier FROM audit_tree WHERE id = 1")
        if stored is not None and (int(stored[0]), bytes(stored[1])) != (
            count,
            tree.frontier().to_bytes(),
        ):
            problems.append(said("tree_off"))
        if 0 in at:
            roots[0] = Frontier().root()
        return ChainReport(count, prev, tuple(problems), root, roots)

    def _row_holds(self, db: Database, seq: int, prev: str, chain: str) -> bool:
        """Whether event `seq` has the chain hash `chain` with its body as `append` wrote it
        (`_body`): the word of a row SQLite's JSON did not match (only an edited row, unless a
        future SQLite escapes some character otherwise than Python's json)."""
        row = db.tuples(
            "SELECT seq, at, username, action, entity, entity_id, family_id, detail FROM audit"
            " WHERE seq = ?",
            (seq,),
        )
        try:
            return self._mac.hex(prev.encode() + b"\n" + _body(row[0])) == chain
        except (TypeError, ValueError):  # a value JSON cannot hold (a blob): not as written
            return False


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
