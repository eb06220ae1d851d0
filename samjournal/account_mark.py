"""A second high-water mark, kept outside the journal folder: in this OS account's state folder.

journal.mark lies in the journal folder, so a whole older folder put back (database, keyring and
mark together, as a copy taken earlier) brings an older mark with it and opens without an alarm.
This mark lies where the folder does not: the account's state folder (platformdirs; or the
folder SAMJOURNAL_STATE_DIR names), one file per journal and place, named by the journal id
(random, not personal) and a keyed hash of the folder's path (which names nothing without the
journal's key). It holds the audit tree's head (size and root) under a MAC keyed from the audit
chain key (in the encrypted database), is replaced whenever journal.mark is made durable (the
session's first save, every few seconds of saving, lock, restore), and is compared on open
(mark.settle, mark.alarms): a log behind it is missing work, as for journal.mark.

Why the place too: copies of one journal in other folders are legitimate (a restore into a new
folder to look at last week, the journal a restore kept aside, a copy on a stick); one mark per
journal id would set each against the others. The thief's move is to put the older folder back
where the journal is opened from, and that is where its mark is.

What it catches: an older folder put back in the same place and opened from the same OS
account. What it cannot: an open from another account or another machine, or after the
account's profile was wiped (no mark there: one is started, no alarm), an older copy opened
from another folder, nor anyone who can write in the account's profile and deletes the file.
The evaluator's witnessed heads remain the strong check.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from samjournal.audit_heads import Head
from samjournal.errors import SamJournalError
from samjournal.fsutil import atomic_write, create_private, private_folder, temp_path
from samjournal.store import Database

ENV = "SAMJOURNAL_STATE_DIR"
FORMAT = "samjournal-account-mark"
SUFFIX = ".mark"
_JOURNAL_ID = re.compile(r"^[0-9a-f]{8,64}$")


def folder() -> Path:
    """Where this account keeps its marks."""
    given = os.environ.get(ENV)
    if given:
        return Path(given)
    return platformdirs.user_state_path("SamJournal", appauthor=False)


@dataclass(frozen=True, slots=True)
class Reading:
    """`head` when the mark verified; `unreadable` when it was there but torn, edited or
    another journal's; neither when there is none (a new account, another laptop)."""

    head: Head | None
    unreadable: bool = False


class AccountMark:
    """One journal's mark in this account's state folder."""

    def __init__(self, path: Path, journal: str, key: bytes) -> None:
        self.path = path
        self._journal = journal
        self._key = key
        self._made = False  # the folder, once per session: not a mkdir on every commit

    @classmethod
    def for_db(cls, db: Database, place: Path | None = None) -> AccountMark | None:
        """The mark of the journal in `db` opened from the folder `place` (by default the
        database's own); None for a journal id that is no plain hex name."""
        journal = str(db.scalar("SELECT value FROM meta WHERE key = 'journal_id'"))
        if not _JOURNAL_ID.match(journal):
            return None
        chain = bytes.fromhex(str(db.scalar("SELECT value FROM meta WHERE key = 'audit_key'")))
        key = hmac.new(chain, b"samjournal account mark v1", hashlib.sha256).digest()
        where = os.path.normcase(str((place or db.path.parent).resolve()))
        tag = hmac.new(key, where.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return cls(folder() / f"{journal}-{tag[:16]}{SUFFIX}", journal, key)

    def _body(self, head: Head) -> bytes:
        fields = {"format": FORMAT, "journal_id": self._journal, "size": head.size}
        fields["root"] = head.root
        fields["at"] = head.at  # a mark from before a restore is the replaced journal's
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()

    def read(self) -> Reading:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Reading(None)
        except OSError:
            return Reading(None, unreadable=True)
        try:
            outer = json.loads(raw)
            body = str(outer["mark"]).encode()
            mac = hmac.new(self._key, body, hashlib.sha256).hexdigest()
            fields = json.loads(body)
            if (
                not hmac.compare_digest(mac, str(outer["mac"]))
                or fields["format"] != FORMAT
                or fields["journal_id"] != self._journal
            ):
                return Reading(None, unreadable=True)
            return Reading(
                Head.from_json({k: fields[k] for k in ("size", "root", "at") if k in fields})
            )
        except (ValueError, KeyError, TypeError, RecursionError):
            return Reading(None, unreadable=True)

    def write(self, head: Head, *, durable: bool = False) -> None:
        """Replace the mark; never fails: a mark that cannot be written only lags (a lagging
        mark raises no alarm), and a profile that cannot be written must not stop the work."""
        body = self._body(head)
        mac = hmac.new(self._key, body, hashlib.sha256).hexdigest()
        data = json.dumps({"mark": body.decode(), "mac": mac}).encode() + b"\n"
        tmp = temp_path(self.path)
        try:
            if not self._made:
                private_folder(self.path.parent)
                self._made = True
            if durable:
                atomic_write(self.path, data)
            else:
                with create_private(tmp) as fh:
                    fh.write(data)
                os.replace(tmp, self.path)
        except (OSError, SamJournalError):
            with contextlib.suppress(OSError):
                tmp.unlink()
