"""The case summary's first page: what a team lead takes to a meeting.

Budget (frame, paid, committed, left), the needs (open, met, dropped), quality of life from the
first check-in of the period to the latest, and the next meeting. The detail follows on the next
pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Flowable

from samjournal.model import (
    CHECKIN_DOMAINS,
    OPEN_NEED_STATUSES,
    Checkin,
    FamilyDetail,
    NeedStatus,
    planned_meeting,
)
from samjournal.reports.common import Writer, layout, markup
from samjournal.reports.labels import local
from samjournal.vocabulary import BUDGET_PARTS


def overview(o: Writer, d: FamilyDetail, start: dt.date, end: dt.date) -> list[Flowable]:
    w = o.w
    gap = o.width * 0.04
    half = (o.width - gap) / 2
    side_by_side = layout(
        [[_budget(Writer(o.s, w, half), d), "", _needs(Writer(o.s, w, half), d)]],
        [half, gap, half],
        [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
    )
    return [
        o.h1(w("Oversikt", "Overview")),
        side_by_side,
        o.space(o.s.size),
        *_quality_of_life(o, [c for c in d.checkins if start <= c.answered_on <= end]),
        o.space(o.s.size * 0.6),
        _next_meeting(o, d),
    ]


def _budget(o: Writer, d: FamilyDetail) -> Flowable:
    w, b = o.w, d.budget
    used = f"{(b.spent + b.committed).ore * 100 / b.frame.ore:.0f}\u00a0%" if b.frame.ore else ""
    # Said in words: "Gjenstår (24 %)" read as 24 % left when 24 % was used.
    share = f" ({w('brukt', 'used')} {used})" if used else ""
    return o.table(
        [w("Budsjett per i dag", "Budget as of today"), w("Beløp", "Amount")],
        [
            [w("Budsjettramme", "Budget frame"), w.money(b.frame)],
            [w(*BUDGET_PARTS["spent"]), w.money(b.spent)],
            [w(*BUDGET_PARTS["committed"]), w.money(b.committed)],
            [
                w(*BUDGET_PARTS["proposed"]),
                w.money(b.proposed),
            ],
        ],
        [62, 38],
        right_cols=(1,),
        total=[w("Gjenstår", "Remaining") + share, w.money(b.remaining)],
        whole=False,
    )


def _needs(o: Writer, d: FamilyDetail) -> Flowable:
    w = o.w
    open_ = sum(1 for n in d.needs if n.status in OPEN_NEED_STATUSES)
    met = sum(1 for n in d.needs if n.status is NeedStatus.MET)
    dropped = sum(1 for n in d.needs if n.status is NeedStatus.DROPPED)
    return o.table(
        [w("Behov", "Needs"), w("Antall", "Count")],
        [
            [
                w("Åpne (meldt, avtalt, under arbeid)", "Open (raised, agreed, in progress)"),
                str(open_),
            ],
            [w.label(NeedStatus.MET), str(met)],
            [w.label(NeedStatus.DROPPED), str(dropped)],
        ],
        [72, 28],
        right_cols=(1,),
        total=[w("I alt", "In total"), str(len(d.needs))],
        whole=False,
    )


def _quality_of_life(o: Writer, answers: Sequence[Checkin]) -> list[Flowable]:
    w = o.w
    title = o.h2(w("Livskvalitet, første → siste", "Quality of life, first → latest"))
    if not answers:
        return [title, o.note(w("Ingen kartlegginger i perioden.", "No check-ins in the period."))]
    first_day = min(c.answered_on for c in answers)
    last_day = max(c.answered_on for c in answers)
    rows = []
    for key in ("life_satisfaction", *CHECKIN_DOMAINS):
        first = _mean(answers, first_day, key)
        latest = _mean(answers, last_day, key)
        if first is None and latest is None:
            continue
        change = "—"
        if first is not None and latest is not None:
            delta = latest - first
            change = ("+" if delta > 0 else "−" if delta < 0 else "±") + w.decimal(abs(delta))
        rows.append(
            [
                w.domain(key),
                w.decimal(first) if first is not None else "—",
                w.decimal(latest) if latest is not None else "—",
                change,
            ]
        )
    return [
        title,
        o.table(
            [
                w("Område (0–10)", "Domain (0–10)"),
                w("Første {d}", "First {d}").format(d=w.date(first_day)),
                w("Siste {d}", "Latest {d}").format(d=w.date(last_day)),
                w("Endring", "Change"),
            ],
            rows,
            [40, 20, 20, 20],
            right_cols=(1, 2, 3),
        ),
        o.note(
            w(
                "{n} svar i perioden; snitt per dag når flere svarte samme dag.",
                "{n} answers in the period; the day's average when several answered.",
            ).format(n=len(answers))
        ),
    ]


def _mean(answers: Sequence[Checkin], day: dt.date, key: str) -> float | None:
    values = [
        c.life_satisfaction if key == "life_satisfaction" else c.domains.get(key)
        for c in answers
        if c.answered_on == day
    ]
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _next_meeting(o: Writer, d: FamilyDetail) -> Flowable:
    w = o.w
    latest = planned_meeting(d.meetings)
    label = w("Neste møte:", "Next meeting:")
    if latest is not None and local(latest) >= local(dt.datetime.now(dt.UTC)):
        when = w.datetime(latest)
    else:
        when = w("ikke avtalt", "not set")
    return o.raw(f"<b>{markup(label)}</b> {markup(when)}")
