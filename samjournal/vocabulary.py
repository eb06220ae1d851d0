"""One vocabulary: every domain enum value's label in bokmål and English, and the check-in domains.

The window (ui/labels.py), the reports (reports/labels.py), the error messages (i18n.py) and the
evaluator's codebook (evaluation/tables/) all read their words from here, so a caseworker
reads the same word on screen, on paper, in an error and in the researcher's codebook.
tests/samjournal/test_vocabulary.py checks that every value has both labels and that no other
module keeps a table of its own. Two enums that sit above this module in the layers (the audit
log's Action, the consent gate's Left) are labelled by value (ACTIONS, LEFT_OUT).

Where the tables had drifted apart, the words chosen are: "Oppfylt" (a need is met: the
usual phrase for a need, and what the portfolio report's "oppfylte behov" already said),
"Droppet" (short and plain, in the family's copy too; "Avsluttet uten tiltak" was long and
clashed with a closed case), "Kansellert", "Kontormøte" (like "Nettverksmøte"), "På pause" (a
state, as "Aktiv" and "Avsluttet" are), "Medvirkning" (the services' word for taking part in
one's own case), "Familiekoordinator" (the role's title in the model) and "Bolig" / "Helse".
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from samjournal.instruments.kinds import AnswerType, DueState, Occasion, Respondent
from samjournal.kinds import (
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedGroup,
    NeedStatus,
    ParticipantKind,
    PaymentMethod,
    PaymentStatus,
    Role,
)

LANGUAGES = ("nb", "en")
Label = tuple[str, str]  # (bokmål, English)
E = TypeVar("E", bound=StrEnum)

# Keyed by the enum class first: StrEnum members of different enums compare equal when their
# values do (NeedCategory.OTHER and PaymentMethod.OTHER are both "other").
LABELS: Mapping[type[StrEnum], Mapping[str, Label]] = {
    Role: {
        Role.CASEWORKER: ("Familiekoordinator", "Caseworker"),
        Role.TEAMLEAD: ("Teamleder", "Team lead"),
    },
    FamilyStatus: {
        FamilyStatus.ACTIVE: ("Aktiv", "Active"),
        FamilyStatus.PAUSED: ("På pause", "Paused"),
        FamilyStatus.CLOSED: ("Avsluttet", "Closed"),
    },
    MeetingKind: {
        MeetingKind.HOME_VISIT: ("Hjemmebesøk", "Home visit"),
        MeetingKind.OFFICE: ("Kontormøte", "Office meeting"),
        MeetingKind.PHONE: ("Telefon", "Phone"),
        MeetingKind.NETWORK: ("Nettverksmøte", "Network meeting"),
    },
    ParticipantKind: {
        ParticipantKind.MEMBER: ("Familiemedlem", "Family member"),
        ParticipantKind.STAFF: ("Ansatt", "Staff"),
        ParticipantKind.PARTNER: ("Samarbeidspartner", "Partner"),
    },
    NeedCategory: {
        NeedCategory.HOUSING: ("Bolig", "Housing"),
        NeedCategory.ECONOMY: ("Økonomi og gjeld", "Economy and debt"),
        NeedCategory.WORK: ("Arbeid", "Work"),
        NeedCategory.EDUCATION: ("Utdanning", "Education"),
        NeedCategory.LEISURE: ("Barns fritid", "Children's leisure"),
        NeedCategory.HEALTH: ("Helse", "Health"),
        NeedCategory.SOCIAL: ("Sosialt nettverk", "Social network"),
        NeedCategory.TRANSPORT: ("Transport", "Transport"),
        NeedCategory.OTHER: ("Annet", "Other"),
    },
    NeedGroup: {
        NeedGroup.LIVING: (
            "Bolig, økonomi, arbeid eller transport",
            "Housing, economy, work or transport",
        ),
        NeedGroup.ACTIVITIES: (
            "Utdanning, barns fritid eller sosialt nettverk",
            "Education, children's leisure or social network",
        ),
        NeedGroup.HEALTH_OTHER: ("Helse eller annet", "Health or other"),
    },
    NeedStatus: {
        NeedStatus.RAISED: ("Meldt", "Raised"),
        NeedStatus.AGREED: ("Avtalt", "Agreed"),
        NeedStatus.IN_PROGRESS: ("Under arbeid", "In progress"),
        NeedStatus.MET: ("Oppfylt", "Met"),
        NeedStatus.DROPPED: ("Droppet", "Dropped"),
    },
    PaymentMethod: {
        PaymentMethod.BANK_TRANSFER: ("Bankoverføring", "Bank transfer"),
        PaymentMethod.PREPAID_CARD: ("Forhåndsbetalt kort", "Prepaid card"),
        PaymentMethod.INVOICE: ("Faktura betalt for familien", "Invoice paid for the family"),
        PaymentMethod.OTHER: ("Annen måte", "Other method"),
    },
    PaymentStatus: {
        PaymentStatus.PROPOSED: ("Foreslått", "Proposed"),
        PaymentStatus.APPROVED: ("Godkjent", "Approved"),
        PaymentStatus.PAID: ("Utbetalt", "Paid"),
        PaymentStatus.REJECTED: ("Avslått", "Rejected"),
        PaymentStatus.CANCELLED: ("Kansellert", "Cancelled"),
    },
    ConsentMethod: {
        ConsentMethod.WRITTEN: ("Skriftlig", "Written"),
        ConsentMethod.DIGITAL: ("Digitalt", "Digital"),
        ConsentMethod.ORAL: ("Muntlig", "Oral"),
    },
    # Study instruments (issue 17): how an item is answered, by whom, when, and the case list's
    # marker for a check-in that is due.
    AnswerType: {
        AnswerType.SCALE_0_10: ("Skala 0–10", "Scale 0–10"),
        AnswerType.AGREE_1_5: ("Enig/uenig 1–5", "Agree/disagree 1–5"),
        AnswerType.YES_NO: ("Ja/nei", "Yes/no"),
        AnswerType.CHOICE: ("Ett av flere svar", "One of several answers"),
        AnswerType.NUMBER: ("Tall", "Number"),
    },
    Respondent: {
        Respondent.ADULT: ("Voksen", "Adult"),
        Respondent.CHILD: ("Barn", "Child"),
        Respondent.CASEWORKER: ("Familiekoordinator", "Caseworker"),
    },
    Occasion: {
        Occasion.BASELINE: ("Første kartlegging", "Baseline"),
        Occasion.FOLLOW_UP: ("Oppfølging", "Follow-up"),
        Occasion.CLOSING: ("Ved avslutning", "At closing"),
        Occasion.OTHER: ("Annen anledning", "Other occasion"),
    },
    DueState: {
        DueState.NONE: ("Ingen kartlegging venter", "No check-in due"),
        DueState.DUE: ("Kartlegging nå", "Check-in due"),
        DueState.OVERDUE: ("Kartlegging forsinket", "Check-in overdue"),
    },
}

NO_NEED: Label = ("Uten behov", "No need")  # a payment that serves no need
# A budget's parts, as the budget bar, the case summary and the portfolio name them (the window
# said "Bundet" where the printouts said "Godkjent, ikke utbetalt").
BUDGET_PARTS: Mapping[str, Label] = {
    "spent": ("Utbetalt", "Paid"),
    "committed": ("Godkjent, ikke utbetalt", "Approved, not paid"),
    "proposed": ("Foreslått, venter på godkjenning", "Proposed, awaiting approval"),
    # spent and committed together: what counts against the frame (the payments tab's and the
    # needs tab's column, the case summary's totals; it said "og" on paper, "eller" on screen)
    "used": ("Godkjent eller utbetalt", "Approved or paid"),
}
PRIMARY_CONTACT: Label = ("Hovedkontakt", "Primary contact")  # the member the service calls first

# A record's field as a column heading, where the window and the printouts both show it (the
# outside review of s30 read "Resultat" on screen and "Utfall" on paper, "Betalingsmåte" and
# "Måte", "Informasjonsskriv" and "Skriv (versjon)", "Hvordan" and "Måte"): the plainer word
# of each pair, the one the forms and the error messages (catalogue.FIELDS) already used.
HEADINGS: Mapping[str, Label] = {
    "outcome": ("Resultat", "Outcome"),  # of a need; "utfall" is the statistician's word
    "payment_method": ("Betalingsmåte", "Payment method"),  # "Måte" alone says not of what
    "paid_on": ("Utbetalt", "Paid on"),  # as the status says it ("Betalt" in the history)
    "for_need": ("Til behov", "For need"),  # a payment's need ("For behov" on approvals)
    "letter_version": ("Informasjonsskriv", "Information letter"),  # "Skriv" reads as "write"
    "consent_method": ("Hvordan", "How"),  # given: "Skriftlig", "Muntlig", as the form asks
    "answered_by": ("Svart av", "Answered by"),  # a check-in ("Svarte" in the history)
    # A meeting's notes, as the meeting form asks for them: on paper "Familiens ord:" and
    # "Avtalt:", in the meetings tab "Med familiens egne ord", in the history "Avtalt i møtet".
    "family_words": ("Familiens egne ord", "The family's own words"),
    "agreed": ("Hva som ble avtalt", "What was agreed"),
    "agreed_in": ("Avtalt i møte", "Agreed in meeting"),  # the meeting a need was agreed in
}
# A consent's state, in the Status column of the consents on screen and on paper.
CONSENT_ACTIVE: Label = ("Aktivt", "Active")
CONSENT_WITHDRAWN: Label = ("Trukket tilbake {date}", "Withdrawn {date}")

# Why a household or a record is left out of a study's export: the consent gate's reasons
# (evaluation/consent_gate.Left, keyed by value: the gate sits above this module and hands its
# counts on as strings) and the tombstones' own. The export page, the evaluator's codebook and
# the command line's risk report read them here.
LEFT_OUT: Mapping[str, Label] = {
    "left": ("Gått ut av studien", "Left the study"),  # the only reason a household gets now
    "withdrawn": ("Samtykke trukket tilbake", "Consent withdrawn"),
    "no_consent": ("En voksen har ikke samtykket", "An adult has not consented"),
    "no_adults": ("Ingen voksne registrert", "No adult recorded"),
    "erased": ("Fjernet fra journalen", "Removed from the journal"),
    "purged": ("Slettet etter oppbevaringstiden", "Deleted after the retention period"),
    "too_few": ("For få samtykkende husstander for k", "Too few consented households for k"),
    "deleted": ("Posten er slettet", "Record deleted"),
    "out_of_scope": ("Tabellen er ikke lenger med i studien", "Table no longer in the study"),
}

# The audit log's actions (audit.Action, keyed by value: the audit log sits above this module,
# and the events carry the action as a string): a verb in the past tense, so that it stands
# alone in the history's Action column and leads the access log's line ("Registrerte et møte",
# "Åpnet saken").
ACTIONS: Mapping[str, Label] = {
    "create_journal": ("Opprettet journalen", "Created the journal"),
    "unlock": ("Låste opp", "Unlocked"),
    "failed_unlock": ("Klarte ikke å låse opp", "Failed to unlock"),
    "lock": ("Låste", "Locked"),
    "view": ("Åpnet", "Opened"),
    "create": ("Registrerte", "Recorded"),
    "update": ("Endret", "Changed"),
    "delete": ("Fjernet", "Removed"),
    "print": ("Skrev ut", "Printed"),
    "export": ("Lagret til fil", "Saved to a file"),
    "import": ("Hentet inn", "Imported"),
    "user_admin": ("Endret brukere", "Changed users"),
    "key_change": ("Byttet nøkkel", "Changed the key"),
    "backup": ("Tok sikkerhetskopi", "Made a backup"),
    "restore": ("Gjenopprettet fra sikkerhetskopi", "Restored from a backup"),
    "settings": ("Endret innstillinger", "Changed settings"),
    "purge": ("Slettet (oppbevaringstiden er ute)", "Deleted (retention ended)"),
    "erase": ("Slettet etter krav", "Erased on request"),
}

# The check-in's overall question and its domains (model.CHECKIN_DOMAINS), 0-10 each.
QUESTION: Label = (
    "Hvor fornøyd er du med livet ditt alt i alt?",
    "All things considered, how satisfied are you with your life as a whole?",
)
LIFE_SATISFACTION = "life_satisfaction"
DOMAINS: Mapping[str, Label] = {
    LIFE_SATISFACTION: ("Livet alt i alt", "Life as a whole"),
    "economy": ("Økonomi", "Economy"),
    "housing": ("Bolig", "Housing"),
    "health": ("Helse", "Health"),
    "social": ("Sosialt liv", "Social life"),
    "trust": ("Tillit til tjenestene", "Trust in the services"),
    "participation": ("Medvirkning", "Participation"),
}
# Under the case list's heading "Kartlegging": the whole label repeated the heading, and the
# column, first to give way, showed "Kartlegg…" for both (outside review s20).
DUE_SHORT: Mapping[DueState, Label] = {
    DueState.NONE: ("", ""),
    DueState.DUE: ("nå", "due"),
    DueState.OVERDUE: ("forsinket", "overdue"),
}
# For narrow table columns; a domain not listed is short enough as it is.
DOMAINS_SHORT: Mapping[str, Label] = {
    LIFE_SATISFACTION: ("Livet", "Life"),
    "social": ("Sosialt", "Social"),
    "trust": ("Tillit", "Trust"),
    "participation": ("Medvirkn.", "Particip."),
}


def _index(language: str) -> int:
    return 1 if language == "en" else 0


def label(value: StrEnum | None, language: str) -> str:
    """The value's label in `language` ("nb" or "en"); None is the need a payment lacks."""
    if value is None:
        return NO_NEED[_index(language)]
    pair = LABELS.get(type(value), {}).get(value.value)
    return pair[_index(language)] if pair else str(value)


