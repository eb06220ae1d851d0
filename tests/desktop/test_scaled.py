"""The caseworker's daily flow by keyboard alone, in the real window at 1.5x and 2x scaling
on a 1366x768 laptop (QT_SCALE_FACTOR, as a magnifying user sets it): unlock, a new family, a
meeting with a need and a payment; every window stays on the screen, Shift+Tab walks back
through the meeting's new rows to the field above them and Tab forward again (it never left
Save and Cancel), and Enter in the payment's purpose saves the meeting.

What was saved is read back from the journal afterwards with the core, as the CLI would.
Screenshots: test-artifacts/desktop/scaled-*.png.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from samjournal.demo import DEMO_PASSPHRASE
from samjournal.journal import Journal
from tests.desktop.desk import DEMO_MADE, SCREEN, Display, Program, shots
from tests.desktop.test_daily_flow import MAIN, unlock_demo

pytestmark = pytest.mark.desktop

WIDTH, HEIGHT = (int(n) for n in SCREEN.split("x")[:2])
MEETING = "^Registrer møte"


def on_screen(program: Program, title: str) -> tuple[int, int, int, int]:
    """The window titled `title`, which must lie wholly on the screen."""
    x, y, w, h = program.geometry(program.wait_window(title))
    assert x >= 0, (title, x, y, w, h)
    assert y >= 0, (title, x, y, w, h)
    assert x + w <= WIDTH, (title, x, y, w, h)
    assert y + h <= HEIGHT, (title, x, y, w, h)
    return x, y, w, h


def daily_flow(program: Program, shot, family: str, label: str) -> None:
    program.wait_window("^Lås opp SamJournal$", timeout=DEMO_MADE)
    on_screen(program, "^Lås opp SamJournal$")
    shot(f"{label}-1-unlock")
    unlock_demo(program, "k")  # Kari Nilsen, by the keyboard
    on_screen(program, MAIN)
    program.key("ctrl+n")
    program.focus("^Ny familie")
    on_screen(program, "^Ny familie")
    program.type(family)
    program.key("Tab")
    program.type("Lerkendal")
    program.key("Return")
    program.wait_gone("^Ny familie")
    time.sleep(1)  # the family opens
    program.key("ctrl+r")
    program.focus(MEETING)
    on_screen(program, MEETING)
    program.key("alt+o")  # the family's own words
    program.type("Vi trenger vinterklaer.")
    program.key("alt+b")  # add a need: the cursor is in its text
    time.sleep(0.5)
    program.type("Vinterklaer til barna")
    program.key("alt+u")  # add a payment: the cursor is in its amount
    time.sleep(0.5)
    program.type("1500")
    program.key("Tab")
    program.type("Vinterjakker")
    program.key("Tab", "Tab", "Down")  # past the method, to the need: the new one
    # Back through the payment row, "Add need" and the need row to "What was agreed" above.
    program.key(*["shift+Tab"] * 8)
    program.type("Kari kjoper jakkene.")
    shot(f"{label}-2-meeting")
    # Forward again, in reading order, to the payment's purpose: need, category, remove, "Add
    # need", amount, purpose. Enter there saves the meeting (it added an empty need row).
    program.key(*["Tab"] * 6)
    program.key("Return")
    program.wait_gone(MEETING)
    time.sleep(1)
    shot(f"{label}-3-family")
    program.key("ctrl+shift+Tab")  # the tab before the meetings: the overview, budget bar and all
    time.sleep(0.5)
    shot(f"{label}-4-overview")
    on_screen(program, MAIN)
    program.focus(MAIN)
    program.key("ctrl+q")
    assert program.wait_exit() == 0
    assert "Traceback" not in program.output


def test_the_daily_flow_by_keyboard_at_one_and_a_half_and_double_scale(
    start, display: Display, home: Path
) -> None:
    shot = shots(display, "scaled")
    families = {"1.5": "Familien Skala Halvannen", "2": "Familien Skala Dobbel"}
    for factor, family in families.items():
        program = start("--demo", env={"QT_SCALE_FACTOR": factor})
        daily_flow(program, shot, family, f"x{factor}")

    journal = Journal.open(
        home / ".local" / "share" / "SamJournal" / "demo", "kari", DEMO_PASSPHRASE
    )
    try:
        rows = {row.display_name: row for row in journal.families.case_list()}
        for family in families.values():
            detail = journal.families.open(rows[family].id)
            (meeting,) = detail.meetings
            assert meeting.family_words == "Vi trenger vinterklaer."
            assert meeting.agreed == "Kari kjoper jakkene."  # Shift+Tab reached it
            (need,) = detail.needs
            assert need.description == "Vinterklaer til barna"
            (payment,) = detail.payments
            assert payment.purpose == "Vinterjakker"
            assert payment.amount.ore == 150_000
            assert payment.need_id == need.id
    finally:
        journal.lock()
