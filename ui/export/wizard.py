"""The export wizard: a QWizard that renders `samjournal.flows.export.ExportFlow`.

Choose the study -> review the risk report and who is left out -> choose a folder or USB stick ->
exporting -> done. Every read and the export itself run on the database worker; the pages only
collect input and show the flow's answers and refusals. The export can be stopped while the
folder is being checked; once the bundle is being written it goes through whole or not at all
(one transaction in the core), and the page says so.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from samjournal.flows.export import ExportFlow, Outcome
from ui import a11y
from ui.export.pages import StudyPage
from ui.export.review import ReviewPage
from ui.export.writing import DestinationPage, DonePage, ExportingPage
from ui.session import Session
from ui.widgets import MessageBar, fit_to_screen
from ui.worker import Cancelled

# -- the wizard -------------------------------------------------------------------------------


class ExportWizard(QWizard):
    """`exported(outcome)` once a bundle is written; `import_requested` for the study page's
    button (the opener shows the profile import and calls `study_page.reload()` after)."""

    exported = Signal(object)
    import_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.flow = ExportFlow()
        self.setWindowTitle(self.tr("Export to a study"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.study_page = StudyPage(self.flow, session)
        self.review_page = ReviewPage(self.flow, session)
        self.destination_page = DestinationPage(self.flow, session)
        self.exporting_page = ExportingPage(self.flow, session)
        self.done_page = DonePage(self.flow, session)
        for page in (
            self.study_page,
            self.review_page,
            self.destination_page,
            self.exporting_page,
            self.done_page,
        ):
            self.addPage(page)
        self.study_page.import_requested.connect(self.import_requested)
        self.exporting_page.finished_export.connect(self._exported)
        self.exporting_page.stopped.connect(self._stopped)
        self.currentIdChanged.connect(lambda _id: self.fit())
        self.resize(900, 640)

    def fit(self, room: QRect | None = None) -> None:
        """Grow to show the page whole (the review is long), never shrinking under the user,
        as far as `room` (the screen's free area unless told) has space: a page taller than
        that scrolls, and Back, Next and Cancel stay on the screen."""
        self.resize(self.size().expandedTo(self.sizeHint()))
        fit_to_screen(self, room)

    def _exported(self, outcome: Outcome) -> None:
        self.next()
        self.exported.emit(outcome)

    def _stopped(self, error: BaseException) -> None:
        """Back to the folder: the flow went back there, nothing was written."""
        page = self.destination_page
        self.back()
        if isinstance(error, Cancelled):
            page.show_stopped(
                self.tr("The export was stopped. Nothing was written."), MessageBar.INFO
            )
        else:
            page.show_stopped(
                self.tr("Nothing was exported: %1").replace("%1", page.explain(error)),
                MessageBar.ERROR,
            )

    def reject(self) -> None:
        """Cancel or Esc: while exporting, stop if that still counts; never leave mid-write."""
        if self.exporting_page.running:
            self.exporting_page.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.exporting_page.running:
            self.exporting_page.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        a11y.name_parts(self)
        fit_to_screen(self)  # at 2x scaling its 900x640 was bigger than a laptop's screen
