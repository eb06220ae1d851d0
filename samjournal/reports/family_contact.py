"""The end of the family's copy: who to call (the service and the caseworker), and for a closed
case the closing letter in place of "we will be in touch".

Its words are here, beside the code, in both languages (not in labels.py: they are sentences of
this one document, not labels of the vocabulary).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from samjournal.model import FamilyDetail, FamilyStatus
from samjournal.reports.common import Writer, markup
from samjournal.settings import ServiceContact


def closed(d: FamilyDetail) -> bool:
    return d.family.status is FamilyStatus.CLOSED


def closing_letter(o: Writer, d: FamilyDetail, service: ServiceContact) -> list[Flowable]:
    """For a closed case: the work together has ended, thanks, and the way back in."""
    w = o.w
    when = d.family.closed_on
    ended = (
        w(
            "Samarbeidet vårt ble avsluttet {d}.",
            "Our work together ended on {d}.",
        ).format(d=w.long_date(when))
        if when is not None
        else w("Samarbeidet vårt er avsluttet.", "Our work together has ended.")
    )
    back = (
        w(
            "Dere kan alltid ta kontakt igjen hvis dere trenger hjelp. Ring eller skriv til oss:",
            "You can always contact us again if you need help. Call or write to us:",
        )
        if not service.empty
        else w(
            "Dere kan alltid ta kontakt igjen hvis dere trenger hjelp.",
            "You can always contact us again if you need help.",
        )
    )
    out = [
        o.h1(w("Saken er avsluttet", "Your case is closed")),
        o.p(ended + " " + w("Takk for samarbeidet.", "Thank you for working with us.")),
        o.p(back),
    ]
    # The way back in belongs to the letter: no section of its own (and no page of its own).
    return out + ([_service(o, service)] if not service.empty else [])


def who_to_call(o: Writer, d: FamilyDetail, service: ServiceContact) -> list[Flowable]:
    """The caseworker with their work phone, then the service (a closed case's letter has the
    service already)."""
    w = o.w
    if closed(d):
        return []
    out: list[Flowable] = [o.h1(w("Hvem dere kan ringe", "Who to call"))]
    owner, phone = d.owner.display_name, d.owner.work_phone
    line = markup(w("Kontaktpersonen deres er ", "Your contact person is ")) + (
        f"<b>{markup(owner)}</b>."
    )
    if phone:
        line += " " + markup(
            w(
                "Ring eller send melding til {name} på {phone} hvis dere lurer på noe.",
                "Call or text {name} on {phone} if you have any questions.",
            ).format(name=owner, phone=_phone(phone))
        )
    elif service.empty:
        line += " " + markup(
            w(
                "Spør etter {name} når dere ringer kommunen.",
                "Ask for {name} when you call the municipality.",
            ).format(name=owner)
        )
    out.append(o.raw(line))
    if not service.empty:
        out.append(_service(o, service))
    return out


def _service(o: Writer, s: ServiceContact) -> Flowable:
    w = o.w
    rows = [
        (w("Adresse", "Address"), s.address),
        (w("Telefon", "Phone"), _phone(s.phone)),
        (w("E-post", "E-mail"), s.email),
        (w("Åpent", "Open"), s.hours),
    ]
    facts = [(label, value) for label, value in rows if value]
    parts: list[Flowable] = []
    if s.name:
        parts.append(o.raw(f"<b>{markup(s.name)}</b>"))
    if facts:
        parts.append(o.facts(facts, key_fraction=0.2))
    return o.keep(*parts)


def _phone(number: str) -> str:
    """A phone number never breaks across lines."""
    return number.replace(" ", "\u00a0")
