"""The budget bar: spent, committed and proposed against the yearly frame, painted with
QPainter in colours taken from the palette (so it follows light and dark themes).

Each segment is at least 3:1 against the empty bar (WCAG 1.4.11), and segments are kept apart
by a gap in the bar's own colour: no three fills can all be 3:1 against one another and white."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from samjournal.model import Budget
from ui import a11y, attention, fmt, labels, theme

Swatch = tuple[QBrush, str]


GAP = 2  # pixels of the bar's own colour between two segments
GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`t` of the way from a to b."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def committed_colour(highlight: QColor, base: QColor) -> QColor:
    """The highlight lightened (darkened on a dark base) towards the base as far as it stays
    3:1 against it: clearly another colour than "spent", still a visible graphic."""
    best = highlight
    for step in range(1, 20):
        candidate = blend(highlight, base, step / 20)
        if theme.ratio(candidate, base) < GRAPHIC_CONTRAST + 0.1:
            break
        best = candidate
    return best


class BudgetBar(QWidget):
    BAR_HEIGHT = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.budget: Budget | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # the legend wraps onto more lines when narrow
        self.setSizePolicy(policy)
        self.setAccessibleName(self.tr("Budget"))
        a11y.set_role(self, QAccessible.Role.Chart)

    def set_budget(self, budget: Budget) -> None:
        self.budget = budget
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())
        self._fit_height()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Ask for the height the legend needs at this width. Layouts inside a stacked widget
        do not pass height-for-width up, so a legend that wrapped to a third line was cut off:
        a minimum height they do respect."""
        needed = self.heightForWidth(max(self.width(), 200))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
        self.updateGeometry()

    def summary(self) -> str:
        b = self.budget
        if b is None:
            return ""
        amounts = {"spent": b.spent, "committed": b.committed, "proposed": b.proposed}
        parts = [f"{labels.budget_part(key)} {fmt.money(n)}" for key, n in amounts.items()]
        left = (
            self.tr("remaining %1 of %2")
            .replace("%1", fmt.money(b.remaining))
            .replace("%2", fmt.money(b.frame))
        )
        text = "; ".join([*parts, left])
        alert = labels.budget_alert(b.spent + b.committed, b.frame)
        return f"{text} ({alert})" if b.nearly_spent else text

    def alert_text(self) -> str:
        """The nearly-spent warning under the legend, or "" while there is room."""
        b = self.budget
        if b is None or not b.nearly_spent:
            return ""
        used = attention.budget_share(b.spent + b.committed, b.frame)
        return (
            self.tr("%1 of the frame approved or paid: %2")
            .replace("%1", used)
            .replace("%2", labels.budget_alert(b.spent + b.committed, b.frame))
        )

    def _swatch_rows(self, width: int) -> list[list[Swatch]]:
        """The legend's swatches, wrapped to lines that fit `width`."""
        b = self.budget
        if b is None:
            return []
        c = self.colours()
        items: list[Swatch] = [
            (QBrush(c["spent"]), f"{labels.budget_part('spent')} {fmt.money(b.spent)}"),
            (
                QBrush(c["committed"]),
                f"{labels.budget_part('committed')} {fmt.money(b.committed)}",
            ),
            (
                QBrush(c["proposed"], Qt.BrushStyle.BDiagPattern),
                f"{labels.budget_part('proposed')} {fmt.money(b.proposed)}",
            ),
        ]
        rows: list[list[Swatch]] = [[]]
        x = 1
        for item in items:
            needed = self._swatch_width(item[1])
            if rows[-1] and x + needed > width:
                rows.append([])
                x = 1
            rows[-1].append(item)
            x += needed
        return rows

    def _swatch_width(self, text: str) -> int:
        box = self.fontMetrics().height() - 4
        return box + 6 + self.fontMetrics().horizontalAdvance(text) + 18

    def _text_lines(self) -> list[str]:
        b = self.budget
        if b is None:
            return []
        frame = (
            self.tr("Budget frame %1, remaining %2")
            .replace("%1", fmt.money(b.frame))
            .replace("%2", fmt.money(b.remaining))
        )
        alert = self.alert_text()
        return [frame, alert] if alert else [frame]

    def _text_height(self, text: str, width: int) -> int:
        font = self.font()
        font.setBold(text == self.alert_text())
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), flags, text).height()

    def _text_room(self, width: int) -> int:
        """The width a swatch's words have beside its box, alone on a line `width` wide."""
        return max(width - (self.fontMetrics().height() - 4) - 6 - 1, 1)

    def _row_height(self, row: list[Swatch], width: int) -> int:
        """A line of swatches; one wider than the bar (at 200 % scaling, "Proposed, awaiting
        approval" and its amount) wraps its words onto more lines instead of being cut off."""
        step = self.fontMetrics().height() + 2
        if len(row) != 1:
            return step
        flags = int(Qt.TextFlag.TextWordWrap)
        room = QRect(0, 0, self._text_room(width), 10_000)
        return max(step, self.fontMetrics().boundingRect(room, flags, row[0][1]).height() + 2)

    def heightForWidth(self, width: int) -> int:
        step = self.fontMetrics().height() + 2
        swatches = sum(self._row_height(row, width) for row in self._swatch_rows(width))
        texts = sum(self._text_height(t, width - 2) + 2 for t in self._text_lines())
        return self.BAR_HEIGHT + 10 + max(swatches + texts, 2 * step)

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def colours(self) -> dict[str, QColor]:
        pal = self.palette()
        highlight = pal.color(QPalette.ColorRole.Highlight)
        base = pal.color(QPalette.ColorRole.Base)
        return {
            "spent": highlight,
            "committed": committed_colour(highlight, base),
            "proposed": highlight,
            "outline": pal.color(QPalette.ColorRole.Text),
            "base": base,
            "text": pal.color(QPalette.ColorRole.WindowText),
        }

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = self.colours()
        b = self.budget
        width = self.width() - 2
        bar = QRectF(1, 1, width, self.BAR_HEIGHT)
        painter.fillRect(bar, c["base"])
        if b is not None:
            total = max(b.frame.ore, b.spent.ore + b.committed.ore + b.proposed.ore, 1)
            scale = width / total
            x = bar.left()
            segments = (
                (b.spent.ore, QBrush(c["spent"])),
                (b.committed.ore, QBrush(c["committed"])),
                (b.proposed.ore, QBrush(c["proposed"], Qt.BrushStyle.BDiagPattern)),
            )
            for amount, brush in segments:
                w = amount * scale
                if w > 0:
                    gap = GAP if x > bar.left() and w > 2 * GAP else 0
                    painter.fillRect(QRectF(x + gap, bar.top(), w - gap, bar.height()), brush)
                    x += w
            frame_x = bar.left() + b.frame.ore * scale
            if frame_x < bar.right() - 1:  # over budget: mark where the frame ends
                painter.setPen(QPen(c["outline"], 3))
                painter.drawLine(
                    int(frame_x), int(bar.top()) - 1, int(frame_x), int(bar.bottom()) + 1
                )
        painter.setPen(QPen(c["outline"], 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        self._legend(painter, c, int(bar.bottom()) + 6)
        painter.end()

    def _legend(self, painter: QPainter, c: dict[str, QColor], top: int) -> None:
        metrics = self.fontMetrics()
        box = metrics.height() - 4
        y = top
        for row in self._swatch_rows(self.width()):
            x = 1
            for brush, text in row:
                painter.fillRect(QRectF(x, y + 2, box, box), brush)
                painter.setPen(QPen(c["outline"], 1))
                painter.drawRect(QRectF(x, y + 2, box, box))
                painter.setPen(c["text"])
                room = QRectF(x + box + 6, y + 1, self._text_room(self.width()), 10_000)
                painter.drawText(room, int(Qt.TextFlag.TextWordWrap), text)
                x += self._swatch_width(text)
            y += self._row_height(row, self.width())
        alert = self.alert_text()
        width = self.width() - 2
        for text in self._text_lines():
            font = self.font()
            font.setBold(text == alert)  # the sign and the word carry it; colour adds to them
            painter.setFont(font)
            painter.setPen(attention.colour(self.palette()) if text == alert else c["text"])
            height = self._text_height(text, width)
            painter.drawText(QRectF(1, y, width, height), int(Qt.TextFlag.TextWordWrap), text)
            y += height + 2
