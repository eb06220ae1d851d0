"""The pages of an in-memory PDF on screen: QtPdfWidgets' `QPdfView` when the wheel has it,
otherwise each page rendered to an image (`QPdfDocument.render`) in a scroll area."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui import a11y
from ui.printing import page_image

try:  # PySide6_Pdf ships QtPdfWidgets on every platform we know; stay usable without it
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_PDF_VIEW = True
except ImportError:  # pragma: no cover - depends on the installed wheel
    HAVE_PDF_VIEW = False

MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
_SCREEN_DPI = 96.0


SETTLE_MS = 250


class PageView(QWidget):
    """Scrollable pages with zoom; `page_changed(index)` follows the page in view.

    QPdfView (Qt 6.12) caches whatever page image its render thread delivers, whatever size it
    was asked for; a render still running when the window is resized arrives late, at the old
    size, and stays on screen blurred. So once a resize has settled, the pages are rendered
    again.
    """

    page_changed = Signal(int)

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pdf_view: QPdfView | None = None
        self._images: _ImagePages | None = None
        name = self.tr("Pages of the printout")
        if HAVE_PDF_VIEW:
            view = QPdfView(self)
            view.setAccessibleName(name)  # a screen reader said only "client"
            a11y.set_role(view, QAccessible.Role.Document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(16)
            view.setDocumentMargins(QMargins(16, 16, 16, 16))
            view.setBackgroundRole(QPalette.ColorRole.Dark)  # the sheets stand out from it
            view.setDocument(document)
            view.pageNavigator().currentPageChanged.connect(self.page_changed.emit)
            self.pdf_view = view
            layout.addWidget(view)
            self.setFocusProxy(view)
        else:
            self._images = images = _ImagePages(document, self)
            images.setAccessibleName(name)
            images.page_changed.connect(self.page_changed.emit)
            layout.addWidget(images)
            self.setFocusProxy(images)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.rerender)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._settle.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._settle.start()

    def rerender(self) -> None:
        """Drop the cached page images and render them again at the current size."""
        view = self.pdf_view
        if view is None:
            return
        mode, zoom = view.zoomMode(), view.zoomFactor()
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(zoom * 1.001)
        view.setZoomFactor(zoom)
        view.setZoomMode(mode)

    @property
    def zoom(self) -> float:
        if self.pdf_view is not None:
            return float(self.pdf_view.zoomFactor())
        assert self._images is not None
        return self._images.zoom

    def zoom_by(self, factor: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self._current_zoom() * factor))
        if self.pdf_view is not None:
            view = self.pdf_view
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setZoomFactor(zoom)
        elif self._images is not None:
            self._images.set_zoom(zoom)

    def _current_zoom(self) -> float:
        """The zoom actually shown (in fit-to-width mode QPdfView reports 1.0)."""
        if self.pdf_view is None or self.document.pageCount() < 1:
            return self.zoom
        view = self.pdf_view
        if view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.zoom
        width = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
        room = view.viewport().width() - 2 * view.documentMargins().left()
        return max(MIN_ZOOM, room / width) if width else 1.0

    def fit_width(self) -> None:
        if self.pdf_view is not None:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif self._images is not None:
            self._images.set_zoom(1.0)

    def go_to(self, index: int) -> None:
        if self.pdf_view is not None:
            navigator = self.pdf_view.pageNavigator()
            navigator.jump(index, QPointF(), navigator.currentZoom())
        elif self._images is not None:
            self._images.go_to(index)

    def clear(self) -> None:
        """Forget the pages shown (the caller closes the document, which empties the view)."""
        self._settle.stop()
        if self._images is not None:
            self._images.clear()


class _ImagePages(QScrollArea):
    """The fallback: one label per page, rendered at the screen's resolution times the zoom."""

    page_changed = Signal(int)

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.zoom = 1.0
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self._labels: list[QLabel] = []
        self._current = 0
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._track())
        self._render()

    def _render(self) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setSpacing(12)
        self._labels = []
        dpi = _SCREEN_DPI * self.zoom * self.devicePixelRatioF()
        for index in range(self.document.pageCount()):
            label = QLabel()
            pixmap = QPixmap.fromImage(page_image(self.document, index, dpi))
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
            self._labels.append(label)
        column.addStretch(1)
        self.setWidget(holder)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._render()

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self._labels):
            self.ensureWidgetVisible(self._labels[index], 0, 0)

    def _track(self) -> None:
        middle = self.viewport().height() // 2
        for index, label in enumerate(self._labels):
            top = label.mapTo(self.viewport(), QPoint(0, 0)).y()
            if top <= middle <= top + label.height():
                if index != self._current:
                    self._current = index
                    self.page_changed.emit(index)
                return

    def clear(self) -> None:
        self.takeWidget()
        self._labels = []
