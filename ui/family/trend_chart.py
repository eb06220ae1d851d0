"""The check-in trend: 0-10 scores over time, painted with QPainter from the palette.

Life satisfaction is the bold line in the palette's highlight colour. The domains are thin lines
told apart twice over, by colour (Okabe-Ito hues, safe for colour-blind readers, in shades at
least 3:1 against the light or dark base: see ui/theme.py) and by dash pattern (for a grey-scale
print or screen)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from samjournal.model import CHECKIN_DOMAINS, Checkin
from ui import a11y, fmt, labels, theme

# One dash per domain in CHECKIN_DOMAINS order (orange, bluish green, vermillion, reddish
# purple, sky blue, grey); the colours are the scheme's `domain_lines`.
DOMAIN_DASHES = (
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
)
LEGEND_SWATCH, LEGEND_GAP = 22, 12


def _text(score: int | None) -> str:
    return "–" if score is None else str(score)


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkins: list[Checkin] = []
        self.show_domains = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Check-in trend chart"))
        a11y.set_role(self, QAccessible.Role.Chart)
        self.setMinimumHeight(160)

    def set_checkins(self, checkins: list[Checkin]) -> None:
        # The chart follows life satisfaction: a check-in without it (the caseworker's, a
        # child's, an instrument without the item) has no point on it.
        scored = (c for c in checkins if c.life_satisfaction is not None)
        self.checkins = sorted(scored, key=lambda c: (c.answered_on, c.id))
        self.setAccessibleDescription(self.description())
        self.update()

    def description(self) -> str:
        """What the chart shows, in words: the life-satisfaction line and, when shown, each
        domain's first and last score (a screen reader cannot see the lines)."""
        if not self.checkins:
            return self.empty_text()
        first, last = self.checkins[0], self.checkins[-1]
        text = (
            self.tr("%n check-in(s); life satisfaction went from %1 to %2", "", len(self.checkins))
            .replace("%1", _text(first.life_satisfaction))
            .replace("%2", _text(last.life_satisfaction))
        )
        if not self.show_domains:
            return text
        parts = [text]
        for domain in CHECKIN_DOMAINS:
            scores = [c.domains[domain] for c in self.checkins if c.domains.get(domain) is not None]
            name = labels.checkin_domain(domain)
            if not scores:
                parts.append(self.tr("%1: no answers").replace("%1", name))
            else:
                parts.append(
                    self.tr("%1 from %2 to %3")
                    .replace("%1", name)
                    .replace("%2", str(scores[0]))
                    .replace("%3", str(scores[-1]))
                )
        return "; ".join(parts)

    def empty_text(self) -> str:
        return self.tr(
            "No check-ins yet. Record the family's answers with Record check-in…; each one is"
            " drawn here, so the trend shows over time."
        )

    def set_show_domains(self, show: bool) -> None:
        self.show_domains = show
        self.setAccessibleDescription(self.description())
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
        legend = self._legend(line) if self.show_domains else []
        legend_rows = self._legend_rows(legend, self.width() - left - 16)
        legend_h = (metrics.height() + 4) * len(legend_rows) + 2 if legend else 0
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
            painter.drawText(
                plot.adjusted(12, 12, -12, -12),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                self.empty_text(),
            )
            painter.end()
            return
        xs = self._x_positions(plot)
        self._series(
            painter,
            plot,
            xs,
            [c.life_satisfaction for c in self.checkins],
            QPen(line, 3),
            points=True,
        )
        if self.show_domains:  # thin lines on top, so one that runs along the bold line shows
            self._draw_legend(painter, legend_rows, left, text)
            for domain, pen in zip(CHECKIN_DOMAINS, (p for _, p in legend[1:]), strict=True):
                values = [c.domains.get(domain) for c in self.checkins]
                self._series(painter, plot, xs, values, pen, points=False)
        painter.setPen(text)
        self._date_labels(painter, plot, xs)
        painter.end()

    def _date_labels(self, painter: QPainter, plot: QRectF, xs: list[float]) -> None:
        """As many dates as fit without overlapping: the last always, then from the first."""
        metrics = self.fontMetrics()
        placed: list[tuple[float, float, str]] = []
        last = len(self.checkins) - 1
        for i in [last, *range(last)]:
            label = fmt.date(self.checkins[i].answered_on)
            w = metrics.horizontalAdvance(label)
            x = min(max(xs[i] - w / 2, plot.left()), plot.right() - w)
            if all(x + w + 12 <= a or b + 12 <= x for a, b, _ in placed):
                placed.append((x, x + w, label))
        for x, _, label in placed:
            painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 4), label)

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

    def _legend(self, line: QColor) -> list[tuple[str, QPen]]:
        entries = [(self.tr("Life satisfaction"), QPen(line, 3))]
        colours = theme.current(self.palette()).domain_lines
        for domain, colour, dash in zip(CHECKIN_DOMAINS, colours, DOMAIN_DASHES, strict=True):
            entries.append((labels.checkin_domain(domain), QPen(QColor(colour), 2, dash)))
        return entries

    def _legend_rows(
        self, legend: list[tuple[str, QPen]], width: float
    ) -> list[list[tuple[str, QPen]]]:
        """The legend wrapped into rows that fit the chart's width."""
        rows: list[list[tuple[str, QPen]]] = []
        used = 0.0
        for entry in legend:
            need = LEGEND_SWATCH + 4 + self.fontMetrics().horizontalAdvance(entry[0])
            if not rows or used + LEGEND_GAP + need > width:
                rows.append([])
                used = -LEGEND_GAP
            rows[-1].append(entry)
            used += LEGEND_GAP + need
        return rows

    def _draw_legend(
        self, painter: QPainter, rows: list[list[tuple[str, QPen]]], left: float, text: QColor
    ) -> None:
        metrics = self.fontMetrics()
        for row_index, row in enumerate(rows):
            top = 8 + row_index * (metrics.height() + 4)
            x = left
            for name, pen in row:
                painter.setPen(pen)
                mid = top + metrics.height() / 2
                painter.drawLine(QPointF(x, mid), QPointF(x + LEGEND_SWATCH, mid))
                painter.setPen(text)
                painter.drawText(QPointF(x + LEGEND_SWATCH + 4, top + metrics.ascent()), name)
                x += LEGEND_SWATCH + 4 + metrics.horizontalAdvance(name) + LEGEND_GAP
