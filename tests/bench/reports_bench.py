"""Report benchmark: one case summary of a heavy family, and a batch of 100 summaries.

Run alone with `python -m tests.bench.reports_bench`; `tests/bench/__main__.py` calls `run()`,
which returns rows of (label, seconds, goal).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from samjournal import reports
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from tests.samjournal.reports.data import big_family

HEAVY = {"meetings": 200, "payments": 500}
BATCH = 100
BATCH_FAMILY = {"meetings": 20, "payments": 50, "checkins": 12}  # about two years of a case
GOAL_ONE, GOAL_BATCH = 1.0, 30.0

Row = tuple[str, float, str]


def _journal(folder: Path) -> Journal:
    return Journal.create(
        folder / "journal",
        username="leder",
        display_name="Lise Leder",
        passphrase="benk passordfrase 1",
        cost=TEST_COST,
    ).journal


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="samjournal-reports-bench-") as tmp:
        journal = _journal(Path(tmp))
        try:
            heavy = big_family(journal, "Familien Ødegård", **HEAVY)
            batch = [
                big_family(journal, f"Familie {i}", seed=i, **BATCH_FAMILY) for i in range(BATCH)
            ]
            reports.case_summary(journal, heavy)  # fonts registered, caches warm

            times, size = [], 0
            for _ in range(5):
                start = time.perf_counter()
                pdf = reports.case_summary(journal, heavy)
                times.append(time.perf_counter() - start)
                size = len(pdf)
            one = statistics.median(times)

            start = time.perf_counter()
            total = sum(len(reports.case_summary(journal, fid)) for fid in batch)
            batch_s = time.perf_counter() - start

            start = time.perf_counter()
            for fid in batch[:10]:
                reports.family_copy(journal, fid)
            copy_s = (time.perf_counter() - start) / 10
        finally:
            journal.lock()
    return [
        (
            f"case summary, 200 meetings + 500 payments (median of 5; {size // 1024} KiB)",
            one,
            f"< {GOAL_ONE:.0f} s",
        ),
        (
            f"batch of {BATCH} case summaries (20 meetings, 50 payments each; {total // 1024} KiB)",
            batch_s,
            f"< {GOAL_BATCH:.0f} s",
        ),
        ("family copy (one, of the batch families)", copy_s, "(no goal)"),
    ]


def main() -> int:
    rows = run()
    for label, seconds, goal in rows:
        print(f"{seconds * 1000:10.0f} ms  {label}  [{goal}]")
    ok = rows[0][1] < GOAL_ONE and rows[1][1] < GOAL_BATCH
    print("ok" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
