"""Name and version of the program for the spec, the installers and the build script.

The version has one home, `samjournal.__version__`; everything here is derived from it.
"""

from __future__ import annotations

import re

from samjournal import __version__

VERSION = __version__
APP_NAME = "SamJournal"  # the windowed program, the folder, the installer
CLI_NAME = "samjournal-cli"  # the console program beside it
PUBLISHER = "SamJournal"


def numeric_version(version: str = VERSION) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0): Windows version resources and Inno Setup want four numbers.

    A pre-release or local tag ('0.2.0rc1', '0.2.0+dev') keeps only its leading numbers.
    """
    match = re.match(r"\d+(?:\.\d+){0,3}", version)
    if match is None:
        raise ValueError(f"no version number in {version!r}")
    numbers = [int(n) for n in match.group().split(".")] + [0, 0, 0]
    return numbers[0], numbers[1], numbers[2], numbers[3]


def inno_defines(version: str = VERSION) -> str:
    """The `version.iss` that packaging/windows/samjournal.iss includes."""
    numeric = ".".join(map(str, numeric_version(version)))
    return (
        "; Written by packaging/build_app.py from samjournal.__version__; do not edit.\n"
        f'#define MyAppVersion "{version}"\n'
        f'#define MyAppNumericVersion "{numeric}"\n'
    )
