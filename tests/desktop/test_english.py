"""The same program in English, chosen from the View menu and kept for the next start; the
screens a team lead meets, photographed for a person to look at."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from samjournal.demo import DEMO_PASSPHRASE
from tests.desktop.desk import DEMO_MADE, Display, Program, shots

pytestmark = pytest.mark.desktop


def choose_the_team_lead(program: Program) -> None:
    """Lise Leder, in the user list just above the passphrase (the demo chooses a caseworker)."""
    program.key("shift+Tab")
    program.type("l")
    program.key("Tab")


def test_english_is_chosen_from_the_menu_and_kept(start, display: Display, home: Path) -> None:
    shot = shots(display, "english")
    program = start("--demo")
    program.wait_window("^Lås opp SamJournal$", timeout=DEMO_MADE)
    program.focus("^Lås opp SamJournal$")
    choose_the_team_lead(program)
    program.type(DEMO_PASSPHRASE)
    program.key("Return")
    program.wait_gone("^Lås opp SamJournal$")
    program.focus("^SamJournal$")
    # Vis → Språk → English, a menu at a time as a person would: sent 50 ms apart, a menu
    # still opening under load let "p" go to the case list, and English was never chosen.
    for chord in ("alt+v", "p", "Down", "Return"):
        program.key(chord)
        time.sleep(0.4)
    # Chosen, it is remembered at once (the next start below reads it).
    settings = home / ".config" / "SamJournal" / "SamJournal.conf"
    deadline = time.monotonic() + 10
    while "language=en" not in (settings.read_text() if settings.exists() else ""):
        assert time.monotonic() < deadline, "English was not remembered"
        time.sleep(0.2)
    time.sleep(1.5)  # the window is rebuilt in the new language
    program.focus("^SamJournal$")
    shot("1-cases")
    program.key("ctrl+2")
    time.sleep(1)
    shot("2-approvals")
    program.key("ctrl+q")
    assert program.wait_exit() == 0

    program = start("--demo")
    program.focus("^Unlock SamJournal$")  # remembered: the next start is in English
    choose_the_team_lead(program)
    shot("3-unlock")
    program.type("wrong passphrase")
    program.key("Return")
    time.sleep(2)
    shot("4-unlock-wrong")
    program.type(DEMO_PASSPHRASE)
    program.key("Return")
    program.wait_gone("^Unlock SamJournal$")
    program.focus("^SamJournal$")
    program.key("ctrl+f")
    program.type("Haugen")
    time.sleep(1)
    program.key("Return")
    time.sleep(1.5)
    shot("5-family")
    program.key("ctrl+shift+p")  # propose a payment, with nothing filled in
    program.focus("^New payment|^Propose")
    program.key("Return")
    time.sleep(0.5)
    shot("6-payment-error")
    program.key("Escape")
    program.focus("^SamJournal$")
    program.key("ctrl+l")
    program.focus("^Unlock SamJournal$")
    shot("7-locked")
    program.key("Escape")  # not "quit": windows hidden at the lock would go with it
    time.sleep(0.5)
    program.check_running()
    program.key("alt+q")  # Quit SamJournal, the lock screen's own button, ends the program
    assert program.wait_exit() == 0
    assert "Traceback" not in program.output
