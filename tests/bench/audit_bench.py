"""`audit verify` of a 400,000-event log, beside the same verification on plain SQLite.

The journal is a real encrypted one whose log holds 400,000 events (written in bulk through the
same chain and tree code an append uses, then cached under var/bench/audit). Verifying recomputes
every chain HMAC, every leaf and the Merkle root and holds the log against a witnessed head (the
head at half its size). Goal: under 5 s. Also measured: one more event appended to that log (the
tree's right edge keeps it O(log n)).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path

from samjournal import audit, audit_check, audit_heads, mark
from samjournal.audit_tree import leaf_hash
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.store import Database
from tests.bench.account import fresh_account
from tests.bench.plain import PlainDatabase, export_plain

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "var" / "bench" / "audit"
EVENTS = 400_000
USER, PASS = "bench", "benchmark revisjon 1"
GOAL_S = 5.0
RUNS = 3


def _build(target: Path, events: int) -> None:
    journal = Journal.create(
        target, username=USER, display_name="Bench Leder", passphrase=PASS, cost=TEST_COST
    ).journal
    db = journal._ctx.db
    key = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
    with db.transaction():
        last = db.first("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        assert last is not None
        seq, prev = int(last[0]), str(last[1])
        tree = audit.frontier(db, seq)
        rows = []
        for n in range(seq + 1, events + 1):
            fields = (
                n,
                f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00",
                USER,
                "view",
                "family",
                str(n % 2000),
                n % 2000,
                "",
            )
            prev = audit._row_hash(key, prev, fields)
            tree = tree.append(leaf_hash(bytes.fromhex(prev)))
            rows.append((*fields, prev, tree.root(), tree.peaks[-1]))
        db.executemany(
            "INSERT INTO audit (seq, at, username, action, entity, entity_id, family_id, detail,"
            " hash, root, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        audit._store(db, tree)
    mark.Marker.for_db(db).write(mark.current(db), durable=True)
    journal.lock()


def _source(rebuild: bool) -> Path:
    source = WORK / f"journal-{EVENTS}"
    if rebuild and source.exists():
        shutil.rmtree(source)
    if not source.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        partial = WORK / "partial"
        shutil.rmtree(partial, ignore_errors=True)
        started = time.perf_counter()
        _build(partial, EVENTS)
        partial.rename(source)
        print(f"Bygget {EVENTS} hendelser på {time.perf_counter() - started:.0f} s.")
    return source


def run(rebuild: bool = False) -> list[tuple[str, float, float, str]]:
    source = _source(rebuild)
    copy = WORK / "working"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(source, copy)
    fresh_account(copy)
    plain_path = WORK / "plain.db"
    plain_path.unlink(missing_ok=True)
    journal = Journal.open(copy, USER, PASS)
    try:
        size = journal.audit_tree_head().size
        db = journal._ctx.db
        half = audit_heads.Head(
            size // 2,
            bytes(db.first("SELECT root FROM audit WHERE seq = ?", (size // 2,))[0]).hex(),
        )
        witness = [audit_check.Witness(half, "halvveis")]
        export_plain(journal, plain_path)
        key = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
        secure, plain = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            verdict = audit_check.verify(journal, witness)
            secure.append(time.perf_counter() - started)
            assert verdict.ok, verdict.problems
            other = PlainDatabase(plain_path)
            try:
                started = time.perf_counter()
                report = audit.AuditLog(key).verify(other, frozenset({half.size}))
                plain.append(time.perf_counter() - started)
                assert report.ok
            finally:
                other.close()
        appends_s, appends_p = [], []
        other = PlainDatabase(plain_path)
        try:
            for _ in range(20):
                appends_s.append(_append(journal._ctx.db, key))
                appends_p.append(_append(other, key))
        finally:
            other.close()
    finally:
        journal.lock()
        shutil.rmtree(copy, ignore_errors=True)
        plain_path.unlink(missing_ok=True)
    verify_s, verify_p = statistics.median(secure), statistics.median(plain)
    verdict_text = "PASS" if verify_s < GOAL_S else "MISS"
    return [
        (
            f"audit verify, {size} hendelser, mot et vitne",
            verify_s,
            verify_p,
            f"< {GOAL_S:.0f} s  {verdict_text}",
        ),
        (
            "én hendelse til i den loggen (kjede + tre)",
            statistics.median(appends_s),
            statistics.median(appends_p),
            "—",
        ),
    ]


def _append(db: Database, key: bytes) -> float:
    log = audit.AuditLog(key)
    started = time.perf_counter()
    with db.transaction():
        log.append(db, USER, audit.Action.VIEW, "family", "1", 1)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    rows = run(rebuild="--rebuild" in args)
    for name, secure, plain, note in rows:
        ratio = secure / plain if plain else float("inf")
        unit, scale = ("s", 1.0) if secure >= 0.5 else ("ms", 1000.0)
        figures = f"{secure * scale:9.2f} {unit}  plain {plain * scale:8.2f} {unit}"
        print(f"{name:<48} {figures}  {ratio:5.2f}x  {note}")
    return 1 if any(note.endswith("MISS") for *_, note in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
