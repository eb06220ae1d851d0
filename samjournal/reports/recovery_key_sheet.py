"""The recovery sheet for the team lead's safe: the key in groups that are easy to read aloud."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from samjournal.audit import Action
from samjournal.keyring import normalise_recovery_key
from samjournal.reports.common import Letterhead, Writer, build_pdf, layout, markup, now
from samjournal.reports.fonts import MONO
from samjournal.reports.labels import Words, checked_language
from samjournal.reports.scripts import Para
from samjournal.reports.styles import ACCENT, MUTED, make_styles

DOCUMENT = "recovery_sheet"  # the audit detail: which document, never the key

if TYPE_CHECKING:
    from samjournal.journal import Journal

GROUP = 4
PER_ROW = 4


def build(
    *,
    recovery_key: str,
    journal_id: str,
    printed_by: str,
    created: dt.date,
    language: str | None = None,
    journal: Journal | None = None,
) -> bytes:
    """The sheet. With `journal`, building it is audited as a view (never the key itself): it
    is printed or saved only when the user does so, and that is audited there."""
    normalise_recovery_key(recovery_key)  # a mistyped or damaged key is never printed
    groups = _groups(recovery_key)
    words = Words(checked_language(language))
    audit_head = None
    if journal is not None:
        journal.record_event(Action.VIEW, "journal", journal_id, None, detail=DOCUMENT)
        audit_head = journal.audit_head()
    head = Letterhead(
        title=words("Gjenopprettingsnøkkel", "Recovery key"),
        subject="",
        printed_by=printed_by,
        printed_at=now(),
        words=words,
        audit_head=audit_head,
    )
    o = Writer(make_styles(11), words)
    return build_pdf(_story(o, groups, journal_id, printed_by, created), head)


def _groups(key: str) -> list[str]:
    chars = "".join(ch for ch in key.upper() if ch.isalnum())
    return [chars[i : i + GROUP] for i in range(0, len(chars), GROUP)]


def _key_table(o: Writer, groups: list[str]) -> Flowable:
    key_style = ParagraphStyle(
        "key", fontName=MONO, fontSize=22, leading=26, alignment=TA_CENTER, textColor=ACCENT
    )
    number_style = ParagraphStyle(
        "n", parent=o.s.small, alignment=TA_CENTER, textColor=MUTED, fontSize=7.5
    )
    rows: list[list[Para]] = []
    for start in range(0, len(groups), PER_ROW):
        chunk = groups[start : start + PER_ROW]
        rows.append([Para(markup(g), key_style) for g in chunk])
        rows.append([Para(str(start + i + 1), number_style) for i in range(len(chunk))])
    width = o.width / PER_ROW
    return layout(
        rows,
        [width] * PER_ROW,
        [
            ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        h_align="CENTER",
    )


def _story(
    o: Writer, groups: list[str], journal_id: str, printed_by: str, created: dt.date
) -> list[Flowable]:
    w = o.w
    steps = [
        w(
            "Legg arket i en forseglet konvolutt i safen. Ikke ta kopi eller bilde av det, og "
            "ikke lagre nøkkelen på en datamaskin eller telefon.",
            "Put this sheet in a sealed envelope in the safe. Do not copy or photograph it, and "
            "do not store the key on a computer or phone.",
        ),
        w(
            "Nøkkelen åpner journalen uten passordfrase: den som har arket, kan gi hvilken som "
            "helst bruker en ny passordfrase.",
            "The key opens the journal without a passphrase: whoever holds this sheet can give "
            "any user a new passphrase.",
        ),
        w(
            "Når noen har glemt passordfrasen: velg «Glemt passordfrase» i innloggingsbildet i "
            "SamJournal og skriv inn nøkkelen. På kommandolinjen: "
            "«samjournal user reset JOURNALMAPPE BRUKERNAVN».",
            "When someone has forgotten their passphrase: choose “Forgot passphrase” on the "
            "SamJournal sign-in screen and type the key. On the command line: "
            "“samjournal user reset JOURNAL_FOLDER USERNAME”.",
        ),
        w(
            "Store og små bokstaver og bindestreker spiller ingen rolle. Den siste gruppen er "
            "en kontrollgruppe som avslører skrivefeil. Nøkkelen har ikke tallene 0 og 1 eller "
            "bokstavene I, L og O.",
            "Upper or lower case and dashes do not matter. The last group is a check group "
            "that catches typing mistakes. The key has no 0 or 1 and no I, L or O.",
        ),
        w(
            "Har arket kommet på avveie, lager en teamleder en ny nøkkel under Brukere; da "
            "slutter denne å virke. Makuler det gamle arket.",
            "If the sheet may have gone astray, a team lead makes a new key under Users; this "
            "one then stops working. Shred the old sheet.",
        ),
    ]
    story: list[Flowable] = [
        o.p(w("Gjenopprettingsnøkkel for SamJournal", "SamJournal recovery key"), o.s.title),
        o.facts(
            [
                (w("Journal-id", "Journal id"), journal_id),
                (w("Opprettet", "Created"), w.date(created)),
                (w("Skrevet ut av", "Printed by"), printed_by),
            ]
        ),
        o.space(14),
        _key_table(o, groups),
        o.space(14),
        o.h1(w("Slik oppbevares og brukes nøkkelen", "How to keep and use the key")),
    ]
    step = ParagraphStyle("step", parent=o.s.body, leftIndent=14, firstLineIndent=-14)
    story += [o.p(f"{i}.\u00a0{text}", step) for i, text in enumerate(steps, start=1)]
    story += [
        o.space(24),
        o.p(
            w(
                "Lagt i safen (dato og signatur): ______________________________",
                "Put in the safe (date and signature): ______________________________",
            )
        ),
    ]
    return story


def key_made(journal: Journal) -> dt.date:
    """When the journal's current recovery key was made: the last new key, else the journal's
    creation (both audited). Read from the log, newest first, a page at a time."""
    events = journal.audit_events(limit=None)
    for event in events:
        made = event.action == Action.KEY_CHANGE and event.detail == "new recovery key"
        if made or event.action == Action.CREATE_JOURNAL:
            return event.at.astimezone().date()
    return dt.date.today()
