"""The portfolio's section on the pilot's outcomes (reports/outcomes.py counts them)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from samjournal.reports.common import Writer
from samjournal.reports.labels import Words
from samjournal.reports.outcomes import MIN_CELL, OUTCOMES, OutcomeCell, Share


def _headers(w: Words) -> dict[str, str]:
    return {
        "right_time": w("Hjelp til rett tid", "Help at the right time"),
        "gratitude_debt": w("Føler seg i gjeld", "Gratitude debt"),
        "insecurity": w("Uro for slutten", "Worry about the end"),
        "unfairness": w("Behandlet urettferdig", "Treated unfairly"),
        "money_otherwise": w("Penger brukt til annet", "Money used otherwise"),
    }


def _share(share: Share, w: Words) -> str:
    if share.answered == 0:
        return ""
    value = share.shown()
    return "—" if value is None else f"{round(100 * value)}\u00a0%"


def _count(cell: OutcomeCell) -> str:
    return f"<{MIN_CELL}" if cell.hidden else str(cell.families)


def _row(cell: OutcomeCell, w: Words, first: str) -> list[str]:
    category = (
        w("Alle kategorier", "All categories") if cell.category is None else w.label(cell.category)
    )
    # A row of fewer than MIN_CELL families shows no share: "—", as the note says of a share
    # not shown (a blank says no one answered the question).
    shares = ["—" if cell.hidden else _share(cell.shares[key], w) for key, _item in OUTCOMES]
    return [first, category, _count(cell), *shares]


def section(o: Writer, found: list[OutcomeCell]) -> list[Flowable]:
    w = o.w
    out: list[Flowable] = [
        o.h1(
            w(
                "Hjelp til rett tid og paradokser",
                "Help at the right time and paradoxes",
            )
        ),
        o.note(
            w(
                "Fra kartleggingene: andelen familier som svarte at hjelpen kom da de trengte"
                " den (enig 4–5), som kjente på takknemlighetsgjeld (føler seg i gjeld til"
                " kommunen), uro for hva som skjer når støtten tar slutt, eller å bli"
                " behandlet urettferdig (enig 4–5), og der"
                " familiekoordinatoren svarte at penger gikk til noe annet enn avtalt (ja)."
                " En familie telles én gang, med sitt siste svar i måneden (eller perioden),"
                " under hver behovskategori den hadde behov i. Færre enn {k} familier vises"
                " ikke («<{k}»), heller ikke en andel der ja- eller nei-siden er under {k}"
                " familier, null også («—»): 0 % eller 100 % sier hva hver familie svarte.",
                "From the check-ins: the share of families who said the help came when they"
                " needed it (agree 4–5), who felt gratitude debt, worry about what happens when"
                " the support ends, or treated unfairly (agree 4–5), and where the caseworker"
                " said money went to something other than agreed (yes). A family counts once,"
                " with its latest answer in the month (or the period), under each need category"
                " it had a need in. Fewer than {k} families"
                " are not shown (“<{k}”), nor a share whose yes or no side is under {k}"
                " families, none too (“—”): 0 % or 100 % says what each family answered.",
            ).format(k=MIN_CELL)
        ),
    ]
    if not found:
        return [*out, o.p(w("Ingen kartlegginger i perioden.", "No check-ins in the period."))]
    heads = _headers(w)
    header = [
        w("Måned", "Month"),
        w("Kategori", "Category"),
        w("Familier", "Families"),
        *(heads[key] for key, _item in OUTCOMES),
    ]
    fractions = [11.5, 15.5, 10, *([12.6] * len(OUTCOMES))]  # no header word broken
    right = tuple(range(2, len(header)))
    rows: list[list[str]] = []  # each month's line, then its categories under it
    for cell in found:
        if cell.month is None:
            continue
        if cell.category is None:
            rows.append(_row(cell, w, w.month(int(cell.month[:4]), int(cell.month[5:7]))))
    by_month: dict[str, list[list[str]]] = {}
    for cell in found:
        if cell.month is not None and cell.category is not None and not cell.hidden:
            by_month.setdefault(cell.month, []).append(_row(cell, w, ""))
    months = [c.month for c in found if c.month is not None and c.category is None]
    rows = [
        line
        for month, head in zip(months, rows, strict=True)
        for line in (head, *by_month.get(month or "", []))
    ]
    period = [
        _row(c, w, w("Perioden", "Period") if c.category is None else "")
        for c in sorted((c for c in found if c.month is None), key=lambda c: c.category is not None)
        if c.category is None or not c.hidden
    ]
    out += [
        o.h2(w("Per måned og behovskategori", "Per month and need category")),
        o.table(header, rows, fractions, right_cols=right),
        o.h2(w("Hele perioden", "The whole period")),
        o.table(header, period, fractions, right_cols=right),
    ]
    return out
