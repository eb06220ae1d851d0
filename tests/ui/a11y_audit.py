"""What an accessibility auditor checks in one window, read from Qt's own accessibility tree
(what a screen reader is told) and from the real Tab key: names, roles, Tab order against the
visual reading order, and whether the window fits a screen at 1x, 1.5x and 2x scaling."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMenuBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.scroll_body import ScrollBody
from ui.widgets import FRAME_ROOM, fit_to_screen

Role = QAccessible.Role

# Roles a user operates; each must say what it is for.
INTERACTIVE = {
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.ComboBox,
    Role.EditableText,
    Role.SpinBox,
    Role.Slider,
    Role.List,
    Role.Table,
    Role.Tree,
    Role.PageTab,
    Role.PageTabList,
    Role.ButtonMenu,
    Role.ButtonDropDown,
    Role.ScrollBar,
    Role.Link,
    Role.Chart,
    Role.ProgressBar,
}
# Roles that say nothing of what a control is: a screen reader announces "client" or nothing.
VAGUE = {Role.Client, Role.NoRole, Role.Pane}
# The screens the auditor used: 1280x720 at 1x, and the same laptop at 1.5x and 2x scaling.
SCALES = (1.0, 1.5, 2.0)
SCREEN = QSize(1280, 720)
# The main window on a small laptop, or on 1366x768 at 125-150 % scaling (review s14).
NARROW = QSize(1024, 600)


@dataclass(frozen=True)
class Found:
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    name = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__}({name!r})"


def _walk(interface: QAccessibleInterface, depth: int = 0) -> list[QAccessibleInterface]:
    found = [interface]
    if depth > 40 or interface.role() in (Role.Table, Role.List, Role.Tree):
        return found  # rows and cells are named by their text; the view itself is checked
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None and child.isValid():
            found += _walk(child, depth + 1)
    return found


def names_and_roles(window: QWidget) -> list[Found]:
    """Every visible control in the accessibility tree has a name and a role that says what
    it is."""
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    problems: list[Found] = []
    for interface in _walk(root):
        state = interface.state()
        if state.invisible:
            continue
        role = interface.role()
        obj = interface.object()
        what = describe(obj) if isinstance(obj, QWidget) else role.name
        if isinstance(obj, QWidget) and obj.focusProxy() is not None:
            continue  # the focus, and what a screen reader says, is its proxy's (checked too)
        if role in INTERACTIVE or state.focusable:
            if role in VAGUE and state.focusable:
                problems.append(Found(what, f"focusable with the vague role {role.name}"))
            if not interface.text(QAccessible.Text.Name).strip():
                problems.append(Found(what, f"{role.name} without a name"))
        unnamed = not interface.text(QAccessible.Text.Name).strip()
        if role == Role.Graphic and unnamed and isinstance(obj, QLabel) and _shows_image(obj):
            problems.append(Found(what, "an image without a name"))
    return problems


def _shows_image(label: QLabel) -> bool:
    return not label.pixmap().isNull()


def reachable(window: QWidget) -> list[QWidget]:
    """The widgets Tab may stop at now: visible, enabled, taking Tab focus."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        tabs = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if widget.isEnabled() and tabs and widget.focusProxy() is None:
            found.append(widget)
    return found


