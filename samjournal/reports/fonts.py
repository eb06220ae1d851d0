"""The embedded fonts (DejaVu, with its licence beside it) and the text they can show.

The TTFs live in `resources/fonts/` at the top of the repository (and of a frozen build). They are
registered once per process under our own names, so reportlab embeds a subset of them in every
PDF. `shown(text)` replaces what the fonts lack (a CJK name, an emoji) with a visible box instead
of letting it vanish or crash the build.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from samjournal.reports.errors import ReportFontsMissing

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SANS = "SJSans"
SANS_BOLD = "SJSans-Bold"
SANS_OBLIQUE = "SJSans-Oblique"
MONO = "SJMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_OBLIQUE: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}

REPLACEMENT = "\u25a1"  # □: a character the fonts cannot draw
_KEEP_AS_SPACE = frozenset("\t\r\v\f")


@dataclass(frozen=True, slots=True)
class Fonts:
    directory: Path
    coverage: frozenset[int]  # code points every text face (regular, bold, oblique) can draw


_lock = threading.Lock()
_fonts: Fonts | None = None


def font_dir() -> Path:
    return FONT_DIR


def ensure_fonts() -> Fonts:
    """Register the fonts with reportlab (once per process) and return what they cover."""
    global _fonts
    if _fonts is not None:
        return _fonts
    with _lock:
        if _fonts is None:
            _fonts = _register(font_dir())
    return _fonts


def _register(directory: Path) -> Fonts:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    faces: dict[str, TTFont] = {}
    for name, filename in _FILES.items():
        path = directory / filename
        if not path.is_file():
            raise ReportFontsMissing(
                f"Fant ikke skriften {filename} i {directory}. Utskrifter trenger mappen "
                "resources/fonts fra programpakken."
            )
        try:
            faces[name] = TTFont(name, str(path))
        except (TTFError, OSError) as exc:
            raise ReportFontsMissing(f"Skriften {filename} kan ikke leses.") from exc
    for face in faces.values():
        pdfmetrics.registerFont(face)
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_OBLIQUE, boldItalic=SANS_BOLD
    )
    # <b> and <i> inside a Paragraph go through these mappings.
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_OBLIQUE)
    addMapping(SANS, 1, 1, SANS_BOLD)
    coverage = frozenset(faces[SANS].face.charToGlyph)
    for name in (SANS_BOLD, SANS_OBLIQUE):
        coverage &= frozenset(faces[name].face.charToGlyph)
    return Fonts(directory, coverage)


def shown(text: str) -> str:
    """`text` as the fonts can draw it: NFC, control characters out, unknown ones as □.

    Newlines are kept (the caller turns them into line breaks after escaping).
    """
    coverage = ensure_fonts().coverage
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch == "\n":
            out.append(ch)
        elif ch in _KEEP_AS_SPACE:
            out.append(" ")
        elif ord(ch) in coverage:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Mn"):
            # Controls, zero-width marks, variation selectors and combining marks the font lacks
            # have nothing to show: dropping them keeps "e\u0301" and emoji sequences readable.
            continue
        elif out and out[-1] == REPLACEMENT and _same_cluster(ch):
            continue
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def _same_cluster(ch: str) -> bool:
    """Skin-tone modifiers and the like belong to the emoji before them: one box, not two."""
    return unicodedata.category(ch) == "Sk" and 0x1F3FB <= ord(ch) <= 0x1F3FF
