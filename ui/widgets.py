"""Small reusable widgets: message bars, field error labels, elided labels, the back button,
passphrase and amount fields."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTextEdit,
    QToolButton,
    QWidget,
)

from samjournal.money import Money
from ui import a11y, fmt, focus_order
from ui.scroll_body import ScrollBody

_OPEN_DIALOGS: set[QDialog] = set()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while top-level widgets are listed and asked: a dialog whose last
    Python reference went away is deleted by the collector, which could run between listing
    the windows and asking one of them something (a segfault, about one test run in four)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def shown_windows() -> list[QWidget]:
    """The top-level widgets on screen."""
    with collection_paused():
        return [w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w) and w.isVisible()]


def hold_while_open(dialog: QDialog) -> None:
    """Keep a dialog's Python side until it finishes. Qt goes on showing a dialog that no Python
    name refers to, and PySide may then collect its Python side, attributes and all: the fields
    that Save reads."""
    if dialog not in _OPEN_DIALOGS:
        _OPEN_DIALOGS.add(dialog)
        dialog.finished.connect(lambda _result: _OPEN_DIALOGS.discard(dialog))


class Dialog(QDialog):
    """The client's dialogs: held while open (see `hold_while_open`), however they are opened,
    tall enough for a message set before they were shown (the demo note on the lock screen
    was cut off: its height was worked out for another width), and never larger than the
    screen they open on (at 1.5x or 2x scaling a fixed size put Save off the screen)."""

    _tab_ordered = False

    def showEvent(self, event: QShowEvent) -> None:
        hold_while_open(self)
        if not self._tab_ordered:
            self._tab_ordered = True
            self.order_tab()
            a11y.name_parts(self)
        super().showEvent(event)
        fit_dialog(self)
        fit_to_screen(self)

    def order_tab(self) -> list[QWidget]:
        """Tab order = reading order (see ui/focus_order.py); again after rows are added."""
        return focus_order.apply(self)


# Room left around a window for its title bar and frame, which Qt does not count in size().
FRAME_ROOM = QSize(16, 48)


def screen_room(widget: QWidget) -> QRect | None:
    """The part of the widget's screen a window may use, in logical pixels."""
    screen = widget.screen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget, room: QRect | None = None) -> None:
    """Shrink `window` to fit `room` (its screen's free area) with its frame, and move it
    inside. Content that is then too big scrolls (see `ScrollBody`); sizes the user or the
    settings chose are kept whenever they fit."""
    room = room or screen_room(window)
    if room is None:
        return
    most = room.size() - FRAME_ROOM
    if window.minimumWidth() > most.width() or window.minimumHeight() > most.height():
        window.setMinimumSize(window.minimumSize().boundedTo(most))
    size = window.size().boundedTo(most)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.left()), room.right() - size.width() - FRAME_ROOM.width() + 1)
    y = min(max(frame.y(), room.top()), room.bottom() - size.height() - FRAME_ROOM.height() + 1)
    if (x, y) != (frame.x(), frame.y()) and window.isWindow():
        window.move(max(x, room.left()), max(y, room.top()))


def fits_screen(size: QSize, room: QRect | None) -> bool:
    """Whether a window of `size` (say, restored from the settings) fits `room` whole."""
    if room is None:
        return True
    most = room.size() - FRAME_ROOM
    return size.width() <= most.width() and size.height() <= most.height()


def _settle_layouts(widget: QWidget) -> None:
    """Lay out now what `widget` and its parents changed, up to the window. Each layout passes a
    new size on to the one around it only when it handles the layout request it posted, one
    event-loop turn per level: the window's layout would read the old size for a while (the
    strength advice grew by two lines, and the dialog scrolled instead of growing)."""
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        if (own := current.layout()) is not None:
            own.activate()  # nothing to do if it has not changed
        current = current.parentWidget()


