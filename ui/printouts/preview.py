"""The print preview: the very PDF that will print, rendered from memory with QtPdf.

From here the user prints (Qt's print dialog; the pages are painted onto the printer on the
database worker) or, as an explicit choice, saves the PDF (`reports.save_pdf`, which audits the
save). Nothing touches the disk otherwise. The dialog closes, dropping the bytes, when the
journal locks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QScreen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from samjournal.journal import Journal
from samjournal.reports import save_pdf
from ui.errors import describe
from ui.printing import load_pdf, render_to_printer
from ui.printouts import ask
from ui.printouts.pages import PageView
from ui.printouts.printout import (
    Printout,
    printed_detail,
    record_printed,
    remember_folder,
    save_folder,
    with_pdf_suffix,
)
from ui.session import Session
from ui.widgets import Dialog, MessageBar

ZOOM_STEP = 1.25


class PreviewDialog(Dialog):
    def __init__(self, session: Session, printout: Printout, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.printout = printout
        self._busy = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", printout.title))
        self.setObjectName("PrintPreview")

        self.document, self._buffer = load_pdf(printout.pdf, self)
        self.view = PageView(self.document, self)
        self.view.setAccessibleName(self.tr("Pages of the document"))

        self.print_action = self._action(
            self.tr("&Print…"), QKeySequence.StandardKey.Print, QIcon.ThemeIcon.DocumentPrint
        )
        self.print_action.triggered.connect(self.print_document)
        self.save_action = self._action(
            self.tr("&Save as PDF…"),
            QKeySequence.StandardKey.SaveAs,
            QIcon.ThemeIcon.DocumentSaveAs,
            QStyle.StandardPixmap.SP_DialogSaveButton,
        )
        self.save_action.triggered.connect(self.save_document)
        self.zoom_out_action = self._action(
            self.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, QIcon.ThemeIcon.ZoomOut
        )
        self.zoom_out_action.triggered.connect(lambda: self.view.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_action = self._action(
            self.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, QIcon.ThemeIcon.ZoomIn
        )
        self.zoom_in_action.triggered.connect(lambda: self.view.zoom_by(ZOOM_STEP))
        self.fit_action = self._action(
            self.tr("&Fit to width"), "Ctrl+0", QIcon.ThemeIcon.ZoomFitBest
        )
        self.fit_action.triggered.connect(self.view.fit_width)

        toolbar = QToolBar()
        toolbar.setAccessibleName(self.tr("Preview tools"))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.save_action)
        toolbar.addSeparator()
        toolbar.addAction(self.zoom_out_action)
        toolbar.addAction(self.zoom_in_action)
        toolbar.addAction(self.fit_action)

        self.pages_label = QLabel()
        self.pages_label.setAccessibleName(self.tr("Page number"))
        self.note = QLabel(
            self.tr(
                "This is exactly what will be printed. Nothing is saved unless you choose"
                " Save as PDF."
            )
        )
        self.note.setWordWrap(True)
        self.message = MessageBar(self, closable=True)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Close the preview"))
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.pages_label)
        footer.addWidget(self.note, 1)
        footer.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

        self.view.page_changed.connect(self._show_page)
        self._show_page(0)
        session.locked_changed.connect(self._locked)
        self.resize(self._good_size())
        self.view.setFocus()

    def _action(
        self,
        text: str,
        shortcut: QKeySequence.StandardKey | str,
        theme_icon: QIcon.ThemeIcon,
        fallback: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        """An action with its shortcut (in the tooltip too) and the platform's icon, if any."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        icon = QIcon.fromTheme(theme_icon)
        if icon.isNull() and fallback is not None:
            icon = self.style().standardIcon(fallback)
        if not icon.isNull():
            action.setIcon(icon)
        self.addAction(action)
        return action

    def _good_size(self) -> QSize:
        screen: QScreen | None = self.screen()  # None while no screen is attached
        if screen is None:
            return QSize(900, 1000)
        room = screen.availableGeometry()
        return QSize(min(960, int(room.width() * 0.9)), int(room.height() * 0.92))

    # -- what is shown ----------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _show_page(self, index: int) -> None:
        self.pages_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(min(index + 1, self.page_count)))
            .replace("%2", str(self.page_count))
        )

    # -- printing ---------------------------------------------------------------------------

    def print_document(self) -> None:
        if self._busy:
            return
        doc_name = self.printout.file_name.removesuffix(".pdf")
        ask.ask_printer(self, doc_name, self.page_count, self.print_to)

    def print_to(self, printer: QPrinter) -> None:
        """Paint the pages onto `printer` on the worker and record that it was printed."""
        pdf, printout = self.printout.pdf, self.printout
        detail = printed_detail(printout.kind, printer)

        def work(journal: Journal) -> int:
            pages = render_to_printer(pdf, printer)
            record_printed(journal, printout, detail)
            return pages

        def done(pages: int) -> None:
            self._set_busy(False)
            self.message.show_message(
                self.tr("Sent %n page(s) to the printer.", "", pages), MessageBar.INFO
            )

        self._set_busy(True)
        self.message.show_message(self.tr("Printing…"))
        self.session.submit(work, done, self._failed, context=self)

    # -- saving -----------------------------------------------------------------------------

    def save_document(self) -> None:
        if self._busy:
            return
        chosen = ask.ask_save_path(self, save_folder() / self.printout.file_name)
        if chosen is not None:
            self.save_to(chosen)

    def save_to(self, path: Path) -> None:
        target = with_pdf_suffix(Path(path))
        printout = self.printout

        def work(journal: Journal) -> Path:
            return save_pdf(
                printout.pdf,
                target,
                journal=journal,
                document=printout.kind,
                family_id=printout.family_id,
            )

        def done(saved: Path) -> None:
            self._set_busy(False)
            remember_folder(target.parent)
            self.message.show_message(
                self.tr("Saved as %1.").replace("%1", str(saved)), MessageBar.INFO
            )

        self._set_busy(True)
        self.session.submit(work, done, self._failed, context=self)

    # -- state ------------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not self.session.locked:
            self.message.show_message(describe(error), MessageBar.ERROR)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.print_action.setEnabled(not busy)
        self.save_action.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self._busy

    def _locked(self, locked: bool) -> None:
        if locked:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._release()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # reject()/accept() end here, not in closeEvent
        self._release()
        super().done(result)

    def _release(self) -> None:
        """Drop the document: the decrypted content leaves memory with the dialog."""
        if self.document.status() != QPdfDocument.Status.Null:
            self.view.clear()
            self.document.close()
            self._buffer.close()
