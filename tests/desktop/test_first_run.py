"""A new user on an empty machine: the first-run wizard to the main window, then unlocking with
only the keyboard (a wrong passphrase, then the right one), locking and quitting.

The program runs as its own process on a real X server with a window manager; every key and
click comes from outside it (xdotool), and what the test knows it reads off the screen's window
titles and the recovery sheet the user saved as PDF.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.desktop.desk import DeskError, Display, Program, shots

pytestmark = pytest.mark.desktop

WIZARD = " — Sett opp SamJournal$"  # the title names the step: "Klar — Sett opp SamJournal"
LOCATION = "^Hvor journalen skal ligge — Sett opp SamJournal$"
KEY = "^Gjenopprettingsnøkkelen — Sett opp SamJournal$"
CHECK = "^Sjekk arket — Sett opp SamJournal$"
READY = "^Klar — Sett opp SamJournal$"
UNLOCK = "^Lås opp SamJournal$"
MAIN = "^SamJournal$"
SAVE = "^Lagre som PDF"
PASSPHRASE = "rolig elv under gammel bro 7"


def recovery_groups(sheet: Path) -> list[str]:
    """The eight groups of four as the person reads them off the saved sheet."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    groups = []  # printed four to a row, each above its number
    for line in text.splitlines():
        words = line.split()
        if len(words) == 4 and all(re.fullmatch("[0-9A-Z]{4}", word) for word in words):
            groups.extend(words)
    assert len(groups) == 8, f"no recovery key on the sheet:\n{text}"
    return groups


def confirm_a_group(program: Program, groups: list[str]) -> None:
    """Type the group the wizard asks for. The test cannot read the asked number off the screen,
    so it tries the groups in turn as a person re-reading the sheet would; a wrong one is refused
    and the page stays, the right one leads to the last page (its name in the window title),
    whose Enter starts SamJournal."""
    for group in groups:
        program.key("ctrl+a")
        program.type(group)
        program.key("Return")
        try:
            program.wait_window(READY, timeout=5)
        except DeskError:
            program.check_running()  # a program that ended is the finding, not the group
            continue
        program.wait_focus(READY)
        program.key("Return")
        return
    raise DeskError("no group from the sheet was accepted")


def test_first_run_to_the_main_window_then_unlock_lock_and_quit(
    start, display: Display, home: Path
) -> None:
    shot = shots(display, "first-run")
    program = start()
    program.focus(WIZARD)
    shot("1-welcome")
    program.key("Return")  # welcome, in bokmål
    program.wait_focus(LOCATION)
    shot("1-location")
    program.key("Return")  # the suggested folder
    program.type("lise")
    program.key("Tab")
    program.type("Lise Leder")
    program.key("Return")
    program.type(PASSPHRASE)
    program.key("Tab", "Tab")  # past the field's show-passphrase toggle, to the repeat field
    program.type(PASSPHRASE)
    program.key("Return")
    shot("2-create")
    program.key("Return")  # Create journal: the keys and the journal are made

    sheet = home / "gjenopprettingsark-test.pdf"
    program.wait_focus(KEY)  # the recovery key page follows the journal's creation
    assert (program.data / "journal" / "keyring.json").exists()
    program.key("alt+l")  # Save the sheet as PDF…
    program.wait_window(SAVE)
    shot("3-save-sheet")
    program.key("ctrl+a")
    program.type(str(sheet))
    program.key("Return")
    program.wait_gone(SAVE)
    program.wait_focus(KEY)
    groups = recovery_groups(sheet)
    shot("4-recovery-key")
    program.key("alt+h")  # I have written the key down: a mnemonic clicks after Qt's 100 ms
    time.sleep(0.5)
    program.key("Return")  # Next
    program.wait_focus(CHECK)
    confirm_a_group(program, groups)

    program.wait_window(MAIN)
    program.wait_gone(WIZARD)
    # The program holding the key dumps no core (samjournal/private_memory.py).
    limits = Path(f"/proc/{program.process.pid}/limits").read_text()
    assert re.search(r"Max core file size\s+0\s+0\s", limits), limits
    time.sleep(0.5)
    shot("5-main")
    assert (program.data / "journal" / "journal.db").exists()
    program.focus(MAIN)
    program.key("ctrl+q")
    assert program.wait_exit() == 0

    # The next start remembers the journal and asks for the passphrase.
    program = start()
    program.focus(UNLOCK)
    program.type("not my passphrase")
    program.key("Return")
    time.sleep(2)  # the key derivation takes about half a second by design
    shot("6-wrong-passphrase")
    assert program.windows(), "Enter after a wrong passphrase closed the program"
    program.wait_focus(UNLOCK)
    program.type(PASSPHRASE)  # the wrong one is selected: typing replaces it
    program.key("Return")
    program.wait_window(MAIN)
    program.wait_gone(UNLOCK)

    program.focus(MAIN)
    program.key("ctrl+l")
    program.wait_window(UNLOCK)
    shot("7-locked")
    program.focus(UNLOCK)
    program.type(PASSPHRASE)
    program.key("Return")
    program.wait_gone(UNLOCK)
    program.focus(MAIN)
    program.key("ctrl+q")
    assert program.wait_exit() == 0
    assert "Traceback" not in program.output
