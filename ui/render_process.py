"""Report layout in a child process, so a batch print never holds the GUI thread back.

reportlab is pure Python: laid out on the database worker it shares the interpreter lock with the
GUI thread, and the window stalled for 60-170 ms at a time during a batch on a large journal.
The worker still reads the journal and audits each print (`case_summary.gather`); only the
layout (`case_summary.render`, no database, no files) runs in the child.

A job holds a family's data, so it travels where no other process can reach it. Not a pipe:
another process of the same user opens a process's pipes through /proc/<pid>/fd (where Yama
still stops it reading memory), and could read a job or write a pickle of its own ahead of the
answer; multiprocessing's queues and its spawn start are pipes. On POSIX the child is this
program started again (`samjournal.reports.layout_child`), handed one end of a socket pair by
descriptor, which /proc cannot open; its output goes to /dev/null. On Windows, multiprocessing's
pool: its channels are named pipes made for one connection and connected at once.

The child starts on first use and stops when the journal locks or the program quits, so it
holds no family data longer than the work does. If it cannot start, or dies, the layout runs in
this process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Protocol

from samjournal.reports import layout_child
from samjournal.reports.summary import SummaryJob, render


class _Child(Protocol):
    pid: int
    answered: bool  # False: it never answered (one that cannot start is not started again)

    def render(self, job: SummaryJob) -> bytes: ...  # ChildGone: lay it out here instead

    def stop(self) -> None: ...


class ChildGone(Exception):
    """The child died or was stopped before it answered."""


class _SocketChild:
    """POSIX: `layout_child` on one end of a socket pair (descriptor passed, not inherited by
    anything else: sockets are made non-inheritable)."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        # -I: no current folder, PYTHON* variables or user site on the child's path, so nothing
        # beside the program can stand in for the layout child (a frozen build takes no flags).
        isolated = [] if getattr(sys, "frozen", False) else ["-I"]
        try:
            self._process = subprocess.Popen(  # noqa: S603 - our own program
                [sys.executable, *isolated, "-m", layout_child.__name__, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
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

    def render(self, job: SummaryJob) -> bytes:
        with self._busy:
            try:
                self._channel.send(job)
                ok, value = self._channel.recv()
            except (EOFError, OSError) as exc:
                raise ChildGone from exc
        self.answered = True
        if ok:
            return bytes(value)
        raise value

    def stop(self) -> None:
        self._process.kill()  # mid-job or idle: a job in flight is laid out here instead
        self._process.wait()
        with self._busy:
            self._channel.close()


class _PoolChild:
    """Windows: a one-worker spawn pool."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn")
        )
        self.pid = self._pool.submit(os.getpid).result()
        self.answered = True

    def render(self, job: SummaryJob) -> bytes:
        try:
            return self._pool.submit(render, job).result()
        except BrokenProcessPool as exc:  # killed, or out of memory
            raise ChildGone from exc

    def stop(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class RenderProcess:
    def __init__(self, kind: type[_SocketChild] | type[_PoolChild] | None = None) -> None:
        self._lock = threading.Lock()
        self._kind = kind or (_PoolChild if sys.platform == "win32" else _SocketChild)
        self._child: _Child | None = None
        self._unavailable = False

    def render(self, job: SummaryJob) -> bytes:
        """The PDF of `job`, laid out in the child (blocks the calling thread, not the GIL)."""
        child = self._started()
        if child is None:
            return render(job)
        try:
            return child.render(job)
        except ChildGone:  # this one here, a new child next (if this one ever answered)
            self._drop(child, again=child.answered)
            return render(job)

    def stop(self) -> None:
        """End the child (on lock and on quit); the next render starts a new one."""
        with self._lock:
            child, self._child = self._child, None
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
            if self._child is None and not self._unavailable:
                try:
                    self._child = self._kind()
                except (OSError, ValueError, BrokenProcessPool):
                    self._unavailable = True
            return self._child

    def _drop(self, child: _Child, *, again: bool) -> None:
        with self._lock:
            if self._child is child:
                self._child = None
                self._unavailable = not again
        child.stop()


RENDERER = RenderProcess()
