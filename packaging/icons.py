"""The program icon in every format an installer wants, made from the one SVG.

`resources/icons/samjournal.svg` is the only drawing; the PNG (Linux menus, macOS) and the
multi-size ICO (Windows exe, installer, uninstall entry) are build output, so they can never
drift from it. Qt renders each size from the vector (sharper at 16 px than scaling one bitmap
down); Pillow writes the ICO, which Qt's own writer can only do at one size.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "samjournal.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render(size: int, svg: Path = SVG) -> bytes:
    """The SVG as a square RGBA PNG of `size` pixels."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
    return bytes(buffer.data().data())


def make_icons(out: Path, svg: Path = SVG) -> tuple[Path, Path]:
    """Write samjournal.png and samjournal.ico into `out`; return their paths."""
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    png = out / "samjournal.png"
    png.write_bytes(render(PNG_SIZE, svg))
    images = [Image.open(io.BytesIO(render(size, svg))) for size in ICO_SIZES]
    ico = out / "samjournal.ico"
    images[-1].save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )
    return png, ico
