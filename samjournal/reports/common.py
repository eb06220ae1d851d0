"""What every document shares: safe text, tables, the page frame and the in-memory build.

Every page carries a header (document title, what it is about, when and by whom it was printed)
and a footer (the confidentiality line, "Side x av y", and the audit chain head where the
document has one). Page totals come from a canvas that holds its pages until the end.

User text reaches reportlab only through `Writer.p`, `Writer.text` and `Writer.cell`, which make
it drawable (`fonts.shown`; a text of which nothing is left says so), escape it, and only then
turn newlines into `<br/>`.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError

from samjournal import audit_heads, messages
from samjournal.messages import keyed
from samjournal.reports.errors import ReportLayoutFailed
from samjournal.reports.fonts import SANS, SANS_BOLD, ensure_fonts, shown
from samjournal.reports.labels import CONFIDENTIAL, Words
from samjournal.reports.scripts import Para
from samjournal.reports.styles import INK, MUTED, RULE, Styles, grid
from samjournal.reports.tagging import TableTags, Tagger, artifact, finish

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X

SMALL_TABLE = 12  # rows: a table this short stays on one page
CELL_LIMIT = 400  # characters of user text in a table cell; a cell cannot flow across pages
CHUNK = 3000  # characters per Paragraph when long text is split so it flows and wraps fast

# reportlab keeps per-process state (font subsets per document, rl_config); builds take turns.
_build_lock = threading.Lock()
_BLANK_LINES = re.compile(r"\n\s*\n")


_MONTH_WORDS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des|"
    "January|February|March|May|June|July|October|December|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Dec"
)
# Spaces that hold an amount or a date together, in text as staff type it: "3 000 kr",
# "kr 250", "NOK 1 500", "10. juni 2026", "12 %". A line never breaks inside them.
_DIGIT = re.compile(r"\d")
_GLUE = re.compile(
    r"(?:\d(?= \d{3}(?!\d))"  # thousands: "3 000", "1 250 000"
    r"|\d(?= (?:kr|kroner|NOK|%|‰)(?![^\W\d_]))"  # "3 000 kr", "12 %"
    r"|\b(?:kr\.?|NOK)(?= \d)"  # "kr 250", "NOK 1 500"
    rf"|\d\.?(?= (?:{_MONTH_WORDS})\b)"  # "10. juni", "10 June"
    rf"|\b(?:{_MONTH_WORDS})(?= \d{{4}}\b)"  # "juni 2026"
    r") ",
    re.IGNORECASE,
)


def glued(text: str) -> str:
    """`text` with no-break spaces inside amounts and dates (see `_GLUE`)."""
    if not _DIGIT.search(text):  # every pattern has a digit: most names and labels have none
        return text
    return _GLUE.sub(lambda m: m.group(0)[:-1] + "\u00a0", text)


def markup(text: str) -> str:
    """User text as Paragraph markup: drawable, escaped, amounts and dates held together, and
    newlines as line breaks."""
    return drawn_markup(shown(text))


def drawn_markup(drawn: str) -> str:
    """Text the fonts draw (`shown`) as Paragraph markup (see `markup`)."""
    return escape(glued(drawn)).replace("\n", "<br/>")


def names(items: Sequence[str]) -> str:
    """A comma-separated list of names as markup, each its own fragment: right-to-left names are
    then put in display order one by one, and a list of them does not read backwards across a
    line break."""
    return ", ".join(f"<span>{markup(item)}</span>" for item in items)


def plain(text: str) -> str:
    """User text for canvas.drawString and chart labels (no markup is parsed there)."""
    return " ".join(shown(text, primary_only=True).split())


def clipped(text: str, limit: int, marker: str) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit - 40)
    return (cut[:space] if space > 0 else cut).rstrip() + marker


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """Split at blank lines, then at line ends, then at spaces, into pieces of at most `size`."""
    pieces: list[str] = []
    for block in _BLANK_LINES.split(text.strip()):
        while len(block) > size:
            cut = block.rfind("\n", 0, size)
            if cut < size // 2:
                cut = block.rfind(" ", 0, size)
            if cut < size // 2:
                cut = size
            pieces.append(block[:cut])
            block = block[cut:].lstrip(" \n")
        if block.strip():
            pieces.append(block)
    return pieces


@dataclass(frozen=True)
class Letterhead:
    """What the page frame prints: no record content beyond `subject`."""

    title: str
    subject: str  # e.g. the case number; "" for none
    printed_by: str
    printed_at: dt.datetime
    words: Words
    audit_head: str | None = None
    confidential: str = CONFIDENTIAL  # the family's copy says it in plain words


class Writer:
    """Builds flowables with the document's styles and words; all user text goes through here."""

    def __init__(self, styles: Styles, words: Words, width: float = FRAME_WIDTH) -> None:
        self.s = styles
        self.w = words
        self.width = width

    # -- text ---------------------------------------------------------------------------------

    def _drawn(self, text: str) -> str:
        """User text as the fonts draw it (`shown`); where they draw none of what it has (a
        note of only emoji), a marker that says so: printed as nothing, it read as lost."""
        drawn = shown(text)
        if drawn.strip() or not text.strip():
            return drawn
        return messages.text("nothing_printable", {}, self.w.language)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Para:
        """A short user (or our own) text, shown literally."""
        return Para(drawn_markup(self._drawn(text)), style or self.s.body)

    def raw(self, fragment: str, style: ParagraphStyle | None = None) -> Para:
        """Our own markup; any user text inside must come from `markup()`."""
        return Para(fragment, style or self.s.body)

    def text(
        self, text: str, style: ParagraphStyle | None = None, *, lead: str = ""
    ) -> list[Flowable]:
        """Long user text that flows across pages (a 20,000-character note is fine).

        `lead` is our own markup put before the first line (a bold "Avtalt:").
        """
        st = style or self.s.body
        pieces = [drawn_markup(piece) for piece in chunks(self._drawn(text))] or [""]
        pieces[0] = lead + pieces[0]
        return [Para(piece, st) for piece in pieces if piece]

    def h1(self, text: str) -> Para:
        return Para(markup(text), self.s.h1)

    def h2(self, text: str) -> Para:
        return Para(markup(text), self.s.h2)

    def note(self, text: str) -> Para:
        return Para(markup(text), self.s.muted)

    def space(self, points: float) -> Spacer:
        return Spacer(1, points)

    # -- tables -------------------------------------------------------------------------------

    def cell(
        self, text: str, *, style: ParagraphStyle | None = None, limit: int = CELL_LIMIT
    ) -> Para:
        """User text in a table cell, cut with "… (forkortet)" beyond `limit` characters."""
        marker = self.w(" … (forkortet)", " … (shortened)")
        return Para(drawn_markup(self._drawn(clipped(text, limit, marker))), style or self.s.cell)

    def head_cell(self, text: str, right: bool = False) -> Para:
        style = self.s.cell_bold
        if right:
            style = ParagraphStyle("head_right", parent=style, alignment=2)
        return Para(markup(text), style)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        fractions: Sequence[float],
        *,
        right_cols: tuple[int, ...] = (),
        total: Sequence[Any] | None = None,
        whole: bool = True,
    ) -> Flowable:
        """A table over the frame width; the header repeats on every page.

        A plain string (a status, a date, an amount) that is wider than its column becomes a
        Paragraph that wraps inside it; drawn as it is, it would run into the next column. A
        table of a few rows is not split across pages (`whole=False` inside a layout cell,
        which cannot split).
        """
        scale = self.width / sum(fractions)
        # The heading's words too: "Informasjonsskriv" was split "Informasjon / sskriv".
        widths = _room_for_words(
            [f * scale for f in fractions], [header, *rows, *([total] if total else [])], self.s
        )
        head = [self.head_cell(h, i in right_cols) for i, h in enumerate(header)]
        data: list[Sequence[Any]] = [head]
        data += [self._cells(row, widths, right_cols, bold=False) for row in rows]
        if total is not None:
            data.append(self._cells(total, widths, right_cols, bold=True))
        table = Table(
            data,
            colWidths=widths,
            repeatRows=1,
            splitByRow=1,
            hAlign="LEFT",
            renderCB=TableTags(header_rows=1),
        )
        table.setStyle(grid(self.s, total_row=total is not None, right_cols=right_cols))
        return KeepTogether([table]) if whole and len(rows) <= SMALL_TABLE else table

    def _cells(
        self,
        row: Sequence[Any],
        widths: Sequence[float],
        right_cols: tuple[int, ...],
        *,
        bold: bool,
    ) -> list[Any]:
        out: list[Any] = []
        font, size = (SANS_BOLD if bold else SANS), self.s.cell.fontSize
        for col, value in enumerate(row):
            # A string that fits stays a string: a Paragraph per cell costs layout time.
            if (
                isinstance(value, str)
                and stringWidth(value, font, size) > widths[col] - CELL_PADDING
            ):
                right = col in right_cols
                style = {
                    (False, False): self.s.cell,
                    (False, True): self.s.cell_right,
                    (True, False): self.s.cell_bold,
                    (True, True): self.s.cell_bold_right,
                }[(bold, right)]
                value = Para(markup(value), style)
            out.append(value)
        return out

    def facts(self, pairs: Sequence[tuple[str, str]], key_fraction: float = 0.28) -> Table:
        """Label / value lines (case number, owner, period ...) without a header."""
        rows = [[self.cell(k, style=self.s.cell_bold), self.cell(v)] for k, v in pairs]
        widths = [self.width * key_fraction, self.width * (1 - key_fraction)]
        return layout(
            rows,
            widths,
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ],
            tags=TableTags(row_headers=True),
        )

    def room_for(self, heading: Para, lines: int = 5) -> CondPageBreak:
        """A page break unless `heading` and `lines` lines of body text fit (its participants
        and first lines): a meeting never begins at the foot of a page, nor does its text
        continue on the next page without its heading. Estimated, not wrapped: a wrap per
        meeting costs a tenth of the busiest summary's time."""
        style = heading.style
        return CondPageBreak(style.spaceBefore + style.leading + lines * self.s.body.leading)

    def keep(self, *flowables: Flowable) -> KeepTogether:
        return KeepTogether(list(flowables))


