"""Heads of the audit log's Merkle tree, and the witnesses that hold them outside the journal.

A head is (tree size, root, when). It leaves the laptop in every backup's manifest, on every
printed report's footer (short: "Logg 12345 · 3f9a5e0c7d21b4a8"), and in every export bundle
with a consistency proof; the evaluator's signed receipt brings it back and the journal records
it (`audit_witnesses`, and the newest in journal.mark). The log must always extend every
witnessed head: its root at the head's size must be the head's root. Anyone with the data key
can still rewrite the local log (and the mark), but not the witnesses: the next comparison with
any of them (`samjournal audit verify --witness`, the evaluator's import of the next bundle)
shows the rewrite. A head holds no personal data: a count and a hash.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from samjournal import audit_tree
from samjournal.audit import leaf_of
from samjournal.audit_tree import EMPTY_ROOT
from samjournal.fsutil import ZIP_READ_ERRORS
from samjournal.messages import Said, invalid, said
from samjournal.store import Database

MIN_PREFIX = 12  # hex digits of a root written down by hand: 48 bits, more than a guess
MAX_WITNESS_BYTES = 64 * 1024
_HEX = re.compile(r"^[0-9a-f]+$")
# "samjournal-head size=12 root=… at=…", "Logg 12 · 3f9a… · 06.12.2026 21:40 +0100" (reports
# print the local time as their header does, with its offset from UTC; "· 2026-12-05T21:40:07Z"
# before), "Log 12 · 3f9a…" or "12:3f9a…"
_FULL = re.compile(r"samjournal-head\s+size=(\d+)\s+root=([0-9a-fA-F]{64})(?:\s+at=(\S+))?")
_SHORT = re.compile(
    r"(?:^|\b(?:Logg|Log)\s+)(\d{1,15})\s*[·:]\s*([0-9a-fA-F]{12,64})"
    r"(?:\s*·\s*(?:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)|(\d\d\.\d\d\.\d{4}\s+\d\d:\d\d\s+[+-]\d{4})))?"
)
# The reports' header's local time, to the minute, and its offset: read back the same on a
# machine in any time zone (a head is checked where the paper is, not where it was printed).
PRINTED_TIME = "%d.%m.%Y %H:%M %z"


@dataclass(frozen=True, slots=True)
class Head:
    size: int
    root: str  # hex: all 64 digits, or at least MIN_PREFIX of them for a head written down
    at: str = ""  # when the head was taken (ISO, UTC); "" when the witness does not say

    def short(self) -> str:
        """As printed on reports: the size and the root's first 16 hex digits."""
        return f"{self.size} · {self.root[:16]}"

    def text(self) -> str:
        """The whole head on one line, to write down or keep in a file."""
        at = f" at={self.at}" if self.at else ""
        return f"samjournal-head size={self.size} root={self.root}{at}"

    def to_json(self) -> dict[str, object]:
        return {"size": self.size, "root": self.root, "at": self.at}

    @classmethod
    def from_json(cls, raw: object) -> Head:
        """A head from a manifest, receipt or bundle; ValueError when it is not one."""
        if not isinstance(raw, dict):
            raise ValueError("not a head")
        size, root, at = raw.get("size"), raw.get("root"), raw.get("at", "")
        if (
            not isinstance(size, int)
            or isinstance(size, bool)
            or not 0 <= size < 2**63
            or not isinstance(root, str)
            or len(root) != 64
            or not _HEX.match(root)
            or not isinstance(at, str)
            or len(at) > 40
        ):
            raise ValueError("not a head")
        return cls(size, root, at)

    def matches(self, root: bytes) -> bool:
        """Whether `root` is this head's (a head written down may give only a prefix)."""
        return len(self.root) >= MIN_PREFIX and root.hex().startswith(self.root)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def printed(short: str, when: dt.datetime) -> str:
    """A head (`Head.short()`) as a report's footer prints it, with when (local time, as the
    header gives it, and its offset from UTC), so a head printed after a restore is never
    taken for one the restore lost (audit_forks.explains); `parse` reads it back."""
    return f"{short} · {when.astimezone():{PRINTED_TIME}}"


def printed_moment(text: str) -> dt.datetime | None:
    """A footer's time ("06.12.2026 21:40 +0100") as the latest moment it may mean, the end of
    its minute: taken any earlier, a head printed just after a restore could pass for one the
    restore lost."""
    try:
        taken = dt.datetime.strptime(" ".join(text.split()), PRINTED_TIME)
    except ValueError:
        return None
    return (taken + dt.timedelta(seconds=59)).astimezone(dt.UTC)


