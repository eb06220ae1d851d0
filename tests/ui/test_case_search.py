"""The case list's search box finds a name however its Norwegian letters are typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, open_as


@pytest.mark.parametrize("typed", ["Oedegaard", "odegard"])
def test_every_keystroke_of_a_plain_spelling_keeps_the_family_in_the_list(
    qtbot: QtBot, make_app, journal_dir: Path, typed: str
) -> None:
    """From the first letter (the list's own name filter) through the full-text search."""
    page = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS).cases
    qtbot.waitUntil(lambda: page.loaded, timeout=TIMEOUT)
    for end in range(1, len(typed) + 1):
        page.search.setText(typed[:end])
        qtbot.waitUntil(
            lambda: page.search_idle and page.search_applied == page.search.text(),
            timeout=TIMEOUT,
        )
        shown = [page.proxy.family_at(r).display_name for r in range(page.proxy.rowCount())]
        assert shown == ["Familien Ødegård"], typed[:end]


def test_escape_in_the_search_box_clears_the_search(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """It did nothing: the search had to be deleted by hand to see the list again (review s14)."""
    page = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS).cases
    qtbot.waitUntil(lambda: page.loaded, timeout=TIMEOUT)
    everyone = page.proxy.rowCount()
    assert everyone > 1
    page.focus_search()
    qtbot.keyClicks(page.search, "Ødegård")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=TIMEOUT)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: page.proxy.rowCount() == everyone, timeout=TIMEOUT)
    assert page.search.hasFocus()
