"""Right-to-left paragraphs over several lines: broken in logical order, each line then put in
display order (UAX #9, L1–L4). Checked on the lines reportlab draws, against an independent
implementation of the algorithm (python-bidi's Rust core, the unicode-bidi crate), and in the
PDFs with poppler: `pdftotext` reads every line back in logical order, and `pdftotext -bbox`
finds each line's words from right to left where they should be."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from bidi import get_display
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfbase.ttfonts import ShapedStr

from samjournal import reports
from samjournal.journal import Journal
from samjournal.model import FamilyId, MeetingKind, NeedCategory, NeedDraft
from samjournal.money import Money
from samjournal.reports.bidi_lines import display_order
from samjournal.reports.common import Letterhead, Writer, build_pdf, glued, markup
from samjournal.reports.labels import Words
from samjournal.reports.scripts import Para
from samjournal.reports.styles import make_styles
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.samjournal.reports.conftest import ARTIFACTS
from tests.samjournal.reports.test_layout import Box, overlaps, word_boxes

# A family's own words, as a family might say them at a home visit.
ARABIC = (
    "نحن عائلة من خمسة أشخاص ونعيش في تروندهايم منذ سنتين. نريد أن يذهب الأطفال إلى المدرسة "
    "كل يوم ونحتاج إلى مساعدة في دفع الإيجار وشراء الملابس الشتوية للأطفال الثلاثة. الأب يبحث "
    "عن عمل والأم تدرس اللغة النرويجية في المساء، ونحن نشكركم على المساعدة."
)
# A meeting note in Arabic with Norwegian names, amounts, dates and times among the words.
MIXED = (
    "قال محمد إن الإيجار 8 500 kr في الشهر، وإن موعد NAV يوم 12.03.2026 الساعة 10:30 في مكتب "
    "Lademoen. الأطفال Sara و Omar يلعبون كرة القدم في IL Sverre منذ 2024 ويحتاجون إلى أحذية "
    "جديدة بسعر 1 200 kr لكل طفل."
)
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_RUN = re.compile("[\u0600-\u06ff]+")
# poppler marks the direction of each run it finds with embeddings (U+202A..U+202E); they
# separate words as a space would ("في‬Utdanning" is two words).
_EMBEDDINGS = dict.fromkeys(range(0x202A, 0x202F), " ")


def _letters(glyphs: str) -> str:
    """A word as drawn (a shaped right-to-left word's glyphs run right to left) as typed."""
    if not isinstance(glyphs, ShapedStr) or not _ARABIC_LETTERS.search(glyphs):
        return str(glyphs)
    return " ".join(
        "".join(unicodedata.normalize("NFKC", g) for g in reversed(word))
        for word in str(glyphs).split(" ")
    )


def _drawn(para: Para, width: float) -> list[str]:
    """Each line as drawn, left to right, with every word's letters as typed."""
    para.wrap(width, 10_000)
    if para.blPara.kind == 0:  # one plain fragment: reportlab keeps (space, words) per line
        return [" ".join(words) for _space, words in para.blPara.lines]
    return ["".join(_letters(f.text) for f in line.words) for line in para.blPara.lines]


def _words(text: str) -> list[str]:
    """Words as a line break sees them: "8 500 kr" is held together by no-break spaces."""
    return [w for w in glued(text).split(" ") if w]


def _split_by_lines(logical: list[str], lines: list[str]) -> list[list[str]]:
    """The logical words cut into the lines, by how many words each line holds."""
    out, start = [], 0
    for line in lines:
        n = len(_words(line))
        out.append(logical[start : start + n])
        start += n
    assert start == len(logical), "words were lost or added between the lines"
    return out


def _reference(line_words: list[str], base: str) -> str:
    """The line as unicode-bidi displays it, with right-to-left words turned back to how they
    were typed (it reverses their letters; HarfBuzz does that here)."""
    shown = get_display(" ".join(line_words), base_dir=base)
    return _ARABIC_RUN.sub(lambda m: m.group(0)[::-1], shown)


def _bare(text: str) -> list[str]:
    """The words without their punctuation (where a full stop stands is checked elsewhere)."""
    return re.sub(r"[^\w]", " ", text).split()


def test_a_long_arabic_paragraph_starts_on_its_first_line_and_reads_right_to_left() -> None:
    para = Para(markup(ARABIC), make_styles(9.5).body)
    lines = _drawn(para, 220)
    assert len(lines) >= 4
    logical = _words(ARABIC)
    for drawn, words in zip(lines, _split_by_lines(logical, lines), strict=True):
        assert _bare(drawn) == _bare(" ".join(words))[::-1]  # the line's first word at the right
        assert drawn == _reference(words, "R")  # and its full stops where unicode-bidi has them
    assert lines[-1].startswith(".المساعدة")  # the last full stop at the left end
    assert para.style.alignment == TA_RIGHT  # its first letter is Arabic: set flush right


def test_one_line_keeps_its_column_s_alignment() -> None:
    """A name in a table of names stays flush left with the others; the same cell wrapped over
    lines is set flush right, where its lines start."""
    name = Para(markup("زهرا رضایی"), make_styles(9.5).cell)
    name.wrap(150, 1000)
    assert name.style.alignment == TA_LEFT
    long = Para(markup(ARABIC), make_styles(9.5).cell)
    long.wrap(150, 1000)
    assert long.style.alignment == TA_RIGHT
    long.wrap(5000, 1000)  # wrapped again wider, on one line: back to the column's alignment
    assert long.style.alignment == TA_LEFT


@pytest.mark.parametrize("width", [140, 220, 330])
def test_mixed_arabic_latin_and_numbers_match_the_reference_on_every_line(width: float) -> None:
    para = Para(markup(MIXED), make_styles(9.5).body)
    lines = _drawn(para, width)
    assert len(lines) >= 2
    for drawn, words in zip(lines, _split_by_lines(_words(MIXED), lines), strict=True):
        assert drawn == _reference(words, "R")


def test_a_label_keeps_its_side_and_the_users_text_reads_in_its_own_direction() -> None:
    """`<b>Familiens ord:</b> ` before Arabic: the paragraph is left-to-right (its first letter
    is the label's); the words after it are an isolate, right to left, line by line."""
    para = Para("<b>Familiens ord:</b> " + markup(ARABIC), make_styles(9.5).body)
    lines = _drawn(para, 250)
    assert para.style.alignment == TA_LEFT
    assert lines[0].startswith("Familiens ord: ")
    first = _bare(lines[0])[2:]
    logical = _bare(ARABIC)
    assert first == logical[: len(first)][::-1]
    at = len(first)
    for drawn in lines[1:]:
        words = _bare(drawn)
        assert words == logical[at : at + len(words)][::-1]
        at += len(words)
    assert at == len(logical)


def test_brackets_in_a_right_to_left_run_are_mirrored() -> None:
    # "(مكتب Lademoen)" in an Arabic sentence: the opening bracket is at the right and drawn
    # as ")" so that it opens towards the text (rule L4).
    para = Para(markup("موعد في (مكتب Lademoen) غدا"), make_styles(9.5).body)
    assert _drawn(para, 400) == ["غدا (Lademoen مكتب) في موعد"]
    assert display_order("موعد (مكتب) غدا") == "غدا (مكتب) موعد"


def test_left_to_right_text_is_untouched() -> None:
    text = "Åse og Ola møtes 12.03.2026 kl. 10:30 (Lademoen) med Ольга Петрова."
    lines = _drawn(Para(markup(text), make_styles(9.5).body), 90)
    assert len(lines) >= 3
    assert " ".join(lines) == text


# -- in the reports, read back with poppler ---------------------------------------------------


@dataclass(frozen=True)
class World:
    journal: Journal
    family: FamilyId


@pytest.fixture(scope="module")
def world(template: Template, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path = tmp_path_factory.mktemp("bidi") / "journal"
    shutil.copytree(template.path, path)
    j = Journal.open(path, LEAD, LEAD_PASS)
    family = j.families.create("Familien محمد", budget_frame=Money.kr(40_000))
    j.meetings.record(
        family.id,
        dt.datetime.now(dt.UTC) - dt.timedelta(days=10),
        MeetingKind.HOME_VISIT,
        family_words=ARABIC,
        agreed=MIXED,
        needs=[NeedDraft(ARABIC, NeedCategory.EDUCATION)],
    )
    yield World(j, family.id)
    j.lock()


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    assert path is not None, f"{tool} is missing: apt-get install poppler-utils"
    return path


def _text_lines(pdf: bytes) -> list[str]:
    out = subprocess.run(
        [_poppler("pdftotext"), "-", "-"], input=pdf, capture_output=True, check=True
    )
    text = out.stdout.decode("utf-8").translate(_EMBEDDINGS)
    return [" ".join(line.split()) for line in text.splitlines()]


def _runs_of(lines: list[str], paragraph: str) -> list[list[list[str]]]:
    """Each run of consecutive extracted lines that hold words of `paragraph` (and any label
    or bullet before them), as the paragraph's words on each line; a run starts with the
    paragraph's first word."""
    wanted = set(_bare(paragraph))
    runs: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in lines:
        words = [w for w in _bare(line) if w in wanted]
        if words:
            current.append(words)
        elif current:
            runs.append(current)
            current = []
    first = _bare(paragraph)[0]
    return [run for run in runs if first in run[0]]


def test_pdftotext_reads_a_right_to_left_page_in_logical_order_line_by_line() -> None:
    """On a page that is mostly Arabic poppler reads lines right to left: each extracted line
    is the next piece of the paragraph, word for word as typed (poppler sets the space beside a
    full stop in a right-to-left line on the wrong side of it: "سنتين .نريد"; where the stop
    is drawn is checked against unicode-bidi above)."""
    o = Writer(make_styles(9.5), Words("nb"))
    head = Letterhead("Prøve", "2026-0001", "Ola", dt.datetime(2026, 1, 1, 12), Words("nb"))
    pdf = build_pdf([*o.text(ARABIC), *o.text(ARABIC + " " + ARABIC)], head)
    lines = [line for line in _text_lines(pdf) if _ARABIC_LETTERS.search(line)]
    assert len(lines) >= 5
    logical = _bare(" ".join([ARABIC, ARABIC, ARABIC]))
    at = 0
    for line in lines:
        words = _bare(line)
        assert words == logical[at : at + len(words)], line
        at += len(words)
    assert at == len(logical)


@pytest.mark.parametrize("document", ["summary", "family_copy"])
def test_pdftotext_finds_every_line_of_the_family_s_words_in_order(
    world: World, document: str
) -> None:
    """In the reports (pages mostly in Latin letters) every line of the family's words holds
    the next words of what they said, in the order of the lines; poppler orders the pieces of a
    line between full stops by its own guess, so each line's words are compared as a set."""
    make = reports.case_summary if document == "summary" else reports.family_copy
    logical = _bare(ARABIC)
    runs = _runs_of(_text_lines(make(world.journal, world.family)), ARABIC)
    assert len(runs) >= 2  # the need (in a table cell or a list) and the meeting
    for run in runs:
        assert len(run) >= 2, run
        at = 0
        for words in run:
            assert sorted(words) == sorted(logical[at : at + len(words)]), words
            at += len(words)
        assert at == len(logical)


def test_each_line_s_words_stand_right_to_left_on_the_page(world: World) -> None:
    """Where the words are drawn, not how a reader guesses: sorted by their x from the right,
    the words of each line of the paragraph give the paragraph in the order it was typed."""
    pdf = reports.case_summary(world.journal, world.family)
    out = subprocess.run(
        [_poppler("pdftotext"), "-bbox-layout", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(out.stdout.decode("utf-8"))
    wanted = set(_bare(ARABIC))
    found: list[str] = []
    for line in root.iterfind(".//x:line", ns):
        # -bbox gives each word's glyphs in the order they are drawn, left to right
        boxes = [
            (float(w.get("xMin", 0)), (w.text or "")[::-1]) for w in line.iterfind("x:word", ns)
        ]
        found += [w for _x, text in sorted(boxes, reverse=True) for w in _bare(text) if w in wanted]
    logical = _bare(ARABIC)
    starts = [i for i in range(len(found)) if found[i : i + len(logical)] == logical]
    assert len(starts) == 2  # the need's cell, and the meeting's paragraph after its label


def test_pages_rendered_for_a_look(world: World) -> None:
    """PNGs in test-artifacts/reports/ (git-ignored): the Arabic paragraphs, flush right."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    words = Words("nb")
    o = Writer(make_styles(9.5), words)
    flow = [
        o.h2("Familiens ord"),
        *o.text(ARABIC),
        o.h2("Notat"),
        *o.text(MIXED),
        *o.text(ARABIC, lead="<b>Familiens ord:</b> "),
    ]
    head = Letterhead("Prøve", "2026-0001", "Ola", dt.datetime(2026, 1, 1, 12), words)
    for name, pdf in (
        ("bidi_paragraphs", build_pdf(flow, head)),
        ("bidi_summary", reports.case_summary(world.journal, world.family)),
        ("bidi_family_copy", reports.family_copy(world.journal, world.family)),
    ):
        target = ARTIFACTS / name
        target.with_suffix(".pdf").write_bytes(pdf)
        subprocess.run(
            [_poppler("pdftoppm"), "-png", "-r", "90", "-l", "3", "-", str(target)], input=pdf
        )
        assert list(ARTIFACTS.glob(f"{name}*.png"))


@pytest.mark.parametrize("document", ["summary", "family_copy"])
def test_no_words_overprint(world: World, document: str) -> None:
    """Right-to-left lines in table cells and paragraphs keep to their columns (the layout
    test's check, on these documents). poppler's box for an Arabic word is Noto Sans Arabic's
    ascent to descent, twice the line: it is taken at the height of the text around it."""
    make = reports.case_summary if document == "summary" else reports.family_copy
    pages = word_boxes(make(world.journal, world.family))
    for page in pages:
        boxes = [_text_height(b) if _ARABIC_LETTERS.search(b.text) else b for b in page]
        assert not overlaps(boxes)
    assert sum(1 for page in pages for b in page if _ARABIC_LETTERS.search(b.text)) > 80


def _text_height(box: Box) -> Box:
    middle, half = (box.y0 + box.y1) / 2, (box.y1 - box.y0) * 0.24
    return replace(box, y0=middle - half, y1=middle + half)
