"""Empty states say what to do, and counts use the right plural in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import Role
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, open_as, open_family

NEW_PASS = "nina sin nye passordfrase"


def test_an_empty_case_list_says_how_to_add_a_family(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.add_user("nina", "Nina Ny", Role.CASEWORKER, NEW_PASS)
    lead.lock()
    w = open_as(qtbot, make_app(), journal_dir, "nina", NEW_PASS)
    page = w.cases
    qtbot.waitUntil(page.empty.isVisible, timeout=TIMEOUT)
    assert "Ny familie…" in page.empty.text()
    assert "Ctrl+N" in page.empty.text()


@pytest.mark.parametrize(
    ("language", "one", "none"),
    [
        ("nb", "1 familie passer med søket", "Ingen familie passer med søket"),
        ("en", "1 family matches the search", "No family matches the search"),
    ],
)
def test_search_counts_agree_in_number(
    qtbot: QtBot, make_app, journal_dir: Path, language: str, one: str, none: str
) -> None:
    w = open_as(qtbot, make_app(language), journal_dir, WORKER, WORKER_PASS)
    page = w.cases
    qtbot.keyClicks(page.search, "Ødegård")
    qtbot.waitUntil(lambda: page.search_idle and page.proxy.rowCount() == 1, timeout=TIMEOUT)
    assert page.count.text().startswith(one)
    assert not page.empty.isVisible()
    page.search.clear()
    qtbot.keyClicks(page.search, "finnesikkeiheletatt")
    qtbot.waitUntil(lambda: page.search_idle and page.proxy.rowCount() == 0, timeout=TIMEOUT)
    assert page.empty.isVisible()
    assert page.empty.text().startswith(none)


def test_the_trend_chart_without_check_ins_says_what_to_do(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    chart = w.family.checkins.chart
    assert chart.accessibleDescription().startswith("Ingen kartlegginger ennå.")
    assert "Registrer kartlegging…" in chart.accessibleDescription()
