"""Start a child that writes and acknowledges on stdout, SIGKILL it at a random moment, and
return what it acknowledged before it died (shared by the kill tests)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kill_seed() -> random.Random:
    return random.Random(os.environ.get("SAMJOURNAL_KILL_SEED", "2026"))


def run_and_kill(module: str, args: list[str], rng: random.Random, window: float) -> list[str]:
    """`python -m module *args` prints READY, then `ACK <what>` per durable step; it is killed
    between 0 and `window` seconds after READY. Returns the acknowledged steps."""
    child = _start(module, args)
    try:
        child.wait(timeout=rng.uniform(0.0, window))  # it should never finish on its own
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    return _acks(module, child)


def run_and_kill_after_first_ack(
    module: str, args: list[str], rng: random.Random, steps: float = 1.0, until: str = ""
) -> tuple[list[str], float]:
    """Like `run_and_kill`, timed by the work instead of the clock: waits for the first `ACK`
    (the first whose step starts with `until`), then kills between 0 and `steps` times as long
    as it took to come. Returns the acknowledged steps and those seconds, so that later runs can
    size their window to this machine's speed now (a loaded machine stretches the steps, and the
    window with them)."""
    child = _start(module, args)
    assert child.stdout is not None
    started = time.monotonic()
    watchdog = threading.Timer(STEP_TIMEOUT, child.kill)
    watchdog.start()
    acks: list[str] = []
    try:
        while not (acks and acks[-1].startswith(until)):
            line = child.stdout.readline()
            if not line.startswith("ACK "):
                child.kill()
                _, err = child.communicate(timeout=30)
                raise AssertionError(
                    f"{module}: no ACK {until} in {STEP_TIMEOUT} s: {line!r}\n{err}"
                )
            acks.append(line.split(" ", 1)[1].rstrip("\n"))
    finally:
        watchdog.cancel()
    step = time.monotonic() - started
    try:
        child.wait(timeout=rng.uniform(0.0, steps * step))
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    return [*acks, *_acks(module, child)], step


STEP_TIMEOUT = 120.0  # seconds one step may take on a loaded machine before the run is a failure


def _start(module: str, args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    if ready.strip() != "READY":
        child.kill()
        _, err = child.communicate(timeout=30)
        raise AssertionError(f"{module} did not start: {ready!r}\n{err}")
    return child


def _acks(module: str, child: subprocess.Popen[str]) -> list[str]:
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"{module} ended by itself:\n{err}"
    return [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("ACK ")]
