"""One exception tree for everything the core raises to its callers.

Low-level errors (sqlcipher3, cryptography, OSError) are converted at the boundary into the most
specific class here; messages are in bokmål and carry no record content. The words are the
catalogue's (catalogue.py sits below this module; messages.py, above it, raises by key).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from samjournal.catalogue import text


class SamJournalError(Exception):
    """Base of every error the core raises on purpose."""

    # Set when raised by key (samjournal/messages.py): the edge formats it in either language.
    key: str = ""
    params: Mapping[str, object] = MappingProxyType({})
    # The key of a sentence that always follows this kind of error's message (its way back).
    advice: str = ""


class JournalNotFound(SamJournalError):
    """The folder holds no journal (no database or no keyring)."""


class JournalExists(SamJournalError):
    """A journal already exists where a new one was to be created."""


class JournalDamaged(SamJournalError):
    """The database or keyring is unreadable, truncated or fails its integrity checks."""


class KeyringDamaged(JournalDamaged):
    """keyring.json is missing, malformed or does not belong to this journal."""

    advice = "restore_keyring"

    def __init__(self, problem: str) -> None:
        # Every keyring problem has the same way back; the message names it.
        self.problem = problem
        super().__init__(f"{problem} {text(self.advice, {}, 'nb')}")


class SlotDamaged(KeyringDamaged):
    """One user's key slot fails its checksum: damage, not a wrong passphrase."""

    advice = ""

    def __init__(self, message: str) -> None:  # its own way back, in the message
        self.problem = message
        JournalDamaged.__init__(self, message)


class ForeignKeyring(KeyringDamaged):
    """keyring.json belongs to another journal than journal.db."""

    advice = ""

    def __init__(self, message: str) -> None:
        self.problem = message
        JournalDamaged.__init__(self, message)


class WorkspaceDamaged(JournalDamaged):
    """The evaluator workspace's dataset.db is damaged or truncated: restore its backup."""


class NotAJournal(JournalDamaged):
    """The file is not an encrypted SamJournal database at all."""


class IntegrityFailed(JournalDamaged):
    """An integrity check (page HMACs, structure, foreign keys, audit chain) found problems."""


class WrongPassphrase(SamJournalError):
    """The passphrase or recovery key does not open the user's key slot."""


class UnknownUser(WrongPassphrase):
    """No key slot for that user name (told to the caller as a wrong passphrase)."""


class UnlockThrottled(SamJournalError):
    """Too many failed unlocks: wait before trying again."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        # Up, not to the nearest: 0.4 s left said "Vent 0 sekunder" (reliability review).
        self.key, self.params = "unlock_throttled", {"seconds": str(max(1, math.ceil(seconds)))}
        super().__init__(text(self.key, self.params, "nb"))


class JournalLocked(SamJournalError):
    """The journal is locked: unlock before reading or writing."""


class JournalBusy(SamJournalError):
    """Another window or process holds the journal for now; nothing is damaged, try again."""


class JournalInUse(JournalBusy):
    """Replacing the journal's files needs every other session on it closed first."""


class JournalReplaced(SamJournalError):
    """The journal's file was replaced under this session; the change was not saved."""


class PermissionDenied(SamJournalError):
    """The signed-in user's role does not allow this."""


class NotFound(SamJournalError):
    """No such record, or not visible to this user."""


class ValidationError(SamJournalError):
    """A field value is not acceptable; `field` names it, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.field_id = field  # the English id when raised by key (messages.invalid)
        self.message = message
        super().__init__(f"{field}: {message}")


class InvalidTransition(ValidationError):
    """A status change that the record's status flow does not allow."""


class OverBudget(ValidationError):
    """Approving would take the family past its budget frame; a team lead may override."""


class StorageError(SamJournalError):
    """The journal's files, or a file it writes, could not be written or read: DiskFull,
    ReadOnlyFolder or StorageFailed, each in its own words. Catch this for any of them."""

    # Raised bare, each kind says its own sentence, in the catalogue (messages_journal.py) by
    # this key; raised by key (messages.keyed) it says that message instead.
    key = "storage_failed"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(text(self.key, {}, "nb") if message is None else message)


class DiskFull(StorageError):
    """The journal's disk is full: reading and backups elsewhere work, saving waits for space.
    A file written elsewhere on a full disk is refused by key ("no_space")."""

    key = "disk_full"


class ReadOnlyFolder(StorageError):
    """The folder (a write-protected stick, a share) refuses writes: no room is missing."""

    key = "read_only"


class StorageFailed(StorageError):
    """Neither full nor read-only: the disk or the folder failed to write or read (an I/O error,
    a share that went away)."""

    key = "storage_failed"


class RecentWorkMissing(SamJournalError):
    """The audit log is behind the journal's high-water mark: recent work is missing."""

    def __init__(
        self, mark: int, found: int, kept_wal: str | None, *, outside: bool = False
    ) -> None:
        """`outside`: the mark in the OS account's state folder said so (account_mark.py)."""
        self.mark, self.found, self.kept_wal = mark, found, kept_wal
        self.key = "recent_work_kept_wal" if kept_wal else "recent_work_missing"
        if outside:
            self.key = "older_folder_kept_wal" if kept_wal else "older_folder"
        self.params = {"mark": mark, "found": found, **({"kept": kept_wal} if kept_wal else {})}
        super().__init__(text(self.key, self.params, "nb"))


class BackupInvalid(SamJournalError):
    """A backup file is damaged, truncated or not a SamJournal backup."""


class BundleRejected(SamJournalError):
    """An evaluation bundle, receipt or study profile failed a check and was not used."""


class PolicyBelowFloor(BundleRejected):
    """A study profile asks for less protection than the journal's floor (k, m, rounding, caps)."""


class UnknownSender(BundleRejected):
    """A bundle from a journal the evaluator has not registered, or signed with another key."""


class HandoverRejected(SamJournalError):
    """A handover file, key file or receipt that cannot be taken in: nothing was changed."""


class AuditChainBroken(SamJournalError):
    """The audit log's hash chain does not verify."""


class AuditRewritten(SamJournalError):
    """The audit log does not extend a head witnessed outside the journal: cut or rewritten."""
