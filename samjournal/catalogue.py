"""The message catalogue: what the core says to a user, by key, in bokmål and English, with
named parameters, and the wording of a message in either language (`text`, `Said`, `keyed`).

It sits below the exception tree (errors.py words its self-worded errors with `text`) and above
only the vocabulary, which words an enum given as a parameter; messages.py, above errors.py,
adds what needs the exception classes (`invalid`, `error_text`) and is where the core imports
all of this from.

The catalogues: this module (validation, amounts, identity numbers, records), and beside it
messages_journal.py (opening, keys, files, users, settings, the flows, the command line),
messages_handover.py, messages_evaluation.py, messages_study.py (a study profile),
messages_reports.py, messages_audit.py, messages_risk.py (the risk report's lines),
messages_evaluator.py (the evaluator's import report and status), messages_cli.py (what the
command line prints) and messages_help.py (its help).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol, TypeVar

from samjournal import (
    messages_audit,
    messages_cli,
    messages_evaluation,
    messages_evaluator,
    messages_forks,
    messages_handover,
    messages_help,
    messages_journal,
    messages_reports,
    messages_risk,
    messages_study,
    vocabulary,
)

Words = tuple[str, str]  # (bokmål, English)
Param = str | int | StrEnum | Words  # and Said: a message inside a message


class Keyed(Protocol):
    """An error that says a message by key (errors.SamJournalError and its kinds)."""

    key: str
    params: Mapping[str, object]


K = TypeVar("K", bound=Keyed)

# Field ids (English) and their names in each language.
FIELDS: Mapping[str, Words] = {
    **messages_journal.FIELDS,
    **messages_evaluation.FIELDS,
    **messages_reports.FIELDS,
    **messages_audit.FIELDS,
    "agreed": ("avtalt", "agreed"),
    "answer": ("svar", "answer"),
    "amount": ("beløp", "amount"),
    "birth_date": ("fødselsdato", "date of birth"),
    "birth_year": ("fødselsår", "birth year"),
    "budget_frame": ("budsjettramme", "budget frame"),
    "case_number": ("saksnummer", "case number"),
    "checkin": ("kartlegging", "check-in"),
    "category": ("kategori", "category"),
    "caseworker": ("familiekoordinator", "caseworker"),  # the vocabulary's Role word
    "closed_on": ("avsluttet", "closed on"),
    "consent": ("samtykke", "consent"),
    "consent_method": ("samtykkemåte", "how consent was given"),
    "date": ("dato", "date"),
    "description": ("behov", "need"),
    "district": ("bydel", "district"),
    "domain": ("område", "domain"),
    "family_name": ("familienavn", "family name"),
    "family_words": ("familiens ord", "the family's own words"),
    "held_at": ("tidspunkt", "time"),
    "information_letter": ("informasjonsskriv", "information letter"),
    "instrument": ("spørreskjema", "instrument"),
    "language": ("språk", "language"),
    "life_satisfaction": ("livstilfredshet", "life satisfaction"),
    "meeting": ("møte", "meeting"),
    "meeting_kind": ("møtetype", "meeting type"),
    "member": ("medlem", "member"),
    "method": ("betalingsmåte", "payment method"),
    "name": ("navn", "name"),
    "national_id": ("fødselsnummer", "national identity number"),
    "need": ("behov", "need"),
    "next_meeting": ("neste møte", "next meeting"),
    "outcome": ("resultat", "outcome"),
    "paid_on": ("utbetalt dato", "date paid"),
    "participant": ("deltaker", "participant"),
    "participants": ("deltakere", "participants"),
    "partner": ("samarbeidspartner", "partner"),
    "phone": ("telefon", "phone"),
    "place": ("sted", "place"),
    "purpose": ("formål", "purpose"),
    "reason": ("begrunnelse", "reason"),
    "respondent": ("svarte", "answered by"),
    "retention": ("oppbevaringstid", "retention period"),
    "status": ("status", "status"),
    "study": ("studie", "study"),
    "study_id": ("studie-id", "study id"),
    "study_name": ("studienavn", "study name"),
    "occasion": ("anledning", "occasion"),
    "opened_on": ("åpnet", "opened on"),
    "voucher": ("bilagsnummer", "voucher reference"),
    "withdrawn_on": ("trukket tilbake", "withdrawn on"),
}

# Messages said of whatever field raised them, which read as a sentence only after the field's
# name ("beløp må fylles ut"); every other message names what it is about ("medlemmet har
# allerede et aktivt samtykke") and stands alone where its field is not in sight (i18n.sentence).
SAID_OF_A_FIELD = frozenset(
    {
        "not_text",
        "unstorable",
        "bidi_control",
        "bidi_control_found",
        "required",
        "too_long",
        "one_line",
        "score_required",
        "score_range",
        "year_range",
        "future",
        "date_range",
        "unknown_value",
        "negative",
        "taken",
        "no_such",
        "amount_positive",
        "nin_digits",
        "nin_no_date",
        "year_not_nin",
        "year_not_date",
        "transition",
        "language_choice",
        "closed_before_opened",
    }
)

# A record that was not found, by its table.
RECORDS: Mapping[str, Words] = {
    "members": ("medlemmet", "member"),
    "meetings": ("møtet", "meeting"),
    "needs": ("behovet", "need"),
    "payments": ("utbetalingen", "payment"),
    "checkins": ("kartleggingen", "check-in"),
}

MESSAGES: Mapping[str, Words] = {
    **messages_journal.MESSAGES,
    **messages_handover.MESSAGES,
    **messages_evaluation.MESSAGES,
    **messages_study.MESSAGES,
    **messages_evaluator.MESSAGES,
    **messages_forks.MESSAGES,
    **messages_reports.MESSAGES,
    **messages_risk.MESSAGES,
    **messages_audit.MESSAGES,
    **messages_cli.MESSAGES,
    **messages_help.MESSAGES,
    # any field (validation.py)
    "not_text": ("må være tekst", "must be text"),
    "unstorable": (
        "inneholder tegn som ikke kan lagres",
        "contains characters that cannot be stored",
    ),
    "bidi_control": (
        "inneholder usynlige retningstegn (U+202A–U+202E eller U+2066–U+2069) som kan snu"
        " teksten som følger; skriv inn teksten uten dem",
        "contains invisible direction characters (U+202A–U+202E or U+2066–U+2069) that can turn"
        " the text that follows around; type the text in without them",
    ),
    # The same found in a received file, where nothing can be typed (handover/checks.py).
    "bidi_control_found": (
        "inneholder usynlige retningstegn (U+202A–U+202E eller U+2066–U+2069) som kan snu"
        " teksten som følger",
        "contains invisible direction characters (U+202A–U+202E or U+2066–U+2069) that can turn"
        " the text that follows around",
    ),
    "required": ("må fylles ut", "is required"),
    "too_long": ("kan være høyst {max} tegn", "may be at most {max} characters"),
    "one_line": ("skal være én linje", "must be a single line"),
    "score_required": ("må fylles ut (0–10)", "is required (0–10)"),
    "score_range": ("skal være et helt tall fra 0 til 10", "must be a whole number from 0 to 10"),
    "year_range": (
        "skal være et årstall mellom 1900 og {last}",
        "must be a year between 1900 and {last}",
    ),
    "future": ("kan ikke være fram i tid", "cannot be in the future"),
    "held_future": (
        "kan ikke være fram i tid: et møte som ikke er holdt ennå, settes opp som neste møte i"
        " møtet før",
        "cannot be in the future: a meeting not held yet is planned as the next meeting of the"
        " one before",
    ),
    "date_range": (
        "skal være en dato mellom år {first} og {last}",
        "must be a date between the years {first} and {last}",
    ),
    "phone_form": (
        "skriv et telefonnummer, for eksempel 912 34 567",
        "enter a phone number, e.g. 912 34 567",
    ),
    "unknown_value": ("ukjent verdi", "unknown value"),
    "negative": ("kan ikke være negativ", "cannot be negative"),
    "taken": ("er allerede i bruk", "is already in use"),
    "no_such": ("finnes ikke", "does not exist"),
    # amounts (money.py)
    "amount_form": (
        "skriv et beløp i kroner, for eksempel 1 250,50",
        "enter an amount in kroner, e.g. 1 250,50",
    ),
    "amount_too_large": ("beløpet er urimelig stort", "the amount is unreasonably large"),
    "amount_positive": ("må være større enn null", "must be more than zero"),
    # identity numbers and birth years (nin.py, validation.py, records/members.py)
    "nin_digits": ("må være 11 siffer", "must be 11 digits"),
    "nin_check_digits": ("kontrollsifrene stemmer ikke", "the check digits do not match"),
    "nin_individual": (
        "individnummeret passer ikke til fødselsåret",
        "the individual number does not fit the birth year",
    ),
    "nin_no_date": ("inneholder ingen gyldig fødselsdato", "contains no valid date of birth"),
    "nin_future": ("fødselsdatoen ligger fram i tid", "the date of birth is in the future"),
    "year_not_nin": (
        "stemmer ikke med fødselsnummeret (født {years})",
        "does not match the national identity number (born {years})",
    ),
    "year_not_date": ("stemmer ikke med fødselsdatoen", "does not match the date of birth"),
    # records
    "not_found": ("Fant ikke {what}.", "The {what} was not found."),
    "record_not_found": ("Fant ikke posten.", "The record was not found."),
    "family_not_found": ("Fant ikke familien.", "The family was not found."),
    "no_such_case_number": (
        "Fant ingen familie med det saksnummeret.",
        "No family has that case number.",
    ),
    "consent_not_found": ("Fant ikke samtykket.", "The consent was not found."),
    "no_such_user": ("Fant ingen slik bruker.", "There is no such user."),
    "transition": ("kan ikke gå fra {old} til {new}", "cannot go from {old} to {new}"),
    "language_choice": ("skal være nb eller en", "must be nb or en"),
    "closed_date_open_case": (
        "bare en avsluttet sak har avslutningsdato",
        "only a closed case has a closing date",
    ),
    "closed_before_opened": (
        "kan ikke være før saken ble åpnet",
        "cannot be before the case was opened",
    ),
    "purge_not_closed": (
        "bare avsluttede saker kan slettes etter oppbevaringstiden",
        "only closed cases can be purged after the retention period",
    ),
    "retention_runs": ("løper til {until}", "runs until {until}"),
    "reason_identifies": (
        "skal ikke inneholde navn eller numre fra saken",
        "must not contain names or numbers from the case",
    ),
    "unknown_domain": ("ukjent område", "unknown domain"),
    "respondent_not_member": (
        "medlemmet finnes ikke i familien",
        "the member is not in the family",
    ),
    "new_need_status": ("et nytt behov er meldt eller avtalt", "a new need is raised or agreed"),
    "agreed_need_meeting": (
        "et avtalt behov hører til møtet der det ble avtalt",
        "an agreed need belongs to the meeting where it was agreed",
    ),
    "choose_agreed_meeting": (
        "velg møtet der behovet ble avtalt",
        "choose the meeting where the need was agreed",
    ),
    "next_meeting_before": ("må være etter dette møtet", "must be after this meeting"),
    "participant_member": (
        "et familiemedlem finnes ikke i familien",
        "a family member is not in the family",
    ),
    "participant_staff": ("en ansatt finnes ikke", "a staff member does not exist"),
    "draft_need_unknown": (
        "utbetalingen viser til et ukjent behov",
        "the payment refers to an unknown need",
    ),
    "need_other_family": ("hører ikke til denne familien", "does not belong to this family"),
    # The approval rule, told where payments are proposed and where approving is refused.
    "over_approval_limit": (
        "Utbetalinger over godkjenningsgrensen på {limit} må godkjennes av en teamleder.",
        "Payments over the approval limit of {limit} must be approved by a team lead.",
    ),
    "own_approval": (
        "Den som foreslo utbetalingen kan ikke godkjenne den: en annen teamleder må gjøre det.",
        "Whoever proposed the payment cannot approve it: another team lead must.",
    ),
    "sole_approver": (
        "Du er eneste teamleder: dine egne forslag over godkjenningsgrensen venter på en"
        " teamleder til (Leder ▸ Brukere).",
        "You are the only team lead: your own proposals over the approval limit wait for a"
        " second team lead (Team lead ▸ Users).",
    ),
    "over_budget": (
        "går over familiens budsjettramme (en teamleder kan overstyre)",
        "exceeds the family's budget frame (a team lead can override)",
    ),
    # What the flow records: approve its time, mark_paid (an approved payment only) its day.
    "payment_not_approved": (
        "en godkjent eller utbetalt betaling har tidspunktet den ble godkjent",
        "an approved or paid payment has the time it was approved",
    ),
    "payment_approved_early": (
        "en betaling som ikke er godkjent, har ikke tidspunkt for godkjenning",
        "a payment that was never approved has no time of approval",
    ),
    "payment_unpaid_day": (
        "bare en utbetalt betaling har utbetalt dato",
        "only a paid payment has a date paid",
    ),
    "payment_paid_no_day": (
        "en utbetalt betaling har datoen den ble utbetalt",
        "a paid payment has the date it was paid",
    ),
    "consent_adults": ("samtykke gis av voksne medlemmer", "consent is given by adult members"),
    "consent_unknown_study": (
        "studien er ikke lagt inn i journalen",
        "the study has not been added to the journal",
    ),
    "consent_active": (
        "medlemmet har allerede et aktivt samtykke",
        "the member already has an active consent",
    ),
    "consent_withdrawn": ("er allerede trukket tilbake", "has already been withdrawn"),
    "consent_before_given": (
        "kan ikke være før samtykket ble gitt",
        "cannot be before the consent was given",
    ),
    # instruments (samjournal/instruments/): what the team lead or evaluator must fix
    "instrument_shape": (
        "«{where}» er ikke skrevet som et spørreskjema",
        "«{where}» is not written as an instrument",
    ),
    "instrument_id": (
        "«{id}» i «{where}» er ikke en gyldig id (små bokstaver, tall, - og _)",
        "«{id}» in «{where}» is not a valid id (lower-case letters, digits, - and _)",
    ),
    "instrument_version": (
        "«{instrument}» mangler et versjonsnummer (et helt tall fra 1)",
        "«{instrument}» lacks a version number (a whole number from 1)",
    ),
    "instrument_file": (
        "kan ikke lese «{name}» som et spørreskjema i JSON",
        "cannot read «{name}» as an instrument in JSON",
    ),
    "instrument_no_items": ("«{instrument}» har ingen spørsmål", "«{instrument}» has no items"),
    "instrument_too_many": (
        "«{instrument}» har {count} spørsmål; høyst {max} er tillatt",
        "«{instrument}» has {count} items; at most {max} are allowed",
    ),
    "instrument_duplicate": (
        "id-en «{item}» står to ganger i «{instrument}»",
        "the id «{item}» appears twice in «{instrument}»",
    ),
    "instrument_duplicate_choice": (
        "svaralternativet «{choice}» står to ganger i spørsmålet «{item}»",
        "the choice «{choice}» appears twice in the item «{item}»",
    ),
    "instrument_reserved": (
        "«{instrument}» er journalens egne spørsmål: en studie kan ta dem med bare slik"
        " journalen har dem (bruk en annen id for egne spørsmål)",
        "«{instrument}» is the journal's own instrument: a study may include it only as the"
        " journal defines it (use another id for questions of its own)",
    ),
    "instrument_text_missing": (
        "en tekst i «{where}» mangler språket «{language}» (nb = bokmål, en = engelsk)",
        "a text in «{where}» lacks the language «{language}» (nb = bokmål, en = English)",
    ),
    "instrument_text_long": (
        "en tekst i «{where}» ({language}) er lengre enn {max} tegn",
        "a text in «{where}» ({language}) is longer than {max} characters",
    ),
    "instrument_text_hidden": (
        "en tekst i «{where}» ({language}) har kontrolltegn eller usynlige tegn som kan få den"
        " til å se annerledes ut enn den er (også linjeskift og retningstegn)",
        "a text in «{where}» ({language}) has control or invisible characters that can make it"
        " look other than it is (line breaks and direction marks too)",
    ),
    "instrument_label_long": (
        "svaralternativet eller skalaenden «{text}» i «{where}» ({language}) er for lang til en"
        " verdietikett (høyst 120 byte i UTF-8); gjør den kortere",
        "the choice or scale end «{text}» in «{where}» ({language}) is too long for a value"
        " label (at most 120 bytes in UTF-8); shorten it",
    ),
    "instrument_only_if": (
        "spørsmålet «{item}» følger «{asked}», som må være et ja/nei-spørsmål til samme"
        " svarer i samme skjema",
        "the item «{item}» follows «{asked}», which must be a yes/no item for the same"
        " respondent in the same instrument",
    ),
    "answer_only_if": (
        "«{item}» besvares bare når «{asked}» er besvart med ja",
        "«{item}» is answered only when «{asked}» is answered yes",
    ),
    "answer_too_young": (
        "«{item}» stilles barn fra {age} år; barnet var ikke så gammelt (eller alderen er"
        " ukjent) på datoen",
        "«{item}» is asked of children from age {age}; the child was not that old (or the age"
        " is unknown) on the date",
    ),
    "instrument_unknown_field": (
        "«{where}» har et ukjent felt «{field}»",
        "«{where}» has an unknown field «{field}»",
    ),
    "instrument_text": (
        "en tekst i «{where}» er ikke skrevet som tekst på nb, en og eventuelt nn",
        "a text in «{where}» is not written as text in nb, en and optionally nn",
    ),
    "instrument_type": (
        "spørsmålet «{item}» har en ukjent svartype «{type}»",
        "the item «{item}» has an unknown answer type «{type}»",
    ),
    "instrument_respondent": (
        "spørsmålet «{item}» sier ikke hvem som svarer (adult, child eller caseworker)",
        "the item «{item}» does not say who answers (adult, child or caseworker)",
    ),
    "instrument_min_age": (
        "spørsmålet «{item}»: et spørsmål til barn trenger en aldersgrense (min_age 0–17), og"
        " bare spørsmål til barn har den",
        "the item «{item}»: an item for children needs an age limit (min_age 0–17), and only"
        " items for children have one",
    ),
    "instrument_choices": (
        "spørsmålet «{item}» skal ha mellom 2 og 30 svaralternativer med id og tekst",
        "the item «{item}» must have between 2 and 30 choices with id and text",
    ),
    "instrument_choices_misplaced": (
        "spørsmålet «{item}» har svaralternativer, men er ikke et flervalgsspørsmål",
        "the item «{item}» has choices but is not a choice item",
    ),
    "instrument_number": (
        "spørsmålet «{item}»: et tall trenger minste og største verdi, og bare tall har dem",
        "the item «{item}»: a number needs a minimum and a maximum, and only numbers have them",
    ),
    "instrument_anchors": (
        "spørsmålet «{item}»: en skala trenger tekst i begge ender, og bare skalaer har det",
        "the item «{item}»: a scale needs texts at both ends, and only scales have them",
    ),
    "instrument_schedule": (
        "«{instrument}» har en ugyldig plan for når det spørres",
        "«{instrument}» has an invalid schedule",
    ),
    "instrument_changed": (
        "«{instrument}» versjon {version} finnes allerede med andre spørsmål; gi den et nytt"
        " versjonsnummer",
        "«{instrument}» version {version} already exists with other items; give it a new"
        " version number",
    ),
    "instrument_not_found": (
        "spørreskjemaet «{instrument}» finnes ikke i journalen",
        "the instrument «{instrument}» is not in the journal",
    ),
    "instrument_not_for_family": (
        "familien svarer ikke på «{instrument}» (ingen studie med samtykke bruker det)",
        "the family does not answer «{instrument}» (no consented study uses it)",
    ),
    "answer_unknown_item": (
        "«{item}» er ikke et spørsmål i dette skjemaet",
        "«{item}» is not an item of this instrument",
    ),
    "answer_choice": (
        "svaret på «{item}» er ikke ett av alternativene",
        "the answer to «{item}» is not one of the choices",
    ),
    "answer_number": (
        "svaret på «{item}» skal være et tall",
        "the answer to «{item}» must be a number",
    ),
    "answer_range": (
        "svaret på «{item}» skal være fra {low} til {high}",
        "the answer to «{item}» must be from {low} to {high}",
    ),
    "answer_wrong_respondent": (
        "«{item}» er ikke et spørsmål til {respondent}",
        "«{item}» is not an item for the {respondent}",
    ),
    "record_changed": (
        "noen andre har endret den siden du åpnet den; åpne den på nytt",
        "someone else changed it since you opened it; open it again",
    ),
    "answer_unknown_items": (
        "nevner spørsmål som ikke er i dette skjemaet",
        "names items that are not in this instrument",
    ),
    "answers_none": (
        "minst ett spørsmål må være besvart",
        "at least one item must be answered",
    ),
    "respondent_member": (
        "velg hvilket familiemedlem som svarte (en voksen eller et barn etter hva skjemaet spør)",
        "choose which family member answered (an adult or a child as the instrument asks)",
    ),
    "respondent_caseworker": (
        "familiekoordinatorens svar knyttes ikke til et familiemedlem",
        "the caseworker's answers are not tied to a family member",
    ),
}


ACTIONS = messages_journal.ACTIONS


def action(what: str) -> Words:
    """What only a team lead may do, by its id in ACTIONS; code that still names it by its
    bokmål words finds it by them (the words are the catalogue's own, never translated back)."""
    if what in ACTIONS:
        return ACTIONS[what]
    return next((w for w in ACTIONS.values() if w[0] == what), (what, what))


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def _index(language: str) -> int:
    return 1 if language == "en" else 0


def _value(value: object, language: str) -> str:
    if isinstance(value, Said):  # a message inside a message: worded in the same language
        return value.words(language)
    if isinstance(value, StrEnum):
        return vocabulary.in_sentence(value, language)
    if isinstance(value, tuple):  # Words: (bokmål, English)
        return str(value[_index(language)])
    return str(value)


def text(key: str, params: Mapping[str, object], language: str) -> str:
    """The message `key` with its parameters, in `language` ("nb" or "en")."""
    template = MESSAGES[key][_index(language)]
    return template.format(**{name: _value(v, language) for name, v in params.items()})


def field_name(field: str, language: str) -> str | None:
    """A field id's name in `language`; None for a field raised by its name, not by an id (a
    check-in score by its domain's key, code outside records/ by its bokmål name)."""
    pair = FIELDS.get(field)
    return pair[_index(language)] if pair else None


class Said(str):
    """A message by key that the core hands on as text rather than raising it: an export's
    notices, an audit head's problem. It reads as its bokmål text wherever it is still used as a
    string (the audit log's detail is bokmål by design); the edge words it in the user's
    language (`words`, i18n.word). Make one with `said`; a literal key is checked like a raise's
    (tests/samjournal/test_messages.py)."""

    key: str
    params: Mapping[str, Param]

    def __new__(cls, key: str, params: Mapping[str, Param]) -> Said:
        made = super().__new__(cls, text(key, params, "nb"))
        made.key, made.params = key, MappingProxyType(dict(params))
        return made

    def words(self, language: str) -> str:
        return text(self.key, self.params, language)

    def __reduce__(self) -> tuple[type[Said], tuple[str, dict[str, Param]]]:
        # Copied or pickled (to another process) by its key and parameters, not by its text.
        return (Said, (self.key, dict(self.params)))

    def error(self, kind: Callable[[str], K]) -> K:
        """`kind` saying this message: for a message made in one place and raised in another."""
        return keyed(kind, self.key, **self.params)


def said(key: str, **params: Param) -> Said:
    """Message `key` with its parameters, to hand on (see Said)."""
    return Said(key, params)


def keyed(error: Callable[[str], K], key: str, **params: Param) -> K:
    """`error` saying message `key` (a SamJournalError that takes its bokmål text)."""
    raised = error(text(key, params, "nb"))
    raised.key, raised.params = key, params
    return raised


def inner(error: BaseException) -> Param:
    """An error as a parameter of another message: one raised by key is worded in that
    message's language (its text alone is bokmål: "signaturen stemmer ikke" in English)."""
    key, params = getattr(error, "key", None), getattr(error, "params", None)
    if isinstance(key, str) and key in MESSAGES and isinstance(params, Mapping):
        return Said(key, params)
    return str(error)
