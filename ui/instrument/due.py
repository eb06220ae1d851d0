"""Due check-ins in words: which occasion, since when, and whether it is overdue (more than 30
days late). A sign and words carry it; the attention colour only adds to them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from samjournal.instruments.due import Due, DueState
from ui import fmt, labels
from ui.attention import SIGN


def due_text(due: Due) -> str:
    if due.overdue:
        text = QCoreApplication.translate("Due", "Check-in overdue (%1): it was due on %2")
        return f"{SIGN} " + text.replace("%1", labels.label(due.occasion)).replace(
            "%2", fmt.date(due.due_on)
        )
    return (
        QCoreApplication.translate("Due", "Check-in due (%1) since %2")
        .replace("%1", labels.label(due.occasion))
        .replace("%2", fmt.date(due.due_on))
    )


def dues_text(dues: Sequence[Due]) -> str:
    """Every due check-in of a family, the most pressing first; "none due" when none is."""
    if not dues:
        return QCoreApplication.translate("Due", "No check-in due")
    ordered = sorted(dues, key=lambda d: (not d.overdue, d.due_on))
    return "\n".join(due_text(d) for d in ordered)


def state_text(state: DueState) -> str:
    """The case list's cell under "Check-in": empty when nothing is due, "due" or "overdue"
    (with the sign) otherwise; `labels.label(state)` is the whole, for its tooltip."""
    word = labels.due_short(state)
    return f"{SIGN} {word}" if state is DueState.OVERDUE else word
