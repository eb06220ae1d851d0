"""The Linux menu entry validates, and the install script points it at the program's folder."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import PACKAGING, ROOT

DESKTOP = PACKAGING / "samjournal.desktop"
VALIDATE = shutil.which("desktop-file-validate")


def validate(path: Path) -> None:
    if VALIDATE is None:
        return
    done = subprocess.run([VALIDATE, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_the_desktop_entry_names_the_program_and_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Exec"] == "SamJournal"
    assert main["Icon"] == "samjournal"
    assert main["Terminal"] == "false"
    assert "Office" in main["Categories"].split(";")
    assert entry["Desktop Action demo"]["Exec"] == "SamJournal --demo"


@pytest.mark.skipif(VALIDATE is None, reason="desktop-file-validate is not installed")
def test_the_desktop_entry_validates() -> None:
    validate(DESKTOP)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_the_install_script_points_the_menu_at_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Sam Journal"  # a space, as in many real install paths
    folder.mkdir()
    shutil.copy2(DESKTOP, folder)
    shutil.copy2(ROOT / "resources" / "icons" / "samjournal.svg", folder)
    (folder / "samjournal.png").write_bytes(b"png")
    script = shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh", folder)
    share = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(share)}

    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True)
    installed = share / "applications" / "samjournal.desktop"
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{folder}/SamJournal"\n' in text
    assert f'Exec="{folder}/SamJournal" --demo\n' in text
    assert f"TryExec={folder}/SamJournal\n" in text
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "samjournal.svg").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "samjournal.png").is_file()
    validate(installed)

    subprocess.run(["sh", str(script), "--remove"], env=env, check=True, capture_output=True)
    assert not installed.exists()
