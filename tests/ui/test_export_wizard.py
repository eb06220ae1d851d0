"""The export client end to end, driven like a team lead would: import the study profile with
its fingerprint, export through the wizard to a folder (stopping once on the way), see the bundle
undelivered in the history, import the evaluator's receipt, see it delivered. Every page is
grabbed to test-artifacts/screens/export/ for a person to look at."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.profile import StudyProfile
from samjournal.flows.export import Phase, Step
from samjournal.journal import Journal
from samjournal.model import ConsentMethod
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.study import STUDY, WS_PASS
from tests.ui.conftest import TIMEOUT, find_window, open_as, wait_closed
from tests.ui.export_support import (
    NOT_CONSENTING,
    add_families,
    grab,
    import_profile,
    on_worker,
    register_journal,
)
from ui.app import App
from ui.export import (
    ImportStudyDialog,
    open_export_history,
    open_export_wizard,
    open_import_study,
)
from ui.export.history import BundleRiskDialog
from ui.table_model import selected_record


def test_export_from_profile_to_receipt(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    adults = add_families(journal_dir, template)
    register_journal(journal_dir, workspace)
    app = make_app("en")
    window = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    session = window.session
    import_profile(qtbot, window, workspace)

    def consent(journal: Journal) -> None:
        for adult in adults:
            journal.consents.give(adult, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN)

    on_worker(qtbot, session, consent)

    wizard = open_export_wizard(session, window)
    assert wizard is not None
    page = wizard.study_page
    qtbot.waitUntil(lambda: page.loaded, timeout=TIMEOUT)
    assert [s.id for s in page.model.rows()] == [STUDY]
    assert not page.full.isEnabled()  # a first bundle is full anyway (new-user review)
    grab(wizard, "2-choose-study")

    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    review = wizard.review_page
    values = {name: label.text() for name, label in review.values.items()}
    assert values["families"] == "7"
    assert values["consented"] == "6"
    assert values["released"] == "6"
    assert "(k = 5)" in review.rules.text()  # read again before anything is written
    assert "20\u00a0000 kr or more" in review.rules.text()
    assert values["left_out"] == "1"
    assert values["smallest"].startswith(("5 ", "6 ", "7 "))  # at least k = 5
    assert values["at_risk"].startswith("0 ")
    assert values["highest"] in ("20%", "17%")
    assert re.fullmatch(r"samjournal-00001-[0-9a-f]{10}\.age", values["file"])
    # Every household field the groups are counted on says how coarse it is sent (the page
    # showed four of the seven: not when the case opened, its status or budget frame).
    assert values["opened_month"] in ("month", "quarter", "half-year", "year")
    assert values["status"] in ("exact", "open or closed")
    assert values["budget_frame_nok"].startswith(("the study's", "nearest"))
    # What the check over every bundle held back, in the team lead's words.
    assert "(k = 5, m = 2)" in review.protection_group.title()
    checked = r"\d+ of \d+ checked \(new or changed, or held back before\)"
    assert re.fullmatch(checked, values["held_rows"])
    assert re.fullmatch(r"\d+ \(\d+ rows\)", values["held_households"])
    # What waits, of all the journal would send: in all, then per table.
    waiting = values["waiting"].splitlines()
    assert re.fullmatch(r"\d+ of \d+ \(\d+%\)", waiting[0])
    assert [line.split(":")[0] for line in waiting[1:]] == [
        "Households",
        "Meetings",
        "Needs",
        "Payments",
        "Check-ins",
    ]
    left = review.left_model.rows()
    assert [(x.name, x.reason) for x in left] == [(NOT_CONSENTING, "no_consent")]
    assert review.left_model.text(0, 2) == "An adult has not consented"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    grab(wizard, "3-review")
    # The CLI's risk report (`export --dry-run`) says the same, in the same words.
    assert review.flow.review is not None
    said = review.flow.review.risk.lines("en")
    said_too = ("families", "left_out", "smallest", "at_risk", "held_rows", "waiting", "suppressed")
    for name in said_too:
        assert any(line.startswith(f"  {review.values[name].accessibleName()}: ") for line in said)
    assert review.risk_group.title() in said
    assert review.protection_group.title() in said

    wizard.next()
    destination = wizard.destination_page
    assert wizard.currentPage() is destination
    destination.path.setText(str(tmp_path / "no-such-stick"))
    wizard.next()
    assert wizard.currentPage() is destination
    assert "does not exist" in destination.error.text()
    usb = tmp_path / "USB-STICK"
    usb.mkdir()
    destination.path.setText(str(usb))
    assert destination.space.text()
    assert destination.file_name.text() == values["file"]
    grab(wizard, "4-destination")

    # Hold the export at each phase so the page can be seen, and stop it once while it still can.
    original = wizard.flow.export
    reached: list[Phase] = []
    go = {Phase.CHECKING: threading.Event(), Phase.WRITING: threading.Event()}

    def held(journal: Journal, **kwargs: Any) -> Any:
        progress = kwargs.pop("progress")

        def report(p: Any) -> None:
            progress(p)
            reached.append(p.phase)
            gate = go.get(p.phase)
            if gate is not None:
                assert gate.wait(TIMEOUT / 1000)
                gate.clear()

        return original(journal, progress=report, **kwargs)

    monkeypatch.setattr(wizard.flow, "export", held)
    exporting = wizard.exporting_page
    wizard.next()  # "Export"
    qtbot.waitUntil(lambda: Phase.CHECKING in reached, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: exporting.stop_button.isEnabled(), timeout=TIMEOUT)
    assert wizard.currentPage() is exporting
    wizard.reject()  # Cancel while the folder is checked: stops the export
    assert wizard.isVisible()
    go[Phase.CHECKING].set()
    qtbot.waitUntil(lambda: wizard.currentPage() is destination, timeout=TIMEOUT)
    assert "stopped" in destination.message.text()
    assert wizard.flow.step is Step.DESTINATION
    assert list(usb.iterdir()) == []

    reached.clear()
    wizard.next()
    qtbot.waitUntil(lambda: Phase.CHECKING in reached, timeout=TIMEOUT)
    go[Phase.CHECKING].set()
    qtbot.waitUntil(lambda: Phase.WRITING in reached, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not exporting.stop_button.isEnabled(), timeout=TIMEOUT)
    assert "cannot be stopped" in exporting.stop_note.text()
    grab(wizard, "5-exporting")
    wizard.reject()  # too late to stop: the wizard stays
    assert wizard.isVisible()
    assert "cannot be stopped" in exporting.message.text()
    go[Phase.WRITING].set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=TIMEOUT)
    outcome = wizard.flow.outcome
    assert outcome is not None
    [bundle] = list(usb.iterdir())
    assert bundle == outcome.path
    assert bundle.name == values["file"]
    done = wizard.done_page.values
    assert done["file"].text() == bundle.name
    assert done["size"].text()
    assert "households: 6" in done["content"].text()
    assert "receipt" in wizard.done_page.next_steps.text()
    grab(wizard, "6-done")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_closed(qtbot, wizard)

    history = open_export_history(session, window)
    assert history is not None
    qtbot.waitUntil(lambda: history.loaded, timeout=TIMEOUT)
    [row] = history.model.rows()
    assert (row.entry.sequence, row.entry.file_name, row.entry.delivered) == (1, bundle.name, False)
    assert history.model.text(0, 7).startswith("No")
    assert "Not yet confirmed" in history.summary.text()
    grab(history, "7-history-undelivered")
    # The risk report it was sent with, to read again: the one the team lead approved.
    assert review.flow.review is not None
    approved = "\n".join(review.flow.review.risk.lines("en"))
    assert history.risk_button.isEnabled()
    history.risk_button.click()
    shown = find_window(qtbot, BundleRiskDialog)
    assert "Bundle 1 to " in shown.findChild(QLabel).text()
    assert shown.report.toPlainText() == approved
    assert "k = " in approved
    shown.close()

    ws = Workspace.open(workspace, WS_PASS)
    try:
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
    finally:
        ws.close()
    assert report.status == "stored"
    assert report.receipt is not None
    junk = tmp_path / "not-a-receipt.json"
    junk.write_text("{}")
    history.loaded = False
    history.import_receipts([junk, report.receipt])
    qtbot.waitUntil(
        lambda: history.loaded and history.model.rows()[0].entry.delivered, timeout=TIMEOUT
    )
    text = history.message.text()
    assert "not-a-receipt.json: not accepted" in text
    assert "Receipt accepted: bundle 1" in text
    assert history.model.text(0, 7).startswith("Yes")
    assert "Every bundle is confirmed" in history.summary.text()
    grab(history, "8-history-delivered")
    history.close()
    again = open_export_wizard(session, window)  # once a bundle went, a full one may be asked
    assert again is not None
    qtbot.waitUntil(lambda: again.study_page.loaded, timeout=TIMEOUT)
    assert again.study_page.full.isEnabled()
    again.reject()


def test_a_profile_under_the_floor_is_refused_in_words(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    workspace: Path,
    tmp_path: Path,
) -> None:
    profile = StudyProfile.parse((workspace / "study.json").read_text(encoding="utf-8"))
    low = dataclasses.replace(profile, policy=dataclasses.replace(profile.policy, k=2))
    (tmp_path / "low.json").write_text(low.to_json_text(), encoding="utf-8")
    app = make_app("en")
    window = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    dialog = open_import_study(window.session, window)
    assert dialog is not None
    dialog.path.setText(str(tmp_path / "low.json"))
    dialog.read()
    qtbot.waitUntil(lambda: bool(dialog.file_error.text()), timeout=TIMEOUT)
    assert "asks for k = 2, but the journal requires at least k = 5" in dialog.file_error.text()
    assert not dialog.details.isVisible()
    assert not dialog.import_button.isEnabled()
    dialog.close()


def test_a_study_nobody_consented_to_cannot_be_exported(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
) -> None:
    add_families(journal_dir, template)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.consents.add_study("uten-profil", "Studie uten profil")
    lead.lock()
    app = make_app("en")
    window = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    wizard = open_export_wizard(window.session, window)
    assert wizard is not None
    page = wizard.study_page
    qtbot.waitUntil(lambda: page.loaded, timeout=TIMEOUT)
    assert [page.model.text(0, 0), page.model.text(0, 2)] == ["Studie uten profil", "Missing"]
    page.table.selectRow(0)
    wizard.next()
    qtbot.waitUntil(lambda: "no profile yet" in page.message.text(), timeout=TIMEOUT)
    assert wizard.currentPage() is page

    # The study page's own button imports the profile, and the list comes back with it chosen.
    page.import_button.click()
    dialog = find_window(qtbot, ImportStudyDialog)
    dialog.path.setText(str(workspace / "study.json"))
    dialog.read()
    qtbot.waitUntil(lambda: dialog.details.isVisible(), timeout=TIMEOUT)
    dialog.heard.setText(dialog.fingerprint.text())
    dialog.run()
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: page.loaded and page.model.rowCount() == 2, timeout=TIMEOUT)
    chosen = selected_record(page.table)
    assert chosen is not None
    assert chosen.id == STUDY

    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    review = wizard.review_page
    assert "No family has consented" in review.message.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert len(review.left_model.rows()) == 7
    grab(wizard, "3b-review-nobody-consented")
    wizard.back()
    assert wizard.flow.step is Step.STUDY
    wizard.reject()
    wait_closed(qtbot, wizard)


def test_caseworkers_are_not_offered_the_export(
    qtbot: QtBot, make_app: Callable[..., App], journal_dir: Path
) -> None:
    app = make_app("en")
    window = open_as(qtbot, app, journal_dir, WORKER, WORKER_PASS)
    assert open_export_wizard(window.session, window) is None
    assert open_export_history(window.session, window) is None
    assert open_import_study(window.session, window) is None


def test_screens_in_bokmal(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same pages in bokmål, for a person to look at (texts are checked in English above)."""
    adults = add_families(journal_dir, template)
    register_journal(journal_dir, workspace)
    app = make_app("nb")
    window = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    session = window.session
    import_profile(qtbot, window, workspace, "nb")
    on_worker(
        qtbot,
        session,
        lambda j: [j.consents.give(a, STUDY, letter_version="v1") for a in adults[:-1]],
    )
    wizard = open_export_wizard(session, window)
    assert wizard is not None
    assert wizard.windowTitle() == "Eksporter til en studie"
    qtbot.waitUntil(lambda: wizard.study_page.loaded, timeout=TIMEOUT)
    grab(wizard, "2-choose-study", "nb")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    grab(wizard, "3-review", "nb")
    wizard.next()
    wizard.destination_page.path.setText(str(tmp_path / "finnes-ikke"))
    wizard.next()
    assert wizard.destination_page.error.text()
    grab(wizard, "4a-destination-missing", "nb")
    usb = tmp_path / "MINNEPINNE"
    usb.mkdir()
    wizard.destination_page.path.setText(str(usb))
    grab(wizard, "4-destination", "nb")

    original = wizard.flow.export
    writing = threading.Event()
    go = threading.Event()

    def held(journal: Journal, **kwargs: Any) -> Any:
        progress = kwargs.pop("progress")

        def report(p: Any) -> None:
            progress(p)
            if p.phase is Phase.WRITING:
                writing.set()
                assert go.wait(TIMEOUT / 1000)

        return original(journal, progress=report, **kwargs)

    monkeypatch.setattr(wizard.flow, "export", held)
    wizard.next()
    qtbot.waitUntil(writing.is_set, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not wizard.exporting_page.stop_button.isEnabled(), timeout=TIMEOUT)
    grab(wizard, "5-exporting", "nb")
    go.set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=TIMEOUT)
    grab(wizard, "6-done", "nb")
    outcome = wizard.flow.outcome
    assert outcome is not None
    wizard.button(QWizard.WizardButton.FinishButton).click()

    history = open_export_history(session, window)
    assert history is not None
    qtbot.waitUntil(lambda: history.loaded, timeout=TIMEOUT)
    grab(history, "7-history-undelivered", "nb")
    ws = Workspace.open(workspace, WS_PASS)
    try:
        [report] = import_bundles(ws, [outcome.path], receipts_dir=tmp_path / "receipts")
    finally:
        ws.close()
    assert report.receipt is not None
    history.loaded = False
    history.import_receipts([report.receipt])
    qtbot.waitUntil(
        lambda: history.loaded and history.model.rows()[0].entry.delivered, timeout=TIMEOUT
    )
    grab(history, "8-history-delivered", "nb")


