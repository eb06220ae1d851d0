"""Entry point of the frozen `samjournal-cli` (console) program: the `samjournal` command.

It is a second, console executable beside the windowed `SamJournal` because a windowed Windows
program has no console to print to. It is not called `samjournal`: Windows and macOS file names
ignore case, and it would collide with `SamJournal`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(argv: list[str]) -> int:
    if argv[:2] == ["-m", "ui"]:
        # `samjournal gui` starts `sys.executable -m ui`; frozen, that is this program, so hand
        # over to the desktop client beside it.
        suffix = ".exe" if sys.platform == "win32" else ""
        client = Path(sys.executable).with_name("SamJournal" + suffix)
        return subprocess.call([str(client), *argv[2:]])  # noqa: S603 - our own program

    from samjournal.cli import main

    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
