"""Day offsets on the office's wall calendar, whatever the machine's zone."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from samjournal.evaluation.release_sql import queries, time_day, zone_offsets
from samjournal.store import Database, migrate

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is POSIX only")


@pytest.fixture
def oslo(time_zone: Callable[[str], None]) -> None:
    time_zone("Europe/Oslo")


def _days(times: list[str], opened: str) -> list[int]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE f (opened_on TEXT)")
    db.execute("CREATE TABLE t (at TEXT)")
    db.execute("INSERT INTO f VALUES (?)", (opened,))
    db.executemany("INSERT INTO t VALUES (?)", [(x,) for x in times])
    sql = f"SELECT {time_day('t.at', zone_offsets())} FROM t, f ORDER BY t.rowid"
    return [int(r[0]) for r in db.execute(sql)]


def _hours(start: str, hours: int) -> list[str]:
    first = dt.datetime.fromisoformat(start)
    return [(first + dt.timedelta(hours=h)).isoformat() for h in range(hours)]


def test_every_hour_falls_on_its_local_day_in_oslo(oslo: None) -> None:
    assert zone_offsets() == (1, 2)  # CET and CEST
    # Two days around each change of summer time, and a turn of the month, hour by hour.
    times = (
        _hours("2025-03-29T00:00:00+00:00", 72)
        + _hours("2025-10-25T00:00:00+00:00", 72)
        + _hours("2025-05-30T00:00:00+00:00", 72)
    )
    opened = dt.date(2025, 1, 1)
    expected = [(dt.datetime.fromisoformat(t).astimezone().date() - opened).days for t in times]
    assert _days(times, opened.isoformat()) == expected
    # 22:30 UTC on 31 May is already 1 June in Oslo.
    assert _days(["2025-05-31T22:30:00+00:00"], "2025-05-01") == [31]


def test_without_an_offset_nothing_is_converted(time_zone: Callable[[str], None]) -> None:
    time_zone("UTC")
    assert zone_offsets() == (0, 0)
    assert "localtime" not in time_day("t.at", zone_offsets())
    assert _days(["2025-05-31T23:59:59+00:00"], "2025-05-01") == [30]


def test_the_release_reads_indexes_not_the_tables_text(tmp_path: Path) -> None:
    """The need and payment queries look a status up in the history's index alone, never in
    the versions' JSON (reading that decrypts most of the history table); meetings and their
    participants come from indexes without the meetings' words (migration 0013)."""
    db = Database(tmp_path / "x.db", bytes(range(32)))
    migrate(db)
    sql = queries()
    params = {"half": 50, "step": 100, "rounding": 1, "top": 1000}

    def plan(query: str, bound: dict[str, int]) -> list[str]:
        return [str(row[-1]) for row in db.tuples(f"EXPLAIN QUERY PLAN {query}", bound)]

    for query, bound in ((sql.needs, {}), (sql.payments, params)):
        steps = plan(query, bound)
        history = [step for step in steps if step.startswith("SEARCH h ")]
        assert history, steps
        assert all("USING COVERING INDEX history_status" in step for step in history), steps
    assert any("SCAN m USING INDEX meetings_release" in s for s in plan(sql.meetings, {}))
    steps = plan(sql.participants, {})
    assert any("USING COVERING INDEX participants_meeting" in s for s in steps), steps
