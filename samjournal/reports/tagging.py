"""Tagged PDF (PDF/UA-1's structure): headings, paragraphs, tables and reading order for a
screen reader.

reportlab writes no structure. Two steps give it one:

1. While the document is drawn, `Tagger` wraps each paragraph (`scripts.Para.drawOn`), each
   table cell (reportlab's table `renderCB` hooks, `TableTags`) and each chart (`Figure`, with
   its title as alternative text) in a marked-content sequence with an MCID, and records the
   structure element it belongs to, in drawing order, which is reading order: a page is drawn
   top to bottom, a table row by row. What only decorates (the page frame, table rules and
   shading) is drawn inside /Artifact, so a reader skips it.
2. `finish` (pikepdf, over qpdf) adds the structure tree: Document → H1/H2/H3/P/Figure/Table →
   TR → TH/TD, the parent tree, MarkInfo, the language, the title shown as the window title and
   the PDF/UA identification in the XMP metadata. The content streams are not parsed again: a
   test checks that everything drawn is inside a tag or an artifact.

A table repeated on the next page keeps one Table element; its repeated header row is an
artifact there. A paragraph split across pages is two P elements.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name

ROLES = {"title": "H1", "h1": "H2", "h2": "H3"}  # style name → structure type; others are P


@dataclass
class Element:
    """A structure element being collected (mutable while the document is drawn)."""

    role: str
    scope: str = ""  # a header cell's: "Column" or "Row"
    alt: str = ""  # a figure's alternative text
    bbox: tuple[float, float, float, float] | None = None  # a figure's place on its page
    kids: list[Element] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page number, MCID)


class Tagger:
    """Collects the structure while one document is drawn on one canvas."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self.open = False  # inside a marked sequence: MCIDs never nest
        self._next: dict[int, int] = {}

    def element(self, role: str, parent: Element | None = None, scope: str = "") -> Element:
        child = Element(role, scope)
        (parent or self.root).kids.append(child)
        return child

    def begin(self, canvas: Any, element: Element) -> None:
        page = canvas.getPageNumber()
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        element.marks.append((page, mcid))
        canvas._code.append(f"/{element.role} <</MCID {mcid}>> BDC")
        self.open = True

    def end(self, canvas: Any) -> None:
        canvas._code.append("EMC")
        self.open = False


def artifact(canvas: Any, start: bool) -> None:
    """Begin or end decoration that a reader skips (only outside tagged content)."""
    canvas._code.append("/Artifact BMC" if start else "EMC")


def tagger_of(canvas: Any) -> Tagger | None:
    tagger = getattr(canvas, "sj_tagger", None)
    return tagger if isinstance(tagger, Tagger) and not tagger.open else None


def role_of(style_name: str) -> str:
    return ROLES.get(style_name.removesuffix("-shaped"), "P")


class TableTags:
    """reportlab's table render callback: a Table element, a TR per row, a TH or TD per cell.

    `header_rows` are column headers; with `row_headers` the first cell of each row heads it
    (label / value lists). One instance per table; reportlab hands it on to the parts of a
    table split over pages. A table used only to place things side by side gets none: what is
    in it is tagged as it would be outside."""

    def __init__(
        self, header_rows: int = 0, *, row_headers: bool = False, structure: bool = True
    ) -> None:
        self.header_rows = header_rows
        self.row_headers = row_headers
        self.structure = structure  # False: a layout table, only its rules are artifacts
        self.decorating = False
        self.table: Element | None = None
        self.row: Element | None = None
        self.in_header = False
        self.headers_done = header_rows == 0
        self.cell_open = False

    def __call__(self, table: Any, event: str, *args: Any) -> None:
        canvas = table.canv
        tagger = tagger_of(canvas)
        if event in ("startBG", "startLines") and tagger is not None:
            artifact(canvas, True)
            self.decorating = True
        elif event in ("endBG", "endLines") and self.decorating:
            artifact(canvas, False)
            self.decorating = False
        elif not self.structure:
            return
        elif event == "startTable" and tagger is not None and self.table is None:
            self.table = tagger.element("Table")
        elif event == "startRow":
            number = int(args[0])
            repeated = self.headers_done and number < self.header_rows  # on a later page
            self.in_header = not self.headers_done and number < self.header_rows
            if self.table is None or tagger is None or repeated:
                self.row = None
            else:
                self.row = tagger.element("TR", self.table)
            if self.in_header and number == self.header_rows - 1:
                self.headers_done = True
        elif event == "startCell" and self.row is not None and tagger is not None:
            if self.in_header:
                cell = tagger.element("TH", self.row, "Column")
            elif self.row_headers and int(args[1]) == 0:
                cell = tagger.element("TH", self.row, "Row")
            else:
                cell = tagger.element("TD", self.row)
            tagger.begin(canvas, cell)
            self.cell_open = True
        elif event == "endCell" and self.cell_open:
            canvas.sj_tagger.end(canvas)
            self.cell_open = False


# -- after the build: the structure tree -------------------------------------------------------


def finish(pdf: bytes, tagger: Tagger, *, title: str, language: str) -> bytes:
    """`pdf` with the structure `tagger` collected, and everything else as artifacts."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = list(doc.pages)
        root = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        by_page: dict[int, dict[int, Any]] = {}
        top = _make(doc, tagger.root, root, pages, by_page)
        root.K = top
        nums = Array()
        for index, page in enumerate(pages):
            page.obj.StructParents = index
            page.obj.Tabs = Name.S
            marks = by_page.get(index + 1, {})
            nums.append(index)
            nums.append(doc.make_indirect(Array([marks[m] for m in sorted(marks)])))
        root.ParentTree = doc.make_indirect(Dictionary(Nums=nums))
        root.ParentTreeNextKey = len(pages)
        doc.Root.StructTreeRoot = root
        doc.Root.MarkInfo = Dictionary(Marked=True)
        doc.Root.Lang = pikepdf.String(language)
        doc.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["pdfuaid:part"] = "1"
        out = io.BytesIO()
        # Object streams: the structure is thousands of small objects (a fifth of the size).
        doc.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return out.getvalue()


def _make(
    doc: pikepdf.Pdf,
    element: Element,
    parent: Any,
    pages: list[pikepdf.Page],
    by_page: dict[int, dict[int, Any]],
) -> Any:
    node = doc.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.role), P=parent))
    kids = Array()
    for page, mcid in element.marks:
        kids.append(Dictionary(Type=Name.MCR, Pg=pages[page - 1].obj, MCID=mcid))
        by_page.setdefault(page, {})[mcid] = node
    for child in element.kids:
        if child.marks or child.kids:
            kids.append(_make(doc, child, node, pages, by_page))
    if element.marks:
        node.Pg = pages[element.marks[0][0] - 1].obj
    if element.scope:
        node.A = Dictionary(O=Name.Table, Scope=Name("/" + element.scope))
    if element.alt:
        node.Alt = pikepdf.String(element.alt)
    if element.bbox is not None:
        node.A = Dictionary(O=Name.Layout, BBox=Array(element.bbox))
    node.K = kids
    return node
