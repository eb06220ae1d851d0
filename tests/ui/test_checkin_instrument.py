"""Check-ins through the window with the family's instrument: a study's own three-item
instrument and the journal's default, answered from the keyboard, recorded and read back; an
edit kept in the history; due check-ins shown in words in the case list and the family view."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.profile import Policy
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import (
    AnswerType,
    Choice,
    Instrument,
    Item,
    Occasion,
    Respondent,
    Schedule,
    Text,
)
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import Checkin, ConsentMethod, FamilyId
from samjournal.records.instruments import set_for_study
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, wait_closed
from tests.ui.test_forms import add_adult
from ui.case_list import CHECKIN
from ui.dialogs.checkin import CheckinDialog
from ui.instrument.answers import ChoiceBox, NumberBox
from ui.main_window import MainWindow

STUDY = "skolestudie"
WS_PASS = "evaluator passphrase for tests"

CUSTOM = Instrument(
    id="skole-og-hverdag",
    version=1,
    title=Text("Skole og hverdag", "School and everyday life"),
    items=(
        Item(
            "school_week",
            Text("Hvordan har uka vært for barna på skolen?", "How was the children's week?"),
            AnswerType.SCALE_0_10,
            Respondent.ADULT,
            low=Text("Svært dårlig", "Very bad"),
            high=Text("Svært bra", "Very good"),
        ),
        Item(
            "who_helps",
            Text("Hvem hjelper dere mest nå?", "Who helps you most now?"),
            AnswerType.CHOICE,
            Respondent.ADULT,
            choices=(
                Choice("school", Text("Skolen", "The school")),
                Choice("nav", Text("NAV", "NAV")),
                Choice("kin", Text("Familie og venner", "Family and friends")),
            ),
        ),
        Item(
            "meetings_month",
            Text("Antall møter med familien siste måned", "Meetings with the family last month"),
            AnswerType.NUMBER,
            Respondent.CASEWORKER,
            minimum=0,
            maximum=31,
        ),
    ),
    schedule=Schedule(baseline=True, follow_up_months=3, at_closing=True),
)
HELD = dataclasses.replace(CUSTOM, study=STUDY)  # as the journal holds it: the study's


def study_with_custom_instrument(journal_dir: Path, evaluator: Path) -> FamilyId:
    """The evaluator's study asks CUSTOM; a family whose adult consented to it."""
    ws = Workspace.init(
        evaluator,
        study_id=STUDY,
        name="Skole og hverdag",
        organisation="NTNU Samfunnsforskning",
        passphrase=WS_PASS,
        policy=Policy(k=5, municipality="Trondheim"),
        cost=TEST_COST,
    ).workspace
    profile = dataclasses.replace(ws.profile, instruments=(CUSTOM,))
    ws.close()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        lead.evaluation.import_study(profile.to_json_text().encode())
        family = lead.families.create("Familien Skole", district="Lade")
        adult = lead.members.add(family.id, "Aisha Skole", birth_year=1986)
        lead.consents.give(adult.id, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN)
        return family.id
    finally:
        lead.lock()


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key, times: int = 1) -> None:
    """Keys as a person presses them, with the focus on the field."""
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)


def record_dialog(qtbot: QtBot, w: MainWindow) -> CheckinDialog:
    w.actions_by_name["record_checkin"].trigger()
    return find_window(qtbot, CheckinDialog)


def saved(qtbot: QtBot, w: MainWindow, dialog: CheckinDialog, count: int) -> list[Checkin]:
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    def closed_or_refused() -> bool:
        return (
            not shiboken6.isValid(dialog) or not dialog.isVisible() or bool(dialog.message.text())
        )

    qtbot.waitUntil(closed_or_refused, timeout=TIMEOUT)
    assert not shiboken6.isValid(dialog) or not dialog.message.text(), dialog.message.text()
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(
        lambda: w.family.data is not None and len(w.family.data.detail.checkins) == count,
        timeout=TIMEOUT,
    )
    assert w.family.data is not None
    return list(w.family.data.detail.checkins)


