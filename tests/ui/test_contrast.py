"""Contrast of every colour pair the client paints, light and dark (WCAG 2.1 1.4.3 text
4.5:1, 1.4.11 graphics 3:1), with the ratios printed (`pytest -s` shows the table); the budget
bar and trend chart checked on their painted pixels; and the system's scheme followed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samjournal.model import Budget, Checkin, CheckinId, FamilyId, MemberId
from samjournal.money import Money
from ui import attention, labels, theme
from ui.family.budget_bar import GAP, BudgetBar, blend, committed_colour
from ui.family.trend_chart import TrendChart

R = QPalette.ColorRole
TEXT, GRAPHIC = 4.5, 3.0
SCHEMES = {"light": theme.LIGHT, "dark": theme.DARK}


def pairs(scheme: theme.Scheme) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, minimum) for everything the window paints."""
    c = scheme.roles
    committed = committed_colour(QColor(c[R.Highlight]), QColor(c[R.Base])).name()
    # The history's changed fields: the highlight at alpha 60 over the table (ui/family/history).
    changed = blend(QColor(c[R.Base]), QColor(c[R.Highlight]), 60 / 255).name()
    found = [
        ("window text", c[R.WindowText], c[R.Window], TEXT),
        ("field text", c[R.Text], c[R.Base], TEXT),
        ("alternate table row", c[R.Text], c[R.AlternateBase], TEXT),
        ("message bar text", c[R.WindowText], c[R.AlternateBase], TEXT),
        ("button text", c[R.ButtonText], c[R.Button], TEXT),
        ("selected row", c[R.HighlightedText], c[R.Highlight], TEXT),
        ("history: changed field", c[R.Text], changed, TEXT),
        ("placeholder", c[R.PlaceholderText], c[R.Base], TEXT),
        ("link", c[R.Link], c[R.Base], TEXT),
        ("visited link", c[R.LinkVisited], c[R.Base], TEXT),
        ("tooltip", c[R.ToolTipText], c[R.ToolTipBase], TEXT),
        ("attention on window", scheme.attention, c[R.Window], TEXT),
        ("attention on field", scheme.attention, c[R.Base], TEXT),
        ("attention on message bar", scheme.attention, c[R.AlternateBase], TEXT),
        ("budget: spent", c[R.Highlight], c[R.Base], GRAPHIC),
        ("budget: committed", committed, c[R.Base], GRAPHIC),
        ("budget: proposed hatch", c[R.Highlight], c[R.Base], GRAPHIC),
        ("budget: outline", c[R.Text], c[R.Base], GRAPHIC),
        ("chart: life satisfaction", c[R.Highlight], c[R.Base], GRAPHIC),
        ("chart: frame", c[R.Mid], c[R.Base], GRAPHIC),
        ("eye icon", c[R.Text], c[R.Base], GRAPHIC),
    ]
    for index, colour in enumerate(scheme.domain_lines):
        found.append((f"chart: domain line {index + 1}", colour, c[R.Base], GRAPHIC))
    return found


@pytest.mark.parametrize("name", SCHEMES)
def test_every_colour_pair_meets_wcag_aa(name: str) -> None:
    scheme = SCHEMES[name]
    failing = []
    print(f"\n{name} scheme: ratio (minimum)  what  foreground on background")
    for what, fg, bg, minimum in pairs(scheme):
        ratio = theme.ratio(fg, bg)
        print(f"  {ratio:5.2f} ({minimum})  {what}  {fg} on {bg}")
        if ratio < minimum:
            failing.append(f"{what}: {ratio:.2f} < {minimum}")
    assert not failing, failing


def test_the_old_colours_fail_the_same_check() -> None:
    """The check tells: Fusion's selection and the old budget and chart colours fail it."""
    assert theme.ratio("#ffffff", "#308cc6") < TEXT  # 3.69, the selected row
    assert theme.ratio("#e69f00", "#ffffff") < GRAPHIC  # the old orange domain line
    assert round(theme.ratio("#ffffff", "#308cc6"), 2) == 3.69


def test_ratio_is_the_wcag_formula() -> None:
    assert theme.ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.ratio("#ffffff", "#777777") == theme.ratio("#777777", "#ffffff")


