"""The study-import dialog with many questions: they scroll in their own box, the fingerprint,
the comparison and the buttons stay on a 1366x768 screen (review of issue 17, defect 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.profile import Policy
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import (
    MAX_ITEMS,
    AnswerType,
    Instrument,
    Item,
    Respondent,
    Text,
)
from samjournal.kdf import TEST_COST
from tests.conftest import LEAD, LEAD_PASS
from tests.ui.conftest import open_as
from ui.export import open_import_study
from ui.export.study_import import ImportStudyDialog
from ui.widgets import FRAME_ROOM

OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens" / "export"
WS_PASS = "evaluator passphrase for tests"
LAPTOP = QRect(0, 0, 1366, 768 - 40)  # a 1366x768 screen less a task bar
SCALED = QRect(0, 0, 1366 * 2 // 3, 768 * 2 // 3 - 27)  # the same at 150 % scaling

MANY = Instrument(
    id="mange-sporsmal",
    version=1,
    title=Text("Mange spørsmål", "Many questions"),
    items=tuple(
        Item(
            f"q{n:02d}",
            Text(f"Spørsmål nummer {n} om hverdagen?", f"Question number {n} about daily life?"),
            AnswerType.YES_NO,
            Respondent.ADULT,
        )
        for n in range(1, MAX_ITEMS + 1)
    ),
)


def _workspace(path: Path, instrument: Instrument) -> Path:
    ws = Workspace.init(
        path,
        study_id="mange",
        name="Studie med mange spørsmål",
        organisation="NTNU Samfunnsforskning",
        passphrase=WS_PASS,
        policy=Policy(k=5, municipality="Trondheim"),
        cost=TEST_COST,
        instruments=(instrument,),
    )
    ws.workspace.close()
    return path / "study.json"


def _inside(widget: QWidget, dialog: QWidget) -> bool:
    top_left = widget.mapTo(dialog, QPoint(0, 0))
    return dialog.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize(
    ("lang", "instrument", "name"),
    [
        ("nb", JOURNAL_DEFAULT, "import-default"),
        ("en", JOURNAL_DEFAULT, "import-default"),
        ("nb", MANY, "import-80-questions"),
    ],
)
def test_the_questions_scroll_and_the_buttons_stay_on_screen(
    qtbot: QtBot,
    make_app,
    journal_dir: Path,
    tmp_path: Path,
    lang: str,
    instrument: Instrument,
    name: str,
) -> None:
    profile = _workspace(tmp_path / "evaluator", instrument)
    window = open_as(qtbot, make_app(lang), journal_dir, LEAD, LEAD_PASS)
    dialog = open_import_study(window.session, window)
    assert isinstance(dialog, ImportStudyDialog)
    dialog.path.setText(str(profile))
    dialog.read()
    qtbot.waitUntil(lambda: dialog.details.isVisible(), timeout=10_000)
    last = instrument.items[-1].text.get(lang)
    assert last in dialog.rules.toPlainText()  # every question is there, to scroll to

    for room, label in ((LAPTOP, ""), (SCALED, "-150")):
        dialog.resize(620, 200)
        dialog.fit(room)  # as the dialog fits itself to a screen of that size
        QApplication.processEvents()
        assert dialog.height() <= room.height() - FRAME_ROOM.height()
        for widget in (dialog.import_button, dialog.cancel_button, dialog.path):
            assert widget.isVisible(), widget
            assert _inside(widget, dialog), widget
        bar = dialog.rules.verticalScrollBar()
        assert bar.isVisible()
        assert bar.maximum() > 0  # more than the box shows: it scrolls
        if not label:  # on the laptop all of it shows; scaled, the middle may scroll too
            assert not dialog.middle.verticalScrollBar().isVisible()
            for widget in (dialog.fingerprint, dialog.heard, dialog.municipality):
                assert _inside(widget, dialog), widget
        (OUT / lang).mkdir(parents=True, exist_ok=True)
        bar.setValue(0)
        assert dialog.grab().save(str(OUT / lang / f"{name}{label}.png"))
        bar.setValue(bar.maximum())  # the questions, at the end
        assert dialog.grab().save(str(OUT / lang / f"{name}{label}-end.png"))
    dialog.reject()
