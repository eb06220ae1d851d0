"""The benchmark journal: built once under var/bench/ and rebuilt when missing or out of date."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from samjournal import demo
from samjournal.journal import Journal
from samjournal.store import SCHEMA_VERSION
from tests.bench.account import fresh_account
from tests.bench.plain import export_plain

REPO = Path(__file__).resolve().parents[2]
VAR = REPO / "var" / "bench"


@dataclass(frozen=True)
class Corpus:
    journal: Path  # the cached encrypted journal folder
    plain: Path  # its plaintext copy
    built_seconds: float | None  # None when the cache was used


def _stamp(families: int, seed: int) -> dict[str, object]:
    """What the cached journal was made from; any change means a rebuild."""
    demo = sorted((REPO / "samjournal" / "demo").glob("*.py"))
    schema = sorted((REPO / "samjournal" / "store" / "migrations").glob("*.sql"))
    return {
        "families": families,
        "seed": seed,
        "schema": SCHEMA_VERSION,
        "demo": _digest(demo),
        "migrations": _digest(schema),  # a migration edited in place also means a rebuild
    }


def _digest(paths: list[Path]) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()[:16]


def corpus(families: int, seed: int = 1, *, rebuild: bool = False) -> Corpus:
    home = VAR / f"f{families}-s{seed}"
    journal, plain, stamp_file = home / "journal", home / "plain.db", home / "stamp.json"
    stamp = _stamp(families, seed)
    fresh = not rebuild and plain.exists() and (journal / "journal.db").exists()
    if fresh and json.loads(stamp_file.read_text()) == stamp:
        return Corpus(journal, plain, None)
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    print(f"Bygger benchmark-journalen: {families} familier, frø {seed} (tar om lag et minutt) …")
    start = time.perf_counter()
    lead = demo.create_demo_journal(journal, families=families, seed=seed)  # real KDF cost
    try:
        export_plain(lead, plain)
    finally:
        lead.lock()
    stamp_file.write_text(json.dumps(stamp, indent=2))
    return Corpus(journal, plain, time.perf_counter() - start)


def working_copy(source: Corpus) -> tuple[Path, Path]:
    """Fresh copies to measure on, so saved meetings never pile up in the cache."""
    work = VAR / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copytree(source.journal, work / "journal")
    fresh_account(work / "journal")
    shutil.copy2(source.plain, work / "plain.db")
    return work / "journal", work / "plain.db"


def discard_working_copy() -> None:
    shutil.rmtree(VAR / "run", ignore_errors=True)


def open_lead(path: Path) -> Journal:
    return Journal.open(path, demo.DEMO_LEAD[0], demo.DEMO_PASSPHRASE)