def test_a_study_instrument_of_three_item_types_is_answered_from_the_keyboard_and_read_back(
    qtbot: QtBot, make_app, journal_dir: Path, tmp_path: Path
) -> None:
    family_id = study_with_custom_instrument(journal_dir, tmp_path / "evaluator")
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Skole")
    dialog = record_dialog(qtbot, w)
    assert dialog.instrument.count() == 1
    assert dialog.current_instrument() == HELD
    # One page per respondent: the consenting adult, then the caseworker's own.
    assert [dialog.pages.tabText(i) for i in range(dialog.pages.count())] == [
        "Aisha Skole",
        "Caseworker",
    ]
    # Nothing recorded yet and the study's baseline is due: the occasion says so.
    assert dialog.current_occasion() is Occasion.BASELINE
    adult, caseworker = dialog.page_list()
    scale, choice = adult.widgets["school_week"], adult.widgets["who_helps"]
    assert isinstance(scale, ChoiceBox)
    assert isinstance(choice, ChoiceBox)
    assert scale.itemText(1) == "0 – Very bad"
    assert scale.itemText(11) == "10 – Very good"
    press(qtbot, scale, Qt.Key.Key_Down, 8)  # not answered → 0 → … → 7
    press(qtbot, choice, Qt.Key.Key_N)  # typing the start of an entry picks it
    assert (scale.answer(), choice.answer()) == (7, "nav")
    qtbot.keyClick(choice, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # next page
    assert dialog.pages.currentWidget() is caseworker
    number = caseworker.widgets["meetings_month"]
    assert isinstance(number, NumberBox)
    assert number.answer() is None
    press(qtbot, number, Qt.Key.Key_Up, 4)  # not answered → 0 → 1 → 2 → 3
    assert number.answer() == 3

    checkins = saved(qtbot, w, dialog, 2)
    by_role = {c.respondent: c for c in checkins}
    family = by_role[Respondent.ADULT]
    assert family.instrument == HELD.ref
    assert family.occasion is Occasion.BASELINE
    assert dict(family.answers) == {"school_week": 7, "who_helps": "nav"}
    assert w.family.data is not None
    assert family.member_id == w.family.data.detail.members[0].id
    own = by_role[Respondent.CASEWORKER]
    assert (own.member_id, dict(own.answers)) == (None, {"meetings_month": 3})

    # Read back through the core, as the export will: the same answers under the same version.
    found: list[list[Checkin]] = []
    w.session.submit(lambda j: j.checkins.trend(family_id), found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=TIMEOUT)
    assert {(c.respondent, c.instrument, tuple(sorted(c.answers.items()))) for c in found[0]} == {
        (Respondent.ADULT, HELD.ref, (("school_week", 7), ("who_helps", "nav"))),
        (Respondent.CASEWORKER, HELD.ref, (("meetings_month", 3),)),
    }
    # The check-ins tab shows the other items' answers in words.
    tab = w.family.checkins
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT)
    texts = {tab._others(c) for c in tab.model.rows()}
    assert "How was the children's week?: 7; Who helps you most now?: NAV" in texts
    assert "Meetings with the family last month: 3" in texts