def budget() -> Budget:
    return Budget(
        frame=Money.kr(10_000),
        spent=Money.kr(3_000),
        committed=Money.kr(3_000),
        proposed=Money.kr(2_000),
    )


def pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(int(x * image.width()), int(y))


@pytest.mark.parametrize("name", SCHEMES)
def test_the_painted_budget_bar_keeps_its_segments_apart_and_visible(
    qtbot: QtBot, name: str
) -> None:
    scheme = SCHEMES[name]
    bar = BudgetBar()
    qtbot.addWidget(bar)
    bar.setPalette(theme.palette(scheme))
    bar.resize(802, 120)
    bar.set_budget(budget())
    image = bar.grab().toImage()
    base = QColor(scheme.roles[R.Base])
    middle = BudgetBar.BAR_HEIGHT / 2
    spent, committed = image.pixelColor(120, int(middle)), image.pixelColor(360, int(middle))
    assert theme.ratio(spent, base) >= GRAPHIC
    assert theme.ratio(committed, base) >= GRAPHIC
    assert spent != committed
    # Where spent ends (3 000 of 10 000, at 30 % of the inner width) a gap of the bar's own
    # colour parts it from committed: the two fills are not 3:1 against each other.
    boundary = 1 + round(0.3 * 800)
    gap = [image.pixelColor(boundary + i, int(middle)) for i in range(GAP)]
    assert any(theme.ratio(colour, base) < 1.1 for colour in gap), [c.name() for c in gap]


def test_the_budget_legend_is_never_cut_off(qtbot: QtBot) -> None:
    """Three legend lines at a narrow width: the height follows (it assumed two)."""
    bar = BudgetBar()
    qtbot.addWidget(bar)
    bar.set_budget(budget())
    bar.resize(180, 40)
    bar.show()
    qtbot.waitExposed(bar)
    QApplication.processEvents()
    assert len(bar._swatch_rows(bar.width())) == 3
    assert bar.minimumHeight() >= bar.heightForWidth(bar.width())


def test_the_chart_describes_every_line_it_draws(qtbot: QtBot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    day = dt.date(2026, 1, 5)
    chart.set_checkins(
        [
            Checkin(
                CheckinId(1),
                FamilyId(1),
                MemberId(1),
                day,
                4,
                {"economy": 2, "housing": 5},
            ),
            Checkin(
                CheckinId(2),
                FamilyId(1),
                MemberId(1),
                day + dt.timedelta(days=90),
                7,
                {"economy": 6, "housing": 5},
            ),
        ]
    )
    before = chart.accessibleDescription()
    assert "4" in before
    assert labels.checkin_domain("economy") not in before  # the lines are not drawn yet
    chart.set_show_domains(True)
    described = chart.accessibleDescription()
    assert described.startswith(before)
    economy = described.split(labels.checkin_domain("economy"), 1)[1].split(";")[0]
    assert "2" in economy
    assert "6" in economy
    assert QAccessible.queryAccessibleInterface(chart).role() == QAccessible.Role.Chart


def test_the_client_follows_the_system_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.follow_system()
    hints = QGuiApplication.styleHints()
    try:
        monkeypatch.setattr(theme, "system_wants_dark", lambda: True)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert app.palette().color(R.Base) == QColor(theme.DARK.roles[R.Base])
        assert attention.colour() == QColor(theme.DARK.attention)
        monkeypatch.setattr(theme, "system_wants_dark", lambda: False)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert app.palette().color(R.Highlight) == QColor(theme.LIGHT.roles[R.Highlight])
        # A high-contrast theme asked for: the user's own colours, not ours.
        monkeypatch.setattr(theme, "system_wants_high_contrast", lambda: True)
        hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
        assert theme._system_palette is not None
        assert app.palette().color(R.Highlight) == theme._system_palette.color(R.Highlight)
        assert app.palette().color(R.Highlight) != QColor(theme.LIGHT.roles[R.Highlight])
        monkeypatch.setattr(theme, "system_wants_high_contrast", lambda: False)
    finally:
        theme.apply(app)
