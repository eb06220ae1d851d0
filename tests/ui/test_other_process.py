"""The window open on a journal while the `samjournal` command, as its own process, removes a
user: the command waits, then refuses and names the open window; the window saves on meanwhile
and loses nothing, and it shows that someone is waiting (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, OTHER, OTHER_PASS
from tests.killing import ROOT
from tests.ui.conftest import TIMEOUT, open_as


def test_cli_removal_while_the_window_is_open_waits_refuses_and_loses_nothing(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    cli = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "samjournal",
            "user",
            "remove",
            str(journal_dir),
            OTHER,
            "--user",
            LEAD,
            "--wait",
            "1.5",
        ],
        cwd=ROOT,
        env={**os.environ, "SAMJOURNAL_PASSPHRASE": LEAD_PASS, "SAMJOURNAL_LANG": "en"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    shown: set[str] = set()
    saved: list[object] = []
    names = [f"Familien Mens{i}" for i in range(8)]
    deadline = time.monotonic() + 30
    while cli.poll() is None and time.monotonic() < deadline:  # the window saves on meanwhile
        if len(saved) < len(names):
            before = len(saved)
            w.session.submit(
                lambda j, name=names[before]: j.families.create(name).display_name,
                saved.append,
                saved.append,
            )
            qtbot.waitUntil(lambda: len(saved) > before, timeout=TIMEOUT)  # noqa: B023
        qtbot.wait(100)
        shown.add(w.statusBar().currentMessage())
    _, err = cli.communicate(timeout=60)
    assert cli.returncode == 1, err
    assert "SamJournal is open in another window on this journal; close it first." in err
    assert saved == names[: len(saved)], saved  # every save in the window was acknowledged
    assert len(saved) >= 3, "the window saved nothing while the command waited"
    assert any("venter på å endre denne journalen" in m for m in shown), shown  # and said so
    w.reload()
    qtbot.waitUntil(lambda: w.cases.model.total == 2 + len(saved), timeout=TIMEOUT)
    w.session.lock()  # as the window does: on its database worker
    qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
    after = Journal.open(journal_dir, LEAD, LEAD_PASS)
    present = {r.display_name for r in after.families.case_list()}
    after.lock()
    assert set(saved) <= present  # the window lost nothing
    Journal.open(journal_dir, OTHER, OTHER_PASS).lock()  # and the refused removal changed nothing


def test_a_key_change_without_room_says_what_it_needs(qtbot: QtBot) -> None:
    """Not the window's generic "disk full, nothing saved": the room a rekey needs, or that a
    key change stopped halfway and finishes at the next unlock."""
    from samjournal.errors import DiskFull, StorageFailed
    from samjournal.messages import keyed
    from ui.errors import describe

    assert "12 MB" in describe(keyed(DiskFull, "rekey_no_space", mb=12))
    assert "OSError" in describe(keyed(StorageFailed, "rekey_interrupted", problem="OSError"))
