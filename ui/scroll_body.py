"""A dialog's fields in a scroll area that sizes like the fields, keeps a new row in view while
it settles, follows the focus, and lets the mouse wheel change a list or number only once it has
the focus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLayout,
    QScrollArea,
    QWidget,
)


class ScrollBody(QScrollArea):
    """A dialog's fields in a frameless scroll area: as big as the fields want while the
    screen has room, scrolling once it has not. (QScrollArea caps its size hint at 36x24 lines
    of text, which would squeeze a dialog that fits.)"""

    def __init__(self, layout: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget()
        inner.setLayout(layout)
        self.setWidget(inner)
        # Fields added after this was made must reach the dialog's layout, which keeps the size
        # hint it first read (a dialog came up 53 pixels tall, its fields scrolled away).
        inner.installEventFilter(self)
        self._guard_wheels()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the area
        self.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        # Fields being revealed (see `reveal`): kept in view while their layout settles.
        self._pinned: list[QWidget] = []
        self._settled = QTimer(self, singleShot=True, interval=0)  # once per turn, not per move
        self._settled.timeout.connect(self._show_pinned)
        self._pin_ends = QTimer(self, singleShot=True, interval=PIN_MS)
        self._pin_ends.timeout.connect(self._unpin)
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.rangeChanged.connect(self._pinned_moved)  # the fields grew, or the view shrank
            bar.actionTriggered.connect(self._unpin)  # the user scrolled: theirs to choose now
        _follow_focus_once()

    def sizeHint(self) -> QSize:
        inner = self.widget()
        hint = inner.sizeHint() if inner is not None else QSize(0, 0)
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, self.heightForWidth(hint.width() + bar))

    # Wrapped text inside needs more height the narrower it is: say so, so that a dialog grows
    # to show it whole (fit_dialog) instead of scrolling while the screen has room.
    def hasHeightForWidth(self) -> bool:
        inner = self.widget()
        return inner is not None and inner.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        inner = self.widget()
        if inner is None:
            return 0
        if not inner.hasHeightForWidth():
            return inner.sizeHint().height()
        bar = self.verticalScrollBar().sizeHint().width()
        return max(inner.heightForWidth(width - bar), inner.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        wanted = inner.minimumSizeHint() if inner is not None else QSize(0, 0)
        line = self.fontMetrics().height()
        return wanted.boundedTo(QSize(16 * line, 6 * line))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, _WHEELED)
            and not watched.hasFocus()
        ):
            # The wheel scrolls the fields; it changes a list or a number only once that field
            # has the focus: scrolling a meeting changed a need's category, unseen.
            self.wheelEvent(cast(QWheelEvent, event))
            return True
        if event.type() in _MOVED and self._pinned and watched in self._pinned:
            self._pinned_moved()
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._guard_wheels()
            self.updateGeometry()
            # And fit the fields to the width again once their layout has settled: a scroll area
            # resizes its widget only when it is itself resized, so fields that could now be
            # narrower (the meeting's sections stacked) went on scrolling sideways.
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        return super().eventFilter(watched, event)

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll `widget` into view whole, or as much of it from its top left corner as the
        view holds. Qt centres a widget bigger than the view: a family tab's table taking the
        focus scrolled the family's name and the tabs out of sight at 1.5x scaling."""
        if self._pinned and widget not in self._pinned:
            self._unpin()  # the cursor went elsewhere: follow it, not the new row
        self._bring_in(widget)

    def _bring_in(self, widget: QWidget) -> None:
        inner = self.widget()
        if inner is None or not inner.isAncestorOf(widget):
            return
        view = self.viewport()
        corner = widget.mapTo(inner, QPoint(0, 0))
        # The part to show: all of it when it fits, else its first half a view from the
        # corner (the view moves no further than that needs); as a point (its centre) and the
        # room wanted around it. The centre of an odd size rounds down, hence the one more.
        half_width = _part(widget.width(), view.width()) // 2
        half_height = _part(widget.height(), view.height()) // 2
        self.ensureVisible(
            corner.x() + half_width,
            corner.y() + half_height,
            half_width + MARGIN + 1,
            half_height + MARGIN + 1,
        )

    def reveal(self, widgets: Sequence[QWidget]) -> None:
        """Scroll `widgets` (a row just added) into view whole, the first of them at least if
        they are wider or taller than the view, and keep them there while the layout settles.
        Scrolling once, at once or a turn later, left a new row half shown: it moves as its
        grid lays it out, again as the fields grow and the view gains a scroll bar. Held for
        PIN_MS, until the user scrolls, or until the cursor goes elsewhere."""
        self._unpin()
        self._pinned = list(widgets)
        for widget in self._pinned:
            # Left installed once the row is in place: its lists' wheel guard is this same
            # filter, and removing one removes both.
            widget.installEventFilter(self)
        self._pin_ends.start()
        self._settled.start()

    def _pinned_moved(self) -> None:
        if self._pinned:
            self._settled.start()

    def _show_pinned(self) -> None:
        inner = self.widget()
        shown = [w for w in self._pinned if shiboken6.isValid(w) and w.isVisible()]
        if inner is None or not shown:
            return
        box = QRect()
        for widget in shown:
            box = box.united(QRect(widget.mapTo(inner, QPoint(0, 0)), widget.size()))
        # ensureVisible takes a point and the room wanted around it: the box's centre, and
        # half its size (plus one: the centre of an odd size rounds down).
        centre = box.center()
        self.ensureVisible(
            centre.x(), centre.y(), box.width() // 2 + MARGIN + 1, box.height() // 2 + MARGIN + 1
        )
        self._bring_in(shown[0])

    def _unpin(self) -> None:
        self._pinned = []
        self._pin_ends.stop()
        self._settled.stop()

    def _guard_wheels(self) -> None:
        """Lists and numbers inside, rows added later too, take the wheel only with the focus
        (and the wheel does not give it to them)."""
        fields = [*self.findChildren(QComboBox), *self.findChildren(QAbstractSpinBox)]
        for field in fields:
            if not field.property(_GUARDED):
                field.setProperty(_GUARDED, True)
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                field.installEventFilter(self)


