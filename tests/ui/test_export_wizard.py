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
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget, QWizard
from pytestqt.qtbot import QtBot

from samjournal.evaluation.evaluator import Workspace, import_bundles, register
from samjournal.evaluation.profile import Policy, StudyProfile
from samjournal.evaluation.risk import TableRows
from samjournal.flows.export import Phase, Step
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import ConsentMethod, MemberId
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.a11y_audit import NARROW
from tests.ui.conftest import TIMEOUT, find_window, open_as, wait_closed
from ui.app import App
from ui.export import (
    ImportStudyDialog,
    open_export_history,
    open_export_wizard,
    open_import_study,
)
from ui.export.review import ReviewPage
from ui.export.wizard import ExportWizard
from ui.main_window import MainWindow
from ui.scroll_body import ScrollBody
from ui.session import Session
from ui.table_model import selected_record
from ui.widgets import FRAME_ROOM

OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens" / "export"
STUDY = "livskvalitet-2026"
WS_PASS = "evaluator passordfrase 1"
NOT_CONSENTING = "Familien Berg"


def grab(widget: QWidget, name: str, lang: str = "en") -> None:
    QApplication.processEvents()
    (OUT / lang).mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(OUT / lang / f"{name}.png"))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    Workspace.init(
        tmp_path / "evaluator",
        study_id=STUDY,
        name="Livskvalitet i samskapt familiestøtte",
        organisation="NTNU Samfunnsforskning",
        passphrase=WS_PASS,
        policy=Policy(k=5, municipality="Trondheim"),
        cost=TEST_COST,
    ).workspace.close()
    return tmp_path / "evaluator"


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


def test_the_review_says_the_changes_held_back_apart_from_the_rows(qtbot: QtBot) -> None:
    """As the CLI's report: rows waiting, then changes to rows already sent that wait (none
    said when there are none, or when an older report did not count them)."""
    assert ReviewPage._waiting(TableRows(96, 3, 4)) == (
        "3 av 99 (3%); endringer av rader som allerede er sendt, som venter: 4"
    )
    assert ReviewPage._waiting(TableRows(96, 3, 0)) == "3 av 99 (3%)"
    assert ReviewPage._waiting(TableRows(96, 3, None)) == "3 av 99 (3%)"


def open_review(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
    lang: str = "nb",
) -> ExportWizard:
    """The wizard (in bokmål unless told), on the review of a first bundle."""
    adults = add_families(journal_dir, template)
    register_journal(journal_dir, workspace)
    window = open_as(qtbot, make_app(lang), journal_dir, LEAD, LEAD_PASS)
    import_profile(qtbot, window, workspace, lang)
    on_worker(
        qtbot,
        window.session,
        lambda j: [j.consents.give(a, STUDY, letter_version="v1") for a in adults[:-1]],
    )
    wizard = open_export_wizard(window.session, window)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.study_page.loaded, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    return wizard


@pytest.fixture
def review_nb(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
) -> ExportWizard:
    return open_review(qtbot, make_app, journal_dir, template, workspace)


def test_the_review_names_the_tables_in_the_wizard_s_words(review_nb: ExportWizard) -> None:
    """ "households: 7 av 40 (18 %)" in a bokmål review: the tables by their code names
    (review s14 #2); the rows to send beside it already said "Husstander"."""
    values = review_nb.review_page.values
    tables = [line.split(":")[0] for line in values["waiting"].text().splitlines()[1:]]
    assert tables == ["Husstander", "Møter", "Behov", "Utbetalinger", "Kartlegginger"]
    assert values["rows"].text().startswith("Husstander: ")


LAPTOP = QRect(0, 0, 1366, 768 - 40)  # a 1366x768 screen less a task bar


def test_the_review_fits_a_laptop_screen_with_its_buttons(
    qtbot: QtBot, review_nb: ExportWizard
) -> None:
    """The review page made the wizard 790 pixels tall on a 768-pixel screen: Back, Next and
    Cancel below its edge (review s14 #3). Its content scrolls instead."""
    wizard = review_nb
    assert wizard.minimumHeight() <= LAPTOP.height() - FRAME_ROOM.height()
    wizard.fit(LAPTOP)  # as on entering the page, on a screen of that size
    QApplication.processEvents()
    assert wizard.height() <= LAPTOP.height() - FRAME_ROOM.height()
    for which in ("BackButton", "NextButton", "CancelButton"):
        button = wizard.button(getattr(QWizard.WizardButton, which))
        assert button.isVisible(), which
        assert wizard.rect().contains(QRect(button.mapTo(wizard, QPoint(0, 0)), button.size()))
    body = wizard.review_page.findChild(ScrollBody)
    assert body.verticalScrollBar().maximum() > 0  # the rest is there, to scroll to
    grab(wizard, "3-review-laptop", "nb")


