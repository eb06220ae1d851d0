"""Right-to-left text over several lines: levels before line breaking, display order after.

The Unicode bidirectional algorithm (UAX #9) resolves an embedding level for every character
of a paragraph in logical order; lines are broken in logical order; only then is each line put
in display order (rules L1–L4). Done the other way round, a right-to-left passage longer than a
line would start on its second line.

Here the levels are found when a Paragraph is parsed (`resolve`): the paragraph's direction is
that of its first strong letter (P2–P3), and each fragment of markup (a user's text, a label, a
name in a list) is its own isolate with the direction of its first strong letter, like HTML's
`dir="auto"` on a `<bdi>`: a label never changes how the name after it reads. Every character
then carries its level on the fragment it is cut into (`LEVEL`), fragments of one level and one
face. reportlab breaks the lines; `reorder` turns each line's words around (L2) and mirrors
brackets in right-to-left runs (L4). Each word is a unit: HarfBuzz has already laid out the
letters of a right-to-left word from right to left, and left-to-right words keep theirs.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence
from typing import Any

from bidi import algorithm as uba
from reportlab.pdfbase import ttfonts

LEVEL = "sj_level"  # the level of every character of a fragment
RUN = "sj_run"  # which cut a fragment came from: reportlab never joins two cuts on a line
GAP = "sj_gap"  # the level of the space after the cut (a space reportlab adds back itself)
BASE = "sj_base"  # the paragraph's level: 0 left-to-right, 1 right-to-left

_RTL_TYPES = frozenset(("R", "AL"))
# Explicit embeddings, overrides, isolates and boundary neutrals: this algorithm has no use for
# them (each fragment is already an isolate) and the fonts draw none of them.
_DROPPED = frozenset(("RLE", "LRE", "RLO", "LRO", "PDF", "BN", "LRI", "RLI", "FSI", "PDI"))
_run_ids = itertools.count(1)


def strong_direction(text: str) -> int | None:
    """0 or 1 for the first strong letter of `text` (rule P2), None if it has none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return 0
        if kind in _RTL_TYPES:
            return 1
    return None


def without_controls(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.bidirectional(ch) not in _DROPPED)


