"""The case summary a team lead prints: the whole case for a period, on paper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from samjournal import nin, vocabulary
from samjournal.audit import Action
from samjournal.errors import PermissionDenied
from samjournal.journal import Journal
from samjournal.messages import invalid, keyed
from samjournal.model import (
    CHECKIN_DOMAINS,
    OPEN_NEED_STATUSES,
    Checkin,
    FamilyDetail,
    FamilyId,
    Meeting,
    Need,
    NeedCategory,
    NeedId,
    Payment,
    PaymentStatus,
    Role,
    UserId,
)
from samjournal.money import Money
from samjournal.reports import charts
from samjournal.reports.common import Letterhead, Writer, build_pdf, layout, markup, names, now
from samjournal.reports.labels import Words, checked_language, local
from samjournal.reports.overview import overview
from samjournal.reports.styles import make_styles

COUNTED = (PaymentStatus.APPROVED, PaymentStatus.PAID)


@dataclass(frozen=True)
class SummaryJob:
    """Everything one summary shows, read from the journal: `render` needs no database, so it
    can run in another process (the client's batch print does)."""

    detail: FamilyDetail
    start: dt.date
    end: dt.date
    studies: dict[str, str]
    staff: dict[UserId, str]  # who approved a payment, by name
    language: str
    show_national_ids: bool
    printed_by: str
    printed_at: dt.datetime
    audit_head: str


def gather(
    journal: Journal,
    family_id: FamilyId,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    show_national_ids: bool = False,
    language: str | None = None,
) -> SummaryJob:
    """Read what the summary shows, and audit it as a view of the document (before layout, so
    the chain head printed on the page includes it): a preview is a read, not a print."""
    if journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "team_lead_print_case")
    detail = journal.families.open(family_id)  # NotFound when missing; audited as a view
    start, end = period or (_first_day(detail), dt.date.today())
    if start > end:
        raise invalid("period", "start_before_end")
    chosen = checked_language(language, journal.settings().language)
    what = "case_summary" + (" with full national ids" if show_national_ids else "")
    journal.record_event(Action.VIEW, "family", family_id, family_id, detail=what)
    return SummaryJob(
        detail=detail,
        start=start,
        end=end,
        studies=dict(journal.consents.studies()),
        staff={u.id: u.display_name for u in journal.users()},
        language=chosen,
        show_national_ids=show_national_ids,
        printed_by=journal.user.display_name,
        printed_at=now(),
        audit_head=journal.audit_head() or "",
    )


def render(job: SummaryJob) -> bytes:
    """The PDF of a gathered summary (reportlab only: no journal, no files)."""
    words = Words(job.language)
    head = Letterhead(
        title=words("Saksoppsummering", "Case summary"),
        subject=job.detail.family.case_number,
        printed_by=job.printed_by,
        printed_at=job.printed_at,
        words=words,
        audit_head=job.audit_head,
    )
    story = _Summary(Writer(make_styles(9.5), words), job).story(
        job.show_national_ids, job.audit_head
    )
    # Tagged like every report: the structure pass adds about 0.1 s to the busiest summary.
    return build_pdf(story, head, author=job.printed_by, tagged=True)


def audit_note(w: Words, head: str) -> str:
    """The closing paragraph: the audit log's head when the summary was made, in the reader's
    words (a team lead, a family; the command that checks it is the overseer's, in the README).
    Making the summary is an event counted in the head (gather records it first); printing or
    saving it comes after. It said "this document included" and, in the next sentence, that
    its printing was recorded after (outside review s30): a reader holding the printed page
    could not tell which."""
    return w(
        "Revisjonsloggen da saksoppsummeringen ble laget: Logg {head} (antall hendelser · "
        "kontrollverdi, som nederst på hver side). At saksoppsummeringen ble laget, er talt "
        "med; at den ble skrevet ut eller lagret, føres i loggen etter dette. Med kontrollverdien "
        "kan den som fører tilsyn med journalen vise at ingen hendelse fram til da er endret i "
        "ettertid.",
        "The audit log when this case summary was made: Log {head} (events · check value, as at "
        "the foot of every page). Making the summary is counted; printing or saving it is logged "
        "after that. With the check value, whoever oversees the journal can show that no event "
        "up to then was changed afterwards.",
    ).replace("{head}", head)


