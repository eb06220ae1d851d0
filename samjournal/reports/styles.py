"""Paragraph and table styles: a compact set for staff documents, a large one for families."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from samjournal.reports.fonts import MONO, SANS, SANS_BOLD, SANS_OBLIQUE, ensure_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b8b8b8")
HEAD_FILL = colors.HexColor("#e8edf2")
ZEBRA = colors.HexColor("#f6f7f9")
ACCENT = colors.HexColor("#24527a")
SERIES = (
    colors.HexColor("#24527a"),
    colors.HexColor("#d9822b"),
    colors.HexColor("#3a8f5c"),
    colors.HexColor("#a83c4a"),
    colors.HexColor("#7a5aa6"),
    colors.HexColor("#8c8c3a"),
    colors.HexColor("#2a9bb0"),
    colors.HexColor("#b05d8f"),
    colors.HexColor("#6b6b6b"),
    colors.HexColor("#c7a33a"),
)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_bold_right: ParagraphStyle
    mono: ParagraphStyle

    @property
    def size(self) -> float:
        return float(self.body.fontSize)


def make_styles(size: float = 9.5) -> Styles:
    """Styles around a body size: 9.5 pt for staff documents, 13.5 pt for the family's copy."""
    ensure_fonts()
    lead = size * 1.3
    body = ParagraphStyle(
        "body",
        fontName=SANS,
        fontSize=size,
        leading=lead,
        textColor=INK,
        spaceAfter=size * 0.35,
        splitLongWords=True,
        allowWidows=1,
        allowOrphans=0,
    )
    cell_size = size if size > 11 else size - 1
    cell = ParagraphStyle(
        "cell",
        parent=body,
        fontSize=cell_size,
        leading=cell_size * 1.22,
        spaceAfter=0,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=size * 0.8, leading=size),
        muted=ParagraphStyle(
            "muted", parent=body, textColor=MUTED, fontName=SANS_OBLIQUE, spaceBefore=size * 0.3
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=size * 1.9,
            leading=size * 2.3,
            textColor=ACCENT,
            spaceAfter=size * 0.3,
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=size * 1.35,
            leading=size * 1.7,
            textColor=ACCENT,
            spaceBefore=size * 1.1,
            spaceAfter=size * 0.45,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=size * 1.05,
            leading=size * 1.35,
            spaceBefore=size * 0.7,
            spaceAfter=size * 0.2,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=SANS_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_bold_right=ParagraphStyle(
            "cell_bold_right", parent=cell, fontName=SANS_BOLD, alignment=TA_RIGHT
        ),
        mono=ParagraphStyle("mono", parent=body, fontName=MONO),
    )


def grid(
    styles: Styles,
    *,
    header_rows: int = 1,
    total_row: bool = False,
    right_cols: tuple[int, ...] = (),
) -> TableStyle:
    """The one table look: a tinted header, thin rules, zebra rows, numbers right-aligned.

    Plain-string cells (our own dates, amounts, labels) take the font from here; user text goes
    in as Paragraphs, which wrap.
    """
    cell = styles.cell
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), SANS_BOLD),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    for col in right_cols:
        commands.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    if total_row:
        commands += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
            ("FONTNAME", (0, -1), (-1, -1), SANS_BOLD),
        ]
    return TableStyle(commands)
