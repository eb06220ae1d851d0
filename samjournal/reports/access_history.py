"""The family's access log: who viewed or changed the family's records, and when.

The family's right to know (personvernforordningen art. 15): printed by a team lead from the
journal's hash-chained audit log. It names staff and what kind of record they touched; it shows
no record content and no audit detail beyond which document was printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from samjournal import vocabulary
from samjournal.audit import Action
from samjournal.errors import PermissionDenied
from samjournal.journal import Journal
from samjournal.messages import keyed
from samjournal.model import AuditEvent, FamilyDetail, FamilyId, Role, User
from samjournal.reports.common import Letterhead, Writer, build_pdf, now
from samjournal.reports.labels import Words, checked_language, local
from samjournal.reports.styles import make_styles

DOCUMENT = "access_log"
READS = frozenset({Action.VIEW, Action.PRINT, Action.EXPORT})
CHANGES = frozenset({Action.CREATE, Action.UPDATE, Action.DELETE})

_ENTITIES: dict[str, tuple[str, str]] = {
    "family": ("saken", "the case"),
    "member": ("et familiemedlem", "a family member"),
    "meeting": ("et møte", "a meeting"),
    "need": ("et behov", "a need"),
    "payment": ("en utbetaling", "a payment"),
    "checkin": ("en kartlegging", "a check-in"),
    "consent": ("et samtykke", "a consent"),
}
_DOCUMENTS: dict[str, tuple[str, str]] = {
    "case_summary": ("saksoppsummeringen", "the case summary"),
    "family_copy": ("familiens kopi", "the family's copy"),
    DOCUMENT: ("innsynsloggen", "the access log"),
}


@dataclass
class _Person:
    name: str
    reads: int = 0
    changes: int = 0
    first: AuditEvent | None = None
    last: AuditEvent | None = None


def build(journal: Journal, family_id: FamilyId, *, language: str | None = None) -> bytes:
    if journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "team_lead_print_access")
    detail = journal.families.open(family_id, audit=False)  # NotFound when missing
    words = Words(checked_language(language, journal.settings().language))
    journal.record_event(Action.VIEW, "family", family_id, family_id, detail=DOCUMENT)
    events = list(reversed(journal.audit_events(family_id, limit=None)))  # oldest first
    users = {u.username: u for u in journal.users()}
    head = Letterhead(
        title=words("Innsynslogg", "Access log"),
        subject=detail.family.case_number,
        printed_by=journal.user.display_name,
        printed_at=now(),
        words=words,
        audit_head=journal.audit_head(),
    )
    story = _story(Writer(make_styles(9.5), words), detail, events, users)
    return build_pdf(story, head, author=journal.user.display_name)


def _who(event: AuditEvent, users: dict[str, User], w: Words) -> str:
    user = users.get(event.user)
    if user is None:
        return event.user
    return f"{user.display_name} ({w.label(user.role)})"


def _what(event: AuditEvent, w: Words) -> str:
    verb = vocabulary.action(event.action, w.language)
    document = _DOCUMENTS.get(event.detail.split(" ")[0])
    if document and event.action in READS:  # "Åpnet saksoppsummeringen", "Skrev ut ..."
        return f"{verb} {w(*document)}"
    if event.action in (Action.PRINT, Action.EXPORT):
        return verb
    entity = _ENTITIES.get(event.entity)
    if entity is None:
        return verb
    return f"{verb} {w(*entity)}"


def _people(events: list[AuditEvent], users: dict[str, User], w: Words) -> dict[str, _Person]:
    people: dict[str, _Person] = {}
    for event in events:
        person = people.setdefault(event.user, _Person(_who(event, users, w)))
        person.reads += event.action in READS
        person.changes += event.action in CHANGES
        person.first = person.first or event
        person.last = event
    return people


def _story(
    o: Writer, d: FamilyDetail, events: list[AuditEvent], users: dict[str, User]
) -> list[Flowable]:
    w = o.w
    f = d.family
    period = f"{w.datetime(events[0].at)} – {w.datetime(events[-1].at)}" if events else "—"
    story: list[Flowable] = [
        o.p(w("Innsynslogg", "Access log"), o.s.title),
        o.p(
            w(
                "Hvem som har sett eller endret opplysningene om familien, og når. Listen er "
                "hentet fra journalens revisjonslogg, der hver hendelse er lenket til den "
                "forrige, slik at en endret eller fjernet hendelse blir oppdaget. Den viser ikke "
                "hva som står i journalen.",
                "Who has viewed or changed the information about the family, and when. The list "
                "comes from the journal's audit log, where each event is chained to the one "
                "before, so an edited or removed event is detected. It does not show what the "
                "journal says.",
            )
        ),
        o.facts(
            [
                (w("Saksnummer", "Case number"), f.case_number),
                (w("Familie", "Family"), f.display_name),
                (w.label(Role.CASEWORKER), d.owner.display_name),
                (w("Tidsrom", "Period"), period),
                (w("Hendelser", "Events"), str(len(events))),
            ]
        ),
        o.h1(w("Hvem", "Who")),
    ]
    people = _people(events, users, w)
    rows = [
        [
            o.cell(p.name),
            str(p.reads),
            str(p.changes),
            w.datetime(p.first.at) if p.first else "",
            w.datetime(p.last.at) if p.last else "",
        ]
        for p in sorted(people.values(), key=lambda p: p.name.casefold())
    ]
    story.append(
        o.table(
            [
                w("Person", "Person"),
                w("Lest eller skrevet ut", "Viewed or printed"),
                w("Endringer", "Changes"),
                w("Første gang", "First"),
                w("Siste gang", "Last"),
            ],
            rows,
            [34, 16, 12, 19, 19],
            right_cols=(1, 2),
        )
    )
    story.append(o.h1(w("Per dag og person", "By day and person")))
    if not events:
        story.append(o.note(w("Ingen hendelser er registrert.", "No events are recorded.")))
        return story
    story.append(
        o.note(
            w(
                "Eldste først. Én linje for hver person hver dag: hva de gjorde, hvor mange "
                "ganger, og fra første til siste gang den dagen.",
                "Oldest first. One line for each person each day: what they did, how many "
                "times, and from the first to the last time that day.",
            )
        )
    )
    rows = []
    for day in _days(events):
        first, last = day.events[0], day.events[-1]
        clock = _clock(first.at)
        if _clock(last.at) != clock:
            clock += "–" + _clock(last.at)
        rows.append(
            [
                w.date(first.at),
                clock,
                o.cell(_who(first, users, w)),
                o.cell(_summary(day.events, w)),
            ]
        )
    story.append(
        o.table(
            [w("Dag", "Day"), w("Klokka", "Time"), w("Hvem", "Who"), w("Hva", "What")],
            rows,
            [13, 13, 30, 44],
        )
    )
    return story


@dataclass(frozen=True)
class _Day:
    """One person's events on one day, in order."""

    events: list[AuditEvent]


def _days(events: list[AuditEvent]) -> list[_Day]:
    """Events (oldest first) grouped by local day and person, in order of each group's first
    event."""
    groups: dict[tuple[dt.date, str], list[AuditEvent]] = {}
    for event in events:
        groups.setdefault((local(event.at).date(), event.user), []).append(event)
    return [_Day(group) for group in groups.values()]


def _clock(at: dt.datetime) -> str:
    t = local(at)
    return f"{t.hour:02d}:{t.minute:02d}"


def _summary(events: list[AuditEvent], w: Words) -> str:
    """ "Åpnet saken (3 ganger); Endret et møte": each kind of event once, in the order first
    done, with its count."""
    counts: dict[str, int] = {}
    for event in events:
        what = _what(event, w)
        counts[what] = counts.get(what, 0) + 1
    return "; ".join(
        what if n == 1 else w("{what} ({n} ganger)", "{what} ({n} times)").format(what=what, n=n)
        for what, n in counts.items()
    )
