"""A small world for the evaluation tests: one evaluator workspace, journals with families.

Both are built once per session with TEST_COST and copied per test. The journal's families carry
names, identity numbers, phones, districts and notes that must never reach a bundle: `secrets`
lists them for the leak test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from samjournal import demo
from samjournal.context import clock_at, iso, utcnow
from samjournal.demo.consents import demo_consents
from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.evaluation.evaluator import register as register_sender
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import (
    ConsentMethod,
    FamilyId,
    MeetingKind,
    MemberId,
    NeedCategory,
    NeedDraft,
    PaymentDraft,
    PaymentId,
    PaymentMethod,
    Role,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from tests.study import STUDY, WS_PASS, make_workspace

SITE = "Trondheim, team Øst"
LEAD, LEAD_PASS = "lise", "leder passordfrase 1"
WORKER, WORKER_PASS = "kari", "kari passordfrase 1"
DISTRICTS = ("Lade", "Byåsen", "Heimdal", "Lerkendal")
FIRST = ("Åse", "Mohammed", "Kari", "Ingrid", "Yusuf", "Olga", "Tomasz", "Amina", "Bjørn", "Li")
LAST = ("Ødegård", "Hassan", "Nilsen", "Kowalski", "Haugen", "Abdi", "Berg", "Nguyen")


def national_id(rng: random.Random, born: dt.date) -> str:
    """A valid fødselsnummer (old rule) for someone born in the 1900s or 2000s."""
    k1w, k2w = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        individual = rng.randint(0, 499) if born.year < 2000 else rng.randint(500, 999)
        digits = [int(c) for c in f"{born:%d%m%y}{individual:03d}"]
        k1 = (11 - sum(d * w for d, w in zip(digits, k1w, strict=True)) % 11) % 11
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = (11 - sum(d * w for d, w in zip(digits, k2w, strict=True)) % 11) % 11
        if k2 == 10:
            continue
        return "".join(map(str, [*digits, k2]))


# The day of the world's own check-ins (1 June 2025), its latest released days: a check-in
# answered then goes in the next bundle, in the same wave. One answered today would date its case
# closer than the first bundle did, and wait (release_check: the bundles' dates).
SETTLED = dt.date(2025, 6, 1)


@dataclass
class World:
    journal: Path
    workspace: Path
    families: list[FamilyId]
    adults: dict[FamilyId, list[MemberId]]
    secrets: list[str] = field(default_factory=list)


def populate(journal: Journal, families: int, seed: int, secrets: list[str]) -> World:
    rng = random.Random(seed)
    world = World(journal.path, Path(), [], {})
    lead = journal
    today = dt.date.today()
    approved: dict[PaymentId, dt.datetime] = {}
    with lead._require_open().db.transaction():
        for i in range(families):
            surname = rng.choice(LAST)
            name = f"Familien {surname} {i}"
            family = lead.families.create(
                name,
                district=rng.choice(DISTRICTS),
                opened_on=today - dt.timedelta(days=rng.randint(30, 600)),
            )
            secrets.append(name)
            adults = []
            for a in range(rng.choice((1, 2, 2))):
                born = dt.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
                person = f"{rng.choice(FIRST)} {surname}{i}{a}"
                nid = national_id(rng, born)
                phone = f"9{rng.randint(1000000, 9999999)}"
                adult = lead.members.add(
                    family.id,
                    person,
                    birth_year=born.year,
                    national_id=nid,
                    phone=phone,
                    primary_contact=a == 0,
                )
                adults.append(adult.id)
                secrets += [person, nid, phone]
            for c in range(rng.choice((0, 1, 2, 3))):
                child = f"{rng.choice(FIRST)} Barn{surname}{i}{c}"
                lead.members.add(
                    family.id, child, is_child=True, birth_year=rng.randint(2008, 2022)
                )
                secrets.append(child)
            # Events alike across families (two kinds of meeting, of need, two amounts, the same
            # months), so that k^m-anonymity can release them from 20 households.
            for m in range(2):
                words = f"Vi trenger hjelp med regninger, sa {surname} hemmelig{i}{m}"
                agreed = f"Avtalt: kommunen betaler strømregning {i}{m}"
                purpose = f"Strømregning for {surname} {i}{m}"
                recorded = lead.meetings.record(
                    family.id,
                    dt.datetime(2025, 1 + m * 3, 10 + (i % 15), 10, tzinfo=dt.UTC),
                    (MeetingKind.HOME_VISIT, MeetingKind.OFFICE)[m],
                    place=f"Hjemme hos {surname} i Storgata {i}",
                    family_words=words,
                    agreed=agreed,
                    participants=[member(adults[0]), staff(lead.user.id), partner("NAV Lade")],
                    needs=[
                        NeedDraft(
                            f"Behov: {words}", (NeedCategory.ECONOMY, NeedCategory.HOUSING)[m]
                        )
                    ],
                    payments=[
                        PaymentDraft(
                            Money((150_000, 250_000)[m]),
                            purpose,
                            method=rng.choice(list(PaymentMethod)),
                            draft_need=0,
                        )
                    ],
                )
                secrets += [words, agreed, purpose, f"Storgata {i}", "NAV Lade"]
                small = lead.payments.get(recorded.payment_ids[0]).amount <= Money(500_000)
                if small and rng.random() < 0.7:
                    lead.payments.approve(recorded.payment_ids[0], over_budget_ok=True)
                    approved[recorded.payment_ids[0]] = dt.datetime(
                        2025, 1 + m * 3, 20 + (i % 8), 9, tzinfo=dt.UTC
                    )
            lead.checkins.record(
                family.id,
                rng.randint(0, 10),
                member_id=adults[0],
                answered_on=dt.date(2025, 6, 1),
                domains={"economy": rng.randint(0, 10), "trust": rng.randint(0, 10)},
            )
            world.families.append(family.id)
            world.adults[family.id] = adults
        # The world's approvals were saved in 2025, as its meetings and check-ins were: a
        # change saved today would put each case's index date at its latest (the bundle's date).
        for payment, at in approved.items():
            lead._require_open().db.execute(
                "UPDATE payments SET approved_at = ? WHERE id = ?", (iso(at), payment)
            )
    return world


def register(workspace: Workspace | Path, journal: Journal, site: str = SITE) -> None:
    """What the evaluator does before accepting a journal's bundles (key read out by phone)."""
    if isinstance(workspace, Path):
        with Workspace.open(workspace, WS_PASS) as ws:
            register(ws, journal, site)
        return
    register_sender(workspace, journal.journal_id, journal.evaluation.public_key(), site)


