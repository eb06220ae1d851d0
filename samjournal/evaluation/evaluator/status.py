"""`evaluator status`: journals registered or seen, their sites, keys and sequences, gaps, forks,
counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from samjournal.evaluation.evaluator import forget, forks, on_top, witness
from samjournal.evaluation.evaluator.merge import ranges, sequence_problems
from samjournal.evaluation.evaluator.refusals import blocked
from samjournal.evaluation.evaluator.senders import senders
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.sql import tuples
from samjournal.messages import Said
from samjournal.store import Database

ALARM = "  ! "  # a line to show in red (the command line colours it on a terminal)
HOW = {
    "registered": "registrert",
    "first_use": "stolt på ved første bruk (før registrering fantes; gjelder ikke lenger)",
    "explicit": "stolt på med --trust-new-key (før registrering fantes; gjelder ikke lenger)",
}


@dataclass(frozen=True, slots=True)
class JournalStatus:
    journal_id: str
    site: str  # "" when not registered: its bundles are refused
    keys: tuple[tuple[str, str, str], ...]  # key id, fingerprint, how trusted
    sequences: str  # "1-4, 6"
    bundles: int
    last_import: str
    counts: dict[str, int]
    tombstones: int
    problems: tuple[str, ...]
    audit_head: str = ""  # the newest head of its audit log witnessed here
    # restores it stated (waiting, decided, dropped) and withdrawals that set bundles aside: red
    forks: tuple[Said, ...] = ()
    blocked: Said | None = None  # its last bundle was refused (and none stored since): why


@dataclass(frozen=True, slots=True)
class Status:
    study_id: str
    study_name: str
    fingerprint: str
    journals: tuple[JournalStatus, ...]
    totals: dict[str, int] = field(default_factory=dict)
    last_import: str = ""

    def lines(self, language: str = "nb") -> list[str]:
        """Bokmål, but for the alarms, which are messages by key in `language`."""
        out = [
            f"Studie {self.study_id}: {self.study_name}",
            f"  fingeravtrykk {self.fingerprint}",
            f"  journaler: {len(self.journals)}; siste import: {self.last_import or 'aldri'}",
            "  totalt: " + ", ".join(f"{t} {n}" for t, n in self.totals.items()),
        ]
        for j in self.journals:
            out.append(f"Journal {j.journal_id}: {j.site or 'IKKE REGISTRERT (pakker avvises)'}")
            for key_id, fingerprint, how in j.keys:
                out.append(f"  nøkkel {key_id} ({fingerprint}): {HOW[how]}")
            out.append(
                f"  pakker: {j.bundles} (nummer {j.sequences or '-'});"
                f" siste import {j.last_import or 'aldri'}"
            )
            out.append(
                "  rader: "
                + ", ".join(f"{t} {n}" for t, n in j.counts.items())
                + f"; gravsteiner {j.tombstones}"
            )
            if j.audit_head:
                out.append(f"  revisjonslogg bevitnet: {j.audit_head}")
            out.extend(f"  merk: {p}" for p in j.problems)
            if j.blocked is not None:
                out.append(f"{ALARM}{j.blocked.words(language)}")
            out.extend(f"{ALARM}{f.words(language)}" for f in j.forks)
        return out


def status(ws: Workspace) -> Status:
    db = ws.db
    tables = ["households", *ws.profile.policy.tables]
    journals = []
    for sender in senders(ws):
        journal_id = sender.journal_id
        seqs = sorted(
            {
                int(r[0])
                for r in tuples(
                    db, "SELECT sequence FROM bundles WHERE journal_id = ?", (journal_id,)
                )
            }
        )
        counts = dict.fromkeys(tables, 0)
        for entity, n in tuples(
            db,
            "SELECT entity, count(*) FROM records WHERE journal_id = ? GROUP BY entity",
            (journal_id,),
        ):
            counts[entity] = int(n)
        journals.append(
            JournalStatus(
                journal_id=journal_id,
                site=sender.site,
                keys=tuple((k.key_id, k.fingerprint, k.how) for k in sender.keys),
                sequences=", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges(seqs)),
                bundles=int(
                    db.scalar("SELECT count(*) FROM bundles WHERE journal_id = ?", (journal_id,))
                ),
                last_import=str(
                    db.scalar(
                        "SELECT max(imported_at) FROM bundles WHERE journal_id = ?", (journal_id,)
                    )
                    or ""
                ),
                counts=counts,
                tombstones=int(
                    db.scalar("SELECT count(*) FROM tombstones WHERE journal_id = ?", (journal_id,))
                ),
                problems=tuple(sequence_problems(ws, journal_id)),
                audit_head=_witnessed(db, journal_id),
                forks=(
                    *(f.line() for f in forks.forks(db, journal_id)),
                    *(f.line() for f in forget.forgotten(db, journal_id)),
                    *(w.line() for w in on_top.withdrawals(db, journal_id)),
                ),
                blocked=_blocked(db, journal_id),
            )
        )
    totals = dict.fromkeys(tables, 0)
    for j in journals:
        for t, n in j.counts.items():
            totals[t] = totals.get(t, 0) + n
    return Status(
        study_id=ws.profile.id,
        study_name=ws.profile.name,
        fingerprint=ws.profile.fingerprint,
        journals=tuple(journals),
        totals=totals,
        last_import=str(db.scalar("SELECT max(imported_at) FROM bundles") or ""),
    )


def _blocked(db: Database, journal_id: str) -> Said | None:
    row = db.first(
        "SELECT sequence, at, message FROM audit_refusals WHERE journal_id = ?", (journal_id,)
    )
    if row is None:
        return None
    line = blocked(int(row[0]), str(row[1]), str(row[2]))
    why = line.params["why"]
    # a restore held for the evaluator's decision is shown as that (forks.Fork.line)
    return None if isinstance(why, Said) and why.key == "journal_restored_from_older" else line


def _witnessed(db: Database, journal_id: str) -> str:
    head = witness.newest(db, journal_id)
    return f"Logg {head.short()}" if head else ""
