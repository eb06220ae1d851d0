"""Report layout in a child process, so a batch print never holds the GUI thread back.

reportlab is pure Python: laid out on the database worker it shares the interpreter lock with the
GUI thread, and the window stalled for 60-170 ms at a time during a batch on a large journal.
The worker still reads the journal and audits each print (`case_summary.gather`); only the
layout (`case_summary.render`, no database, no files) runs here.

The child is spawned, never forked (a fork would copy Qt's threads and the open database), on
first use, and stopped when the journal locks or the program quits, so it holds no family data
longer than the work does. If it cannot start, or dies, the layout runs in this process instead.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from samjournal.reports.summary import SummaryJob, render


class RenderProcess:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._unavailable = False

    def render(self, job: SummaryJob) -> bytes:
        """The PDF of `job`, laid out in the child (blocks the calling thread, not the GIL)."""
        pool = self._started()
        if pool is None:
            return render(job)
        try:
            return pool.submit(render, job).result()
        except BrokenProcessPool:  # killed, or out of memory: this one here, a new child next
            self._drop(pool)
            return render(job)

    def stop(self) -> None:
        """End the child (on lock and on quit); the next render starts a new one."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    @property
    def running(self) -> bool:
        return self._pool is not None

    def _started(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._pool is None and not self._unavailable:
                try:
                    context = multiprocessing.get_context("spawn")
                    self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
                except (OSError, ValueError):
                    self._unavailable = True
            return self._pool

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)


RENDERER = RenderProcess()
