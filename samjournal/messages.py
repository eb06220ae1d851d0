"""Messages by key: what the core raises and hands on, by key, in bokmål and English.

The core raises an error with a stable key, the field's English id and the parameters
(`invalid`, `keyed`); the edge (window, CLI, report) formats it in the user's language
(i18n.describe, i18n.field_message). `str(error)` stays the bokmål text and
`ValidationError.field` the field's bokmål name; the window finds a field by `field_id`.
tests/samjournal/test_messages.py walks every module of the core and checks each raise.

The catalogue and the wording itself are catalogue.py, below the exception tree (errors.py words
its self-worded errors there); this module adds what needs the exception classes and is where
the rest of the core imports both from.
"""

from __future__ import annotations

from samjournal.catalogue import ACTIONS as ACTIONS
from samjournal.catalogue import FIELDS as FIELDS
from samjournal.catalogue import MESSAGES as MESSAGES
from samjournal.catalogue import RECORDS as RECORDS
from samjournal.catalogue import SAID_OF_A_FIELD as SAID_OF_A_FIELD
from samjournal.catalogue import Param as Param
from samjournal.catalogue import Said as Said
from samjournal.catalogue import Words as Words
from samjournal.catalogue import action as action
from samjournal.catalogue import field_name as field_name
from samjournal.catalogue import inner as inner
from samjournal.catalogue import keyed as keyed
from samjournal.catalogue import placeholders as placeholders
from samjournal.catalogue import said as said
from samjournal.catalogue import text as text
from samjournal.errors import SamJournalError, ValidationError


def error_text(error: SamJournalError, language: str) -> str:
    """A keyed error's message in `language`, with the sentence its kind always adds."""
    said = text(error.key, error.params, language)
    return f"{said} {text(error.advice, {}, language)}" if error.advice else said


def invalid(
    field: str, key: str, kind: type[ValidationError] = ValidationError, **params: Param
) -> ValidationError:
    """A ValidationError for field id `field` (or a field's bokmål name, from code that does not
    name its fields by id yet) saying message `key`."""
    raised = kind(field_name(field, "nb") or field, text(key, params, "nb"))
    raised.key, raised.params, raised.field_id = key, params, field
    return raised
