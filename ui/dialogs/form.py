"""The base of every form dialog: fields with their error labels, Save through the worker.

A save runs on the database worker. If the core refuses it, the message appears beside the field
it names (or above the buttons) and the dialog stays open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.messages import invalid
from ui import a11y
from ui.errors import describe, field_message
from ui.prefs import APP_NAME
from ui.scroll_body import ScrollBody
from ui.session import Session
from ui.widgets import Dialog, FieldError, MessageBar, clear_on_edit, wrap_to_width
from ui.worker import DbWorker

Work = Callable[[Journal], Any]  # for dialogs without a session the argument is None


class FormDialog(Dialog):
    """Subclasses add rows with `add_row` and return the save as a function from `build()`."""

    saved = Signal(object)
    # Cancel, Esc and the close button ask before throwing away what was typed; a dialog of
    # choices (print options, settings) or a confirmation (its Cancel is the safe answer) not.
    ASK_BEFORE_DISCARD = True

    def __init__(
        self,
        session: Session | None,
        title: str,
        parent: QWidget | None = None,
        *,
        worker: DbWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        if worker is None:
            assert session is not None
            worker = session.worker
        self.worker = worker
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        # How a save is said (status bar and screen reader); a family tab has it said once the
        # page shows the saved record (FamilyTab.open_dialog), not before the list it speaks of.
        self.announce: Callable[[str], None] = self._announce_now
        self._errors: dict[str, FieldError] = {}
        self._required: list[tuple[str, QLineEdit, FieldError]] = []  # marked when left empty
        self._busy = False
        self._ordered = False
        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body.addLayout(self.form)
        # The fields scroll when the screen is too small for them (2x scaling on a laptop);
        # the message and Save/Cancel stay in view below them.
        self.scroll_body = ScrollBody(self.body)
        outer.addWidget(self.scroll_body, 1)
        self.message = MessageBar(self)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(
            QCoreApplication.translate("FormDialog", "&Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setDefault(True)
        self.cancel_button: QPushButton = self.buttons.addButton(
            QCoreApplication.translate("FormDialog", "Cancel"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        outer.addWidget(self.buttons)
        self._as_opened: list[object] | None = None  # the fields' values when shown

    # -- building the form ------------------------------------------------------------------

    def add_row(
        self,
        label: str,
        widget: QWidget,
        *fields: str,
        form: QFormLayout | None = None,
        required: bool = False,
    ) -> FieldError:
        """A labelled field; `fields` are the core's English ids for it (error.field_id).
        A `required` line left empty is marked with whatever field refused the save."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError(box)
        column.addWidget(error)
        clear_on_edit(error, widget)
        error.cleared.connect(self._field_cleared)
        if widget.maximumHeight() < 16_777_215:  # a capped widget stays at the top of its row
            column.addStretch(1)
        caption = QLabel(label)
        caption.setBuddy(widget)
        (form or self.form).addRow(caption, box)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        for name in fields:
            self._errors[name] = error
        if required:
            assert isinstance(widget, QLineEdit)
            self._required.append((fields[0], widget, error))
        return error

    def add_note(self, note: QLabel) -> None:
        """A wrapped note in the fields' column: as wide as the fields and as tall as its lines
        at that width, no blank above or below it. The caption is empty, not absent: Qt keeps
        a row without a caption at least as tall as the note's size hint, the lines it wraps to
        at a narrower width of its own. A note shown only at times is shown and hidden with its
        row (self.form.setRowVisible), caption and all."""
        wrap_to_width(note)
        self.form.addRow(QLabel(), note)

    def register_field(self, error: FieldError, *fields: str) -> None:
        for name in fields:
            self._errors[name] = error
        error.cleared.connect(self._field_cleared)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._ordered:
            self._ordered = True
            self._order_focus()
            # Enter saves from anywhere in the form: a button that had the focus ("Add need")
            # must not become the default and catch the next Enter.
            for button in self.findChildren(QPushButton):
                if button is not self.save_button:
                    button.setAutoDefault(False)
            self.mark_clean()
        super().showEvent(event)

    # -- leaving without saving -------------------------------------------------------------

    def mark_clean(self) -> None:
        """The fields as they are now count as unchanged (a dialog that fills them from the
        journal after it opens calls this once they are filled)."""
        self._as_opened = self._values()

    def _values(self) -> list[object]:
        found: list[object] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                found.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                found.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                found.append(widget.currentIndex())
            elif isinstance(widget, QAbstractSpinBox):
                found.append(widget.text())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                found.append(widget.isChecked())
        return found

    def changed(self) -> bool:
        """Whether anything was typed or chosen since the dialog opened (rows added count)."""
        return (
            self.ASK_BEFORE_DISCARD
            and self._as_opened is not None
            and self._values() != self._as_opened
        )

    def cancel(self) -> None:
        """Cancel, Esc or the window's close button: what was typed goes only when the user
        says so (a meeting's notes are minutes of typing; Esc is the key pressed in a hurry).
        A close by the program (a lock, quitting) goes through `reject`, unasked."""
        if self._busy:
            return
        if self.changed() and not self._discard_confirmed():
            return
        self.reject()

    def _discard_confirmed(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(APP_NAME)  # the form's own title is cut off in this narrow box
        box.setText(QCoreApplication.translate("FormDialog", "Discard what you have written?"))
        box.setInformativeText(QCoreApplication.translate("FormDialog", "It has not been saved."))
        discard = box.addButton(
            QCoreApplication.translate("FormDialog", "&Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(
            QCoreApplication.translate("FormDialog", "&Keep writing"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)  # Enter or Esc again keeps it
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button (spontaneous); a close by the program is not asked about.
        if event.spontaneous() and (
            self._busy or (self.changed() and not self._discard_confirmed())
        ):
            event.ignore()
            return
        super().closeEvent(event)

    def _order_focus(self) -> None:
        """Fields in reading order, then Save and Cancel (the button box is the last row);
        focus starts in the first field."""
        buttons = (self.save_button, self.cancel_button)
        chain = [w for w in self.order_tab() if w not in buttons and w.isEnabled()]
        if chain and self.focusWidget() in (None, *buttons):
            chain[0].setFocus()

    # -- saving -----------------------------------------------------------------------------

    def build(self) -> Work:
        """Read the fields (raise ValidationError for what the UI parses) and return the save."""
        raise NotImplementedError

    def done_message(self, result: Any) -> None:
        """Called after a successful save, before the dialog closes."""

    def _announce_now(self, text: str) -> None:
        a11y.status(self.parentWidget(), text)

    def save(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        try:
            work = self.build()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self._set_busy(True)
        self.worker.submit(work, self._saved, self._failed, context=self)

    def _saved(self, result: Any) -> None:
        self._set_busy(False)
        self.done_message(result)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_error(error)

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, ValidationError) and error.field_id in self._errors:
            label = self._errors[error.field_id]
            label.show_error(self.field_text(error))
            # In sight, with its field when they fit: the message bar shrinks the fields' view,
            # and a meeting's payment row said "check the marked field" scrolled out of sight.
            inner, around = self.scroll_body.widget(), label.parentWidget()
            if inner is not None and inner.isAncestorOf(label):
                self.scroll_body.reveal([label] if around in (None, inner) else [label, around])
            marked = 1 + self._mark_empty_required()
            self.message.show_message(
                QCoreApplication.translate(
                    "FormDialog", "Not saved: check the marked field(s).", None, marked
                ),
                MessageBar.ERROR,
            )
            return
        self.message.show_message(
            QCoreApplication.translate("FormDialog", "Not saved: %1").replace(
                "%1", describe(error)
            ),
            MessageBar.ERROR,
        )

    def field_text(self, error: ValidationError) -> str:
        """The message beside the field (a dialog with rows says which row)."""
        return field_message(error)

    def _mark_empty_required(self) -> int:
        """Mark the required fields left empty and not marked yet; how many. A save is refused
        for one field, and an empty Purpose showed only once the Amount was right (review s14)."""
        empty = [
            (field, error)
            for field, widget, error in self._required
            if not widget.text().strip() and not error.text()
        ]
        for field, error in empty:
            error.show_error(field_message(invalid(field, "required")))
        return len(empty)

    def _field_cleared(self) -> None:
        """The last marked field fixed: "check the marked field" no longer applies."""
        if not any(e.text() for e in self._errors.values()):
            self.message.clear()

    def clear_errors(self) -> None:
        for label in set(self._errors.values()):
            label.clear_error()
        self.message.clear()

    def field_errors(self) -> dict[str, str]:
        """Field id -> the message shown beside it (for tests)."""
        return {k: v.text() for k, v in self._errors.items() if v.isVisible() or v.text()}

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