def consented_demo(root: Path, families: int, seed: int) -> Journal:
    """A demo journal (bulk-made) of `families` in `root`/demo, consented as the demo consents
    to the study of a workspace made in `root`/workspace, which has registered it; open (the
    caller locks it)."""
    make_workspace(root / "workspace")
    journal = demo.create_demo_journal(
        root / "demo", families=families, seed=seed, cost=TEST_COST, bulk=True
    )
    demo_consents(journal, root / "workspace" / "study.json")
    register(root / "workspace", journal)
    return journal


def consent(journal: Journal, world: World, family: FamilyId) -> None:
    for adult in world.adults[family]:
        journal.consents.give(adult, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN)


@pytest.fixture(scope="session")
def template_world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("evaluation")
    make_workspace(root / "workspace")
    lead = Journal.create(
        root / "journal",
        username=LEAD,
        display_name="Lise Leder",
        passphrase=LEAD_PASS,
        cost=TEST_COST,
    ).journal
    lead.add_user(WORKER, "Kari Nilsen", Role.CASEWORKER, WORKER_PASS)
    lead.evaluation.import_study(root / "workspace" / "study.json")
    register(root / "workspace", lead)
    secrets: list[str] = ["Lise Leder", "Kari Nilsen"]
    world = populate(lead, families=24, seed=7, secrets=secrets)
    with lead._require_open().db.transaction():
        for family in world.families[:-4]:  # the last four never consent
            consent(lead, world, family)
    lead.lock()
    world.workspace = root / "workspace"
    world.secrets = secrets
    return world


