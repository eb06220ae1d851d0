"""Marks for what needs attention: an overdue next meeting, a nearly spent budget.

Each mark is a sign and a word from the vocabulary, with a colour on top (never colour alone),
the colour chosen to read on the light or dark palette in use.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from samjournal.model import nearly_spent, overdue
from samjournal.money import Money
from ui import fmt, labels, theme

SIGN = "\u26a0\ufe0e"  # a text-style warning sign: it keeps the text colour


def colour(palette: QPalette | None = None) -> QColor:
    """A red that stands out from the palette's text, light theme or dark."""
    return QColor(theme.current(palette).attention)


def next_meeting(planned: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """The planned time, with the sign and "overdue" once it has passed."""
    text = fmt.datetime(planned)
    if overdue(planned, now):
        return f"{SIGN} {text} ({labels.overdue()})"
    return text


def budget_share(used: Money, frame: Money) -> str:
    """ "97 %", with the sign once it is nearly spent."""
    # Whole percents down: 89.96 % reads "89 %", never a "90 %" without the sign that 90 % has.
    share = f"{100 * used.ore // max(frame.ore, 1)} %"
    return f"{SIGN} {share}" if nearly_spent(used, frame) else share


def mark(widget: QWidget, alert: bool) -> None:
    """Show a label's text in the attention colour, or back in the palette's own."""
    palette = widget.palette()
    role = QPalette.ColorRole.WindowText
    palette.setColor(role, colour() if alert else QGuiApplication.palette().color(role))
    widget.setPalette(palette)
