"""Event times in a bundle: day offsets with exact intervals, and no calendar finer than a month.

An independent computation over the decrypted bundle of a demo journal: every event's day is
compared with the journal's own dates and times, read from the records (and a need's history)
and counted in Python, never through the export's SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from samjournal import demo
from samjournal.demo.consents import demo_consents
from samjournal.evaluation.bundle import Bundle, open_bundle
from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.evaluation.release_state import ENTITY_PREFIX, unpack
from samjournal.evaluation.risk import RiskReport
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import NeedId, PaymentId, Version
from tests.samjournal.evaluation.conftest import STUDY, WS_PASS, World, register

Put = Callable[[str, int, int, str, str | None], None]
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}")
# Which released field holds which moment of a record: (table, day column) -> moment name.
MOMENTS = {
    ("meetings", "day"): "held",
    ("meetings", "next_meeting_day"): "next",
    ("needs", "day"): "raised",
    ("needs", "agreed_day"): "agreed",
    ("needs", "in_progress_day"): "in_progress",
    ("needs", "met_day"): "met",
    ("needs", "dropped_day"): "dropped",
    ("payments", "day"): "proposed",
    ("payments", "approved_day"): "approved",
    ("payments", "paid_day"): "paid",
    ("payments", "rejected_day"): "rejected",
    ("payments", "cancelled_day"): "cancelled",
    ("checkins", "day"): "answered",
    ("households", "closed_day"): "closed",
}


@dataclass(frozen=True)
class Released:
    bundle: Bundle
    truth: dict[str, dict[tuple[str, str], dt.date]]  # household -> (record, moment) -> date
    opened: dict[str, dt.date]  # household -> the case's opening day
    evaluator_package: Path


def _local(value: str | None) -> dt.date | None:
    """The office's calendar day of a stored date or UTC time."""
    if not value:
        return None
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value).astimezone().date()


def _truth(
    journal: Journal,
) -> tuple[dict[str, dict[tuple[str, str], dt.date]], dict[str, dt.date]]:
    """Every event date of every released household, from the journal, keyed by pseudonym."""
    db = journal._require_open().db
    pseudonym: dict[tuple[str, int], str] = {}
    household_of: dict[int, str] = {}
    for family_id, name, blob in db.tuples(
        "SELECT family_id, pseudonym, records FROM evaluation_households WHERE retired = 0"
    ):
        household_of[family_id] = name
        for key, sent in unpack(blob)[0].items():
            pseudonym[key.table, key.record_id] = ENTITY_PREFIX[key.table] + sent.body
    truth: dict[str, dict[tuple[str, str], dt.date]] = {h: {} for h in household_of.values()}
    opened: dict[str, dt.date] = {}

    def put(entity: str, record_id: int, family_id: int, moment: str, value: str | None) -> None:
        day = _local(value)
        name = pseudonym.get((entity, record_id))
        if day is not None and name is not None and family_id in household_of:
            truth[household_of[family_id]][name, moment] = day

    for fid, opened_on, closed_on in db.tuples("SELECT id, opened_on, closed_on FROM families"):
        if fid in household_of:
            opened[household_of[fid]] = dt.date.fromisoformat(opened_on)
        put("households", fid, fid, "closed", closed_on)
    for mid, fid, held, following in db.tuples(
        "SELECT id, family_id, held_at, next_meeting_at FROM meetings"
    ):
        put("meetings", mid, fid, "held", held)
        put("meetings", mid, fid, "next", following)
    for nid, fid, raised, agreed_in in db.tuples(
        "SELECT id, family_id, raised_on, agreed_meeting_id FROM needs WHERE deleted_at IS NULL"
    ):
        put("needs", nid, fid, "raised", raised)
        if agreed_in is not None:
            put(
                "needs",
                nid,
                fid,
                "agreed",
                db.scalar("SELECT held_at FROM meetings WHERE id = ?", (agreed_in,)),
            )
        statuses = ("in_progress", "met", "dropped")
        _reached(journal.needs.history(NeedId(nid)), statuses, put, nid, fid)
    for pid, fid, proposed, approved, paid in db.tuples(
        "SELECT id, family_id, proposed_at, approved_at, paid_on FROM payments"
        " WHERE deleted_at IS NULL"
    ):
        put("payments", pid, fid, "proposed", proposed)
        put("payments", pid, fid, "approved", approved)
        put("payments", pid, fid, "paid", paid)
        history = journal.payments.history(PaymentId(pid))
        _reached(history, ("rejected", "cancelled"), put, pid, fid)
    for cid, fid, answered in db.tuples("SELECT id, family_id, answered_on FROM checkins"):
        put("checkins", cid, fid, "answered", answered)
    return truth, opened


