"""The audit head a bundle carries, with consistency proofs from heads the evaluator may hold.

`samjournal-audit.json`, a tag file of the bag (so the journal's signature covers it):

    {"format": "samjournal-audit", "version": 3,
     "head": {"size": n, "root": hex, "at": iso},          the log at the bundle's change_to
     "previous": {"size": m, "root": hex, "at": ""} | null, the previous bundle's head, as the log
                                                           holds it now
     "consistency": [hex, ...],                            RFC 9162 PROOF(m, D[n])
     "extends": [{"from": head, "consistency": [hex]}],    version 3: PROOF(k, D[n]) from the
                                                           newest receipted bundle's head and
                                                           every bundle's head after it
     "restored": [{"from": head, "lost": head | null,      each restore no receipt has
                   "witnessed": head | null, "at": iso,    acknowledged yet (audit_forks.py),
                   "tag": hex (random, tells restores      with PROOF(from, D[n]); version 2:
                   apart), "consistency": [hex, ...]}]}    at least one, version 3: maybe none

Versions 1 and 2 (no "extends") are still read: they prove only from `previous`.

The evaluator holds a bundle against the NEWEST head it recorded for the journal: the bundle
must prove it extends that very head (evaluator/witness.py). The journal cannot know which of
its bundles arrived, so it proves from every head the evaluator may hold as its newest: the one
its newest receipt handed back and each it exported since (a receipt that never came back, a
bundle lost on the way). A skipped bundle therefore hides nothing: the next one still proves
from the head the evaluator saw.

A restore from an older backup goes back to the backup's head (`from`): the events after it,
up to `lost` (how far the replaced journal had come) and any head witnessed there (`witnessed`)
are gone, and the journal says so here, under its signature, in its next bundle to each study.
The evaluator refuses the bundle, shows the statement and takes the journal on from `from` only
by an explicit decision (evaluator/witness.py). A rewritten log carries no such statement.

Only hashes travel: no event, no count of anything but events.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from samjournal import audit_forks, audit_tree
from samjournal.audit import StoredTree
from samjournal.audit_heads import Head, current_size, now, problem, record_witness, root_at
from samjournal.errors import BundleRejected
from samjournal.evaluation.receipts import Receipt
from samjournal.messages import Said, keyed, said
from samjournal.store import Database

AUDIT_FILE = "samjournal-audit.json"
FORMAT = "samjournal-audit"
VERSION = 3  # 1: previous only, 2: with restores, 3: proofs from every head the evaluator may hold
MAX_PROOF = 128  # a proof has at most about 2·log2(n) hashes
# Restores stated in one bundle, and heads proved from: what the journal writes and the evaluator
# reads, one number each for both sides (a journal never writes a bundle the evaluator refuses).
MAX_RESTORES = 16
MAX_EXTENDS = 32
_TAG = re.compile(r"[0-9a-f]{16}")
_PARTS = {1: set(), 2: {"restored"}, 3: {"restored", "extends"}}  # what each version carries


@dataclass(frozen=True, slots=True)
class Restored:
    """A restore the journal states: its log goes on from `restored`; what came after is lost."""

    restored: Head
    lost: Head | None
    witnessed: Head | None
    at: str
    tag: str  # random, 16 hex digits: this restore and no other
    proof: tuple[str, ...]  # PROOF(restored.size, D[head.size]): the log extends `restored`

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.restored.to_json(),
            "lost": self.lost.to_json() if self.lost else None,
            "witnessed": self.witnessed.to_json() if self.witnessed else None,
            "at": self.at,
            "tag": self.tag,
            "consistency": list(self.proof),
        }

    def said(self) -> Said:
        """What the journal says, for an import's notes (nothing witnessed here was lost)."""
        lost = said("fork_lost_reach", short=self.lost.short()) if self.lost else ""
        return said("journal_says_restored", at=self.at, short=self.restored.short(), lost=lost)


@dataclass(frozen=True, slots=True)
class Extends:
    """A head the bundle's log extends, with PROOF(head.size, D[bundle head.size])."""

    head: Head
    proof: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"from": self.head.to_json(), "consistency": list(self.proof)}


