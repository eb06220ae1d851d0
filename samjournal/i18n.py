"""Core messages in the user's language.

The core raises its errors in bokmål. `describe(error, language)` gives the text to show: as is
for bokmål, from the catalogue below for English. Messages with values in them are matched as
templates (`{}` stands for the value). A test reads every error the core can raise and fails
on one the catalogue does not cover, so English stays complete.
"""

from __future__ import annotations

import re
from functools import cache

from samjournal import audit_messages_en as audit_en
from samjournal import messages, vocabulary
from samjournal.errors import SamJournalError, ValidationError
from samjournal.evaluation import messages_en as evaluation_en
from samjournal.model import CHECKIN_DOMAINS, NeedStatus, PaymentStatus


def _positional(template: str) -> str:
    """A keyed template as the ones below write it: "kan være høyst {max} tegn" -> "... {} tegn"."""
    return re.sub(r"\{[a-z_]+\}", "{}", template)


FIELDS_EN: dict[str, str] = {
    "gjenopprettingsnøkkel": "recovery key",
    "saksnummer": "case number",
    "status": "status",
    "periode": "period",
    "fil": "file",
    "rapport": "report",
}
# A check-in's scores are named by their domain's key ("economy"): the vocabulary's words.
FIELDS_EN.update({key: vocabulary.domain(key, "en").lower() for key in CHECKIN_DOMAINS})

MESSAGES_EN: dict[str, str] = {
    # opening, keys and files
    # several windows and processes on one journal
    # backups
    "Filen er ikke en SamJournal-sikkerhetskopi.": "The file is not a SamJournal backup.",
    "Filen er skadet eller ikke en SamJournal-sikkerhetskopi.": (
        "The file is damaged or not a SamJournal backup."
    ),
    "Sikkerhetskopien er urimelig stor.": "The backup is unreasonably large.",
    "Sikkerhetskopien mangler kontrollsummer.": "The backup has no checksums.",
    "Sikkerhetskopien er skadet (kontrollsummen stemmer ikke).": (
        "The backup is damaged (the checksum does not match)."
    ),
    "Sikkerhetskopien er skadet og kan ikke pakkes ut.": (
        "The backup is damaged and cannot be unpacked."
    ),
    "Databasen i sikkerhetskopien kan ikke åpnes.": "The database in the backup cannot be opened.",
    "Nøkkelringen i sikkerhetskopien er skadet.": "The keyring in the backup is damaged.",
    "Databasen i sikkerhetskopien består ikke integritetssjekken.": (
        "The database in the backup fails the integrity check."
    ),
    # field messages
    # reports
    "Dokumentet kunne ikke settes opp på sidene. Meld fra om feilen.": (
        "The document could not be laid out on pages. Please report the error."
    ),
    "Bare en teamleder kan skrive ut saksoppsummeringer.": (
        "Only a team lead can print case summaries."
    ),
    "Bare en teamleder kan skrive ut denne rapporten.": "Only a team lead can print this report.",
    "Bare en teamleder kan skrive ut porteføljerapporten.": (
        "Only a team lead can print the portfolio report."
    ),
    "starten må være før slutten": "the start must be before the end",
    "kan være høyst fem år": "may be at most five years",
    "Fant ikke skriften {} i {}. Utskrifter trenger mappen resources/fonts fra programpakken.": (
        "The font {} was not found in {}. Printing needs the resources/fonts folder of the program."
    ),
    "Skriften {} kan ikke leses.": "The font {} cannot be read.",
    "filnavnet skal slutte på .pdf": "the file name must end in .pdf",
    "oppgi både --from og --to, eller ingen av dem": "give both --from and --to, or neither",
    "må oppgis for denne rapporten": "is required for this report",
    "velg summary, family, portfolio eller access-log": (
        "choose summary, family, portfolio or access-log"
    ),
    "Bare en teamleder kan skrive ut innsynsloggen.": "Only a team lead can print the access log.",
    "Bare en teamleder kan skrive ut gjenopprettingsarket.": (
        "Only a team lead can print the recovery sheet."
    ),
    # the end of a case
    "porteføljerapporten trenger --from og --to": "the portfolio report needs --from and --to",
}


