"""Report layout in a child process, so a batch print never holds the GUI thread back.

reportlab is pure Python: laid out on the database worker it shares the interpreter lock with the
GUI thread, and the window stalled for 60-170 ms at a time during a batch on a large journal.
The worker still reads the journal and audits each print (`case_summary.gather`); only the
layout (`case_summary.render`, no database, no files) runs in the child.

A job holds a family's data, so it travels where no other process can reach it, and nothing the
child says is trusted beyond a PDF's bytes. On POSIX the child is this program started again,
isolated (`samjournal.reports.layout_child`: read its rules there), handed one end of a socket
pair by descriptor. Not a pipe: another process of the same user opens a process's pipes
through /proc/<pid>/fd (where Yama still stops it reading memory), and could read a job or
write an answer of its own; multiprocessing's queues and its spawn start are pipes. On Windows,
multiprocessing's pool: its channels are named pipes made for one connection and connected at
once.

The child starts on first use and stops when the journal locks or the program quits, so it
holds no family data longer than the session does. A job that takes longer than TIMEOUT_S ends
the child (a stuck child would hold the worker, and with it the lock). If the child cannot
start, or dies, the layout runs in this process instead; a job in flight when the child is
stopped on purpose is cancelled.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Protocol

from samjournal.reports import layout_child
from samjournal.reports.summary import SummaryJob, render
from ui.worker import Cancelled

TIMEOUT_S = 120.0  # a summary of the largest family lays out in seconds
READY_S = 30.0  # the child's start, imports included, on a slow laptop
MAX_PDF = 256 * 1024 * 1024
GIVE_UP_AFTER = 3  # children in a row that never answered: lay out here until the next lock


class ChildGone(Exception):
    """The child died, stuck or answered nonsense: lay the job out here."""


class LayoutFailed(Exception):
    """The child's layout raised: lay it out here, to meet the error (the child lives on)."""


class _Child(Protocol):
    pid: int
    answered: bool

    def render(self, job: SummaryJob) -> bytes: ...

    def stop(self) -> None: ...


class _SocketChild:
    """POSIX: `layout_child` on one end of a socket pair (sockets are made non-inheritable, so
    no other child of ours holds either end)."""

    def __init__(self, command: list[str] | None = None) -> None:
        """`command`: the child's, less its argument (tests give another child)."""
        ours, theirs = socket.socketpair()
        # -I: no current folder, PYTHON* variables or user site on the child's path, so nothing
        # beside the program can stand in for the layout child (a frozen build takes no flags).
        isolated = [] if getattr(sys, "frozen", False) else ["-I"]
        command = command or [sys.executable, *isolated, "-m", layout_child.__name__]
        try:
            self._process = subprocess.Popen(  # noqa: S603 - our own program
                [*command, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # no terminal's signals
            )
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.pid = self._process.pid
        self.answered = False
        self._channel = Connection(ours.detach())
        self._busy = threading.Lock()  # one job at a time on the channel
        self._ready = False
        self._stopped = False

    def render(self, job: SummaryJob) -> bytes:
        with self._busy:
            if self._stopped:
                raise Cancelled()
            # The start has its own limit (READY_S): TIMEOUT_S is the layout's alone, so a slow
            # start on a busy laptop does not end a child that would have answered.
            watchdog = threading.Timer(TIMEOUT_S, self._process.kill)
            try:
                if not self._ready:
                    ready = self._channel.poll(READY_S) and self._channel.recv_bytes(1)
                    if ready != layout_child.READY:
                        raise ChildGone()
                    self._ready = True
                watchdog.start()
                self._channel.send(job)
                answer = self._channel.recv_bytes(MAX_PDF)
            except (EOFError, OSError, ChildGone) as exc:
                self._process.kill()
                self._channel.close()
                if self._stopped:
                    raise Cancelled() from exc
                raise ChildGone() from exc
            finally:
                watchdog.cancel()
        self.answered = True
        if answer == layout_child.FAILED:
            raise LayoutFailed()
        if not answer.startswith(layout_child.PDF + b"%PDF-"):
            raise ChildGone()
        return answer[1:]

    def stop(self) -> None:
        self._stopped = True
        self._process.kill()  # mid-job or idle (the job in flight is cancelled)
        self._process.wait()
        if self._busy.acquire(blocking=False):  # else the job in flight closes the channel
            self._channel.close()
            self._busy.release()


class _PoolChild:
    """Windows: a one-worker spawn pool."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn")
        )
        self._stopped = False
        try:
            self.pid = self._pool.submit(os.getpid).result(READY_S)
        except concurrent.futures.TimeoutError as exc:
            self.stop()
            raise ChildGone() from exc
        self.answered = True

    def render(self, job: SummaryJob) -> bytes:
        try:
            return self._pool.submit(render, job).result(TIMEOUT_S)
        except (BrokenProcessPool, concurrent.futures.TimeoutError) as exc:  # killed, stuck
            if self._stopped:
                raise Cancelled() from exc
            self._kill()
            raise ChildGone() from exc
        except Exception as exc:  # the layout raised: it is raised again here
            raise LayoutFailed() from exc

    def stop(self) -> None:
        self._stopped = True
        self._kill()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _kill(self) -> None:
        # shutdown() alone leaves a stuck worker running, and the program waits for it at exit.
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.kill()


class RenderProcess:
    def __init__(self, kind: Callable[[], _Child] | None = None) -> None:
        self._lock = threading.Lock()
        self._kind = kind or (_PoolChild if sys.platform == "win32" else _SocketChild)
        self._child: _Child | None = None
        self._silent = 0  # children in a row that never answered

    def render(self, job: SummaryJob) -> bytes:
        """The PDF of `job`, laid out in the child (blocks the calling thread, not the GIL)."""
        child = self._started()
        if child is None:
            return render(job)
        try:
            return child.render(job)
        except LayoutFailed:
            return render(job)
        except ChildGone:  # this one here, a new child next
            self._drop(child)
            return render(job)

    def stop(self) -> None:
        """End the child (on lock and on quit; from any thread, a job in flight is cancelled);
        the next render starts a new one."""
        with self._lock:
            child, self._child = self._child, None
            self._silent = 0
        if child is not None:
            child.stop()

    @property
    def running(self) -> bool:
        return self._child is not None

    @property
    def child_pid(self) -> int | None:
        child = self._child
        return None if child is None else child.pid

    def _started(self) -> _Child | None:
        with self._lock:
            if self._child is None and self._silent < GIVE_UP_AFTER:
                try:
                    self._child = self._kind()
                except (OSError, ValueError, BrokenProcessPool, ChildGone):
                    self._silent = GIVE_UP_AFTER
            return self._child

    def _drop(self, child: _Child) -> None:
        with self._lock:
            if self._child is child:
                self._child = None
                self._silent = 0 if child.answered else self._silent + 1
        child.stop()


RENDERER = RenderProcess()
