"""The main window on an office laptop's 1366x768 screen at 150 % and 200 % scaling (outside
review s19): the family page needs no sideways scrolling and its header's buttons are in sight,
and the case list keeps room for a family's name. The window is the size it opens at there,
864x464 and 648x336 pixels: the screen's 910x512 and 683x384 less its frame and margins (the
program measured 865x464 at 1.5x on Xvfb with openbox; outside review s20)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import MeetingKind, PaymentMethod
from samjournal.money import Money
from tests.conftest import WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, open_family
from tests.ui.test_narrow_window import headers, narrow_window
from ui import attention, fmt
from ui.case_list import FAMILY, NEXT
from ui.case_page import SEARCH_CHARS
from ui.family.payments import STATUS_CHARS
from ui.main_window import MainWindow, default_size
from ui.table_model import LEAST_CHARS

AT_150 = default_size(QSize(910, 512))
AT_200 = default_size(QSize(683, 384))
SIZES = pytest.mark.parametrize("size", [AT_150, AT_200], ids=["150%", "200%"])
LANGS = pytest.mark.parametrize("lang", ["nb", "en"])
NAME = "Familien Hansen-Berg"  # a typical name: the room the case list keeps for it


def in_viewport(widget: QWidget, window: MainWindow) -> bool:
    """`widget` is whole inside the part of the page the window shows."""
    central = window.centralWidget()
    top_left = widget.mapTo(central.viewport(), QPoint(0, 0))
    return central.viewport().rect().contains(QRect(top_left, widget.size()))


def header_buttons(window: MainWindow) -> list[QAbstractButton]:
    family = window.family
    buttons = [family.back_button, family.copy_button, family.edit_button]
    buttons += [family.summary_button, family.access_button]  # a team lead's
    assert all(button.isVisible() for button in buttons)
    return buttons


@LANGS
@SIZES
def test_the_family_page_needs_no_sideways_scrolling_and_shows_its_header_buttons(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str, size: QSize
) -> None:
    """At 150 % the header (its buttons beside the case number, status and caseworker) was
    937 pixels at least: the page scrolled 53 pixels sideways, 270 at 200 %, and "Edit
    family…" and the payments' last column were cut off."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(size)
    sideways = window.centralWidget().horizontalScrollBar()
    for index in range(window.family.tabs.count()):
        window.show_tab(index)
        QApplication.processEvents()
        tab = window.family.tabs.tabText(index)
        assert sideways.maximum() == 0, tab
        assert not sideways.isVisible(), tab
        out = [b.text() for b in header_buttons(window) if not in_viewport(b, window)]
        assert out == [], tab
    # The case number, status and caseworker are there whole, on as many lines as they need.
    subtitle = window.family.subtitle
    assert "Kari Nilsen" in subtitle.text()
    assert subtitle.height() >= subtitle.heightForWidth(subtitle.width())
    assert in_viewport(subtitle, window)


