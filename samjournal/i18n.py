"""Core messages in the user's language.

An error raised by key (samjournal/messages.py) is worded from the catalogue: `describe(error,
language)`. What the core still gives as bokmål text, not as an error by key (an export's notices,
and an audit head's problem with where the head came from, in evaluation/messages_en.py and
audit_messages_en.py), `render` words in English from those catalogues; a message with values in
it is matched as a template (`{}` stands for a value, itself rendered).
"""

from __future__ import annotations

import re
from functools import cache

from samjournal import audit_messages_en as audit_en
from samjournal import messages, vocabulary
from samjournal.errors import SamJournalError, ValidationError
from samjournal.evaluation import messages_en as evaluation_en
from samjournal.model import CHECKIN_DOMAINS

# A check-in's scores are named by their domain's key ("economy"): the vocabulary's words.
FIELDS_EN: dict[str, str] = {key: vocabulary.domain(key, "en").lower() for key in CHECKIN_DOMAINS}
FIELDS_EN.update(evaluation_en.FIELDS_EN)
FIELDS_EN.update(audit_en.FIELDS_EN)
MESSAGES_EN: dict[str, str] = {**evaluation_en.MESSAGES_EN, **audit_en.MESSAGES_EN}


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, English) for each message with values in it."""
    found = []
    for nb, en in MESSAGES_EN.items():
        if "{}" in nb:
            pattern = "^" + "(.+?)".join(re.escape(p) for p in nb.split("{}")) + "$"
            found.append((re.compile(pattern, re.DOTALL), en))
    return found


def render(text: str, language: str) -> str:
    """A core message in `language` ("nb" or "en"); unknown text is shown as it is."""
    if language != "en":
        return text
    if text in MESSAGES_EN:
        return MESSAGES_EN[text]
    for pattern, template_en in _templates():
        match = pattern.match(text)
        if match:
            return template_en.format(*(render(g, language) for g in match.groups()))
    return text


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