def tab_cycle(qtbot: QtBot, window: QWidget, start: QWidget | None = None) -> list[QWidget]:
    """Press Tab from the first field until the focus comes round again: the stops, in order."""
    window.activateWindow()
    qtbot.waitActive(window)
    # From the first control in reading order (top left), so the way back to it closes the cycle.
    first = start or min(reachable(window), key=lambda w: (_box(w).top(), _box(w).left()))
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=2000)
    stops: list[QWidget] = []
    current = QApplication.focusWidget()
    assert current is not None
    same = 0
    for _ in range(300):
        if not stops or stops[-1] is not current:
            stops.append(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        following = QApplication.focusWidget()
        assert following is not None, f"Tab after {describe(current)} left no focus"
        if following is current and reachable(window) == [current]:
            return stops  # the one stop there is
        if following is current:  # a date field steps day, month, year; a text its links
            same += 1
            assert same < 100, f"Tab is trapped in {describe(current)} in {describe(window)}"
            continue
        same = 0
        if following is stops[0]:
            return stops
        if following in stops:
            loop = " -> ".join(describe(w) for w in stops[stops.index(following) :])
            raise AssertionError(f"Tab cycles without reaching {describe(stops[0])}: {loop}")
        current = following
    raise AssertionError("Tab never came round")


def _box(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def reads_after(a: QWidget, b: QWidget, slack: int = 4) -> bool:
    """Whether a reader's eye meets `b` after `a`: below it, to its right on the same line, or
    at the top of a column further right."""
    ra, rb = _box(a), _box(b)
    if rb.top() >= ra.bottom() - slack:
        return True
    same_line = rb.top() < ra.bottom() and ra.top() < rb.bottom()
    if same_line and rb.left() >= ra.left() + slack:
        return True
    return rb.left() >= ra.right() - slack


def tab_order(qtbot: QtBot, window: QWidget, start: QWidget | None = None) -> list[Found]:
    """Tab reaches every control once, in reading order (WCAG 2.4.3, 2.1.1)."""
    stops = tab_cycle(qtbot, window, start)
    problems = []
    for a, b in itertools.pairwise(stops):
        if not reads_after(a, b):
            problems.append(
                Found(describe(window), f"Tab goes from {describe(a)} back to {describe(b)}")
            )
    missed = [w for w in reachable(window) if w not in stops and _inside_shown(w, window)]
    for widget in missed:
        problems.append(Found(describe(window), f"Tab never reaches {describe(widget)}"))
    return problems


def _inside_shown(widget: QWidget, window: QWidget) -> bool:
    """Not on a hidden page of a stack or tab widget (Tab cannot reach those, rightly)."""
    return widget.isVisible()


def fits(window: QWidget, scale: float, screen: QSize = SCREEN) -> list[Found]:
    """Shown on the laptop's screen at `scale` (in logical pixels, which is what Qt lays out
    in), the window fits whole and its buttons are neither cut off nor squeezed."""
    room = QRect(0, 0, int(screen.width() / scale), int(screen.height() / scale))
    before = window.size()
    fit_to_screen(window, room)
    QApplication.processEvents()
    if window.layout() is not None:
        window.layout().activate()
    problems = []
    most = room.size() - FRAME_ROOM
    where = f"{describe(window)} at {scale}x"
    if window.width() > most.width() or window.height() > most.height():
        problems.append(Found(where, f"{window.width()}x{window.height()} exceeds {most}"))
    scrolled = [s.widget() for s in window.findChildren(ScrollBody)]
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or any(s and s.isAncestorOf(button) for s in scrolled):
            continue
        if isinstance(button.parentWidget(), QLineEdit):
            continue  # a field's own icon button ("show passphrase"): Qt sizes it to the field
        box = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not window.rect().contains(box):
            problems.append(Found(where, f"{describe(button)} is cut off at {box}"))
        elif button.width() < button.minimumSizeHint().width():
            problems.append(Found(where, f"{describe(button)} is squeezed"))
    if shiboken6.isValid(window):
        window.resize(before)
    return problems


def in_sight(window: QWidget) -> list[Found]:
    """Every button shown is whole in sight: for a main window, whose pages scroll as a whole
    (so `fits` passes over their buttons). At 1024x600 two of the family's member buttons fell
    below the window, where scrolling did not reach them."""
    QApplication.processEvents()
    problems = []
    where = f"{describe(window)} at {window.width()}x{window.height()}"
    for button in window.findChildren(QAbstractButton):
        whole = button.visibleRegion().boundingRect() == button.rect()
        if button.isVisible() and not whole:
            problems.append(Found(where, f"{describe(button)} is out of sight"))
    return problems


def shown_whole(window: QWidget) -> list[Found]:
    """Fields scroll only when the screen has no room for them: a dialog came up 53 pixels
    tall once, its fields scrolled out of sight."""
    room = window.screen().availableGeometry().size() - FRAME_ROOM
    problems = []
    for body in window.findChildren(ScrollBody):
        scrolls = body.verticalScrollBar().maximum() > 0
        if body.isVisibleTo(window) and scrolls and window.height() < room.height() - 1:
            problems.append(
                Found(describe(window), f"its fields scroll at {window.height()} px tall")
            )
    return problems


def _mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is an ampersand), lower case."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2
    return None


def mnemonics(window: QWidget) -> list[Found]:
    """Alt+letter reaches one control: two labels or buttons shown with the same underlined
    letter send Alt+N to the first (the digits of a national identity number went into the
    name; review s10), and a menu bar's titles take their letters first."""
    seen: dict[str, str] = {}
    problems = []
    shown: list[tuple[str, str]] = [
        (action.text(), f"the menu {action.text()!r}")
        for bar in window.findChildren(QMenuBar)
        if bar.isVisibleTo(window)
        for action in bar.actions()
    ]
    for widget in window.findChildren(QWidget):
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if widget.isVisibleTo(window) and (labelled or isinstance(widget, QAbstractButton)):
            shown.append((widget.text(), describe(widget)))  # type: ignore[attr-defined]
    for text, where in shown:
        letter = _mnemonic(text)
        if letter is None:
            continue
        if letter in seen:
            problems.append(Found(where, f"Alt+{letter} is also {seen[letter]}"))
        else:
            seen[letter] = where
    return problems


def audit(qtbot: QtBot, window: QWidget, *, order: bool = True) -> list[Found]:
    QApplication.processEvents()
    problems = names_and_roles(window) + shown_whole(window) + mnemonics(window)
    if order:
        problems += tab_order(qtbot, window)
    for scale in SCALES:
        problems += fits(window, scale)
    return problems