@pytest.fixture
def world(template_world: World, tmp_path: Path) -> World:
    journal = tmp_path / "journal"
    workspace = tmp_path / "workspace"
    shutil.copytree(template_world.journal, journal)
    shutil.copytree(template_world.workspace, workspace)
    return World(
        journal,
        workspace,
        list(template_world.families),
        dict(template_world.adults),
        list(template_world.secrets),
    )


@pytest.fixture
def lead(world: World) -> Iterator[Journal]:
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    yield journal
    journal.lock()


@pytest.fixture
def ws(world: World) -> Iterator[Workspace]:
    workspace = Workspace.open(world.workspace, WS_PASS)
    yield workspace
    workspace.close()


def dataset(workspace: Workspace) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The merged dataset as comparable values: records and tombstones, sorted."""
    records = [
        tuple(r)
        for r in workspace.db.all(
            "SELECT journal_id, household_id, entity, record_id, version, data FROM records"
            " ORDER BY 1, 2, 3, 4"
        )
    ]
    tombstones = [
        tuple(r)
        for r in workspace.db.all(
            "SELECT journal_id, entity, record_id, household_id, reason FROM tombstones"
            " ORDER BY 1, 2, 3"
        )
    ]
    return records, tombstones


@dataclass(frozen=True)
class Package:
    path: Path
    descriptor: dict[str, Any]

    def resource(self, name: str) -> dict[str, Any]:
        [found] = [r for r in self.descriptor["resources"] if r["name"] == name]
        return found

    def csv(self, name: str) -> tuple[list[str], list[list[str]]]:
        with (self.path / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        return rows[0], rows[1:]

    @property
    def tables(self) -> list[str]:
        return [r["name"] for r in self.descriptor["resources"] if r["name"] != "codebook"]


def package_at(path: Path) -> Package:
    return Package(path, json.loads((path / "datapackage.json").read_text(encoding="utf-8")))


def build_package(template_world: World, root: Path) -> Package:
    """The evaluator's package of a demo journal of 40 families, with some cells suppressed."""
    shutil.copytree(template_world.workspace, root / "workspace")
    journal = demo.create_demo_journal(root / "demo", families=40, seed=11, cost=TEST_COST)
    try:
        assert demo_consents(journal, root / "workspace" / "study.json") > 0
        register(root / "workspace", journal)
        db = journal._require_open().db
        # A payment for no need: an empty link frictionless must let through. Proposed a season
        # ago: one proposed today would date its case's opening to the day (attacker.py, the
        # bundles' dates), and the check would hold back most of the household's rows.
        with clock_at(utcnow() - dt.timedelta(days=90)):
            for (family_id,) in db.tuples("SELECT id FROM families WHERE status = 'active'"):
                journal.payments.propose(FamilyId(family_id), Money(150_000), "Kontingent")
        path = journal.evaluation.export(STUDY, root / "out", full=True).path
    finally:
        journal.lock()
    with Workspace.open(root / "workspace", WS_PASS) as ws:
        [report] = import_bundles(ws, [path], receipts_dir=root / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, root / "package")
    assert written.skipped == ""
    return package_at(written.path)


def english_package(package: Package) -> Package:
    """The same package written in English (SAMJOURNAL_LANG=en)."""
    with Workspace.open(package.path.parent / "workspace", WS_PASS) as ws:
        written = write_datapackage(ws, package.path.parent / "english", "en")
    assert written.skipped == ""
    return package_at(written.path)


@pytest.fixture(scope="session")
def package(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Package:
    """The evaluator's package of a demo journal (test_stats_files.py, test_stats_english.py)."""
    return build_package(template_world, tmp_path_factory.mktemp("stats"))


@pytest.fixture(scope="session")
def english(package: Package) -> Package:
    """The same package written in English (SAMJOURNAL_LANG=en)."""
    return english_package(package)
