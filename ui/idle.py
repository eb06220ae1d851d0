"""Locks after a quiet spell: any keyboard, mouse, wheel or touch input restarts a timer.

The input is watched on the application's windows (`QWindow`), where the platform delivers it,
not with an application-wide event filter: that one would run Python for every event of every
widget (timers, paints, layouts), and each of those calls must wait for the GIL whenever the
database worker is busy in Python (building a PDF, say) — the window then stutters. A window
gets the filter when it appears or gets the focus, and loses it when it is hidden: a window is
hidden before it is destroyed, and a filter still installed while Qt tears a window down is
called with a half-destroyed object (PySide then crashes wrapping it).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle.emit)
        self._windows: list[QWindow] = []
        self.set_minutes(minutes)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._window_focused)
            self.watch_all()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self.watch_all()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    # -- which windows ----------------------------------------------------------------------

    def watch_all(self) -> None:
        for window in QGuiApplication.topLevelWindows():
            self.watch(window)

    def watch(self, window: QWindow | None) -> None:
        self._windows = [w for w in self._windows if shiboken6.isValid(w)]
        if window is None or any(w is window for w in self._windows):
            return
        if window.isVisible():
            window.installEventFilter(self)
        window.visibleChanged.connect(self._visibility_changed)
        self._windows.append(window)

    def _visibility_changed(self, visible: bool) -> None:
        window = self.sender()
        if not isinstance(window, QWindow) or not shiboken6.isValid(window):
            return
        if visible:
            window.installEventFilter(self)
        else:
            window.removeEventFilter(self)

    def _window_focused(self, window: QWindow | None) -> None:
        self.watch(window)
        if window is not None and self._timer.isActive():
            self._timer.start()  # switching windows is activity too

    @property
    def watched(self) -> int:
        return len([w for w in self._windows if shiboken6.isValid(w)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False

    def remove(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._window_focused)
        for window in self._windows:
            if shiboken6.isValid(window):
                window.removeEventFilter(self)
                window.visibleChanged.disconnect(self._visibility_changed)
        self._windows = []
        self._timer.stop()
