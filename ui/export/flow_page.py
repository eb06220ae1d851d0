"""What the export wizard's pages share: the page that renders `ExportFlow` (reads run on the
worker), and the labels and tables they are made of."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWizard, QWizardPage

from samjournal.flows.export import ExportFlow, Refused
from samjournal.journal import Journal
from ui.errors import describe
from ui.export import labels
from ui.scroll_body import ScrollBody
from ui.session import Session
from ui.widgets import FieldError, MessageBar

# A family's name in the table of who is left out, elided beyond this many average characters
# (the whole name is the tooltip): a long name took the room of the reason beside it.
FAMILY_CHARS = 30


def plain_label(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_every_row(table: QTableView) -> None:
    """Make `table` as tall as its rows, on a page that scrolls: scrolling inside the scrolling
    page, it showed 7 of 23 families left out, and the wheel moved whichever was under it."""
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = table.verticalHeader().length()  # their height, shown or not
    heading = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(heading + rows + 2 * table.frameWidth())


def follow_current_row(table: QTableView, page: ScrollBody) -> None:
    """Scroll `page` to the table's current row as the arrow keys move it: the table shows every
    row (see `show_every_row`), so it no longer scrolls to the row itself."""

    def follow(current: QModelIndex) -> None:
        inner = page.widget()
        if inner is not None:
            row = table.visualRect(current)
            centre = table.viewport().mapTo(inner, row.center())
            page.ensureVisible(centre.x(), centre.y(), 0, row.height())

    table.selectionModel().currentChanged.connect(lambda current, _previous: follow(current))


def bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class FlowPage(QWizardPage):
    """A page with a message line; shows the flow's refusals in words."""

    def __init__(self, flow: ExportFlow, session: Session, title: str, subtitle: str) -> None:
        super().__init__()
        self.flow = flow
        self.session = session
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.layout_ = QVBoxLayout(self)
        self.message = MessageBar(self)

    def k(self) -> int | None:
        review = self.flow.review
        return review.risk.k if review else None

    def explain(self, error: BaseException) -> str:
        if isinstance(error, Refused):
            return labels.problem(error.problem, k=self.k())
        return describe(error)

    def attempt(self, step: Callable[[], object], field: FieldError | None = None) -> bool:
        self.message.clear()
        if field is not None:
            field.clear_error()
        try:
            step()
        except Refused as exc:
            if field is not None and exc.field_id == "folder":
                field.show_error(self.explain(exc))
            else:
                self.message.show_message(self.explain(exc), MessageBar.ERROR)
            return False
        return True

    def run(
        self,
        work: Callable[[Journal], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.session.submit(work, done, failed or self.failed, context=self)

    def failed(self, error: BaseException) -> None:
        self.set_busy(False)
        self.message.show_message(self.explain(error), MessageBar.ERROR)

    def set_busy(self, busy: bool) -> None:
        wizard = self.wizard()
        if wizard is not None:
            for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton):
                wizard.button(which).setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def cleanupPage(self) -> None:  # going back: step the flow back as well
        if self.flow.can_go_back:
            self.flow.back()


# -- 1. the study -----------------------------------------------------------------------------
