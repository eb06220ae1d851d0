"""Dates typed as they are written: "01.11.2026", with the dots.

A date field moves on to the next part by itself once a part is complete (the second digit of the
day); the dot typed next then moved on again, past the month. "01.11.2026" became 01.12.1 and
"30.11.2026" 30.12.1, in every date field, silently (team-lead review, 2026-12-07). A separator
typed right after a digit that made the field move on is the move already made: swallowed. Typed
after a part left short ("5.3.2026"), it moves on as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

SEPARATORS = frozenset(".,:/- ")


class DateKeys(QObject):
    """The event filter of one date field (`typed_as_written`)."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._before: QDateTimeEdit.Section | None = None  # the part the last digit went into

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QDateTimeEdit):
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text, before = event.text(), self._before
            self._before = watched.currentSection() if text.isdigit() else None
            if text in SEPARATORS and text and before is not None:
                return watched.currentSection() != before  # moved on at that digit: done
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusOut):
            self._before = None  # a part chosen by hand: its separator means move on
        return False


def typed_as_written(edit: QDateTimeEdit) -> None:
    edit.installEventFilter(DateKeys(edit))
