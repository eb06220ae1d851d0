"""`evaluator status`: journals registered or seen, their sites, keys and sequences, gaps, forks,
counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from samjournal.evaluation.evaluator import forget, forks, on_top, readmit, witness
from samjournal.evaluation.evaluator.merge import NOT_SUPERSEDED, ranges, sequence_problems
from samjournal.evaluation.evaluator.refusals import foreign, refused_line
from samjournal.evaluation.evaluator.senders import senders
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.sql import tuples
from samjournal.messages import Said, said, text
from samjournal.store import Database

ALARM = "  ! "  # a line to show in red (the command line colours it on a terminal)
# How a journal's key came to be trusted (senders.Key.how), by its message key.
HOW = {
    "registered": "status_key_registered",
    "first_use": "status_key_first_use",
    "explicit": "status_key_explicit",
}


@dataclass(frozen=True, slots=True)
class JournalStatus:
    journal_id: str
    site: str  # "" when not registered: its bundles are refused
    keys: tuple[tuple[str, str, str], ...]  # key id, fingerprint, how trusted
    sequences: str  # "1-4, 6"
    bundles: int  # in use: not those a restore's full bundle set aside
    last_import: str
    counts: dict[str, int]
    tombstones: int
    problems: tuple[str, ...]
    audit_head: str = ""  # the newest head of its audit log witnessed here
    # restores it stated (waiting, decided, dropped) and withdrawals that set bundles aside: red
    forks: tuple[Said, ...] = ()
    # its last refused bundle (none stored since): why, and whether the journal is blocked
    blocked: Said | None = None
    set_aside: tuple[int, ...] = ()  # numbers of the bundles set aside after a restore


@dataclass(frozen=True, slots=True)
class Status:
    study_id: str
    study_name: str
    fingerprint: str
    journals: tuple[JournalStatus, ...]
    totals: dict[str, int] = field(default_factory=dict)
    last_import: str = ""

    def lines(self, language: str = "nb") -> list[str]:
        """The status in `language` ("nb" or "en"); alarms start with ALARM."""

        def say(key: str, **params: object) -> str:
            return text(key, params, language)

        never = say("status_never")
        out = [
            say("status_study", id=self.study_id, name=self.study_name),
            say("status_fingerprint", fingerprint=self.fingerprint),
            say("status_journals", count=len(self.journals), last=self.last_import or never),
            say("status_totals", rows=", ".join(f"{t} {n}" for t, n in self.totals.items())),
        ]
        for j in self.journals:
            out.append(f"Journal {j.journal_id}: {j.site or say('status_not_registered')}")
            for key_id, fingerprint, how in j.keys:
                trusted = say(HOW[how])
                out.append(say("status_key", key_id=key_id, fingerprint=fingerprint, how=trusted))
            out.append(
                say(
                    "status_bundles",
                    count=j.bundles,
                    sequences=j.sequences or "-",
                    last=j.last_import or never,
                )
            )
            if j.set_aside:
                spans = _spans(j.set_aside)
                out.append(say("status_set_aside", count=len(j.set_aside), sequences=spans))
            rows = ", ".join(f"{t} {n}" for t, n in j.counts.items())
            out.append(say("status_rows", rows=rows, tombstones=j.tombstones))
            if j.audit_head:
                out.append(say("status_witnessed", head=j.audit_head))
            out.extend(say("import_note", note=p) for p in j.problems)
            if j.blocked is not None:
                out.append(f"{ALARM}{j.blocked.words(language)}")
            out.extend(f"{ALARM}{f.words(language)}" for f in j.forks)
        return out


def _spans(numbers: Iterable[int]) -> str:
    """Bundle numbers as runs: "1-4, 6"."""
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges(sorted(set(numbers))))


def status(ws: Workspace) -> Status:
    db = ws.db
    tables = ["households", *ws.profile.policy.tables]
    journals = []
    for sender in senders(ws):
        journal_id = sender.journal_id
        # A restore's full bundle sets the lost ones aside, and numbers go on from the
        # restored export log: the numbers in use and those set aside are told apart.
        used: list[int] = []
        aside: list[int] = []
        for sequence, in_use in tuples(
            db,
            f"SELECT sequence, {NOT_SUPERSEDED} FROM bundles WHERE journal_id = ?"
            " ORDER BY sequence",
            (journal_id,),
        ):
            (used if in_use else aside).append(int(sequence))
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
                sequences=_spans(used),
                bundles=len(used),
                set_aside=tuple(aside),
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
                    *_fork_lines(db, journal_id),
                    *(f.line() for f in forget.forgotten(db, journal_id)),
                    *(w.line() for w in on_top.withdrawals(db, journal_id)),
                    *readmit.status_lines(db, journal_id, ws.profile.id),
                    *filter(None, [on_top.freed(db, journal_id), foreign(db, journal_id)]),
                ),
                blocked=_refused(db, journal_id, used),
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


def _refused(db: Database, journal_id: str, in_use: list[int]) -> Said | None:
    row = db.first(
        "SELECT sequence, at, message FROM audit_refusals WHERE journal_id = ?", (journal_id,)
    )
    if row is None:
        return None
    line = refused_line(int(row[0]), str(row[1]), str(row[2]), in_use)
    why = line.params["why"]
    # a restore held for the evaluator's decision is shown as that (forks.Fork.line)
    return None if isinstance(why, Said) and why.key == "journal_restored_from_older" else line


def _witnessed(db: Database, journal_id: str) -> str:
    head = witness.newest(db, journal_id)
    return said("cli_audit_head", head=head.short()) if head else ""


def _fork_lines(db: Database, journal_id: str) -> list[Said]:
    """Each restore the journal stated; one waiting that repeats a dropped refusal says so."""
    lines = []
    for fork in forks.forks(db, journal_id):
        lines.append(fork.line())
        echo = forget.echoed(db, journal_id, fork.restored, fork.lost) if fork.waiting else None
        if echo is not None:
            lines.append(forget.echo_line(echo, fork.tag))
    return lines
