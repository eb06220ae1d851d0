"""Measure the journal's everyday operations, encrypted and on plain SQLite, and print a table.

Each operation runs through the same facade code on both sides (see `plain.py`): the encrypted
journal as a team lead unlocked with the real passphrase, and the plaintext copy through the same
store and sections. Figures are medians of several runs, encrypted and plain runs interleaved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from samjournal import demo
from samjournal.context import Context
from samjournal.folder import JournalFolder
from samjournal.journal import Journal
from samjournal.model import FamilyId, MeetingKind, NeedCategory, NeedDraft, PaymentDraft
from samjournal.money import Money
from samjournal.records.families import Families
from samjournal.records.meetings import Meetings, member, partner, staff
from samjournal.records.search import Search
from tests.bench.build import corpus, discard_working_copy, open_lead, working_copy
from tests.bench.plain import PlainContext, plain_unlock

READ_RATIO = 1.3
SAVE_RATIO = 1.6
SEARCHES = ("strøm", "leksehjelp matte")  # plus the name of the busiest family's contact

Timer = Callable[[], float]  # runs the operation once, returns the seconds it took


@dataclass(frozen=True)
class Row:
    operation: str
    secure_ms: float
    plain_ms: float
    goal_ms: float | None = None
    read: bool = False  # reads must also stay within READ_RATIO
    max_ratio: float | None = None  # a write's own ratio goal

    @property
    def ratio(self) -> float:
        return self.secure_ms / self.plain_ms if self.plain_ms else float("inf")

    @property
    def verdict(self) -> str:
        if self.goal_ms is None:
            return "—"
        ratio = READ_RATIO if self.read else self.max_ratio
        ok = self.secure_ms < self.goal_ms and (ratio is None or self.ratio < ratio)
        return "PASS" if ok else "MISS"

    @property
    def goal(self) -> str:
        if self.goal_ms is None:
            return "—"
        ratio = READ_RATIO if self.read else self.max_ratio
        return f"< {self.goal_ms:.0f} ms" + (f", < {ratio}x" if ratio else "")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def compare(secure: Timer, plain: Timer, runs: int) -> tuple[float, float]:
    """Median milliseconds of each, the runs interleaved so both see the same machine."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(secure())
        b.append(plain())
    return statistics.median(a) * 1000, statistics.median(b) * 1000


@dataclass
class Side:
    """One journal to measure: how to unlock it, and how to get a fresh connection."""

    unlock: Callable[[], Context]
    fresh: Callable[[], Context]
    ctx: Context  # the warm session most operations use


def sides(journal_path: Path, plain_path: Path) -> tuple[Side, Side, Journal]:
    lead = open_lead(journal_path)
    key, user, db_path = lead._ctx.data_key, lead.user, lead._ctx.db.path

    def unlock_secure() -> Context:
        return Journal.open(journal_path, demo.DEMO_LEAD[0], demo.DEMO_PASSPHRASE)._ctx

    secure = Side(unlock_secure, lambda: Context(db_path, key, user), lead._ctx)
    plain = Side(
        lambda: plain_unlock(plain_path, user.username),
        lambda: PlainContext(plain_path, user),
        PlainContext(plain_path, user),
    )
    return secure, plain, lead


def busiest(lead: Journal) -> tuple[FamilyId, str, str]:
    """The family with the most payments: its id, its size, and its contact's name."""
    row = lead._ctx.db.first(
        "SELECT family_id, count(*) AS n FROM payments GROUP BY family_id ORDER BY n DESC LIMIT 1"
    )
    assert row is not None, "the benchmark journal has no payments"
    detail = lead.families.open(FamilyId(row["family_id"]))
    size = f"{len(detail.meetings)} møter, {len(detail.payments)} utbetalinger"
    return detail.family.id, size, detail.members[0].name


