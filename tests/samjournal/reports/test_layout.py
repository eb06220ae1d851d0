"""Nothing overprints: the word boxes poppler reads back from each page never overlap, on the
demo corpus and on the rich family (a dropped need's "Avsluttet uten tiltak" once ran into the
date beside it)."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from samjournal import demo, reports
from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedStatus
from tests.conftest import TEST_COST, Template
from tests.samjournal.reports.conftest import Filled

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
TOLERANCE = 0.6  # points: glyph boxes of neighbouring words may touch


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def word_boxes(pdf: bytes) -> list[list[Box]]:
    """Each page's words with their boxes, as `pdftotext -bbox` reads them."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext is missing: apt-get install poppler-utils"
    out = subprocess.run([tool, "-bbox", "-", "-"], input=pdf, capture_output=True, check=True)
    pages = []
    for page in _PAGE.findall(out.stdout.decode("utf-8")):
        pages.append(
            [
                Box(float(a), float(b), float(c), float(d), html.unescape(t))
                for a, b, c, d, t in _WORD.findall(page)
            ]
        )
    return pages


def overlaps(page: list[Box]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cover each other (more than touching)."""
    found = []
    boxes = sorted(page, key=lambda b: b.y0)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if b.y0 >= a.y1 - TOLERANCE:
                break
            height = min(a.y1 - a.y0, b.y1 - b.y0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            if dx > TOLERANCE and dy > height * 0.3:
                found.append((a.text, b.text))
    return found


def test_overlaps_are_found() -> None:
    page = [Box(10, 10, 60, 20, "Avsluttet"), Box(55, 10, 90, 20, "04.03.2025")]
    assert overlaps(page) == [("Avsluttet", "04.03.2025")]
    assert overlaps([Box(10, 10, 50, 20, "a"), Box(50.3, 10, 60, 20, "b")]) == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    journal = demo.create_demo_journal(
        tmp_path_factory.mktemp("layout") / "demo", families=12, seed=7, cost=TEST_COST
    )
    yield journal
    journal.lock()


def test_no_words_overprint_in_the_demo_corpus(corpus: Journal) -> None:
    for row in corpus.families.case_list():
        for name, pdf in (
            ("summary", reports.case_summary(corpus, row.id)),
            ("family copy", reports.family_copy(corpus, row.id)),
        ):
            for number, page in enumerate(word_boxes(pdf), start=1):
                assert not overlaps(page), f"{row.case_number} {name} page {number}"


def test_a_dropped_need_keeps_to_its_column(filled: Filled) -> None:
    j, fid = filled.journal, filled.rich.family
    need = j.needs.raise_need(fid, "Skyss til svømming", NeedCategory.TRANSPORT)
    j.needs.set_status(need.id, NeedStatus.DROPPED, outcome="Familien ordnet det selv")
    for lang in ("nb", "en"):
        pdf = reports.case_summary(j, fid, language=lang)
        for number, page in enumerate(word_boxes(pdf), start=1):
            assert not overlaps(page), f"{lang} page {number}: {overlaps(page)[:3]}"
    pdf = reports.family_copy(j, fid)
    assert all(not overlaps(page) for page in word_boxes(pdf))


def test_the_pages_read_back(tmp_path: Path, filled: Filled) -> None:
    pdf = reports.case_summary(filled.journal, filled.rich.family)
    assert sum(len(p) for p in word_boxes(pdf)) > 1000


def last_lines(pdf: bytes) -> list[list[Box]]:
    """For each page but the last: the words of the lowest line above the footer."""
    out = []
    for page in word_boxes(pdf)[:-1]:
        body = [b for b in page if b.y0 > 50 and b.y1 < 842 - 60]  # no header, no footer
        if body:
            bottom = max(b.y1 for b in body)
            out.append([b for b in body if b.y1 > bottom - 3])
    return out


def test_no_heading_ends_a_page(corpus: Journal, filled: Filled) -> None:
    documents = [reports.case_summary(filled.journal, filled.rich.family)]
    documents += [reports.case_summary(corpus, row.id) for row in corpus.families.case_list()]
    year = (dt.date.today() - dt.timedelta(days=365), dt.date.today())
    documents += [  # a chart after a heading once left the heading alone at a page's foot
        reports.portfolio(j, start=year[0], end=year[1]) for j in (corpus, filled.journal)
    ]
    for doc, pdf in enumerate(documents):
        for number, line in enumerate(last_lines(pdf), start=1):
            # poppler's boxes are the font size high: headings 12.8 and 10 pt, text 9.5 and under
            tallest = max(b.y1 - b.y0 for b in line)
            words = " ".join(b.text for b in line)
            assert tallest < 9.7, f"document {doc} page {number} ends with a heading: {words}"


def test_no_meeting_note_reaches_a_family_copy(corpus: Journal) -> None:
    """The staff's "agreed" notes ("Ahmed legger inn utbetaling: …") stay inside: over the whole
    demo corpus, not one of them is on a family's copy."""
    checked = 0
    for row in corpus.families.case_list():
        detail = corpus.families.open(row.id)
        text = "".join(subprocess_text(reports.family_copy(corpus, row.id)).split())
        for meeting in detail.meetings:
            for line in meeting.agreed.splitlines():
                if len(line) >= 12:
                    assert "".join(line.split()) not in text, f"{row.case_number}: {line}"
                    checked += 1
        assert "leggerinnutbetaling" not in text
        assert "Enighetom" not in text
    assert checked > 50


def subprocess_text(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    assert tool is not None
    out = subprocess.run([tool, "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode()


def test_amounts_and_dates_typed_by_staff_never_break(lead: Journal, template: Template) -> None:
    sentence = "Kommunen betaler 3 000 kr til sykkel fra 10. juni 2026, og 12 % av NOK 1 500. "
    lead.meetings.record(
        template.worker_family,
        dt.datetime.now(dt.UTC).replace(microsecond=0),
        MeetingKind.OFFICE,
        agreed=sentence * 40,
    )
    pdf = reports.case_summary(lead, template.worker_family)
    tool = shutil.which("pdftotext")
    assert tool is not None
    out = subprocess.run([tool, "-", "-"], input=pdf, capture_output=True, check=True)
    lines = [" ".join(line.split()) for line in out.stdout.decode().splitlines()]
    body = [line for line in lines if "Kommunen betaler" in line or "sykkel" in line]
    assert len(body) > 20  # the text wraps over many lines
    for line in body:
        assert not re.search(r"(?:\b3|10\.|juni|12|NOK|1)$", line), line
        assert not re.match(r"^(?:000|kr|juni|2026|%|1 500|500)\b", line), line
