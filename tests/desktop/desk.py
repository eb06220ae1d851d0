"""A desk to sit at: an X server with a window manager, the real program as its own process,
and a keyboard and mouse driven from outside it (`xdotool`), the way a person uses it.

Nothing here reaches into the program: what a test knows, it reads off the screen's window
titles, files the program writes where a person would ask it to, or the program's exit code.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageGrab

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "desktop"  # screenshots a person looks at
TOOLS = ("Xvfb", "openbox", "xdotool", "xprop")
SCREEN = "1366x768x24"  # a common office laptop
WAIT = 30.0  # seconds: generous, for a loaded CI machine; a pass never waits this long
DEMO_MADE = 180.0  # seconds: a first start makes the demo journal (about 10 s on an idle laptop)


class DeskError(AssertionError):
    """What a person would have seen go wrong: a window that never came, a program that died."""


def wait_for_file(path: Path, timeout: float = WAIT) -> None:
    """Wait for a file the program writes where the person told it to."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise DeskError(f"{path.name} was not written")
        time.sleep(0.1)


def shots(display: Display, name: str) -> Callable[[str], Path]:
    """Screenshots of the steps of a test, kept in test-artifacts/desktop/."""

    def take(step: str) -> Path:
        return display.screenshot(ARTIFACTS / f"{name}-{step}.png")

    return take


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass
class Display:
    """An Xvfb server with openbox on it."""

    name: str
    server: subprocess.Popen[bytes]
    manager: subprocess.Popen[bytes]

    @classmethod
    @contextmanager
    def start(cls) -> Iterator[Display]:
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            server.kill()
            raise DeskError("Xvfb did not start")
        name = f":{number}"
        env = {**os.environ, "DISPLAY": name}
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        display = cls(name, server, manager)
        try:
            display._wait_for_manager()
            yield display
        finally:
            for process in (manager, server):
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()

    def _wait_for_manager(self) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            probe = subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                env={**os.environ, "DISPLAY": self.name},
                capture_output=True,
                text=True,
            )
            if "window id" in probe.stdout:
                return
            time.sleep(0.1)
        raise DeskError("the window manager did not start")

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        ImageGrab.grab(xdisplay=self.name).save(path)
        return path


class Program:
    """`python -m ui ARGS` on the display, in a home folder of its own (a fresh user account).

    The keyboard and mouse act on whichever window has the focus, as for a person.
    """

    def __init__(
        self,
        display: Display,
        home: Path,
        args: Sequence[str] = (),
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.display = display
        self.home = home
        self.log = home / f"program-{time.monotonic_ns()}.log"
        runtime = home / "runtime"
        runtime.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            "DISPLAY": display.name,
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "C.UTF-8",
            **(extra_env or {}),
        }
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ui", *args],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def data(self) -> Path:
        """The platform's data folder for SamJournal, where journals live by default."""
        return Path(self.env["XDG_DATA_HOME"]) / "SamJournal"

    # -- looking at the screen ------------------------------------------------------------

    def _xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env={**os.environ, "DISPLAY": self.display.name},
            capture_output=True,
            text=True,
        )
        if check and done.returncode != 0:
            raise DeskError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def windows(self) -> dict[str, str]:
        """The program's visible windows: id -> title."""
        ids = self._xdotool(
            "search", "--onlyvisible", "--pid", str(self.process.pid), "--name", ".", check=False
        ).split()
        found = {}
        for wid in ids:
            title = self._xdotool("getwindowname", wid, check=False).strip()
            if title:
                found[wid] = title
        return found

    def wait_window(self, title: str, timeout: float = WAIT) -> str:
        """The id of the visible window whose title matches `title` (a regex), once it shows."""
        pattern = re.compile(title)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_running()
            for wid, name in self.windows().items():
                if pattern.search(name):
                    return wid
            time.sleep(0.1)
        raise DeskError(f"no window titled {title!r}; visible: {sorted(self.windows().values())}")

    def wait_gone(self, title: str, timeout: float = WAIT) -> None:
        pattern = re.compile(title)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not any(pattern.search(name) for name in self.windows().values()):
                return
            time.sleep(0.1)
        raise DeskError(f"window {title!r} did not close")

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        """x, y, width, height of window `wid` on the screen, in screen pixels, frame left out."""
        out = self._xdotool("getwindowgeometry", "--shell", wid)
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return (int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))

    def focused_title(self) -> str:
        wid = self._xdotool("getwindowfocus", check=False).strip()
        return self._xdotool("getwindowname", wid, check=False).strip() if wid else ""

    def wait_focus(self, title: str, timeout: float = WAIT) -> None:
        """Wait until the window with the keyboard focus is titled `title` (a regex)."""
        pattern = re.compile(title)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_running()
            if pattern.search(self.focused_title()):
                return
            time.sleep(0.1)
        raise DeskError(f"focus is on {self.focused_title()!r}, not {title!r}")

    # -- the keyboard and the mouse -------------------------------------------------------

    def focus(self, title: str) -> str:
        """Bring the window titled `title` to the front with the keyboard focus (a click on it)."""
        wid = self.wait_window(title)
        self._xdotool("windowactivate", "--sync", wid, check=False)
        self.wait_focus(title)
        return wid

    def type(self, text: str) -> None:
        self._xdotool("type", "--delay", "15", "--", text)

    def key(self, *keys: str) -> None:
        """Press keys in turn, each a chord such as `Return`, `ctrl+l` or `alt+n`."""
        for chord in keys:
            self._xdotool("key", "--clearmodifiers", chord)
            time.sleep(0.05)

    def click(self, wid: str, x: int, y: int) -> None:
        """A left click at (x, y) inside window `wid`."""
        self._xdotool("mousemove", "--window", wid, str(x), str(y), "click", "1")

    # -- the process ------------------------------------------------------------------------

    def check_running(self) -> None:
        if self.process.poll() is not None:
            raise DeskError(f"the program ended (exit {self.process.returncode}):\n{self.output}")

    def wait_exit(self, timeout: float = WAIT) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise DeskError(f"the program is still running; windows: {self.windows()}") from None

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
