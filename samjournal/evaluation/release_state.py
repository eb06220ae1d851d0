"""What a journal has released to a study, per household, as typed rows.

Each household of a study has one row in `evaluation_households`: its pseudonym, whether it left
the study (retired), and a packed blob with, per record ever sent, the record's pseudonym, the
version and the content last sent; the household's footprint, every item an attacker holding all
bundles can read off its released rows (samjournal.evaluation.attacker); the true items of
versions sent and since replaced, which the evaluator keeps in older bundles; and the latest day
the check takes its index date to be (the bundles' dates). A household that left keeps its row,
so its footprint still counts: the evaluator kept the old bundles.

In memory a record's state is a `Sent` (slots), keyed by `RecordKey(table, record id)`; the
integer packing of keys lives in `pack` and `unpack` alone.
"""

from __future__ import annotations

import base64
import functools
import os
import struct
import sys
from array import array
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple, cast

from samjournal.evaluation.sql import tuples
from samjournal.store import Database

ENTITY_PREFIX = {
    "households": "h",
    "meetings": "m",
    "needs": "n",
    "payments": "p",
    "checkins": "c",
    "members": "r",
}
# Table codes of the packed keys (code << 40 | record id); stored, so never renumbered.
CODES = {"households": 1, "meetings": 2, "needs": 3, "payments": 4, "checkins": 5, "members": 6}
TABLE_OF = {code: entity for entity, code in CODES.items()}
_SHIFT = 40
_COUNT = struct.Struct("<I")
# Between stored contents and between footprint items: never inside a row or an item (none
# holds a control character).
SEP = "\x1e"
# A blob that starts with one of these (impossible counts) carries the footprint first: with the
# second, then the true items of replaced versions; with the third, the one written, the latest
# index date before them (the others, written by earlier versions, are still read).
_WITH_FOOTPRINT = b"\xff\xff\xff\xff"
_WITH_SUPERSEDED = b"\xfe\xff\xff\xff"
_WITH_STATE = b"\xfd\xff\xff\xff"

_BODIES: list[str] = []


def body() -> str:
    """16 URL-safe base64 characters: 96 random bits. Made 16,384 at a time."""
    if not _BODIES:
        text = base64.urlsafe_b64encode(os.urandom(12 * 16384)).decode("ascii")
        _BODIES.extend([text[i : i + 16] for i in range(0, len(text), 16)])
    return _BODIES.pop()


def new_pseudonym(entity: str) -> str:
    """A prefix naming the table and 96 random bits: unique across journals in practice."""
    return ENTITY_PREFIX[entity] + body()


class RecordKey(NamedTuple):
    table: str
    record_id: int


# A RecordKey made in C, without NamedTuple's Python-level __new__ (the export makes one per row).
record_key = cast(
    Callable[[tuple[str, int]], RecordKey], functools.partial(tuple.__new__, RecordKey)
)


@dataclass(slots=True)
class Sent:
    """One record's release state. `content` is the row as exported, without its pseudonyms
    and version (for a record never sent, version 0, the row last offered and held back: it
    waits while unchanged). `before` holds (version, content) as they were before this export
    changed them, so a row held back is put back as it was."""

    body: str  # the pseudonym without its table prefix
    version: int = 0  # 0: never sent
    content: str = ""
    released: bool = False  # in this export's release
    changed: bool = False  # its version went up in this export
    before: tuple[int, str] | None = None

    @property
    def sent_version(self) -> int:
        """The version the evaluator holds from earlier bundles (0: none)."""
        return self.before[0] if self.before is not None else self.version

    @property
    def sent_content(self) -> str:
        """The content the evaluator holds from earlier bundles ("": none)."""
        if self.before is not None:
            return self.before[1] if self.before[0] else ""
        return self.content if self.version else ""

    def update(self, content: str) -> bool:
        """Give the record `content`; True (and the next version) if it differs."""
        if self.content == content:
            return False
        if self.before is None:
            self.before = (self.version, self.content)
        self.version += 1
        self.content = content
        self.changed = True
        return True

    def hold_back(self) -> bool:
        """Not sent in this export after all: the version and content last sent stay, but a
        record never sent keeps the content offered, so the next export knows it waits (same
        content) or changed. True if that content differs from what it held before."""
        moved = False
        if self.before is not None:
            version, content = self.before
            if version:
                self.version, self.content = version, content
            else:
                self.version = 0
                moved = content != self.content
            self.before = None
        self.changed = False
        return moved

    def relabel(self, content: str) -> None:
        """Give the version this export offers `content` instead, after the check (a row the
        check let go, new or changed): no change at all if it is the content sent before."""
        if self.before is None or not self.version:
            return  # unchanged in this export, or held back
        version, sent = self.before
        if version and content == sent:
            self.version, self.content, self.before, self.changed = version, sent, None, False
        else:
            self.content = content

    def send(self) -> None:
        """A waiting record is sent after all: its first version (held back, it waits again)."""
        self.before = (0, self.content)
        self.version = 1
        self.changed = True


