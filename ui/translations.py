"""Qt Linguist translations: compile `resources/translations/*.ts` to `.qm` and install them.

The `.ts` sources are committed; `.qm` files are build output, compiled on demand into a cache
folder (or next to the sources with `python -m ui.translations`). Qt's own words (standard
buttons, the print and file dialogs, text field menus) come from Qt's `qtbase_nb` where the Qt
in use ships one, otherwise from ours (`qtbase_nb.ts`, the strings people meet in SamJournal).
Qt matches its own words by their exact source text, accelerator and disambiguation included,
and these change between Qt versions: tests/ui/test_translations_qt.py opens the dialogs.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
BASENAME = "samjournal"
QT_BASENAME = "qtbase"
LOCALES = {
    "nb": QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def qt_tool(name: str) -> str:
    """Path of a Qt tool shipped in the PySide6 wheel (lrelease, lupdate)."""
    base = Path(PySide6.__file__).parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise FileNotFoundError(f"Qt tool {name} not found in the PySide6 package")


def cache_dir() -> Path:
    return platformdirs.user_cache_path("SamJournal", appauthor=False) / "translations"


def compile_all(target: Path | None = None) -> Path:
    """Compile every .ts that is newer than its .qm; return the folder holding the .qm files."""
    target = target or cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    for ts in sorted([*TS_DIR.glob(f"{BASENAME}_*.ts"), *TS_DIR.glob(f"{QT_BASENAME}_*.ts")]):
        qm = target / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(  # noqa: S603 - a fixed tool from the PySide6 wheel, our own files
            [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
    return target


# The language of the translator installed now: the window's own words are English (the source
# strings) until one is installed. Labels from the core's vocabulary follow it (ui/labels.py).
_installed = "en"


class Language:
    """Installs one language's translator into the running application; can switch later."""

    def __init__(self, qm_dir: Path | None = None) -> None:
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None
        self._qm_dir = qm_dir
        self.code = "nb"

    def install(self, code: str) -> bool:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        self._remove(app)
        self.code = code if code in LOCALES else "nb"
        QLocale.setDefault(LOCALES[self.code])
        try:
            folder = compile_all(self._qm_dir)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile translations: %s", type(exc).__name__)
            return False
        translator = QTranslator(app)
        if not translator.load(f"{BASENAME}_{self.code}", str(folder)):
            log.warning("no translation file for %s", self.code)
            return False
        app.installTranslator(translator)
        self._translator = translator
        self._install_qt(app, folder)
        _set_installed(self.code)
        return True

    def _install_qt(self, app: QCoreApplication, folder: Path) -> None:
        """Qt's own dialogs and buttons in the same language (English needs nothing)."""
        if self.code == "en":
            return
        name = f"{QT_BASENAME}_{self.code}"
        translator = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(name, qt_dir) or translator.load(name, str(folder)):
            app.installTranslator(translator)
            self._qt_translator = translator
        else:
            log.warning("no Qt translation for %s", self.code)

    def _remove(self, app: QCoreApplication) -> None:
        for translator in (self._translator, self._qt_translator):
            if translator is not None:
                app.removeTranslator(translator)
        self._translator = self._qt_translator = None
        _set_installed("en")

    def uninstall(self) -> None:
        """Back to the untranslated source strings (English) and the system's locale."""
        app = QCoreApplication.instance()
        if app is not None:
            self._remove(app)
        self._translator = self._qt_translator = None
        QLocale.setDefault(QLocale.system())


def _set_installed(code: str) -> None:
    global _installed  # one application, one installed translator
    _installed = code


def ui_language() -> str:
    """The language the window's words are in now: "nb" or "en"."""
    return _installed


def locale() -> QLocale:
    return QLocale()


def core_language() -> str:
    """The language the core's messages are shown in: "en" or "nb" (see samjournal.i18n)."""
    return "en" if QLocale().language() == QLocale.Language.English else "nb"


if __name__ == "__main__":
    out = compile_all(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(out)
