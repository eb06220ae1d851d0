"""Names in every script a family in Norway may write them in, read back from the PDFs with
poppler (`pdftotext`, `pdffonts`), and the pieces that make it work: a face per character and
right-to-left words in display order."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import ShapedStr

from samjournal import reports
from samjournal.journal import Journal
from samjournal.model import FamilyId, MeetingKind, NeedCategory, NeedDraft
from samjournal.money import Money
from samjournal.records.meetings import member
from samjournal.reports.bidi_lines import display_order
from samjournal.reports.common import Letterhead, Writer, build_pdf, names
from samjournal.reports.fonts import SANS, SANS_BOLD
from samjournal.reports.labels import Words
from samjournal.reports.scripts import Para, face_runs
from samjournal.reports.styles import make_styles
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.samjournal.reports.conftest import ARTIFACTS

WORLD = {
    "vietnamese": "Nguyễn Thị Ánh",
    "polish": "Łukasz Żółć",
    "russian": "Ольга Петрова",
    "greek": "Ελένη Παπαδοπούλου",
    "arabic": "محمد",
    "arabic, two words": "محمد علی",
    "persian": "زهرا رضایی",
    "urdu": "فاطمہ بی بی",
    "tigrinya": "ሰላም ተስፋይ",
    "amharic": "አበበ ቢቂላ",
    "hebrew": "שלום כהן",
    "thai": "สมชาย ใจดี",
    # Indic: vowel signs drawn before their consonant and a reph (ActualText gives them back)
    "tamil": "முருகன் செல்வராஜ்",
    "hindi": "राम शर्मा",
}
# poppler marks each right-to-left run it finds with directional embeddings (U+202A..U+202C);
# a reader does not see them, and they are no part of the name.
_EMBEDDINGS = dict.fromkeys(range(0x202A, 0x202F))
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_ARABIC_FORMS = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class World:
    journal: Journal
    family: FamilyId


@pytest.fixture(scope="module")
def world(template: Template, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path = tmp_path_factory.mktemp("scripts") / "journal"
    shutil.copytree(template.path, path)
    j = Journal.open(path, LEAD, LEAD_PASS)
    family = j.families.create(f"Familien {WORLD['arabic']}", budget_frame=Money.kr(40_000))
    members = [j.members.add(family.id, name, birth_year=1980) for name in WORLD.values()]
    everyone = " og ".join(WORLD.values())
    # The family's copy prints needs (the family's words), never the staff's note: every name
    # is in a need taken up at the meeting.
    half = len(WORLD) // 2
    first, second = list(WORLD.values())[:half], list(WORLD.values())[half:]
    when = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    j.meetings.record(
        family.id,
        when,
        MeetingKind.HOME_VISIT,
        family_words=f"Vi heter {everyone}.",
        agreed=f"Avtalt med {everyone}.",
        participants=[member(m.id) for m in members],
        needs=[
            NeedDraft(f"Skoleplass for {' og '.join(first)}", NeedCategory.EDUCATION),
            NeedDraft(f"Fritid for {' og '.join(second)}", NeedCategory.LEISURE),
        ],
    )
    j.payments.propose(family.id, Money.kr(2_650), f"Kontingent for {WORLD['persian']}")
    yield World(j, family.id)
    j.lock()


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    assert path is not None, f"{tool} is missing: apt-get install poppler-utils"
    return path


def _pdftotext(pdf: bytes) -> str:
    out = subprocess.run(
        [_poppler("pdftotext"), "-", "-"], input=pdf, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8").translate(_EMBEDDINGS)


def _fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([_poppler("pdffonts"), str(path)], capture_output=True, text=True)
    return out.stdout.splitlines()[2:]


@pytest.fixture(scope="module")
def summary(world: World) -> bytes:
    return reports.case_summary(world.journal, world.family)


@pytest.fixture(scope="module")
def family_copy(world: World) -> bytes:
    return reports.family_copy(world.journal, world.family)


@pytest.mark.parametrize("document", ["summary", "family_copy"])
def test_every_name_extracts_as_typed(document: str, request: pytest.FixtureRequest) -> None:
    pdf: bytes = request.getfixturevalue(document)
    text = _pdftotext(pdf)
    for script, name in WORLD.items():
        assert name in text, f"{script}: {name!r} not in the extracted text"
    assert "\u25a1" not in text  # no box for a character the fonts lack
    assert not _PRIVATE_USE.search(text)  # no shaped glyph without its letters


def test_right_to_left_names_keep_their_word_order_in_a_sentence(summary: bytes) -> None:
    text = _pdftotext(summary)
    agreed = text[text.index("Avtalt med") :]
    # (poppler puts the space after a right-to-left run before it: "علیog")
    two, persian = agreed.find(WORLD["arabic, two words"]), agreed.find(WORLD["persian"])
    assert 0 <= two < persian


@pytest.mark.parametrize("document", ["summary", "family_copy"])
def test_the_faces_are_embedded(
    document: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    rows = _fonts(request.getfixturevalue(document), tmp_path)
    for row in rows:
        assert row.split()[-5] == "yes", f"not embedded: {row}"
    faces = " ".join(rows)
    for face in ("DejaVuSans", "NotoSansArabic", "NotoSansEthiopic", "NotoSansHebrew"):
        assert face in faces


def test_pages_rendered_for_a_look(summary: bytes, family_copy: bytes) -> None:
    """PNGs in test-artifacts/reports/ (git-ignored) to look at the shaped names."""
    pdftoppm = _poppler("pdftoppm")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, pdf in (("scripts_summary", summary), ("scripts_family_copy", family_copy)):
        target = ARTIFACTS / name
        subprocess.run([pdftoppm, "-png", "-r", "80", "-l", "2", "-", str(target)], input=pdf)
        assert list(ARTIFACTS.glob(f"{name}*.png"))


def test_a_face_per_character_bold_stays_bold() -> None:
    assert face_runs("Åse محمد", SANS) == [(SANS, "Åse "), ("SJArabic", "محمد")]
    assert face_runs("ሰላም", SANS_BOLD) == [("SJEthiopic-Bold", "ሰላም")]
    assert face_runs("Ольга", SANS) == [(SANS, "Ольга")]


def test_display_order_moves_words_not_letters() -> None:
    assert display_order("Navn: محمد علی") == "Navn: علی محمد"
    assert display_order("محمد 2015 علی") == "علی 2015 محمد"  # numbers keep their digits' order
    assert display_order("Åse og Ola") == "Åse og Ola"
    assert display_order("Navn: محمد, Ola") == "Navn: محمد, Ola"  # the comma stays after the name


def test_the_page_header_names_who_printed_in_any_script() -> None:
    words = Words("nb")
    out = Writer(make_styles(9.5), words)
    head = Letterhead("Prøve", "2026-0001", WORLD["persian"], dt.datetime(2026, 1, 1, 12), words)
    text = _pdftotext(build_pdf([out.p("Hei")], head))
    assert f"Utskrevet 01.01.2026 12:00 av {WORLD['persian']}" in text
    assert "\u25a1" not in text


def _drawn_lines(para: Para, width: float) -> list[str]:
    """Each line's words in the order they are drawn, left to right; a shaped right-to-left
    word (its glyphs drawn right to left) reads as it was typed."""
    para.wrap(width, 1000)
    return ["".join(_letters(f.text) for f in line.words) for line in para.blPara.lines]


def _letters(text: str) -> str:
    if not isinstance(text, ShapedStr) or not _ARABIC_FORMS.search(text):
        return str(text)
    return " ".join(
        "".join(unicodedata.normalize("NFKC", glyph) for glyph in reversed(word))
        for word in str(text).split(" ")
    )


def test_a_list_of_names_orders_each_name_on_its_own() -> None:
    """One right-to-left run over a whole list would read backwards across a line break."""
    para = Para(names(["Ola", "محمد علی", "زهرا رضایی"]), make_styles(9.5).body)
    assert _drawn_lines(para, 400) == ["Ola, علی محمد, رضایی زهرا"]


@pytest.mark.parametrize("document", ["summary", "family_copy"])
def test_qpdf_finds_no_damage_in_shaped_text(
    document: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    qpdf = shutil.which("qpdf")
    assert qpdf is not None, "qpdf is missing: apt-get install qpdf"
    path = tmp_path / "doc.pdf"
    path.write_bytes(request.getfixturevalue(document))
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
