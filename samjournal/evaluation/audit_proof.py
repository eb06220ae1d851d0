"""The audit head a bundle carries, with a consistency proof from the previous bundle's head.

`samjournal-audit.json`, a tag file of the bag (so the journal's signature covers it):

    {"format": "samjournal-audit", "version": 1,
     "head": {"size": n, "root": hex, "at": iso},          the log at the bundle's change_to
     "previous": {"size": m, "root": hex, "at": ""} | null, the previous bundle's head, as the log
                                                           holds it now
     "consistency": [hex, ...]}                            RFC 9162 PROOF(m, D[n])

The evaluator checks the proof (RFC 9162 §2.1.4.2) and that `previous` is the head it recorded
from that bundle: a journal that rewrote or cut its log since cannot make both hold. Only
hashes travel: no event, no count of anything but events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from samjournal import audit_tree
from samjournal.audit import StoredTree
from samjournal.audit_heads import Head, current_size, now, problem, record_witness, root_at
from samjournal.errors import BundleRejected
from samjournal.evaluation.receipts import Receipt
from samjournal.messages import keyed
from samjournal.store import Database

AUDIT_FILE = "samjournal-audit.json"
FORMAT = "samjournal-audit"
MAX_PROOF = 128  # a proof has at most about 2·log2(n) hashes


@dataclass(frozen=True, slots=True)
class AuditClaim:
    """What a bundle says of the journal's log, its proof already checked."""

    head: Head
    previous: Head | None
    proof: tuple[str, ...]

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": 1,
            "head": self.head.to_json(),
            "previous": self.previous.to_json() if self.previous else None,
            "consistency": list(self.proof),
        }
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
    if last is None or int(last[0]) > size:
        return AuditClaim(head, None, ())  # a log now shorter than the bundle before: refused
    old = int(last[0])
    proof = tuple(p.hex() for p in audit_tree.proof_between(old, size, tree.mth))
    return AuditClaim(head, Head(old, tree.mth(0, old).hex()), proof)


def parse(data: bytes) -> AuditClaim:
    """The bundle's claim, if it is well formed and its proof holds; BundleRejected otherwise."""
    try:
        raw = json.loads(data)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("version") != 1:
            raise ValueError
        head = Head.from_json(raw["head"])
        previous = None if raw["previous"] is None else Head.from_json(raw["previous"])
        proof = raw["consistency"]
        if not isinstance(proof, list) or len(proof) > MAX_PROOF:
            raise ValueError
        hashes = [bytes.fromhex(p) for p in proof if isinstance(p, str) and len(p) == 64]
        if len(hashes) != len(proof):
            raise ValueError
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise keyed(BundleRejected, "samjournal_audit_json_malformed") from exc
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
    return AuditClaim(head, previous, tuple(proof))


def record_receipt(db: Database, receipt: Receipt) -> str | None:
    """Keep the head a receipt hands back (inside the caller's transaction); what is wrong if
    the log does not extend it (cut or rewritten since the bundle was written)."""
    head = receipt.audit_head
    if head is None:
        return None
    where = f"kvittering for pakke {receipt.sequence} til studien {receipt.study_id}"
    record_witness(db, head, where)
    return problem(head, current_size(db), root_at(db, head.size), where)
