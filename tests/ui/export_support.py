"""What the export client's tests share: an evaluator's workspace, families with adults to
consent, the journal registered, the study profile imported through its dialog, and screens
grabbed to test-artifacts/screens/export/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samjournal.evaluation.evaluator import Workspace, register
from samjournal.journal import Journal
from samjournal.model import MemberId
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.study import WS_PASS
from tests.ui.conftest import TIMEOUT, wait_closed
from ui.export import (
    open_import_study,
)
from ui.main_window import MainWindow
from ui.session import Session

OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens" / "export"
NOT_CONSENTING = "Familien Berg"


def grab(widget: QWidget, name: str, lang: str = "en") -> None:
    QApplication.processEvents()
    (OUT / lang).mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(OUT / lang / f"{name}.png"))


def add_families(journal_dir: Path, template: Template) -> list[MemberId]:
    """Adults in the template's two families and five more; the adults of all but Berg."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    adults = [
        lead.members.add(template.worker_family, "Anne Ødegård", birth_year=1984).id,
        lead.members.add(template.other_family, "Yusuf Hassan", birth_year=1979).id,
    ]
    lead.members.add(template.worker_family, "Jonas Ødegård", is_child=True, birth_year=2014)
    for i, (name, years) in enumerate(
        (
            ("Familien Nilsen", (1990,)),
            ("Familien Kowalski", (1982, 1985)),
            ("Familien Haugen", (1975,)),
            ("Familien Abdi", (1988, 1991)),
            (NOT_CONSENTING, (1970,)),
        )
    ):
        family = lead.families.create(name, district="Lade" if i % 2 else "Byåsen")
        for j, year in enumerate(years):
            member = lead.members.add(family.id, f"Voksen {i}{j} {name[9:]}", birth_year=year)
            if name != NOT_CONSENTING:
                adults.append(member.id)
    lead.lock()
    return adults


def register_journal(journal_dir: Path, workspace: Path) -> None:
    """The evaluator registers the journal (its key read out over the phone) before it sends."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        journal_id, key = lead.journal_id, lead.evaluation.public_key()
    finally:
        lead.lock()
    with Workspace.open(workspace, WS_PASS) as ws:
        register(ws, journal_id, key, "Trondheim, team Øst")


def on_worker(qtbot: QtBot, session: Session, fn: Callable[[Journal], Any]) -> Any:
    """Run `fn(journal)` on the window's database worker and wait for it."""
    box: list[Any] = []
    session.submit(fn, box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT)
    assert not isinstance(box[0], BaseException), box[0]
    return box[0]


def import_profile(qtbot: QtBot, window: MainWindow, workspace: Path, lang: str = "en") -> None:
    dialog = open_import_study(window.session, window)
    assert dialog is not None
    dialog.path.setText(str(workspace / "study.json"))
    dialog.read()
    qtbot.waitUntil(lambda: dialog.details.isVisible(), timeout=TIMEOUT)
    fingerprint = dialog.fingerprint.text()
    assert dialog.values["organisation"].text() == "NTNU Samfunnsforskning"
    rules = dialog.rules.toPlainText()  # the rules in words, before the import
    if lang == "en":
        assert "at least 5 households (k = 5)" in rules
        assert "(m = 2)" in rules
        assert "rounded to at least the nearest 100 kr" in rules
        assert "Tables sent: households, meetings" in rules
    else:
        assert "minst 5 husstander (k = 5)" in rules
    assert dialog.municipality.text() == "Trondheim"
    assert not dialog.import_button.isEnabled()  # nothing read out yet
    dialog.heard.setText("AAAA-BBBB-CCCC-DDDD-EEEE")
    dialog.run()
    assert dialog.heard_error.text()
    assert dialog.isVisible()
    grab(dialog, "1a-import-wrong-fingerprint", lang)
    dialog.heard.clear()
    qtbot.keyClicks(dialog.heard, fingerprint.lower().replace("-", " "))
    assert not dialog.heard_error.isVisible()
    grab(dialog, "1b-import-study-profile", lang)
    dialog.run()
    wait_closed(qtbot, dialog)