@dataclass(frozen=True, slots=True)
class AuditClaim:
    """What a bundle says of the journal's log, its proofs already checked."""

    head: Head
    previous: Head | None
    proof: tuple[str, ...]
    restored: tuple[Restored, ...] = ()
    extends: tuple[Extends, ...] = ()
    version: int = VERSION

    def proven(self) -> list[Head]:
        """Every head the bundle proved its log extends (its own head among them)."""
        found = [self.head, *(e.head for e in self.extends)]
        return found if self.previous is None else [*found, self.previous]

    def proves(self, head: Head) -> bool:
        """Whether the bundle proved its log extends `head` (its size and whole root)."""
        return any((h.size, h.root) == (head.size, head.root) for h in self.proven())

    def to_bytes(self) -> bytes:
        body: dict[str, object] = {
            "format": FORMAT,
            "version": VERSION,
            "head": self.head.to_json(),
            "previous": self.previous.to_json() if self.previous else None,
            "consistency": list(self.proof),
            "extends": [e.to_json() for e in self.extends],
            "restored": [r.to_json() for r in self.restored],
        }
        return (json.dumps(body, indent=2) + "\n").encode("ascii")


def for_export(db: Database, study_id: str, size: int) -> AuditClaim:
    """The head at `size` events and the proofs from the heads the evaluator may hold as its
    newest (inside the export's transaction), read from the stored subtree roots: O(log² n)
    lookups each."""
    size = min(size, current_size(db))
    tree = StoredTree(db)
    head = Head(size, tree.mth(0, size).hex(), now())

    def proof(old: int) -> tuple[str, ...]:
        return tuple(p.hex() for p in audit_tree.proof_between(old, size, tree.mth))

    last = db.first(
        "SELECT change_to FROM evaluation_exports WHERE study_id = ?"
        " ORDER BY sequence DESC LIMIT 1",
        (study_id,),
    )
    old = 0 if last is None else int(last[0])
    restored = tuple(  # restores the evaluator has not acknowledged, said under the signature
        Restored(f.restored, f.lost, f.witnessed, f.at, f.tag, proof(f.restored.size))
        for f in stated_forks(
            [f for f in unacknowledged_forks(db, study_id, size) if f.restored.size <= size]
        )
    )
    extends = tuple(
        Extends(Head(k, tree.mth(0, k).hex()), proof(k))
        for k in _maybe_held(db, study_id)
        if 0 < k <= size and k != old
    )
    if last is None or old > size:  # a log now shorter than the bundle before: refused
        return AuditClaim(head, None, (), restored, extends)
    return AuditClaim(head, Head(old, tree.mth(0, old).hex()), proof(old), restored, extends)


def _maybe_held(db: Database, study_id: str) -> list[int]:
    """The sizes of the heads the evaluator may hold as this journal's newest: the newest
    receipted bundle's (the evaluator surely holds it) and every bundle's after it (their
    receipts may not have come back yet), the newest MAX_EXTENDS - 1 of those."""
    receipted = db.first(
        "SELECT sequence, change_to FROM evaluation_exports WHERE study_id = ? AND delivered_at"
        " IS NOT NULL ORDER BY sequence DESC LIMIT 1",
        (study_id,),
    )
    after = db.tuples(
        "SELECT change_to FROM evaluation_exports WHERE study_id = ? AND sequence > ?"
        " ORDER BY sequence DESC LIMIT ?",
        (study_id, 0 if receipted is None else int(receipted[0]), MAX_EXTENDS - 1),
    )
    sizes = {int(r[0]) for r in after} | ({int(receipted[1])} if receipted else set())
    return sorted(sizes)


def stated_forks(forks: list[audit_forks.Fork]) -> list[audit_forks.Fork]:
    """The restores a bundle states, at most MAX_RESTORES: the oldest (its restore point is the
    furthest back, so it covers every head the evaluator may have lost since the last receipt)
    and the newest after it (closer restore points, so the evaluator sets aside no more than it
    must). Many restores without a receipt (a laptop moved again and again) still import."""
    if len(forks) <= MAX_RESTORES:
        return forks
    return [forks[0], *forks[len(forks) - MAX_RESTORES + 1 :]]


