"""The client's settings file is owner-only, as everything else the program makes."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui.prefs import APP_NAME, Prefs

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows keeps the registry")


@pytest.fixture
def config(tmp_path: Path) -> Iterator[Path]:
    """Qt's per-user settings folder (~/.config on Linux) inside the test, under umask 022."""
    home = tmp_path / ".config"
    old = os.umask(0o022)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
    yield home
    os.umask(old)
    default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, default)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _save(prefs: Prefs) -> None:
    prefs.language = "en"
    prefs.last_journal = Path("/srv/journaler/team-lade")
    prefs.sync()


def test_the_settings_folder_and_file_are_owner_only(config: Path) -> None:
    """~/.config/SamJournal was made 0755 and SamJournal.conf 0644 (reliability review)."""
    prefs = Prefs()
    _save(prefs)
    folder = config / APP_NAME
    [file] = list(folder.glob("*.conf"))
    assert "team-lade" in file.read_text()  # Qt wrote this file, and it is the one checked
    assert (_mode(config), _mode(folder), _mode(file)) == (0o700, 0o700, 0o600)
    prefs.language = "nb"  # Qt replaces the file on each save: the mode stays
    prefs.sync()
    assert _mode(file) == 0o600


def test_settings_made_wider_by_an_older_version_are_tightened(config: Path) -> None:
    folder = config / APP_NAME
    folder.mkdir(parents=True, mode=0o755)
    file = folder / f"{APP_NAME}.conf"
    file.write_text("[ui]\nlanguage=en\n")
    file.chmod(0o644)
    prefs = Prefs()
    assert prefs.language == "en"  # read as before
    _save(prefs)
    assert (_mode(folder), _mode(file)) == (0o700, 0o600)
