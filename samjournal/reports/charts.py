"""Charts drawn with reportlab.graphics: score trends over time and amounts per month.

Every text in a chart is ours (axis labels, legends from our own label tables), set in the
embedded font; a chart with nothing to show is never drawn (the caller prints a line instead).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isString
from reportlab.pdfbase.pdfmetrics import stringWidth

from samjournal.reports.common import plain
from samjournal.reports.fonts import SANS, SANS_BOLD
from samjournal.reports.labels import Words
from samjournal.reports.styles import ACCENT, INK, MUTED, RULE, SERIES
from samjournal.reports.tagging import tagger_of

AXIS_SIZE = 7
GRID = colors.HexColor("#e3e3e3")


def _style_axis(axis: object) -> None:
    axis.labels.fontName = SANS  # type: ignore[attr-defined]
    axis.labels.fontSize = AXIS_SIZE  # type: ignore[attr-defined]
    axis.labels.fillColor = INK  # type: ignore[attr-defined]
    axis.strokeColor = RULE  # type: ignore[attr-defined]
    axis.strokeWidth = 0.5  # type: ignore[attr-defined]


class Figure(Drawing):  # type: ignore[misc]
    """A chart; in a tagged document a Figure whose alternative text is its title."""

    _attrMap = AttrMap(BASE=Drawing, alt=AttrMapValue(isString, desc="alternative text"))

    def __init__(self, width: float, height: float) -> None:
        super().__init__(width, height)
        self.alt = ""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        if tagger is None:
            super().drawOn(canvas, x, y, _sW)
            return
        figure = tagger.element("Figure")
        figure.alt = self.alt
        figure.bbox = (x, y, x + self.width, y + self.height)
        tagger.begin(canvas, figure)
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            tagger.end(canvas)


def _drawing(width: float, height: float) -> Drawing:
    drawing = Figure(width, height)
    drawing.initialFontName = SANS  # else the renderer starts in Helvetica, not embedded
    drawing.initialFontSize = AXIS_SIZE
    return drawing


def _title(drawing: Drawing, text: str, x: float, y: float) -> None:
    drawing.alt = text  # what a screen reader says for the chart; the figures are in tables
    drawing.add(String(x, y, plain(text), fontName=SANS_BOLD, fontSize=8, fillColor=INK))


def _month_ticks(first: dt.date, last: dt.date, most: int = 7) -> list[dt.date]:
    """First-of-month dates between `first` and `last`, thinned to at most `most`."""
    months: list[dt.date] = []
    year, month = first.year, first.month
    while dt.date(year, month, 1) <= last:
        start = dt.date(year, month, 1)
        if start >= first:
            months.append(start)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not months:
        return [first]
    step = max(1, -(-len(months) // most))
    return months[::step]


def score_trend(
    series: Sequence[tuple[str, Sequence[tuple[dt.date, float]]]],
    words: Words,
    *,
    width: float,
    height: float,
    title: str,
) -> Drawing:
    """Scores 0-10 over time, one line per series; a legend when there is more than one."""
    drawing = _drawing(width, height)
    _title(drawing, title, 0, height - 10)
    legend_h = 22 if len(series) > 1 else 0
    plot = LinePlot()
    plot.x, plot.y = 24, 18 + legend_h
    plot.width, plot.height = width - 34, height - 36 - legend_h
    dates = [d for _, points in series for d, _ in points]
    first, last = min(dates), max(dates)
    pad = dt.timedelta(days=max(10, (last - first).days // 30))
    plot.data = [[(d.toordinal(), v) for d, v in points] for _, points in series]
    plot.xValueAxis.valueMin = (first - pad).toordinal()
    plot.xValueAxis.valueMax = (last + pad).toordinal()

    def label(v: float) -> str:
        return words.month(dt.date.fromordinal(int(v)).year, dt.date.fromordinal(int(v)).month)

    # As many month labels as fit side by side with a gap (seven ran together on a case
    # summary's half-page chart: "des 2025mar 2026", team lead review s23).
    widest = max(stringWidth(label(d.toordinal()), SANS, AXIS_SIZE) for d in dates)
    room = int(plot.width // (widest + 2 * AXIS_SIZE))
    ticks = _month_ticks(first - pad, last + pad, most=max(2, min(7, room)))
    plot.xValueAxis.valueSteps = [t.toordinal() for t in ticks]
    plot.xValueAxis.labelTextFormat = label
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax, plot.yValueAxis.valueStep = 0, 10, 2
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = GRID
    plot.yValueAxis.gridStrokeWidth = 0.4
    _style_axis(plot.xValueAxis)
    _style_axis(plot.yValueAxis)
    for i in range(len(series)):
        line = plot.lines[i]
        line.strokeColor = SERIES[i % len(SERIES)]
        line.strokeWidth = 1.6 if i == 0 else 1.0
        line.symbol = makeMarker("FilledCircle", size=3.2 if i == 0 else 2.2)
        line.symbol.fillColor = SERIES[i % len(SERIES)]
        line.symbol.strokeColor = SERIES[i % len(SERIES)]
    drawing.add(plot)
    if len(series) > 1:
        _legend(drawing, [name for name, _ in series], x=plot.x, y=4)
    return drawing


def domain_bars(
    averages: Sequence[tuple[str, float]],
    words: Words,
    *,
    width: float,
    height: float,
    title: str,
) -> Drawing:
    """Average scores 0-10 per domain as horizontal bars, the value printed at each bar."""
    drawing = _drawing(width, height)
    _title(drawing, title, 0, height - 10)
    chart = HorizontalBarChart()
    label_room = 92
    chart.x, chart.y = label_room, 16
    chart.width, chart.height = width - label_room - 22, height - 32
    chart.data = [[round(v, 1) for _, v in averages]]
    chart.categoryAxis.categoryNames = [plain(name) for name, _ in averages]
    chart.categoryAxis.reverseDirection = True  # first domain at the top
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 10, 2
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 6
    chart.groupSpacing = 4
    chart.barLabelFormat = lambda v: words.decimal(v)
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = AXIS_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _style_axis(chart.categoryAxis)
    _style_axis(chart.valueAxis)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    drawing.add(chart)
    return drawing


def monthly_bars(
    months: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    words: Words,
    *,
    width: float,
    height: float,
    title: str,
) -> Drawing:
    """Amounts (kroner) per month, stacked by series (categories), with a legend under it."""
    drawing = _drawing(width, height)
    _title(drawing, title, 0, height - 10)
    rows = -(-len(series) // 4) if series else 0
    legend_h = rows * 11 + 6
    slanted = len(months) > 8
    label_h = 30 if slanted else 14
    chart = VerticalBarChart()
    chart.x, chart.y = 52, 6 + label_h + legend_h
    chart.width, chart.height = width - 60, height - 26 - label_h - legend_h
    chart.data = [list(values) for _, values in series]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = list(months)
    chart.valueAxis.valueMin = 0
    top = max((sum(col) for col in zip(*chart.data, strict=True)), default=0.0)
    chart.valueAxis.valueMax = _nice_ceiling(top)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labelTextFormat = lambda v: _kroner(v, words)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.barSpacing = 0
    chart.groupSpacing = 6 if len(months) < 10 else 3
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = None
    _style_axis(chart.categoryAxis)
    _style_axis(chart.valueAxis)
    if slanted:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx = 4
    drawing.add(chart)
    if series:
        _legend(drawing, [name for name, _ in series], x=chart.x, y=2, columns=4)
    return drawing


def _legend(
    drawing: Drawing, names: Sequence[str], *, x: float, y: float, columns: int = 4
) -> None:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.boxAnchor = "sw"
    legend.fontName = SANS
    legend.fontSize = AXIS_SIZE
    legend.fillColor = MUTED
    legend.columnMaximum = max(1, -(-len(names) // columns))
    legend.deltax = 110
    legend.dx = 6
    legend.dy = 6
    legend.deltay = 11
    legend.strokeColor = None
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], plain(n)) for i, n in enumerate(names)]
    drawing.add(legend)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1000.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _kroner(value: float, words: Words) -> str:
    text = f"{round(value):,}"
    return text.replace(",", "\u00a0") if words.language == "nb" else text
