"""Turn the core's exceptions into what the user reads (translated where the UI words it)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from samjournal.errors import (
    JournalDamaged,
    JournalExists,
    JournalLocked,
    JournalNotFound,
    NotAJournal,
    NotFound,
    PermissionDenied,
    SamJournalError,
    StorageError,
    UnlockThrottled,
    ValidationError,
    WrongPassphrase,
)
from samjournal.i18n import describe as core_describe
from samjournal.i18n import field_message as core_field_message
from samjournal.i18n import sentence, word
from ui.printing import PrintFailed
from ui.translations import core_language

log = logging.getLogger(__name__)


def _core(error: SamJournalError) -> str:
    """The core's own words for `error`, in the interface language."""
    return core_describe(error, core_language())


def core_message(text: str) -> str:
    """A message the core handed on as text (an export's notices, an audit head's problem) in
    the interface language."""
    return word(text, core_language())


def field_message(error: ValidationError) -> str:
    """What is wrong with a field, in the interface language, for beside the field."""
    return core_field_message(error, core_language())


def describe(error: BaseException) -> str:
    """One or two sentences for a message line; never record content, never a traceback."""
    if isinstance(error, UnlockThrottled):
        return QCoreApplication.translate(
            "Errors",
            "Too many failed attempts. Wait %n second(s) and try again.",
            None,
            max(1, round(error.seconds)),
        )
    if isinstance(error, WrongPassphrase):
        return QCoreApplication.translate(
            "Errors", "Wrong passphrase. Check it and try again (is Caps Lock on?)."
        )
    if isinstance(error, NotAJournal):
        return QCoreApplication.translate(
            "Errors", "This folder does not hold a SamJournal journal: %1"
        ).replace("%1", _core(error))
    if isinstance(error, JournalDamaged):  # keyring.json too: the core's words name the way back
        return _core(error)
    if isinstance(error, JournalNotFound):
        return QCoreApplication.translate("Errors", "No journal was found in that folder.")
    if isinstance(error, JournalExists):
        return QCoreApplication.translate(
            "Errors", "There is already something in that folder; choose an empty one."
        )
    if isinstance(error, JournalLocked):
        return QCoreApplication.translate("Errors", "The journal is locked.")
    if isinstance(error, StorageError):
        # Each kind says what happened and what still works (a full disk, a read-only folder,
        # a failing disk; the room a rekey needs, a half-done key change).
        return _core(error)
    if isinstance(error, PermissionDenied):
        return QCoreApplication.translate("Errors", "Not allowed: %1").replace("%1", _core(error))
    if isinstance(error, NotFound):
        return QCoreApplication.translate("Errors", "Not found: %1").replace("%1", _core(error))
    if isinstance(error, ValidationError):  # no "samtykke: " before what it says (review s30)
        return sentence(error, core_language())
    if isinstance(error, SamJournalError):
        return core_describe(error, core_language())
    if isinstance(error, PrintFailed):
        return QCoreApplication.translate(
            "Errors",
            "The printer could not be started; nothing was printed.",
        )
    log.error("unexpected error: %s", type(error).__name__)
    return QCoreApplication.translate(
        "Errors", "Something unexpected went wrong (%1). Nothing you typed was lost."
    ).replace("%1", type(error).__name__)
