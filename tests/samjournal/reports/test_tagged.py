"""Every report is a tagged PDF: a screen reader gets headings, paragraphs and tables in reading
order, in the document's language; everything else drawn on the page is an artifact.

Checked with pikepdf (the structure itself) and poppler's `pdfinfo -struct-text` (a reader
that follows the structure). veraPDF, the reference PDF/UA checker, is not installable here
(neither PyPI nor Debian carry it)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from samjournal import reports
from samjournal.journal import Journal
from samjournal.settings import ServiceContact
from tests.conftest import Template
from tests.samjournal.reports.conftest import Filled, text_of

SHOWS_TEXT = frozenset(("Tj", "TJ", "'", '"'))
PAINTS = frozenset(("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"))


@pytest.fixture(scope="module")
def tagged(filled: Filled) -> bytes:
    return reports.family_copy(filled.journal, filled.rich.family)


def struct_text(pdf: bytes, tmp_path: Path) -> str:
    tool = shutil.which("pdfinfo")
    assert tool is not None, "pdfinfo is missing: apt-get install poppler-utils"
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    info = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    out = subprocess.run([tool, "-struct-text", str(path)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def test_a_reader_gets_headings_paragraphs_and_tables_in_order(
    tagged: bytes, tmp_path: Path
) -> None:
    tree = struct_text(tagged, tmp_path)
    lines = [line.strip() for line in tree.splitlines()]
    assert lines[0] == "Document"
    headings = [lines[i + 1] for i, line in enumerate(lines) if line.startswith("H")]
    assert headings[:2] == ['"Det vi har avtalt"', '"Dette har vi avtalt"']
    text = " ".join(text_of(tagged).split())
    order = [text.find(h.strip('"')) for h in headings]
    assert -1 not in order
    assert order == sorted(order), f"headings out of page order: {headings}"
    assert '"Dette betaler kommunen"' in headings
    assert '"Hvem dere kan ringe"' in headings
    table = tree[tree.index("Table (block)") :]
    assert re.search(r'TH:\s+/Scope /Column\s+"Hva"', table)
    assert '"Til sammen i perioden"' in table
    assert '"Kontingent 0' in table


def every_document(filled: Filled) -> dict[str, bytes]:
    j, fid = filled.journal, filled.rich.family
    year = (dt.date.today() - dt.timedelta(days=365), dt.date.today())
    return {
        "case summary": reports.case_summary(j, fid),
        "family copy": reports.family_copy(j, fid),
        "portfolio": reports.portfolio(j, start=year[0], end=year[1]),
        "access log": reports.access_log(j, fid),
        "recovery sheet": reports.recovery_sheet(
            recovery_key=filled.recovery_key,
            journal_id=j.journal_id,
            printed_by="Lise Leder",
            created=dt.date.today(),
        ),
    }


def test_every_document_is_tagged_throughout(filled: Filled) -> None:
    for name, pdf in every_document(filled).items():
        assert assert_all_marked(pdf) > 10, name
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            assert "/StructTreeRoot" in doc.Root, name


def test_a_chart_is_a_figure_with_its_title_as_alternative_text(filled: Filled) -> None:
    year = (dt.date.today() - dt.timedelta(days=365), dt.date.today())
    pdf = reports.portfolio(filled.journal, start=year[0], end=year[1])
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        figures = [
            o
            for o in doc.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/S") == pikepdf.Name.Figure
        ]
        alts = sorted(str(f.Alt) for f in figures)
        assert "Kroner per måned" in alts
        assert "Snitt per måned (0–10)" in alts
        for figure in figures:
            x0, y0, x1, y1 = (float(v) for v in figure.A.BBox)
            assert 0 <= x0 < x1 <= 595.3
            assert 0 <= y0 < y1 <= 841.9


def test_everything_drawn_is_tagged_or_an_artifact(tagged: bytes) -> None:
    assert assert_all_marked(tagged) > 50


def assert_all_marked(pdf: bytes) -> int:
    """Every text shown and every path painted is inside a tag or an artifact; how many text
    operators there were."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        shown = 0
        for page in doc.pages:
            stack: list[str] = []  # "mcid", "artifact" or "other" (an ActualText span)
            for instruction in pikepdf.parse_content_stream(page):
                if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                    continue
                op = str(instruction.operator)
                if op == "BDC":
                    props = instruction.operands[1]
                    has_mcid = isinstance(props, pikepdf.Dictionary) and "/MCID" in props
                    stack.append("mcid" if has_mcid else "other")
                elif op == "BMC":
                    artifact = instruction.operands[0] == pikepdf.Name.Artifact
                    stack.append("artifact" if artifact else "other")
                elif op == "EMC":
                    stack.pop()
                elif op in SHOWS_TEXT or op in PAINTS:
                    assert "mcid" in stack or "artifact" in stack, f"untagged {op}"
                    shown += op in SHOWS_TEXT
            assert not stack  # every sequence is closed on its page
    return shown


