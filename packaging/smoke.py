"""Check a built SamJournal folder and measure it; the last step of `make package`.

    .venv/bin/python packaging/smoke.py [dist/SamJournal]

1. the folder holds what the spec promises (both programs, Qt platform plugins incl. offscreen
   and the desktop's own, print support, QtPdf, compiled translations, fonts, licences);
2. `SamJournal --smoke-test` runs headless (selftest.py: journal, meeting, PDF, bundle, window);
3. the console program works on the journal the smoke test made (`--version`, `info`, `check`);
4. the time from launch to the unlock window over several starts, offscreen and, where Xvfb is
   installed, on xcb (goal: under 2 s);
5. the folder's size.
Everything runs with HOME and the XDG folders in a scratch directory, so a build check never
reads or writes the real user's settings or journals. Exit status 1 on the first failure.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import appinfo  # beside this file: run as a script, its folder is on sys.path
import selftest

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""
DESKTOP_PLATFORM = {"win32": "*qwindows*", "darwin": "*qcocoa*"}.get(sys.platform, "*qxcb*")
# Linux prints through Qt's CUPS plugin; Qt 6 builds Windows and macOS printing into the library.
PRINT_SUPPORT = (
    ["**/plugins/printsupport/*cups*"]
    if sys.platform.startswith("linux")
    else ["**/Qt6PrintSupport.dll", "**/QtPrintSupport.framework"]
)
GOAL_MS = 2000
STARTS = 5

# Each requirement: a name and glob patterns under _internal/, any one of which must match.
REQUIRED = [
    ("translations nb", ["resources/translations/samjournal_nb.qm"]),
    ("translations en", ["resources/translations/samjournal_en.qm"]),
    ("Qt's own words in bokmål", ["resources/translations/qtbase_nb.qm"]),
    ("fonts", ["resources/fonts/DejaVuSans.ttf"]),
    ("fonts licence", ["resources/fonts/LICENSE"]),
    ("icon", ["resources/icons/samjournal.svg"]),
    ("LGPL text", ["resources/licenses/LGPL-3.0.txt"]),
    ("migrations", ["samjournal/store/migrations/0001_initial.sql"]),
    ("sqlcipher3", ["sqlcipher3/_sqlite3*"]),
    ("Qt offscreen platform", ["**/plugins/platforms/*qoffscreen*"]),
    ("Qt desktop platform", [f"**/plugins/platforms/{DESKTOP_PLATFORM}"]),
    ("Qt print support", PRINT_SUPPORT),
    ("Qt SVG images", ["**/plugins/imageformats/*qsvg*"]),
    ("QtPdf", ["**/*Qt6Pdf.*", "**/Qt6Pdf.dll", "**/QtPdf.framework"]),
]


def fail(message: str) -> None:
    print(f"FAILED: {message}", flush=True)
    raise SystemExit(1)


def check_contents(dist: Path) -> None:
    for name in (appinfo.APP_NAME, appinfo.CLI_NAME):
        if not (dist / (name + EXE)).is_file():
            fail(f"{name}{EXE} is missing from {dist}")
    inside = dist / "_internal"
    missing = [
        name for name, patterns in REQUIRED if not any(any(inside.glob(p)) for p in patterns)
    ]
    if missing:
        fail("the build lacks " + ", ".join(missing))
    print(f"contents: both programs and all {len(REQUIRED)} required parts present", flush=True)


def scratch_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA"):
        env[name] = str(home)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(command: list[str], env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run(  # noqa: S603 - our own freshly built programs
        command, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        fail(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done.stdout


def smoke_test(dist: Path, work: Path) -> Path:
    """Run the in-app smoke test; return the journal it made."""
    out, log = work / "smoke", work / "smoke.log"
    env = scratch_env(work / "home", SAMJOURNAL_SMOKE_LOG=str(log))
    run([str(dist / (appinfo.APP_NAME + EXE)), "--smoke-test", str(out)], env)
    lines = log.read_text(encoding="utf-8") if log.exists() else ""  # windowed: no stdout
    print(lines, end="", flush=True)
    if "smoke: OK" not in lines:
        fail("the smoke test did not report OK")
    return out / "journal"


def check_cli(dist: Path, journal: Path, work: Path) -> None:
    cli = str(dist / (appinfo.CLI_NAME + EXE))
    env = scratch_env(
        work / "home", SAMJOURNAL_PASSPHRASE=selftest.PASSPHRASE, SAMJOURNAL_USER=selftest.USER
    )
    version = run([cli, "--version"], env).strip()
    if appinfo.VERSION not in version:
        fail(f"samjournal-cli --version says {version!r}")
    info = run([cli, "info", str(journal)], env)
    if "SQLCipher" not in info:
        fail(f"samjournal-cli info printed:\n{info}")
    run([cli, "check", str(journal)], env)
    if sys.platform != "win32":  # a windowed Windows program has no stdout to check
        run([str(dist / appinfo.APP_NAME), "--cli", "--version"], env)
    print(f"cli: {version}; info and check pass on the smoke journal", flush=True)


def time_to_unlock(dist: Path, journal: Path, work: Path, **env_extra: str) -> list[int]:
    """Milliseconds from launch to the painted unlock window, one figure per start."""
    figures = []
    for start in range(STARTS):
        log = work / f"unlock-{env_extra.get('QT_QPA_PLATFORM', 'offscreen')}-{start}.log"
        env = scratch_env(work / "home", SAMJOURNAL_SMOKE_LOG=str(log), **env_extra)
        env["SAMJOURNAL_LAUNCH_T0"] = repr(time.time())  # the zero: just before the launch
        command = [str(dist / (appinfo.APP_NAME + EXE)), "--time-to-unlock", str(journal)]
        run(command, env, timeout=60)
        out = log.read_text(encoding="utf-8") if log.exists() else ""  # windowed: no stdout
        line = next((x for x in out.splitlines() if x.startswith("time-to-unlock-window:")), "")
        if not line:
            fail(f"no time-to-unlock figure in:\n{out}")
        figures.append(int(line.split(":")[1].split()[0]))
    return figures


@contextlib.contextmanager
def xvfb(program: str) -> Iterator[str]:
    """A virtual X display for the whole series, so its start-up is not in the figures."""
    read, write = os.pipe()
    # -noreset: by default X resets when its last client leaves and refuses the next meanwhile.
    options = ["-noreset", "-nolisten", "tcp", "-screen", "0", "1366x768x24"]
    server = subprocess.Popen(  # noqa: S603 - the system's Xvfb
        [program, "-displayfd", str(write), *options],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        # Read up to the newline and keep the pipe open: Xvfb may write the number and the
        # newline separately, and a write to a closed pipe kills it.
        display = b""
        while not display.endswith(b"\n"):
            chunk = os.read(read, 32)
            if not chunk:
                fail("Xvfb did not start")
            display += chunk
        yield ":" + display.decode().strip()
    finally:
        server.terminate()
        server.wait(timeout=10)
        os.close(read)


def report_times(label: str, figures: list[int]) -> None:
    median = statistics.median(figures)
    verdict = "met" if median < GOAL_MS else "NOT met"
    print(
        f"time to unlock window ({label}): first {figures[0]} ms, median {median:.0f} ms,"
        f" best {min(figures)} ms over {len(figures)} starts; goal < {GOAL_MS} ms {verdict}",
        flush=True,
    )


def size(dist: Path) -> str:
    files = [p for p in dist.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    return f"{total / 2**20:.0f} MiB in {len(files)} files"


def main(argv: list[str]) -> int:
    dist = Path(argv[0]) if argv else ROOT / "dist" / appinfo.APP_NAME
    if not dist.is_dir():
        fail(f"{dist} does not exist; build it first (make package)")
    check_contents(dist)
    with tempfile.TemporaryDirectory(prefix="samjournal-smoke-") as tmp:
        work = Path(tmp)
        journal = smoke_test(dist, work)
        check_cli(dist, journal, work)
        report_times("offscreen", time_to_unlock(dist, journal, work))
        program = shutil.which("Xvfb")
        if sys.platform.startswith("linux") and program:
            with xvfb(program) as display:
                figures = time_to_unlock(
                    dist, journal, work, QT_QPA_PLATFORM="xcb", DISPLAY=display
                )
            report_times("xcb on Xvfb", figures)
        elif sys.platform.startswith("linux"):
            print("time to unlock window (xcb): not measured, no Xvfb here", flush=True)
    print(f"size of {dist}: {size(dist)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
