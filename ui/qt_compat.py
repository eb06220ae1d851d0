"""A guard against a reference-counting bug in PySide6 6.12.0 on Python 3.11.

There, every `SignalInstance.emit()` drops one reference to `True` that it never took (and a
failed `disconnect` one to `False`). Python 3.12 made these singletons immortal, so the bug is
harmless there; on 3.11 the interpreter aborts ("deallocating True or False") after a few
hundred emits. The proper fix is a PySide6 without the bug, but it cannot be pinned away:
PySide6-Pdf (the print preview) is published only as 6.12.0.140, which requires
PySide6-Essentials 6.12.0, so `!=6.12.0` leaves pip nothing to install. Until a fixed release,
`apply()` detects the bug once and gives the three singletons the same effectively-immortal
reference count that 3.12 gives them. Nothing is changed where the bug is absent.
"""

from __future__ import annotations

import ctypes
import sys

_applied = False


def emit_drops_references() -> bool:
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def apply() -> bool:
    """Make True, False and None immortal if this PySide6 needs it; True when applied."""
    global _applied
    if _applied:
        return True
    if not emit_drops_references():
        return False
    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _applied = True
    return True
