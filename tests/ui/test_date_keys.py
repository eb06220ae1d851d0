"""Dates typed as written on paper, dots included, land where they were meant to in every date
field (ui/date_keys.py): "01.11.2026" became 01.12.1 (team-lead review, 2026-12-07)."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui import fmt

F = TypeVar("F", bound=QDateTimeEdit)


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("01.11.2026", dt.date(2026, 11, 1)),
        ("30.11.2026", dt.date(2026, 11, 30)),
        ("5.3.2026", dt.date(2026, 3, 5)),  # a part left short: its dot moves on
        ("1.11.2026", dt.date(2026, 11, 1)),
        ("01112026", dt.date(2026, 11, 1)),  # digits only, as before
    ],
)
def test_a_date_typed_with_its_dots_is_the_date_typed(
    qtbot: QtBot, typed: str, wanted: dt.date
) -> None:
    _window, edit = _field(qtbot, fmt.date_edit(QDateEdit(QDate(2026, 12, 7))))
    qtbot.keyClicks(edit, typed)
    assert edit.date().toPython() == wanted


def test_a_date_and_time_typed_as_written(qtbot: QtBot) -> None:
    start = QDateTime(QDate(2026, 12, 7), QTime(14, 0))
    _window, edit = _field(qtbot, fmt.date_edit(QDateTimeEdit(start)))
    qtbot.keyClicks(edit, "01.11.2026 09:05")
    assert edit.dateTime().toPython() == dt.datetime(2026, 11, 1, 9, 5)


def _field(qtbot: QtBot, edit: F) -> tuple[QWidget, F]:
    """`edit` in a window, reached by Tab as a person reaches it (its first part selected)."""
    window = QWidget()
    qtbot.addWidget(window)
    before = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(edit)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: edit.currentSection() == QDateTimeEdit.Section.DaySection)
    return window, edit  # the window kept: the field is its child
