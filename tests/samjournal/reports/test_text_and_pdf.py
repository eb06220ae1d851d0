"""Text safety helpers, the fonts, the CLI entry point, and the PDFs checked by outside tools."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal import messages, reports
from samjournal.errors import NotFound, ValidationError
from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, PaymentMethod
from samjournal.money import Money
from samjournal.reports import fonts
from samjournal.reports.common import CHUNK, Letterhead, Writer, build_pdf, chunks, clipped, markup
from samjournal.reports.errors import ReportFontsMissing
from samjournal.reports.labels import Words
from samjournal.reports.styles import make_styles
from tests.conftest import Template
from tests.samjournal.reports.conftest import ARTIFACTS, Filled, flat, text_of

TODAY = dt.date.today()


def test_shown_replaces_what_the_font_lacks() -> None:
    assert fonts.shown("Åse Ødegård Ольга Nguyễn") == "Åse Ødegård Ольга Nguyễn"
    assert fonts.shown("王秀英") == "□□□"
    assert fonts.shown("e\u0301") == "é"  # decomposed input is composed first
    assert fonts.shown("a\x00b\U000e0001c\td\ne") == "abc d\ne"
    assert fonts.shown("\ud800") == "□"  # a lone surrogate cannot crash the build


def test_an_emoji_the_fonts_lack_is_left_out_whole() -> None:
    """A box read as a missing letter in a note like "Møte gikk bra 👍" (review); the words
    carry the note. Emoji the fonts draw stay, and so does every letter."""
    assert fonts.shown("ok 👍🏽!") == "ok!"  # with its skin tone and the space before it
    assert fonts.shown("familie 👨\u200d👩\u200d👧, flagg 🇳🇴.") == "familie, flagg."
    assert fonts.shown("🏳\ufe0f\u200d🌈 ja \U0001fae8") == " ja"  # one newer than Python's data
    assert fonts.shown("hjerte ❤\ufe0f\u200d🔥") == "hjerte ❤"  # what the fonts draw of it
    assert fonts.shown("1\ufe0f\u20e3 ☺ ♥ ✓ ★ 😀\ufe0f") == "1\ufe0f ☺ ♥ ✓ ★ 😀\ufe0f"
    kept = "Åse Ødegård, Áŋŋá Čđŋšŧž Ŋuvttat, Ольга, עברית, محمد"
    assert fonts.shown(kept) == kept


def pdftotext(pdf: bytes) -> str:
    """The text of `pdf` as poppler reads it."""
    poppler = shutil.which("pdftotext")
    assert poppler is not None, "pdftotext is missing: apt-get install poppler-utils"
    return subprocess.run(
        [poppler, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_a_note_with_emoji_prints_without_boxes(lead: Journal, template: Template) -> None:
    note = "Møte gikk bra 👍 takk 👍🏽. Áŋŋá kom 🎉🎉, humør ☺ 😀"
    lead.meetings.record(
        template.other_family, dt.datetime.now(dt.UTC), MeetingKind.PHONE, agreed=note
    )
    pdf = reports.case_summary(lead, template.other_family)
    read = pdftotext(pdf)
    assert "Møte gikk bra takk. Áŋŋá kom, humør ☺ 😀" in " ".join(read.split())
    assert fonts.REPLACEMENT not in read
    coverage = fonts.ensure_fonts().coverage
    assert {c for c in read if not c.isspace() and ord(c) not in coverage} == set()
    (ARTIFACTS / "emoji-note.pdf").parent.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "emoji-note.pdf").write_bytes(pdf)  # to look at: pdftoppm -png -r 60


@pytest.mark.parametrize(
    ("language", "marker"),
    [("nb", "(tegn som ikke kan skrives ut)"), ("en", "(characters that cannot be printed)")],
)
def test_a_note_of_only_emoji_says_so(
    lead: Journal, template: Template, language: str, marker: str
) -> None:
    """Left out, the emoji left nothing of the note, which read as a lost note (review): the
    catalogue's marker stands in, only where something was left out and nothing is left."""
    assert messages.text("nothing_printable", {}, language) == marker
    when = dt.datetime.now(dt.UTC)
    lead.meetings.record(
        template.other_family, when, MeetingKind.PHONE, agreed="👍🏽 🎉🎉", family_words="Bra 👍"
    )
    lead.meetings.record(template.other_family, when, MeetingKind.HOME_VISIT, agreed=" ")
    pdf = reports.case_summary(lead, template.other_family, language=language)
    read = " ".join(pdftotext(pdf).split())
    agreed = "Hva som ble avtalt:" if language == "nb" else "What was agreed:"
    assert f"{agreed} {marker}" in read
    assert read.count(marker) == 1  # not for "Bra 👍", nor for a note that was blank


def test_markup_escapes_before_line_breaks() -> None:
    assert markup('<b>&amp;</b>\n"x"') == '&lt;b&gt;&amp;amp;&lt;/b&gt;<br/>"x"'


def test_chunks_keep_every_character_of_a_long_text() -> None:
    text = ("ord " * 9000).strip()
    pieces = chunks(text)
    assert all(len(p) <= CHUNK for p in pieces)
    assert flat("".join(pieces)) == flat(text)
    assert chunks("x" * 7000) == ["x" * CHUNK, "x" * CHUNK, "x" * 1000]


def test_clipped_cells_say_so() -> None:
    assert clipped("kort", 10, " …") == "kort"
    assert clipped("ett to tre fire fem", 10, " … (forkortet)").endswith("(forkortet)")


