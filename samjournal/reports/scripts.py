"""Text in any script inside a Paragraph: a face per character, right-to-left text in display
order line by line, and shaping where a script needs it.

`Para` is the Paragraph every report uses. After reportlab has parsed the markup, each text
fragment is cut into runs, one per face (`fonts.FALLBACKS`; bold text takes the bold face). In
a paragraph with right-to-left letters each run is also of one bidi level (`bidi_lines`, which
resolves them in logical order); reportlab breaks the lines, and `Para.breakLines` then puts
each line in display order. The letters inside a word stay in logical order, because HarfBuzz
(reportlab's `shaping`, uharfbuzz) lays out each word itself, right to left, with joined Arabic
letters. A paragraph is shaped only when a fallback face is in it: shaping costs a HarfBuzz
call per word, and DejaVu's scripts do not need it. A paragraph whose first strong letter is
right-to-left is set flush right when it wraps.

Extraction: a shaped Arabic glyph maps to its letters in the font subset's ToUnicode map; an
Indic word, whose glyphs are not drawn in the order of its letters, carries its letters as
ActualText. Four reportlab functions are replaced here for this (`shapeFragWord` and `sameFrag`
as Paragraph calls them, `makeToUnicodeCMap`, `PDFTextObject._formatText`); each calls
reportlab's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import sameFrag as _rl_same_frag
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen import textobject
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as _rl_paragraph

from samjournal.reports import bidi_lines
from samjournal.reports.fonts import FALLBACKS, MONO, SANS, SANS_BOLD, SANS_OBLIQUE, ensure_fonts
from samjournal.reports.tagging import role_of, tagger_of

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_BOLD_FACES = frozenset({SANS_BOLD, *(bold for _r, bold, _f in FALLBACKS)})
_FALLBACK_FACES = frozenset(name for r, b, _f in FALLBACKS for name in (r, b))
# DejaVu's faces, whose brackets in a right-to-left run are mirrored here (HarfBuzz mirrors
# those it lays out right to left itself).
_MIRRORED_FACES = frozenset((SANS, SANS_BOLD, SANS_OBLIQUE, MONO))


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph whose text may be in any script the fonts draw."""

    def _setup(
        self,
        text: str,
        style: ParagraphStyle,
        bulletText: Any,
        frags: Any,
        cleaner: Callable[..., str],
    ) -> None:
        parsed = frags is None  # reportlab passes frags back in when it splits a paragraph
        super()._setup(text, style, bulletText, frags, cleaner)
        parts: list[Any] = self.__dict__["frags"]
        if parsed and parts:
            self.__dict__["frags"], shaped, base = _per_face(parts)
            if shaped or base is not None:
                self.__dict__["style"] = _shaping(self.__dict__["style"])

    def breakLines(self, width: Any) -> Any:
        """reportlab's lines, broken in logical order, then each put in display order."""
        lines = super().breakLines(width)
        if getattr(lines, "kind", 0) != 1:
            return lines
        right_to_left = False
        for line in lines.lines:
            base = next(
                (getattr(f, bidi_lines.BASE) for f in line.words if hasattr(f, bidi_lines.BASE)),
                None,
            )
            if base is not None:
                bidi_lines.reorder(line, base, _MIRRORED_FACES)
                right_to_left = right_to_left or base == 1
        if right_to_left:
            # Lines of a right-to-left paragraph start at the right; one line alone keeps its
            # column's alignment (a name in a table of names).
            self.__dict__["style"] = _aligned(self.__dict__["style"], len(lines.lines) > 1)
        return lines

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Drawn inside a P or heading tag when the document is tagged (`tagging`)."""
        tagger = tagger_of(canvas)
        if tagger is None:
            super().drawOn(canvas, x, y, _sW)
            return
        tagger.begin(canvas, tagger.element(role_of(self.style.name)))
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            tagger.end(canvas)


def _per_face(frags: list[Any]) -> tuple[list[Any], bool, int | None]:
    """The fragments cut per face (and, with right-to-left text, per level); whether a
    fallback face is in them; the paragraph's bidi level, None without right-to-left text."""
    texts = [getattr(f, "text", "") if not hasattr(f, "cbDefn") else "" for f in frags]
    base: int | None = None
    if any(_RTL.search(t) for t in texts):
        base = bidi_lines.strong_direction("".join(texts)) or 0
    out: list[Any] = []
    shaped = False
    for frag, text in zip(frags, texts, strict=True):
        if not text:
            if base is not None and not hasattr(frag, "cbDefn"):
                setattr(frag, bidi_lines.BASE, base)
            out.append(frag)
            continue
        if base is not None:
            cuts = _bidi_cuts(frag, text, base)
        else:
            runs = face_runs(text, frag.fontName)
            if len(runs) == 1 and runs[0][0] == frag.fontName:
                cuts = [frag]
            else:
                cuts = [frag.clone(text=piece, fontName=face) for face, piece in runs]
        shaped = shaped or any(c.fontName in _FALLBACK_FACES for c in cuts)
        out.extend(cuts)
    return out, shaped, base


