"""The team lead's batch print, in the real window: case summaries for several families saved
as PDFs into a folder, laid out by the layout child (a separate process, over a socket pair).

What the test checks afterwards it reads from the files, as anyone holding them would, and
from the process table: the child ran, and it ends when the program is locked.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.desktop.desk import Display, Program, shots, wait_for_file
from tests.desktop.test_daily_flow import MAIN, unlock_demo

pytestmark = pytest.mark.desktop

BATCH = "^Skriv ut saksoppsummeringer"
FOLDER_DIALOG = "^Lagre saksoppsummeringene i"
FAMILIES = 4


def layout_children() -> list[str]:
    """The command lines of running layout children."""
    table = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in table.splitlines() if "samjournal.reports.layout_child" in line]


def test_case_summaries_saved_to_a_folder_by_the_layout_child(
    start, display: Display, home: Path
) -> None:
    shot = shots(display, "batch")
    folder = home / "utskrifter"
    folder.mkdir()
    program: Program = start("--demo")
    unlock_demo(program, "l")  # Lise Leder, the team lead (the demo chooses a caseworker)
    main = program.focus(MAIN)
    program.click(main, 400, 200)  # the case list's first family
    for _ in range(FAMILIES - 1):
        program.key("shift+Down")
    program.key("ctrl+shift+b")
    program.focus(BATCH)
    shot("1-dialog")
    program.key("alt+m")  # Save as PDF files in a folder
    program.key("alt+v")  # Choose folder…
    program.wait_focus(FOLDER_DIALOG)
    program.key("ctrl+a")
    program.type(str(folder))
    program.key("Return")
    program.wait_gone(FOLDER_DIALOG)
    program.focus(BATCH)
    shot("2-folder")
    program.key("alt+l")  # Save
    deadline = time.monotonic() + 60
    while len(list(folder.glob("*.pdf"))) < FAMILIES and time.monotonic() < deadline:
        time.sleep(0.2)
    shot("3-saved")
    saved = sorted(folder.glob("*.pdf"))
    assert len(saved) == FAMILIES, [p.name for p in saved]
    for path in saved:
        wait_for_file(path)
        text = PdfReader(path).pages[0].extract_text()
        assert "Saksoppsummering" in text
        assert path.stem.split("-", 1)[1] in text  # named by its own case number
    assert layout_children(), "no layout child ran"
    program.key("Escape")
    program.key("ctrl+l")  # lock: the child ends
    deadline = time.monotonic() + 10
    while layout_children() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not layout_children()
    shot("4-locked")
