"""The first-run wizard renders the setup flow: location, team lead, passphrase, create,
recovery key, confirm a group, and lands in the main window signed in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from samjournal.setup_flow import Step
from tests.ui.conftest import TIMEOUT


def test_first_run_creates_a_journal_and_opens_it(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    app = make_app()
    app.start()  # no journal remembered: the wizard
    wizard = app.wizard
    assert wizard is not None
    assert wizard.location_page.path.text() == str(tmp_path / "new-journal")
    wizard.next()
    assert wizard.flow.step is Step.TEAM_LEAD
    wizard.team_lead_page.username.setText("bad name")
    wizard.next()
    assert wizard.currentPage() is wizard.team_lead_page
    assert wizard.team_lead_page.errors["brukernavn"].text()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    wizard.next()
    wizard.passphrase_page.passphrase.setText("tre blå båter i havna")
    wizard.passphrase_page.repeat.setText("tre blå båter i havna")
    wizard.next()
    assert wizard.flow.step is Step.CREATE
    wizard.back()
    assert wizard.flow.step is Step.PASSPHRASE  # back steps the flow back too
    wizard.next()
    wizard.next()  # "Create journal"
    qtbot.waitUntil(lambda: wizard.flow.step is Step.RECOVERY_KEY, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=TIMEOUT)
    groups = wizard.flow.recovery_groups
    assert len(groups) == 8
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.key_page.written.setChecked(True)
    wizard.next()
    wanted = groups[wizard.flow.confirm_group_number - 1]
    wizard.confirm_page.group.setText("XXXX")
    wizard.next()
    assert wizard.confirm_page.errors["gruppe"].text()
    wizard.confirm_page.group.setText(wanted.lower())
    wizard.next()
    assert wizard.flow.step is Step.DONE
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: app.window is not None and app.window.cases.loaded, timeout=TIMEOUT)
    assert app.window.session.user.username == "lise"
    assert app.prefs.last_journal == tmp_path / "new-journal"
    assert (tmp_path / "new-journal" / "keyring.json").exists()


def test_the_recovery_sheet_prints_from_memory(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("samjournal.reports")
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing import render_to_printer

    app = make_app()
    wizard = app.run_wizard()
    wizard.location_page.path.setText(str(tmp_path / "j"))
    wizard.next()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    wizard.next()
    wizard.passphrase_page.passphrase.setText("tre blå båter i havna")
    wizard.passphrase_page.repeat.setText("tre blå båter i havna")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=TIMEOUT)
    pdf = wizard.key_page.sheet_pdf()
    assert pdf.startswith(b"%PDF")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render_to_printer(pdf, printer) >= 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_a_passphrase_message_goes_once_the_field_is_changed(
    qtbot: QtBot, make_app, tmp_path: Path
) -> None:
    app = make_app()
    app.start()
    wizard = app.wizard
    assert wizard is not None
    wizard.next()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    wizard.next()
    page = wizard.passphrase_page
    qtbot.keyClicks(page.passphrase, "kort")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.errors["passordfrase"].text()
    qtbot.keyClicks(page.passphrase, " og godt nok nå")
    assert not page.errors["passordfrase"].text()
    assert not page.errors["passordfrase"].isVisible()


def test_a_weak_passphrase_is_refused_with_advice(qtbot: QtBot, make_app, tmp_path: Path) -> None:
    app = make_app()
    app.start()
    wizard = app.wizard
    assert wizard is not None
    wizard.next()
    wizard.team_lead_page.username.setText("lise")
    wizard.team_lead_page.display_name.setText("Lise Leder")
    wizard.next()
    page = wizard.passphrase_page
    for field in (page.passphrase, page.repeat):
        field.setText("aaaaaaaaaa")
    wizard.next()
    assert wizard.currentPage() is page
    assert wizard.flow.step is Step.PASSPHRASE
    message = page.errors["passordfrase"].text()
    assert "for lett å gjette" in message
    assert "vanlige ord" in message
