"""A caseworker's and a team lead's day on the demo journal, as `make run` opens it: a new
family, a meeting with a need and a payment above the approval limit; the caseworker locks and
the team lead signs in from the lock screen on the same laptop: her approval, the case summary's
print preview saved as PDF; and the program ends when it is quit.

The keys are the ones the menus and dialogs show; what the test checks afterwards it reads from
the PDF the team lead saved, as anyone holding the printout would.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from samjournal.demo import DEMO_PASSPHRASE
from tests.desktop.desk import DEMO_MADE, Display, Program, shots, wait_for_file

pytestmark = pytest.mark.desktop

UNLOCK = "^Lås opp SamJournal$"
MAIN = "^SamJournal$"
FAMILY = "Familien Tastesen"
NEED = "Ny vaskemaskin til familien"
PURPOSE = "Vaskemaskin fra butikken"


def unlock_demo(program: Program, user_initial: str | None = None) -> None:
    program.wait_window(UNLOCK, timeout=DEMO_MADE)
    program.focus(UNLOCK)
    if user_initial:  # the user list is just above the passphrase
        program.key("shift+Tab")
        program.type(user_initial)
        program.key("Tab")
    program.type(DEMO_PASSPHRASE)
    program.key("Return")
    program.wait_gone(UNLOCK)
    program.focus(MAIN)
    time.sleep(1)  # the case list fills


def test_a_meeting_with_a_payment_over_the_limit_approved_and_printed(
    start, display: Display, home: Path
) -> None:
    shot = shots(display, "daily")
    # The caseworker: a new family, then a meeting that agrees a need and proposes a payment.
    program = start("--demo")
    unlock_demo(program, "k")  # Kari Nilsen
    shot("1-cases")
    program.key("ctrl+n")
    program.focus("^Ny familie")
    program.type(FAMILY)
    program.key("Tab")
    program.type("Lerkendal")
    program.key("Return")
    program.wait_gone("^Ny familie")
    time.sleep(1)  # the family opens
    program.key("ctrl+r")
    program.focus("^Registrer møte")
    program.key("alt+o")  # the family's own words
    program.type("Vaskemaskinen er odelagt, og vi vasker for hand.")
    program.key("alt+b")  # add a need: the cursor is in its text
    time.sleep(0.5)  # a mnemonic presses its button after a short animation, as on screen
    program.type(NEED)
    program.key("alt+u")  # add a payment: the cursor is in its amount
    time.sleep(0.5)
    program.type("12000")
    program.key("Tab")
    program.type(PURPOSE)
    program.key("Tab", "Tab", "Down")  # past the method, to the need: the new one
    shot("2-meeting")
    program.key("Return")
    program.wait_gone("^Registrer møte")
    time.sleep(1)  # the family's page reloads from the journal after the save
    shot("3-family")
    program.focus(MAIN)
    program.key("ctrl+l")  # the caseworker locks; the team lead comes to her laptop

    # The team lead signs in from the lock screen (the program goes on), approves it in the
    # queue, opens the family, previews the summary and saves it.
    program.focus(UNLOCK)
    shot("4-locked")
    program.key("alt+n")  # Sign in as someone else: nothing was left open, so no question
    program.wait_gone(MAIN)
    unlock_demo(program, "l")  # Lise Leder, the team lead (the demo chooses a caseworker)
    program.key("ctrl+2")
    time.sleep(1)
    # The queue has the focus but no current row: the first key press only chooses the first
    # row (as any Qt table does); the newest proposal is the last row, below the demo's own.
    program.key("Home", "ctrl+End")
    shot("5-approvals")
    program.key("alt+g")  # Approve: asked once more, with the budget left
    program.focus("^Godkjenn utbetaling")
    shot("6-approve")
    program.key("Return")
    program.wait_gone("^Godkjenn utbetaling")
    program.key("ctrl+f")  # search from the case list; Enter opens the first family found
    program.type("Tastesen")
    time.sleep(1)
    program.key("Return")
    time.sleep(1)
    program.key("ctrl+shift+s")  # Case summary: what it covers, then the preview
    program.focus("^Saksoppsummering for sak")
    program.key("Return")
    program.focus("^Forhåndsvisning")
    time.sleep(1)
    shot("7-preview")
    summary = home / "saksoppsummering-test.pdf"
    program.key("ctrl+shift+s")  # Save as PDF
    program.focus("^Lagre som PDF")
    program.key("ctrl+a")
    program.type(str(summary))
    program.key("Return")
    wait_for_file(summary)
    program.focus("^Forhåndsvisning")
    program.key("Escape")
    program.wait_gone("^Forhåndsvisning")
    program.focus(MAIN)
    program.key("ctrl+q")
    assert program.wait_exit() == 0
    assert "Traceback" not in program.output

    text = subprocess.run(
        ["pdftotext", "-layout", str(summary), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert FAMILY in text
    assert NEED in text
    payment = next(line for line in text.splitlines() if PURPOSE in line)
    assert "12 000" in payment
    assert "Godkjent" in payment, payment
