"""Entry points the window's menus and buttons call: ask for the options, build the document
on the worker, then preview it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from samjournal.model import CaseRow, Family, FamilyDetail
from ui.printouts.access_log import AccessLogDialog
from ui.printouts.batch import BatchPrintDialog
from ui.printouts.options import CaseSummaryDialog, FamilyCopyDialog, PortfolioDialog
from ui.printouts.preview import PreviewDialog
from ui.printouts.printout import Printout
from ui.session import Session


def show_preview(session: Session, printout: Printout, parent: QWidget) -> PreviewDialog:
    dialog = PreviewDialog(session, printout, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _previewing(
    dialog: CaseSummaryDialog | FamilyCopyDialog | PortfolioDialog | AccessLogDialog,
    session: Session,
    parent: QWidget,
) -> None:
    dialog.saved.connect(lambda printout: show_preview(session, printout, parent))
    dialog.open()


def case_summary(session: Session, detail: FamilyDetail, parent: QWidget) -> CaseSummaryDialog:
    """Team lead: the options, then the preview (the core refuses anyone else)."""
    dialog = CaseSummaryDialog(session, detail, parent)
    _previewing(dialog, session, parent)
    return dialog


def family_copy(session: Session, family: Family, parent: QWidget) -> FamilyCopyDialog:
    dialog = FamilyCopyDialog(session, family, parent)
    _previewing(dialog, session, parent)
    return dialog


def access_log(session: Session, family: Family, parent: QWidget) -> AccessLogDialog:
    """Team lead: the family's access log (the core refuses anyone else)."""
    dialog = AccessLogDialog(session, family, parent)
    _previewing(dialog, session, parent)
    return dialog


def portfolio(session: Session, parent: QWidget) -> PortfolioDialog:
    dialog = PortfolioDialog(session, parent)
    _previewing(dialog, session, parent)
    return dialog


def batch(session: Session, rows: list[CaseRow], parent: QWidget) -> BatchPrintDialog:
    dialog = BatchPrintDialog(session, rows, parent)
    dialog.open()
    return dialog
