"""The whole caseworker flow through the real widgets: create a family, add members, record a
meeting with a need and a payment, have it approved by the team lead, mark it paid, record a
check-in, find the family by a word from the meeting note, lock and unlock, and see it all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samjournal.model import NeedCategory, PaymentStatus
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, wait_closed
from ui.dialogs.checkin import CheckinDialog
from ui.dialogs.family import FamilyDialog
from ui.dialogs.meeting import MeetingDialog
from ui.dialogs.member import MemberDialog
from ui.dialogs.payment import ApproveDialog, MarkPaidDialog
from ui.main_window import MainWindow


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_member(qtbot: QtBot, w: MainWindow, name: str, year: str, *, child: bool) -> None:
    w.actions_by_name["add_member"].trigger()
    dialog = find_window(qtbot, MemberDialog)
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.birth_year, year)
    if child:
        click(qtbot, dialog.child)
    click(qtbot, dialog.save_button)
    wait_closed(qtbot, dialog)


def test_caseworker_records_a_meeting_and_the_lead_approves(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    app = make_app()
    w = open_as(qtbot, app, journal_dir, WORKER, WORKER_PASS)
    assert "approvals" not in w.actions_by_name  # no team-lead menu for a caseworker

    # A new family, from the case list's button.
    click(qtbot, w.cases.new_button)
    family_dialog = find_window(qtbot, FamilyDialog)
    qtbot.keyClicks(family_dialog.name, "Familien Berg")
    qtbot.keyClicks(family_dialog.district, "Lade")
    click(qtbot, family_dialog.save_button)
    wait_closed(qtbot, family_dialog)
    qtbot.waitUntil(
        lambda: (
            w.family.data is not None
            and w.family.data.detail.family.display_name == "Familien Berg"
        ),
        timeout=TIMEOUT,
    )

    add_member(qtbot, w, "Anne Berg", "1984", child=False)
    add_member(qtbot, w, "Jonas Berg", "2014", child=True)
    qtbot.waitUntil(lambda: w.family.overview.members.rowCount() == 2, timeout=TIMEOUT)

    # One meeting: the family's words, what was agreed, a need and a payment for it.
    w.actions_by_name["record_meeting"].trigger()
    meeting = find_window(qtbot, MeetingDialog)
    meeting.check_participant("Anne Berg")
    qtbot.keyClicks(meeting.family_words, "Jonas vil gjerne begynne på svømmetrening")
    qtbot.keyClicks(meeting.agreed, "Vi søker om svømmekurs; Anne melder ham på")
    meeting.add_need("Svømmekurs for Jonas", NeedCategory.LEISURE)
    meeting.add_payment("6 000", "Svømmekurs høsten", draft_need=0)
    click(qtbot, meeting.save_button)
    wait_closed(qtbot, meeting)
    qtbot.waitUntil(
        lambda: len(w.family.data.detail.payments) == 1 and len(w.family.data.detail.needs) == 1,
        timeout=TIMEOUT,
    )
    detail = w.family.data.detail
    assert detail.payments[0].need_id == detail.needs[0].id
    assert {p.name for p in detail.meetings[0].participants} >= {"Anne Berg", "Kari Nilsen"}

    # The caseworker cannot approve over the limit: the button says why.
    w.show_tab(3)
    payments = w.family.payments
    payments.view.selectRow(0)
    assert not payments.approve_button.isEnabled()
    assert "teamleder" in payments.approve_button.toolTip()

    # The team lead approves it from the approvals queue, in their own window.
    lead_app = make_app()
    lead = open_as(qtbot, lead_app, journal_dir, LEAD, LEAD_PASS)
    lead.show_approvals()
    qtbot.waitUntil(lambda: lead.approvals.model.rowCount() == 1, timeout=TIMEOUT)
    lead.approvals.view.selectRow(0)
    click(qtbot, lead.approvals.approve_button)
    confirm = find_window(qtbot, ApproveDialog)
    click(qtbot, confirm.save_button)
    qtbot.waitUntil(lambda: lead.approvals.model.rowCount() == 0, timeout=TIMEOUT)
    lead.close()

    # Back at the caseworker's laptop: reload, mark paid with the voucher reference.
    w.actions_by_name["reload"].trigger()
    qtbot.waitUntil(
        lambda: w.family.data.detail.payments[0].status is PaymentStatus.APPROVED,
        timeout=TIMEOUT,
    )
    payments.view.selectRow(0)
    click(qtbot, payments.paid_button)
    paid = find_window(qtbot, MarkPaidDialog)
    qtbot.keyClicks(paid.voucher, "B-2026-117")
    click(qtbot, paid.save_button)
    wait_closed(qtbot, paid)
    qtbot.waitUntil(
        lambda: w.family.data.detail.payments[0].status is PaymentStatus.PAID, timeout=TIMEOUT
    )
    assert w.family.data.detail.budget.spent.ore == 600_000

    # A check-in.
    w.actions_by_name["record_checkin"].trigger()
    checkin = find_window(qtbot, CheckinDialog)
    checkin.set_answer("life_satisfaction", 6)
    checkin.set_answer("economy", 4)
    click(qtbot, checkin.save_button)
    wait_closed(qtbot, checkin)
    qtbot.waitUntil(lambda: len(w.family.data.detail.checkins) == 1, timeout=TIMEOUT)

    # Find the family again by a word from the meeting note.
    w.focus_search()
    qtbot.keyClicks(w.cases.search, "svømmetr")
    qtbot.waitUntil(
        lambda: (
            w.cases.search_idle
            and w.cases.proxy.rowCount() == 1
            and w.cases.proxy.family_at(0).display_name == "Familien Berg"
        ),
        timeout=TIMEOUT,
    )

    # Lock with Ctrl+L, unlock, and everything is still there.
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=TIMEOUT)
    qtbot.keyClick(w.cases.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.unlock_dialog is not None, timeout=TIMEOUT)
    assert w.session.locked
    assert w.pages.currentWidget() is w.locked_page
    qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
    unlock = w.unlock_dialog
    qtbot.keyClicks(unlock.passphrase, WORKER_PASS)
    click(qtbot, unlock.unlock_button)
    qtbot.waitUntil(lambda: not w.session.locked, timeout=TIMEOUT)
    assert w.pages.currentWidget() is w.cases
    assert w.cases.search.text() == "svømmetr"
    qtbot.waitUntil(lambda: w.cases.search_idle and w.cases.proxy.rowCount() == 1)

    open_family(qtbot, w, "Familien Berg")
    detail = w.family.data.detail
    assert [m.name for m in detail.members] == ["Anne Berg", "Jonas Berg"]
    assert len(detail.meetings) == 1
    assert "svømmetrening" in detail.meetings[0].family_words
    assert detail.payments[0].voucher_ref == "B-2026-117"
    assert detail.checkins[0].life_satisfaction == 6