def moment(text: str) -> dt.datetime | None:
    """A head's `at` as a UTC time; None when it gives none."""
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


# -- the journal's own tree -------------------------------------------------------------------


def current(db: Database) -> Head:
    """The head of the log as it stands (the last event's stored root)."""
    last = db.first("SELECT seq, root FROM audit ORDER BY seq DESC LIMIT 1")
    if last is None:
        return Head(0, EMPTY_ROOT.hex(), now())
    root = last[1]
    if root is None:  # events from before the tree not filled in yet: computed, not stored
        chain = db.tuples("SELECT hash FROM audit ORDER BY seq")
        return Head(int(last[0]), audit_tree.root([leaf_of(str(r[0])) for r in chain]).hex(), now())
    return Head(int(last[0]), bytes(root).hex(), now())


def root_at(db: Database, size: int) -> bytes | None:
    """The stored root of the log at `size` events; None when the log is shorter."""
    if size == 0:
        return EMPTY_ROOT
    row = db.first("SELECT root FROM audit WHERE seq = ?", (size,))
    return None if row is None or row[0] is None else bytes(row[0])


def record_witness(db: Database, head: Head, source: str) -> None:
    """Keep a head that came back from outside (inside the caller's transaction)."""
    db.execute(
        "INSERT OR IGNORE INTO audit_witnesses (size, root, at, source, recorded_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (head.size, head.root, head.at, source, now()),
    )


def witnesses(db: Database) -> list[tuple[Head, str]]:
    rows = db.tuples("SELECT size, root, at, source FROM audit_witnesses ORDER BY size")
    return [(Head(int(r[0]), str(r[1]), str(r[2])), str(r[3])) for r in rows]


def newest_witness(db: Database) -> Head | None:
    row = db.first("SELECT size, root, at FROM audit_witnesses ORDER BY size DESC LIMIT 1")
    return None if row is None else Head(int(row[0]), str(row[1]), str(row[2]))


def problem(head: Head, size: int, root: bytes | None, what: str) -> Said | None:
    """Why a log of `size` events with `root` at the head's size does not extend `head` (by key;
    `what` names where the head came from, itself a Said where it is words)."""
    if head.size > size:
        return said("head_cut", what=what, had=head.size, has=size)
    if root is None or not head.matches(root):
        return said("head_not_extended", what=what, head=head.short(), size=head.size)
    return None


def stored_problems(db: Database, heads: list[tuple[Head, str]]) -> list[Said]:
    """Each head the stored tree does not extend (one lookup each: for every open)."""
    size = current_size(db)
    found = (problem(h, size, root_at(db, h.size), what) for h, what in heads)
    return [p for p in found if p is not None]


def current_size(db: Database) -> int:
    return int(db.scalar("SELECT coalesce(max(seq), 0) FROM audit"))


# -- witnesses from outside -------------------------------------------------------------------


def parse(text: str) -> Head:
    """A head as written: `samjournal audit head`'s line, or a report footer's short form."""
    full = _FULL.search(text)
    if full:
        return Head(int(full[1]), full[2].lower(), full[3] or "")
    short = _SHORT.search(text.strip())
    if short:
        taken = moment(short[3]) if short[3] else printed_moment(short[4] or "")
        return Head(int(short[1]), short[2].lower(), taken.isoformat() if taken else "")
    raise invalid("witness", "write_head_as_stands")


_ZIP_START = b"PK\x03\x04"  # a zip's first entry: how every backup begins


def read_witness(path: Path) -> tuple[str, bytes]:
    """What kind of witness the file is ("backup", "receipt" or "text") and its bytes."""
    try:
        if zipfile.is_zipfile(path):
            return "backup", b""
        with path.open("rb") as fh:
            data = fh.read(MAX_WITNESS_BYTES + 1)
    except ZIP_READ_ERRORS as exc:
        raise invalid("witness", "cannot_read", name=str(path.name)) from exc
    if data.startswith(_ZIP_START):  # a backup cut short: its end, the zip's index, is gone
        raise invalid("witness", "file_damaged_samjournal_backup")
    if len(data) > MAX_WITNESS_BYTES:
        raise invalid("witness", "too_large_head", name=str(path.name))
    try:
        outer = json.loads(data)
    except (ValueError, RecursionError):
        return "text", data
    return ("receipt", data) if isinstance(outer, dict) and "receipt" in outer else ("text", data)
