"""The unlock screen: pick a user, type the passphrase, see clearly why it did not open."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from samjournal.errors import (
    RecentWorkMissing,
    SamJournalError,
    UnlockThrottled,
    WrongPassphrase,
)
from samjournal.journal import Journal
from samjournal.settings import JournalSettings
from ui.errors import describe
from ui.session import Session
from ui.widgets import Dialog, MessageBar, PassphraseEdit, go_ahead
from ui.worker import DbWorker, Task


class _UserList(QComboBox):
    """The users to sign in as; `closed` when its list, dropped down, closes (a name chosen from
    it with the mouse or Enter, or left)."""

    closed = Signal()

    def hidePopup(self) -> None:
        super().hidePopup()
        self.closed.emit()


class UnlockDialog(Dialog):
    """First unlock of a journal (`worker` given) or re-unlock after a lock (`session` given).

    `unlocked(journal, settings)` fires once the journal is open; the dialog then closes.
    """

    unlocked = Signal(object, object)  # Journal, JournalSettings
    other_journal = Signal()
    someone_else = Signal()  # on the lock screen: sign out, for another user to sign in
    forgot = Signal(str)  # username

    def __init__(
        self,
        path: Path,
        *,
        worker: DbWorker | None = None,
        session: Session | None = None,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._worker = worker
        self._session = session
        self._busy = False
        self._wait_until = 0.0
        self.setWindowTitle(self.tr("Unlock SamJournal"))
        self.setModal(True)

        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("The journal is locked.") if session else self.tr("Unlock the journal")
        )
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        where = QLabel(self.tr("Journal: %1").replace("%1", str(path)))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)

        self.demo_bar = MessageBar(self)
        if demo_passphrase:
            self.demo_bar.show_message(
                self.tr(
                    "DEMO JOURNAL with made-up families. The passphrase for every demo user is: %1"
                ).replace("%1", demo_passphrase),
                MessageBar.WARNING,
            )
        layout.addWidget(self.demo_bar)

        form = QFormLayout()
        self.user = _UserList()
        self.user.setAccessibleName(self.tr("User"))
        form.addRow(self.tr("U&ser:"), self.user)
        self.passphrase = PassphraseEdit()
        # A name chosen from the list, the passphrase comes next: typed into the list, it went
        # to the list's search by letter and was lost (team-lead review). The arrow keys on the
        # closed list still go through the names without leaving it.
        self.user.closed.connect(
            lambda: self.passphrase.setFocus() if self.passphrase.isEnabled() else None
        )
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.caps = QLabel(self.tr("\u26a0\ufe0e Caps Lock seems to be on."))
        self.caps.setAccessibleName(self.tr("Caps Lock seems to be on."))
        self.caps.hide()
        layout.addWidget(self.caps)
        self.passphrase.caps_lock.connect(self.caps.setVisible)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.status = QLabel()
        layout.addWidget(self.status)

        # Unlock last, at the right, the way on; Quit at the far left, away from it, with the
        # other ways out between (the same order on every platform: no Quit under the mouse).
        buttons = QHBoxLayout()
        self.quit_button = QPushButton(self.tr("&Quit SamJournal"))
        self.quit_button.clicked.connect(self.reject)
        buttons.addWidget(self.quit_button)
        self.forgot_button: QPushButton | None = None
        self.other_button: QPushButton | None = None
        self.someone_else_button: QPushButton | None = None
        if session is not None:
            self.someone_else_button = QPushButton(self.tr("Sign in as someone &else…"))
            self.someone_else_button.clicked.connect(self.someone_else.emit)
            buttons.addWidget(self.someone_else_button)
        else:
            self.other_button = QPushButton(self.tr("&Other journal…"))
            self.other_button.clicked.connect(self.other_journal.emit)
            self.forgot_button = QPushButton(self.tr("&Forgot passphrase…"))
            self.forgot_button.clicked.connect(lambda: self.forgot.emit(self.username()))
            buttons.addWidget(self.other_button)
            buttons.addWidget(self.forgot_button)
        # Shown only when recent work is missing: a team lead may take the journal as it is
        # (the core refuses anyone else, and records the acceptance in the audit log).
        self.accept_loss_button = QPushButton(self.tr("&Take the journal as it is…"))
        self.accept_loss_button.clicked.connect(self.accept_loss)
        self.accept_loss_button.hide()
        buttons.addWidget(self.accept_loss_button)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        # Enter means Unlock, always: no other button may become the default when it takes
        # focus (a button that had focus while the field was busy used to catch the next Enter).
        for button in self.findChildren(QPushButton):
            if button is not self.unlock_button:
                button.setAutoDefault(False)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._countdown)
        self._fill_users()
        self.user.currentIndexChanged.connect(lambda _i: self._user_changed())
        self.passphrase.setFocus()
        # A comfortable width, not a minimum: a set minimum width stops the layout's own, and at
        # 2x scaling the buttons were squeezed to "emt passordfr…".
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc is never "quit": on the lock screen the windows hidden at the lock (a meeting
        # being written) would go with the program, unasked (review s10), and on the first one a
        # team lead pressing it to start her passphrase over lost the program (review s14).
        # It clears what was typed; quitting is its button, at the far left.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            if self.passphrase.isEnabled():
                self.passphrase.clear()
                self.passphrase.setFocus()
            return
        super().keyPressEvent(event)

    def _fill_users(self) -> None:
        if self._session is not None:
            user = self._session.user
            self.user.addItem(user.display_name, user.username)
            self.user.setEnabled(False)
            return
        try:
            people = Journal.people(self._path)
        except SamJournalError as exc:
            self.message.show_message(describe(exc), MessageBar.ERROR)
            self.unlock_button.setEnabled(False)
            self.passphrase.setEnabled(False)
            return
        for username, name in people:  # people by their names; the username signs in
            self.user.addItem(name, username)
            self.user.setItemData(self.user.count() - 1, username, Qt.ItemDataRole.ToolTipRole)

    def username(self) -> str:
        return str(self.user.currentData() or "")

    def select_user(self, username: str) -> None:
        index = self.user.findData(username)
        if index >= 0:
            self.user.setCurrentIndex(index)

    # -- unlocking --------------------------------------------------------------------------

    def try_unlock(self, *, accept_missing: bool = False) -> None:
        if self._busy or not self.unlock_button.isEnabled():
            return
        self.accept_loss_button.hide()
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.show_message(self.tr("Type your passphrase."), MessageBar.WARNING)
            return
        self._set_busy(True)
        if self._session is not None:
            self._session.unlock(passphrase, self._opened_again, self._failed)
            return
        assert self._worker is not None
        path, username = self._path, self.username()

        def work(task: Task) -> tuple[Journal, JournalSettings]:
            journal = Journal.open(
                path,
                username,
                passphrase,
                on_upgrade=lambda: task.report(0, 0),
                accept_missing=accept_missing,
            )
            return journal, journal.settings()

        task = Task()
        task.progressed.connect(self._upgrading)
        self._worker.call(work, self._opened, self._failed, context=self, task=task)

    def accept_loss(self) -> None:
        """Open the journal as it is, its missing recent work given up, once the user confirms."""
        if go_ahead(
            self,
            self.tr("Take the journal as it is?"),
            self.tr(
                "The work the message names is then given up for good, unless a newer backup holds"
                " it: restore that backup instead if you have one. Only a team lead can do this;"
                " it is recorded in the audit log and told to the evaluator in the next bundle."
            ),
            self.tr("&Take it as it is"),
        ):
            self.try_unlock(accept_missing=True)

    def _upgrading(self) -> None:
        self.status.setText(
            self.tr("Upgrading the journal to this version (only once; it can take a minute)…")
        )

    def _opened(self, result: tuple[Journal, JournalSettings]) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(*result)
        self.accept()

    def _user_changed(self) -> None:
        """Another user starts afresh: the last one's "Wrong passphrase", wait and typed
        passphrase stayed under the new name (outside review s20)."""
        if self._busy:
            return
        self.passphrase.clear()
        self.message.clear()
        self.accept_loss_button.hide()
        self._tick.stop()  # a wait is the user's own: the next try says if this one has one
        self.status.clear()
        self.unlock_button.setEnabled(True)

    def _opened_again(self, journal: Journal) -> None:
        assert self._session is not None
        self._opened((journal, self._session.settings))

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.message.show_message(self.failure_text(error), MessageBar.ERROR)
        self.accept_loss_button.setVisible(
            isinstance(error, RecentWorkMissing) and self._session is None
        )
        if isinstance(error, UnlockThrottled):
            self._remaining = math.ceil(error.seconds)
            self.unlock_button.setEnabled(False)
            self._countdown_text()
            self._tick.start()

    def failure_text(self, error: BaseException) -> str:
        """Why it did not open; the way back names only buttons this window has."""
        if not isinstance(error, WrongPassphrase):
            return describe(error)
        if self.forgot_button is not None:
            return self.tr(
                "Wrong passphrase. Check the user and try again (is Caps Lock on?). A forgotten"
                " passphrase can be replaced with the recovery key (Forgot passphrase…)."
            )
        return self.tr(
            "Wrong passphrase. Try again (is Caps Lock on?). If it is forgotten: choose Quit"
            " SamJournal, start it again and choose Forgot passphrase… there."
        )

    def _countdown(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._tick.stop()
            self.status.clear()
            self.unlock_button.setEnabled(True)
            self.message.clear()
            return
        self._countdown_text()

    def _countdown_text(self) -> None:
        self.status.setText(
            self.tr("You can try again in %1 seconds.").replace("%1", str(self._remaining))
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        # Read-only rather than disabled, so focus stays in the field while the journal opens.
        self.passphrase.setReadOnly(busy)
        self.status.setText(self.tr("Opening the journal…") if busy else "")
        if busy:
            self.message.clear()
