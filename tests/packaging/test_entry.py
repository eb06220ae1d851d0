"""The frozen program's entry point, run from source: the smoke mode, the unlock timing, the CLI.

The same code runs inside the frozen build (`make package`); here it runs on the source tree,
so a change in the core or the client that breaks the smoke test shows up in the fast suite.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path

import app_entry
import pytest
import smoke

import samjournal
from samjournal.journal import Journal
from samjournal.reports import layout_child
from samjournal.reports.summary import gather
from tests.conftest import Template
from tests.packaging.conftest import PACKAGING
from ui import translations

ENTRY = str(PACKAGING / "app_entry.py")


def entry(args: list[str], tmp_path: Path, timeout: float = 120) -> str:
    env = smoke.scratch_env(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, ENTRY, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_smoke_mode_then_time_to_unlock(tmp_path: Path) -> None:
    out = tmp_path / "smoke"
    lines = entry(["--smoke-test", str(out)], tmp_path)
    for step in ("SQLCipher", "FTS5 yes", "refcount workaround", "translation nb", "QtPdf"):
        assert step in lines, step
    assert "smoke: OK" in lines
    assert (out / "case-summary.pdf").read_bytes().startswith(b"%PDF-")

    timed = entry(["--time-to-unlock", str(out / "journal")], tmp_path)
    assert "time-to-unlock-window:" in timed


def test_smoke_mode_wants_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "something").write_text("x")
    done = subprocess.run(
        [sys.executable, ENTRY, "--smoke-test", str(tmp_path / "full")],
        env=smoke.scratch_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "must be empty" in done.stdout
    assert "smoke: FAILED" in done.stdout


def test_cli_dispatch(tmp_path: Path) -> None:
    assert entry(["--cli", "--version"], tmp_path).strip() == f"samjournal {samjournal.__version__}"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows lays out in multiprocessing's pool")
def test_the_layout_child_runs_as_the_program(lead: Journal, template: Template) -> None:
    """ui/render_process.py starts `sys.executable -m samjournal.reports.layout_child FD`: in
    a frozen build that is this entry point, which must hand it to the layout child."""
    ours, theirs = socket.socketpair()
    child = subprocess.Popen(
        [
            sys.executable,
            ENTRY,
            "-m",
            "samjournal.reports.layout_child",
            str(theirs.fileno()),
        ],
        pass_fds=(theirs.fileno(),),
    )
    theirs.close()
    channel = Connection(ours.detach())
    try:
        assert channel.recv_bytes() == layout_child.READY
        channel.send(gather(lead, template.worker_family))
        assert channel.recv_bytes().startswith(layout_child.PDF + b"%PDF-")
    finally:
        channel.close()  # the child reads end-of-file and ends
        assert child.wait(timeout=30) == 0


def test_a_frozen_build_loads_the_bundled_translations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translations, "compile_all", translations.compile_all)  # restored after
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    app_entry.use_bundled_translations()
    assert translations.compile_all() == translations.TS_DIR


def test_launch_time_comes_from_the_launcher_when_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(app_entry.LAUNCH_ENV, "1234.5")
    assert app_entry.launched_at() == 1234.5
    monkeypatch.setenv(app_entry.LAUNCH_ENV, "nonsense")
    assert app_entry.launched_at() == app_entry.STARTED