def _part(size: int, view: int) -> int:
    """How much of a widget's width or height to bring into a view of `view` pixels."""
    return size if size + 2 * MARGIN <= view else view // 2


_WHEELED = (QComboBox, QAbstractSpinBox)  # fields the mouse wheel changes
_MOVED = (QEvent.Type.Move, QEvent.Type.Resize)
MARGIN = 8  # pixels kept between a field scrolled into view and the view's edge
PIN_MS = 1000  # how long a revealed row is kept in view while the layout settles
_GUARDED = "samjournal_wheel_guarded"


def _follow_focus_once() -> None:
    """Scroll every ScrollBody to the field that takes the focus, however it moves (Tab, a
    mnemonic, "Add" putting the cursor in a new row), so the field being typed in is never out of
    sight. One connection for the application, not one per scroll area: the application's signal
    outlives every dialog, and emitting it into a scroll area being destroyed crashed a test run
    ("Slot 'ScrollBody::' not found", then a segfault)."""
    app = QCoreApplication.instance()
    if isinstance(app, QApplication) and not app.property(_FOLLOWING):
        app.setProperty(_FOLLOWING, True)
        app.focusChanged.connect(_follow_focus)


_FOLLOWING = "samjournal_scroll_follows_focus"


def _follow_focus(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
        # Clicked: it is in sight under the pointer already. Scrolled, it moved away under
        # the pointer, and a double-click on a family's member opened nothing (the second
        # click came on the next row).
        return
    widget = new.parentWidget()
    while widget is not None:
        if isinstance(widget, ScrollBody):
            widget.ensure_visible(new)
        widget = widget.parentWidget()
