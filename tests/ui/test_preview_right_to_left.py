"""The print preview shows the very PDF that prints: a family's words in Arabic over several
lines read there as they do on paper (the preview's text layer, and a PNG to look at in
test-artifacts/screens/)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import MeetingKind
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS
from tests.samjournal.reports.test_bidi_lines import ARABIC
from tests.ui.conftest import find_window, open_as, open_family
from tests.ui.test_screens import OUT, grab
from ui.printouts.options import CaseSummaryDialog
from ui.printouts.preview import PreviewDialog


def test_the_preview_reads_a_right_to_left_paragraph_line_by_line(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    j = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        family = j.families.create("Familien Haddad", budget_frame=Money.kr(30_000))
        j.meetings.record(
            family.id,
            dt.datetime.now(dt.UTC) - dt.timedelta(days=3),
            MeetingKind.HOME_VISIT,
            family_words=ARABIC,
        )
    finally:
        j.lock()
    w = open_as(qtbot, make_app("nb"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Haddad")
    w.actions_by_name["case_summary"].trigger()
    options = find_window(qtbot, CaseSummaryDialog)
    qtbot.mouseClick(options.save_button, Qt.MouseButton.LeftButton)
    preview = find_window(qtbot, PreviewDialog)
    preview.resize(900, 740)
    document = preview.document
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    logical = re.sub(r"[^\w]", " ", ARABIC).split()
    # The family's words, every one, in the order they were typed, line after line (PDFium
    # reads the first line right to left, the label "Familiens egne ord:" among them).
    words = [w for w in re.sub(r"[^\w]", " ", text).split() if w in set(logical)]
    starts = [i for i in range(len(words)) if words[i : i + len(logical)] == logical]
    assert starts, " ".join(words)
    qtbot.wait(600)  # QPdfView renders the pages in the background
    grab(preview, "nb", "26-print-preview-right-to-left")
    # The page with the family's words as the preview's PDFium draws it.
    page = next(
        i for i in range(document.pageCount()) if logical[0] in document.getAllText(i).text()
    )
    image = document.render(page, QSize(850, 1202))
    assert image.save(str(OUT / "nb" / "27-print-preview-right-to-left-page.png"))
    preview.close()
