"""The end of a case in the client: the team lead purges cases whose retention ran out and erases
a family on request (each with a reason and an explicit "cannot be undone"), and prints the
family's access log through the preview. Caseworkers see none of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import FamilyStatus
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, wait_closed
from ui.lifecycle import DeleteForGoodDialog, PurgeListDialog
from ui.printouts.access_log import AccessLogDialog
from ui.printouts.preview import PreviewDialog
from ui.printouts.printout import ACCESS_LOG


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _close_long_ago(journal_dir: Path, template: Template) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    family = lead.families.create("Familien Gammel", opened_on=dt.date(2010, 1, 4))
    lead.families.set_status(family.id, FamilyStatus.CLOSED, closed_on=dt.date(2012, 6, 1))
    lead.lock()


def _texts(dialog: DeleteForGoodDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def _confirm(qtbot: QtBot, dialog: DeleteForGoodDialog, reason: str) -> None:
    dialog.reason.clear()
    qtbot.keyClicks(dialog.reason, reason)
    assert not dialog.save_button.isEnabled()  # not before "I understand"
    dialog.understood.setChecked(True)
    assert dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    wait_closed(qtbot, dialog)


def test_team_lead_purges_a_case_whose_retention_ran_out(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    _close_long_ago(journal_dir, template)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    names = {w.cases.model.row_at(i).display_name for i in range(w.cases.model.total)}
    assert "Familien Gammel" in names
    w.actions_by_name["purge_list"].trigger()
    listing = find_window(qtbot, PurgeListDialog)
    qtbot.waitUntil(lambda: listing.loaded, timeout=TIMEOUT)
    assert [c.display_name for c in listing.model.rows()] == ["Familien Gammel"]
    assert listing.view.accessibleName() == "Saker som skal slettes"
    click(qtbot, listing.purge_button)
    confirm = find_window(qtbot, DeleteForGoodDialog)
    assert "kan ikke angres" in _texts(confirm)
    assert "&Begrunnelse:" in _texts(confirm)  # the base dialog's words, translated too
    assert confirm.reason.text() == "Oppbevaringstiden er ute"
    assert confirm.cancel_button.isDefault()
    _confirm(qtbot, confirm, "Oppbevaringstiden er ute")
    qtbot.waitUntil(lambda: listing.model.rowCount() == 0, timeout=TIMEOUT)
    assert listing.empty.isVisible()
    qtbot.waitUntil(
        lambda: (
            "Familien Gammel"
            not in {w.cases.model.row_at(i).display_name for i in range(w.cases.model.total)}
        ),
        timeout=TIMEOUT,
    )


def test_a_reason_naming_the_family_is_refused_in_the_dialog(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Hassan")
    w.actions_by_name["erase_family"].trigger()
    dialog = find_window(qtbot, DeleteForGoodDialog)
    dialog.reason.clear()
    qtbot.keyClicks(dialog.reason, "Hassan asked us to")
    dialog.understood.setChecked(True)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: bool(dialog.field_errors().get("reason")), timeout=TIMEOUT)
    assert "must not contain names" in dialog.field_errors()["reason"]
    assert dialog.isVisible()


def test_team_lead_erases_a_family_on_request(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.actions_by_name["erase_family"].trigger()
    dialog = find_window(qtbot, DeleteForGoodDialog)
    assert "kan ikke angres" in _texts(dialog)
    _confirm(qtbot, dialog, "Krav om sletting mottatt")
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.cases, timeout=TIMEOUT)
    assert "slettet for godt" in w.banner._text.text()
    qtbot.waitUntil(
        lambda: (
            "Familien Ødegård"
            not in {w.cases.model.row_at(i).display_name for i in range(w.cases.model.total)}
        ),
        timeout=TIMEOUT,
    )


def test_team_lead_prints_the_access_log_through_the_preview(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    assert w.family.access_button.isVisible()
    w.actions_by_name["access_log"].trigger()
    options = find_window(qtbot, AccessLogDialog)
    click(qtbot, options.save_button)
    preview = find_window(qtbot, PreviewDialog)
    assert preview.printout.kind == ACCESS_LOG
    assert preview.printout.file_name.startswith("innsynslogg-")
    assert "Familien" not in preview.printout.file_name
    assert preview.printout.pdf.startswith(b"%PDF-")
    preview.close()


def test_caseworkers_get_none_of_it(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    for name in ("purge_list", "access_log", "erase_family"):
        assert name not in w.actions_by_name
    open_family(qtbot, w, "Familien Ødegård")
    assert not w.family.access_button.isVisible()
    assert w.family.erase_family() is None
    assert w.purge_list() is None
