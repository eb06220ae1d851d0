"""The family's own copy: what we agreed, what the municipality pays and when, who to call.

Plain language in large type, in bokmål or English (the family's language). It holds what the
family may take home and nothing internal: no identity numbers, no audit detail, no staff notes,
no proposed or rejected payments.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from samjournal.audit import Action
from samjournal.journal import Journal
from samjournal.model import FamilyDetail, FamilyId, NeedStatus, PaymentStatus
from samjournal.money import Money
from samjournal.reports.common import Letterhead, Writer, build_pdf, markup, now
from samjournal.reports.labels import Words, checked_language, local
from samjournal.reports.styles import make_styles

RECENT_DAYS = 183  # what was agreed in about the last six months
MAX_MEETINGS = 8
WORKING_ON = (NeedStatus.AGREED, NeedStatus.IN_PROGRESS)
# The legal marking ("offl. § 13") in words a family reads: what it means for them.
FOOTER_NB = "Personlige opplysninger. Vi viser ikke dette til andre uten lov eller samtykke."
FOOTER_EN = "Personal information. We do not show this to others without law or your consent."


def build(
    journal: Journal,
    family_id: FamilyId,
    *,
    language: str | None = None,
    since: dt.date | None = None,
) -> bytes:
    detail = journal.families.open(family_id)  # the family's caseworker or a team lead
    words = Words(checked_language(language, detail.family.language))
    journal.record_event(Action.PRINT, "family", family_id, family_id, detail="family_copy")
    today = dt.date.today()
    head = Letterhead(
        title=words("Det vi har avtalt", "What we have agreed"),
        subject="",
        printed_by=journal.user.display_name,
        printed_at=now(),
        words=words,
        confidential=words(FOOTER_NB, FOOTER_EN),
    )
    out = Writer(make_styles(13.5), words)
    story = _story(out, detail, since or today - dt.timedelta(days=RECENT_DAYS), today)
    return build_pdf(story, head, author=journal.user.display_name)


def _story(o: Writer, d: FamilyDetail, since: dt.date, today: dt.date) -> list[Flowable]:
    w = o.w
    owner = d.owner.display_name
    story: list[Flowable] = [
        o.p(w("Det vi har avtalt", "What we have agreed"), o.s.title),
        o.raw(f"<b>{markup(d.family.display_name)}</b>"),
        o.p(
            w(
                "Dette er deres kopi av det vi har avtalt sammen i familiemøtene, og av det "
                "kommunen skal betale. Si fra hvis noe er feil eller har endret seg.",
                "This is your copy of what we have agreed together in the family meetings, and "
                "of what the municipality will pay. Tell us if anything is wrong or has changed.",
            )
        ),
        o.raw(
            "<b>"
            + markup(
                w(
                    "Kopien gjelder {start} til {end}, nyeste først.",
                    "This copy covers {start} to {end}, newest first.",
                ).format(start=w.long_date(since), end=w.long_date(today))
            )
            + "</b>"
        ),
    ]
    story += _agreed(o, d, since)
    story += _working_on(o, d)
    story += _payments(o, d, since)
    story += _next_meeting(o, d, today)
    story += [
        o.h1(w("Hvem dere kan ringe", "Who to call")),
        o.raw(
            markup(w("Kontaktpersonen deres er ", "Your contact person is "))
            + f"<b>{markup(owner)}</b>. "
            + markup(
                w(
                    "Ring eller send melding hvis dere lurer på noe.",
                    "Call or send a message if you have any questions.",
                )
            )
        ),
    ]
    return story


def _agreed(o: Writer, d: FamilyDetail, since: dt.date) -> list[Flowable]:
    w = o.w
    out: list[Flowable] = [o.h1(w("Dette har vi avtalt", "What we agreed"))]
    recent = [m for m in d.meetings if m.agreed and local(m.held_at).date() >= since]
    recent.sort(key=lambda m: m.held_at, reverse=True)
    if not recent:
        return [
            *out,
            o.p(
                w(
                    "Vi har ikke skrevet ned noen avtaler i denne perioden.",
                    "We have not written down any agreements in this period.",
                )
            ),
        ]
    for m in recent[:MAX_MEETINGS]:
        out.append(o.h2(w("Møtet {d}", "Meeting on {d}").format(d=w.long_date(m.held_at))))
        out += o.text(m.agreed)
    return out


def _working_on(o: Writer, d: FamilyDetail) -> list[Flowable]:
    w = o.w
    needs = [n for n in d.needs if n.status in WORKING_ON]
    if not needs:
        return []
    out: list[Flowable] = [o.h1(w("Dette jobber vi med", "What we are working on"))]
    for n in needs:
        out.append(o.raw("•&nbsp;" + markup(n.description), o.s.body))
    return out


def _payments(o: Writer, d: FamilyDetail, since: dt.date) -> list[Flowable]:
    w = o.w
    out: list[Flowable] = [o.h1(w("Dette betaler kommunen", "What the municipality pays"))]
    shown = [
        p
        for p in d.payments
        if p.status is PaymentStatus.APPROVED
        or (p.status is PaymentStatus.PAID and p.paid_on is not None and p.paid_on >= since)
    ]
    if not shown:
        return [
            *out,
            o.p(
                w(
                    "Det er ingen godkjente utbetalinger akkurat nå.",
                    "There are no approved payments right now.",
                )
            ),
        ]
    # Newest first, as everything in the copy: what is still to be paid, then the latest paid.
    shown.sort(key=lambda p: p.paid_on or dt.date.max, reverse=True)
    rows = []
    for p in shown:
        when = (
            w("Betalt {d}", "Paid on {d}").format(d=w.long_date(p.paid_on))
            if p.status is PaymentStatus.PAID
            else w("Godkjent, blir betalt snart", "Approved, will be paid soon")
        )
        rows.append([o.cell(p.purpose, limit=300), o.cell(when), w.money(p.amount)])
    total = sum((p.amount for p in shown), Money(0))
    out.append(
        o.table(
            [w("Hva", "What"), w("Når", "When"), w("Beløp", "Amount")],
            rows,
            [50, 28, 22],
            right_cols=(2,),
            total=[
                o.cell(w("Til sammen i perioden", "In total for the period"), style=o.s.cell_bold),
                "",
                w.money(total),
            ],
        )
    )
    return out


def _next_meeting(o: Writer, d: FamilyDetail, today: dt.date) -> list[Flowable]:
    w = o.w
    # The latest meeting that set a next one has the last word on it.
    planned = [m for m in d.meetings if m.next_meeting_at is not None]
    latest = max(planned, key=lambda m: m.held_at).next_meeting_at if planned else None
    out: list[Flowable] = [o.h1(w("Neste møte", "Next meeting"))]
    if latest is not None and local(latest).date() >= today:
        when = local(latest)
        clock = f"{when.hour:02d}:{when.minute:02d}"
        text = w("{d} klokka {t}", "{d} at {t}").format(
            d=w.long_date(when.date(), weekday=True), t=clock
        )
        out.append(o.raw(f"<b>{markup(text[:1].upper() + text[1:])}</b>"))
    else:
        out.append(
            o.p(
                w(
                    "Vi har ikke avtalt neste møte ennå. Kontaktpersonen deres tar kontakt.",
                    "We have not set the next meeting yet. Your contact person will be in touch.",
                )
            )
        )
    return out
