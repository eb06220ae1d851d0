"""The embedded fonts and the text they can show.

DejaVu draws Latin (every diacritic), Greek, Cyrillic, Armenian and Georgian; Noto Sans faces
draw what it cannot or draws poorly: Arabic (Persian, Urdu, Kurdish), Hebrew, Ethiopic (Tigrinya,
Amharic), Thai, Tamil and Devanagari. The TTFs and their licences (LICENSE for DejaVu, OFL.txt for
Noto) live in `resources/fonts/` at the top of the repository (and of a frozen build). They are
registered once per process under our own names, so reportlab embeds a subset of them in every
PDF; `scripts` picks the face for each character. `shown(text)` replaces what no face has (a CJK
name) with a visible box instead of letting it vanish or crash the build; an emoji no face has is
left out instead, with the space before it (a box in "Møte gikk bra 👍" read as a lost letter);
where that leaves nothing of a text, the report prints a marker (`common.Writer`).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from samjournal.messages import keyed
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

# Per-character fallbacks: (regular, bold) face names and files. The right-to-left scripts are
# taken from DejaVu even where it has glyphs: its Arabic has no shaping tables worth the name.
FALLBACKS: tuple[tuple[str, str, str], ...] = (
    ("SJArabic", "SJArabic-Bold", "NotoSansArabic"),
    ("SJHebrew", "SJHebrew-Bold", "NotoSansHebrew"),
    ("SJEthiopic", "SJEthiopic-Bold", "NotoSansEthiopic"),
    ("SJThai", "SJThai-Bold", "NotoSansThai"),
    ("SJTamil", "SJTamil-Bold", "NotoSansTamil"),
    ("SJDevanagari", "SJDevanagari-Bold", "NotoSansDevanagari"),
)
for _regular, _bold, _file in FALLBACKS:
    _FILES[_regular] = f"{_file}-Regular.ttf"
    _FILES[_bold] = f"{_file}-Bold.ttf"

# Hebrew, Arabic, Syriac, Thaana, NKo ... and their presentation forms: never drawn by DejaVu.
RTL_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))

REPLACEMENT = "\u25a1"  # □: a character the fonts cannot draw
# The blocks of symbols and pictographs emoji come from (technical symbols to dingbats and
# arrows; mahjong tiles to the newest emoji, by block, so one newer than Python's data too).
_PICTOGRAPH = re.compile("[\u2300-\u2bff\U0001f000-\U0001faff]")
# One emoji, with the space before it: a pictograph, its presentation selectors, keycap and tag
# characters (subdivision flags), and the pictographs joined to it (a family, a burning heart).
# A skin tone is a pictograph of its own here, left out with the one it follows.
_EMOJI = re.compile(
    rf"( ?)({_PICTOGRAPH.pattern}(?:[\ufe0e\ufe0f\u20e3\U000e0020-\U000e007f]"
    rf"|\u200d{_PICTOGRAPH.pattern})*)"
)
_KEEP_AS_SPACE = frozenset("\t\r\v\f")
_FILES_DEJAVU = frozenset((SANS, SANS_BOLD, SANS_OBLIQUE, MONO))


@dataclass(frozen=True, slots=True)
class Fonts:
    directory: Path
    coverage: frozenset[int]  # code points some text face can draw (what `shown` keeps)
    primary: frozenset[int]  # what every DejaVu text face draws (canvas strings, chart labels)
    faces: dict[str, frozenset[int]]  # what each registered face is used for


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
            raise keyed(
                ReportFontsMissing,
                "font_found_printing_needs",
                filename=str(filename),
                directory=str(directory),
            )
        try:
            faces[name] = TTFont(name, str(path))
        except (TTFError, OSError) as exc:
            raise keyed(ReportFontsMissing, "font_cannot_read", filename=str(filename)) from exc
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
    for regular, bold, _file in FALLBACKS:
        pdfmetrics.registerFontFamily(
            regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
        )
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
    rtl = frozenset(c for lo, hi in RTL_BLOCKS for c in range(lo, hi + 1))
    used = {
        name: frozenset(face.face.charToGlyph) - (rtl if name in _FILES_DEJAVU else frozenset())
        for name, face in faces.items()
    }
    primary = used[SANS] & used[SANS_BOLD] & used[SANS_OBLIQUE]
    coverage = primary.union(*(used[regular] for regular, _b, _f in FALLBACKS))
    return Fonts(directory, coverage, primary, used)


def shown(text: str, *, primary_only: bool = False) -> str:
    """`text` as the fonts can draw it: NFC, control characters out, emoji they lack left out
    (`_drawn_emoji`), other unknown characters as □.

    Newlines are kept (the caller turns them into line breaks after escaping). `primary_only`
    is for text drawn without fallback or shaping (page header, chart labels).
    """
    fonts = ensure_fonts()
    coverage = fonts.primary if primary_only else fonts.coverage
    text = _EMOJI.sub(lambda m: _drawn_emoji(m, coverage), unicodedata.normalize("NFC", text))
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch in _KEEP_AS_SPACE:
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            continue  # NUL and the like: the Noto faces map some to empty glyphs
        elif ord(ch) in coverage:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Me"):
            # Controls, zero-width marks, variation selectors and combining or enclosing marks
            # the font lacks have nothing to show: dropping them keeps "e\u0301" and "1\u20e3"
            # readable.
            continue
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def _drawn_emoji(found: re.Match[str], coverage: frozenset[int]) -> str:
    """An emoji (and the space before it) whole where the fonts draw all of it, else only the
    pictographs of it they draw, often none: left out, not a box read as a missing letter."""
    space, emoji = found.groups()
    if all(ord(c) in coverage for c in emoji):
        return space + emoji
    drawn = "".join(c for c in emoji if ord(c) in coverage and _PICTOGRAPH.fullmatch(c))
    return space + drawn if drawn else ""
