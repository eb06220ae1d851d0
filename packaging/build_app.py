"""Build the installable SamJournal folder; `make package` runs this.

    .venv/bin/python packaging/build_app.py [--no-smoke]

1. writes build/installer/version.iss from samjournal.__version__ (Inno Setup includes it);
2. runs PyInstaller on packaging/samjournal.spec into dist/SamJournal (it compiles the .qm
   translations and renders the icons itself);
3. Linux: puts the .desktop entry, the icons and install-desktop-entry.sh beside the programs;
4. runs packaging/smoke.py on the result (checks, smoke test, size, time to unlock);
5. Windows: compiles the installer with ISCC.exe when Inno Setup is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import appinfo  # beside this file: run as a script, its folder is on sys.path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist" / appinfo.APP_NAME
INPUTS = ROOT / "build" / "package-inputs"


def write_version_include() -> Path:
    target = ROOT / "build" / "installer" / "version.iss"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(appinfo.inno_defines(), encoding="utf-8")
    return target


def freeze() -> None:
    subprocess.run(  # noqa: S603 - the PyInstaller of this interpreter, our spec
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(HERE / "samjournal.spec"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
        ],
        check=True,
        cwd=ROOT,
    )


def add_linux_desktop_files() -> None:
    """What install-desktop-entry.sh needs, in the folder it installs from."""
    shutil.copy2(HERE / "samjournal.desktop", DIST / "samjournal.desktop")
    shutil.copy2(INPUTS / "icons" / "samjournal.png", DIST / "samjournal.png")
    shutil.copy2(ROOT / "resources" / "icons" / "samjournal.svg", DIST / "samjournal.svg")
    script = DIST / "install-desktop-entry.sh"
    shutil.copy2(HERE / "linux" / "install-desktop-entry.sh", script)
    script.chmod(0o755)


def find_iscc() -> str | None:
    found = shutil.which("iscc")
    if found:
        return found
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        root = os.environ.get(base)
        for sub in ("Inno Setup 6", os.path.join("Programs", "Inno Setup 6")):
            candidate = Path(root or "/nonexistent") / sub / "ISCC.exe"
            if candidate.is_file():
                return str(candidate)
    return None


def build_installer() -> None:
    iscc = find_iscc()
    if iscc is None:
        print("installer: Inno Setup 6 not found; install it and run this again", flush=True)
        return
    script = HERE / "windows" / "samjournal.iss"
    subprocess.run([iscc, "/Q", str(script)], check=True)  # noqa: S603 - Inno Setup, our script
    print(f"installer: dist/SamJournal-{appinfo.VERSION}-setup.exe", flush=True)


def main(argv: list[str]) -> int:
    print(f"building {appinfo.APP_NAME} {appinfo.VERSION} into {DIST}", flush=True)
    write_version_include()
    freeze()
    if sys.platform.startswith("linux"):
        add_linux_desktop_files()
    if "--no-smoke" not in argv:
        import smoke

        smoke.main([str(DIST)])
    if sys.platform == "win32":
        build_installer()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
