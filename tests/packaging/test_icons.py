"""The PNG and ICO icons are rendered from the one SVG at build time."""

from __future__ import annotations

from pathlib import Path

import icons
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


def test_png_and_ico_come_from_the_svg(qapp: QApplication, tmp_path: Path) -> None:
    png, ico = icons.make_icons(tmp_path)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (icons.PNG_SIZE, icons.PNG_SIZE)
    assert image.pixelColor(128, 128).alpha() == 255  # drawn, not an empty canvas
    with Image.open(ico) as bundle:
        assert bundle.format == "ICO"
        assert {size for size, _ in bundle.info["sizes"]} == set(icons.ICO_SIZES)
