"""Two journals that know each other: `sender` (the template's team lead) and `receiver`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from samjournal.journal import Journal
from samjournal.kdf import TEST_COST

RECEIVER, RECEIVER_PASS = "tone", "tone passordfrase 1"


@dataclass
class Pair:
    sender: Journal
    receiver: Journal
    receiver_dir: Path


@pytest.fixture(scope="session")
def receiver_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("receiver") / "journal"
    made = Journal.create(
        path, username=RECEIVER, display_name="Tone Mottaker", passphrase=RECEIVER_PASS,
        cost=TEST_COST,
    )  # fmt: skip
    made.journal.families.create("Familien Vest")  # a case number to not collide with
    made.journal.lock()
    return path


@pytest.fixture
def pair(lead: Journal, receiver_template: Path, tmp_path: Path) -> Iterator[Pair]:
    import shutil

    target = tmp_path / "receiver"
    shutil.copytree(receiver_template, target)
    receiver = Journal.open(target, RECEIVER, RECEIVER_PASS)
    lead.handovers.add_peer(receiver.handovers.receiving_key().to_file(), "Team Vest")
    receiver.handovers.add_peer(lead.handovers.receiving_key().to_file(), "Team Øst")
    yield Pair(lead, receiver, target)
    receiver.lock()