def measure(secure: Side, plain: Side, lead: Journal, runs: int) -> list[Row]:
    rows: list[Row] = []

    def closing(unlock: Callable[[], Context]) -> Timer:
        def run() -> float:
            start = time.perf_counter()
            ctx = unlock()
            took = time.perf_counter() - start
            ctx.close()
            return took

        return run

    folder = JournalFolder(lead.path)
    slot = timed(lambda: folder.keyring().unlock(demo.DEMO_LEAD[0], demo.DEMO_PASSPHRASE)) * 1000
    s, p = compare(closing(secure.unlock), closing(plain.unlock), max(3, runs // 2))
    rows.append(Row(f"unlock (of which key slot {slot:.0f} ms)", s, p))

    def cold(side: Side) -> Timer:
        def run() -> float:
            ctx = side.fresh()
            ctx.db.scalar("SELECT 1")  # connect and key untimed: this is about reading pages
            took = timed(Families(ctx).case_list)
            ctx.close()
            return took

        return run

    s, p = compare(cold(secure), cold(plain), runs)
    rows.append(Row("case list, first after unlock", s, p, 100, read=True))
    s, p = compare(
        lambda: timed(Families(secure.ctx).case_list),
        lambda: timed(Families(plain.ctx).case_list),
        runs,
    )
    count = len(Families(secure.ctx).case_list())
    rows.append(Row(f"case list, again ({count} families)", s, p, 100, read=True))

    family, what, name = busiest(lead)
    s, p = compare(
        lambda: timed(lambda: Families(secure.ctx).open(family)),
        lambda: timed(lambda: Families(plain.ctx).open(family)),
        runs,
    )
    rows.append(Row(f"open one family ({what})", s, p, 20, read=True))

    def search(ctx: Context, words: str) -> Timer:
        return lambda: timed(lambda: Search(ctx)(words))

    for words in (*SEARCHES, name):
        s, p = compare(search(secure.ctx, words), search(plain.ctx, words), runs)
        hits = len(Search(secure.ctx)(words))
        rows.append(Row(f"search «{words}» ({hits} treff)", s, p, 30, read=True))

    s, p = compare(lambda: save(secure.ctx, family), lambda: save(plain.ctx, family), runs * 2)
    # With the audit tree maintained on both sides (issue 13): within SAVE_RATIO of plain SQLite.
    rows.append(Row("save a meeting (+ need, payment)", s, p, 20, max_ratio=SAVE_RATIO))
    return rows


def save(ctx: Context, family: FamilyId) -> float:
    detail = Families(ctx).open(family)  # not timed: the form is already on screen
    first = detail.members[0].id
    meetings = Meetings(ctx)
    return timed(
        lambda: meetings.record(
            family,
            dt.datetime.now(dt.UTC),
            MeetingKind.HOME_VISIT,
            place="Hjemme hos familien",
            family_words="Det går bedre nå. Vi har betalt strømregningen, og barna trives.",
            agreed="Kommunen dekker fotballsko. Neste møte om tre uker.",
            participants=[staff(ctx.user.id), member(first), partner("NAV")],
            needs=[NeedDraft("Fotballsko til den yngste", NeedCategory.LEISURE)],
            payments=[PaymentDraft(Money.kr(900), "Fotballsko", draft_need=0)],
        )
    )


def table(rows: list[Row]) -> str:
    width = max(len(r.operation) for r in rows)
    head = f"{'operation':<{width}}  {'SamJournal':>10}  {'plain':>9}  {'ratio':>6}  {'goal':<17}"
    lines = [head + "  result", "-" * (len(head) + 8)]
    for r in rows:
        lines.append(
            f"{r.operation:<{width}}  {r.secure_ms:>7.1f} ms  {r.plain_ms:>6.1f} ms  "
            f"{r.ratio:>5.2f}x  {r.goal:<17}  {r.verdict}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--families", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=9, help="runs per figure (median)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached journal")
    args = parser.parse_args(argv)

    source = corpus(args.families, args.seed, rebuild=args.rebuild)
    if source.built_seconds is not None:
        print(f"Bygget på {source.built_seconds:.0f} s.")
    journal_path, plain_path = working_copy(source)
    secure, plain, lead = sides(journal_path, plain_path)
    try:
        size = (journal_path / "journal.db").stat().st_size / 2**20
        counts = {
            table_name: lead._ctx.db.scalar(f"SELECT count(*) FROM {table_name}")
            for table_name in ("families", "members", "meetings", "needs", "payments", "audit")
        }
        print(
            f"Journal: {size:.0f} MiB, "
            + ", ".join(f"{n} {t}" for t, n in counts.items())
            + f"; SQLCipher {lead._ctx.db.scalar('PRAGMA cipher_version')}"
            f" (SQLite {lead._ctx.db.scalar('SELECT sqlite_version()')}), {os.cpu_count()} CPU-er,"
            f" median av {args.runs} kjøringer\n"
        )
        print(table(measure(secure, plain, lead, args.runs)))
    finally:
        plain.ctx.close()
        lead.lock()
        discard_working_copy()
    return extras()


# The other benchmarks, each in its own module with a `main(argv) -> int`.
EXTRAS = (
    ("Rapporter", "reports_bench"),
    ("Skrivebordsklienten", "ui_bench"),
    ("Evalueringseksport", "export_bench"),
    ("Revisjonsloggen", "audit_bench"),
)


def extras() -> int:
    worst = 0
    for title, name in EXTRAS:
        try:
            module = importlib.import_module(f"tests.bench.{name}")
        except ImportError as exc:
            print(f"\n{title}: hoppet over ({exc})")
            continue
        print(f"\n{title}:")
        main = module.main
        worst = max(worst, main() if name == "reports_bench" else main([]))
    return worst
