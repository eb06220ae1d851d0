"""Print a PDF built in memory (reports) through Qt's print dialog; nothing is written to disk.

QtPdf renders each page from the bytes (a `QBuffer`, never a file) and the pages are painted onto
the printer. Pages are rendered at no more than `MAX_DPI` and scaled to the paper: a page at a
printer's full 1200 dpi would take seconds and hundreds of megabytes for no visible gain.

`render_to_printer` touches no widget, so it may run on the database worker (QPainter on a
QPrinter is allowed outside the GUI thread); the print dialog itself belongs to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ui import a11y

MAX_DPI = 300


class PrintFailed(Exception):
    """The printer (or the PDF to print) could not be opened; nothing was printed."""


def load_pdf(pdf: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A document over the bytes (keep the buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument() if parent is None else QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def page_image(document: QPdfDocument, index: int, dpi: float) -> QImage:
    """One page as an image at `dpi` (72 points to the inch)."""
    points = document.pagePointSize(index)
    size = QSize(
        max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72))
    )
    return document.render(index, size)


def paint_page(document: QPdfDocument, index: int, painter: QPainter, dpi: float) -> None:
    """Paint page `index` centred on the painter's viewport, as large as fits."""
    target = QRectF(painter.viewport())
    points = document.pagePointSize(index)
    if points.width() <= 0 or points.height() <= 0:
        return
    scale = min(target.width() / points.width(), target.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    left = target.left() + (target.width() - width) / 2
    top = target.top() + (target.height() - height) / 2
    painter.save()
    painter.setWindow(painter.viewport())  # paint in device pixels, whatever the caller set
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(QRectF(left, top, width, height), page_image(document, index, dpi))
    painter.restore()


def page_range(printer: QPrinter, pages: int) -> range:
    """The 0-based pages the user chose in the print dialog (all by default)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(pages, printer.toPage() or pages)
        return range(first - 1, last)
    return range(pages)


def render_to_printer(
    pdf: bytes, printer: QPrinter, *, cancelled: Callable[[], bool] | None = None
) -> int:
    """Paint the chosen pages onto `printer` as one job; returns the number of pages printed.

    Raises PrintFailed when the printer cannot start or the bytes are not a PDF. `cancelled` is
    asked between pages (the job then ends with the pages printed so far).
    """
    document, buffer = load_pdf(pdf)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PrintFailed("the document could not be read")
        pages = page_range(printer, document.pageCount())
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        dpi = min(float(printer.resolution()), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed("the printer could not be started")
        printed = 0
        try:
            for _copy in range(copies):
                for index in pages:
                    if cancelled is not None and cancelled():
                        return printed
                    if printed:
                        printer.newPage()
                    paint_page(document, index, painter, dpi)
                    printed += 1
        finally:
            painter.end()
        return printed
    finally:
        document.close()
        buffer.close()


def new_printer(doc_name: str = "") -> QPrinter:
    """A printer set up for our PDFs: the whole sheet (the PDF carries its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    if doc_name:
        printer.setDocName(doc_name)  # what the print queue shows: never a family's name
    return printer


def printer_set_up(parent: QWidget | None) -> bool:
    """Whether the computer has a printer to print to; if not, the user is told to save a PDF
    instead. Without one, Qt's dialog offered nothing to choose, and printing failed only after
    it was accepted (with Qt's "QPainter::begin(): Returned false" on the console)."""
    if QPrinterInfo.availablePrinterNames():
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Printing", "No printer"),
        QCoreApplication.translate(
            "Printing",
            "No printer is set up on this computer. Save the document as a PDF instead, and"
            " print it where there is a printer; or ask IT to set one up.",
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    a11y.name_parts(box)
    box.exec()
    return False


def print_dialog(printer: QPrinter, pages: int, parent: QWidget | None = None) -> QPrintDialog:
    """Qt's print dialog for a document of `pages` pages (0: a batch of documents). "Print to
    file" is left out: saving a PDF is its own, audited, choice."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    if pages > 0:
        dialog.setMinMax(1, pages)
    else:  # several documents at once: a page range would mean nothing
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
    return dialog


def print_pdf(pdf: bytes, parent: QWidget | None = None, doc_name: str = "") -> bool:
    """Ask for a printer and print (blocking); False when the user cancelled, or there is no
    printer to ask for (`printer_set_up`). Raises PrintFailed as `render_to_printer`."""
    if not printer_set_up(parent):
        return False
    document, buffer = load_pdf(pdf)
    pages = document.pageCount()
    document.close()
    buffer.close()
    printer = new_printer(doc_name)
    dialog = print_dialog(printer, pages, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return render_to_printer(pdf, printer) > 0