def test_every_mark_has_its_element_and_back(tagged: bytes) -> None:
    with pikepdf.open(io.BytesIO(tagged)) as doc:
        root = doc.Root.StructTreeRoot
        nums = list(root.ParentTree.Nums)
        parents = dict(zip(nums[0::2], nums[1::2], strict=True))
        assert int(root.ParentTreeNextKey) == len(doc.pages)
        for page in doc.pages:
            marks = [
                int(i.operands[1].MCID)
                for i in pikepdf.parse_content_stream(page)
                if not isinstance(i, pikepdf.ContentStreamInlineImage)
                and str(i.operator) == "BDC"
                and "/MCID" in i.operands[1]
            ]
            assert marks == list(range(len(marks)))  # 0, 1, 2 ... on each page
            elements = parents[int(page.obj.StructParents)]
            assert len(elements) == len(marks)
            for mcid, element in zip(marks, elements, strict=True):
                refs = [k for k in element.K if isinstance(k, pikepdf.Dictionary) and "/MCID" in k]
                assert any(int(k.MCID) == mcid and k.Pg.objgen == page.obj.objgen for k in refs)


def test_language_title_and_pdf_ua_identification(filled: Filled) -> None:
    for language in ("nb", "en"):
        pdf = reports.family_copy(filled.journal, filled.rich.family, language=language)
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            assert str(doc.Root.Lang) == language
            assert bool(doc.Root.MarkInfo.Marked)
            assert bool(doc.Root.ViewerPreferences.DisplayDocTitle)
            xmp = doc.Root.Metadata.read_bytes().decode()
            assert "<pdfuaid:part" in xmp
            assert ">1</pdfuaid:part>" in xmp
            title = "Det vi har avtalt" if language == "nb" else "What we have agreed"
            assert title in xmp
            assert str(doc.docinfo.Title) == title


def test_label_and_value_lists_head_their_rows(
    lead: Journal, template: Template, tmp_path: Path
) -> None:
    service = ServiceContact(name="Familiekoordinatorene", phone="72 54 00 00")
    lead.update_settings(replace(lead.settings(), service=service))
    tree = struct_text(reports.family_copy(lead, template.worker_family), tmp_path)
    assert re.search(r'TH:\s+/Scope /Row\s+"Telefon"\s+TD\s+"72 54 00 00"', tree)


def test_the_case_summary_reads_overview_first_then_the_detail(
    filled: Filled, tmp_path: Path
) -> None:
    """The team lead's page-1 overview, then each part under its heading, tables with column
    headers, the charts as figures; in page order, in English when printed in English."""
    for language, title, first, tables in (
        ("nb", "Saksoppsummering", "Oversikt", "Behov"),
        ("en", "Case summary", "Overview", "Needs"),
    ):
        pdf = reports.case_summary(filled.journal, filled.rich.family, language=language)
        tree = struct_text(pdf, tmp_path)
        lines = [line.strip() for line in tree.splitlines()]
        headings = [lines[i + 1].strip('"') for i, line in enumerate(lines) if line.startswith("H")]
        assert headings[0].startswith(filled.rich.case_number) or title in headings[0], headings
        assert any(h.startswith(first) for h in headings[:3]), headings
        assert tables in headings
        text, at = " ".join(text_of(pdf).split()), 0
        for heading in headings:  # each found after the one before: in page order
            at = text.find(heading, at)
            assert at >= 0, heading
        assert re.search(r"TH:\s+/Scope /Column", tree)
        assert "Figure" in tree
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            assert str(doc.Root.Lang) == language
            assert title in doc.Root.Metadata.read_bytes().decode()
