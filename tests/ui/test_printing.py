"""Printing in the client: options -> PDF built on the worker -> an in-app preview of the very
same bytes -> the printer or an explicit, audited "Save as PDF"; batch printing with cancel; no
plaintext temp file on the way."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import FamilyId, MeetingKind
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family, wait_closed
from ui import printing
from ui.family.history_format import event_detail
from ui.main_window import MainWindow
from ui.printing import render_to_printer
from ui.printouts import ask, batch_run, printout
from ui.printouts.batch import BatchPrintDialog
from ui.printouts.options import CaseSummaryDialog, FamilyCopyDialog, PortfolioDialog
from ui.printouts.preview import PreviewDialog

NOTE = "Vi snakket lenge om hverdagen, skolen, økonomien og hva familien selv ønsker. " * 6


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_meetings(journal_dir: Path, family: FamilyId, count: int) -> None:
    """Enough meetings that the case summary runs over several pages."""
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    start = dt.datetime(2026, 1, 5, 10, 0).astimezone()  # before the case was opened
    for i in range(count):
        kari.meetings.record(
            family,
            start + dt.timedelta(days=7 * i),
            MeetingKind.HOME_VISIT,
            place="Hjemme",
            family_words=NOTE,
            agreed=f"Avtale nummer {i + 1}: {NOTE[:120]}",
        )
    kari.lock()


def preview_summary(qtbot: QtBot, w: MainWindow, since: dt.date | None = None) -> PreviewDialog:
    w.actions_by_name["case_summary"].trigger()
    options = find_window(qtbot, CaseSummaryDialog)
    if since is not None:
        options.period.dates.start.setDate(since)
    click(qtbot, options.save_button)
    return find_window(qtbot, PreviewDialog)


def audit_details(journal_dir: Path, family: FamilyId) -> list[tuple[str, str]]:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        return [(e.action, e.detail) for e in lead.audit_events(family)]
    finally:
        lead.lock()


def test_preview_shows_every_page_of_the_case_summary(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    add_meetings(journal_dir, template.worker_family, 14)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    preview = preview_summary(qtbot, w, since=dt.date(2026, 1, 1))
    pages = len(PdfReader(io.BytesIO(preview.printout.pdf)).pages)
    assert pages >= 2
    assert preview.page_count == pages
    assert preview.pages_label.text() == f"Side 1 av {pages}"
    assert preview.view.pdf_view is not None  # QtPdfWidgets is in the PySide6_Pdf wheel
    assert "Ødegård" not in preview.windowTitle()  # window titles carry the case number only
    preview.close()
    wait_closed(qtbot, preview)


def test_save_as_pdf_writes_exactly_the_chosen_file_and_audits_it(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "chosen"
    out.mkdir()
    suggested: list[Path] = []

    def answer(_parent: object, suggestion: Path) -> Path:
        suggested.append(suggestion)
        return out / "til-arkivet"  # without .pdf: the suffix is added

    monkeypatch.setattr(ask, "ask_save_path", answer)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    case_number = w.family.data.detail.family.case_number
    preview = preview_summary(qtbot, w)
    preview.save_action.trigger()
    qtbot.waitUntil(lambda: not preview.busy and bool(preview.message.text()), timeout=TIMEOUT)
    assert sorted(p.name for p in out.iterdir()) == ["til-arkivet.pdf"]
    assert (out / "til-arkivet.pdf").read_bytes() == preview.printout.pdf
    assert suggested[0].name == f"saksoppsummering-{case_number}.pdf"
    assert "Ødegård" not in str(suggested[0])
    events = audit_details(journal_dir, template.worker_family)
    assert ("export", "case_summary saved as pdf") in events
    assert ("view", "case_summary") in events  # the builder audits that it was made
    assert "print" not in [action for action, _ in events]  # saved, not printed


def test_a_preview_closed_unprinted_is_a_view_not_a_print(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """The access log must be true: a preview leaves no trace of a paper copy."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    preview = preview_summary(qtbot, w)
    preview.close()
    wait_closed(qtbot, preview)
    events = audit_details(journal_dir, template.worker_family)
    assert ("view", "case_summary") in events
    assert not [e for e in events if e[0] in ("print", "export")]
    w.show_tab(6)  # the family's Historikk: what it shows of the preview
    tab = w.family.history
    qtbot.waitUntil(lambda: tab.events.rowCount() > 0, timeout=TIMEOUT)
    lines = [(tab.events.text(r, 2), tab.events.text(r, 4)) for r in range(tab.events.rowCount())]
    assert ("Åpnet", "Saksoppsummering") in lines
    assert not [line for line in lines if line[0] in ("Skrev ut", "Lagret til fil")]