@LANGS
def test_wide_the_buttons_stay_beside_the_family_s_name(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """With room for it (1366x768 at 100 %) the header is one row, as before."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(1366, 720)
    QApplication.processEvents()
    family = window.family
    top = family.title.mapTo(family, QPoint(0, 0)).y()
    bottom = family.subtitle.mapTo(family, QPoint(0, family.subtitle.height())).y()
    right = family.subtitle.mapTo(family, QPoint(family.subtitle.width(), 0)).x()
    assert family.subtitle.height() < 2 * family.subtitle.fontMetrics().height()  # one line
    for button in header_buttons(window)[1:]:
        place = button.geometry().translated(button.parentWidget().mapTo(family, QPoint(0, 0)))
        assert top <= place.center().y() <= bottom, button.text()
        assert place.left() >= right, button.text()


@LANGS
@SIZES
def test_the_header_s_buttons_keep_their_keys_and_names_when_they_wrap(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str, size: QSize
) -> None:
    """Every action of the header is still a button in sight with its Alt+letter and name, and
    Tab reaches them in the order they read: the back button, the printouts, "Edit family…"."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(size)
    QApplication.processEvents()
    family = window.family
    expected = [
        family.back_button,
        family.copy_button,
        family.summary_button,
        family.access_button,
        family.edit_button,
    ]
    for button in expected:
        assert "&" in button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    order = [family.back_button]
    while len(order) < len(expected):
        order.append(order[-1].nextInFocusChain())
        while not isinstance(order[-1], QAbstractButton) or not order[-1].isVisible():
            order[-1] = order[-1].nextInFocusChain()
    assert order == expected


@LANGS
def test_at_200_percent_the_overview_s_boxes_are_as_tall_as_their_words(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """Narrower, the budget's legend and the meeting's words take more lines: the page scrolls
    down to them rather than cutting them off at the boxes' bottom."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(AT_200)
    window.show_tab(0)
    QApplication.processEvents()
    boxes = [b for b in window.family.overview.findChildren(QGroupBox) if b.hasHeightForWidth()]
    assert len(boxes) == 2  # the budget and the meetings
    for box in boxes:
        assert box.height() >= box.heightForWidth(box.width()), box.title()
    bar = window.family.overview.budget
    assert bar.height() >= bar.heightForWidth(bar.width())


def cell_margin(table: QTableView) -> int:
    """A cell's text has the style's margin each side, as the delegate lays it out."""
    return table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1


def name_is_whole(table: QTableView) -> bool:
    """The family's column shows a typical name whole."""
    room = table.columnWidth(FAMILY) - 2 * cell_margin(table)
    return room >= table.fontMetrics().horizontalAdvance(NAME)


@LANGS
def test_the_case_list_keeps_room_for_a_family_s_name_at_150_percent(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """At 150 % every name read "Famili…" while the count of open needs, the budget and the
    dates kept their full widths (outside review s19): they give way too, elided, their whole
    text in the tooltip."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    table = window.cases.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=TIMEOUT)
    window.resize(AT_150)
    QApplication.processEvents()
    assert name_is_whole(table)
    assert table.horizontalScrollBar().maximum() == 0
    model = table.model()
    for column, heading in enumerate(headers(table)):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(heading)  # whole (the check-in's says more)
        for row in range(model.rowCount()):
            index = model.index(row, column)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if text and table.fontMetrics().horizontalAdvance(text) > table.columnWidth(column):
                assert model.data(index, Qt.ItemDataRole.ToolTipRole), (heading, text)


def test_at_200_percent_the_case_list_scrolls_rather_than_cutting_the_names(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    """With no room for every column at their least, the name keeps its room and the table
    (not the page) scrolls sideways: a name's column that only took the rest was 26 pixels
    wide, "F…", once the other columns gave way as far as they can."""
    window = narrow_window(qtbot, make_app, journal_dir, template)
    table = window.cases.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=TIMEOUT)
    window.resize(AT_200)
    QApplication.processEvents()
    assert name_is_whole(table)
    assert window.centralWidget().horizontalScrollBar().maximum() == 0
    window.resize(1600, 900)  # and wide again, the name's column takes the rest of the width
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    last = table.model().columnCount() - 1
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert right == table.viewport().width()


@LANGS
@SIZES
def test_the_case_list_s_search_keeps_room_for_its_words(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str, size: QSize
) -> None:
    """At 200 % the search beside the filters and buttons read "Søk i na…": where it would
    have fewer than SEARCH_CHARS characters, it goes above them; wide, it stands beside them."""
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    page = window.cases
    window.resize(size)
    QApplication.processEvents()
    least = SEARCH_CHARS * page.search.fontMetrics().averageCharWidth()
    assert page.search.width() >= least
    assert in_viewport(page.search, window)
    assert in_viewport(page.new_button, window)
    window.resize(1600, 900)
    QApplication.processEvents()
    assert page.search.geometry().top() == page.scope.geometry().top()  # one row


MEMBER = "Parwana Sultani"  # the review's "Sa…"


@LANGS
def test_the_family_s_members_keep_room_for_their_names_at_150_percent(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """On the family's front page every member's name read "Ing…", "O…", "Sa…" beside whole
    headings over a year or "ja" (outside review s20): the names are whole while the other
    columns can give way (their headings elided, whole in the tooltip), never less than
    LEAST_CHARS; wide, the headings are whole."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    worker.members.add(template.worker_family, MEMBER, birth_year=1979, phone="905 58 733")
    worker.lock()
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(AT_150)
    window.show_tab(0)
    QApplication.processEvents()
    view = window.family.overview.members_view
    model, header = view.model(), view.horizontalHeader()
    assert model.rowCount() == 4
    assert view.columnWidth(0) - 2 * cell_margin(view) >= view.fontMetrics().horizontalAdvance(
        MEMBER
    )
    assert view.horizontalScrollBar().maximum() == 0
    for column, heading in enumerate(headers(view)):
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip == heading
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), heading  # values whole
    window.resize(AT_200)  # no room to give: the names keep LEAST_CHARS, the table scrolls
    QApplication.processEvents()
    assert view.columnWidth(0) >= LEAST_CHARS * view.fontMetrics().averageCharWidth()
    window.resize(1366, 720)
    QApplication.processEvents()
    assert all(
        header.sectionSize(column) >= header.sectionSizeHint(column)
        for column in range(model.columnCount())
    )


@LANGS
def test_the_case_list_shows_a_next_meeting_s_time_whole_or_not_at_all(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """At 150 % the next meeting read "13.01.2027 13…" (outside review s20): where the time
    does not fit whole, the cell shows the date (and the sign) alone; wide, date and time."""
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    overdue, later = now - dt.timedelta(hours=3), now + dt.timedelta(days=40)
    for name, planned in (("Familien Sen", overdue), ("Familien Moe", later)):
        family = worker.families.create(name, district="Lade").id
        worker.meetings.record(
            family, now - dt.timedelta(days=20), MeetingKind.HOME_VISIT, next_meeting_at=planned
        )
    worker.lock()
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    table = window.cases.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 4, timeout=TIMEOUT)

    def shown(row: int) -> tuple[str, bool]:
        """The cell's text as drawn, and whether it fits its cell whole."""
        index = table.model().index(row, NEXT)
        option = QStyleOptionViewItem()
        option.initFrom(table)
        option.rect = table.visualRect(index)
        option.widget = table
        table.itemDelegateForIndex(index).initStyleOption(option, index)
        room = option.rect.width() - 2 * cell_margin(table)
        return option.text, option.fontMetrics.horizontalAdvance(option.text) <= room

    for size, with_time in ((AT_150, False), (QSize(1600, 900), True)):
        window.resize(size)
        QApplication.processEvents()
        texts = []
        for row in range(table.model().rowCount()):
            case = window.cases.proxy.family_at(row)
            assert case is not None
            if case.next_meeting is None:
                continue
            text, whole = shown(row)
            assert whole, (size, text)
            assert text.endswith(fmt.date(case.next_meeting)) != with_time, (size, text)
            texts.append(text)
        assert len(texts) == 3  # Ødegård's too
        assert any(text.startswith(attention.SIGN) for text in texts)  # the overdue one


@LANGS
def test_the_approvals_queue_gives_the_purpose_room_without_sideways_scrolling(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """At 150 % a payment's purpose read "Bær…" and the queue scrolled sideways (outside
    review s20): as on the payments tab the purpose takes the room, the need (whole below the
    table), the method and the budget left give way, elided, whole in the tooltip."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    purpose = "Bærbar PC til skolearbeid for Adam"
    worker.payments.propose(
        template.worker_family, Money.kr(6150), purpose, method=PaymentMethod.INVOICE
    )
    worker.lock()
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    window.show_approvals()
    view = window.approvals.view
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=TIMEOUT)
    window.resize(AT_150)
    QApplication.processEvents()
    assert view.horizontalScrollBar().maximum() == 0
    assert window.centralWidget().horizontalScrollBar().maximum() == 0
    column = headers(view).index("Formål" if lang == "nb" else "Purpose")
    room = view.columnWidth(column) - 2 * cell_margin(view)
    assert room >= view.fontMetrics().horizontalAdvance(purpose[:28])  # "…skolearbeid f…"
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()
    # Its buttons in sight: the page was as tall as the family page can be (a stacked widget
    # is as big as its biggest page), and Approve sat below the window (outside review s20).
    view.selectRow(0)
    QApplication.processEvents()
    for button in (window.approvals.approve_button, window.approvals.reject_button):
        assert in_viewport(button, window), button.text()


@LANGS
def test_the_payments_tab_gives_the_purpose_room_with_many_payments(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, lang: str
) -> None:
    """At 150 % with enough payments for a vertical scroll bar the purpose read "Famil…" and
    "Treningsa…" beside columns with nothing in them (outside review s20): the need, the
    method and who approved and proposed give way first, elided, whole in the tooltip."""
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    purpose = "Treningsavgift fotball vår"
    for n in range(14):
        worker.payments.propose(template.worker_family, Money.kr(450 + n), purpose)
    worker.lock()
    window = narrow_window(qtbot, make_app, journal_dir, template, lang)
    open_family(qtbot, window, "Familien Ødegård")
    window.resize(AT_150)
    window.show_tab(3)
    view = window.family.payments.view
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 17, timeout=TIMEOUT)
    QApplication.processEvents()
    assert view.verticalScrollBar().maximum() > 0  # the scroll bar takes its room
    assert view.horizontalScrollBar().maximum() == 0
    column = headers(view).index("Formål" if lang == "nb" else "Purpose")
    room = view.columnWidth(column) - 2 * cell_margin(view)
    assert room >= view.fontMetrics().horizontalAdvance(purpose[:22])  # "…fotball" whole
    status = headers(view).index("Status")  # does not give way
    assert view.columnWidth(status) == view.fontMetrics().averageCharWidth() * STATUS_CHARS
