"""The batch print's layout process: the same PDF as in-process layout, started on demand,
stopped when the journal locks, a dead child never loses a summary, and the jobs (a family's
data) travel where no other process can open them."""

from __future__ import annotations

import io
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.reports import layout_child
from samjournal.reports.summary import gather, render
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as
from ui import render_process
from ui.render_process import RENDERER, RenderProcess, _PoolChild, _SocketChild
from ui.worker import Cancelled


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# The socket pair is POSIX's child, the pool Windows' (it runs here too).
@pytest.fixture(params=[_SocketChild, _PoolChild], ids=["socket", "pool"])
def renderer(request: pytest.FixtureRequest) -> Iterator[RenderProcess]:
    process = RenderProcess(request.param)
    yield process
    process.stop()


def test_the_child_lays_out_what_this_process_would(
    renderer: RenderProcess, lead: Journal, template: Template
) -> None:
    job = gather(lead, template.worker_family)
    assert not renderer.running
    pdf = renderer.render(job)
    assert renderer.running
    assert pdf.startswith(b"%PDF")
    assert _text(pdf) == _text(render(job))
    assert "Familien Ødegård" in _text(pdf)
    child = renderer.child_pid
    assert child is not None
    assert child != os.getpid()
    renderer.stop()
    assert not renderer.running
    renderer.render(job)  # a new child on demand
    assert renderer.child_pid not in (None, child)


def test_a_killed_child_costs_no_summary(
    renderer: RenderProcess, lead: Journal, template: Template
) -> None:
    job = gather(lead, template.worker_family)
    renderer.render(job)
    child = renderer.child_pid
    assert child is not None
    os.kill(child, signal.SIGKILL)
    assert "Familien Ødegård" in _text(renderer.render(job))  # laid out here instead
    assert "Familien Ødegård" in _text(renderer.render(job))  # and by a fresh child again
    assert renderer.running