def in_sentence(value: StrEnum, language: str) -> str:
    """The label as it stands inside a sentence: "kan ikke gå fra meldt til oppfylt"."""
    text = label(value, language)
    return text[:1].lower() + text[1:]


def labels(enum: type[E], language: str) -> dict[str, str]:
    """Every value of `enum` with its label, in the enum's order (the codebook's categories)."""
    return {member.value: label(member, language) for member in enum}


def action(code: str, language: str) -> str:
    """An audit event's action ("create") in words (an action not known: as it is)."""
    pair = ACTIONS.get(code)
    return pair[_index(language)] if pair else code


def left_out(reason: str, language: str) -> str:
    """Why a household or record is left out of an export (a reason not known: as it is)."""
    pair = LEFT_OUT.get(reason)
    return pair[_index(language)] if pair else reason


def budget_part(key: str, language: str) -> str:
    """A budget part's words in `language`: "spent", "committed", "proposed" or "used" (spent
    and committed together; BUDGET_PARTS)."""
    return BUDGET_PARTS[key][_index(language)]


def primary_contact(language: str) -> str:
    return PRIMARY_CONTACT[_index(language)]


def heading(key: str, language: str) -> str:
    """A field's column heading (HEADINGS), the same in the window and on paper."""
    return HEADINGS[key][_index(language)]


def consent_state(withdrawn_on: str | None, language: str) -> str:
    """ "Aktivt", or "Trukket tilbake 12.03.2026" with the day as the caller writes dates."""
    if withdrawn_on is None:
        return CONSENT_ACTIVE[_index(language)]
    return CONSENT_WITHDRAWN[_index(language)].replace("{date}", withdrawn_on)


def domain(key: str, language: str) -> str:
    pair = DOMAINS.get(key)
    return pair[_index(language)] if pair else key


def due_short(state: DueState, language: str) -> str:
    return DUE_SHORT[state][_index(language)]


def domain_short(key: str, language: str) -> str:
    pair = DOMAINS_SHORT.get(key)
    return pair[_index(language)] if pair else domain(key, language)
