"""Keeping a process's memory (the journal key, a family's data) from the rest of the machine.

A core dump writes memory to disk, and another process of the same user can force one: raising
a process's core limit with prlimit needs no ptrace right, so Yama does not stop it (review,
2026-12-06: a dump of the client held the passphrase). `keep_private` sets the core limit to 0
and, on Linux, marks the process not dumpable: no core then, and /proc/<pid>/ becomes root's, so
a process of the same user can neither ptrace it, read /proc/<pid>/mem, take its descriptors
with pidfd_getfd nor raise its limits, wherever Yama is off.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

_PR_GET_DUMPABLE, _PR_SET_DUMPABLE = 3, 4


def _prctl(option: int, value: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no libc found: nothing to set
            ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def keep_private() -> None:
    """No core dump of this process; on Linux, not dumpable (see the module)."""
    try:
        import resource
    except ImportError:  # Windows: no core limit (and no same-user boundary to keep)
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _prctl(_PR_SET_DUMPABLE, 0)


def dumpable() -> bool | None:
    """Whether this process may dump core (None: not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    return bool(ctypes.CDLL(None, use_errno=True).prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