def test_locking_stops_the_child(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    done: list[bytes] = []
    window.session.submit(lambda j: RENDERER.render(gather(j, template.worker_family)), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    assert RENDERER.running
    window.lock()
    qtbot.waitUntil(lambda: not RENDERER.running, timeout=TIMEOUT)


def test_a_layout_error_is_raised_as_here(renderer: RenderProcess) -> None:
    with pytest.raises(AttributeError):
        render(None)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        renderer.render(None)  # type: ignore[arg-type]
    assert renderer.running  # the child lives on for the next job
    child = renderer.child_pid
    with pytest.raises(AttributeError):
        renderer.render(None)  # type: ignore[arg-type]
    assert renderer.child_pid == child


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc: not Linux")
def test_the_jobs_go_where_another_process_cannot_open_them(
    lead: Journal, template: Template
) -> None:
    """Another process of the user opens a process's pipes by /proc/<pid>/fd/<n>: the child
    has none, its channel is a socket (which /proc will not open), its output goes nowhere (a
    traceback would quote a family's data), and it dumps no core."""
    renderer = RenderProcess(_SocketChild)
    try:
        renderer.render(gather(lead, template.worker_family))
        proc = Path(f"/proc/{renderer.child_pid}")
        limits = (proc / "limits").read_text()
        assert re.search(r"Max core file size\s+0\s+0\s", limits), limits
        if os.geteuid() != 0:  # not dumpable: its /proc/<pid>/fd is root's
            with pytest.raises(PermissionError):
                list((proc / "fd").iterdir())
            return
        links = {int(fd.name): os.readlink(fd) for fd in (proc / "fd").iterdir()}
        assert not [link for link in links.values() if link.startswith("pipe:")], links
        assert {links[n] for n in (0, 1, 2)} == {os.devnull}
        [channel] = [n for n, link in links.items() if link.startswith("socket:")]
        with pytest.raises(OSError, match="No such device or address"):  # ENXIO
            (proc / "fd" / str(channel)).open("rb")
    finally:
        renderer.stop()


ROGUE = """
import pickle, sys
from multiprocessing.connection import Connection

class Payload:
    def __reduce__(self):
        return (open, ({marker!r}, "w"))

channel = Connection(int(sys.argv[1]))
channel.send_bytes(b"R")
channel.recv()
channel.send_bytes({answer})
channel.recv()
"""


@pytest.mark.parametrize(
    "answer",
    ["pickle.dumps(Payload())", "b'P' + pickle.dumps(Payload())", "b'P%PDF-' + b'x' * 10**6"],
    ids=["pickle", "prefixed-pickle", "not-quite-a-pdf"],
)
def test_nothing_the_child_says_is_unpickled(
    lead: Journal, template: Template, tmp_path: Path, answer: str
) -> None:
    """Whatever runs as the child (a replaced interpreter, a .pth file) must not run code in
    the client: its answer is bytes, taken only as a PDF; anything else is laid out here."""
    marker = tmp_path / "ran-in-the-client"
    rogue = tmp_path / "rogue.py"
    rogue.write_text(ROGUE.format(marker=str(marker), answer=answer))
    renderer = RenderProcess(lambda: _SocketChild([sys.executable, str(rogue)]))
    try:
        pdf = renderer.render(gather(lead, template.worker_family))
        if answer.startswith("b'P%PDF-'"):
            assert pdf.startswith(b"%PDF-x")  # a PDF's bytes are all the client takes
        else:
            assert "Familien Ødegård" in _text(pdf)  # laid out here
        assert not marker.exists()
    finally:
        renderer.stop()


def test_a_stuck_child_holds_neither_the_lock_nor_the_batch(
    lead: Journal, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped (SIGSTOP by another process, or a layout that never ends): a stop from another
    thread (the lock) cancels the job at once; without one, the job is laid out here after
    TIMEOUT_S."""
    job = gather(lead, template.worker_family)
    renderer = RenderProcess(_SocketChild)
    renderer.render(job)
    child = renderer.child_pid
    assert child is not None
    os.kill(child, signal.SIGSTOP)
    outcome: list[object] = []

    def print_one() -> None:
        try:
            outcome.append(renderer.render(job))
        except Cancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=print_one)
    worker.start()
    worker.join(0.5)
    assert worker.is_alive()  # waiting on the stuck child
    renderer.stop()  # as Session.lock does, from the GUI thread
    worker.join(10)
    assert not worker.is_alive()
    assert [type(x) for x in outcome] == [Cancelled]

    renderer.render(job)  # a new child, started and answering
    child = renderer.child_pid
    assert child is not None
    monkeypatch.setattr(render_process, "TIMEOUT_S", 0.5)
    os.kill(child, signal.SIGSTOP)
    assert "Familien Ødegård" in _text(renderer.render(job))  # the watchdog ended the child
    assert not renderer.running
    renderer.stop()


def test_a_slow_start_is_not_taken_for_a_stuck_layout(
    lead: Journal, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start has its own limit (READY_S); a start slower than a layout's TIMEOUT_S (a busy
    laptop importing reportlab) keeps its child."""
    start = (
        "import runpy, time; time.sleep(3.5); "
        f"runpy.run_module({layout_child.__name__!r}, run_name='__main__')"
    )
    slow = [sys.executable, "-c", start]  # the socket's descriptor follows, as for the child
    monkeypatch.setattr(render_process, "TIMEOUT_S", 3.0)
    renderer = RenderProcess(lambda: _SocketChild(slow))
    try:
        assert "Familien Ødegård" in _text(renderer.render(gather(lead, template.worker_family)))
        assert renderer.running  # the child that started slowly laid it out
    finally:
        renderer.stop()


def test_nothing_in_the_current_folder_stands_in_for_the_child(
    lead: Journal, template: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m` would look in the current folder first: a `samjournal` package there (a
    download folder, a USB stick) must not be what gets the jobs."""
    fake = tmp_path / "samjournal" / "reports"
    fake.mkdir(parents=True)
    marker = tmp_path / "ran"
    for folder in (fake.parent, fake):
        (folder / "__init__.py").write_text("")
    (fake / "layout_child.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    monkeypatch.chdir(tmp_path)
    renderer = RenderProcess(_SocketChild)
    try:
        pdf = renderer.render(gather(lead, template.worker_family))
        assert "Familien Ødegård" in _text(pdf)
        assert renderer.running
        assert not marker.exists()
    finally:
        renderer.stop()


def test_a_child_that_cannot_start_is_not_tried_for_every_summary(
    lead: Journal, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[int] = []

    class Counted(_SocketChild):
        def __init__(self) -> None:
            super().__init__()
            started.append(self.pid)

    monkeypatch.setattr(sys, "executable", "/bin/false")  # exits at once
    renderer = RenderProcess(Counted)
    job = gather(lead, template.worker_family)
    try:
        for _ in range(render_process.GIVE_UP_AFTER + 2):
            assert "Familien Ødegård" in _text(renderer.render(job))  # laid out here
        assert len(started) == render_process.GIVE_UP_AFTER
        assert not renderer.running
        renderer.stop()  # a lock: the next session tries again
        renderer.render(job)
        assert len(started) == render_process.GIVE_UP_AFTER + 1
    finally:
        renderer.stop()