def test_the_default_instrument_is_answered_edited_and_its_history_kept(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    add_adult(journal_dir, template)
    w = open_as(qtbot, make_app("nb"), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    dialog = record_dialog(qtbot, w)
    assert dialog.current_instrument() == JOURNAL_DEFAULT  # no study: the journal's own
    assert not dialog.instrument.isEnabled()  # one instrument: nothing to choose
    assert [dialog.pages.tabText(i) for i in range(dialog.pages.count())] == [
        "Anne Ødegård",
        "Familiekoordinator",
    ]
    family, own = dialog.page_list()
    assert family.widgets["help_time"].itemText(4) == "4 – Litt enig"
    press(qtbot, family.widgets["life_satisfaction"], Qt.Key.Key_Down, 7)  # 6
    press(qtbot, family.widgets["help_time"], Qt.Key.Key_Down, 4)  # 4: somewhat agree
    press(qtbot, family.widgets["owe_gratitude"], Qt.Key.Key_End)  # 5: completely agree
    press(qtbot, own.widgets["money_other"], Qt.Key.Key_J)  # Ja
    checkins = saved(qtbot, w, dialog, 2)
    answers = {c.respondent: dict(c.answers) for c in checkins}
    assert {k: v for k, v in answers[Respondent.ADULT].items() if v is not None} == {
        "life_satisfaction": 6,
        "help_time": 4,
        "owe_gratitude": 5,
    }
    assert answers[Respondent.CASEWORKER].get("money_other") == 1
    adult = next(c for c in checkins if c.respondent is Respondent.ADULT)
    assert adult.life_satisfaction == 6  # the trend reads it as before

    # Edit: the one page of that check-in, its answers in place; the old version stays.
    tab = w.family.checkins
    w.show_tab(4)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT)
    row = next(i for i, c in enumerate(tab.model.rows()) if c.id == adult.id)
    tab.view.selectRow(row)
    assert "Hjelpen kom da vi trengte den.\n    4 – Litt enig" in tab.answers.toPlainText()
    tab.edit_checkin()
    edit = find_window(qtbot, CheckinDialog)
    assert edit.pages.count() == 1
    assert not edit.occasion.isEnabled()
    box = edit.page_list()[0].widgets["life_satisfaction"]
    assert box.answer() == 6
    press(qtbot, box, Qt.Key.Key_Down, 2)  # 8
    saved(qtbot, w, edit, 2)

    def edited() -> Checkin:
        assert w.family.data is not None
        return next(c for c in w.family.data.detail.checkins if c.id == adult.id)

    qtbot.waitUntil(lambda: edited().version == 2, timeout=TIMEOUT)
    changed = edited()
    assert (changed.version, changed.life_satisfaction, changed.answers["help_time"]) == (2, 8, 4)

    history = w.family.history
    w.show_tab(6)
    qtbot.waitUntil(
        lambda: any(r.entity == "checkin" and r.kind == "changed" for r in history.versions.rows()),
        timeout=TIMEOUT,
    )
    rows = history.versions.rows()
    texts = [history.versions.data(history.versions.index(i, 3)) for i in range(len(rows))]
    question = JOURNAL_DEFAULT.items[0].text.nb
    assert f"endret: {question}" in texts
    history.versions_view.selectRow(texts.index(f"endret: {question}"))
    fields = {r[0]: r for r in history.fields.rows()}
    assert fields[question][1:4] == ("6", "8", True)


def _overdue_family(journal_dir: Path) -> None:
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        kari.families.create(
            "Familien Sen", district="Lade", opened_on=dt.date.today() - dt.timedelta(days=60)
        )
    finally:
        kari.lock()


def test_due_and_overdue_check_ins_are_said_in_words_in_the_case_list_and_family_view(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    _overdue_family(journal_dir)
    w = open_as(qtbot, make_app("en"), journal_dir, WORKER, WORKER_PASS)
    cases = w.cases

    def index(name: str) -> QModelIndex:
        for row in range(cases.proxy.rowCount()):
            case = cases.proxy.family_at(row)
            if case is not None and case.display_name == name:
                return cases.proxy.index(row, CHECKIN)
        raise AssertionError(name)

    def cell(name: str) -> str:
        return str(index(name).data())

    assert cases.model.headers()[CHECKIN] == "Check-in"
    # Under the heading, the state alone: the whole label repeated it, and at 1.5x both read
    # "Kartlegg…" (outside review s20). The whole is the tooltip, and what is said aloud.
    assert cell("Familien Sen") == "\u26a0\ufe0e overdue"  # 60 days: past 30
    assert cell("Familien Ødegård") == "due"  # opened today: the baseline is due
    assert index("Familien Sen").data(Qt.ItemDataRole.ToolTipRole) == "Check-in overdue"
    assert index("Familien Sen").data(Qt.ItemDataRole.AccessibleTextRole) == "Check-in overdue"
    tip = cases.proxy.headerData(CHECKIN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Check-in: a check-in due now or overdue; empty when none is due"
    open_family(qtbot, w, "Familien Sen")
    assert w.family.data is not None
    overview = w.family.overview.checkin_due.text()
    assert overview.startswith("\u26a0\ufe0e Check-in overdue (Baseline): it was due on")
    assert w.family.checkins.due.text() == overview

    # The caseworker's page alone is not the family's check-in: the baseline stays due.
    dialog = record_dialog(qtbot, w)
    assert dialog.current_occasion() is Occasion.BASELINE
    assert dialog.no_members.isVisible()  # no members recorded: only the caseworker's page
    [own] = dialog.page_list()
    press(qtbot, own.widgets["money_other"], Qt.Key.Key_N)  # No
    qtbot.keyClick(own.widgets["money_other"], Qt.Key.Key_Return)  # Enter saves from a field
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: len(w.family.data.detail.checkins) == 1, timeout=TIMEOUT)
    assert w.family.overview.checkin_due.text() == overview
    w.show_cases()
    qtbot.waitUntil(lambda: cell("Familien Sen") == "\u26a0\ufe0e overdue", timeout=TIMEOUT)
    QApplication.processEvents()


def test_with_several_instruments_the_user_picks_one_and_old_answers_keep_their_version(
    qtbot: QtBot, make_app, journal_dir: Path, tmp_path: Path
) -> None:
    family_id = study_with_custom_instrument(journal_dir, tmp_path / "evaluator")
    changed = dataclasses.replace(
        CUSTOM.items[0], text=Text("Hvordan var skoleuka?", "How was the school week?")
    )
    second = dataclasses.replace(HELD, version=2, items=(changed, *CUSTOM.items[1:]))
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        [adult] = lead.families.open(family_id).members
        lead.checkins.record(
            family_id,
            HELD.ref,
            {"school_week": 4},
            respondent=Respondent.ADULT,
            member_id=adult.id,
        )
        lead.consents.add_study("annen-studie", "Annen studie")
        with lead._require_open().db.transaction() as db:
            set_for_study(db, STUDY, (second,))  # the evaluator's new version, imported
            set_for_study(db, "annen-studie", (JOURNAL_DEFAULT,))
        lead.consents.give(adult.id, "annen-studie", letter_version="v1")
    finally:
        lead.lock()
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Skole")

    # The old answer is read against the question that was asked, under its version.
    tab = w.family.checkins
    w.show_tab(4)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    tab.view.selectRow(0)
    shown = tab.answers.toPlainText()
    assert "School and everyday life (version 1)" in shown.splitlines()[0]
    assert "How was the children's week?\n    4" in shown

    dialog = record_dialog(qtbot, w)
    assert dialog.instrument.isEnabled()
    offered = [dialog.instrument.itemData(i) for i in range(dialog.instrument.count())]
    assert sorted(offered, key=lambda i: i.id) == sorted(
        [JOURNAL_DEFAULT, second], key=lambda i: i.id
    )
    # Picking an instrument puts its questions on the pages.
    dialog.instrument.setFocus()
    dialog.instrument.setCurrentIndex(offered.index(second))
    [adult_page, _own] = dialog.page_list()
    assert list(adult_page.widgets) == ["school_week", "who_helps"]
    dialog.instrument.setCurrentIndex(offered.index(JOURNAL_DEFAULT))
    assert "help_time" in dialog.page_list()[0].widgets
    press(qtbot, dialog.page_list()[0].widgets["help_time"], Qt.Key.Key_Down, 5)
    dialog.instrument.setCurrentIndex(offered.index(second))  # and back: nothing carried over
    page = dialog.page_list()[0]
    press(qtbot, page.widgets["school_week"], Qt.Key.Key_Down, 10)  # 9
    checkins = saved(qtbot, w, dialog, 2)
    newest = max(checkins, key=lambda c: c.id)
    assert newest.instrument == second.ref
    assert {k: v for k, v in newest.answers.items() if v is not None} == {"school_week": 9}


def test_a_check_in_from_before_instruments_is_edited_on_its_own_page(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:  # the older form: the family together, life satisfaction and a domain
        old = kari.checkins.record(template.worker_family, 5, domains={"economy": 3})
    finally:
        kari.lock()
    w = open_as(qtbot, make_app("en"), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    tab = w.family.checkins
    w.show_tab(4)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    tab.view.selectRow(0)
    assert "The family together" in tab.answers.toPlainText()
    tab.edit_checkin()
    edit = find_window(qtbot, CheckinDialog)
    assert edit.pages.tabText(0) == "The family together"
    page = edit.page_list()[0]
    assert (page.widgets["life_satisfaction"].answer(), page.widgets["economy"].answer()) == (5, 3)
    press(qtbot, page.widgets["economy"], Qt.Key.Key_Up)  # 2
    saved(qtbot, w, edit, 1)
    qtbot.waitUntil(lambda: w.family.data.detail.checkins[0].version == 2, timeout=TIMEOUT)
    changed = w.family.data.detail.checkins[0]
    assert (changed.id, changed.life_satisfaction, changed.domains["economy"]) == (old.id, 5, 2)
