"""On a Linux desktop without Qt's X libraries the client names the packages to install."""

from __future__ import annotations

from ui.platform_check import XCB_LIBRARIES, explain, missing_xcb_packages

DESKTOP = {"DISPLAY": ":0"}


def test_a_missing_library_is_named_by_its_package() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    missing = missing_xcb_packages(DESKTOP, "linux", lambda soname: soname not in absent)
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert "apt install libxcb-icccm4 libxcb-keysyms1" in explain(missing)


def test_nothing_is_asked_where_xcb_is_not_used() -> None:
    def nothing(_soname: str) -> bool:
        return False

    assert missing_xcb_packages(DESKTOP, "win32", nothing) == []
    assert missing_xcb_packages({}, "linux", nothing) == []  # no X display
    assert missing_xcb_packages({**DESKTOP, "WAYLAND_DISPLAY": "wayland-0"}, "linux", nothing) == []
    assert missing_xcb_packages({**DESKTOP, "QT_QPA_PLATFORM": "offscreen"}, "linux", nothing) == []
    assert len(missing_xcb_packages(DESKTOP, "linux", nothing)) == len(XCB_LIBRARIES)