def fit_dialog(widget: QWidget) -> None:
    """Grow the dialog around `widget` so a message that just appeared is shown whole.

    A top-level window does not grow by itself for wrapped text (height-for-width), so the
    message would be cut off or squash its neighbours; never shrinks what the user sized, and
    never grows past the screen (the fields scroll instead).
    """
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None:
        return
    _settle_layouts(widget)
    # The fields laid out at the dialog's width first: some fit themselves to it (the strength
    # advice takes its lines), and the fields' height is read after that.
    layout.activate()
    bodies = window.findChildren(ScrollBody)
    for body in bodies:  # fields added or grown since the layout last asked (see ScrollBody)
        body.updateGeometry()
    layout.invalidate()
    layout.activate()
    room = screen_room(window)
    width = window.width()
    if bodies:  # as wide as the fields want, as far as the screen has room
        wanted = layout.totalSizeHint().width()
        if room is not None:
            wanted = min(wanted, room.width() - FRAME_ROOM.width())
        width = max(width, wanted)
    wraps = layout.hasHeightForWidth()
    needed = layout.totalHeightForWidth(width) if wraps else -1
    needed = max(needed, layout.totalMinimumSize().height(), window.minimumSizeHint().height())
    # What the fields want, as far as the screen has room. Wrapped text is measured above at
    # this width: the size hint's height is taken at a narrower width of its own, where it
    # wraps to more lines (the payment dialog opened a line too tall, blank below its fields).
    if bodies and not wraps:
        needed = max(needed, layout.totalSizeHint().height())
    if room is not None:
        needed = min(needed, room.height() - FRAME_ROOM.height())
    if needed > window.height() or width > window.width():
        window.resize(width, max(needed, window.height()))


def resize_for_width(window: QWidget, width: int) -> None:
    """Size `window` `width` wide and as tall as its layout needs at that width. Its size hint's
    height is taken at a narrower width of its own, where wrapped text takes more lines, and a
    dialog opened at that height kept the blank below its fields (fit_dialog only grows)."""
    height = window.heightForWidth(width)  # -1: nothing in it wraps
    window.resize(width, height if height >= 0 else window.sizeHint().height())


def wrap_to_width(label: QLabel) -> None:
    """Word-wrap `label` across the width it is given, as tall as its lines at that width.
    Height-for-width is said here, from the start: QLabel says it only once it holds text, and a
    size policy set whole drops it (the message bar's label lost it until its next setText)."""
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)


