"""The one database worker: a QThread that runs callables off the GUI thread, in order.

`submit(fn)` runs `fn(journal)` on the worker thread and calls `done(result)` or
`failed(error)` back on the GUI thread; an error of a job submitted without `failed` goes to the
`unhandled` signal, which the main window shows in its banner. Long work takes a `Task` as well
(`submit_task`) so it can report progress and notice a cancel. Workers get the `Journal`, never a
widget; callbacks tied to a widget (`context=`) are dropped if that widget is gone by the time
the result arrives.

The core opens one SQLCipher connection per thread, so every read and write the window makes
through here shares the worker's connection.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from samjournal.journal import Journal

log = logging.getLogger(__name__)

Done = Callable[[Any], object]
Failed = Callable[[BaseException], None]


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it; delivered as `failed(Cancelled())`."""


class Task(QObject):
    """A handle on one submitted job: progress out, cancel in."""

    progressed = Signal(int, int)  # done, total (GUI thread)
    finished = Signal()  # after done/failed ran (GUI thread)
    _raw_progress = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.running = True
        self._raw_progress.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)

    def report(self, done: int, total: int) -> None:
        """Call from the work function (any thread): `progressed` fires on the GUI thread."""
        self._raw_progress.emit(done, total)

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Call from the work function between steps: stops it if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()


@dataclass
class _Job:
    fn: Callable[..., Any]
    done: Done | None
    failed: Failed | None
    context: QObject | None
    task: Task
    wants_task: bool
    needs_journal: bool = True
    result: Any = None
    error: BaseException | None = None


class _Thread(QThread):
    """Pulls jobs from a queue until it receives None."""

    def __init__(self, owner: DbWorker) -> None:
        super().__init__()
        self._owner = owner
        self.jobs: queue.Queue[_Job | None] = queue.Queue()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            try:
                args: list[Any] = []
                if job.needs_journal:
                    args.append(self._owner.journal)
                if job.wants_task:
                    args.append(job.task)
                job.result = job.fn(*args)
            except BaseException as exc:  # delivered to the GUI thread, never swallowed
                job.error = exc
            self._owner._relay.emit(job)
            # The queued signal now holds the job. Drop ours at once, so the last reference to
            # the widgets its callbacks capture goes on the GUI thread: a wrapper released here
            # makes PySide delete the C++ widget later from the GUI thread, even when Qt has
            # already deleted it (a dialog closed with WA_DeleteOnClose) — a double delete.
            job = None
            args = []


class DbWorker(QObject):
    """Owns the database thread. Create one per window session; `stop()` when done."""

    _relay = Signal(object)
    busy_changed = Signal(bool)
    unhandled = Signal(object)  # the error of a job without a `failed` (not a cancel)

    def __init__(self, journal: Journal | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._pending = 0
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = _Thread(self)
        self._thread.start()

    # -- submitting -------------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[[Journal], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        context: QObject | None = None,
    ) -> Task:
        """Run `fn(journal)` on the worker; `done`/`failed` run on the GUI thread."""
        return self._put(_Job(fn, done, failed, context, Task(), wants_task=False))

    def submit_task(
        self,
        fn: Callable[[Journal, Task], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        context: QObject | None = None,
    ) -> Task:
        """Like `submit`, for long work: `fn(journal, task)` reports progress and checks cancel."""
        return self._put(_Job(fn, done, failed, context, Task(), wants_task=True))

    def call(
        self,
        fn: Callable[[], Any] | Callable[[Task], Any],
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        context: QObject | None = None,
        task: Task | None = None,
    ) -> Task:
        """Run `fn()` (or `fn(task)` when `task` is given) where no journal is open yet."""
        job = _Job(fn, done, failed, context, task or Task(), task is not None, needs_journal=False)
        return self._put(job)

    def _put(self, job: _Job) -> Task:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._thread.jobs.put(job)
        return job.task

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # -- delivering -------------------------------------------------------------------------

    @Slot(object)
    def _deliver(self, job: _Job) -> None:
        self._pending -= 1
        job.task.running = False
        try:
            if job.context is not None and not shiboken6.isValid(job.context):
                return
            if job.error is None:
                if job.done is not None:
                    job.done(job.result)
            elif job.failed is not None:
                job.failed(job.error)
            elif not isinstance(job.error, Cancelled):
                log.error("unhandled error in database worker: %s", type(job.error).__name__)
                self.unhandled.emit(job.error)
        finally:
            if shiboken6.isValid(job.task):
                job.task.finished.emit()
            if self._pending == 0:
                self.busy_changed.emit(False)

    # -- stopping ---------------------------------------------------------------------------

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Finish what is queued, then end the thread."""
        if self._thread.isRunning():
            self._thread.jobs.put(None)
            self._thread.wait(timeout_ms)
