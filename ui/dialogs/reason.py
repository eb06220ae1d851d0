"""A short "why" for actions that need one: cancel, reject, remove."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from samjournal.journal import Journal
from ui.dialogs.form import FormDialog, Work
from ui.session import Session


class ReasonDialog(FormDialog):
    """`action(journal, reason)` runs on save; the core checks the reason is given."""

    ASK_BEFORE_DISCARD = False

    def __init__(
        self,
        session: Session,
        title: str,
        prompt: str,
        action: Callable[[Journal, str], Any],
        *,
        confirm_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, title, parent)
        self._action = action
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(360)
        self.add_row(self.tr("&Reason:"), self.reason, "reason")
        if confirm_text:
            self.save_button.setText(confirm_text)
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        reason = self.reason.text()
        action = self._action
        return lambda journal: action(journal, reason)


class ConfirmDialog(FormDialog):
    """Explain what will happen, then run `action(journal)` when the user confirms."""

    ASK_BEFORE_DISCARD = False

    def __init__(
        self,
        session: Session,
        title: str,
        text: str,
        action: Callable[[Journal], Any],
        *,
        confirm_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, title, parent)
        self._action = action
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        self.body.insertWidget(0, self.intro)
        self.save_button.setText(confirm_text)
        # Cancel is the default, and stays it: with no field to start in, the focus lands on
        # the confirm button, and a focused auto-default button takes Enter (Enter twice
        # approved over budget; review s10).
        self.cancel_button.setDefault(True)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        return self._action
