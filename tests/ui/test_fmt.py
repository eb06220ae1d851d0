"""Dates and amounts: Norwegian forms in every language unless the user chooses otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from samjournal.money import Money
from tests.conftest import WORKER, WORKER_PASS
from tests.ui.conftest import open_as
from ui import fmt

DAY = dt.date(2026, 12, 5)
WHEN = dt.datetime(2026, 12, 5, 14, 30).astimezone()


def test_english_keeps_norwegian_dates_and_kroner(qtbot: QtBot, make_app, journal_dir: Path):
    w = open_as(qtbot, make_app("en"), journal_dir, WORKER, WORKER_PASS)
    assert w.prefs.norwegian_formats
    assert fmt.date(DAY) == "05.12.2026"
    assert fmt.datetime(WHEN) == "05.12.2026 14:30"
    assert fmt.money(Money.kr(12_000)).replace("\u00a0", " ") == "12 000,00 kr"
    assert fmt.parse_money("1 250,50") == Money(125_050)
    edit = fmt.date_edit(QDateEdit(QDate(2026, 12, 5)))
    assert edit.text() == "05.12.2026"

    # The user chooses the language's own forms in the View menu; the choice is remembered.
    action = w.actions_by_name["norwegian_formats"]
    assert action.isChecked()
    action.trigger()
    assert not w.prefs.norwegian_formats
    assert fmt.date(DAY) == "05/12/2026"
    assert fmt.money(Money.kr(12_000)).replace("\u00a0", " ") == "NOK 12,000.00"
    assert fmt.parse_money("1,250.50") == Money(125_050)
    action.trigger()
    assert w.prefs.norwegian_formats
    assert fmt.date(DAY) == "05.12.2026"


def test_bokmal_is_norwegian_either_way(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    w = open_as(qtbot, make_app("nb"), journal_dir, WORKER, WORKER_PASS)
    w.set_norwegian_formats(False)
    assert fmt.date(DAY) == "05.12.2026"
    assert fmt.money(Money.kr(12_000)).replace("\u00a0", " ") == "12 000,00 kr"
    w.set_norwegian_formats(True)
