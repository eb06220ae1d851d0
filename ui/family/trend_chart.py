"""The check-in trend: 0-10 scores over time, painted with QPainter from the palette.
Life satisfaction is the bold line; the domains are thin lines told apart by dash pattern."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from samjournal.model import CHECKIN_DOMAINS, Checkin
from ui import fmt, labels

DASHES = (
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
)


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkins: list[Checkin] = []
        self.show_domains = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Check-in trend chart"))
        self.setMinimumHeight(160)

    def set_checkins(self, checkins: list[Checkin]) -> None:
        self.checkins = sorted(checkins, key=lambda c: (c.answered_on, c.id))
        if self.checkins:
            first, last = self.checkins[0], self.checkins[-1]
            self.setAccessibleDescription(
                self.tr("%1 check-ins; life satisfaction went from %2 to %3")
                .replace("%1", str(len(self.checkins)))
                .replace("%2", str(first.life_satisfaction))
                .replace("%3", str(last.life_satisfaction))
            )
        else:
            self.setAccessibleDescription(self.tr("No check-ins yet"))
        self.update()

    def set_show_domains(self, show: bool) -> None:
        self.show_domains = show
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = pal.color(QPalette.ColorRole.Mid)
        line = pal.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("10") + 12
        bottom_pad = metrics.height() + 8
        legend_h = metrics.height() + 6 if self.show_domains else 0
        plot = QRectF(
            left, 8 + legend_h, self.width() - left - 16, self.height() - bottom_pad - 16 - legend_h
        )
        painter.fillRect(plot, pal.color(QPalette.ColorRole.Base))
        for score in range(0, 11, 2):
            y = plot.bottom() - plot.height() * score / 10
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(score),
            )
        painter.setPen(QPen(grid, 1))
        painter.drawRect(plot)
        if not self.checkins:
            painter.setPen(text)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No check-ins yet"))
            painter.end()
            return
        xs = self._x_positions(plot)
        if self.show_domains:
            self._domains(painter, plot, xs, text, metrics.height())
        self._series(
            painter,
            plot,
            xs,
            [c.life_satisfaction for c in self.checkins],
            QPen(line, 3),
            points=True,
        )
        painter.setPen(text)
        shown = {0, len(self.checkins) - 1}
        if len(self.checkins) > 2:
            shown.add(len(self.checkins) // 2)
        for i in sorted(shown):
            label = fmt.date(self.checkins[i].answered_on)
            w = metrics.horizontalAdvance(label)
            x = min(max(xs[i] - w / 2, plot.left()), plot.right() - w)
            painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 4), label)
        painter.end()

    def _x_positions(self, plot: QRectF) -> list[float]:
        first = self.checkins[0].answered_on.toordinal()
        last = self.checkins[-1].answered_on.toordinal()
        span = max(last - first, 1)
        if last == first:
            return [plot.center().x()] * len(self.checkins)
        return [
            plot.left() + 10 + (plot.width() - 20) * (c.answered_on.toordinal() - first) / span
            for c in self.checkins
        ]

    def _series(
        self,
        painter: QPainter,
        plot: QRectF,
        xs: list[float],
        values: list[int | None],
        pen: QPen,
        *,
        points: bool,
    ) -> None:
        path = QPainterPath()
        started = False
        dots: list[QPointF] = []
        for x, value in zip(xs, values, strict=True):
            if value is None:
                continue
            point = QPointF(x, plot.bottom() - plot.height() * value / 10)
            dots.append(point)
            if started:
                path.lineTo(point)
            else:
                path.moveTo(point)
                started = True
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if points:
            painter.setBrush(pen.color())
            for point in dots:
                painter.drawEllipse(point, 4, 4)

    def _domains(
        self, painter: QPainter, plot: QRectF, xs: list[float], text: QColor, line_h: int
    ) -> None:
        x = plot.left()
        for domain, dash in zip(CHECKIN_DOMAINS, DASHES, strict=True):
            values = [c.domains.get(domain) for c in self.checkins]
            pen = QPen(text, 1.2, dash)
            self._series(painter, plot, xs, values, pen, points=False)
            name = labels.checkin_domain(domain)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, 8 + line_h / 2), QPointF(x + 22, 8 + line_h / 2))
            painter.setPen(text)
            painter.drawText(QPointF(x + 26, 8 + self.fontMetrics().ascent()), name)
            x += 34 + self.fontMetrics().horizontalAdvance(name)
