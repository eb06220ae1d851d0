"""Both languages are complete: every string in ui/ is in both .ts files, translated; the
window switches language where the user is."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.conftest import LEAD, LEAD_PASS
from tests.ui.a11y_audit import _mnemonic
from tests.ui.conftest import TIMEOUT, open_as, open_family
from ui.translations import TS_DIR, qt_tool

UI_DIR = Path(__file__).resolve().parents[2] / "ui"


def untranslated(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                f and f.strip() for f in forms
            ):
                problems.append(f"{name}: {source!r}")
    return problems


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_string_is_translated(lang: str, tmp_path: Path) -> None:
    committed = TS_DIR / f"samjournal_{lang}.ts"
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-extensions",
            "py",
            "-recursive",
            str(UI_DIR),
            "-ts",
            str(copy),
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        check=True,
        capture_output=True,
    )
    missing = untranslated(copy)
    assert not missing, f"untranslated in {committed.name}:\n" + "\n".join(missing)


def test_norwegian_differs_from_the_english_source() -> None:
    root = ET.parse(TS_DIR / "samjournal_nb.ts").getroot()
    same = [
        m.findtext("source")
        for m in root.iter("message")
        if m.findtext("translation") == m.findtext("source")
    ]
    # Only names, codes and words that are the same in both languages.
    assert len(same) < 25, same


def test_switching_language_keeps_the_place(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    app = make_app("nb")
    w = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    assert w.menuBar().actions()[0].text() == "&Fil"
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(2)
    w.actions_by_name["lang_en"].trigger()
    qtbot.waitUntil(lambda: app.window is not w, timeout=TIMEOUT)
    new = app.window
    assert new.menuBar().actions()[0].text() == "&File"
    qtbot.waitUntil(lambda: new.family.data is not None, timeout=TIMEOUT)
    assert new.pages.currentWidget() is new.family
    assert new.family.tabs.currentIndex() == 2
    assert app.prefs.language == "en"
    assert not new.session.locked  # the same session goes on


def test_english_plurals_have_a_singular() -> None:
    """Every %n count has a form for one and one for many (the .ts sources keep "(s)")."""
    root = ET.parse(TS_DIR / "samjournal_en.ts").getroot()
    same = []
    for message in root.iter("message"):
        if message.get("numerus") == "yes":
            forms = [f.text for f in message.iter("numerusform")]
            if len(forms) != 2 or forms[0] == forms[1] or "(s)" in "".join(f or "" for f in forms):
                same.append(message.findtext("source"))
    assert not same, same


def test_qt_own_buttons_and_dialogs_follow_the_language(qtbot: QtBot, make_app) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        return box.button(QDialogButtonBox.StandardButton.Cancel).text()

    bokmal = make_app("nb")
    assert cancel_text() == "Avbryt"
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Kopier"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Skriv ut"
    bokmal.language.install("en")
    assert cancel_text() == "Cancel"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Print"


def test_every_menus_items_have_their_own_letter_in_both_languages(qtbot: QtBot, make_app) -> None:
    """Alt+L, then a letter, reaches one item: the team lead menu gave "t" to three items in
    bokmål, so the letter only moved between them (team lead review s23)."""
    from ui.main_window import MainWindow
    from ui.menus import actions

    app = make_app("nb")
    for language in ("nb", "en"):
        app.language.install(language)
        by_menu: dict[str, dict[str, list[str]]] = {}
        for action in actions(MainWindow):
            letter = _mnemonic(action.text)
            if letter is not None:
                by_menu.setdefault(action.menu, {}).setdefault(letter, []).append(action.text)
        shared = {
            (language, menu, letter): texts
            for menu, letters in by_menu.items()
            for letter, texts in letters.items()
            if len(texts) > 1
        }
        assert not shared, shared