def unacknowledged_forks(
    db: Database, study_id: str, size: int | None = None
) -> list[audit_forks.Fork]:
    """Restores after the study's last bundle that came back with a receipt: each bundle says
    them again until one that did arrives (a bundle lost on the way must not hide them)."""
    acknowledged = db.scalar(
        "SELECT change_to FROM evaluation_exports WHERE study_id = ? AND delivered_at IS NOT NULL"
        " ORDER BY sequence DESC LIMIT 1",
        (study_id,),
    )
    return audit_forks.forks(db, 0 if acknowledged is None else int(acknowledged), size)


def parse(data: bytes) -> AuditClaim:
    """The bundle's claim, if it is well formed and its proofs hold; BundleRejected otherwise."""
    try:
        raw = json.loads(data)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError
        version = raw.get("version")
        if version not in _PARTS or _PARTS[version] != {"restored", "extends"} & set(raw):
            raise ValueError
        head = Head.from_json(raw["head"])
        previous = None if raw["previous"] is None else Head.from_json(raw["previous"])
        proof = raw["consistency"]
        _hashes(proof)
        statements = raw.get("restored", [])
        if (
            not isinstance(statements, list)
            or len(statements) > MAX_RESTORES
            or (version == 2 and not statements)
        ):
            raise ValueError
        restored = tuple(_restored(r) for r in statements)
        heads = raw.get("extends", [])
        if not isinstance(heads, list) or len(heads) > MAX_EXTENDS:
            raise ValueError
        extends = tuple(_extends(e) for e in heads)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise keyed(BundleRejected, "samjournal_audit_json_malformed") from exc
    for r in restored:
        if not _holds(r.restored, head, r.proof):
            raise keyed(
                BundleRejected,
                "bundle_says_journal_restored",
                short=str(r.restored.short()),
                short2=str(head.short()),
            )
    for e in extends:
        if not _holds(e.head, head, e.proof):
            raise keyed(
                BundleRejected,
                "bundle_proof_from_head_fails",
                short=str(e.head.short()),
                short2=str(head.short()),
            )
    if previous is not None and not _holds(previous, head, tuple(proof)):
        raise keyed(
            BundleRejected,
            "bundle_audit_log_does",
            short=str(previous.short()),
            short2=str(head.short()),
        )
    return AuditClaim(head, previous, tuple(proof), restored, extends, int(version))


def _holds(old: Head, head: Head, proof: tuple[str, ...]) -> bool:
    """Whether `proof` shows the log at `head` extends `old` (a head of size 0 is the empty
    tree's, whatever root it names)."""
    if old.size == 0 and old.root != audit_tree.EMPTY_ROOT.hex():
        return False
    return old.size <= head.size and audit_tree.verify_consistency(
        old.size,
        head.size,
        bytes.fromhex(old.root),
        bytes.fromhex(head.root),
        [bytes.fromhex(p) for p in proof],
    )


def _hashes(proof: object) -> list[bytes]:
    if not isinstance(proof, list) or len(proof) > MAX_PROOF:
        raise ValueError
    hashes = [bytes.fromhex(p) for p in proof if isinstance(p, str) and len(p) == 64]
    if len(hashes) != len(proof):
        raise ValueError
    return hashes


def _extends(raw: object) -> Extends:
    if not isinstance(raw, dict):
        raise ValueError
    proof = raw["consistency"]
    _hashes(proof)
    return Extends(Head.from_json(raw["from"]), tuple(proof))


def _restored(raw: object) -> Restored:
    if not isinstance(raw, dict) or not isinstance(raw.get("at"), str) or len(raw["at"]) > 40:
        raise ValueError
    tag = raw["tag"]
    if not isinstance(tag, str) or not _TAG.fullmatch(tag):
        raise ValueError
    lost, witnessed = raw["lost"], raw["witnessed"]
    proof = raw["consistency"]
    _hashes(proof)
    return Restored(
        Head.from_json(raw["from"]),
        None if lost is None else Head.from_json(lost),
        None if witnessed is None else Head.from_json(witnessed),
        raw["at"],
        tag,
        tuple(proof),
    )


def record_receipt(db: Database, receipt: Receipt) -> Said | None:
    """Keep the head a receipt hands back (inside the caller's transaction); what is wrong if
    the log does not extend it (cut or rewritten since the bundle was written)."""
    head = receipt.audit_head
    if head is None:
        return None
    where = said("receipt_for_bundle", sequence=receipt.sequence, study=receipt.study_id)
    record_witness(db, head, where)
    return problem(head, current_size(db), root_at(db, head.size), where)
