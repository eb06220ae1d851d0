"""SIGKILL while a family is sent, received and receipted: afterwards the family is whole on at
least one side and never on neither, never twice on the receiving side, and a repeated run
completes the step."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.errors import NotFound
from samjournal.journal import Journal
from samjournal.store.db import integrity_problems
from tests.conftest import LEAD, LEAD_PASS, note_reliability
from tests.killing import kill_seed, run_and_kill
from tests.rich_family import rich_family
from tests.samjournal.handover.conftest import RECEIVER, RECEIVER_PASS, Pair

CHILD = "tests.samjournal.handover.handover_child"
RUNS = 8  # per step: 24 kills


def _members(journal: Journal, case: str) -> list[str] | None:
    """The family's member names, or None when the journal does not hold it."""
    try:
        family = journal.families.by_case_number(case)
    except NotFound:
        return None
    return sorted(m.name for m in journal.families.open(family, audit=False).members)


def _check(
    sender_dir: Path, receiver_dir: Path, case: str, new_case: str | None
) -> tuple[list[str] | None, list[str] | None]:
    sender = Journal.open(sender_dir, LEAD, LEAD_PASS)
    receiver = Journal.open(receiver_dir, RECEIVER, RECEIVER_PASS)
    try:
        for journal in (sender, receiver):
            assert not journal.integrity_problems()
            assert journal.verify_audit().ok
        here = _members(sender, case)
        there = _members(receiver, new_case) if new_case else None
        names = [r.display_name for r in receiver.families.case_list()]
        assert names.count("Familien Kill") <= 1  # never twice
        assert here is not None or there is not None  # never on neither side
        return here, there
    finally:
        sender.lock()
        receiver.lock()


@pytest.mark.slow
def test_killed_handover_steps_lose_nothing(pair: Pair, journal_dir: Path, tmp_path: Path) -> None:
    rich = rich_family(pair.sender, "Kill")
    case = pair.sender.families.get(rich.id).case_number
    whole = _members(pair.sender, case)
    to_journal = pair.receiver.journal_id
    pair.sender.lock()
    pair.receiver.lock()
    rng = kill_seed()
    out, receipt = tmp_path / "fil.age", tmp_path / "fil.kvittering"

    for _ in range(RUNS):  # sending: the family stays whole here whatever happens
        run_and_kill(CHILD, ["send", str(journal_dir), case, to_journal, str(out)], rng, 1.5)
        note_reliability("kills")
        assert _check(journal_dir, pair.receiver_dir, case, None)[0] == whole
    new_case = None
    for _ in range(RUNS):  # receiving: nothing or the whole family, once
        acks = run_and_kill(
            CHILD, ["receive", str(pair.receiver_dir), str(out), str(receipt)], rng, 1.5
        )
        note_reliability("kills")
        if acks:
            new_case = acks[0].split()[1]
        if new_case:
            here, there = _check(journal_dir, pair.receiver_dir, case, new_case)
            assert here == whole
            assert there == whole
    assert new_case, "no import finished in the window: widen it"
    for _ in range(RUNS):  # the receipt: the family leaves here only whole over there
        run_and_kill(CHILD, ["receipt", str(journal_dir), str(receipt)], rng, 1.0)
        note_reliability("kills")
        here, there = _check(journal_dir, pair.receiver_dir, case, new_case)
        assert here in (whole, None)
        assert there == whole
    sender = Journal.open(journal_dir, LEAD, LEAD_PASS)  # a repeated run completes
    try:
        sender.handovers.take_receipt(receipt.read_bytes())
        assert _members(sender, case) is None
        assert not sender.handovers.waiting()
        assert not integrity_problems(sender._ctx.db)
    finally:
        sender.lock()