def _bidi_cuts(frag: Any, text: str, base: int) -> list[Any]:
    """`frag` cut where the face or the bidi level changes; each cut knows its level, the
    paragraph's, and that of the space after it."""
    text = bidi_lines.without_controls(text)
    if not text:
        return []
    char_levels = bidi_lines.fragment_levels(text, base)
    gap_levels = bidi_lines.gaps(text, char_levels, base)
    faces = [face for face, piece in face_runs(text, frag.fontName) for _ch in piece]
    out: list[Any] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and (faces[i], char_levels[i]) == (faces[start], char_levels[start]):
            continue
        cut = frag.clone(text=text[start:i], fontName=faces[start])
        setattr(cut, bidi_lines.LEVEL, char_levels[start])
        setattr(cut, bidi_lines.GAP, gap_levels[i - 1])
        setattr(cut, bidi_lines.BASE, base)
        setattr(cut, bidi_lines.RUN, bidi_lines.new_run())
        out.append(cut)
        start = i
    return out


def _same_frag(f: Any, g: Any) -> Any:
    """reportlab joins the words of like fragments on a line into one; never two cuts of a
    right-to-left paragraph, whose spaces may differ in level."""
    return f.__dict__.get(_RUN) == g.__dict__.get(_RUN) and _rl_same_frag(f, g)


_RUN = bidi_lines.RUN


_rl_paragraph.sameFrag = _same_frag


