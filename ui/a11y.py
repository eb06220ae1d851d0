"""What assistive technology is told beyond what Qt's widgets say of themselves: the role of a
widget we paint ourselves (the budget bar, the trend chart), and status messages announced
(WCAG 4.1.3) without moving the focus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollBar,
    QWidget,
)

ROLE_PROPERTY = "samjournalAccessibleRole"
_installed = False


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if not isinstance(obj, QWidget):
        return None
    role = obj.property(ROLE_PROPERTY)
    if role is None:
        return None
    interface = QAccessibleWidget(obj, QAccessible.Role(role))
    # Qt caches the interface and deletes it with the widget; the Python side must live as long.
    obj.setProperty("samjournalAccessible", interface)
    return interface


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Report `widget` to assistive technology with `role` (Qt would say Client).

    Set before the widget is first asked about (in its constructor): Qt caches the answer."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
    widget.setProperty(ROLE_PROPERTY, role.value)


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader read `text` out, politely (after what it is reading now)."""
    if text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def status(widget: QWidget | None, text: str, timeout_ms: int = 8000) -> None:
    """Show `text` in the main window's status bar and announce it: a save that closes its
    dialog would otherwise pass unnoticed by anyone who does not see the list change."""
    window = widget.window() if widget is not None else None
    while window is not None and not isinstance(window, QMainWindow):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)
        announce(window.statusBar(), text)
    elif widget is not None:
        announce(widget, text)


def name_parts(root: QWidget) -> None:
    """Name what Qt leaves unnamed inside `root`: scroll bars, and a message box's icon (a
    screen reader said "scroll bar" and "graphic", and nothing more)."""
    for bar in root.findChildren(QScrollBar):
        if not bar.accessibleName():
            vertical = bar.orientation() == Qt.Orientation.Vertical
            bar.setAccessibleName(
                QCoreApplication.translate("Accessibility", "Vertical scroll bar")
                if vertical
                else QCoreApplication.translate("Accessibility", "Horizontal scroll bar")
            )
    if isinstance(root, QMessageBox):
        icon = root.findChild(QLabel, "qt_msgboxex_icon_label")
        if icon is not None:
            icon.setAccessibleName(icon_meaning(root.icon()))


def icon_meaning(icon: QMessageBox.Icon) -> str:
    """What an information, question, warning or error icon says, in words."""
    icons = QMessageBox.Icon
    return {
        icons.Information: QCoreApplication.translate("Accessibility", "Information"),
        icons.Question: QCoreApplication.translate("Accessibility", "Question"),
        icons.Warning: QCoreApplication.translate("Accessibility", "Warning"),
        icons.Critical: QCoreApplication.translate("Accessibility", "Error"),
    }.get(icon, "")