@dataclass(slots=True)
class HouseholdState:
    """One household's pseudonyms, and the version and content of every row last sent."""

    row_id: int | None  # evaluation_households.id; None until saved
    family_id: int
    pseudonym: str
    records: dict[RecordKey, Sent]
    footprint: set[str] = field(default_factory=set)  # every item ever released
    # True items of versions sent and since replaced: an attacker holding the older bundles may
    # know them, so they stay in the household's truth (release_check.check_release).
    superseded: set[str] = field(default_factory=set)
    # The latest the release check takes its index date to be (attacker.py: the bundles'
    # dates), as an ordinal: fixed when first released; 0 until then.
    latest: int = 0
    dirty: bool = False
    retired: bool = False
    stored: int = 0  # records as read from the journal (none for a new household)

    def as_stored(self) -> bool:
        """Whether the household is as the journal holds it, whatever happened to it in this
        export: no record added, every change held back (so its row need not be written)."""
        return (
            self.row_id is not None
            and len(self.records) == self.stored
            and not any(sent.changed for sent in self.records.values())
        )

    def entry(self, table: str, record_id: int) -> Sent:
        key = RecordKey(table, record_id)
        found = self.records.get(key)
        if found is None:
            found = self.records[key] = Sent(body())
            self.dirty = True
        found.released = True
        return found

    @property
    def sent_before(self) -> bool:
        """Whether the evaluator has this household from an earlier bundle."""
        own = self.records.get(RecordKey("households", self.family_id))
        return own is not None and own.sent_version > 0

    def pack(self) -> bytes:
        """The marker; the latest index date (uint32); the footprint's length (uint32) and
        items (UTF-8, separated by U+001E, in no order: a set, and sorting 800,000 items cost
        half of packing 2,000 households); the superseded true items, alike; then n; n keys
        (code << 40 | row id, int64); n versions (uint32); n pseudonym bodies (16 ASCII
        characters); the n contents, UTF-8, separated by U+001E. Little-endian."""
        entries = list(self.records.values())
        items = SEP.join(self.footprint).encode("utf-8")
        superseded = SEP.join(self.superseded).encode("utf-8")
        keys = array("q", [CODES[table] << _SHIFT | record for table, record in self.records])
        return b"".join(
            (
                _WITH_STATE,
                _COUNT.pack(self.latest),
                _COUNT.pack(len(items)),
                items,
                _COUNT.pack(len(superseded)),
                superseded,
                _COUNT.pack(len(entries)),
                _little(keys).tobytes(),
                _little(array("I", [e.version for e in entries])).tobytes(),
                "".join([e.body for e in entries]).encode("ascii"),
                SEP.join([e.content for e in entries]).encode("utf-8"),
            )
        )


def _little(numbers: array[int]) -> array[int]:
    """Stored little-endian whatever the machine (a backup may be restored elsewhere)."""
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


class Packed(NamedTuple):
    records: dict[RecordKey, Sent]
    footprint: set[str]
    superseded: set[str]
    latest: int


def _items(blob: bytes, at: int) -> tuple[set[str], int]:
    """A length-prefixed set of items at `at`, and where what follows it starts."""
    (size,) = _COUNT.unpack_from(blob, at)
    text = blob[at + 4 : at + 4 + size].decode("utf-8")
    return (set(text.split(SEP)) if text else set()), at + 4 + size