FIELDS_EN.update(evaluation_en.FIELDS_EN)
MESSAGES_EN.update(evaluation_en.MESSAGES_EN)
FIELDS_EN.update(audit_en.FIELDS_EN)
MESSAGES_EN.update(audit_en.MESSAGES_EN)
# The messages the core raises by key (samjournal/messages.py), for code that still raises the
# same words as text: one catalogue, read both ways.
MESSAGES_EN.update({_positional(nb): _positional(en) for nb, en in messages.MESSAGES.values()})
MESSAGES_EN.update(
    {
        "skriv gjenopprettingsnøkkelen til denne journalen": ("enter this journal's recovery key"),
    }
)

# Values that stand inside messages: what only a team lead may do, which record was not found,
# and status codes (shown by their names in either language).
VALUES: dict[str, dict[str, str]] = {
    "en": {
        "avslå en utbetaling over godkjenningsgrensen": "reject a payment over the approval limit",
        "eksportere til en studie": "export to a study",
        "endre journalens innstillinger": "change the journal's settings",
        "endre andres telefonnummer": "change another user's phone number",
        "fjerne brukere": "remove users",
        "flytte en familie til en annen saksbehandler": "move a family to another caseworker",
        "gi en familie til en annen saksbehandler": "give a family to another caseworker",
        "lage en ny gjenopprettingsnøkkel": "make a new recovery key",
        "legge inn en studie": "add a study",
        "legge inn en studieprofil": "import a study profile",
        "legge til brukere": "add users",
        "lese hele revisjonsloggen": "read the whole audit log",
        "registrere kvitteringer": "register receipts",
        "slette en familie": "delete a family",
        "slette en familie for godt": "delete a family for good",
        "slette saker for godt": "delete cases for good",
        "se saker som skal slettes": "see the cases due for purge",
        "behovet": "need",
        "kartleggingen": "check-in",
        "medlemmet": "member",
        "møtet": "meeting",
        "utbetalingen": "payment",
    },
    "nb": {},
}
# The statuses a "kan ikke gå fra {} til {}" names, in the vocabulary's words.
for _language, _values in VALUES.items():
    for _status in (*NeedStatus, *PaymentStatus):
        _values[_status.value] = vocabulary.in_sentence(_status, _language)


@cache
def _templates() -> list[tuple[re.Pattern[str], str, str]]:
    """(pattern, bokmål, English) for each message with values in it."""
    found = []
    for nb, en in MESSAGES_EN.items():
        if "{}" in nb:
            pattern = "^" + "(.+?)".join(re.escape(p) for p in nb.split("{}")) + "$"
            found.append((re.compile(pattern, re.DOTALL), nb, en))
    return found


def render(text: str, language: str) -> str:
    """A core message in `language` ("nb" or "en"); unknown text is shown as it is."""
    values = VALUES.get(language, {})
    english = language == "en"
    if text in MESSAGES_EN:
        return MESSAGES_EN[text] if english else text
    for pattern, template_nb, template_en in _templates():
        match = pattern.match(text)
        if match:
            parts = [values.get(g, render(g, language) if english else g) for g in match.groups()]
            return (template_en if english else template_nb).format(*parts)
    return values.get(text, text)


def field_name(field: str, language: str) -> str:
    if language == "en":
        return FIELDS_EN.get(field, field)
    # A score's field is its domain's key, which is no bokmål word: the vocabulary has one.
    return vocabulary.domain(field, "nb").lower() if field in CHECKIN_DOMAINS else field


def field_message(error: ValidationError, language: str) -> str:
    """What is wrong with the field, without its name (shown beside the field)."""
    if error.key:
        return messages.text(error.key, error.params, language)
    return render(error.message, language)


def describe(error: SamJournalError, language: str) -> str:
    """What to show the user for `error` in `language` ("nb" or "en"): a keyed error from the
    message catalogue (samjournal/messages.py), any other from the bokmål text it carries."""
    if isinstance(error, ValidationError):
        name = messages.field_name(error.field_id, language) or field_name(error.field, language)
        return f"{name}: {field_message(error, language)}"
    if error.key:
        return messages.error_text(error, language)
    return render(str(error), language)