def test_printing_after_the_preview_is_audited_as_a_print(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "printer-output.pdf"

    def printer(_parent: object, doc_name: str, pages: int, chosen) -> None:  # type: ignore[no-untyped-def]
        assert "Ødegård" not in doc_name
        assert pages >= 1
        device = QPrinter()
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(target))
        chosen(device)

    monkeypatch.setattr(ask, "ask_printer", printer)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.actions_by_name["family_copy"].trigger()
    options = find_window(qtbot, FamilyCopyDialog)
    click(qtbot, options.save_button)
    preview = find_window(qtbot, PreviewDialog)
    preview.print_action.trigger()
    qtbot.waitUntil(lambda: not preview.busy and "side" in preview.message.text(), timeout=TIMEOUT)
    assert len(PdfReader(target).pages) == preview.page_count
    events = audit_details(journal_dir, template.worker_family)
    assert ("view", "family_copy") in events  # made (the preview)
    assert ("print", "family_copy printed to file") in events  # and sent to the (file) printer


def test_a_caseworker_gets_no_case_summary_or_portfolio(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    for name in ("case_summary", "portfolio", "batch_print"):
        assert name not in w.actions_by_name
    assert "family_copy" in w.actions_by_name  # the family's own copy is everyone's job
    assert not w.cases.print_button.isVisible()
    open_family(qtbot, w, "Familien Ødegård")
    assert not w.family.summary_button.isVisible()
    assert w.family.copy_button.isVisible()
    # Asked for anyway (say, by a stale shortcut), the core refuses and the dialog says why.
    w.family.case_summary()
    options = find_window(qtbot, CaseSummaryDialog)
    click(qtbot, options.save_button)
    qtbot.waitUntil(lambda: bool(options.message.text()), timeout=TIMEOUT)
    assert "teamleder" in options.message.text()
    options.close()


def test_portfolio_report_previews(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    w.actions_by_name["portfolio"].trigger()
    options = find_window(qtbot, PortfolioDialog)
    options.period.end.setDate(options.period.start.date().addDays(-1))
    click(qtbot, options.save_button)
    qtbot.waitUntil(lambda: bool(options.field_errors()), timeout=TIMEOUT)  # ends before start
    options.period.end.setDate(options.period.start.date().addMonths(6))
    click(qtbot, options.save_button)
    preview = find_window(qtbot, PreviewDialog)
    assert preview.page_count >= 1
    assert preview.printout.file_name.startswith("portefolje-")
    preview.close()


def select_all(qtbot: QtBot, w: MainWindow, count: int) -> None:
    w.cases.status.setCurrentIndex(4)  # all statuses
    qtbot.waitUntil(lambda: w.cases.proxy.rowCount() == count, timeout=TIMEOUT)
    w.cases.table.selectAll()
    assert len(w.cases.selected_families()) == count


def test_the_hint_to_select_families_first_goes_once_they_are_selected(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """Ctrl+Shift+B with nothing selected says what to do first; the hint stayed through the
    print dialogs and on family pages until the window locked (team-lead review)."""
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    w.actions_by_name["batch_print"].trigger()
    assert w.banner.text().startswith("Select the families in the case list first")
    select_all(qtbot, w, 2)
    assert w.banner.text() == ""
    w.actions_by_name["batch_print"].trigger()  # followed: the dialog, no hint
    dialog = find_window(qtbot, BatchPrintDialog)
    assert w.banner.text() == ""
    dialog.reject()
    w.cases.table.clearSelection()
    w.actions_by_name["batch_print"].trigger()
    assert w.banner.text()
    open_family(qtbot, w, "Familien Ødegård")  # another page: the hint is not about it
    assert w.banner.text() == ""


def test_the_batch_dialog_names_one_family_without_a_count(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    """ "den 1 valgte familien" read oddly (review s14): one family is "den valgte familien"."""
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    select_all(qtbot, w, 2)
    rows = w.cases.selected_families()
    one = BatchPrintDialog(w.session, rows[:1], w)
    assert one.intro.text().startswith("En saksoppsummering for den valgte familien:\n")
    both = BatchPrintDialog(w.session, rows, w)
    assert both.intro.text().startswith("En saksoppsummering for hver av de 2 valgte familiene:")


def test_batch_into_a_folder_stops_after_the_first_and_leaves_no_partial_file(
    qtbot: QtBot, make_app, journal_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    third = lead.families.create("Familien Nguyễn", owner_id=lead.user.id, district="Heimdal")
    lead.lock()
    built: list[FamilyId] = []
    real = batch_run.build_summary

    def counting(journal: Journal, fid: FamilyId, **options: object) -> bytes:
        built.append(fid)
        return real(journal, fid, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_run, "build_summary", counting)
    out = tmp_path / "summaries"
    out.mkdir()
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    select_all(qtbot, w, 3)
    assert w.cases.print_button.isEnabled()
    w.actions_by_name["batch_print"].trigger()
    dialog = find_window(qtbot, BatchPrintDialog)
    dialog.set_folder(out)
    assert dialog.start_button.text() == "&Lagre"
    # The user presses Stop as soon as the first summary is done.
    dialog.progress.valueChanged.connect(
        lambda value: value == 1 and click(qtbot, dialog.cancel_button)
    )
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=TIMEOUT)
    result = dialog.outcome
    assert result.cancelled
    assert len(result.done) == 1
    assert not result.failed
    files = sorted(p.name for p in out.iterdir())  # hidden .partial files would show here too
    first = w.cases.selected_families()[0]
    assert files == [f"saksoppsummering-{first.case_number}.pdf"]
    assert len(built) == 1
    assert "Stoppet" in dialog.status.text()
    assert dialog.cancel_button.text() == "&Lukk"
    events = audit_details(journal_dir, first.id)
    assert ("view", "case_summary") in events
    assert ("export", "case_summary saved as pdf") in events
    assert not [e for e in audit_details(journal_dir, third.id) if e[1].startswith("case_summ")]


def test_batch_to_a_printer_prints_every_family(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "batch-printer.pdf"

    def printer(_parent: object, _name: str, pages: int, chosen) -> None:  # type: ignore[no-untyped-def]
        assert pages == 0  # a batch: no page range
        device = QPrinter()
        device.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        device.setOutputFileName(str(target))
        chosen(device)

    monkeypatch.setattr(ask, "ask_printer", printer)
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    select_all(qtbot, w, 2)
    click(qtbot, w.cases.print_button)
    dialog = find_window(qtbot, BatchPrintDialog)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=TIMEOUT)
    assert dialog.outcome.finished_all
    assert dialog.outcome.saved == []
    assert target.exists()  # each family is its own job; the file holds the last one
    for fid in (template.worker_family, template.other_family):
        assert ("print", "case_summary printed to file") in audit_details(journal_dir, fid)


def test_no_plaintext_temp_file_while_previewing_printing_and_saving(
    qtbot: QtBot, make_app, journal_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    spy = tmp_path / "tmpdir"
    spy.mkdir()
    monkeypatch.setenv("TMPDIR", str(spy))
    monkeypatch.setenv("TEMP", str(spy))
    monkeypatch.setenv("TMP", str(spy))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read from the environment
    assert Path(tempfile.gettempdir()) == spy
    assert Path(QDir.tempPath()) == spy
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    preview = preview_summary(qtbot, w)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(chosen / "printed.pdf"))  # the user's choice of output
    preview.print_to(printer)
    qtbot.waitUntil(lambda: not preview.busy, timeout=TIMEOUT)
    preview.save_to(chosen / "saved.pdf")
    qtbot.waitUntil(lambda: not preview.busy, timeout=TIMEOUT)
    preview.close()
    assert sorted(p.name for p in chosen.iterdir()) == ["printed.pdf", "saved.pdf"]
    assert [str(p) for p in spy.rglob("*")] == []
    assert os.environ["TMPDIR"] == str(spy)


def test_the_page_loop_honours_the_page_range(tmp_path: Path, journal_dir: Path) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        from samjournal.reports import portfolio

        pdf = portfolio(lead, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
    finally:
        lead.lock()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert render_to_printer(pdf, printer) == pages
    printer.setOutputFileName(str(tmp_path / "one.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 1)
    assert render_to_printer(pdf, printer) == 1
    assert len(PdfReader(tmp_path / "one.pdf").pages) == 1


@pytest.mark.parametrize("bad", [b"", b"%PDF-1.4 not really"])
def test_printing_bytes_that_are_no_pdf_fails_cleanly(bad: bytes, tmp_path: Path) -> None:
    from ui.printing import PrintFailed

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    with pytest.raises(PrintFailed):
        render_to_printer(bad, printer)
    assert not (tmp_path / "never.pdf").exists()


def test_locking_closes_the_preview_and_unlocking_does_not_bring_it_back(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    action = w.actions_by_name["family_copy"]
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)  # Ctrl+P
    action.trigger()
    options = find_window(qtbot, FamilyCopyDialog)
    click(qtbot, options.save_button)
    preview = find_window(qtbot, PreviewDialog)
    w.lock()
    wait_closed(qtbot, preview)
    qtbot.waitUntil(lambda: w.unlock_dialog is not None, timeout=TIMEOUT)
    qtbot.keyClicks(w.unlock_dialog.passphrase, LEAD_PASS)
    click(qtbot, w.unlock_dialog.unlock_button)
    qtbot.waitUntil(lambda: not w.session.locked and w.unlock_dialog is None, timeout=TIMEOUT)
    assert not [d for d in QApplication.topLevelWidgets() if isinstance(d, PreviewDialog)]


@pytest.mark.parametrize("pages", [3, 0])
def test_the_print_dialog_hands_over_its_printer(
    qtbot: QtBot, pages: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
    from PySide6.QtWidgets import QWidget

    monkeypatch.setattr(printing.QPrinterInfo, "availablePrinterNames", lambda: ["Kontor 2"])
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    chosen: list[QPrinter] = []
    seen: list[tuple[bool, bool]] = []

    def answer() -> None:  # the user, while the dialog runs its own event loop
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog))
        option = QAbstractPrintDialog.PrintDialogOption
        seen.append(
            (dialog.testOption(option.PrintToFile), dialog.testOption(option.PrintPageRange))
        )
        dialog.accept()

    QTimer.singleShot(50, answer)
    ask.ask_printer(parent, "saksoppsummering-2026-0001", pages, chosen.append)
    assert seen == [(False, pages > 0)]  # no "print to file"; a batch has no page range
    assert len(chosen) == 1
    assert chosen[0].docName() == "saksoppsummering-2026-0001"
    assert chosen[0].fullPage()


def test_with_no_printer_set_up_the_user_is_told_to_save_a_pdf(
    qtbot: QtBot, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Qt's dialog offered no printer to choose, and printing failed only after it was
    accepted (team-lead review: "QPainter::begin(): Returned false" and an error)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QMessageBox, QWidget

    make_app()  # bokmål
    monkeypatch.setattr(printing.QPrinterInfo, "availablePrinterNames", list)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[str] = []

    def answer() -> None:
        shown = QApplication.activeModalWidget()
        assert not isinstance(shown, QPrintDialog)
        assert isinstance(shown, QMessageBox)
        seen.append(shown.text())
        shown.accept()

    chosen: list[QPrinter] = []
    QTimer.singleShot(50, answer)
    ask.ask_printer(parent, "saksoppsummering-2026-0001", 3, chosen.append)
    QTimer.singleShot(50, answer)
    assert not printing.print_pdf(b"%PDF-1.4", parent)
    assert chosen == []
    assert len(seen) == 2
    assert seen[0].startswith("Ingen skriver er satt opp på denne maskinen.")


def test_the_history_names_the_document_a_print_was_of(make_app) -> None:  # type: ignore[no-untyped-def]
    make_app()  # bokmål
    assert event_detail("case_summary") == "Saksoppsummering"
    assert event_detail("family_copy printed to file") == "Familiens kopi skrevet ut til en PDF-fil"
    assert event_detail("access_log saved as pdf") == "Innsynslogg lagret som PDF"
    assert event_detail("printed") == "sendt til skriveren"  # a print recorded before it named one


def test_a_save_starts_in_the_home_folder_when_documents_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt names ~/Documents whether or not it exists; a dialog started there opened in the
    program's working folder (a review found a case summary about to land in the source tree)."""
    missing, home = tmp_path / "Dokumenter", tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(printout, "_last_folder", None)
    monkeypatch.setattr(Path, "home", classmethod(lambda _cls: home))
    monkeypatch.setattr(
        printout.QStandardPaths, "writableLocation", staticmethod(lambda _where: str(missing))
    )
    assert printout.save_folder() == home
    missing.mkdir()
    assert printout.save_folder() == missing
