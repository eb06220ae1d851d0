"""The family's own copy: what we agreed, what the municipality pays and when, who to call.

Plain language in large type, in bokmål or English (the family's language). It holds what the
family may take home and nothing internal: no identity numbers, no audit detail, no staff notes,
no proposed or rejected payments.

The rule for staff wording: a meeting's "agreed" note is written by staff for staff ("Ahmed
legger inn utbetaling: …") and is never printed here, nor are the family's words as noted (the
copy is read by the whole household). What each meeting agreed is told in our own plain
sentences from the records: the needs taken up there (written in the family's own words) and the
approved or paid payments for them (purpose and amount). Everything runs oldest first, as a story
is told, inside a stated window.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from samjournal.audit import Action
from samjournal.journal import Journal
from samjournal.model import (
    FamilyDetail,
    FamilyId,
    Meeting,
    NeedStatus,
    Payment,
    PaymentStatus,
    planned_meeting,
)
from samjournal.money import Money
from samjournal.reports import family_contact
from samjournal.reports.common import Letterhead, Writer, build_pdf, markup, now
from samjournal.reports.labels import Words, checked_language, local
from samjournal.reports.styles import make_styles
from samjournal.settings import ServiceContact

RECENT_DAYS = 183  # what was agreed in about the last six months
MAX_MEETINGS = 8  # the latest ones in the window
SHOWN = (PaymentStatus.APPROVED, PaymentStatus.PAID)
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
    journal.record_event(Action.VIEW, "family", family_id, family_id, detail="family_copy")
    today = dt.date.today()
    if family_contact.closed(detail) and detail.family.closed_on is not None:
        today = min(today, detail.family.closed_on)  # the window ends where the work ended
    service = journal.settings().service
    head = Letterhead(
        title=words("Det vi har avtalt", "What we have agreed"),
        subject="",
        printed_by=journal.user.display_name,
        printed_at=now(),
        words=words,
        confidential=words(FOOTER_NB, FOOTER_EN),
    )
    out = Writer(make_styles(13.5), words)
    start = since or _window_start(detail, today)
    story = _story(out, detail, service, start, today)
    return build_pdf(story, head, author=journal.user.display_name, tagged=True)


def _window_start(d: FamilyDetail, today: dt.date) -> dt.date:
    """About the last six months, but not before the case began: its opening, or its first
    meeting if one was written in from before (a case opened today said "6 June to 6 December")."""
    began = min([d.family.opened_on, *(local(m.held_at).date() for m in d.meetings)])
    return max(today - dt.timedelta(days=RECENT_DAYS), began)


def _story(
    o: Writer, d: FamilyDetail, service: ServiceContact, since: dt.date, today: dt.date
) -> list[Flowable]:
    w = o.w
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
                    "Kopien gjelder {start} til {end}, eldste først.",
                    "This copy covers {start} to {end}, oldest first.",
                ).format(start=w.long_date(since), end=w.long_date(today))
            )
            + "</b>"
        ),
    ]
    story += _agreed(o, d, since, today)
    if not family_contact.closed(d):
        story += _working_on(o, d)
    story += _payments(o, d, since)
    if family_contact.closed(d):
        story += family_contact.closing_letter(o, d, service)
    else:
        story += _next_meeting(o, d, today)
    story += family_contact.who_to_call(o, d, service)
    return story


def _agreed(o: Writer, d: FamilyDetail, since: dt.date, today: dt.date) -> list[Flowable]:
    w = o.w
    out: list[Flowable] = [o.h1(w("Dette har vi avtalt", "What we agreed"))]
    recent = [m for m in d.meetings if since <= local(m.held_at).date() <= today]
    recent.sort(key=lambda m: m.held_at)
    if not recent:
        return [
            *out,
            o.p(
                w(
                    "Vi har ikke hatt møter i denne perioden.",
                    "We have not had any meetings in this period.",
                )
            ),
        ]
    shown = recent[-MAX_MEETINGS:]
    if len(recent) > len(shown):
        out.append(
            o.p(
                w(
                    "Her er de {n} siste møtene.",
                    "Here are the last {n} meetings.",
                ).format(n=len(shown))
            )
        )
    for m in shown:
        heading = o.h2(w("Møtet {d}", "Meeting on {d}").format(d=w.long_date(m.held_at)))
        out.append(o.keep(heading, *_meeting_lines(o, d, m)))
    return out


def _meeting_lines(o: Writer, d: FamilyDetail, m: Meeting) -> list[Flowable]:
    """What a meeting agreed, in our own sentences from the records (see the module note)."""
    w = o.w
    needs = [n for n in d.needs if n.agreed_meeting_id == m.id]
    need_ids = {n.id for n in needs}
    pays = [p for p in d.payments if p.need_id in need_ids and p.status in SHOWN]
    lines = [
        "•&nbsp;"
        + markup(w("Dere ønsket hjelp med: ", "You asked for help with: "))
        + f"<b>{markup(n.description)}</b>"
        for n in needs
    ]
    lines += ["•&nbsp;" + _payment_line(o, p) for p in pays]
    if not lines:
        lines = [
            markup(
                w(
                    "Vi snakket om hvordan det går. Vi avtalte ikke noe nytt å jobbe med eller"
                    " å betale for.",
                    "We talked about how things are going. We did not agree on anything new to"
                    " work on or to pay for.",
                )
            )
        ]
    return [o.raw(line) for line in lines]


def _payment_line(o: Writer, p: Payment) -> str:
    w = o.w
    return (
        markup(
            w("Kommunen betaler {amount} for ", "The municipality pays {amount} for ").format(
                amount=w.money(p.amount)
            )
        )
        + f"<b>{markup(p.purpose)}</b>."
    )


def _working_on(o: Writer, d: FamilyDetail) -> list[Flowable]:
    w = o.w
    needs = sorted((n for n in d.needs if n.status in WORKING_ON), key=lambda n: n.raised_on)
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
    # Oldest first, as everything in the copy: what was paid, then what is still to be paid.
    shown.sort(key=lambda p: p.paid_on or dt.date.max)
    rows = []
    for p in shown:
        when = (
            w("Betalt\u00a0{d}", "Paid on\u00a0{d}").format(d=w.long_date(p.paid_on))
            if p.status is PaymentStatus.PAID
            else w("Godkjent, blir betalt snart", "Approved, will be paid soon")
        )
        rows.append([o.cell(p.purpose, limit=300), when, w.money(p.amount)])
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
    latest = planned_meeting(d.meetings)
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
