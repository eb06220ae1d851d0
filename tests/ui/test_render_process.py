"""The batch print's layout process: the same PDF as in-process layout, started on demand,
stopped when the journal locks, and a dead child never loses a summary."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.reports.summary import gather, render
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as
from ui.render_process import RENDERER, RenderProcess


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def renderer() -> Iterator[RenderProcess]:
    process = RenderProcess()
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
    child = _child_pid(renderer)
    assert child != os.getpid()
    renderer.stop()
    assert not renderer.running
    renderer.render(job)  # a new child on demand
    assert _child_pid(renderer) != child


def test_a_killed_child_costs_no_summary(
    renderer: RenderProcess, lead: Journal, template: Template
) -> None:
    job = gather(lead, template.worker_family)
    renderer.render(job)
    os.kill(_child_pid(renderer), signal.SIGKILL)
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


def _child_pid(renderer: RenderProcess) -> int:
    pool = renderer._pool
    assert pool is not None
    [pid] = list(pool._processes)  # type: ignore[attr-defined]
    return int(pid)
