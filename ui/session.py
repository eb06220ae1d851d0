"""One unlocked journal in the window: the Journal, its worker, change notices, lock state."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, Signal, Slot

from samjournal.journal import Journal
from samjournal.model import Changes, Role, User
from samjournal.settings import JournalSettings
from ui.render_process import RENDERER
from ui.worker import DbWorker, Done, Failed


class Session(QObject):
    """The UI's handle on the journal. Everything it reads or writes goes through `worker`."""

    changed = Signal(object)  # Changes, on the GUI thread
    locked_changed = Signal(bool)
    settings_changed = Signal(object)  # JournalSettings
    _raw_change = Signal(object)

    def __init__(
        self,
        journal: Journal,
        worker: DbWorker,
        *,
        settings: JournalSettings | None = None,
        demo_passphrase: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.worker = worker
        self.submit = worker.submit  # fn(journal) on the worker; done/failed on the GUI thread
        worker.journal = journal
        self.user: User = journal.user
        self.settings = settings or JournalSettings()
        self.demo_passphrase = demo_passphrase
        self.locked = False
        self._raw_change.connect(self._on_change, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = journal.subscribe(self._raw_change.emit)  # any thread -> queued

    @property
    def is_teamlead(self) -> bool:
        return self.user.role is Role.TEAMLEAD

    @Slot(object)
    def _on_change(self, changes: Changes) -> None:
        if "settings" in changes.entities:
            self.submit(lambda j: j.settings(), self._set_settings)
        self.changed.emit(changes)

    def _set_settings(self, settings: JournalSettings) -> None:
        self.settings = settings
        self.settings_changed.emit(settings)

    def refresh_settings(self) -> None:
        self.submit(lambda j: j.settings(), self._set_settings)

    # -- locking ----------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database and drop the key (on the worker, after queued work)."""
        if self.locked:
            return
        self.locked = True
        # Now: a layout in flight is cancelled, so a stuck child cannot hold the lock back; and
        # again after the work queued before the lock, which may have started another.
        RENDERER.stop()
        self.submit(lambda j: j.lock())
        self.worker.call(RENDERER.stop)
        self.locked_changed.emit(True)

    def unlock(self, passphrase: str, done: Done, failed: Failed) -> None:
        """Re-open for the same user; `done(journal)` once open, `failed(error)` otherwise."""

        def work(journal: Journal) -> tuple[Journal, JournalSettings]:
            journal.unlock(passphrase)
            return journal, journal.settings()

        def opened(result: tuple[Journal, JournalSettings]) -> None:
            self.locked = False
            self._set_settings(result[1])
            self.locked_changed.emit(False)
            done(result[0])

        self.submit(work, opened, failed)

    def close(self, *, stop_worker: bool = True) -> None:
        """Lock, and stop the worker unless the app goes on with it (a user signs out): the
        window is closing."""
        with contextlib.suppress(ValueError):  # a rekey or unlock moved the listener list
            self._unsubscribe()
        if not self.locked:
            self.locked = True
            self.submit(lambda j: j.lock())
        if stop_worker:
            self.worker.stop()