def test_the_study_list_and_the_profile_import_say_one_thing(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    workspace: Path,
) -> None:
    """A study known from consents only: the list said "Mangler", the import that the journal
    already had the profile; after it "no profile yet" stayed under "Importert (k = 5)", and
    "Choose a study" after one was chosen; the only study was not chosen (review s14 #4)."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.consents.add_study(STUDY, "Livskvalitet i samskapt familiestøtte")
    lead.lock()
    window = open_as(qtbot, make_app("nb"), journal_dir, LEAD, LEAD_PASS)
    wizard = open_export_wizard(window.session, window)
    assert wizard is not None
    page = wizard.study_page
    qtbot.waitUntil(lambda: page.loaded, timeout=TIMEOUT)
    chosen = selected_record(page.table)  # the only study, chosen
    assert chosen is not None
    assert chosen.id == STUDY
    assert page.model.text(0, 2) == "Mangler"
    no_profile = "Studien har ingen studieprofil ennå."
    assert page.message.text().startswith(no_profile)
    page.table.clearSelection()
    wizard.next()
    assert page.message.text() == "Velg en studie i listen."
    page.table.selectRow(0)
    assert page.message.text().startswith(no_profile)

    page.import_button.click()
    dialog = find_window(qtbot, ImportStudyDialog)
    dialog.path.setText(str(workspace / "study.json"))
    dialog.read()
    qtbot.waitUntil(dialog.details.isVisible, timeout=TIMEOUT)
    assert not dialog.replaces.isVisibleTo(dialog)  # nothing said of a profile it lacks
    dialog.heard.setText(dialog.fingerprint.text())
    dialog.run()
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: page.loaded and page.model.text(0, 2) != "Mangler", timeout=TIMEOUT)
    assert page.model.text(0, 2) == "Importert (k = 5)"
    assert selected_record(page.table) is not None
    assert page.message.text() == ""