class _Summary:
    def __init__(self, out: Writer, job: SummaryJob) -> None:
        self.o = out
        self.w = out.w
        self.d = job.detail
        self.start, self.end = job.start, job.end
        self.studies = job.studies
        self.staff = job.staff

    def _in_period(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def story(self, show_national_ids: bool, audit_head: str) -> list[Flowable]:
        o, w, f = self.o, self.w, self.d.family
        story: list[Flowable] = [
            o.raw(
                markup(w("Saksoppsummering", "Case summary")) + " — " + markup(f.display_name),
                o.s.title,
            ),
            o.facts(
                [
                    (w("Saksnummer", "Case number"), f.case_number),
                    (w("Familie", "Family"), f.display_name),
                    (w.label(Role.CASEWORKER), self.d.owner.display_name),
                    (w("Bydel", "District"), f.district or "—"),
                    (w("Status", "Status"), w.label(f.status)),
                    (
                        w("Åpnet / avsluttet", "Opened / closed"),
                        f"{w.date(f.opened_on)} / {w.date(f.closed_on) or '—'}",
                    ),
                    (w("Periode", "Period covered"), w.period(self.start, self.end)),
                ]
            ),
        ]
        # Page 1 is what a team lead takes to a meeting; the detail starts on page 2.
        story += overview(o, self.d, self.start, self.end)
        story.append(PageBreak())
        story += self.members(show_national_ids)
        story += self.needs()
        story += self.meetings()
        story += self.payments()
        story += self.checkins()
        story += self.consents()
        story += [o.h1(w("Revisjonslogg", "Audit log")), o.p(audit_note(w, audit_head))]
        return story

    # -- sections -----------------------------------------------------------------------------

    def members(self, show_national_ids: bool) -> list[Flowable]:
        o, w = self.o, self.w
        out: list[Flowable] = [o.h1(w("Medlemmer", "Members"))]
        if not self.d.members:
            return [*out, o.note(w("Ingen medlemmer er registrert.", "No members recorded."))]
        rows = []
        for m in self.d.members:
            number = ""
            if m.national_id:
                number = m.national_id if show_national_ids else nin.mask(m.national_id)
            born = w.date(m.birth_date) if m.birth_date else (str(m.birth_year or "") or "—")
            rows.append(
                [
                    o.cell(m.name + (" ★" if m.primary_contact else "")),
                    w("Barn", "Child") if m.is_child else w("Voksen", "Adult"),
                    born,
                    number or "—",
                    o.cell(m.phone or "—"),
                ]
            )
        table = o.table(
            [
                w("Navn", "Name"),
                w("Voksen / barn", "Adult / child"),
                w("Født", "Born"),
                w("Fødselsnummer", "National id"),
                w("Telefon", "Phone"),
            ],
            rows,
            [33, 15, 12, 20, 20],
        )
        note = o.note(
            f"★ {vocabulary.primary_contact(w.language)}. "
            + (
                w(
                    "Fødselsnumrene vises i sin helhet etter valg ved utskrift.",
                    "National identity numbers are shown in full, as chosen when printing.",
                )
                if show_national_ids
                else w(
                    "Fødselsnumrene er maskert (bare fødselsdatoen vises).",
                    "National identity numbers are masked (birth date only).",
                )
            )
        )
        out.append(o.keep(table, note))  # the footnote explains the table: never apart
        return out

    def _period_needs(self) -> list[Need]:
        return [
            n
            for n in self.d.needs
            if n.raised_on <= self.end
            and (n.raised_on >= self.start or n.status in OPEN_NEED_STATUSES)
        ]

    def needs(self) -> list[Flowable]:
        o, w = self.o, self.w
        out: list[Flowable] = [o.h1(w("Behov", "Needs"))]
        needs = self._period_needs()
        if not needs:
            return [*out, o.note(w("Ingen behov i perioden.", "No needs in the period."))]
        agreed_on = {m.id: m.held_at for m in self.d.meetings}
        rows = [
            [
                o.cell(n.description),
                o.cell(w.label(n.category)),
                w.label(n.status),
                w.date(n.raised_on),
                w.date(agreed_on.get(n.agreed_in)) if n.agreed_in else "—",
                o.cell(n.outcome or "—"),
            ]
            for n in needs
        ]
        out.append(
            o.table(
                [
                    w("Behov (familiens ord)", "Need (the family's words)"),
                    w("Kategori", "Category"),
                    w("Status", "Status"),
                    w("Meldt", "Raised"),
                    w(*vocabulary.HEADINGS["agreed_in"]),
                    w(*vocabulary.HEADINGS["outcome"]),
                ],
                rows,
                [33, 14, 12, 11, 12, 18],
            )
        )
        return out

    def meetings(self) -> list[Flowable]:
        o, w = self.o, self.w
        out: list[Flowable] = [o.h1(w("Møter", "Meetings"))]
        held = sorted(
            (m for m in self.d.meetings if self._in_period(local(m.held_at).date())),
            key=lambda m: m.held_at,
        )
        if not held:
            return [*out, o.note(w("Ingen møter i perioden.", "No meetings in the period."))]
        if len(held) == 1:
            count = w("Ett møte.", "One meeting.")
        else:
            count = w("{n} møter, eldste først.", "{n} meetings, oldest first.").format(n=len(held))
        out.append(o.note(count))
        for m in held:
            out += self._meeting(m)
        return out

    def _meeting(self, m: Meeting) -> list[Flowable]:
        o, w = self.o, self.w
        kind = w.label(m.kind)
        title = f"{w.datetime(m.held_at)} · {kind}"
        if m.place and m.place.strip().casefold() != kind.casefold():  # not "Telefon · Telefon"
            title += f" · {m.place}"
        heading = o.h2(title)
        flow: list[Flowable] = [o.room_for(heading), heading]
        if m.participants:
            who = names([p.name for p in m.participants if p.name])
            flow.append(o.raw(f"<b>{markup(w('Deltakere:', 'Participants:'))}</b> {who}"))
        if m.family_words:
            lead = f"<b>{markup(w(*vocabulary.HEADINGS['family_words']))}:</b> "
            flow += o.text(m.family_words, lead=lead)
        if m.agreed:
            agreed = w(*vocabulary.HEADINGS["agreed"])
            flow += o.text(m.agreed, lead=f"<b>{markup(agreed)}:</b> ")
        elif not m.next_meeting_at:  # a next meeting is itself what was agreed
            flow.append(o.note(w("Ingen avtale skrevet ned.", "Nothing agreed in writing.")))
        if m.next_meeting_at:
            label = w("Neste møte:", "Next meeting:")
            flow.append(o.raw(f"<b>{markup(label)}</b> {markup(w.datetime(m.next_meeting_at))}"))
        return flow

    def _period_payments(self) -> list[Payment]:
        return [
            p
            for p in self.d.payments
            if self._in_period(local(p.proposed_at).date()) or self._in_period(p.paid_on)
        ]

    def payments(self) -> list[Flowable]:
        o, w = self.o, self.w
        out: list[Flowable] = [o.h1(w("Utbetalinger", "Payments"))]
        payments = self._period_payments()
        needs = {n.id: n for n in self.d.needs}
        if payments:
            rows = []
            for p in sorted(payments, key=lambda p: p.proposed_at):
                need = needs.get(p.need_id) if p.need_id else None
                status = w.label(p.status)
                if p.status is PaymentStatus.PAID and p.paid_on:
                    status += f" {w.date(p.paid_on)}"
                trail = self._trail(p)
                rows.append(
                    [
                        w.date(p.proposed_at),
                        [o.cell(p.purpose), o.cell(trail)] if trail else o.cell(p.purpose),
                        o.cell(w.label(need.category) if need else w.label(None)),
                        w.label(p.method),  # our label: its column widens to fit
                        o.cell(status),
                        w.money(p.amount),
                    ]
                )
            counted = sum((p.amount for p in payments if p.status in COUNTED), Money(0))
            total = [
                "",
                o.cell(w(*vocabulary.BUDGET_PARTS["used"]), style=o.s.cell_bold),
                "",
                "",
                "",
                w.money(counted),
            ]
            out.append(
                o.table(
                    [
                        w("Foreslått", "Proposed"),
                        w("Formål", "Purpose"),
                        w("Behov", "Need"),
                        w(*vocabulary.HEADINGS["payment_method"]),
                        w("Status", "Status"),
                        w("Beløp", "Amount"),
                    ],
                    rows,
                    [11, 33, 14, 15, 13, 14],
                    right_cols=(5,),
                    total=total,
                )
            )
        else:
            out.append(o.note(w("Ingen utbetalinger i perioden.", "No payments in the period.")))
        out += self._totals(payments, needs)
        return out

    def _trail(self, p: Payment) -> str:
        """What the screen shows beside the status, under the purpose (the wide column): why
        it was rejected or cancelled, who approved it, and the voucher."""
        w = self.w
        lines = []
        if p.reason:
            lines.append(w("Begrunnelse: {why}", "Reason: {why}").replace("{why}", p.reason))
        if p.approved_by is not None:
            who = self.staff.get(p.approved_by, "—")
            lines.append(w("Godkjent av {who}", "Approved by {who}").replace("{who}", who))
        if p.voucher_ref:
            lines.append(w("Bilag {ref}", "Voucher {ref}").replace("{ref}", p.voucher_ref))
        return "\n".join(lines)

    def _totals(self, payments: Sequence[Payment], needs: dict[NeedId, Need]) -> list[Flowable]:
        o, w = self.o, self.w
        by_need: dict[NeedId | None, Money] = {}
        by_category: dict[NeedCategory | None, Money] = {}
        for p in payments:
            if p.status not in COUNTED:
                continue
            need = needs.get(p.need_id) if p.need_id else None
            key = need.id if need else None
            by_need[key] = by_need.get(key, Money(0)) + p.amount
            cat = need.category if need else None
            by_category[cat] = by_category.get(cat, Money(0)) + p.amount
        if not by_need:
            return []
        used = vocabulary.BUDGET_PARTS["used"]
        out: list[Flowable] = [o.h2(w(f"{used[0]} per behov", f"{used[1]} per need"))]
        rows = [
            [
                o.cell(needs[k].description if k is not None else w.label(None), limit=160),
                o.cell(w.label(needs[k].category) if k is not None else "—"),
                w.money(v),
            ]
            for k, v in sorted(by_need.items(), key=lambda kv: -kv[1].ore)
        ]
        out.append(
            o.table(
                [w("Behov", "Need"), w("Kategori", "Category"), w("Sum", "Total")],
                rows,
                [60, 22, 18],
                right_cols=(2,),
            )
        )
        out.append(o.h2(w(f"{used[0]} per kategori", f"{used[1]} per category")))
        cat_rows = [
            [o.cell(w.label(k)), w.money(v)]
            for k, v in sorted(by_category.items(), key=lambda kv: -kv[1].ore)
        ]
        total = sum(by_category.values(), Money(0))
        out.append(
            o.table(
                [w("Kategori", "Category"), w("Sum", "Total")],
                cat_rows,
                [82, 18],
                right_cols=(1,),
                total=[o.cell(w("Sum", "Total"), style=o.s.cell_bold), w.money(total)],
            )
        )
        return out

    def checkins(self) -> list[Flowable]:
        o, w = self.o, self.w
        out: list[Flowable] = [o.h1(w("Kartlegginger", "Check-ins"))]
        answers = [c for c in self.d.checkins if self._in_period(c.answered_on)]
        if not answers:
            return [
                *out,
                o.note(w("Ingen kartlegginger i perioden.", "No check-ins in the period.")),
            ]
        out.append(
            o.note(
                w(
                    "«{q}» 0–10, snitt per dag ({n} svar).",
                    "“{q}” 0–10, average per day ({n} answers).",
                ).format(q=w(*vocabulary.QUESTION), n=len(answers))
            )
        )
        width = o.width
        trend = charts.score_trend(
            [(w.domain("life_satisfaction"), _daily(answers))],
            w,
            width=width * 0.56,
            height=150,
            title=w("Livet alt i alt over tid", "Life as a whole over time"),
        )
        bars = charts.domain_bars(
            _domain_averages(answers, w),
            w,
            width=width * 0.42,
            height=150,
            title=w("Snitt per område", "Average per domain"),
        )
        out.append(
            layout(
                [[trend, bars]],
                [width * 0.58, width * 0.42],
                [("LEFTPADDING", (0, 0), (-1, -1), 0)],
            )
        )
        return [o.keep(*out)]  # the heading, its note and the charts on one page

    def consents(self) -> list[Flowable]:
        o, w = self.o, self.w
        out: list[Flowable] = [o.h1(w("Samtykker", "Consents"))]
        if not self.d.consents:
            return [*out, o.note(w("Ingen samtykker er registrert.", "No consents recorded."))]
        names = {m.id: m.name for m in self.d.members}
        rows = []
        for c in sorted(self.d.consents, key=lambda c: (c.study_id, c.member_id, c.given_on)):
            state = vocabulary.consent_state(
                None if c.active else w.date(c.withdrawn_on), w.language
            )
            study = self.studies.get(c.study_id, "")
            rows.append(
                [
                    o.cell(f"{study} ({c.study_id})" if study else c.study_id),
                    o.cell(names.get(c.member_id, "—")),
                    o.cell(c.letter_version),
                    w.date(c.given_on),
                    w.label(c.method),
                    o.cell(state),
                ]
            )
        out.append(
            o.table(
                [
                    w("Studie", "Study"),
                    w("Medlem", "Member"),
                    w(*vocabulary.HEADINGS["letter_version"]),
                    w("Gitt", "Given"),
                    w(*vocabulary.HEADINGS["consent_method"]),
                    w("Status", "Status"),
                ],
                rows,
                [26, 19, 20, 11, 11, 13],
            )
        )
        return out


def _first_day(d: FamilyDetail) -> dt.date:
    """The default period starts when the case opened, or earlier if anything was recorded
    before that (a meeting before the formal opening must not vanish from the summary)."""
    days = [d.family.opened_on]
    days += [local(m.held_at).date() for m in d.meetings]
    days += [local(p.proposed_at).date() for p in d.payments]
    days += [n.raised_on for n in d.needs]
    days += [c.answered_on for c in d.checkins]
    return min(days)


def _daily(answers: Sequence[Checkin]) -> list[tuple[dt.date, float]]:
    days: dict[dt.date, list[int]] = {}
    for c in answers:
        if c.life_satisfaction is not None:  # an instrument without the item (issue 17)
            days.setdefault(c.answered_on, []).append(c.life_satisfaction)
    return [(d, sum(v) / len(v)) for d, v in sorted(days.items())]


def _domain_averages(answers: Sequence[Checkin], w: Words) -> list[tuple[str, float]]:
    out = []
    lives = [v for c in answers if (v := c.life_satisfaction) is not None]
    if lives:
        out.append((w.domain("life_satisfaction"), sum(lives) / len(lives)))
    for key in CHECKIN_DOMAINS:
        values = [v for c in answers if (v := c.domains.get(key)) is not None]
        if values:
            out.append((w.domain(key), sum(values) / len(values)))
    return out
