"""The client's colours, light and dark, chosen for contrast (EN 301 549 / WCAG 2.1 AA: text at
least 4.5:1, graphics at least 3:1), and which of the two the system asks for.

Every colour a widget paints with comes from the palette installed here, so one contrast check
(tests/ui/test_contrast.py) covers the whole window. The platform's own palette is replaced, not
patched: its highlight (#308cc6 under Fusion) left white text of a selected row at 3.69:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class Scheme:
    """The colours of one scheme, by palette role, plus the chart's domain lines."""

    dark: bool
    roles: dict[QPalette.ColorRole, str]
    disabled_text: str
    domain_lines: tuple[str, ...]  # one per check-in domain, in CHECKIN_DOMAINS order
    attention: str  # the red of "overdue" and "nearly spent"


LIGHT = Scheme(
    dark=False,
    roles={
        Role.Window: "#f2f2f2",
        Role.WindowText: "#1a1a1a",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#eef3f8",
        Role.Text: "#1a1a1a",
        Role.Button: "#e6e6e6",
        Role.ButtonText: "#1a1a1a",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#1d5b94",
        Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#5c5c5c",
        Role.Link: "#0b4f8f",
        Role.LinkVisited: "#5b2d8c",
        Role.ToolTipBase: "#ffffe1",
        Role.ToolTipText: "#1a1a1a",
        Role.Light: "#ffffff",
        Role.Midlight: "#d6d6d6",
        Role.Mid: "#7a7a7a",
        Role.Dark: "#5e5e5e",
        Role.Shadow: "#2b2b2b",
        Role.Accent: "#1d5b94",
    },
    disabled_text="#6e6e6e",
    # Okabe-Ito hues (safe for colour-blind readers), darkened until each is 3:1 on white.
    domain_lines=("#a65f00", "#00785a", "#b84f00", "#a3497f", "#1f73b0", "#6b6b6b"),
    attention="#b3261e",
)

DARK = Scheme(
    dark=True,
    roles={
        Role.Window: "#202124",
        Role.WindowText: "#e8e8e8",
        Role.Base: "#17181a",
        Role.AlternateBase: "#2a2c30",
        Role.Text: "#e8e8e8",
        Role.Button: "#303236",
        Role.ButtonText: "#e8e8e8",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#8ab8f0",
        Role.HighlightedText: "#0b0c0e",
        Role.PlaceholderText: "#a6a6a6",
        Role.Link: "#8ab4f8",
        Role.LinkVisited: "#c58af9",
        Role.ToolTipBase: "#303236",
        Role.ToolTipText: "#e8e8e8",
        Role.Light: "#4a4d52",
        Role.Midlight: "#3a3c40",
        Role.Mid: "#8a8a8a",
        Role.Dark: "#111214",
        Role.Shadow: "#000000",
        Role.Accent: "#8ab8f0",
    },
    disabled_text="#9a9a9a",
    # Okabe-Ito as published: every one is well over 3:1 on the dark base.
    domain_lines=("#e69f00", "#009e73", "#e8772e", "#cc79a7", "#56b4e9", "#a0a0a0"),
    attention="#ff8a80",
)


def palette(scheme: Scheme) -> QPalette:
    pal = QPalette()
    for role, colour in scheme.roles.items():
        pal.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(Group.Disabled, role, QColor(scheme.disabled_text))
    # An inactive window keeps its selection readable (Fusion greys it otherwise).
    for role in (Role.Highlight, Role.HighlightedText):
        pal.setColor(Group.Inactive, role, QColor(scheme.roles[role]))
    return pal


def current(pal: QPalette | None = None) -> Scheme:
    """The scheme of a palette (the application's by default), told apart by its base."""
    base = (pal or QGuiApplication.palette()).color(Role.Base)
    return DARK if base.lightnessF() < 0.5 else LIGHT


def system_wants_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def system_wants_high_contrast() -> bool:
    """Windows' contrast themes (and the like elsewhere): the user's own colours then win."""
    hints = QGuiApplication.styleHints()
    return hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


_system_palette: QPalette | None = None  # what the platform gave, before ours replaced it


def apply(app: QApplication) -> Scheme | None:
    """Install the palette for the system's scheme (light when the system does not say), or
    give the system's own back when it asks for high contrast; returns the scheme installed."""
    global _system_palette
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    if system_wants_high_contrast():
        app.setPalette(_system_palette)
        return None
    scheme = DARK if system_wants_dark() else LIGHT
    if scheme.dark and app.style().name().lower() == "windowsvista":
        app.setStyle("Fusion")  # the Vista style draws light controls whatever the palette
    app.setPalette(palette(scheme))
    return scheme


class SchemeFollower(QObject):
    """Applies the system's light or dark scheme now and whenever the user changes it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._hints = QGuiApplication.styleHints()  # held: PySide drops a temporary's C++ side
        self._hints.colorSchemeChanged.connect(self._changed)
        self._hints.accessibility().contrastPreferenceChanged.connect(self._changed)
        apply(app)

    def _changed(self, *_why: object) -> None:
        apply(self._app)


def follow_system() -> None:
    """Follow the system's colour scheme for the rest of the program (once per application)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(SchemeFollower) is None:
        SchemeFollower(app)


# -- contrast (WCAG 2.1 relative luminance) -------------------------------------------------


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor | str, b: QColor | str) -> float:
    la, lb = luminance(QColor(a)), luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
