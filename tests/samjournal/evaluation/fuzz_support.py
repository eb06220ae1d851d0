"""What the importer fuzz tests share: settings, a hang guard, real inputs to mutate, fixtures.

The material is built once per session from real exports; each test copies the journal or
workspace it changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest

from samjournal.evaluation.bundle import (
    unzip,
)
from samjournal.evaluation.evaluator import (
    Workspace,
    import_bundles,
    register,
)
from samjournal.journal import Journal
from samjournal.minisign import SigningKey
from tests.fuzz.settings import fuzz_settings
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    SETTLED,
    STUDY,
    WS_PASS,
    World,
)

NORMAL, MANY = 40, 1500
FUZZ = fuzz_settings(NORMAL)
HANG_SECONDS = 10


class Hang(Exception):
    pass


@contextlib.contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Interrupt an importer that runs away (the hypothesis deadline only measures)."""

    def alarm(_signum: int, _frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- real inputs to start from ---------------------------------------------------------------

# Journals a forger may claim to be, each registered with the forger's key, so that forged bags
# get past the known-senders check and into the parser; any other journal id is refused there.
STRANGERS = tuple(c * 16 for c in ("ab", "cd", "01", "fe"))
STRANGER_SITE = "Fuzzby, team Fremmed"


def stranger_key(journal_id: str) -> SigningKey:
    """One key per stranger journal, so a journal drawn twice signs with its own key again."""
    return SigningKey(hashlib.sha256(journal_id.encode()).digest(), b"stranger")


@dataclass(frozen=True, repr=False)
class Material:
    journal: Path  # two bundles exported; bundle 1 not yet marked delivered
    workspace: Path  # bundle 1 imported
    second: bytes  # bundle 2 (incremental, with a tombstone), not yet imported
    root: str  # its bag folder
    files: dict[str, bytes]  # its bag, decrypted
    recipients: list[Any]
    receipt: bytes  # the evaluator's receipt for bundle 1
    receipt_key: SigningKey
    profile: bytes  # study.json

    def __repr__(self) -> str:  # hypothesis prints the fixtures of a failing example
        return f"Material({self.journal.parent})"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:
        printer.text(repr(self))


@pytest.fixture(scope="session")
def material(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Material:
    root = tmp_path_factory.mktemp("fuzz-evaluation")
    journal_dir, ws_dir = root / "journal", root / "workspace"
    shutil.copytree(template_world.journal, journal_dir)
    shutil.copytree(template_world.workspace, ws_dir)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        first = lead.evaluation.export(STUDY, root / "out").path
        family = template_world.families[0]
        lead.consents.withdraw(lead.consents.for_family(family)[0].id)
        lead.checkins.record(template_world.families[1], 4, answered_on=SETTLED)
        second = lead.evaluation.export(STUDY, root / "out").path
    finally:
        lead.lock()
    with Workspace.open(ws_dir, WS_PASS) as ws:
        for journal_id in STRANGERS:
            register(ws, journal_id, stranger_key(journal_id).public, STRANGER_SITE)
        [report] = import_bundles(ws, [first])
        assert report.status == "stored"
        assert report.receipt is not None
        plain = pyrage.decrypt(second.read_bytes(), ws.identities)
        bag, files = unzip(plain)
        return Material(
            journal=journal_dir,
            workspace=ws_dir,
            second=second.read_bytes(),
            root=bag,
            files=files,
            recipients=ws.profile.age_recipients(),
            receipt=report.receipt.read_bytes(),
            receipt_key=ws.receipt_key,
            profile=(ws_dir / "study.json").read_bytes(),
        )


@pytest.fixture
def ws(material: Material, tmp_path: Path) -> Iterator[Workspace]:
    target = tmp_path / "workspace"
    shutil.copytree(material.workspace, target)
    with Workspace.open(target, WS_PASS) as workspace:
        yield workspace


@pytest.fixture
def lead(material: Material, tmp_path: Path) -> Iterator[Journal]:
    target = tmp_path / "journal"
    shutil.copytree(material.journal, target)
    journal = Journal.open(target, LEAD, LEAD_PASS)
    yield journal
    journal.lock()
