"""Fixtures for the real-window tests: one X server per session, a fresh home per test, the
programs a test started killed at its end, and a screenshot of the screen when a test fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.desktop.desk import ARTIFACTS, Display, Program, missing_tools


@pytest.fixture(scope="session")
def display() -> Iterator[Display]:
    missing = missing_tools()
    if missing:  # make test-desktop asked for these tests: say what to install, never skip
        pytest.fail(f"the real-window tests need {', '.join(missing)} (see .ci/run)")
    with Display.start() as started:
        yield started


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def start(
    display: Display, home: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Program]]:
    started: list[Program] = []

    def run(*args: str, env: dict[str, str] | None = None) -> Program:
        program = Program(display, home, args, env)
        started.append(program)
        return program

    yield run
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        shot = display.screenshot(ARTIFACTS / f"{request.node.name}.png")
        for index, program in enumerate(started):
            (ARTIFACTS / f"{request.node.name}-{index}.log").write_text(program.output)
        print(f"screenshot: {shot}")
    for program in started:
        program.kill()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