CELL_PADDING = 8.5  # left + right padding of `grid`, and half a point to spare


def _room_for_words(
    widths: list[float], rows: Sequence[Sequence[Any]], styles: Styles
) -> list[float]:
    """Widen a column whose own strings (its heading, a date, an amount, "Forhåndsbetalt kort")
    have a word wider than it, taking the room from columns with room to spare: a date or an
    amount is never broken inside (their spaces are no-break spaces)."""
    needed = [0.0] * len(widths)
    font, size = styles.cell_bold.fontName, styles.cell.fontSize  # bold is the wider face
    for row in rows:
        for col, value in enumerate(row):
            if isinstance(value, str) and value:
                word = max(stringWidth(w, font, size) for w in value.split(" "))
                needed[col] = max(needed[col], word + CELL_PADDING)
    short = sum(max(0.0, n - w) for n, w in zip(needed, widths, strict=True))
    if not short:
        return widths
    spare = [max(0.0, w - n) for n, w in zip(needed, widths, strict=True)]
    if sum(spare) < short:
        return widths  # nothing to take from: the words will be split, never overprinted
    take = short / sum(spare)
    return [
        max(w, n) if n > w else w - s * take for w, n, s in zip(widths, needed, spare, strict=True)
    ]


def layout(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]] = (),
    h_align: str = "LEFT",
    tags: TableTags | None = None,
) -> Table:
    """A table used for layout (side by side, boxes). Its font is set even when every cell is
    a flowable: reportlab otherwise selects Helvetica, which would end up in the PDF unembedded.
    """
    table = Table(
        list(rows),
        colWidths=list(widths),
        hAlign=h_align,
        renderCB=tags or TableTags(structure=False),
    )
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *commands,
        ]
    )
    return table