def _reached(
    history: list[Version], statuses: tuple[str, ...], put: Put, record_id: int, family_id: int
) -> None:
    """When each status was first reached: the time its first version with it was written."""
    entity = "needs" if history[0].entity == "need" else "payments"
    for status in statuses:
        times = [v.changed_at for v in history if v.data["status"] == status]
        if times:
            put(entity, record_id, family_id, status, min(times).isoformat())


@pytest.fixture(scope="module")
def released(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Released:
    root = tmp_path_factory.mktemp("days")
    shutil.copytree(template_world.workspace, root / "workspace")
    journal = demo.create_demo_journal(root / "demo", families=40, seed=11, cost=TEST_COST)
    try:
        assert demo_consents(journal, root / "workspace" / "study.json") > 0
        register(root / "workspace", journal)
        path = journal.evaluation.export(STUDY, root / "out", full=True).path
        truth, opened = _truth(journal)
    finally:
        journal.lock()
    with Workspace.open(root / "workspace", WS_PASS) as ws:
        bundle = open_bundle(path.read_bytes(), ws.identities)
        [report] = import_bundles(ws, [path], receipts_dir=root / "receipts")
        assert report.status == "stored", report.lines()
        write_datapackage(ws, root / "package")
    return Released(bundle, truth, opened, root / "package")


def _days(bundle: Bundle) -> dict[str, dict[tuple[str, str], int]]:
    """household -> (record, moment) -> released day, from the bundle's CSV rows alone."""
    out: dict[str, dict[tuple[str, str], int]] = {}
    for (table, column), moment in MOMENTS.items():
        header = DATA_TABLES[table].header
        at, household = header.index(column), header.index("household_id")
        for row in bundle.tables.get(table, []):
            if row[at] not in ("", "*"):  # "*": a suppressed household's closing day
                out.setdefault(row[household], {})[row[0], moment] = int(row[at])
    return out


def test_intervals_within_a_household_are_the_journals_to_the_day(released: Released) -> None:
    days = _days(released.bundle)
    truth = released.truth
    assert set(days) <= set(truth)
    compared = errors = 0
    moments: Counter[str] = Counter()
    for household, events in days.items():
        known = truth[household]
        # None invented; a row may be held back (k^m-anonymity), never shifted.
        assert set(events) <= set(known), household
        ordered = sorted(events, key=lambda e: known[e])
        for first, then in itertools.pairwise(ordered):
            released_interval = events[then] - events[first]
            true_interval = (known[then] - known[first]).days
            errors += abs(released_interval - true_interval)
            compared += 1
        moments.update(moment for _, moment in events)
        # The index date is the case's opening day: a household's offsets count from it.
        for event, day in events.items():
            assert day == (known[event] - released.opened[household]).days
    assert errors == 0
    assert compared > 300
    # The evaluation's intervals are all there: the need and payment flows, check-ins, meetings.
    steps = ("held", "raised", "agreed", "in_progress", "met", "dropped")
    for moment in (*steps, "proposed", "approved", "paid", "rejected", "cancelled"):
        assert moments[moment] > 0, moment
    assert moments["answered"] > 0


def test_no_calendar_date_and_no_month_but_the_opening_one(released: Released) -> None:
    bundle = released.bundle
    cells = 0
    for table, rows in bundle.tables.items():
        for row in rows:
            for cell in row:
                assert not FULL_DATE.search(cell), (table, cell)
                cells += 1
    assert cells > 8_000  # a substantial bundle (more rows wait since the opening month is kept)
    # Calendar fields on a household's rows (the journal-wide consent counts belong to none).
    calendar = [
        (resource["name"], field["name"])
        for resource in bundle.datapackage["resources"]
        for field in resource.get("schema", {}).get("fields", [])
        if field["type"] in ("date", "datetime", "yearmonth", "year")
        and resource["name"] in DATA_TABLES
    ]
    # An event's month beside its day offset would narrow the index date below its period; the
    # period itself is a month, quarter, half-year or year (a string), or starred.
    assert calendar == []
    periods = [
        row[DATA_TABLES["households"].header.index("opened_month")]
        for row in bundle.tables["households"]
    ]
    assert periods
    assert all(re.fullmatch(r"\d{4}(-\d{2}|-Q[1-4]|-H[12])?|\*", p) for p in periods)


def test_day_columns_are_documented_integers_and_the_report_states_the_error(
    released: Released,
) -> None:
    bundle = released.bundle
    fields = {
        (resource["name"], field["name"]): field
        for resource in bundle.datapackage["resources"]
        for field in resource.get("schema", {}).get("fields", [])
    }
    for table, column in MOMENTS:
        field = fields[table, column]
        assert field["type"] == "integer"
        assert "days since" in field["description"]
    assert "whole days since the household's own index date" in bundle.datapackage["description"]
    assert bundle.risk["time"]["interval_error_days"] == 0
    assert bundle.risk["time"]["index_date_released_as"] == "opened_month"
    lines = RiskReport.from_json(bundle.risk).lines()  # what the team lead reads before sending
    assert "  Feil i intervaller innen en husstand: 0 dager" in lines


def test_check_ins_carry_baseline_and_follow_up_waves(released: Released) -> None:
    """A check-in's wave is its place among its household's check-in days in the journal (0:
    baseline), whether or not the release check sent the others."""
    header = DATA_TABLES["checkins"].header
    key, wave, household = (
        header.index("checkin_id"),
        header.index("wave"),
        header.index("household_id"),
    )
    rows = released.bundle.tables["checkins"]
    assert len({row[household] for row in rows}) > 5
    for row in rows:
        days = sorted(
            {
                day
                for (_, moment), day in released.truth[row[household]].items()
                if moment == "answered"
            }
        )
        assert int(row[wave]) == days.index(released.truth[row[household]][row[key], "answered"])
    assert any(int(row[wave]) > 0 for row in rows)


def test_the_evaluators_package_carries_the_days(released: Released) -> None:
    package = json.loads((released.evaluator_package / "datapackage.json").read_text())
    fields = {
        (resource["name"], field["name"]): field["type"]
        for resource in package["resources"]
        for field in resource.get("schema", {}).get("fields", [])
    }
    for table, column in MOMENTS:
        assert fields[table, column] == "integer"
    assert "index date" in package["description"]
    text = (released.evaluator_package / "payments.csv").read_text(encoding="utf-8")
    assert not FULL_DATE.search(text)
    header = text.splitlines()[0].split(",")
    assert {"day", "approved_day", "paid_day"} <= set(header)


def _steps(bundle: Bundle, table: str, columns: tuple[str, ...]) -> list[list[int]]:
    """Each row's days of `columns` that it has, in the columns' order."""
    header = DATA_TABLES[table].header
    at = [header.index(c) for c in columns]
    return [[int(row[i]) for i in at if row[i] != ""] for row in bundle.tables[table]]


def test_a_demo_bundle_pays_after_approving_and_moves_needs_forward(released: Released) -> None:
    """The demo's approvals and status changes were all saved on the day it was made, so every
    payment was released as paid before it was approved (outside evaluator's review)."""
    payments = _steps(released.bundle, "payments", ("day", "approved_day", "paid_day"))
    assert sum(len(days) == 3 for days in payments) > 100
    needs = _steps(released.bundle, "needs", ("day", "agreed_day", "in_progress_day", "met_day"))
    assert sum(len(days) == 4 for days in needs) > 10
    for days in payments + needs:
        assert days == sorted(days)


def test_each_day_column_says_whether_it_was_entered_or_saved(released: Released) -> None:
    fields = {
        (resource["name"], field["name"]): field["description"]
        for resource in released.bundle.datapackage["resources"]
        for field in resource.get("schema", {}).get("fields", [])
    }
    for table, column in MOMENTS:
        said = fields[table, column]
        assert "entered" in said or "saved" in said, (table, column)


def test_a_demos_study_consents_fall_over_the_months_cases_opened(released: Released) -> None:
    """`samjournal demo --study` gave every consent on the day the demo was made: an evaluator
    trying consent and attrition per month had one month to count (outside review s10)."""
    with (released.evaluator_package / "consent_counts.csv").open(encoding="utf-8") as fh:
        months = [row["month"] for row in csv.DictReader(fh)]
    assert len(months) >= 6
    assert max(months) <= dt.date.today().strftime("%Y-%m")
