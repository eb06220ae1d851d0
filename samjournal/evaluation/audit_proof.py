"""The audit head a bundle carries, with a consistency proof from the previous bundle's head.

`samjournal-audit.json`, a tag file of the bag (so the journal's signature covers it):

    {"format": "samjournal-audit", "version": 1,
     "head": {"size": n, "root": hex, "at": iso},          the log at the bundle's change_to
     "previous": {"size": m, "root": hex, "at": ""} | null, the previous bundle's head, as the log
                                                           holds it now
     "consistency": [hex, ...],                            RFC 9162 PROOF(m, D[n])
     "restored": [{"from": head, "lost": head | null,      version 2 only: each restore no
                   "witnessed": head | null, "at": iso,    receipt has acknowledged yet
                   "tag": hex (random, tells restores      (audit_forks.py), with
                   apart), "consistency": [hex, ...]}]}    PROOF(from, D[n])

A restore from an older backup goes back to the backup's head (`from`): the events after it,
up to `lost` (how far the replaced journal had come) and any head witnessed there (`witnessed`)
are gone, and the journal says so here, under its signature, in its next bundle to each study.
The evaluator refuses the bundle, shows the statement and takes the journal on from `from` only
by an explicit decision (evaluator/witness.py). A rewritten log carries no such statement.

The evaluator checks the proof (RFC 9162 §2.1.4.2) and that `previous` is the head it recorded
from that bundle: a journal that rewrote or cut its log since cannot make both hold. Only
hashes travel: no event, no count of anything but events.
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
MAX_PROOF = 128  # a proof has at most about 2·log2(n) hashes
MAX_RESTORES = 16  # restores stated in one bundle
_TAG = re.compile(r"[0-9a-f]{16}")


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

    def words(self) -> str:
        lost = f" (journalen var kommet til {self.lost.short()})" if self.lost else ""
        return f"gjenopprettet {self.at} fra hodet {self.restored.short()}{lost}"


@dataclass(frozen=True, slots=True)
class AuditClaim:
    """What a bundle says of the journal's log, its proofs already checked."""

    head: Head
    previous: Head | None
    proof: tuple[str, ...]
    restored: tuple[Restored, ...] = ()

    def to_bytes(self) -> bytes:
        body: dict[str, object] = {
            "format": FORMAT,
            "version": 2 if self.restored else 1,
            "head": self.head.to_json(),
            "previous": self.previous.to_json() if self.previous else None,
            "consistency": list(self.proof),
        }
        if self.restored:
            body["restored"] = [r.to_json() for r in self.restored]
        return (json.dumps(body, indent=2) + "\n").encode("ascii")


def for_export(db: Database, study_id: str, size: int) -> AuditClaim:
    """The head at `size` events and the proof from the study's previous bundle's head (inside
    the export's transaction), read from the stored subtree roots: O(log² n) lookups."""
    size = min(size, current_size(db))
    tree = StoredTree(db)
    head = Head(size, tree.mth(0, size).hex(), now())
    last = db.first(
        "SELECT change_to FROM evaluation_exports WHERE study_id = ?"
        " ORDER BY sequence DESC LIMIT 1",
        (study_id,),
    )
    old = 0 if last is None else int(last[0])
    restored = tuple(  # restores the evaluator has not acknowledged, said under the signature
        Restored(
            f.restored,
            f.lost,
            f.witnessed,
            f.at,
            f.tag,
            tuple(p.hex() for p in audit_tree.proof_between(f.restored.size, size, tree.mth)),
        )
        for f in unacknowledged_forks(db, study_id, size)
        if f.restored.size <= size
    )
    if last is None or old > size:  # a log now shorter than the bundle before: refused
        return AuditClaim(head, None, (), restored)
    proof = tuple(p.hex() for p in audit_tree.proof_between(old, size, tree.mth))
    return AuditClaim(head, Head(old, tree.mth(0, old).hex()), proof, restored)


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
    """The bundle's claim, if it is well formed and its proof holds; BundleRejected otherwise."""
    try:
        raw = json.loads(data)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError
        version = raw.get("version")
        if version not in (1, 2) or (version == 2) != ("restored" in raw):
            raise ValueError
        head = Head.from_json(raw["head"])
        previous = None if raw["previous"] is None else Head.from_json(raw["previous"])
        proof = raw["consistency"]
        hashes = _hashes(proof)
        statements = raw.get("restored", [])
        if (
            not isinstance(statements, list)
            or len(statements) > MAX_RESTORES
            or (version == 2 and not statements)
        ):
            raise ValueError
        restored = tuple(_restored(r) for r in statements)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise keyed(BundleRejected, "samjournal_audit_json_malformed") from exc
    for r in restored:
        if r.restored.size > head.size or not audit_tree.verify_consistency(
            r.restored.size,
            head.size,
            bytes.fromhex(r.restored.root),
            bytes.fromhex(head.root),
            [bytes.fromhex(p) for p in r.proof],
        ):
            raise keyed(
                BundleRejected,
                "bundle_says_journal_restored",
                short=str(r.restored.short()),
                short2=str(head.short()),
            )
    if previous is not None and not audit_tree.verify_consistency(
        previous.size,
        head.size,
        bytes.fromhex(previous.root),
        bytes.fromhex(head.root),
        hashes,
    ):
        raise keyed(
            BundleRejected,
            "bundle_audit_log_does",
            short=str(previous.short()),
            short2=str(head.short()),
        )
    return AuditClaim(head, previous, tuple(proof), restored)


def _hashes(proof: object) -> list[bytes]:
    if not isinstance(proof, list) or len(proof) > MAX_PROOF:
        raise ValueError
    hashes = [bytes.fromhex(p) for p in proof if isinstance(p, str) and len(p) == 64]
    if len(hashes) != len(proof):
        raise ValueError
    return hashes


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
