"""Small reusable widgets: message bars, field error labels, passphrase and amount fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTextEdit,
    QToolButton,
    QWidget,
)

from samjournal.money import Money
from ui import fmt

_OPEN_DIALOGS: set[QDialog] = set()


def hold_while_open(dialog: QDialog) -> None:
    """Keep a dialog's Python side until it finishes. Qt goes on showing a dialog that no Python
    name refers to, and PySide may then collect its Python side, attributes and all: the fields
    that Save reads."""
    if dialog not in _OPEN_DIALOGS:
        _OPEN_DIALOGS.add(dialog)
        dialog.finished.connect(lambda _result: _OPEN_DIALOGS.discard(dialog))


class Dialog(QDialog):
    """The client's dialogs: held while open (see `hold_while_open`), however they are opened,
    and tall enough for a message set before they were shown (the demo note on the lock screen
    was cut off: its height was worked out for another width)."""

    def showEvent(self, event: QShowEvent) -> None:
        hold_while_open(self)
        super().showEvent(event)
        fit_dialog(self)


def fit_dialog(widget: QWidget) -> None:
    """Grow the dialog around `widget` so a message that just appeared is shown whole.

    A top-level window does not grow by itself for wrapped text (height-for-width), so the
    message would be cut off or squash its neighbours; never shrinks what the user sized.
    """
    window = widget.window()
    layout = window.layout()
    if not isinstance(window, QDialog) or layout is None:
        return
    layout.activate()
    width = window.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalMinimumSize().height(), window.minimumSizeHint().height())
    if needed > window.height():
        window.resize(width, needed)


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
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
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
        self._text.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        fit_dialog(self)

    def text(self) -> str:
        return self._text.text() if self.isVisible() else ""

    def clear(self) -> None:
        self._text.clear()
        self.hide()


class FieldError(QLabel):
    """The message shown beside (under) a form field when saving it failed."""

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
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            found.append(w.toggled)
    return found


def clear_on_edit(error: FieldError, widget: QWidget) -> None:
    """A field's message goes as soon as the user changes the field: it no longer applies to
    what is there (the next save checks again)."""
    for signal in edited_signals(widget):
        signal.connect(error.clear_error)


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
        self._show.toggled.connect(self._toggle)
        self._toggle(False)
        self.addAction(self._show, QLineEdit.ActionPosition.TrailingPosition)
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

    def __init__(self, field: str = "beløp", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(QCoreApplication.translate("MoneyEdit", "e.g. 1250"))

    def value(self) -> Money:
        return fmt.parse_money(self.text(), self._field)

    def set_value(self, value: Money) -> None:
        self.setText(fmt.money_input(value))
