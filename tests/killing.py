"""Start a child that writes and acknowledges on stdout, SIGKILL it at a random moment, and
return what it acknowledged before it died (shared by the kill tests)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kill_seed() -> random.Random:
    return random.Random(os.environ.get("SAMJOURNAL_KILL_SEED", "2026"))


def run_and_kill(module: str, args: list[str], rng: random.Random, window: float) -> list[str]:
    """`python -m module *args` prints READY, then `ACK <what>` per durable step; it is killed
    between 0 and `window` seconds after READY. Returns the acknowledged steps."""
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
    try:
        child.wait(timeout=rng.uniform(0.0, window))  # it should never finish on its own
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"{module} ended by itself:\n{err}"
    return [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("ACK ")]
