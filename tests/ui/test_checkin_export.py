"""The issue's round trip with the window in it: a study's three-item instrument answered in the
check-in dialog (pytest-qt), exported, imported by the evaluator, and found in the data package
with the items' labels, beside five families answered through the facade (k = 5)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from samjournal.evaluation.evaluator import import_bundles, write_datapackage
from samjournal.instruments.model import Occasion, Respondent
from samjournal.instruments.parse import instrument_from_json
from samjournal.model import ConsentMethod
from tests.samjournal.evaluation.conftest import register
from tests.samjournal.instruments.test_model import custom
from tests.samjournal.instruments.test_roundtrip import FAMILIES, STUDY, _journal, rows, workspace
from tests.ui.conftest import TIMEOUT, open_as, open_family
from tests.ui.test_checkin_instrument import press, record_dialog, saved

ANSWERED = dt.date(2026, 1, 12)  # the day every family answers: the same day offset for all


def test_answers_entered_in_the_window_reach_the_evaluators_data_package(
    qtbot: QtBot, make_app, tmp_path: Path
) -> None:
    defined = instrument_from_json(custom())
    instrument = replace(defined, study=STUDY)  # as the journal holds it
    ws = workspace(tmp_path, defined)
    lead, people = _journal(tmp_path)
    try:
        register(ws, lead)
        lead.evaluation.import_study(ws.folder.study_path)
        for n, (family, adult) in enumerate(people):
            lead.consents.give(
                adult, STUDY, letter_version="v1", given_on=ANSWERED, method=ConsentMethod.WRITTEN
            )
            if n == 0:
                continue  # this family answers in the window
            lead.checkins.record(
                family,
                instrument.ref,
                {"safe": 2, "moves": 1},
                respondent=Respondent.ADULT,
                member_id=adult,
                occasion=Occasion.BASELINE,
                answered_on=ANSWERED,
            )
            # Every family has a caseworker's page too: one alone would be a check-in no
            # other household shares, and held back (the risk model counts who answered).
            lead.checkins.record(
                family,
                instrument.ref,
                {"school": "all"},
                respondent=Respondent.CASEWORKER,
                occasion=Occasion.BASELINE,
                answered_on=ANSWERED,
            )
    finally:
        lead.lock()

    w = open_as(
        qtbot, make_app("en"), tmp_path / "journal", "lise", "correct horse battery staple 42"
    )
    open_family(qtbot, w, "Familien 0")
    dialog = record_dialog(qtbot, w)
    assert dialog.current_instrument() == instrument
    dialog.answered_on.setDate(QDate(ANSWERED.year, ANSWERED.month, ANSWERED.day))
    adult_page, own = dialog.page_list()
    press(qtbot, adult_page.widgets["safe"], Qt.Key.Key_Down, 5)  # 5: completely agree
    press(qtbot, adult_page.widgets["moves"], Qt.Key.Key_Up, 4)  # not answered → 0 → … → 3
    press(qtbot, own.widgets["school"], Qt.Key.Key_S)  # "Some"
    saved(qtbot, w, dialog, 2)

    done: list[object] = []
    w.session.submit(
        lambda j: j.evaluation.export(STUDY, tmp_path / "out").path, done.append, done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=4 * TIMEOUT)
    bundle = done[0]
    assert isinstance(bundle, Path), bundle
    try:
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, tmp_path / "package")
    finally:
        ws.close()
    answers = rows(written.path / "answers_trygghet_v1.csv")
    assert sorted((r["safe"], r["moves"]) for r in answers if r["safe"]) == sorted(
        [("5", "3")] + [("2", "1")] * (FAMILIES - 1)
    )
    assert sorted(r["school"] for r in answers if r["school"]) == sorted(
        ["some"] + ["all"] * (FAMILIES - 1)
    )
    checkins = rows(written.path / "checkins.csv")
    assert {r["answered_by"] for r in checkins} == {"family", "caseworker"}
    assert {r["occasion"] for r in checkins} == {"baseline"}  # preset from what was due
    package = json.loads((written.path / "datapackage.json").read_text(encoding="utf-8"))
    table = next(r for r in package["resources"] if r["name"] == "answers_trygghet_v1")
    fields = {f["name"]: f for f in table["schema"]["fields"]}
    assert fields["safe"]["title"] == "Jeg føler meg trygg hjemme."
    assert [c["label"] for c in fields["school"]["categories"]] == ["Alle", "Noen", "Ingen"]
