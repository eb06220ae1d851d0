"""Text in any script inside a Paragraph: a face per character, right-to-left words in display
order, and shaping where a script needs it.

`Para` is the Paragraph every report uses. After reportlab has parsed the markup, each text
fragment is cut into runs, one per face (`fonts.FALLBACKS`; bold text takes the bold face). A
fragment with right-to-left letters is put in display order word by word with the Unicode
bidirectional algorithm (python-bidi resolves the levels); the letters inside a word stay in
logical order, because HarfBuzz (reportlab's `shaping`, uharfbuzz) lays out each word itself,
right to left, with joined Arabic letters. A paragraph is shaped only when a fallback face is
in it: shaping costs a HarfBuzz call per word, and DejaVu's scripts do not need it.

Extraction: a shaped Arabic glyph maps to its letters in the font subset's ToUnicode map; an
Indic word, whose glyphs are not drawn in the order of its letters, carries its letters as
ActualText. Three reportlab functions are replaced here for this (`shapeFragWord` as Paragraph
calls it, `makeToUnicodeCMap`, `PDFTextObject._formatText`); each calls reportlab's own.

Known limit: the display order is found per fragment before lines are broken, so a right-to-left
passage longer than one line is ordered as if it were one line, and its first words may land on
the second (names, lists of names and short notes are exact).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bidi import algorithm as uba
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen import textobject
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as _rl_paragraph

from samjournal.reports.fonts import FALLBACKS, SANS_BOLD, ensure_fonts
from samjournal.reports.tagging import role_of, tagger_of

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_BOLD_FACES = frozenset({SANS_BOLD, *(bold for _r, bold, _f in FALLBACKS)})
_FALLBACK_FACES = frozenset(name for r, b, _f in FALLBACKS for name in (r, b))
# Explicit embeddings and boundary neutrals: the algorithm drops them, which would misalign the
# levels with the characters; the fonts draw none of them.
_X9 = frozenset(("RLE", "LRE", "RLO", "LRO", "PDF", "BN"))


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
            self.__dict__["frags"], shaped = _per_face(parts)
            if shaped:
                self.__dict__["style"] = _shaping(self.__dict__["style"])

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


def _per_face(frags: list[Any]) -> tuple[list[Any], bool]:
    out: list[Any] = []
    shaped = False
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text or hasattr(frag, "cbDefn"):
            out.append(frag)
            continue
        if _RTL.search(text):
            text = display_order(text)
        runs = face_runs(text, frag.fontName)
        if len(runs) == 1 and runs[0][0] == frag.fontName:
            frag.text = text
            out.append(frag)
            continue
        for face, piece in runs:
            shaped = shaped or face in _FALLBACK_FACES
            out.append(frag.clone(text=piece, fontName=face))
    return out, shaped


@lru_cache(maxsize=64)
def _shaping(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


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
    glyphs (or fails) for "(رضا)" where the brackets come from DejaVu: shape each face's run on
    its own, in the order `display_order` left them, and join them."""
    pairs = word[1:]
    faces = {f.fontName for f, _t in pairs if not hasattr(f, "cbDefn")}
    if faces.isdisjoint(_FALLBACK_FACES):
        return word  # DejaVu's words look the same unshaped, and HarfBuzz per word is slow
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    if len(pairs) == 1:
        return _shape_cached(word)
    if len(faces) <= 1:
        return _shape_one_face(word)
    runs: list[list[Any]] = []
    for pair in pairs:
        face = pair[0].fontName if not hasattr(pair[0], "cbDefn") else None
        if runs and (face is None or runs[-1][0] in (None, face)):
            if runs[-1][0] is None:
                runs[-1][0] = face
            runs[-1][1].append(pair)
        else:
            runs.append([face, [pair]])
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


def display_order(text: str) -> str:
    """Words in the order they are seen, left to right, on a left-to-right page; each word's
    letters stay in logical order for HarfBuzz to lay out (rule L2 of UAX #9, by word)."""
    text = "".join(ch for ch in text if unicodedata.bidirectional(ch) not in _X9)
    storage = uba.get_empty_storage()
    storage["base_level"] = 0
    storage["base_dir"] = "L"
    uba.get_embedding_levels(text, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    if len(levels) != len(text):
        return text
    tokens = _pieces(text, levels)
    top = max(level for level, _t in tokens)
    lowest_odd = min((level for level, _t in tokens if level % 2), default=0)
    for level in range(top, max(lowest_odd, 1) - 1, -1):
        i = 0
        while i < len(tokens):
            if tokens[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(tokens) and tokens[j][0] >= level:
                j += 1
            tokens[i:j] = tokens[i:j][::-1]
            i = j
    return "".join(_mirrored(t) if level % 2 and not _is_word(t) else t for level, t in tokens)


def _kind(ch: str) -> str:
    cat = unicodedata.category(ch)
    if ch.isspace():
        return "s"
    return {"L": "w", "M": "w", "N": "d"}.get(cat[0], "p")


def _pieces(text: str, levels: list[int]) -> list[tuple[int, str]]:
    """Words, numbers, spaces and punctuation, each of one level: the units that move. A word's
    letters are laid out by HarfBuzz; punctuation in a right-to-left run is turned here."""
    out: list[tuple[int, str]] = []
    last = ("", -1)
    for ch, level in zip(text, levels, strict=True):
        key = (_kind(ch), level)
        if out and key == last and key[0] != "p":
            out[-1] = (level, out[-1][1] + ch)
        else:
            out.append((level, ch))
        last = key
    return out


def _is_word(piece: str) -> bool:
    return _kind(piece[0]) in "wd"


def _mirrored(piece: str) -> str:
    return "".join(uba.MIRRORED.get(ch, ch) for ch in reversed(piece))
