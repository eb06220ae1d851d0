"""Grab every main screen in both languages to PNG (test-artifacts/screens/, not committed),
sized like a 1366x768 laptop, so a person can look at them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import ConsentMethod, MeetingKind, NeedCategory, NeedDraft, PaymentDraft
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family
from ui import theme
from ui.dialogs.checkin import CheckinDialog
from ui.dialogs.meeting import MeetingDialog
from ui.dialogs.settings import SettingsDialog
from ui.dialogs.users import UsersDialog

OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"


def fill(journal_dir: Path, template: Template) -> None:
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    fid = template.worker_family
    anne = kari.members.add(
        fid, "Anne Ødegård", birth_year=1984, phone="912 34 567", primary_contact=True
    )
    kari.members.add(fid, "Jonas Ødegård", is_child=True, birth_year=2014)
    kari.members.add(fid, "Sofie Ødegård", is_child=True, birth_year=2017)
    now = dt.datetime.now().astimezone().replace(second=0, microsecond=0)
    for months, score in ((10, 3), (7, 4), (4, 6), (1, 7)):
        kari.checkins.record(
            fid,
            score,
            member_id=anne.id,
            answered_on=(now - dt.timedelta(days=30 * months)).date(),
            domains={"economy": score - 1, "housing": 5, "trust": score},
        )
    first = kari.meetings.record(
        fid,
        now - dt.timedelta(days=60),
        MeetingKind.HOME_VISIT,
        place="Hjemme på Lade",
        family_words="Vi vil at Jonas skal få begynne på fotball igjen, og strømregningen er tung.",
        agreed="Kari sjekker fritidskortet. Anne tar kontakt med NAV om strømmen.",
        next_meeting_at=now + dt.timedelta(days=14),
        participants=[member(anne.id), staff(kari.user.id), partner("NAV")],
        needs=[
            NeedDraft("Fotballutstyr og kontingent for Jonas", NeedCategory.LEISURE),
            NeedDraft("Hjelp med strømregningen", NeedCategory.ECONOMY),
        ],
        payments=[
            PaymentDraft(Money.kr(2400), "Fotballsko og kontingent", draft_need=0),
            PaymentDraft(Money.kr(8500), "Strømregning januar", draft_need=1),
        ],
    )
    kari.payments.approve(first.payment_ids[0])
    kari.payments.mark_paid(first.payment_ids[0], "B-2026-0042")
    kari.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.consents.add_study("samskaping-2026", "Evaluering av samskapt familiestøtte")
    lead.consents.give(
        anne.id, "samskaping-2026", letter_version="v1.1", method=ConsentMethod.WRITTEN
    )
    lead.lock()


def grab(widget: QWidget, lang: str, name: str) -> Path:
    QApplication.processEvents()
    target = OUT / lang / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(target))
    return target


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_grab_main_screens(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    fill(journal_dir, template)
    late = Journal.open(journal_dir, WORKER, WORKER_PASS)  # a baseline check-in overdue
    late.families.create("Familien Berg", opened_on=dt.date.today() - dt.timedelta(days=75))
    late.lock()
    app = make_app(lang)
    dialog = app.open_journal(journal_dir)
    grab(dialog, lang, "01-unlock")
    dialog.close()
    w = open_as(qtbot, app, journal_dir, LEAD, LEAD_PASS)
    w.resize(1366, 768)
    grab(w, lang, "02-case-list")
    open_family(qtbot, w, "Familien Berg")
    grab(w, lang, "02-family-check-in-overdue")
    open_family(qtbot, w, "Familien Ødegård")
    names = ["overview", "meetings", "needs", "payments", "checkins", "consents", "history"]
    for index, name in enumerate(names):
        w.show_tab(index)
        if name == "history":
            qtbot.waitUntil(lambda: w.family.history.events.rowCount() > 0, timeout=TIMEOUT)
        if name == "checkins":
            w.family.checkins.domains.setChecked(True)
        grab(w, lang, f"03-family-{index}-{name}")
    w.actions_by_name["record_meeting"].trigger()
    meeting = find_window(qtbot, MeetingDialog)
    meeting.add_need("Sykkel til skolen", NeedCategory.TRANSPORT)
    meeting.add_payment("3 200", "Brukt sykkel", draft_need=0)
    grab(meeting, lang, "04-record-meeting")
    meeting.close()
    w.actions_by_name["record_checkin"].trigger()
    checkin = find_window(qtbot, CheckinDialog)
    checkin.set_answer("life_satisfaction", 7)
    checkin.set_answer("help_time", 4)
    grab(checkin, lang, "04-record-checkin")
    bar = checkin.scroll_body.verticalScrollBar()
    bar.setValue(bar.maximum())  # the adult's last questions (what can be difficult)
    grab(checkin, lang, "04-record-checkin-end")
    bar.setValue(0)
    for page in range(1, checkin.pages.count()):  # a child's page, the caseworker's own
        checkin.pages.setCurrentIndex(page)
        grab(checkin, lang, f"04-record-checkin-{page}")
    app_ = QApplication.instance()
    assert isinstance(app_, QApplication)
    app_.setPalette(theme.palette(theme.DARK))  # the dark palette too
    checkin.pages.setCurrentIndex(0)
    grab(checkin, lang, "04-record-checkin-dark")
    checkin.close()
    w.show_cases()
    grab(w, lang, "04-case-list-dark")
    theme.apply(app_)
    w.show_approvals()
    qtbot.waitUntil(lambda: w.approvals.model.rowCount() == 1, timeout=TIMEOUT)
    grab(w, lang, "05-approvals")
    w.actions_by_name["users"].trigger()
    users = find_window(qtbot, UsersDialog)
    qtbot.waitUntil(lambda: users.table.rowCount() == 3, timeout=TIMEOUT)
    grab(users, lang, "06-users")
    users.close()
    w.actions_by_name["settings"].trigger()
    grab(find_window(qtbot, SettingsDialog), lang, "07-settings")
    find_window(qtbot, SettingsDialog).close()
    w.lock()
    qtbot.waitUntil(lambda: w.unlock_dialog is not None, timeout=TIMEOUT)
    grab(w, lang, "08-locked")
    grab(w.unlock_dialog, lang, "09-unlock-again")
    assert len(list((OUT / lang).glob("*.png"))) >= 14


def test_grab_the_wizard(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    for lang in ("nb", "en"):
        app = make_app(lang)
        wizard = app.run_wizard()
        grab(wizard, lang, "09-wizard-welcome")
        wizard.next()
        wizard.location_page.path.setText(str(tmp_path / f"journal-{lang}"))
        grab(wizard, lang, "10-wizard-location")
        wizard.next()
        wizard.team_lead_page.username.setText("lise")
        wizard.team_lead_page.display_name.setText("Lise Leder")
        wizard.next()
        wizard.passphrase_page.passphrase.setText("sommer ved fjorden")
        grab(wizard, lang, "11-wizard-passphrase")
        wizard.passphrase_page.repeat.setText("sommer ved fjorden")
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda w=wizard: w.currentPage() is w.key_page, timeout=TIMEOUT)
        grab(wizard, lang, "12-wizard-recovery-key")
        app.stop()
