"""The charts' axes: month labels side by side, never run together."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.pdfbase.pdfmetrics import stringWidth

from samjournal.reports.charts import AXIS_SIZE, score_trend
from samjournal.reports.fonts import SANS
from samjournal.reports.labels import Words


@pytest.mark.parametrize("width", [240.0, 330.0, 480.0])
@pytest.mark.parametrize("months", [3, 22, 60])
def test_month_labels_keep_apart(width: float, months: int) -> None:
    """A case summary's half-page chart set seven labels over 240 points, and they ran
    together ("des 2025mar 2026", team lead review s23)."""
    words = Words("nb")
    first = dt.date(2024, 12, 18)
    days = [first + dt.timedelta(days=30 * i) for i in range(months + 1)]
    drawing = score_trend(
        [("Livet", [(d, 5.0) for d in days])], words, width=width, height=140, title="Livet"
    )
    [plot] = [x for x in drawing.contents if isinstance(x, LinePlot)]
    ticks = sorted(plot.xValueAxis.valueSteps)
    assert len(ticks) >= 2
    scale = plot.width / (plot.xValueAxis.valueMax - plot.xValueAxis.valueMin)
    for a, b in itertools.pairwise(ticks):
        room = (b - a) * scale
        half = [
            stringWidth(plot.xValueAxis.labelTextFormat(v), SANS, AXIS_SIZE) / 2 for v in (a, b)
        ]
        assert sum(half) + AXIS_SIZE / 2 <= room, (width, months, a, b)
