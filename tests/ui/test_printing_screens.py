"""Grab the print preview, the print options and the batch dialog in both languages to PNG
(test-artifacts/screens/, not committed), so a person can look at them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import LEAD, LEAD_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family
from tests.ui.test_screens import fill, grab
from ui.printouts.batch import BatchPrintDialog
from ui.printouts.options import CaseSummaryDialog
from ui.printouts.preview import PreviewDialog


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_grab_preview_and_batch(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, tmp_path: Path, lang: str
) -> None:
    fill(journal_dir, template)
    w = open_as(qtbot, make_app(lang), journal_dir, LEAD, LEAD_PASS)
    w.resize(1366, 768)
    open_family(qtbot, w, "Familien Ødegård")
    grab(w, lang, "20-family-print-buttons")
    w.actions_by_name["case_summary"].trigger()
    options = find_window(qtbot, CaseSummaryDialog)
    grab(options, lang, "21-case-summary-options")
    qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    preview = find_window(qtbot, PreviewDialog)
    preview.resize(900, 740)
    qtbot.wait(600)  # QPdfView renders the pages in the background
    grab(preview, lang, "22-print-preview")
    preview.close()

    w.show_tab(6)
    qtbot.waitUntil(lambda: w.family.history.versions.rowCount() > 3, timeout=TIMEOUT)
    history = w.family.history
    row = next(i for i, v in enumerate(history.versions.rows()) if v.entity == "payment")
    history.versions_view.selectRow(row)
    grab(w, lang, "23-history-versions")

    w.show_cases()
    w.cases.status.setCurrentIndex(4)
    qtbot.waitUntil(lambda: w.cases.proxy.rowCount() == 2, timeout=TIMEOUT)
    w.cases.table.selectAll()
    w.actions_by_name["batch_print"].trigger()
    dialog = find_window(qtbot, BatchPrintDialog)
    grab(dialog, lang, "24-batch-options")
    out = tmp_path / "out"
    out.mkdir()
    dialog.set_folder(out)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=TIMEOUT)
    grab(dialog, lang, "25-batch-done")
    dialog.close()