# -- the page frame and the build -------------------------------------------------------------


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until `save`, so each can say "Side x av y"."""

    def __init__(
        self,
        *args: Any,
        decorate: Callable[[Canvas, int, int], None],
        tagger: Tagger | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._held: list[dict[str, Any]] = []
        self.sj_tagger = tagger  # paragraphs and table cells tag themselves (`tagging`)

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            tagged, self.sj_tagger = self.sj_tagger is not None, None
            if tagged:  # the page frame is an artifact, not content
                artifact(self, True)
            self._decorate(self, number, total)
            if tagged:
                artifact(self, False)
            Canvas.showPage(self)
        Canvas.save(self)


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _frame(head: Letterhead) -> Callable[[Canvas, int, int], None]:
    w = head.words
    # Who printed may write their name in any script: a Para (fallback faces, shaping), not
    # drawString, which knows DejaVu only.
    printed = Para(
        markup(w("Utskrevet {when} av {who}", "Printed {when} by {who}"))
        .replace("{when}", markup(w.datetime(head.printed_at)))
        .replace("{who}", markup(" ".join(head.printed_by.split()))),
        ParagraphStyle("frame", fontName=SANS, fontSize=8, leading=9.6, textColor=MUTED),
    )
    printed.wrap(FRAME_WIDTH / 2, PAGE[1])
    printed_width = max(printed.getActualLineWidths0() or [0.0])
    title = plain(head.title) + (f" · {plain(head.subject)}" if head.subject else "")
    audit = (  # the tree head: a witness (samjournal/audit_heads.py)
        w("Logg ", "Log ") + audit_heads.printed(head.audit_head, head.printed_at)
        if head.audit_head
        else ""
    )
    left, right = MARGIN_X, PAGE[0] - MARGIN_X
    confidential = plain(head.confidential)
    room_below = right - left - 30 * mm  # beside "Side x av y"
    top, bottom = PAGE[1] - 12 * mm, 14 * mm

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 8)
        printed.drawOn(canvas, right - printed_width, top - printed.height + 7.6)
        room = right - left - printed_width - 8 * mm
        canvas.setFont(SANS_BOLD, 8)
        canvas.drawString(left, top, _fit(title, SANS_BOLD, 8, room))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 2.2 * mm, right, top - 2.2 * mm)
        canvas.line(left, bottom + 4.2 * mm, right, bottom + 4.2 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 8)
        canvas.drawString(left, bottom, _fit(confidential, SANS_BOLD, 8, room_below))
        canvas.setFont(SANS, 8)
        page = w("Side {n} av {total}", "Page {n} of {total}").format(n=number, total=total)
        canvas.drawRightString(right, bottom, page)
        if audit:
            canvas.setFillColor(MUTED)
            canvas.setFont(SANS, 6.5)
            canvas.drawString(left, bottom - 3.6 * mm, audit)
        canvas.restoreState()

    return decorate


def build_pdf(
    story: list[Flowable], head: Letterhead, *, author: str = "", tagged: bool = True
) -> bytes:
    """Lay out `story` on A4 pages with the frame, in memory; return the PDF bytes. `tagged`:
    with the structure a screen reader follows (`tagging`)."""
    ensure_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=head.title,  # no names in the metadata: the file may be listed by a viewer
        author=author,
        creator="SamJournal",
        producer="SamJournal (reportlab)",
        subject="",
        lang=head.words.language,
        initialFontName=SANS,  # else every page starts in Helvetica, which is not embedded
        initialFontSize=9,
        pageCompression=1,
    )
    tagger = Tagger() if tagged else None
    maker = functools.partial(NumberedCanvas, decorate=_frame(head), tagger=tagger)
    with _build_lock:
        try:
            doc.build(_with_room_for_headings(story), canvasmaker=maker)
        except LayoutError as exc:
            raise keyed(ReportLayoutFailed, "document_could_laid_out") from exc
    if tagger is not None:
        return finish(buffer.getvalue(), tagger, title=head.title, language=head.words.language)
    return buffer.getvalue()


HEADINGS = ("h1", "h2")


def _with_room_for_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading starts a new page unless a few lines of what follows fit under it, and goes
    with a table that is kept whole or a chart (either would otherwise leave it alone at the
    foot).

    (Not `keepWithNext`: that would push a heading and a long text after it to the next page
    as one block, leaving most of a page empty.)
    """
    out: list[Flowable] = []
    pending: list[Flowable] = []  # headings waiting for what follows them
    for flowable in story:
        if isinstance(flowable, Para) and flowable.style.name.removesuffix("-shaped") in HEADINGS:
            style = flowable.style
            pending += [
                CondPageBreak(style.spaceBefore + style.leading * 2 + style.fontSize * 6),
                flowable,
            ]
            continue
        if pending and isinstance(flowable, KeepTogether):
            out.append(KeepTogether([*pending, *flowable._content]))
        elif pending and isinstance(flowable, Drawing):  # a chart cannot split either
            out.append(KeepTogether([*pending, flowable]))
        else:
            out += [*pending, flowable]
        pending = []
    return out + pending


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)
