"""Shared fixtures: one encrypted journal built per session, copied fresh for every test."""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from samjournal.account_mark import ENV as STATE_ENV
from samjournal.evaluation import release_check
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import FamilyId, Role
from tests.fuzz.settings import PROFILE

settings.load_profile(PROFILE)

LEAD, LEAD_PASS = "lise", "leder passordfrase 1"
WORKER, WORKER_PASS = "kari", "kari passordfrase 1"
OTHER, OTHER_PASS = "per", "per passordfrase 12"


@pytest.fixture(autouse=True)
def _bokmal_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the user's language (SAMJOURNAL_LANG, else LANG): a test reads its
    bokmål unless it asks for English, whatever the machine's locale."""
    monkeypatch.setenv("SAMJOURNAL_LANG", "nb")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run the long reliability suite")
    parser.addoption("--run-desktop", action="store_true", help="run the real-window tests")
    parser.addoption("--run-large", action="store_true", help="run the municipal-size checks")


# Suites that `make test` leaves to their own command: marker, option, reason.
OPT_IN = (
    ("slow", "--run-slow", "slow: run with make test-slow"),
    ("desktop", "--run-desktop", "a real window: run with make test-desktop"),
    ("large", "--run-large", "a municipal-size journal: run with make test-large"),
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for marker, option, reason in OPT_IN:
        if config.getoption(option):
            continue
        skip = pytest.mark.skip(reason=reason)
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


# -- the reliability summary: what the kill, fault, fuzz and canary tests proved in this run ----

RELIABILITY: Counter[str] = Counter()
KINDS = {
    "kills": "kills survived",
    "acknowledged": "acknowledged changes checked",
    "lost": "acknowledged changes lost",
    "faults": "faults injected",
    "fuzz": "fuzz cases run",
    "canary_places": "files and logs searched for canaries",
    "canary_hits": "canary hits",
    "concurrent_runs": "concurrent-process runs",
    "concurrent_acknowledged": "their acknowledged changes checked",
    "concurrent_lost": "their acknowledged changes lost",
    "lost_wal_runs": "lost or damaged -wal runs",
    "lost_wal_losses": "runs that lost acknowledged changes",
    "lost_wal_detected": "losses detected on open",
}


def note_reliability(kind: str, count: int = 1) -> None:
    """Add to the summary. Record before asserting, so a failure still shows its figures."""
    if kind not in KINDS:
        raise ValueError(f"unknown reliability figure {kind!r}")
    RELIABILITY[kind] += count


@pytest.fixture
def record_reliability() -> Callable[[str, int], None]:
    return note_reliability


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist each worker counts its own figures: they go to the controller, which
    adds them up (pytest_testnodedown) and prints the summary."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["reliability"] = dict(RELIABILITY)


@pytest.hookimpl(optionalhook=True)  # an xdist hook: known only where xdist is loaded
def pytest_testnodedown(node: Any, error: object) -> None:
    RELIABILITY.update(getattr(node, "workeroutput", {}).get("reliability", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not RELIABILITY:
        return
    figures = dict(RELIABILITY)
    acknowledged, lost = figures.get("acknowledged", 0), figures.get("lost", 0)
    terminalreporter.write_sep("=", "reliability summary")
    for kind in ("kills", "faults", "fuzz", "canary_places", "canary_hits", "acknowledged"):
        terminalreporter.write_line(f"{KINDS[kind]:>38}: {figures.get(kind, 0)}")
    ratio = f"{lost / acknowledged:.6f} ({lost} of {acknowledged})" if acknowledged else "n/a"
    terminalreporter.write_line(f"{'lost acknowledged changes (ratio)':>38}: {ratio}")
    for kind in ("concurrent_runs", "concurrent_acknowledged", "concurrent_lost"):
        terminalreporter.write_line(f"{KINDS[kind]:>38}: {figures.get(kind, 0)}")
    for kind in ("lost_wal_runs", "lost_wal_losses", "lost_wal_detected"):
        if "lost_wal_runs" in figures:
            terminalreporter.write_line(f"{KINDS[kind]:>38}: {figures.get(kind, 0)}")
    hits = figures.get("canary_hits", 0)
    if hits or lost or figures.get("concurrent_lost", 0):
        terminalreporter.write_line("RELIABILITY FAILED: canary hits and lost changes must be 0")
    if figures.get("lost_wal_detected", 0) != figures.get("lost_wal_losses", 0):
        terminalreporter.write_line("RELIABILITY FAILED: every loss of a -wal must be detected")


@pytest.fixture
def time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set this process's local time zone for one test (POSIX TZ: a name, or rules such as
    "EST5EDT,M3.2.0,M11.1.0" that need no tz database); the machine's own comes back after."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


class _MiddleDay:
    """A draw that is always the middle (random.Random's one method the export uses)."""

    def random(self) -> float:
        return 0.5


# A bound lifted for the opening month goes to a secret random day of that month
# (evaluation/release_check._lift: drawn from the journal's key, random per journal); the
# suite's journals are small, so what a bundle holds would change from run to run: every draw
# is the month's middle day here (tests of the draw itself put a real one back).
@pytest.fixture(scope="session", autouse=True)
def _lifted_bounds_to_the_middle_day() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(release_check, "_RANDOM", _MiddleDay())
        patch.setattr(release_check, "_draw", lambda rank: 0.5)
        yield


# The account's marks (samjournal/account_mark.py) are kept per OS account: each test gets a
# state folder of its own, and the session's fixtures one too, never the real profile's
# (children inherit it through the environment).
@pytest.fixture(scope="session", autouse=True)
def _session_state_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get(STATE_ENV)
    os.environ[STATE_ENV] = str(tmp_path_factory.mktemp("account-marks"))
    yield
    if before is None:
        os.environ.pop(STATE_ENV, None)
    else:
        os.environ[STATE_ENV] = before


@pytest.fixture(autouse=True)
def account_marks(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    folder = tmp_path_factory.mktemp("account-marks")
    monkeypatch.setenv(STATE_ENV, str(folder))
    return folder


@dataclass(frozen=True)
class Template:
    path: Path
    recovery_key: str
    worker_family: FamilyId  # owned by WORKER
    other_family: FamilyId  # owned by OTHER


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    path = tmp_path_factory.mktemp("template") / "journal"
    created = Journal.create(
        path, username=LEAD, display_name="Lise Leder", passphrase=LEAD_PASS, cost=TEST_COST
    )
    lead = created.journal
    kari = lead.add_user(WORKER, "Kari Nilsen", Role.CASEWORKER, WORKER_PASS)
    per = lead.add_user(OTHER, "Per Hansen", Role.CASEWORKER, OTHER_PASS)
    mine = lead.families.create("Familien Ødegård", owner_id=kari.id, district="Lade")
    theirs = lead.families.create("Familien Hassan", owner_id=per.id, district="Byåsen")
    lead.lock()
    return Template(path, created.recovery_key, mine.id, theirs.id)


@pytest.fixture
def journal_dir(template: Template, tmp_path: Path) -> Path:
    target = tmp_path / "journal"
    shutil.copytree(template.path, target)
    return target


@pytest.fixture
def lead(journal_dir: Path) -> Iterator[Journal]:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    yield journal
    journal.lock()


@pytest.fixture
def worker(journal_dir: Path) -> Iterator[Journal]:
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    yield journal
    journal.lock()


def lose_recent_work(journal_dir: Path) -> None:
    """A rolled-back copy: journal.db as it was, the newer work and its -wal gone."""
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    journal.lock()
    old = {p.name: p.read_bytes() for p in journal_dir.glob("journal.db*")}
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    journal.families.create("Familien Nyere")
    journal.lock()
    for name in ("journal.db-wal", "journal.db-shm"):
        (journal_dir / name).unlink(missing_ok=True)
    for name, data in old.items():
        (journal_dir / name).write_bytes(data)
