"""Before Qt starts on a Linux desktop: are the X libraries its `xcb` plugin needs there?

Without them Qt aborts with "could not load the Qt platform plugin xcb" and a core dump, which
tells a user nothing. A plain Debian or Ubuntu desktop lacks some of them (libxcb-icccm4 and
libxcb-keysyms1 among them), so the client names the packages to install instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The libraries PySide6's xcb plugin loads beyond what every X desktop has, by Debian package.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(soname: str) -> bool:
    # A frozen build may carry the library in its own folder, where the loader does not look.
    bundled = getattr(sys, "_MEIPASS", None)
    for name in ([os.path.join(bundled, soname)] if bundled else []) + [soname]:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


def missing_xcb_packages(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> list[str]:
    """The Debian packages still needed for Qt's xcb platform here ([] when it is not used)."""
    uses_xcb = environ.get("QT_QPA_PLATFORM", "xcb") == "xcb" and not environ.get("WAYLAND_DISPLAY")
    if not platform.startswith("linux") or not uses_xcb or not environ.get("DISPLAY"):
        return []
    return [package for soname, package in XCB_LIBRARIES.items() if not loads(soname)]


def explain(packages: list[str]) -> str:
    """What to tell the user on the terminal (Qt's translations are not loaded yet)."""
    return (
        "SamJournal cannot open its window: the X libraries Qt needs are missing.\n"
        "SamJournal kan ikke åpne vinduet: X-bibliotekene Qt trenger, mangler.\n"
        f"Debian/Ubuntu: sudo apt install {' '.join(packages)}"
    )
