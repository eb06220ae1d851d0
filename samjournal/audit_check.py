"""`samjournal audit verify --witness`: the log recomputed and held against heads from outside.

A witness is a head string (as `samjournal audit head` prints it, or a report footer's short
form), a backup (its manifest holds the head, readable without a passphrase), an evaluator's
receipt (its signature checked with the study's receipt key), or a text file with a head in it.
The log's roots are recomputed from the events, never read from what is stored beside them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from samjournal import audit_heads
from samjournal.audit import ChainReport
from samjournal.audit_heads import Head
from samjournal.errors import BundleRejected
from samjournal.evaluation.receipts import verify_receipt
from samjournal.journal import Journal
from samjournal.messages import invalid, keyed


@dataclass(frozen=True, slots=True)
class Witness:
    head: Head
    what: str  # where the head came from, for the report


@dataclass(frozen=True, slots=True)
class Verdict:
    report: ChainReport
    witnesses: tuple[Witness, ...]
    problems: tuple[str, ...]  # the chain's and tree's, then each witness's

    @property
    def ok(self) -> bool:
        return not self.problems


def witness(journal: Journal, given: str) -> Witness:
    """The head in `given`: a file (backup, receipt, text) when one is there, else a head."""
    path = Path(given)
    if not path.is_file():
        return Witness(audit_heads.parse(given), "oppgitt hode")
    kind, data = audit_heads.read_witness(path)
    if kind == "backup":
        return Witness(audit_heads.from_backup(path), f"sikkerhetskopien {path.name}")
    if kind == "receipt":
        return Witness(_receipt_head(journal, data), f"kvitteringen {path.name}")
    try:
        return Witness(audit_heads.parse(data.decode("utf-8")), f"filen {path.name}")
    except UnicodeDecodeError as exc:
        raise invalid("witness", "neither_head_nor_receipt", name=str(path.name)) from exc


def _receipt_head(journal: Journal, data: bytes) -> Head:
    """The head in a receipt whose signature holds (NotFound for a study not in the journal)."""
    try:
        study_id = str(json.loads(json.loads(data)["receipt"])["study_id"])
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise keyed(BundleRejected, "file_samjournal_receipt") from exc
    receipt = verify_receipt(data, journal.evaluation.profile(study_id).receipt_public_key())
    if receipt.audit_head is None:
        raise invalid("witness", "receipt_from_before_log")
    return receipt.audit_head


def verify(journal: Journal, witnesses: list[Witness]) -> Verdict:
    """Recompute the chain and the tree (O(n)) and hold the log against every witness."""
    report = journal.verify_audit(frozenset(w.head.size for w in witnesses))
    problems = list(report.problems)
    roots = report.roots or {}
    for w in witnesses:
        found = audit_heads.problem(w.head, report.events, roots.get(w.head.size), w.what)
        if found is not None:
            problems.append(found)
    return Verdict(report, tuple(witnesses), tuple(problems))