def go_ahead(parent: QWidget, title: str, text: str, go: str) -> bool:
    """Whether the user goes on with what `text` warns of: a warning with the button `go` and
    Cancel, Cancel the default (Enter, pressed by habit, gives nothing up)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(go)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    a11y.name_parts(box)
    return box.exec() == QMessageBox.StandardButton.Yes


class MessageBar(QFrame):
    """An inline message with an icon (info, warning or error); hidden while empty."""

    INFO, WARNING, ERROR = "info", "warning", "error"

    def __init__(self, parent: QWidget | None = None, *, closable: bool = False) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self._icon = QLabel()
        self._text = QLabel()
        wrap_to_width(self._text)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        if closable:
            close = QToolButton()
            close.setAutoRaise(True)
            close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
            close.setAccessibleName(QCoreApplication.translate("MessageBar", "Close message"))
            close.setToolTip(QCoreApplication.translate("MessageBar", "Close message"))
            close.clicked.connect(self.clear)
            layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(QCoreApplication.translate("MessageBar", "Message"))
        self.hide()

    def show_message(self, text: str, kind: str = INFO) -> None:
        pixmap = {
            self.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
            self.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
            self.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        }[kind]
        self._icon.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
        icon = {
            self.INFO: QMessageBox.Icon.Information,
            self.WARNING: QMessageBox.Icon.Warning,
            self.ERROR: QMessageBox.Icon.Critical,
        }[kind]
        self._icon.setAccessibleName(a11y.icon_meaning(icon))
        self._text.setText(text)
        self.setAccessibleDescription(text)
        window = self.window()
        before = window.size()  # before it shows: shown, it may grow the window by itself
        self.show()
        fit_dialog(self)
        if isinstance(window, QDialog) and window.size() != before:
            grown = _GROWN.get(window)
            start = grown[0] if grown is not None and grown[1] == before else before
            _GROWN[window] = (start, window.size())
        a11y.announce(self, text)  # read out, wherever the focus is (WCAG 4.1.3)

    def text(self) -> str:
        return self._text.text() if self.isVisible() else ""

    def clear(self) -> None:
        self._text.clear()
        self.hide()
        window = self.window()
        grown = _GROWN.pop(window, None)
        if grown is not None and window.size() == grown[1]:  # not sized by the user since
            layout = window.layout()
            if layout is not None:
                layout.activate()  # its least size without the message, before the resize
            window.resize(grown[0])


# A dialog a message grew to show it whole (fit_dialog): its size before, and the size it grew
# to. The message gone, it goes back, unless it was sized since: the unlock window stayed
# stretched once "Wrong passphrase" was gone, its fields spread out (outside review s20).
_GROWN: weakref.WeakKeyDictionary[QWidget, tuple[QSize, QSize]] = weakref.WeakKeyDictionary()


class ElidedLabel(QLabel):
    """One line of plain text that shortens itself with "…" to the room it is given, rather
    than widening its window (a family's name may be 200 characters). The full text stays its
    text, so screen readers read all of it, and is its tooltip while shortened."""

    def __init__(self, parent: QWidget | None = None, *, field: bool = False) -> None:
        """`field`: a form's field. A form grows only expanding fields (FormDialog's
        ExpandingFieldsGrow), and gave an ignored one no width: "Formål:" and "Familie:" stood
        over nothing (review s30). Expanding, it still shrinks to the room it has."""
        super().__init__(parent)
        self._field = field
        self.setTextFormat(Qt.TextFormat.PlainText)
        horizontal = QSizePolicy.Policy.Expanding if field else QSizePolicy.Policy.Ignored
        self.setSizePolicy(horizontal, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        """As a field, at most about 40 characters wide: the form grows it to the room there is,
        but a long text must not ask the dialog to grow (it widened to the screen's edge)."""
        hint = super().sizeHint()
        if self._field:
            hint.setWidth(min(hint.width(), 40 * self.fontMetrics().averageCharWidth()))
        return hint

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")


def back_to_cases(page: QWidget, back: SignalInstance) -> QPushButton:
    """The "← Case list" button of a page shown instead of the case list; Esc on the page does
    the same (and the View menu's Back, Alt+Left)."""
    button = QPushButton(QCoreApplication.translate("BackToCases", "← &Case list"))
    button.setToolTip(
        QCoreApplication.translate("BackToCases", "Back to the case list (Esc, Alt+Left)")
    )
    button.clicked.connect(lambda: back.emit())
    _BackOnEscape(page, back)
    return button


class _BackOnEscape(QObject):
    """Esc that nothing on the page used (its tables and tab bar leave it) goes back; a dialog
    open over the page keeps its own Esc."""

    def __init__(self, page: QWidget, back: SignalInstance) -> None:
        super().__init__(page)
        self._back = back
        page.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        escape = (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers()
        )
        if escape:
            self._back.emit()
        return escape


class FieldError(QLabel):
    """The message shown beside (under) a form field when saving it failed."""

    shown = Signal(str)  # the message, each time one is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setForegroundRole(self.palette().ColorRole.Text)
        self.hide()

    def show_error(self, message: str) -> None:
        icon = "\u26a0\ufe0e "  # a text-style warning sign: no colour needed
        self.setText(icon + message)
        self.setAccessibleName(message)
        self.show()
        fit_dialog(self)
        self.shown.emit(message)

    cleared = Signal()

    def clear_error(self) -> None:
        if self.isHidden() and not self.text():
            return
        self.clear()
        self.hide()
        self.cleared.emit()


def edited_signals(widget: QWidget) -> list[SignalInstance]:
    """The signals by which `widget` or an input inside it says its value changed."""
    found: list[SignalInstance] = []
    for w in (widget, *widget.findChildren(QWidget)):
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append(w.textChanged)
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            found.append(w.valueChanged)
        elif isinstance(w, QDateTimeEdit):
            found.append(w.dateTimeChanged)
        elif isinstance(w, QComboBox):
            found += [w.currentIndexChanged, w.editTextChanged]
        elif isinstance(w, QAbstractButton) and w.isCheckable() and not _of_line_edit(w):
            found.append(w.toggled)
    return found


def _of_line_edit(button: QAbstractButton) -> bool:
    """A line edit's own button (a passphrase's "show"): it changes how the value looks, not
    the value (showing a passphrase hid "not the same", the one moment it was wanted)."""
    return isinstance(button.parent(), QLineEdit)


def clear_on_edit(error: FieldError, widget: QWidget) -> None:
    """A field's message goes as soon as the user changes the field: it no longer applies to
    what is there (the next save checks again)."""
    for signal in edited_signals(widget):
        signal.connect(error.clear_error)


class NotTheSame(QObject):
    """Once the message under a repeated passphrase has said it differs from the first, it
    follows both fields: it stays while both are filled and differ, whichever is edited, and
    goes when they match or the repeat is emptied. Made after the fields' rows, so it speaks
    after `clear_on_edit` has cleared the message at each edit."""

    def __init__(self, error: FieldError, first: QLineEdit, repeat: QLineEdit) -> None:
        super().__init__(error)
        self._error, self._first, self._repeat = error, first, repeat
        self._said = ""  # the message, once a save found the two different
        error.shown.connect(self._remember)
        for field in (first, repeat):
            field.textChanged.connect(self._follow)

    def _remember(self, message: str) -> None:
        self._said = message

    def _follow(self) -> None:
        if not self._said:
            return
        repeat = self._repeat.text()
        if repeat and repeat != self._first.text():
            self._error.show_error(self._said)
        else:
            self._error.clear_error()


def eye_icon(palette: QPalette, *, crossed: bool = False) -> QIcon:
    """An eye (show the passphrase), or a crossed-out eye (hide it), in the palette's text
    colour so it reads on light and dark themes; drawn, so no image file is needed."""
    size = 64
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = palette.color(QPalette.ColorRole.Text)
    painter.setPen(QPen(colour, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    outline = QPainterPath(QPointF(6, 32))
    outline.quadTo(QPointF(32, 2), QPointF(58, 32))
    outline.quadTo(QPointF(32, 62), QPointF(6, 32))
    painter.drawPath(outline)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(32, 32), 9, 9)
    if crossed:
        painter.drawLine(QPointF(10, 54), QPointF(54, 10))
    painter.end()
    return QIcon(pixmap)


class PassphraseEdit(QLineEdit):
    """A password field that notices Caps Lock from the letters typed, and can show its text."""

    caps_lock = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self._show = QAction(self)
        self._show.setCheckable(True)
        self.addAction(self._show, QLineEdit.ActionPosition.TrailingPosition)
        # The button Qt makes for the action takes no focus and has no name of its own: the
        # keyboard could not reach it and a screen reader said only "check box" (WCAG 2.1.1,
        # 4.1.2). It comes next in the Tab order, after the field.
        self.show_button: QToolButton = self.findChildren(QToolButton)[-1]
        self.show_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show.toggled.connect(self._toggle)
        self._toggle(False)
        self.caps_on: bool | None = None

    def _toggle(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._show.setIcon(eye_icon(self.palette(), crossed=shown))
        tip = (
            QCoreApplication.translate("PassphraseEdit", "Hide passphrase")
            if shown
            else QCoreApplication.translate("PassphraseEdit", "Show passphrase")
        )
        self._show.setToolTip(tip)
        self._show.setText(tip)
        self.show_button.setAccessibleName(tip)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            caps = text.isupper() != shift
            if caps != self.caps_on:
                self.caps_on = caps
                self.caps_lock.emit(caps)
        super().keyPressEvent(event)


class MoneyEdit(QLineEdit):
    """An amount in kroner; `value()` raises the core's ValidationError when it is not one."""

    def __init__(self, field: str = "amount", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(QCoreApplication.translate("MoneyEdit", "e.g. 1250"))

    def value(self) -> Money:
        return fmt.parse_money(self.text(), self._field)

    def set_value(self, value: Money) -> None:
        self.setText(fmt.money_input(value))
