"""Passphrases and the recovery key: change your own passphrase, reset one with the recovery
key, and show a new recovery key once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFont, QFontDatabase, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import ValidationError, WrongPassphrase
from samjournal.journal import Journal
from samjournal.passphrase import Hint, passphrase_strength
from samjournal.reports import recovery_sheet
from ui.dialogs.form import FormDialog, Work
from ui.errors import describe
from ui.printing import PrintFailed, print_pdf
from ui.recovery_file import audit_copy, save_recovery_sheet, saved
from ui.session import Session
from ui.widgets import Dialog, NotTheSame, PassphraseEdit, fit_dialog
from ui.worker import DbWorker


def hint_text(hint: Hint) -> str:
    return {
        Hint.TOO_SHORT: QCoreApplication.translate("Strength", "Use at least 10 characters."),
        Hint.ADD_VARIETY: QCoreApplication.translate(
            "Strength", "Mix capitals, digits or signs, or use more words."
        ),
        Hint.USE_WORDS: QCoreApplication.translate(
            "Strength", "Several ordinary words in a row are easy to remember and hard to guess."
        ),
        Hint.REPEATED: QCoreApplication.translate("Strength", "Avoid repeating the same letters."),
        Hint.PATTERN: QCoreApplication.translate(
            "Strength", "Avoid runs like abc, 1234 and qwerty."
        ),
        Hint.COMMON: QCoreApplication.translate(
            "Strength", "Common passwords and single words are guessed first."
        ),
        Hint.DATE: QCoreApplication.translate("Strength", "Avoid dates and years."),
        Hint.PERSONAL: QCoreApplication.translate("Strength", "Avoid your own name."),
    }[hint]


def score_text(score: int) -> str:
    return [
        QCoreApplication.translate("Strength", "Too short"),
        QCoreApplication.translate("Strength", "Weak"),
        QCoreApplication.translate("Strength", "Fair"),
        QCoreApplication.translate("Strength", "Good"),
        QCoreApplication.translate("Strength", "Strong"),
    ][score]


class StrengthMeter(QWidget):
    """A bar and a line of advice that follow a passphrase field."""

    def __init__(
        self,
        field: QLineEdit,
        parent: QWidget | None = None,
        *,
        user_inputs: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        super().__init__(parent)
        self._user_inputs = user_inputs  # the user's own names count against the passphrase
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName(QCoreApplication.translate("Strength", "Passphrase strength"))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._shown: set[str] = set()  # every advice shown so far: its room stays
        layout.addWidget(self.bar)
        layout.addWidget(self.advice)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        field.textChanged.connect(self.update_for)
        self.update_for(field.text())

    def update_for(self, text: str) -> None:
        strength = passphrase_strength(text, self._user_inputs())
        self.bar.setValue(strength.score)
        self.bar.setFormat(score_text(strength.score))
        advice = " ".join(hint_text(h) for h in strength.hints)
        self.advice.setText(advice)
        self._shown.add(advice)
        self._keep_room()
        fit_dialog(self)  # a dialog does not grow by itself for the advice's new lines

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_room()

    def _keep_room(self) -> None:
        """The advice's height: two lines, or what the longest advice so far takes at the width
        it has now. The fields below do not move as advice comes and goes, and the next one
        follows it directly: as a minimum measured by the label's size hint (which wraps at a
        narrower width of its own), the room had blank lines, and the meter took in the
        height the dialog had to spare, blank above the next field."""
        metrics = self.advice.fontMetrics()
        column = QRect(0, 0, self.advice.width(), 0)
        taken = (
            metrics.boundingRect(column, Qt.TextFlag.TextWordWrap, advice).height()
            for advice in self._shown
        )
        self.advice.setFixedHeight(max(2 * metrics.lineSpacing(), *taken))


class ChangePassphraseDialog(FormDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("ChangePassphraseDialog", "Change passphrase"),
            parent,
        )
        self.current = PassphraseEdit()
        self.add_row(self.tr("&Current passphrase:"), self.current, "nåværende")
        self.new = PassphraseEdit()
        self.add_row(self.tr("&New passphrase:"), self.new, "passphrase")
        user = session.user
        self.form.addRow(
            "", StrengthMeter(self.new, user_inputs=lambda: (user.username, user.display_name))
        )
        self.repeat = PassphraseEdit()
        NotTheSame(
            self.add_row(self.tr("R&epeat:"), self.repeat, "repeat_passphrase"),
            self.new,
            self.repeat,
        )
        self.resize(460, self.sizeHint().height())

    def build(self) -> Work:
        current, new = self.current.text(), self.new.text()
        if new != self.repeat.text():
            raise ValidationError("repeat_passphrase", self.tr("is not the same"))
        return lambda journal: journal.change_passphrase(current, new)

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, WrongPassphrase):
            error = ValidationError("nåværende", self.tr("is not your current passphrase"))
        super().show_error(error)


class RecoveryResetDialog(FormDialog):
    """Give a user a new passphrase with the recovery key (works while the journal is locked)."""

    def __init__(
        self,
        path: Path,
        worker: DbWorker,
        people: list[tuple[str, str]],
        *,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            None,
            QCoreApplication.translate("RecoveryResetDialog", "Reset passphrase with recovery key"),
            parent,
            worker=worker,
        )
        self.path = path
        intro = QLabel(
            self.tr(
                "The recovery key is on the recovery sheet in the team lead's safe."
                " It gives the chosen user a new passphrase."
            )
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.add_row(self.tr("Recovery &key:"), self.key, "recovery_key")
        self.user = QComboBox()  # by name, as every other list of users (`people`: username, name)
        for login, name in people:
            self.user.addItem(name, login)
            self.user.setItemData(self.user.count() - 1, login, Qt.ItemDataRole.ToolTipRole)
        if username:
            self.user.setCurrentIndex(max(0, self.user.findData(username)))
        self.add_row(self.tr("&User:"), self.user, "user")
        self.new = PassphraseEdit()
        self.add_row(self.tr("&New passphrase:"), self.new, "passphrase")
        self.form.addRow("", StrengthMeter(self.new))
        self.repeat = PassphraseEdit()
        NotTheSame(
            self.add_row(self.tr("R&epeat:"), self.repeat, "repeat_passphrase"),
            self.new,
            self.repeat,
        )
        self.save_button.setText(self.tr("&Reset passphrase"))
        self.resize(520, self.sizeHint().height())

    def build(self) -> Work:
        key, user, new = self.key.text(), str(self.user.currentData()), self.new.text()
        if new != self.repeat.text():
            raise ValidationError("repeat_passphrase", self.tr("is not the same"))
        path = self.path
        return lambda _journal: Journal.reset_passphrase(path, key, user, new)

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, WrongPassphrase):
            error = ValidationError("recovery_key", self.tr("does not open this journal"))
        super().show_error(error)


class RecoveryKeyDialog(Dialog):
    """Shows a recovery key once, in groups, large enough to copy by hand, and prints the sheet."""

    def __init__(
        self, key: str, parent: QWidget | None = None, session: Session | None = None
    ) -> None:
        super().__init__(parent)
        self._key = key
        self._session = session
        self.setWindowTitle(self.tr("New recovery key"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Write this key on the recovery sheet and keep it in the safe. It is shown only"
                " once. The old key no longer works."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        shown = QLabel("  ".join(key.split("-")))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        shown.setFont(font)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAccessibleName(self.tr("Recovery key"))
        layout.addWidget(shown)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        if session is not None:
            self.print_button = buttons.addButton(
                self.tr("&Print recovery sheet…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.print_button.setAccessibleName(self.tr("Print the recovery sheet"))
            self.print_button.clicked.connect(self.print_sheet)
            self.save_button = buttons.addButton(
                self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.save_button.clicked.connect(lambda: self.print_sheet(to_file=True))
        buttons.addButton(self.tr("I have written it down"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _say(self, text: str) -> None:
        """The outcome under the key, the dialog grown to show it whole (its last lines were cut
        off after a save as PDF; team-lead review)."""
        self.message.setText(text)
        fit_dialog(self.message)

    def print_sheet(self, *, to_file: bool = False) -> None:
        """Build the sheet on the worker (audited as a view), then Qt's print dialog, or a file
        where no printer is set up; a copy made is audited on the worker too."""
        assert self._session is not None
        session, key = self._session, self._key

        def build(journal: Journal) -> bytes:
            return recovery_sheet(
                recovery_key=key,
                journal_id=journal.journal_id,
                printed_by=journal.user.display_name,
                created=dt.date.today(),
                journal=journal,
            )

        def show(pdf: bytes) -> None:
            if to_file:
                outcome = save_recovery_sheet(pdf, self)
                if outcome is not None:
                    self._say(outcome[1])
                if saved(outcome):
                    copied(printed=False)
                return
            try:
                printed = print_pdf(pdf, self, self.tr("Recovery sheet"))
            except PrintFailed as exc:
                self._say(describe(exc))
                return
            if printed:
                self._say(self.tr("The recovery sheet was sent to the printer."))
                copied(printed=True)

        def copied(*, printed: bool) -> None:
            session.submit(
                lambda journal: audit_copy(journal, printed=printed), None, failed, context=self
            )

        def failed(error: BaseException) -> None:
            self._say(describe(error))

        self._session.submit(build, show, failed, context=self)
