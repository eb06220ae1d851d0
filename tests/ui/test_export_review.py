"""The export wizard's review page: what it says (the tables in the wizard's words, changes
held back apart from rows) and how it fits a laptop screen, scaled or not, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget, QWizard
from pytestqt.qtbot import QtBot

from samjournal.evaluation.risk import TableRows
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.study import STUDY
from tests.ui.a11y_audit import NARROW
from tests.ui.conftest import TIMEOUT, open_as
from tests.ui.export_support import (
    add_families,
    grab,
    import_profile,
    on_worker,
    register_journal,
)
from ui.app import App
from ui.export import (
    open_export_wizard,
)
from ui.export.review import ReviewPage
from ui.export.wizard import ExportWizard
from ui.scroll_body import ScrollBody
from ui.widgets import FRAME_ROOM


def test_the_review_says_the_changes_held_back_apart_from_the_rows(qtbot: QtBot) -> None:
    """As the CLI's report: rows waiting, then changes to rows already sent that wait (none
    said when there are none, or when an older report did not count them)."""
    assert ReviewPage._waiting(TableRows(96, 3, 4)) == (
        "3 av 99 (3%); endringer av rader som allerede er sendt, som venter: 4"
    )
    assert ReviewPage._waiting(TableRows(96, 3, 0)) == "3 av 99 (3%)"
    assert ReviewPage._waiting(TableRows(96, 3, None)) == "3 av 99 (3%)"


def test_the_bundle_names_every_table_of_the_study_and_the_rows_that_wait(qtbot: QtBot) -> None:
    """Needs and payments held back whole (a small demo) were missing from "The bundle", as if
    the study did not take them (outside review s30): they say "0 av N"."""
    rows = {"households": 4, "meetings": 9, "needs": 0, "payments": 0, "checkins": 6}
    rows |= {"tombstones": 0, "consent_counts": 0}
    by_table = {
        "households": TableRows(4, 0),
        "meetings": TableRows(9, 2),
        "needs": TableRows(0, 12),
        "payments": TableRows(0, 7),
        "checkins": TableRows(6, 0),
    }
    assert ReviewPage._bundle_rows(rows, by_table).splitlines() == [
        "Husstander: 4",
        "Møter: 9 av 11",
        "Behov: 0 av 12",
        "Utbetalinger: 0 av 7",
        "Kartlegginger: 6",
        "Slettemeldinger: 0",
    ]
    # A report without the check's counts (no protection): the rows as they are.
    assert ReviewPage._bundle_rows(rows, {}).splitlines()[:2] == ["Husstander: 4", "Møter: 9"]


def open_review(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
    lang: str = "nb",
) -> ExportWizard:
    """The wizard (in bokmål unless told), on the review of a first bundle."""
    adults = add_families(journal_dir, template)
    register_journal(journal_dir, workspace)
    window = open_as(qtbot, make_app(lang), journal_dir, LEAD, LEAD_PASS)
    import_profile(qtbot, window, workspace, lang)
    on_worker(
        qtbot,
        window.session,
        lambda j: [j.consents.give(a, STUDY, letter_version="v1") for a in adults[:-1]],
    )
    wizard = open_export_wizard(window.session, window)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.study_page.loaded, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    return wizard


@pytest.fixture
def review_nb(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
) -> ExportWizard:
    return open_review(qtbot, make_app, journal_dir, template, workspace)


def test_the_review_names_the_tables_in_the_wizard_s_words(review_nb: ExportWizard) -> None:
    """ "households: 7 av 40 (18 %)" in a bokmål review: the tables by their code names
    (review s14 #2); the rows to send beside it already said "Husstander"."""
    values = review_nb.review_page.values
    tables = [line.split(":")[0] for line in values["waiting"].text().splitlines()[1:]]
    assert tables == ["Husstander", "Møter", "Behov", "Utbetalinger", "Kartlegginger"]
    assert values["rows"].text().startswith("Husstander: ")


def test_the_reports_terms_are_explained_where_they_are_read(review_nb: ExportWizard) -> None:
    """Hovering a figure or its caption says what it counts: a team lead could not tell rows
    held back from rows waiting, nor read "minste gruppe" (review, 2026-12-07)."""
    page = review_nb.review_page
    explained = ("smallest", "at_risk", "highest", "success", "suppressed", "held_rows")
    explained += ("held_households", "waiting", "coarsened", "by_month")
    for name in explained:
        tip = page.values[name].toolTip()
        assert tip, name
        assert page.captions[name].toolTip() == tip, name
    assert page.values["held_rows"].toolTip() != page.values["waiting"].toolTip()
    assert "venter i journalen" in page.values["held_rows"].toolTip()


LAPTOP = QRect(0, 0, 1366, 768 - 40)  # a 1366x768 screen less a task bar


def test_the_review_fits_a_laptop_screen_with_its_buttons(
    qtbot: QtBot, review_nb: ExportWizard
) -> None:
    """The review page made the wizard 790 pixels tall on a 768-pixel screen: Back, Next and
    Cancel below its edge (review s14 #3). Its content scrolls instead."""
    wizard = review_nb
    assert wizard.minimumHeight() <= LAPTOP.height() - FRAME_ROOM.height()
    wizard.fit(LAPTOP)  # as on entering the page, on a screen of that size
    QApplication.processEvents()
    assert wizard.height() <= LAPTOP.height() - FRAME_ROOM.height()
    for which in ("BackButton", "NextButton", "CancelButton"):
        button = wizard.button(getattr(QWizard.WizardButton, which))
        assert button.isVisible(), which
        assert wizard.rect().contains(QRect(button.mapTo(wizard, QPoint(0, 0)), button.size()))
    body = wizard.review_page.findChild(ScrollBody)
    assert body.verticalScrollBar().maximum() > 0  # the rest is there, to scroll to
    grab(wizard, "3-review-laptop", "nb")


def test_who_is_left_out_is_shown_whole_at_1024x600(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
) -> None:
    """The table under "Holdt utenfor" sat in the right column, beside the risk report's long
    lines: at 1024x600 its reasons were cut to "…", the page scrolled sideways, and the table
    scrolled inside the page, 7 of its 23 families in sight (review s16). Now every heading,
    case and reason fits its column, a long name is shortened, and every row shows."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    for i in range(12):  # families whose adult has not consented
        family = lead.families.create(f"Familien Utenfor {i}" + " Hansen-Berg" * 8 * (i == 0))
        lead.members.add(family.id, f"Voksen Utenfor {i}", birth_year=1980 + i)
    lead.lock()
    wizard = open_review(qtbot, make_app, journal_dir, template, workspace)
    wizard.resize(NARROW)
    QApplication.processEvents()
    page = wizard.review_page
    body = page.findChild(ScrollBody)
    assert body.horizontalScrollBar().maximum() == 0
    table = page.left_table
    model = page.left_model
    assert model.rowCount() > 12
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    for column, heading in enumerate(c.header for c in model.columns):
        assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(heading), heading
    # A cell's text margin on each side, as the item delegate draws it.
    padding = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    for column in (0, 2):  # the case and the reason; a name too long is shortened
        texts = [model.text(row, column) for row in range(model.rowCount())]
        widest = max(table.fontMetrics().horizontalAdvance(text) for text in texts)
        assert table.columnWidth(column) >= widest + padding, model.columns[column].header
    assert table.verticalScrollBar().maximum() == 0
    assert table.viewport().height() >= model.rowCount() * table.rowHeight(0)
    # The arrow keys take the page along: the last row comes into sight.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = table.currentIndex()
    assert last.row() == model.rowCount() - 1
    in_sight = table.visibleRegion().boundingRect()
    assert in_sight.contains(table.visualRect(last).translated(table.viewport().pos()))
    body.verticalScrollBar().setValue(body.verticalScrollBar().maximum())
    grab(wizard, "3-review-left-out-1024x600", "nb")


def scaled_laptop(scale: float) -> QRect:
    """A 1366x768 screen less its task bar, in the pixels Qt lays out in at `scale`."""
    return QRect(0, 0, round(LAPTOP.width() / scale), round(LAPTOP.height() / scale))


def within_width(widget: QWidget, body: ScrollBody) -> bool:
    """`widget` is whole across the scroll area's viewport (wherever it is scrolled down to)."""
    left = widget.mapTo(body.viewport(), QPoint(0, 0)).x()
    return left >= 0 and left + widget.width() <= body.viewport().width()


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_the_review_needs_no_sideways_scrolling_on_a_scaled_laptop_screen(
    qtbot: QtBot,
    make_app: Callable[..., App],
    journal_dir: Path,
    template: Template,
    workspace: Path,
    lang: str,
    scale: float,
) -> None:
    """At 1366x768 with 1.5x scaling the protection group's long values widened the report's
    column, the page scrolled sideways and cut off "Studiens regler" (outside review s19). The
    values wrap; the rules stay beside the report where both have room (1.5x), and go under
    it where they have not (2x)."""
    wizard = open_review(qtbot, make_app, journal_dir, template, workspace, lang)
    wizard.fit(scaled_laptop(scale))
    QApplication.processEvents()
    page = wizard.review_page
    body = page.scroll_body
    assert body.horizontalScrollBar().maximum() == 0
    shown = [w for w in (page.rules_box, *page.values.values()) if w.isVisibleTo(page)]
    assert [w.accessibleName() for w in shown if not within_width(w, body)] == []
    # A wrapped value is as tall as its lines: a value wrapped into a row of one line's height
    # showed "5 (før" of "5 (før anonymisering: 1)".
    clipped = [w.accessibleName() for w in shown[1:] if w.height() < w.heightForWidth(w.width())]
    assert clipped == []
    rules = page.rules_box.mapTo(body.widget(), QPoint(0, 0))
    report = page.protection_group.mapTo(body.widget(), QPoint(0, 0))
    if scale == 1.5:
        assert rules.y() < body.viewport().height()  # beside the report, in sight at once
    else:
        assert rules.y() > report.y() + page.protection_group.height()  # under the report
    grab(wizard, f"3-review-laptop-{scale}x", lang)