def levels(text: str, base: int) -> list[int]:
    """The resolved level of each character of `text` (no controls in it) at level `base`."""
    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if base % 2 else "L"
    uba.get_embedding_levels(text, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    out = [c["level"] for c in storage["chars"]]
    return out if len(out) == len(text) else [base] * len(text)


def fragment_levels(text: str, paragraph: int) -> list[int]:
    """Levels for one fragment of a paragraph at level `paragraph`: the fragment, stripped of
    the spaces at its ends, is an isolate in the direction of its first strong letter; those
    spaces (between a label and a name) are the paragraph's."""
    core = text.strip()
    if not core:
        return [paragraph] * len(text)
    start = len(text) - len(text.lstrip())
    own = strong_direction(core)
    inner = paragraph if own is None or own == paragraph % 2 else paragraph + 1
    out = [paragraph] * len(text)
    out[start : start + len(core)] = levels(core, inner)
    return out


def gaps(text: str, char_levels: Sequence[int], paragraph: int) -> list[int]:
    """For each character, the level of the first whitespace after the non-space text that
    ends there (what reportlab's added space should have); `paragraph` if there is none."""
    out = [paragraph] * len(text)
    following = paragraph
    for i in range(len(text) - 1, -1, -1):
        if text[i].isspace():
            following = char_levels[i]
        out[i] = following
    return out


def new_run() -> int:
    return next(_run_ids)


# -- after line breaking ------------------------------------------------------------------------


def _is_text(frag: Any) -> bool:
    return not hasattr(frag, "cbDefn") and bool(getattr(frag, "text", ""))


def _tokens(text: str) -> list[str]:
    """`text` cut at its spaces, the spaces kept as tokens (slices keep a shaped word whole)."""
    out: list[str] = []
    start = 0
    for i, ch in enumerate(str(text)):
        if ch == " ":
            if i > start:
                out.append(text[start:i])
            out.append(text[i : i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return out


def reorder(line: Any, paragraph: int, mirror_faces: frozenset[str]) -> None:
    """Put one broken line (reportlab's FragLine) in display order, in place."""
    words: list[Any] = line.words
    tail: list[Any] = []
    while words and not _is_text(words[-1]) and not hasattr(words[-1], "cbDefn"):
        tail.insert(0, words.pop())  # a line break: it stays last
    last_text = max((i for i, f in enumerate(words) if _is_text(f)), default=-1)
    atoms: list[tuple[int, int, Any]] = []  # (level, index of its frag, text)
    for index, frag in enumerate(words):
        level = getattr(frag, LEVEL, paragraph)
        if not _is_text(frag):
            atoms.append((level, index, frag.text if hasattr(frag, "text") else ""))
            continue
        pieces = _tokens(frag.text)
        end = len(pieces)
        while end and pieces[end - 1] == " ":
            end -= 1
        for n, piece in enumerate(pieces):
            if n >= end:  # the space reportlab put after the cut, or the line's end (L1)
                gap = paragraph if index == last_text else getattr(frag, GAP, paragraph)
                atoms.append((gap, index, piece))
            else:
                atoms.append((level, index, piece))
    ordered = _l2(atoms)
    rebuilt: list[Any] = []
    for index, group in itertools.groupby(ordered, key=lambda a: a[1]):
        parts = list(group)
        frag = words[index]
        if not _is_text(frag):
            rebuilt.append(frag)
            continue
        text: Any = ""
        for level, _i, piece in parts:
            if level % 2 and frag.fontName in mirror_faces:
                piece = _mirrored(piece)
            text = text + piece if text else piece
        clone = frag.clone()
        clone.text = text
        rebuilt.append(clone)
    line.words = rebuilt + tail


def _l2(atoms: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run of atoms
    at that level or higher."""
    if not atoms:
        return atoms
    top = max(a[0] for a in atoms)
    lowest_odd = min((a[0] for a in atoms if a[0] % 2), default=top + 1)
    out = list(atoms)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(out):
            if out[i][0] < level:
                i += 1
                continue
            j = i
            while j < len(out) and out[j][0] >= level:
                j += 1
            out[i:j] = out[i:j][::-1]
            i = j
    return out


def _mirrored(piece: Any) -> Any:
    """Rule L4 for text HarfBuzz did not lay out right to left: "(" drawn as ")", and the
    characters of "):" turned around."""
    turned = "".join(uba.MIRRORED.get(ch, ch) for ch in reversed(str(piece)))
    data = getattr(piece, "__shapeData__", None)
    if data is None:
        return turned
    return ttfonts.ShapedStr(turned, list(reversed(data)))


def display_order(text: str) -> str:
    """One line of plain text as it is seen, left to right: words move, each word's letters
    stay in logical order (HarfBuzz lays those out); punctuation in a right-to-left run is
    turned and mirrored."""
    text = without_controls(text)
    paragraph = strong_direction(text) or 0
    char_levels = fragment_levels(text, paragraph)
    atoms: list[tuple[int, int, Any]] = []
    for (level, kind), group in itertools.groupby(
        zip(char_levels, text, strict=True), key=lambda p: (p[0], _kind(p[1]))
    ):
        chars = "".join(ch for _l, ch in group)
        pieces = list(chars) if kind == "p" else [chars]
        atoms.extend((level, 0, piece) for piece in pieces)
    return "".join(
        _mirrored(piece) if level % 2 and _kind(piece[0]) == "p" else piece
        for level, _i, piece in _l2(atoms)
    )


def _kind(ch: str) -> str:
    if ch.isspace():
        return "s"
    return {"L": "w", "M": "w", "N": "w"}.get(unicodedata.category(ch)[0], "p")
