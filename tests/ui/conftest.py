"""UI fixtures: the shared encrypted template journal (tests/conftest.py) copied per test, a
client `App` with its settings in a temporary ini file, and helpers that drive the real
widgets the way a person would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless unless a display is chosen

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samjournal.kdf import TEST_COST
from ui.app import App
from ui.main_window import MainWindow
from ui.prefs import Prefs
from ui.translations import compile_all
from ui.unlock import UnlockDialog
from ui.widgets import collection_paused, shown_windows

W = TypeVar("W", bound=QWidget)
TIMEOUT = 5000


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """A window left open takes the next test's keys and focus (a modal one blocks its
    window's shortcuts), so a test passed or failed by what ran before it. The test that
    leaves one fails, naming it; and every top-level widget goes, shown or not, so the next
    test starts with none whatever this one did."""
    yield
    left = [type(w).__name__ for w in shown_windows()]
    _delete_top_level_widgets()
    assert not left, f"left open by this test: {', '.join(left)}"


def _delete_top_level_widgets() -> None:
    with collection_paused():
        for widget in QApplication.topLevelWidgets():
            if shiboken6.isValid(widget):  # closing one window can delete another
                widget.close()
                widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_all(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An evaluator's workspace for the study the export tests send to."""
    from tests.study import make_workspace

    return make_workspace(tmp_path / "evaluator")


@pytest.fixture
def prefs(tmp_path: Path) -> Prefs:
    return Prefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_app(
    qtbot: QtBot, prefs: Prefs, qm_dir: Path, tmp_path: Path
) -> Iterator[Callable[..., App]]:
    apps: list[App] = []

    def make(language: str = "nb") -> App:
        prefs.language = language
        app = App(
            prefs,
            demo_path=tmp_path / "demo",
            default_path=tmp_path / "new-journal",
            kdf_cost=TEST_COST,
            demo_families=3,
            qm_dir=qm_dir,
        )
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.stop()
        app.language.uninstall()  # later tests (and other suites) start untranslated
    QApplication.processEvents()


def open_as(qtbot: QtBot, app: App, path: Path, user: str, passphrase: str) -> MainWindow:
    """Unlock through the real unlock dialog and wait for a usable case list."""
    return unlock_in(qtbot, app, app.open_journal(path), user, passphrase)


def unlock_in(
    qtbot: QtBot, app: App, dialog: UnlockDialog, user: str, passphrase: str
) -> MainWindow:
    """Unlock in an unlock dialog already open and wait for a usable case list."""
    dialog.select_user(user)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    assert app.window is not None
    return app.window


def find_window(qtbot: QtBot, kind: type[W]) -> W:
    """The newest visible top-level window (dialog) of a kind."""
    found: list[W] = []

    def visible() -> bool:
        found[:] = [w for w in shown_windows() if isinstance(w, kind)]
        return bool(found)

    qtbot.waitUntil(visible, timeout=TIMEOUT)
    return found[-1]


def wait_closed(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitUntil(
        lambda: not shiboken6.isValid(widget) or not widget.isVisible(), timeout=TIMEOUT
    )


def open_family(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Find a family in the case list by name and open it."""
    cases = window.cases
    for row in range(cases.proxy.rowCount()):
        case = cases.proxy.family_at(row)
        if case is not None and case.display_name == name:
            window.show_family(case.id)
            qtbot.waitUntil(
                lambda: (
                    window.family.data is not None
                    and window.family.data.detail.family.display_name == name
                ),
                timeout=TIMEOUT,
            )
            return
    raise AssertionError(f"{name} is not in the case list")