def test_who_is_left_out_is_shown_whole_at_1024x600(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
) -> None:
    """The table under "Holdt utenfor" sat in the right column, beside the risk report's long
    lines: at 1024x600 its reasons were cut to "…", the page scrolled sideways, and the table
    scrolled inside the page, 7 of its 23 families in sight (review s16). Now every heading,
    case and reason fits its column, a long name is shortened, and every row shows."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    for i in range(12):  # families whose adult has not consented
        family = lead.families.create(f"Familien Utenfor {i}" + " Hansen-Berg" * 8 * (i == 0))
        lead.members.add(family.id, f"Voksen Utenfor {i}", birth_year=1980 + i)
    lead.lock()
    wizard = open_review(qtbot, make_app, journal_dir, template, workspace)
    wizard.resize(NARROW)
    QApplication.processEvents()
    page = wizard.review_page
    body = page.findChild(ScrollBody)
    assert body.horizontalScrollBar().maximum() == 0
    table = page.left_table
    model = page.left_model
    assert model.rowCount() > 12
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    for column, heading in enumerate(c.header for c in model.columns):
        assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(heading), heading
    # A cell's text margin on each side, as the item delegate draws it.
    padding = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    for column in (0, 2):  # the case and the reason; a name too long is shortened
        texts = [model.text(row, column) for row in range(model.rowCount())]
        widest = max(table.fontMetrics().horizontalAdvance(text) for text in texts)
        assert table.columnWidth(column) >= widest + padding, model.columns[column].header
    assert table.verticalScrollBar().maximum() == 0
    assert table.viewport().height() >= model.rowCount() * table.rowHeight(0)
    # The arrow keys take the page along: the last row comes into sight.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = table.currentIndex()
    assert last.row() == model.rowCount() - 1
    in_sight = table.visibleRegion().boundingRect()
    assert in_sight.contains(table.visualRect(last).translated(table.viewport().pos()))
    body.verticalScrollBar().setValue(body.verticalScrollBar().maximum())
    grab(wizard, "3-review-left-out-1024x600", "nb")


def scaled_laptop(scale: float) -> QRect:
    """A 1366x768 screen less its task bar, in the pixels Qt lays out in at `scale`."""
    return QRect(0, 0, round(LAPTOP.width() / scale), round(LAPTOP.height() / scale))


def within_width(widget: QWidget, body: ScrollBody) -> bool:
    """`widget` is whole across the scroll area's viewport (wherever it is scrolled down to)."""
    left = widget.mapTo(body.viewport(), QPoint(0, 0)).x()
    return left >= 0 and left + widget.width() <= body.viewport().width()


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_the_review_needs_no_sideways_scrolling_on_a_scaled_laptop_screen(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
    lang: str,
    scale: float,
) -> None:
    """At 1366x768 with 1.5x scaling the protection group's long values widened the report's
    column, the page scrolled sideways and cut off "Studiens regler" (outside review s19). The
    values wrap; the rules stay beside the report where both have room (1.5x), and go under
    it where they have not (2x)."""
    wizard = open_review(qtbot, make_app, journal_dir, template, workspace, lang)
    wizard.fit(scaled_laptop(scale))
    QApplication.processEvents()
    page = wizard.review_page
    body = page.scroll_body
    assert body.horizontalScrollBar().maximum() == 0
    shown = [w for w in (page.rules_box, *page.values.values()) if w.isVisibleTo(page)]
    assert [w.accessibleName() for w in shown if not within_width(w, body)] == []
    # A wrapped value is as tall as its lines: a value wrapped into a row of one line's height
    # showed "5 (før" of "5 (før anonymisering: 1)".
    clipped = [w.accessibleName() for w in shown[1:] if w.height() < w.heightForWidth(w.width())]
    assert clipped == []
    rules = page.rules_box.mapTo(body.widget(), QPoint(0, 0))
    report = page.protection_group.mapTo(body.widget(), QPoint(0, 0))
    if scale == 1.5:
        assert rules.y() < body.viewport().height()  # beside the report, in sight at once
    else:
        assert rules.y() > report.y() + page.protection_group.height()  # under the report
    grab(wizard, f"3-review-laptop-{scale}x", lang)


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
