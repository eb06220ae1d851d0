"""Small reusable widgets: a message bar is as tall as its wrapped message."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.scroll_body import ScrollBody
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


def _wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the mouse wheel over `widget` (negative: down)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at,
        QPointF(widget.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_a_form_and_changes_a_list_only_once_it_has_the_focus(
    qtbot: QtBot,
) -> None:
    """A person scrolling a long meeting with the wheel changed a need's category, unseen, when
    a list came under the pointer (review, 2026-12-07): lists and numbers in a scrolled form,
    rows added later too, take the wheel only with the focus; without it, the form scrolls."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

    fields = QVBoxLayout()
    for _ in range(20):
        fields.addWidget(QLineEdit())
    category = QComboBox()
    category.addItems(["Bolig", "Barns fritid", "Helse"])
    fields.addWidget(category)
    _window, body = _scrolled(qtbot, fields)
    late = QSpinBox()  # a row added after the form was shown
    fields.addWidget(late)
    qtbot.wait(50)
    bar = body.verticalScrollBar()
    assert bar.maximum() > 0
    body.ensure_visible(category)
    before = bar.value()
    _wheel(category, steps=1)  # up
    assert category.currentIndex() == 0
    assert bar.value() < before  # the form scrolled instead
    _wheel(late)
    assert late.value() == 0
    category.setFocus()
    qtbot.waitUntil(category.hasFocus)
    _wheel(category)
    assert category.currentIndex() > 0  # with the focus, the wheel chooses


def test_a_revealed_row_stays_in_view_while_it_settles_and_lets_go_when_the_user_scrolls(
    qtbot: QtBot,
) -> None:
    """A row added at the end of a scrolled form is kept whole in view while the fields grow
    around it, but the view is the user's again once they scroll or the cursor goes elsewhere:
    a row kept in view after that would pull the form back under them."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit

    fields = QVBoxLayout()
    top = QLineEdit()
    fields.addWidget(top)
    for _ in range(20):
        fields.addWidget(QLineEdit())
    window, body = _scrolled(qtbot, fields)
    window.activateWindow()
    qtbot.waitActive(window)
    bar = body.verticalScrollBar()
    view = body.viewport()

    def add_row() -> list[QWidget]:
        category = QComboBox()
        category.addItems(["Bolig", "Helse"])
        row = [QLineEdit(), category]
        line = QHBoxLayout()
        for widget in row:
            line.addWidget(widget)
        fields.addLayout(line)
        for widget in row:
            widget.show()  # now, as DraftList does, so that it can take the focus
        return row

    def whole(row: list[QWidget]) -> bool:
        box = QRect()
        for widget in row:
            box = box.united(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))
        return view.rect().contains(box)

    first = row = add_row()
    body.reveal(row)
    row[0].setFocus()  # as "Add" does
    qtbot.waitUntil(lambda: whole(row))
    grown = bar.maximum()
    fields.insertWidget(0, QLineEdit())  # the fields grow above it, and it moves down
    qtbot.waitUntil(lambda: bar.maximum() > grown)
    qtbot.wait(50)
    assert whole(row)
    _wheel(view, steps=3)  # the user scrolls up
    scrolled = bar.value()
    assert scrolled < bar.maximum()
    fields.addWidget(QLineEdit())
    qtbot.wait(50)
    assert bar.value() == scrolled  # not pulled back to the row

    row = add_row()
    body.reveal(row)
    row[0].setFocus()  # as "Add" does
    qtbot.waitUntil(lambda: whole(row))
    top.setFocus()  # the cursor goes up: the view follows it, and stays there
    qtbot.waitUntil(lambda: whole([top]))
    followed = bar.value()
    fields.addWidget(QLineEdit())
    qtbot.wait(50)
    assert bar.value() == followed
    for category in (first[1], row[1]):  # their wheel guards are kept: the form scrolls
        assert isinstance(category, QComboBox)
        _wheel(category)
        assert category.currentIndex() == 0


def _scrolled(qtbot: QtBot, fields: QVBoxLayout) -> tuple[QWidget, ScrollBody]:
    """`fields` in a ScrollBody in a small window, shown: a form that scrolls."""
    body = ScrollBody(fields)
    window = QWidget()
    QVBoxLayout(window).addWidget(body)
    qtbot.addWidget(window)
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    return window, body


def _title_over_a_tall_table(
    qtbot: QtBot,
) -> tuple[QWidget, ScrollBody, QWidget, QWidget, QWidget]:
    """A page's title and a search field above a table taller than the view, as a family's tab
    at 1.5x; the cursor in the search field."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QTableWidget

    fields = QVBoxLayout()
    title = QLabel("Familien Hansen")
    fields.addWidget(title)
    search = QLineEdit()
    fields.addWidget(search)
    table = QTableWidget(30, 3)
    table.setMinimumHeight(600)
    fields.addWidget(table)
    window, body = _scrolled(qtbot, fields)
    window.activateWindow()
    qtbot.waitActive(window)
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.wait(50)
    assert body.verticalScrollBar().maximum() > 0
    return window, body, title, search, table


def test_a_table_taller_than_the_view_takes_the_focus_without_scrolling_its_title_away(
    qtbot: QtBot,
) -> None:
    """Qt centres a widget bigger than the view: a family tab's table taking the focus scrolled
    the family's name and the tabs out of sight at 1.5x scaling (outside review s20). Its top
    is brought into view instead, and here it was in view already."""
    _window, body, title, _search, table = _title_over_a_tall_table(qtbot)
    bar = body.verticalScrollBar()
    assert bar.value() == 0
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.wait(50)
    assert bar.value() == 0
    assert title.visibleRegion().boundingRect().size() == title.size()
    bar.setValue(bar.maximum())  # scrolled past the table's top: Tab brings it back
    table.clearFocus()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    top = table.mapTo(body.viewport(), QPoint(0, 0)).y()
    assert 0 <= top <= body.viewport().height() // 2


def test_a_click_in_a_tall_table_does_not_scroll_it_from_under_the_pointer(qtbot: QtBot) -> None:
    """A double-click on a family's member opened nothing: the first click gave the table the
    focus, the page scrolled to it, and the second click came on another row (review s20)."""
    _window, body, _title, _search, table = _title_over_a_tall_table(qtbot)
    bar = body.verticalScrollBar()
    bar.setValue(bar.maximum())
    before = bar.value()
    viewport = table.viewport()
    row = viewport.mapFrom(body.viewport(), QPoint(20, body.viewport().height() // 2))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=row)
    qtbot.waitUntil(table.hasFocus)
    qtbot.wait(50)
    assert bar.value() == before