def test_labels_keep_enums_with_equal_values_apart() -> None:
    nb = Words("nb")
    assert nb.label(NeedCategory.OTHER) == "Annet"
    assert nb.label(PaymentMethod.OTHER) == "Annen måte"
    # no-break spaces: a date never wraps inside itself
    assert nb.long_date(dt.date(2026, 3, 12), weekday=True) == "torsdag 12.\u00a0mars\u00a02026"
    assert Words("en").date(dt.date(2026, 3, 12)) == "12\u00a0Mar\u00a02026"


def test_missing_fonts_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(ReportFontsMissing, match="DejaVuSans"):
        fonts._register(tmp_path)
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"not a font")
    with pytest.raises(ReportFontsMissing):
        fonts._register(tmp_path)


def test_fonts_and_licence_ship_in_resources() -> None:
    assert (fonts.FONT_DIR / "LICENSE").read_text().count("Bitstream") > 0
    assert fonts.ensure_fonts().directory == fonts.FONT_DIR


def test_a_very_long_word_and_many_lines_do_not_break_layout(
    lead: Journal, template: Template
) -> None:
    held = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    word = "x" * 8000
    lines = "\n".join(f"linje {i}" for i in range(1500))
    lead.meetings.record(template.other_family, held, MeetingKind.PHONE, agreed=word)
    lead.meetings.record(
        template.other_family, held + dt.timedelta(hours=1), MeetingKind.PHONE, agreed=lines
    )
    lead.payments.propose(template.other_family, Money.kr(100), "y" * 1000)
    text = flat(text_of(reports.case_summary(lead, template.other_family)))
    assert text.count("x") >= 8000
    assert "linje1499" in text
    assert "(forkortet)" in text


def test_cli_build_writes_the_chosen_file(filled: Filled, tmp_path: Path) -> None:
    journal = filled.journal
    out = reports.cli_build(
        journal, "summary", tmp_path / "s.pdf", case_number=filled.rich.case_number
    )
    assert out.read_bytes().startswith(b"%PDF-")
    last = journal.audit_events(filled.rich.family, limit=1)[0]
    assert (last.action, last.detail) == ("export", "case_summary saved as pdf")
    assert str(tmp_path) not in last.detail
    family = reports.cli_build(
        journal, "family", tmp_path / "f.pdf", case_number=filled.rich.case_number
    )
    assert "Det vi har avtalt" in text_of(family.read_bytes())
    port = reports.cli_build(
        journal, "portfolio", tmp_path / "p.pdf", start=TODAY - dt.timedelta(days=30), end=TODAY
    )
    assert port.exists()
    with pytest.raises(NotFound):
        reports.cli_build(journal, "summary", tmp_path / "x.pdf", case_number="1999-9999")
    with pytest.raises(ValidationError):
        reports.cli_build(journal, "portfolio", tmp_path / "x.pdf")
    with pytest.raises(ValidationError):
        reports.cli_build(journal, "family", tmp_path / "x.txt", case_number="1")
    assert not list(tmp_path.glob("x.*"))


# -- outside tools: qpdf, pdffonts, pdftoppm ----------------------------------------------------


@pytest.fixture(scope="module")
def documents(filled: Filled) -> dict[str, bytes]:
    j, fid = filled.journal, filled.rich.family
    return {
        "case_summary": reports.case_summary(j, fid),
        "family_copy": reports.family_copy(j, fid),
        "family_copy_en": reports.family_copy(j, fid, language="en"),
        "portfolio": reports.portfolio(j, start=TODAY - dt.timedelta(days=365), end=TODAY),
        "recovery_sheet": reports.recovery_sheet(
            recovery_key=filled.recovery_key,
            journal_id=j.journal_id,
            printed_by=j.user.display_name,
            created=TODAY,
        ),
    }


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils qpdf)")
    return path


def test_qpdf_finds_no_damage(documents: dict[str, bytes], tmp_path: Path) -> None:
    qpdf = _tool("qpdf")
    for name, pdf in documents.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
        assert "No syntax or stream encoding errors" in result.stdout


def test_every_font_is_embedded(documents: dict[str, bytes], tmp_path: Path) -> None:
    pdffonts = _tool("pdffonts")
    for name, pdf in documents.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        out = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows, name
        for row in rows:
            # name type encoding emb sub uni object ID: emb is the fifth field from the end
            assert row.split()[-5] == "yes", f"{name}: not embedded: {row}"
            assert "DejaVu" in row or "Noto" in row, f"{name}: unexpected font {row}"


def test_render_pages_for_a_look(documents: dict[str, bytes]) -> None:
    """PNGs in test-artifacts/reports/ (git-ignored) for a person to look at."""
    pdftoppm = _tool("pdftoppm")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("test_*"):
        old.unlink()
    for name, pdf in documents.items():
        (ARTIFACTS / f"test_{name}.pdf").write_bytes(pdf)
        subprocess.run(
            [pdftoppm, "-png", "-r", "60", "-l", "4", "-", str(ARTIFACTS / f"test_{name}")],
            input=pdf,
            check=True,
        )
    assert len(list(ARTIFACTS.glob("test_*.png"))) >= len(documents)


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec=None, exclude_categories=()),
        max_size=300,
    )
    | st.sampled_from(["<para><b>x</b></para>", "&#0;", "&lt;", "<<>>", "]]>", "<br/>" * 50])
)
def test_any_text_builds(text: str) -> None:
    words = Words("nb")
    out = Writer(make_styles(9.5), words)
    story = [out.p(text), *out.text(text), out.table(["Tekst"], [[out.cell(text)]], [1])]
    head = Letterhead("Prøve", text, text, dt.datetime(2026, 1, 1, 12, 0), words, "1:ab")
    assert build_pdf(story, head).startswith(b"%PDF-")
