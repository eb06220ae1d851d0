"""The database worker: results and errors come back on the GUI thread, in order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from samjournal.errors import NotFound
from samjournal.messages import keyed
from samjournal.model import FamilyId
from tests.conftest import LEAD, LEAD_PASS
from tests.ui.conftest import TIMEOUT, open_as
from ui.errors import describe
from ui.worker import Cancelled, DbWorker, Task


@pytest.fixture
def worker(qtbot: QtBot):
    w = DbWorker()
    yield w
    w.stop()


def test_results_arrive_on_the_gui_thread_in_order(qtbot: QtBot, worker: DbWorker) -> None:
    gui = threading.get_ident()
    seen: list[tuple[int, int, int]] = []
    for i in range(50):
        worker.call(
            lambda i=i: (i, threading.get_ident()),
            lambda r: seen.append((*r, threading.get_ident())),
        )
    qtbot.waitUntil(lambda: len(seen) == 50)
    assert [s[0] for s in seen] == list(range(50))
    assert all(s[1] != gui for s in seen)  # ran on the worker
    assert all(s[2] == gui for s in seen)  # delivered on the GUI thread
    assert not worker.busy


def test_errors_are_delivered_not_raised(qtbot: QtBot, worker: DbWorker) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    worker.call(boom, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_the_journal_is_handed_to_the_function(qtbot: QtBot, worker: DbWorker) -> None:
    marker = object()
    worker.journal = marker  # type: ignore[assignment]
    got: list[object] = []
    worker.submit(lambda j: j, got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert got[0] is marker


def test_progress_and_cancel(qtbot: QtBot, worker: DbWorker) -> None:
    started = threading.Event()
    go_on = threading.Event()
    progress: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def long(task: Task) -> None:
        task.report(1, 3)
        started.set()
        go_on.wait(5)
        task.check()
        task.report(3, 3)

    task = Task()
    task.progressed.connect(lambda d, t: progress.append((d, t)))
    worker.call(long, failed=errors.append, task=task)
    assert started.wait(5)
    task.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert progress == [(1, 3)]


def test_callbacks_of_a_deleted_widget_are_dropped(qtbot: QtBot, worker: DbWorker) -> None:
    owner = QObject()
    called: list[object] = []
    gate = threading.Event()
    worker.call(lambda: gate.wait(5), called.append, context=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner))
    gate.set()
    done: list[object] = []
    worker.call(lambda: 1, done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert called == []


def _valid(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_an_error_without_a_handler_goes_to_unhandled(qtbot: QtBot, worker: DbWorker) -> None:
    unhandled: list[BaseException] = []
    worker.unhandled.connect(unhandled.append)

    def boom() -> None:
        raise ValueError("nope")

    def cancelled() -> None:
        raise Cancelled()

    handled: list[BaseException] = []
    worker.call(boom, failed=handled.append)  # its own handler: not unhandled
    worker.call(cancelled)  # the user's cancel is no error
    worker.call(boom)
    qtbot.waitUntil(lambda: not worker.busy)
    assert len(handled) == 1
    assert len(unhandled) == 1
    assert isinstance(unhandled[0], ValueError)


def test_the_window_shows_an_error_no_one_handled(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    w.session.submit(lambda j: j.families.open(FamilyId(999_999)))  # no failure handler
    qtbot.waitUntil(lambda: bool(w.banner.text()), timeout=TIMEOUT)
    assert w.banner.text() == describe(keyed(NotFound, "family_not_found"))
    assert "The family was not found." in w.banner.text()
