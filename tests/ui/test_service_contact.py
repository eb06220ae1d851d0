"""Contact details for families: set on the first-run wizard's last page and by the team lead in
their own dialog (the service, and each staff member's work phone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from samjournal.flows.setup import Step
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import TIMEOUT, find_window, open_as, wait_closed
from ui.dialogs.service_contact import ServiceContactDialog, phone_field

PASS = "tre blå båter i havna"


def to_last_page(qtbot: QtBot, app) -> QWizard:
    app.start()  # no journal remembered: the wizard
    wizard = app.wizard
    wizard.next()
    wizard.next()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    wizard.next()
    wizard.passphrase_page.passphrase.setText(PASS)
    wizard.passphrase_page.repeat.setText(PASS)
    wizard.next()
    wizard.next()  # "Create journal"
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=TIMEOUT)
    groups = wizard.flow.recovery_groups
    wizard.key_page.written.setChecked(True)
    wizard.next()
    wizard.confirm_page.group.setText(groups[wizard.flow.confirm_group_number - 1])
    wizard.next()
    assert wizard.flow.step is Step.DONE
    assert wizard.currentPage() is wizard.done_page
    # No way back to a step the flow has left (it would fail there).
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    return wizard


def settle(qtbot: QtBot, app) -> None:
    """The new window's first reads (settings, approvals) done before the app is stopped."""
    worker = app.window.session.worker
    qtbot.waitUntil(lambda: not worker.busy, timeout=TIMEOUT)
    qtbot.wait(200)
    qtbot.waitUntil(lambda: not worker.busy, timeout=TIMEOUT)


def test_the_wizard_takes_the_services_details(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    app = make_app()
    wizard = to_last_page(qtbot, app)
    page = wizard.done_page
    page.service_name.setText("Familiekoordinatorene")
    page.email.setText("ikke en adresse")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.currentPage() is page  # refused beside the field, nothing saved
    assert page.errors["email"].text()
    page.email.setText("post@kommune.no")
    page.phone.setText("72 54 00 00")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    # The window reads the settings on the worker, after it opens.
    qtbot.waitUntil(lambda: not app.window.session.settings.service.empty, timeout=TIMEOUT)
    service = app.window.session.settings.service
    assert (service.name, service.email, service.phone) == (
        "Familiekoordinatorene",
        "post@kommune.no",
        "72 54 00 00",
    )
    assert service.address == ""
    settle(qtbot, app)


def test_the_wizard_finishes_with_nothing_typed(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    app = make_app()
    wizard = to_last_page(qtbot, app)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    settle(qtbot, app)
    assert app.window.session.settings.service.empty


def test_the_team_lead_sets_the_details_and_work_phones(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.actions_by_name["service_contact"].trigger()
    dialog = find_window(qtbot, ServiceContactDialog)
    qtbot.waitUntil(lambda: WORKER in dialog.phones, timeout=TIMEOUT)
    qtbot.keyClicks(dialog.name, "Familiekoordinatorene")
    dialog.hours.setText("Mandag–fredag 08.00–15.30")  # keyClicks is ASCII only
    qtbot.keyClicks(dialog.phones[WORKER], "ring meg")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: phone_field(WORKER) in dialog.field_errors(), timeout=TIMEOUT)
    assert dialog.isVisible()
    dialog.phones[WORKER].setText("415 55 123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(
        lambda: w.session.settings.service.name == "Familiekoordinatorene", timeout=TIMEOUT
    )
    assert w.session.settings.service.hours == "Mandag–fredag 08.00–15.30"
    w.session.lock()
    qtbot.waitUntil(lambda: w.session.journal is None or w.session.journal.locked, timeout=TIMEOUT)
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    try:
        assert worker.user.work_phone == "415 55 123"
    finally:
        worker.lock()


def test_a_caseworker_has_no_such_menu(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    assert "service_contact" not in w.actions_by_name


def test_a_refused_e_mail_keeps_the_last_page_and_what_was_typed(
    qtbot: QtBot, make_app, tmp_path: Path
) -> None:
    """Finish with an e-mail the journal refuses: the page says so and stays, nothing starts;
    the program used to start and the contact details were lost (review s10)."""
    app = make_app()
    wizard = to_last_page(qtbot, app)
    page = wizard.done_page
    page.service_name.setText("Familiekoordinatorene")
    page.phone.setText("73 83 00 00")
    page.email.setText("ikke-en-epost")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.wait(300)  # the program starts on the worker's answer, when it starts
    assert page.errors["email"].text()
    assert wizard.isVisible()
    assert app.window is None
    page.email.setText("post@kommune.no")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    service = app.window.session.journal.settings().service
    assert (service.name, service.phone, service.email) == (
        "Familiekoordinatorene",
        "73 83 00 00",
        "post@kommune.no",
    )
    settle(qtbot, app)


def test_every_work_phone_shows_without_scrolling(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """The dialog kept the height it had before the staff's rows came, so the last work phone
    was cut off at the bottom (review s10 #21)."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.actions_by_name["service_contact"].trigger()
    dialog = find_window(qtbot, ServiceContactDialog)
    qtbot.waitUntil(lambda: len(dialog.phones) == 3, timeout=TIMEOUT)
    qtbot.waitExposed(dialog)
    last = list(dialog.phones.values())[-1]
    viewport = dialog.scroll_body.viewport()
    qtbot.waitUntil(
        lambda: last.mapTo(viewport, last.rect().bottomLeft()).y() < viewport.height(),
        timeout=TIMEOUT,
    )
    assert dialog.scroll_body.verticalScrollBar().maximum() == 0