def unpack(blob: bytes) -> Packed:
    """A household's state from a packed blob; blobs written before footprints, or before
    the latest index date and superseded items, have none (latest 0)."""
    footprint: set[str] = set()
    superseded: set[str] = set()
    latest = 0
    if blob.startswith(_WITH_STATE):
        (latest,) = _COUNT.unpack_from(blob, 4)
        footprint, at = _items(blob, 8)
        superseded, at = _items(blob, at)
        blob = blob[at:]
    elif blob.startswith(_WITH_SUPERSEDED):
        footprint, at = _items(blob, 4)
        superseded, at = _items(blob, at)
        blob = blob[at:]
    elif blob.startswith(_WITH_FOOTPRINT):
        footprint, at = _items(blob, 4)
        blob = blob[at:]
    (n,) = _COUNT.unpack_from(blob)
    keys, versions = array("q"), array("I")
    at = _COUNT.size
    keys.frombytes(blob[at : at + 8 * n])
    versions.frombytes(blob[at + 8 * n : at + 12 * n])
    _little(keys)
    _little(versions)
    bodies = blob[at + 12 * n : at + 28 * n].decode("ascii")
    contents = blob[at + 28 * n :].decode("utf-8").split(SEP) if n else []
    if len(bodies) != 16 * n or len(contents) != n:
        raise ValueError("evaluation_households.records is damaged")
    # Every later export unpacks every household (180,000 records at 2,000 households): keys
    # made in C (`record_key`), and the records zipped, not indexed one by one.
    mask, table_of = (1 << _SHIFT) - 1, TABLE_OF
    records = dict(
        zip(
            [record_key((table_of[k >> _SHIFT], k & mask)) for k in keys],
            map(Sent, [bodies[i : i + 16] for i in range(0, 16 * n, 16)], versions, contents),
            strict=True,
        )
    )
    return Packed(records, footprint, superseded, latest)


class Registry:
    """Every household of the study: what was sent, under which pseudonyms. Live households by
    family; those that left the study only for their footprints."""

    def __init__(self, db: Database, study_id: str) -> None:
        self.by_family: dict[int, HouseholdState] = {}
        # Households that left, by family: the pseudonym and footprint it last left with (a
        # family that left twice, or came back, had a new pseudonym each time; see `union`).
        self.retired: dict[int, tuple[str, frozenset[str]]] = {}
        # The tightest latest index date a family's households that left were released with
        # (0: one left before it was kept): a family that comes back is bound by it too.
        self.retired_latest: dict[int, int] = {}
        for row_id, family_id, pseudonym, blob, retired in tuples(
            db,
            "SELECT id, family_id, pseudonym, records, retired FROM evaluation_households"
            " WHERE study_id = ? ORDER BY id",
            (study_id,),
        ):
            records, footprint, superseded, latest = unpack(blob)
            if retired:
                self.retired[family_id] = (pseudonym, frozenset(footprint))
                self.retired_latest[family_id] = min(
                    latest, self.retired_latest.get(family_id, latest)
                )
                continue
            self.by_family[family_id] = HouseholdState(
                row_id,
                family_id,
                pseudonym,
                records,
                footprint,
                superseded,
                latest,
                stored=len(records),
            )

    def union(self, releasing: AbstractSet[str]) -> dict[str, frozenset[str]]:
        """The footprints an attacker holding every bundle also sees, besides the households
        `releasing` (pseudonyms) this export: those leaving now, and those that left before.
        One per family: a family is one household to k however many pseudonyms it had (an
        attacker may link them: a family that comes back brings the same fields and rows). Its
        live household stands for it while it has one, else the one it last left with; either
        holds no more sets than the family did, so supports are never counted high."""
        found = {
            pseudonym: footprint
            for family_id, (pseudonym, footprint) in self.retired.items()
            if family_id not in self.by_family
        }
        for state in self.by_family.values():
            if state.pseudonym not in releasing and state.footprint:
                found[state.pseudonym] = frozenset(state.footprint)  # leaving now: kept
        return found

    def household(self, family_id: int) -> HouseholdState:
        """The family's household (a new pseudonym if it has none), marked as released."""
        state = self.by_family.get(family_id)
        if state is None:
            state = HouseholdState(None, family_id, new_pseudonym("households"), {}, dirty=True)
            self.by_family[family_id] = state
        own = state.entry("households", family_id)
        own.body = state.pseudonym[1:]
        return state
