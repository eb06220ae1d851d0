"""Core messages in the user's language.

The core says everything by key (samjournal/messages.py): an error raised with `keyed` or
`invalid`, and what it hands on as text (an export's notices, an audit head's problem) made with
`said`. The edge words it here, in "nb" or "en": `describe(error, language)`, `word(message,
language)`. Nothing is translated back from bokmål text: text without a key is shown as it is.
"""

from __future__ import annotations

from samjournal import messages, vocabulary
from samjournal.errors import SamJournalError, ValidationError
from samjournal.messages import Said
from samjournal.model import CHECKIN_DOMAINS


def word(message: str, language: str) -> str:
    """A message the core handed on as text in `language`: by its key when it is one
    (messages.Said); other text (a chain problem of the audit log, say) as it is."""
    return message.words(language) if isinstance(message, Said) else message


def field_name(field: str, language: str) -> str:
    """A field raised by its name, not by an id: a check-in score by its domain's key
    ("economy"), which the vocabulary words; any other name as it is."""
    return vocabulary.domain(field, language).lower() if field in CHECKIN_DOMAINS else field


def field_message(error: ValidationError, language: str) -> str:
    """What is wrong with the field, without its name (shown beside the field)."""
    return messages.text(error.key, error.params, language) if error.key else error.message


def sentence(error: ValidationError, language: str) -> str:
    """What is wrong, as a person reads it where the field is not in sight (a form's message
    bar): a message said of any field after the field's name ("beløp må fylles ut"), any other
    alone ("medlemmet har allerede et aktivt samtykke"); never after a "samtykke: " prefix."""
    said = field_message(error, language)
    if error.key not in messages.SAID_OF_A_FIELD:
        return said
    name = messages.field_name(error.field_id, language) or field_name(error.field, language)
    return f"{name} {said}"


def describe(error: SamJournalError, language: str) -> str:
    """What to show the user for `error` in `language` ("nb" or "en"): a keyed error from the
    message catalogue (samjournal/messages.py), any other by the text it carries."""
    if isinstance(error, ValidationError):
        name = messages.field_name(error.field_id, language) or field_name(error.field, language)
        return f"{name}: {field_message(error, language)}"
    if error.key:
        return messages.error_text(error, language)
    return str(error)
