"""What every family tab shares: the session, the family's data, a message line, dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QWidget

from samjournal.journal import Journal
from ui.dialogs.form import FormDialog
from ui.errors import describe
from ui.family.data import FamilyData
from ui.session import Session
from ui.widgets import MessageBar


class FamilyTab(QWidget):
    say_when_shown = Signal(str)  # a save's words, for the page to say once it shows it

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: FamilyData | None = None
        self.message = MessageBar(self, closable=True)

    def show_data(self, data: FamilyData) -> None:
        self.data = data
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Window-modal, non-blocking: the lock can hide it and show it again unchanged."""
        self.message.clear()
        if isinstance(dialog, FormDialog):
            dialog.announce = self.say_when_shown.emit
        dialog.open()
        return dialog

    def run(
        self, work: Callable[[Journal], Any], done: Callable[[Any], None] | None = None
    ) -> None:
        """A one-click action on the worker; a refusal shows in this tab's message line."""
        self.message.clear()
        self.session.submit(work, done, self.show_error, context=self)

    def show_error(self, error: BaseException) -> None:
        self.message.show_message(describe(error), MessageBar.ERROR)

    def show_info(self, text: str) -> None:
        self.message.show_message(text, MessageBar.INFO)

    def ask_to_choose(self, view: QAbstractItemView, choose: str, none_yet: str) -> None:
        """Say to choose a row first; with none to choose, that there is none yet (a new user
        read "choose a meeting first" on a family with no meeting)."""
        model = view.model()
        self.show_info(choose if model is not None and model.rowCount() else none_yet)
