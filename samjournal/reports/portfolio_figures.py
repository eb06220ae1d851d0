"""The team lead's portfolio report for a period: figures and charts, no names of families."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from samjournal.audit import Action
from samjournal.errors import PermissionDenied
from samjournal.journal import Journal
from samjournal.messages import invalid, keyed
from samjournal.model import FamilyStatus, NeedCategory, NeedStatus, Role
from samjournal.money import Money
from samjournal.reports import charts, outcomes, portfolio_outcomes
from samjournal.reports.common import Letterhead, Writer, build_pdf, now
from samjournal.reports.labels import Words, checked_language
from samjournal.reports.queries import PaymentCell, PortfolioQueries, ScoreChange, ScoreMonth
from samjournal.reports.styles import make_styles
from samjournal.vocabulary import BUDGET_PARTS

TREND_KEYS = ("life_satisfaction", "trust", "participation")
MAX_PERIOD_DAYS = 366 * 5


def build(journal: Journal, *, start: dt.date, end: dt.date, language: str | None = None) -> bytes:
    if journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "team_lead_print_portfolio")
    if start > end:
        raise invalid("period", "start_before_end")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise invalid("period", "may_at_most_five")
    words = Words(checked_language(language, journal.settings().language))
    q = PortfolioQueries(journal, start, end)
    journal.record_event(Action.VIEW, "journal", journal.journal_id, None, detail="portfolio")
    head = Letterhead(
        title=words("Porteføljerapport", "Portfolio report"),
        subject=words.period(start, end),
        printed_by=journal.user.display_name,
        printed_at=now(),
        words=words,
        audit_head=journal.audit_head(),
    )
    o = Writer(make_styles(9.5), words)
    story: list[Flowable] = [
        o.p(words("Porteføljerapport", "Portfolio report"), o.s.title),
        o.p(words("Periode: {p}", "Period: {p}").format(p=words.period(start, end))),
    ]
    story += _families(o, q)
    story += _payments(o, q.payments(), _months(start, end))
    story += _budget(o, q)
    story += _needs(o, q)
    story += _scores(o, q.scores(), _months(start, end))
    story += _changes(o, q.score_changes())
    story += portfolio_outcomes.section(
        o, outcomes.cells(outcomes.family_answers(journal, start, end))
    )
    return build_pdf(story, head, author=journal.user.display_name)


def _months(start: dt.date, end: dt.date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_label(w: Words, key: str) -> str:
    return w.month(int(key[:4]), int(key[5:7]))


def _families(o: Writer, q: PortfolioQueries) -> list[Flowable]:
    w = o.w
    counts = q.status_counts()
    rows = [[w.label(c.status), str(c.families), str(c.opened), str(c.closed)] for c in counts]
    out: list[Flowable] = [
        o.h1(w("Familier", "Families")),
        o.table(
            [
                w("Status i dag", "Status today"),
                w("Familier", "Families"),
                w("Åpnet i perioden", "Opened in period"),
                w("Avsluttet i perioden", "Closed in period"),
            ],
            rows,
            [34, 22, 22, 22],
            right_cols=(1, 2, 3),
            total=[
                w("I alt", "Total"),
                str(sum(c.families for c in counts)),
                str(sum(c.opened for c in counts)),
                str(sum(c.closed for c in counts)),
            ],
        ),
    ]
    owners = q.owners()
    if owners:
        out += [
            o.h2(f"Per {w.in_sentence(Role.CASEWORKER)}"),  # "Per" in both languages
            o.table(
                [
                    w.label(Role.CASEWORKER),
                    w.label(FamilyStatus.ACTIVE),
                    w.label(FamilyStatus.PAUSED),
                    w.label(FamilyStatus.CLOSED),
                    w("Åpne behov", "Open needs"),
                ],
                [
                    [
                        o.cell(r.owner),
                        str(r.active),
                        str(r.paused),
                        str(r.closed),
                        str(r.open_needs),
                    ]
                    for r in owners
                ],
                [40, 15, 15, 15, 15],
                right_cols=(1, 2, 3, 4),
            ),
        ]
    return out


def _payments(o: Writer, cells: list[PaymentCell], months: list[str]) -> list[Flowable]:
    w = o.w
    out: list[Flowable] = [
        o.h1(w("Utbetalinger per måned og kategori", "Payments per month and category")),
        o.note(
            w(
                "Godkjente og utbetalte beløp, ført på utbetalingsdato (eller godkjenningsdato "
                "for det som ikke er utbetalt ennå). Kategori er kategorien til behovet "
                "utbetalingen gjelder.",
                "Approved and paid amounts, counted on the payment date (or the approval date "
                "for what is not paid yet). The category is that of the need the payment serves.",
            )
        ),
    ]
    if not cells:
        return [*out, o.p(w("Ingen utbetalinger i perioden.", "No payments in the period."))]
    categories: list[NeedCategory | None] = [
        c for c in (*NeedCategory, None) if any(x.category == c for x in cells)
    ]
    amount = {(x.month, x.category): x.amount for x in cells}
    series = [
        (
            w.label(c),
            [amount.get((m, c), Money(0)).ore / 100 for m in months],
        )
        for c in categories
    ]
    out.append(
        charts.monthly_bars(
            [_month_label(w, m) for m in months],
            series,
            w,
            width=o.width,
            height=230,
            title=w("Kroner per måned", "Kroner per month"),
        )
    )
    by_month: dict[str, tuple[int, Money]] = {}
    by_cat: dict[NeedCategory | None, tuple[int, Money]] = {}
    for x in cells:
        n, s = by_month.get(x.month, (0, Money(0)))
        by_month[x.month] = (n + x.count, s + x.amount)
        n, s = by_cat.get(x.category, (0, Money(0)))
        by_cat[x.category] = (n + x.count, s + x.amount)
    total_n = sum(n for n, _ in by_month.values())
    total = sum((s for _, s in by_month.values()), Money(0))
    out += [
        o.h2(w("Per måned", "Per month")),
        o.table(
            [w("Måned", "Month"), w("Antall", "Count"), w("Beløp", "Amount")],
            [  # every month, those without payments too: a gap is a figure
                [
                    _month_label(w, m),
                    str(by_month.get(m, (0, Money(0)))[0]),
                    w.money(by_month.get(m, (0, Money(0)))[1]),
                ]
                for m in months
            ],
            [50, 20, 30],
            right_cols=(1, 2),
            total=[w("I alt", "Total"), str(total_n), w.money(total)],
        ),
        o.h2(w("Per kategori", "Per category")),
        o.table(
            [w("Kategori", "Category"), w("Antall", "Count"), w("Beløp", "Amount")],
            [[w.label(c), str(by_cat[c][0]), w.money(by_cat[c][1])] for c in categories],
            [50, 20, 30],
            right_cols=(1, 2),
            total=[w("I alt", "Total"), str(total_n), w.money(total)],
        ),
    ]
    return out


def _budget(o: Writer, q: PortfolioQueries) -> list[Flowable]:
    w = o.w
    b = q.budget()
    used = b.spent + b.committed
    share = f"{used.ore * 100 / b.frame.ore:.0f} %" if b.frame.ore else "—"
    return [
        o.h1(w("Budsjettbruk per i dag", "Budget use as of today")),
        o.note(
            w("Familier som ikke er avsluttet: {n}.", "Families that are not closed: {n}.").format(
                n=b.families
            )
        ),
        o.table(
            [w("Post", "Item"), w("Beløp", "Amount")],
            [
                [w("Budsjettrammer i alt", "Budget frames in total"), w.money(b.frame)],
                [w(*BUDGET_PARTS["spent"]), w.money(b.spent)],
                [
                    w(*BUDGET_PARTS["committed"]),
                    w.money(b.committed),
                ],
                [w("Brukt i alt", "Used in total") + f" ({share})", w.money(used)],
                [w(*BUDGET_PARTS["proposed"]), w.money(b.proposed)],
                [
                    w("Familier over 90 % av rammen", "Families above 90 % of the frame"),
                    str(b.over_90),
                ],
                [w("Familier over rammen", "Families above the frame"), str(b.over_100)],
            ],
            [70, 30],
            right_cols=(1,),
            total=[w("Gjenstår", "Remaining"), w.money(b.remaining)],
        ),
    ]


def _needs(o: Writer, q: PortfolioQueries) -> list[Flowable]:
    w = o.w
    rows = q.needs()
    out: list[Flowable] = [o.h1(w("Åpne og oppfylte behov", "Open and met needs"))]
    if not rows:
        return [*out, o.p(w("Ingen behov i perioden.", "No needs in the period."))]
    table = o.table(
        [
            w("Kategori", "Category"),
            w("Meldt i perioden", "Raised in period"),
            w("Åpne nå", "Open now"),
            w.label(NeedStatus.MET),
            w.label(NeedStatus.DROPPED),
        ],
        [
            [w.label(r.category), str(r.raised), str(r.open_now), str(r.met), str(r.dropped)]
            for r in rows
        ],
        [32, 17, 17, 17, 17],
        right_cols=(1, 2, 3, 4),
        total=[
            w("I alt", "Total"),
            str(sum(r.raised for r in rows)),
            str(sum(r.open_now for r in rows)),
            str(sum(r.met for r in rows)),
            str(sum(r.dropped for r in rows)),
        ],
    )
    note = o.note(
        w(
            "«Åpne nå» teller behov meldt før periodens slutt som fortsatt er åpne; "
            f"«{w.label(NeedStatus.MET)}» og «{w.label(NeedStatus.DROPPED)}» teller behov"
            " som ble det i perioden, også de som ble meldt før den.",
            "“Open now” counts needs raised by the end of the period that are still open; "
            f"“{w.label(NeedStatus.MET)}” and “{w.label(NeedStatus.DROPPED)}” count needs"
            " that became so in the period, those raised before it too.",
        )
    )
    out.append(o.keep(table, note))  # the footnote explains the table: never apart
    return out


def _scores(o: Writer, months: list[ScoreMonth], calendar: list[str]) -> list[Flowable]:
    w = o.w
    out: list[Flowable] = [o.h1(w("Kartlegginger over tid", "Check-ins over time"))]
    if not months:
        return [*out, o.p(w("Ingen kartlegginger i perioden.", "No check-ins in the period."))]
    series = []
    for key in TREND_KEYS:
        points = [
            (dt.date(int(m.month[:4]), int(m.month[5:7]), 1), v)
            for m in months
            if (v := m.averages.get(key)) is not None
        ]
        if points:
            series.append((w.domain(key), points))
    if series:  # none when every month's averages are of too few families
        out.append(
            charts.score_trend(
                series,
                w,
                width=o.width,
                height=190,
                title=w("Snitt per måned (0–10)", "Average per month (0–10)"),
            )
        )
    keys = list(months[0].averages)
    header = [w("Måned", "Month"), w("Svar", "Answers"), *(w.domain_short(k) for k in keys)]
    found = {m.month: m for m in months}
    empty = ScoreMonth("", 0, {})
    rows = [  # every month of the period, those without answers too
        [
            _month_label(w, month),
            _count(found.get(month, empty).answers),
            *(_score(found.get(month, empty).averages.get(k), w) for k in keys),
        ]
        for month in calendar
    ]
    out += [
        o.h2(w("Snitt per måned og område", "Average per month and domain")),
        o.table(
            # "Answers" on one line in English too (at 7 it broke as "Answ/ers").
            header,
            rows,
            [11, 11, *([11.1] * len(keys))],
            right_cols=tuple(range(1, len(header))),
        ),
        o.note(
            w(
                "Et snitt som færre enn {k} familier svarte på, vises ikke («—»), og et antall "
                "svar under {k} står som «<{k}».",
                "An average fewer than {k} families answered is not shown (“—”), and a number "
                "of answers under {k} reads “<{k}”.",
            ).format(k=outcomes.MIN_CELL)
        ),
    ]
    return out


def _count(n: int) -> str:
    return f"<{outcomes.MIN_CELL}" if 0 < n < outcomes.MIN_CELL else str(n)


def _score(value: float | None, w: Words) -> str:
    return "—" if value is None else w.decimal(value)


def split_counts(*counts: int) -> list[str]:
    """Counts that add up to a shown total: one under MIN_CELL (none too) is "<5"; one whose
    rest is under MIN_CELL is hidden too (5 of 5 better says each family's way, as 100 %
    would), and a lone hidden one would follow from the total, so the smallest shown one goes
    with it: those say "—"."""
    total, k = sum(counts), outcomes.MIN_CELL
    small = {i for i, n in enumerate(counts) if n < k}
    hidden = small | {i for i, n in enumerate(counts) if total - n < k}
    if len(hidden) == 1 and len(counts) > 1:
        hidden.add(min((i for i in range(len(counts)) if i not in hidden), key=lambda i: counts[i]))
    return [f"<{k}" if i in small else "—" if i in hidden else str(n) for i, n in enumerate(counts)]


def _changes(o: Writer, changes: list[ScoreChange]) -> list[Flowable]:
    """What a monthly average hides: how each family moved from its first answer to its latest."""
    w = o.w
    out: list[Flowable] = [
        o.h2(w("Endring fra første til siste svar", "Change from first to latest answer"))
    ]
    if not changes:
        return [
            *out,
            o.p(
                w(
                    "Ingen familie har svart to ganger i perioden.",
                    "No family has answered twice in the period.",
                )
            ),
        ]
    small = f"<{outcomes.MIN_CELL}"
    rows = [
        [w.domain(c.key), small, "—", "—", "—", "—"]
        if c.families < outcomes.MIN_CELL  # a handful's averages say what each one answered
        else [
            w.domain(c.key),
            str(c.families),
            w.decimal(c.first),
            w.decimal(c.latest),
            ("+" if c.change > 0 else "−" if c.change < 0 else "±") + w.decimal(abs(c.change)),
            "\u00a0/\u00a0".join(split_counts(c.better, c.same, c.worse)),
        ]
        for c in changes
    ]
    out += [
        o.table(
            [
                w("Område", "Domain"),
                w("Familier", "Families"),
                w("Første", "First"),
                w("Siste", "Latest"),
                w("Endring", "Change"),
                w("Bedre / likt / verre", "Better / same / worse"),
            ],
            rows,
            [30, 12, 12, 12, 12, 22],
            right_cols=(1, 2, 3, 4, 5),
        ),
        o.note(
            w(
                "Familier med minst to svar på området i perioden. Første og siste er snittet "
                "av hver families første og siste svar (0–10). Færre enn {k} familier vises "
                "ikke, heller ikke et antall bedre, likt eller verre under {k}, null også "
                "(«<{k}»), eller der resten er under {k} («—»); står et skjult antall alene, "
                "skjules også et annet («—») så det ikke kan regnes ut.",
                "Families with at least two answers to the domain in the period. First and "
                "latest are the averages of each family's first and latest answer (0–10). "
                "Fewer than {k} families are not shown, nor a count better, same or worse "
                "under {k}, none too (“<{k}”), or whose rest is under {k} (“—”); a hidden "
                "count never stands alone: another goes with it (“—”) so it cannot be worked "
                "out.",
            ).format(k=outcomes.MIN_CELL)
        ),
    ]
    return [o.keep(*out)]
