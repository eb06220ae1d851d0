"""Entry point of the frozen program (`SamJournal`, `SamJournal.exe`).

    SamJournal [--demo] [JOURNAL]          the desktop client (ui.app.main)
    SamJournal --cli ARGS...               the `samjournal` command, as `samjournal-cli ARGS...`
    SamJournal --smoke-test OUTDIR         scripted headless check of a build (selftest.py)
    SamJournal --time-to-unlock JOURNAL    print the ms from launch to the unlock window; exit
    SamJournal -m samjournal.reports.layout_child FD   the batch print's layout process

The hidden modes are picked off here, before Qt or the journal code is imported, so the
client's own argument parser never sees them and a plain launch pays nothing for them. It also
runs unfrozen (`python packaging/app_entry.py ...`), which is how the fast tests exercise it.
"""

from __future__ import annotations

import time

STARTED = time.time()  # first thing: the fallback zero of the launch-time figure

import os  # noqa: E402 - after the timestamp on purpose
import sys  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

# Set by the smoke runner just before it starts the program, so the figure includes the
# bootloader and interpreter start-up, not only our own imports.
LAUNCH_ENV = "SAMJOURNAL_LAUNCH_T0"
# Windowed Windows builds have no stdout; lines also go to this file when it is set.
REPORT_ENV = "SAMJOURNAL_SMOKE_LOG"


def launched_at() -> float:
    try:
        return float(os.environ[LAUNCH_ENV])
    except (KeyError, ValueError):
        return STARTED


def say(line: str) -> None:
    print(line, flush=True)
    report = os.environ.get(REPORT_ENV)
    if report:
        with open(report, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def use_bundled_translations() -> None:
    """A frozen build carries compiled .qm files and no lrelease: load those as they are.

    `ui.translations` compiles the .ts sources on demand; the spec compiles them once into
    the bundle's `resources/translations` and leaves the .ts files out.
    """
    if not getattr(sys, "frozen", False):
        return
    from ui import translations

    translations.compile_all = lambda target=None: translations.TS_DIR


def smoke_test(outdir: Path) -> int:
    import selftest  # beside this file; PyInstaller finds it there too

    use_bundled_translations()
    try:
        return selftest.run(outdir, say)
    except Exception:
        # Into the log, not an error dialog: a windowed Windows build shows one for an
        # unhandled exception, and nobody is there to close it on a build machine.
        say(traceback.format_exc())
        say("smoke: FAILED")
        return 1


def time_to_unlock(journal: Path) -> int:
    """Start the client on `journal` and stop as soon as its unlock window has been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import main
    from ui.unlock import UnlockDialog

    app = QApplication.instance() or QApplication([sys.argv[0]])
    seen: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not seen and event.type() == QEvent.Type.Paint and isinstance(watched, UnlockDialog):
                seen.append(time.time())
                say(f"time-to-unlock-window: {(seen[0] - launched_at()) * 1000:.0f} ms")
                QTimer.singleShot(0, app.quit)
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    QTimer.singleShot(30_000, app.quit)  # never hang a build on a window that never comes
    code = main([str(journal)])
    app.removeEventFilter(spy)
    return code if seen else 1


def run(argv: list[str]) -> int:
    if argv[:1] == ["--cli"]:
        from samjournal.cli import main as cli_main

        return cli_main(argv[1:])
    if argv[:1] == ["--smoke-test"] and len(argv) == 2:
        return smoke_test(Path(argv[1]))
    if argv[:1] == ["--time-to-unlock"] and len(argv) == 2:
        use_bundled_translations()
        return time_to_unlock(Path(argv[1]))
    if argv[:2] == ["-m", "samjournal.reports.layout_child"]:  # ui/render_process.py's child
        from samjournal.reports import layout_child

        return layout_child.main(argv[2:])
    if argv[:2] == ["-m", "ui"]:  # `--cli gui` starts `sys.executable -m ui`, i.e. this program
        argv = argv[2:]
    use_bundled_translations()
    from ui.app import main

    return main(argv)


if __name__ == "__main__":
    # A frozen program is its own child process (ui/render_process.py lays out batch prints in
    # one; on Windows a multiprocessing one): this returns at once in the parent, and runs the
    # child's work in the child.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(run(sys.argv[1:]))
