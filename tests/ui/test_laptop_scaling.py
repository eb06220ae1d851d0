"""The main window on an office laptop's 1366x768 screen at 150 % and 200 % scaling (910x512
and 683x384 pixels to lay out; outside review s19): the family page needs no sideways scrolling
and its header's buttons are in sight."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import Template
from tests.ui.conftest import open_family
from tests.ui.test_narrow_window import narrow_window
from ui.main_window import MainWindow

AT_150 = QSize(910, 512)
AT_200 = QSize(683, 384)
SIZES = pytest.mark.parametrize("size", [AT_150, AT_200], ids=["150%", "200%"])
LANGS = pytest.mark.parametrize("lang", ["nb", "en"])


def in_viewport(widget: QWidget, window: MainWindow) -> bool:
    """`widget` is whole inside the part of the page the window shows."""
    central = window.centralWidget()
    top_left = widget.mapTo(central.viewport(), QPoint(0, 0))
    return central.viewport().rect().contains(QRect(top_left, widget.size()))


def header_buttons(window: MainWindow) -> list[QAbstractButton]:
    family = window.family
    buttons = [family.back_button, family.copy_button, family.edit_button]
    buttons += [family.summary_button, family.access_button]  # a team lead's
    assert all(button.isVisible() for button in buttons)
    return buttons


@LANGS
@SIZES
def test_the_family_page_needs_no_sideways_scrolling_and_shows_its_header_buttons(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str, size: QSize
) -> None:
    """At 150 % the header (its buttons beside the case number, status and caseworker) was
    937 pixels at least: the page scrolled 53 pixels sideways, 270 at 200 %, and "Edit
    family…" and the payments' last column were cut off."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(size)
    sideways = window.centralWidget().horizontalScrollBar()
    for index in range(window.family.tabs.count()):
        window.show_tab(index)
        QApplication.processEvents()
        tab = window.family.tabs.tabText(index)
        assert sideways.maximum() == 0, tab
        assert not sideways.isVisible(), tab
        out = [b.text() for b in header_buttons(window) if not in_viewport(b, window)]
        assert out == [], tab
    # The case number, status and caseworker are there whole, on as many lines as they need.
    subtitle = window.family.subtitle
    assert "Kari Nilsen" in subtitle.text()
    assert subtitle.height() >= subtitle.heightForWidth(subtitle.width())
    assert in_viewport(subtitle, window)


@LANGS
def test_wide_the_buttons_stay_beside_the_family_s_name(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """With room for it (1366x768 at 100 %) the header is one row, as before."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(1366, 720)
    QApplication.processEvents()
    family = window.family
    top = family.title.mapTo(family, QPoint(0, 0)).y()
    bottom = family.subtitle.mapTo(family, QPoint(0, family.subtitle.height())).y()
    right = family.subtitle.mapTo(family, QPoint(family.subtitle.width(), 0)).x()
    assert family.subtitle.height() < 2 * family.subtitle.fontMetrics().height()  # one line
    for button in header_buttons(window)[1:]:
        place = button.geometry().translated(button.parentWidget().mapTo(family, QPoint(0, 0)))
        assert top <= place.center().y() <= bottom, button.text()
        assert place.left() >= right, button.text()


@LANGS
@SIZES
def test_the_header_s_buttons_keep_their_keys_and_names_when_they_wrap(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str, size: QSize
) -> None:
    """Every action of the header is still a button in sight with its Alt+letter and name, and
    Tab reaches them in the order they read: the back button, the printouts, "Edit family…"."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(size)
    QApplication.processEvents()
    family = window.family
    expected = [
        family.back_button,
        family.copy_button,
        family.summary_button,
        family.access_button,
        family.edit_button,
    ]
    for button in expected:
        assert "&" in button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    order = [family.back_button]
    while len(order) < len(expected):
        order.append(order[-1].nextInFocusChain())
        while not isinstance(order[-1], QAbstractButton) or not order[-1].isVisible():
            order[-1] = order[-1].nextInFocusChain()
    assert order == expected


@LANGS
def test_at_200_percent_the_overview_s_boxes_are_as_tall_as_their_words(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """Narrower, the budget's legend and the meeting's words take more lines: the page scrolls
    down to them rather than cutting them off at the boxes' bottom."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(AT_200)
    window.show_tab(0)
    QApplication.processEvents()
    boxes = [b for b in window.family.overview.findChildren(QGroupBox) if b.hasHeightForWidth()]
    assert len(boxes) == 2  # the budget and the meetings
    for box in boxes:
        assert box.height() >= box.heightForWidth(box.width()), box.title()
    bar = window.family.overview.budget
    assert bar.height() >= bar.heightForWidth(bar.width())
