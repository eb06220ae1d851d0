"""Small reusable widgets: a message bar is as tall as its wrapped message."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets import MessageBar

LONG = "Journalen kunne ikke lagres fordi disken er full. Frigjør plass og prøv igjen. " * 3


def test_a_message_bar_is_as_tall_as_its_wrapped_message(qtbot: QtBot) -> None:
    """The bar set its label's size policy whole, which dropped height-for-width: the label said
    its height follows its width only once a setText happened to turn it back on. Now it says
    so from the start, and a long message at a narrow width is shown whole from the first show."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    bar = MessageBar(host)
    layout.addWidget(bar)
    layout.addStretch(1)
    label = bar._text
    assert label.sizePolicy().hasHeightForWidth()  # before any message
    bar.show_message(LONG, MessageBar.WARNING)
    host.resize(220, 400)
    host.show()
    qtbot.waitExposed(host)
    lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
    assert lines > 2  # it wraps
    assert label.height() >= label.heightForWidth(label.width())
    margins = bar.layout().contentsMargins()
    assert bar.height() >= label.height() + margins.top() + margins.bottom()
