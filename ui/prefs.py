"""What the client remembers between runs: paths, window geometry and language, nothing else.

No names, case numbers or other personal data ever go into these settings (DESIGN.md).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from samjournal.fsutil import create_private, private_folder, tighten

APP_NAME = "SamJournal"
LANGUAGES = ("nb", "en")


def data_root() -> Path:
    """Where journals live by default (the platform's per-user data folder)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_journal_path() -> Path:
    return data_root() / "journal"


def demo_journal_path() -> Path:
    return data_root() / "demo"


class Prefs:
    """A typed view of QSettings; tests pass a QSettings on a temporary ini file."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(APP_NAME, APP_NAME)
        owner_only(self._s)

    @property
    def last_journal(self) -> Path | None:
        value = self._s.value("journal/last_path", "")
        return Path(str(value)) if value else None

    @last_journal.setter
    def last_journal(self, path: Path | None) -> None:
        self._s.setValue("journal/last_path", str(path) if path else "")

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "nb"))
        return value if value in LANGUAGES else "nb"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "nb")

    @property
    def norwegian_formats(self) -> bool:
        """dd.mm.yyyy and "12 000,00 kr" in English too (the default; see ui.fmt)."""
        return str(self._s.value("ui/norwegian_formats", "true")).lower() != "false"

    @norwegian_formats.setter
    def norwegian_formats(self, on: bool) -> None:
        self._s.setValue("ui/norwegian_formats", "true" if on else "false")

    def geometry(self, key: str) -> QByteArray | None:
        value = self._s.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"geometry/{key}", value)

    def sync(self) -> None:
        self._s.sync()


def owner_only(settings: QSettings) -> None:
    """Make the settings file owner-only before Qt first writes it, as everything else the
    program makes: ~/.config/SamJournal was made 0755 and SamJournal.conf 0644 (reliability
    review; the paths in it name where the journals are). Qt replaces the file on every save
    and keeps the mode of the one it replaces, so making it once is enough. Only Qt's own text
    files (.conf, .ini): the registry and macOS's preferences are the system's to keep. Never
    stops the client: a home it cannot write to leaves the settings as Qt makes them."""
    file = Path(settings.fileName())
    if os.name == "nt" or file.suffix not in (".conf", ".ini"):
        return
    with contextlib.suppress(OSError):
        if file.parent.name == APP_NAME:  # ours; a folder shared with others is left as it is
            private_folder(file.parent)
        if file.exists():
            tighten(file)
        elif file.parent.is_dir():
            create_private(file).close()
