"""Tab order that follows what the eye reads (WCAG 2.4.3): the order of the layouts.

Qt's default Tab order is the order widgets were created in, so a row added to a dialog later
(a need, a payment) came after Save and Cancel, and Tab never got back to the fields above it.
Walking the layouts instead visits a form row by row, a box's columns left to right and each
column from the top: the order a person reads the dialog in.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialogButtonBox,
    QGridLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _layout_items(layout: QLayout) -> list[QWidget | QLayout]:
    items: list[tuple[tuple[int, int, int], QWidget | QLayout]] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        key = (0, 0, index)
        if isinstance(layout, QGridLayout):  # a grid's items are kept in insertion order
            position: tuple[int, int, int, int] = layout.getItemPosition(index)  # type: ignore[assignment]
            key = (position[0], position[1], index)
        widget = item.widget()
        child = item.layout()
        if widget is not None:
            items.append((key, widget))
        elif child is not None:
            items.append((key, child))
    return [thing for _key, thing in sorted(items, key=lambda pair: pair[0])]


def reading_order(root: QWidget) -> list[QWidget]:
    """The widgets inside `root` that Tab can reach, in the order of its layouts."""
    found: list[QWidget] = []

    def visit_widget(widget: QWidget) -> None:
        if widget.isWindow() and widget is not root:
            return
        if takes_tab(widget) and not _is_container(widget):
            found.append(widget)
            if isinstance(widget, QLineEdit):  # buttons of its actions ("show passphrase")
                found.extend(b for b in widget.findChildren(QToolButton) if takes_tab(b))
            if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QScrollArea):
                return  # a list or text field: its parts are not separate stops
        if isinstance(widget, QScrollArea):
            inner = widget.widget()
            if inner is not None:
                visit_widget(inner)
            return
        if isinstance(widget, QTabWidget | QStackedWidget):
            for index in range(widget.count()):
                page = widget.widget(index)
                if page is not None:
                    visit_widget(page)
            return
        layout = widget.layout()
        if layout is not None:
            visit_layout(layout)

    def visit_layout(layout: QLayout) -> None:
        for thing in _layout_items(layout):
            if isinstance(thing, QWidget):
                visit_widget(thing)
            else:
                visit_layout(thing)

    visit_widget(root)
    return [w for i, w in enumerate(found) if w not in found[:i]]


def _is_container(widget: QWidget) -> bool:
    """A plain box of other widgets (focus passes through it), not a control of its own."""
    if isinstance(widget, QScrollArea):
        return True
    return widget.layout() is not None and type(widget) is QWidget


def apply(root: QWidget) -> list[QWidget]:
    """Set the Tab order inside `root` to its reading order; returns that order."""
    for box in root.findChildren(QDialogButtonBox):
        # Qt makes a button box its first button's focus proxy. The box sits early in the
        # focus chain (made before the fields), so Tab from its last button landed on the box,
        # that is back on Save: Save -> Cancel -> Save, never the fields again.
        box.setFocusProxy(None)  # type: ignore[arg-type]  # None clears it (Qt's nullptr)
    # Tab leaves a table or a text field, as it leaves every other field: moving between cells
    # (arrow keys do that) or typing a tab character kept keyboard users in it.
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for plain in root.findChildren(QPlainTextEdit):
        plain.setTabChangesFocus(True)
    for rich in root.findChildren(QTextEdit):
        rich.setTabChangesFocus(True)
    order = reading_order(root)
    for first, second in itertools.pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
