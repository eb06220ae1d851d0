"""Print a PDF built in memory (reports) through Qt's print dialog; nothing is written to disk.

QtPdf renders each page from the bytes; the pages are painted onto the printer at its
resolution.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def load_pdf(pdf: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A document over the bytes (keep the buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def render_to_printer(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page onto `printer`; returns the number of pages printed."""
    document, buffer = load_pdf(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = document.pageCount()
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(index)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(index, size)
            painter.drawImage(QRect(target.topLeft(), size), image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return render_to_printer(pdf, printer) > 0
