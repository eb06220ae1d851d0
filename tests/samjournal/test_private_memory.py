"""A process that holds the key or a family's data dumps no core and, on Linux, is not
dumpable (so another process of the same user cannot ptrace it or force a dump)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import resource
from samjournal.private_memory import dumpable, keep_private
print(dumpable(), resource.getrlimit(resource.RLIMIT_CORE))
keep_private()
print(dumpable(), resource.getrlimit(resource.RLIMIT_CORE))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_keep_private_ends_core_dumps_and_dumpability() -> None:
    before, after = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert before.startswith("True")
    assert after == "False (0, 0)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_command_line_keeps_its_memory_private() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import contextlib, io\n"
            "from samjournal.cli import main\n"
            "from samjournal.private_memory import dumpable\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help'])\n"
            "print(dumpable())\n",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"
