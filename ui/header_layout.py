"""A page's header: a button before the titles (back), a title over a subtitle, and the page's
buttons. The buttons stand beside the titles while the title keeps its width there and the
header is no taller for it; narrower, they go under the titles, as many to a line as fit. The
subtitle wraps. At 1366x768 with 150 % scaling (910 pixels) the family page's header, its
buttons beside a one-line subtitle, was 937 pixels at least: the page scrolled sideways and
cut off "Edit family…" (outside review s19)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget

SPACING = 6  # between the parts, when the style does not say


class _Parts(NamedTuple):
    lead: QLayoutItem | None
    title: QLayoutItem | None
    subtitle: QLayoutItem | None
    buttons: list[QLayoutItem]


class HeaderLayout(QLayout):
    """`lead`, then `title` over `subtitle` (whose height may depend on its width), then
    `buttons`, laid out as the module says. The titles take the room left."""

    def __init__(
        self, lead: QWidget, title: QWidget, subtitle: QWidget, buttons: Sequence[QWidget]
    ) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._roles = (lead, title, subtitle)
        self._width = -1  # the width last laid out at: the minimum height is the one it needs
        for widget in (lead, title, subtitle, *buttons):
            self.addWidget(widget)

    def buttons_beside(self) -> bool:
        """The buttons stand beside the titles (not under them) at the present width."""
        return self._beside(self._parts(), self._room(self._width))

    # -- QLayout ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """One row, the titles on one line each."""
        parts, space = self._parts(), self._space()
        width = self._lead_width(parts, space) + self._titles_width(parts)
        if parts.buttons:
            width += space + self._row_width(parts.buttons, space)
        heights = [self._lead_height(parts), self._titles_height(parts, None)]
        heights += [item.sizeHint().height() for item in parts.buttons]
        return QSize(width, max(heights)).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As narrow as the lead beside the titles' or the widest button's least width; as tall
        as the header is at the width it has (taller with its buttons under the titles), so
        that a page around it scrolls rather than squeezing what is below it."""
        parts, space = self._parts(), self._space()
        least = [item.sizeHint().width() for item in parts.buttons]  # buttons never shrink
        least += [item.minimumSize().width() for item in (parts.title, parts.subtitle) if item]
        width = self._lead_width(parts, space) + max(least, default=0)
        width += self.contentsMargins().left() + self.contentsMargins().right()
        height = self.heightForWidth(max(self._width, width)) if self._width >= 0 else 0
        return QSize(width, max(height, self.sizeHint().height()))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        before = self.heightForWidth(self._width) if self._width >= 0 else None
        self._width = rect.width()
        self._arrange(rect, place=True)
        if before is not None and before != self.heightForWidth(self._width):
            self.invalidate()  # a new minimum height (a posted layout request, not a loop)

    # -- measuring --------------------------------------------------------------------------

    def _parts(self) -> _Parts:
        found: list[QLayoutItem | None] = [None, None, None]
        buttons = []
        for item in self._items:
            if item.isEmpty():  # a hidden widget takes no room
                continue
            widget = item.widget()
            if widget in self._roles:
                found[self._roles.index(widget)] = item
            else:
                buttons.append(item)
        return _Parts(found[0], found[1], found[2], buttons)

    def _space(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        found = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else -1
        return found if found >= 0 else SPACING

    @staticmethod
    def _lead_width(parts: _Parts, space: int) -> int:
        return parts.lead.sizeHint().width() + space if parts.lead else 0

    @staticmethod
    def _lead_height(parts: _Parts) -> int:
        return parts.lead.sizeHint().height() if parts.lead else 0

    @staticmethod
    def _row_width(items: list[QLayoutItem], space: int) -> int:
        return sum(item.sizeHint().width() for item in items) + space * max(len(items) - 1, 0)

    @staticmethod
    def _titles_width(parts: _Parts) -> int:
        """The titles' width as they would like it (the widgets' own size hints: an elided
        title's is its whole text, and the layout item's would be none)."""
        return max(_wanted_width(parts.title), _wanted_width(parts.subtitle))

    @staticmethod
    def _titles_height(parts: _Parts, width: int | None) -> int:
        """The title over the subtitle, `width` wide (None: as wide as they like)."""
        height = 0
        for item in (parts.title, parts.subtitle):
            if item is None:
                continue
            if width is not None and item.hasHeightForWidth():
                height += max(item.heightForWidth(width), item.minimumSize().height())
            else:
                height += item.sizeHint().height()
        return height

    def _room(self, width: int) -> QRect:
        return QRect(0, 0, max(width, 0), 0).marginsRemoved(self.contentsMargins())

    def _beside(self, parts: _Parts, inner: QRect) -> bool:
        """The buttons go beside the titles if the title keeps its whole width there (or as
        much as it would have under them) and the header is no taller for it."""
        if not parts.buttons:
            return True
        space = self._space()
        under = inner.width() - self._lead_width(parts, space)
        beside = under - space - self._row_width(parts.buttons, space)
        title = _wanted_width(parts.title)
        if beside <= 0 or beside < min(title, under):
            return False
        buttons = max(item.sizeHint().height() for item in parts.buttons)
        tall_beside = max(self._lead_height(parts), self._titles_height(parts, beside), buttons)
        return tall_beside <= self._under_height(parts, inner, space)

    def _under_height(self, parts: _Parts, inner: QRect, space: int) -> int:
        start = inner.x() + self._lead_width(parts, space)
        titles = self._titles_height(parts, inner.right() + 1 - start)
        lines = self._flow(parts.buttons, inner, start, 0, space, [])
        return max(self._lead_height(parts), titles) + space + lines

    # -- arranging --------------------------------------------------------------------------

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the parts out in `rect` (if `place`); the height they take."""
        inner = rect.marginsRemoved(self.contentsMargins())
        parts, space = self._parts(), self._space()
        beside = self._beside(parts, inner)
        start = inner.x() + self._lead_width(parts, space)
        end = inner.right() + 1
        if beside and parts.buttons:
            end -= self._row_width(parts.buttons, space) + space
        width = max(end - start, 0)
        titles = self._titles_height(parts, width)
        heights = [self._lead_height(parts), titles]
        if beside:
            heights += [item.sizeHint().height() for item in parts.buttons]
        height = max(heights)
        top = inner.y()
        places: list[tuple[QLayoutItem, QRect]] = []

        def centred(item: QLayoutItem, x: int, size: QSize) -> None:
            places.append((item, QRect(x, top + (height - size.height()) // 2, *size.toTuple())))

        if parts.lead is not None:
            centred(parts.lead, inner.x(), parts.lead.sizeHint())
        y = top + (height - titles) // 2
        for item in (parts.title, parts.subtitle):
            if item is not None:
                tall = self._titles_height(_Parts(None, item, None, []), width)
                places.append((item, QRect(start, y, width, tall)))
                y += tall
        if beside:
            x = end + space
            for item in parts.buttons:
                centred(item, x, item.sizeHint())
                x += item.sizeHint().width() + space
        else:
            height += space + self._flow(
                parts.buttons, inner, start, top + height + space, space, places
            )
        if place:
            for item, where in places:
                item.setGeometry(where)
        margins = self.contentsMargins()
        return height + margins.top() + margins.bottom()

    @staticmethod
    def _flow(
        items: list[QLayoutItem],
        inner: QRect,
        start: int,
        top: int,
        space: int,
        places: list[tuple[QLayoutItem, QRect]],
    ) -> int:
        """The buttons under the titles, from `start` (or the left edge when one is wider than
        the room from there), as many to a line as fit; the height of their lines."""
        end = inner.right() + 1
        if any(item.sizeHint().width() > end - start for item in items):
            start = inner.x()
        x, y, line = start, top, 0
        for item in items:
            hint = item.sizeHint()
            if x > start and x + hint.width() > end:
                x, y, line = start, y + line + space, 0
            places.append((item, QRect(x, y, hint.width(), hint.height())))
            x += hint.width() + space
            line = max(line, hint.height())
        return y + line - top


def _wanted_width(item: QLayoutItem | None) -> int:
    widget = item.widget() if item is not None else None
    return widget.sizeHint().width() if widget is not None else 0
