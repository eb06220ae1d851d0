"""Shared fixtures: one encrypted journal built per session, copied fresh for every test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import FamilyId, Role

LEAD, LEAD_PASS = "lise", "leder passordfrase 1"
WORKER, WORKER_PASS = "kari", "kari passordfrase 1"
OTHER, OTHER_PASS = "per", "per passordfrase 12"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run the long reliability suite")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with make test-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


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
