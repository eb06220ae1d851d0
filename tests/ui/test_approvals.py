"""The team lead's approvals queue: what a decision rests on, and no action without a choice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from samjournal import messages
from samjournal.journal import Journal
from samjournal.model import (
    MeetingKind,
    NeedCategory,
    NeedDraft,
    PaymentDraft,
    PaymentStatus,
    Role,
)
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, wait_closed
from ui import fmt
from ui.approvals import ApprovalsPage
from ui.dialogs.meeting import MeetingDialog
from ui.dialogs.payment import ApproveDialog, ProposePaymentDialog, over_budget_dialog
from ui.dialogs.reason import ConfirmDialog, ReasonDialog
from ui.main_window import MainWindow
from ui.table_model import selected_record
from ui.widgets import shown_windows


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def lead_queue(qtbot: QtBot, make_app, journal_dir: Path, rows: int) -> MainWindow:
    """The team lead's approval queue, shown once it holds `rows` payments."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.show_approvals()
    qtbot.waitUntil(lambda: w.approvals.model.rowCount() == rows, timeout=TIMEOUT)
    return w


def test_an_empty_queue_offers_no_action(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.show_approvals()
    page = w.approvals
    qtbot.waitUntil(page.empty.isVisible, timeout=TIMEOUT)
    for button in (page.approve_button, page.reject_button, page.open_button):
        assert not button.isEnabled()


@pytest.mark.parametrize("waiting", ["nothing", "a caseworker's"])
def test_the_only_team_lead_is_not_told_so_when_none_of_theirs_waits(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, waiting: str
) -> None:
    """The note explains why the lead's own proposals cannot be approved here; over an empty
    queue, or one they can approve all of, it only confused (review)."""
    if waiting == "a caseworker's":
        worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
        worker.payments.propose(template.worker_family, Money.kr(12_500), "Depositum")
        worker.lock()
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    assert w.session.journal.payments.sole_approver()
    w.show_approvals()
    page = w.approvals
    rows = 0 if waiting == "nothing" else 1
    qtbot.waitUntil(
        lambda: page.model.rowCount() == rows and page.empty.isVisibleTo(page) == (rows == 0),
        timeout=TIMEOUT,
    )
    assert not page.sole_note.isVisibleTo(page)


def test_the_only_team_lead_is_told_so_beside_her_own_proposal_only(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Beside a caseworker's payment, which she can approve, the note only confused (review
    s14: it showed whenever one of hers waited anywhere in the queue)."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    own = lead.payments.propose(template.worker_family, Money.kr(12_500), "Depositum")
    lead.lock()
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    theirs = worker.payments.propose(template.worker_family, Money.kr(8_200), "Madrass")
    worker.lock()
    w = lead_queue(qtbot, make_app, journal_dir, rows=2)
    page = w.approvals
    rows = {p.payment.id: i for i, p in enumerate(page.model.rows())}
    assert not page.sole_note.isVisibleTo(page)  # nothing chosen
    page.view.selectRow(rows[theirs.id])
    assert page.approve_button.isEnabled()
    assert not page.sole_note.isVisibleTo(page)
    page.view.selectRow(rows[own.id])
    assert not page.approve_button.isEnabled()
    assert page.sole_note.isVisibleTo(page)


def test_the_queue_shows_need_budget_and_words_and_asks_before_approving(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    fid = template.worker_family
    worker.payments.approve(worker.payments.propose(fid, Money.kr(1_000), "Skotøy").id)
    recorded = worker.meetings.record(
        fid,
        dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.UTC),
        MeetingKind.HOME_VISIT,
        family_words="Vi trenger et sted å bo før jul.",
        needs=[NeedDraft("Fast bolig", NeedCategory.HOUSING)],
        payments=[PaymentDraft(Money.kr(12_000), "Depositum leilighet", draft_need=0)],
    )
    left = worker.families.budget(fid).remaining
    worker.lock()

    w = lead_queue(qtbot, make_app, journal_dir, rows=1)
    page = w.approvals
    assert not page.approve_button.isEnabled()  # nothing chosen yet
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    row = {h: page.model.text(0, c) for c, h in enumerate(headers)}
    assert row["Til behov"] == "Fast bolig (Bolig)"
    assert row["Igjen av budsjett"] == left.format()
    page.view.selectRow(0)
    assert page.approve_button.isEnabled()
    assert page.open_button.isEnabled()
    assert page.words_label.text() == "Vi trenger et sted å bo før jul."

    # Approving asks first; saying no leaves it waiting.
    click(qtbot, page.approve_button)
    confirm = find_window(qtbot, ApproveDialog)
    assert confirm.save_button.isDefault()  # an ordinary approval: Enter approves
    assert "Familien Ødegård" in confirm.intro.text()
    assert left.format() in confirm.intro.text()
    click(qtbot, confirm.cancel_button)
    wait_closed(qtbot, confirm)
    assert page.model.rowCount() == 1
    click(qtbot, page.approve_button)
    confirm = find_window(qtbot, ApproveDialog)
    click(qtbot, confirm.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT)
    assert not page.approve_button.isEnabled()
    payment = w.session.journal.payments.get(recorded.payment_ids[0])
    assert payment.status is PaymentStatus.APPROVED


def test_enter_on_the_over_budget_question_does_not_approve(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Its default is Cancel: Enter, Enter (Approve, then this) approved over budget unread
    (review s10)."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    payment = worker.payments.propose(template.worker_family, Money.kr(800), "Skotøy").id
    worker.lock()
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    question = over_budget_dialog(w.session, payment, w)
    question.open()
    qtbot.waitExposed(question)
    assert question.cancel_button.isDefault()
    assert not question.save_button.isDefault()
    question.save_button.setFocus()  # where the focus lands with no field to start in
    qtbot.keyClick(question.save_button, Qt.Key.Key_Return)
    wait_closed(qtbot, question)
    assert w.session.journal.payments.get(payment).status is PaymentStatus.PROPOSED


def test_a_team_lead_s_own_big_proposal_cannot_be_approved_and_says_why(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """The button was enabled and only refused on clicking (review s10 #4); alone, the team
    lead is told a second one is needed, where payments are proposed and approved."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    own = lead.payments.propose(template.worker_family, Money.kr(12_500), "Depositum")
    lead.lock()
    w = lead_queue(qtbot, make_app, journal_dir, rows=1)
    page = w.approvals
    page.view.selectRow(0)
    assert page.sole_note.isVisibleTo(page)
    assert "teamleder til" in page.sole_note.text()
    assert not page.approve_button.isEnabled()
    assert "en annen teamleder" in page.approve_button.toolTip()
    assert page.reject_button.isEnabled()

    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(3)
    tab = w.family.payments
    tab.select_payment(own.id)
    assert not tab.approve_button.isEnabled()
    tip = tab.approve_button.toolTip()
    assert "en annen teamleder" in tip
    assert "Leder ▸ Brukere" in tip
    row = next(i for i, p in enumerate(tab.model.rows()) if p.id == own.id)
    assert "krever en teamleder til" in tab.model.text(row, 5)
    tab.propose()
    dialog = find_window(qtbot, ProposePaymentDialog)
    assert "Leder ▸ Brukere" in dialog.hint.text()
    limit = {"limit": w.session.settings.approval_limit.format()}
    sole = messages.text("sole_approver", {}, "nb")  # one wording, wherever it is said
    assert "over godkjenningsgrensen" in sole  # the limit as settings name it ("over grensen")
    assert page.sole_note.text() == sole
    assert tip.endswith(f": {messages.text('own_approval', {}, 'nb')} {sole}")
    assert dialog.hint.text() == f"{messages.text('over_approval_limit', limit, 'nb')} {sole}"


def test_with_a_second_team_lead_nothing_is_said_and_theirs_can_be_approved(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.add_user("tone", "Tone Teamleder", Role.TEAMLEAD, "tone passordfrase 1")
    lead.lock()
    tone = Journal.open(journal_dir, "tone", "tone passordfrase 1")
    theirs = tone.payments.propose(template.worker_family, Money.kr(12_500), "Depositum")
    tone.lock()
    w = lead_queue(qtbot, make_app, journal_dir, rows=1)
    page = w.approvals
    assert not page.sole_note.isVisibleTo(page)
    page.view.selectRow(0)
    assert page.approve_button.isEnabled()
    assert page.approve_button.toolTip() == ""
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(3)
    tab = w.family.payments
    tab.select_payment(theirs.id)
    assert tab.approve_button.isEnabled()
    tab.propose()
    dialog = find_window(qtbot, ProposePaymentDialog)
    assert "Leder ▸ Brukere" not in dialog.hint.text()


@pytest.mark.parametrize("way", ["button", "esc", "menu"])
def test_the_queue_has_a_way_back_to_the_case_list(
    qtbot: QtBot, make_app, journal_dir: Path, way: str
) -> None:
    """Only Ctrl+1 left it: no back button, Esc did nothing and View ▸ Back was greyed out
    (review s10 #15); now it is left as the family page is."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    back = w.actions_by_name["back"]
    assert not back.isEnabled()  # on the case list there is nowhere back to
    w.show_approvals()
    page = w.approvals
    assert back.isEnabled()
    assert page.back_button.text() == "← &Saksliste"
    if way == "button":
        click(qtbot, page.back_button)
    elif way == "esc":
        qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    else:
        back.trigger()
    assert w.pages.currentWidget() is w.cases


def test_esc_on_the_family_page_goes_back_to_the_case_list(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    open_family(qtbot, w, "Familien Ødegård")
    qtbot.keyClick(w.family.tabs, Qt.Key.Key_Escape)
    assert w.pages.currentWidget() is w.cases


def test_the_meeting_dialog_tells_the_only_team_lead_a_second_one_is_needed(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """Payments are proposed in a meeting too (review s10 #4)."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.actions_by_name["record_meeting"].trigger()
    dialog = find_window(qtbot, MeetingDialog)
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Leder ▸ Brukere" in text for text in notes)


def test_each_decision_says_which_payment_it_was_about(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Approve one, choose another, reject it: "Godkjent." stayed over the rejection, which said
    nothing, so the rejected payment looked approved (review s14 #1)."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    fid = template.worker_family
    worker.payments.propose(fid, Money.kr(12_000), "Depositum leilighet")
    worker.payments.propose(fid, Money.kr(6_000), "Sommerleir")
    worker.lock()
    w = lead_queue(qtbot, make_app, journal_dir, rows=2)
    page = w.approvals
    deposit = next(i for i, a in enumerate(page.model.rows()) if a.payment.purpose[0] == "D")
    page.view.selectRow(deposit)
    click(qtbot, page.approve_button)
    click(qtbot, find_window(qtbot, ApproveDialog).save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    amount = fmt.money(Money.kr(12_000))
    approved = f"Godkjent: {amount} til Familien Ødegård for «Depositum leilighet»."
    assert page.message.text() == approved

    page.view.selectRow(0)
    click(qtbot, page.reject_button)
    dialog = find_window(qtbot, ReasonDialog)
    assert page.message.text() == ""  # nothing said over the decision being made
    dialog.reason.setText("Dekkes av NAV")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT)
    amount = fmt.money(Money.kr(6_000))
    assert page.message.text() == f"Avslått: {amount} til Familien Ødegård for «Sommerleir»."


def test_an_approval_over_budget_says_so_too(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Past the budget frame the over-budget question makes the approval; it said nothing."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    frame = worker.families.budget(template.worker_family).remaining
    worker.payments.propose(template.worker_family, frame + Money.kr(1_000), "Bolig")
    worker.lock()
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    w.show_approvals()
    page = w.approvals
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    page.view.selectRow(0)
    click(qtbot, page.approve_button)
    click(qtbot, find_window(qtbot, ApproveDialog).save_button)
    qtbot.waitUntil(lambda: type(find_window(qtbot, ConfirmDialog)) is ConfirmDialog)
    click(qtbot, find_window(qtbot, ConfirmDialog).save_button)  # "Approve over budget"
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT)
    amount = fmt.money(frame + Money.kr(1_000))
    assert page.message.text() == f"Approved: {amount} to Familien Ødegård for “Bolig”."


def queue_of_three(qtbot: QtBot, make_app, journal_dir: Path, template: Template) -> MainWindow:
    """A shown, active window on the approvals queue, three caseworker's payments waiting."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    for amount, purpose in ((12_000, "Depositum"), (8_200, "Madrass"), (6_000, "Sommerleir")):
        worker.payments.propose(template.worker_family, Money.kr(amount), purpose)
    worker.lock()
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.show()
    back_in(qtbot, w)
    w.show_approvals()
    qtbot.waitUntil(lambda: w.approvals.model.rowCount() == 3, timeout=TIMEOUT)
    return w


def back_in(qtbot: QtBot, w: MainWindow) -> None:
    """The window made active, as a window manager does when it opens or its dialog closes
    (offscreen, a closed dialog leaves no window active)."""
    with qtbot.waitActive(w, timeout=TIMEOUT):
        w.activateWindow()


def purposes(page: ApprovalsPage) -> list[str]:
    return [item.payment.purpose for item in page.model.rows()]


def chosen_purpose(page: ApprovalsPage) -> str | None:
    item = selected_record(page.view)
    return item.payment.purpose if item is not None else None


def test_a_decision_s_message_leaves_the_rows_where_they_were(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Shown above the table it pushed the rows down ~43 px, so the next click at the same spot
    hit another payment (review s14)."""
    w = queue_of_three(qtbot, make_app, journal_dir, template)
    page = w.approvals
    page.layout().activate()
    top = page.view.mapTo(w, QPoint(0, 0))
    page.view.selectRow(1)
    click(qtbot, page.approve_button)
    click(qtbot, find_window(qtbot, ApproveDialog).save_button)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=TIMEOUT)
    page.layout().activate()
    assert page.view.mapTo(w, QPoint(0, 0)) == top


@pytest.mark.parametrize(
    ("decision", "decided", "then_chosen"),
    [("approve", 0, 1), ("approve", 1, 2), ("reject", 2, 1)],
)
def test_after_a_decision_the_next_row_is_chosen_with_the_focus_in_the_table(
    qtbot: QtBot,
    make_app,
    journal_dir: Path,
    template: Template,
    decision: str,
    decided: int,
    then_chosen: int,
) -> None:
    """Nothing was chosen after a decision, and the focus stayed on the button: the queue could
    not be worked from the keyboard (review s14). The one before is chosen after the last."""
    w = queue_of_three(qtbot, make_app, journal_dir, template)
    page = w.approvals
    expected = purposes(page)[then_chosen]
    page.view.selectRow(decided)
    if decision == "approve":
        click(qtbot, page.approve_button)
        click(qtbot, find_window(qtbot, ApproveDialog).save_button)
    else:
        click(qtbot, page.reject_button)
        dialog = find_window(qtbot, ReasonDialog)
        dialog.reason.setText("Dekkes av NAV")
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: chosen_purpose(page) == expected, timeout=TIMEOUT)
    back_in(qtbot, w)
    assert page.view.hasFocus()
    assert page.view.currentIndex().row() == purposes(page).index(expected)
    assert page.approve_button.isEnabled()


@pytest.mark.parametrize("how", ["Return", "Enter", "double-click"])
def test_enter_or_a_double_click_on_a_row_asks_to_approve_it(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, how: str
) -> None:
    """Enter did nothing, and a double-click opened the family (review s14)."""
    w = queue_of_three(qtbot, make_app, journal_dir, template)
    page = w.approvals
    page.view.selectRow(1)
    page.view.setFocus()
    if how == "double-click":
        spot = page.view.visualRect(page.model.index(1, 1)).center()
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    else:
        qtbot.keyClick(page.view, getattr(Qt.Key, f"Key_{how}"))
    dialog = find_window(qtbot, ApproveDialog)
    assert f"«{purposes(page)[1]}»" in dialog.intro.text()
    assert w.pages.currentWidget() is page


def test_the_queue_is_worked_from_the_keyboard(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Enter, Enter (approve), Enter, Enter: two payments approved, in the order listed."""
    w = queue_of_three(qtbot, make_app, journal_dir, template)
    page = w.approvals
    first, second, last = page.model.rows()
    page.view.selectRow(0)
    page.view.setFocus()
    for left in (2, 1):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
        dialog = find_window(qtbot, ApproveDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        wait_closed(qtbot, dialog)
        qtbot.waitUntil(
            lambda left=left: page.model.rowCount() == left and chosen_purpose(page) is not None,
            timeout=TIMEOUT,
        )
        back_in(qtbot, w)
        assert page.view.hasFocus()
    status = w.session.journal.payments.get
    assert status(first.payment.id).status is PaymentStatus.APPROVED
    assert status(second.payment.id).status is PaymentStatus.APPROVED
    assert status(last.payment.id).status is PaymentStatus.PROPOSED
    assert chosen_purpose(page) == last.payment.purpose


def test_enter_on_her_own_proposal_says_why_it_cannot_be_approved(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """Its Approve button is greyed out; Enter on the row says why rather than asking."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.payments.propose(template.worker_family, Money.kr(12_500), "Depositum")
    lead.lock()
    w = lead_queue(qtbot, make_app, journal_dir, rows=1)
    page = w.approvals
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.message.text() == page.approve_button.toolTip()
    assert "en annen teamleder" in page.message.text()
    assert not [d for d in shown_windows() if isinstance(d, ApproveDialog)]
