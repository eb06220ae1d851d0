"""Copy a sensitive value (an identity number) and clear the clipboard again after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
_pending: list[QTimer] = []


def copy_sensitive(text: str, after_ms: int | None = None) -> None:
    """`after_ms` defaults to CLEAR_AFTER_MS, read at the call (tests shorten it)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text, QClipboard.Mode.Clipboard)
    timer = QTimer()
    timer.setSingleShot(True)

    def clear() -> None:
        if clipboard.text(QClipboard.Mode.Clipboard) == text:
            clipboard.clear(QClipboard.Mode.Clipboard)
        _pending.remove(timer)

    timer.timeout.connect(clear)
    _pending.append(timer)
    timer.start(CLEAR_AFTER_MS if after_ms is None else after_ms)


def clear_now() -> None:
    """On lock or quit: clear anything sensitive still on the clipboard."""
    for timer in list(_pending):
        timer.stop()
        timer.timeout.emit()
