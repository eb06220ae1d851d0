"""The batch print's layout process: the same PDF as in-process layout, started on demand,
stopped when the journal locks, a dead child never loses a summary, and the jobs (a family's
data) travel where no other process can open them."""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.reports.summary import gather, render
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as
from ui.render_process import RENDERER, RenderProcess, _PoolChild, _SocketChild


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


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc: not Linux")
def test_the_jobs_go_where_another_process_cannot_open_them(
    lead: Journal, template: Template
) -> None:
    """Another process of the user opens a process's pipes by /proc/<pid>/fd/<n>: the child
    has none, its channel is a socket (which /proc will not open) and its output goes nowhere
    (a traceback would quote a family's data)."""
    renderer = RenderProcess(_SocketChild)
    try:
        renderer.render(gather(lead, template.worker_family))
        fds = Path(f"/proc/{renderer.child_pid}/fd")
        links = {int(fd.name): os.readlink(fd) for fd in fds.iterdir()}
        assert not [link for link in links.values() if link.startswith("pipe:")], links
        assert {links[n] for n in (0, 1, 2)} == {os.devnull}
        [channel] = [n for n, link in links.items() if link.startswith("socket:")]
        with pytest.raises(OSError, match="No such device or address"):  # ENXIO
            (fds / str(channel)).open("rb")
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
        for _ in range(3):
            assert "Familien Ødegård" in _text(renderer.render(job))  # laid out here
        assert len(started) == 1
        assert not renderer.running
    finally:
        renderer.stop()