@lru_cache(maxsize=64)
def _shaping(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def _aligned(style: ParagraphStyle, flush_right: bool) -> ParagraphStyle:
    """`style` set flush right (if it was flush left), or back to flush left."""
    if flush_right and style.alignment == TA_LEFT:
        return _flush_right(style)
    left: ParagraphStyle | None = getattr(style, "sj_flush_left", None)
    return left if left is not None and not flush_right else style


@lru_cache(maxsize=64)
def _flush_right(style: ParagraphStyle) -> ParagraphStyle:
    right = ParagraphStyle(style.name, parent=style, alignment=TA_RIGHT)
    right.sj_flush_left = style
    return right


def face_runs(text: str, face: str) -> list[tuple[str, str]]:
    """`text` cut into (face, piece) runs: `face` where it draws the character, else the first
    fallback that does."""
    fonts = ensure_fonts()
    own = fonts.faces.get(face)
    if own is None or _all_in(text, own):
        return [(face, text)]
    bold = face in _BOLD_FACES
    out: list[tuple[str, str]] = []
    for ch in text:
        f = _face_for(ord(ch), face, bold)
        if out and out[-1][0] == f:
            out[-1] = (f, out[-1][1] + ch)
        else:
            out.append((f, ch))
    return out


def _all_in(text: str, covered: frozenset[int]) -> bool:
    return all(ord(ch) in covered for ch in set(text))


@lru_cache(maxsize=4096)
def _face_for(code: int, face: str, bold: bool) -> str:
    fonts = ensure_fonts()
    if code in fonts.faces[face]:
        return face
    for regular, bold_face, _file in FALLBACKS:
        if bold and code in fonts.faces[bold_face]:
            return bold_face
        if code in fonts.faces[regular]:
            return regular
    return face  # `shown` has already replaced what no face draws


_reportlab_shape = ttfonts.shapeFragWord
# Not reportlab's default "dlig": discretionary ligatures turn the name محمد into the ornamental
# sign U+FDF4, which neither reads as the name nor extracts as it.
_FEATURES = {"kern": True, "liga": True}


def _shape_per_face(word: list[Any]) -> Any:
    """reportlab shapes a whole word with the face of its first fragment, which draws wrong
    glyphs (or fails) for "(رضا)" where the brackets come from DejaVu: shape each run of one
    face and one bidi level on its own, in logical order, and join them."""
    pairs = word[1:]
    faces = {f.fontName for f, _t in pairs if not hasattr(f, "cbDefn")}
    if faces.isdisjoint(_FALLBACK_FACES):
        return word  # DejaVu's words look the same unshaped, and HarfBuzz per word is slow
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    if len(pairs) == 1:
        return _shape_cached(word)
    keys = {_run_key(f) for f, _t in pairs if not hasattr(f, "cbDefn")}
    if len(keys) <= 1:
        return _shape_one_face(word)
    runs: list[list[Any]] = []
    for pair in pairs:
        key = _run_key(pair[0]) if not hasattr(pair[0], "cbDefn") else None
        if runs and (key is None or runs[-1][0] in (None, key)):
            if runs[-1][0] is None:
                runs[-1][0] = key
            runs[-1][1].append(pair)
        else:
            runs.append([key, [pair]])
    joined = ttfonts.makeShapedFragWord(word)([0])
    for _face, run in runs:
        width = sum(
            pdfmetrics.stringWidth(t, f.fontName, f.fontSize)
            for f, t in run
            if not hasattr(f, "cbDefn")
        )
        shaped = _shape_one_face([width, *run])
        joined[0] += shaped[0]
        joined.extend(shaped[1:])
    return joined


_SHAPED: dict[tuple[str, float, str], tuple[float, Any]] = {}
_PRIVATE = range(0xE000, 0xF900)
# (face name, private-use code) -> the letters of its cluster. A glyph HarfBuzz chose that the
# font's cmap does not name (a Tamil vowel sign joined to its consonant, a Devanagari conjunct)
# gets a private-use code from reportlab; this is what it stands for in the ToUnicode map.
_STANDS_FOR: dict[tuple[str, int], str] = {}


def _run_key(frag: Any) -> tuple[str, int]:
    return frag.fontName, getattr(frag, bidi_lines.LEVEL, 0)


def _shape_one_face(word: list[Any]) -> Any:
    shaped = _reportlab_shape(word, _FEATURES)
    if shaped is not word:
        text = "".join(t for f, t in word[1:] if not hasattr(f, "cbDefn"))
        if len(shaped) == 2 and shaped[1][0].fontName in _REORDERED_FACES:
            _TYPED[(shaped[1][0].fontName, str(shaped[1][1]))] = text
        for frag, glyphs in shaped[1:]:
            data = getattr(glyphs, "__shapeData__", None)
            if data and any(ord(ch) in _PRIVATE for ch in glyphs):
                _learn(pdfmetrics.getFont(frag.fontName).face.name, text, glyphs, data)
    return shaped


# Indic scripts draw some vowel signs before their consonant and a reph after it: their glyphs
# in drawing order do not spell the word. The words they shaped, by (face, glyphs), for
# ActualText: a reader copies and extracts "शर्मा", not "शमार्".
_REORDERED_FACES = frozenset(
    name for r, b, f in FALLBACKS if f in ("NotoSansDevanagari", "NotoSansTamil") for name in (r, b)
)
_TYPED: dict[tuple[str, str], str] = {}
_reportlab_format_text = textobject.PDFTextObject._formatText


def _format_text(self: Any, text: str) -> str:
    out: str = _reportlab_format_text(self, text)
    if isinstance(text, ttfonts.ShapedStr) and self._fontname in _REORDERED_FACES:
        words = str(text).split(" ")
        typed = " ".join(_TYPED.get((self._fontname, w), w) for w in words)
        if typed != str(text):
            actual = ("\ufeff" + typed).encode("utf-16-be").hex().upper()
            out = f"/Span <</ActualText <{actual}>>> BDC {out} EMC"
    return out


textobject.PDFTextObject._formatText = _format_text


def _learn(face: bytes, text: str, glyphs: str, data: list[Any]) -> None:
    """Give each private-use glyph the letters of its cluster that no other glyph of the
    cluster names (for "முருகன்" the glyph for மு gets "மு")."""
    name = face.decode("latin-1")
    starts = sorted({d.cluster for d in data if 0 <= d.cluster < len(text)})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    for cluster in starts:
        members = [ch for ch, d in zip(glyphs, data, strict=True) if d.cluster == cluster]
        private = [ch for ch in members if ord(ch) in _PRIVATE]
        if not private or (name, ord(private[0])) in _STANDS_FOR:
            continue
        rest = list(text[cluster : ends[cluster]])
        for ch in members:
            if ord(ch) not in _PRIVATE and ch in rest:
                rest.remove(ch)
        if rest:
            _STANDS_FOR[(name, ord(private[0]))] = "".join(rest)


def _shape_cached(word: list[Any]) -> Any:
    """One fragment, one face: the same word in the same face and size shapes the same (a name
    comes back on every page), so HarfBuzz sees it once per process."""
    frag, text = word[1]
    key = (frag.fontName, frag.fontSize, text)
    hit = _SHAPED.get(key)
    if hit is None:
        shaped = _shape_one_face(word)
        if shaped is word or len(shaped) != 2:
            return shaped
        if len(_SHAPED) > 50_000:
            _SHAPED.clear()
        _SHAPED[key] = (shaped[0], shaped[1][1])
        return shaped
    width, glyphs = hit
    return ttfonts.makeShapedFragWord(word)([width, (frag, glyphs)])


_rl_paragraph.shapeFragWord = _shape_per_face  # reportlab's Paragraph looks it up per word

_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_RTL_FACE_FILES = ("NotoSansArabic", "NotoSansHebrew")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, except that a shaped Arabic glyph (a presentation form such as
    U+FEE3, or a ligature such as U+FCCF) maps to the letters it stands for: copying or
    extracting the text then gives the name as it was typed, not look-alike code points; a
    private-use code gets the letters its glyph was shaped from."""
    face = fontname.partition("+")[2]
    entries = []
    for code, char in enumerate(subset):
        text = chr(char)
        if any(lo <= char <= hi for lo, hi in _PRESENTATION_FORMS):
            text = unicodedata.normalize("NFKC", text)
        elif char in _PRIVATE:
            text = _STANDS_FOR.get((face, char), text)
        if len(text) > 1 and face.startswith(_RTL_FACE_FILES):
            # poppler reads a right-to-left word from its last glyph to its first and turns the
            # letters of each glyph around with it: a ligature's letters are stored turned so
            # that "الأطفال" does not come back as "األطفال".
            text = text[::-1]
        entries.append(f"<{code:02X}> <{text.encode('utf-16-be').hex().upper()}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up when each font's subset is written
