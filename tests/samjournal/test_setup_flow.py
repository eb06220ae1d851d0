"""The first-run setup state machine, without a screen."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from samjournal.errors import ValidationError
from samjournal.flows.setup import Hint, SetupFlow, Step, passphrase_strength
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST

PASS = "en lang og god passordfrase"


def flow_at_create(tmp_path: Path) -> SetupFlow:
    flow = SetupFlow(tmp_path / "journal", cost=TEST_COST, rng=random.Random(3))
    flow.choose_location(tmp_path / "journal")
    flow.set_team_lead("leder", "Lise Leder")
    flow.set_passphrase(PASS, PASS)
    return flow


def test_happy_path_creates_a_journal_that_opens(tmp_path: Path) -> None:
    flow = SetupFlow(tmp_path / "journal", cost=TEST_COST, rng=random.Random(3))
    assert flow.step is Step.LOCATION
    assert flow.position == (1, 7)
    flow.choose_location(tmp_path / "journal")
    flow.set_team_lead("leder", "Lise Leder")
    flow.set_passphrase(PASS, PASS)
    assert flow.step is Step.CREATE
    journal = flow.create()
    assert flow.step is Step.RECOVERY_KEY
    groups = flow.recovery_groups
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    assert 1 <= flow.confirm_group_number <= 8
    flow.key_written_down()
    flow.confirm(groups[flow.confirm_group_number - 1].lower())
    assert flow.step is Step.DONE
    assert flow.recovery_groups == ()  # shown once, not kept
    assert journal.user.username == "leder"
    journal.lock()
    again = Journal.open(tmp_path / "journal", "leder", PASS)
    assert again.user.display_name == "Lise Leder"


def test_the_recovery_key_resets_a_passphrase(tmp_path: Path) -> None:
    flow = flow_at_create(tmp_path)
    flow.create()
    key = "-".join(flow.recovery_groups)
    Journal.reset_passphrase(tmp_path / "journal", key, "leder", "helt ny passordfrase")
    assert Journal.open(tmp_path / "journal", "leder", "helt ny passordfrase").user.username


def test_a_wrong_group_is_refused_and_can_be_retried(tmp_path: Path) -> None:
    flow = flow_at_create(tmp_path)
    flow.create()
    flow.key_written_down()
    right = flow.recovery_groups[flow.confirm_group_number - 1]
    with pytest.raises(ValidationError) as err:
        flow.confirm("ZZZZ" if right != "ZZZZ" else "YYYY")
    assert err.value.field == "gruppe"
    assert flow.step is Step.CONFIRM
    flow.back()
    assert flow.step is Step.RECOVERY_KEY
    flow.key_written_down()
    flow.confirm(f" {right[:2]}-{right[2:]} ")
    assert flow.step is Step.DONE


def test_location_must_be_empty_or_new(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x")
    (tmp_path / "file").write_text("x")
    flow = SetupFlow(tmp_path / "new")
    for bad in (tmp_path / "full", tmp_path / "file", "  "):
        with pytest.raises(ValidationError) as err:
            flow.choose_location(bad)
        assert err.value.field == "plassering"
        assert flow.step is Step.LOCATION
    (tmp_path / "empty").mkdir()
    flow.choose_location(tmp_path / "empty")
    assert flow.location == tmp_path / "empty"


def test_team_lead_and_passphrase_are_checked(tmp_path: Path) -> None:
    flow = SetupFlow(tmp_path / "j", cost=TEST_COST)
    flow.choose_location(tmp_path / "j")
    with pytest.raises(ValidationError) as err:
        flow.set_team_lead("has space", "Navn")
    assert err.value.field == "brukernavn"
    with pytest.raises(ValidationError) as err:
        flow.set_team_lead("leder", "  ")
    assert err.value.field == "navn"
    flow.set_team_lead("leder", "Lise")
    with pytest.raises(ValidationError) as err:
        flow.set_passphrase("kort", "kort")
    assert err.value.field == "passordfrase"
    with pytest.raises(ValidationError) as err:
        flow.set_passphrase(PASS, PASS + "x")
    assert err.value.field == "gjenta passordfrase"
    assert flow.step is Step.PASSPHRASE


def test_back_goes_one_step_and_never_across_create(tmp_path: Path) -> None:
    flow = flow_at_create(tmp_path)
    flow.back()
    assert flow.step is Step.PASSPHRASE
    flow.back()
    assert flow.step is Step.TEAM_LEAD
    flow.back()
    assert flow.step is Step.LOCATION
    assert not flow.can_go_back
    with pytest.raises(RuntimeError):
        flow.back()
    flow = flow_at_create(tmp_path / "second")
    flow.create()
    assert not flow.can_go_back


def test_steps_cannot_be_skipped(tmp_path: Path) -> None:
    flow = SetupFlow(tmp_path / "j", cost=TEST_COST)
    with pytest.raises(RuntimeError):
        flow.set_team_lead("leder", "Lise")
    with pytest.raises(RuntimeError):
        flow.create()


@pytest.mark.parametrize(
    ("passphrase", "low", "high", "acceptable"),
    [
        ("", 0, 0, False),
        ("abc", 0, 0, False),
        ("aaaaaaaaaaaa", 1, 1, False),
        ("abcdefghij", 1, 1, False),
        ("korrekt hest batteri stift", 3, 4, True),
        ("Tre blå Båter i 2026!", 4, 4, True),
    ],
)
def test_strength_is_a_real_estimate(
    passphrase: str, low: int, high: int, acceptable: bool
) -> None:
    strength = passphrase_strength(passphrase)
    assert low <= strength.score <= high
    assert strength.acceptable is acceptable


def test_strength_hints_say_what_to_improve() -> None:
    assert Hint.TOO_SHORT in passphrase_strength("kort").hints
    assert Hint.REPEATED in passphrase_strength("aaaaaaaaaaaa").hints
    assert Hint.PATTERN in passphrase_strength("abcdefghijkl").hints
    assert passphrase_strength("Tre blå Båter i 2026!").hints == ()


def test_a_weak_team_lead_passphrase_is_refused(tmp_path: Path) -> None:
    flow = SetupFlow(tmp_path / "journal", cost=TEST_COST)
    flow.choose_location(tmp_path / "journal")
    flow.set_team_lead("lise", "Lise Leder")
    with pytest.raises(ValidationError) as refused:
        flow.set_passphrase("aaaaaaaaaa", "aaaaaaaaaa")
    assert refused.value.field == "passordfrase"
    assert refused.value.message.startswith("er for lett å gjette")
    assert flow.step is Step.PASSPHRASE
    flow.set_passphrase("tre blå båter i havna", "tre blå båter i havna")
    assert flow.step is Step.CREATE
