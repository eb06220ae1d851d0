"""The budget bar: spent, committed and proposed against the yearly frame, painted with
QPainter in colours taken from the palette (so it follows light and dark themes)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from samjournal.model import Budget
from ui import fmt


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`t` of the way from a to b."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class BudgetBar(QWidget):
    BAR_HEIGHT = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.budget: Budget | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Budget"))

    def set_budget(self, budget: Budget) -> None:
        self.budget = budget
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())
        self.update()

    def summary(self) -> str:
        b = self.budget
        if b is None:
            return ""
        return (
            self.tr("Spent %1, committed %2, proposed %3, remaining %4 of %5")
            .replace("%1", fmt.money(b.spent))
            .replace("%2", fmt.money(b.committed))
            .replace("%3", fmt.money(b.proposed))
            .replace("%4", fmt.money(b.remaining))
            .replace("%5", fmt.money(b.frame))
        )

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(400, self.BAR_HEIGHT + 2 * line + 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def colours(self) -> dict[str, QColor]:
        pal = self.palette()
        highlight = pal.color(QPalette.ColorRole.Highlight)
        base = pal.color(QPalette.ColorRole.Base)
        return {
            "spent": highlight,
            "committed": blend(highlight, base, 0.5),
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
                    painter.fillRect(QRectF(x, bar.top(), w, bar.height()), brush)
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
        b = self.budget
        if b is None:
            return
        metrics = self.fontMetrics()
        box = metrics.height() - 4
        items = (
            (QBrush(c["spent"]), self.tr("Spent %1").replace("%1", fmt.money(b.spent))),
            (
                QBrush(c["committed"]),
                self.tr("Committed %1").replace("%1", fmt.money(b.committed)),
            ),
            (
                QBrush(c["proposed"], Qt.BrushStyle.BDiagPattern),
                self.tr("Proposed %1").replace("%1", fmt.money(b.proposed)),
            ),
        )
        x = 1
        y = top
        for brush, text in items:
            needed = box + 6 + metrics.horizontalAdvance(text) + 18
            if x > 1 and x + needed > self.width():
                x, y = 1, y + metrics.height() + 2
            painter.fillRect(QRectF(x, y + 2, box, box), brush)
            painter.setPen(QPen(c["outline"], 1))
            painter.drawRect(QRectF(x, y + 2, box, box))
            painter.setPen(c["text"])
            painter.drawText(x + box + 6, y + metrics.ascent() + 1, text)
            x += needed
        frame_text = (
            self.tr("Frame %1, remaining %2")
            .replace("%1", fmt.money(b.frame))
            .replace("%2", fmt.money(b.remaining))
        )
        painter.setPen(c["text"])
        painter.drawText(1, y + metrics.height() + metrics.ascent() + 3, frame_text)
