"""Read the journal and build the anonymised release of one study: rows, pseudonyms, versions.

Everything that leaves the journal is built here from a fixed list of columns: pseudonyms, the
opening month, day offsets, bands, categories, counts and rounded amounts. No name, identity
number, phone, note, description, purpose, voucher or place is ever read. SQLite computes the plain
columns of each row (every event time as whole local calendar days since the family's index date,
the day its case opened; rounded and top-coded amounts; categories checked against their lists)
and joins them into the row's CSV text; Python adds the pseudonyms and the check-in waves, keeps
the version of every row (bumped when its content changes) and writes nothing that needs CSV
quoting.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import struct
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from samjournal.evaluation.anonymise import (
    Generalised,
    Household,
    Summary,
    clean_district,
    generalise,
    round_nok,
)
from samjournal.evaluation.consent_gate import Gate, Left, gate
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.release_sql import FAMILY_STATUSES, enum, month, queries
from samjournal.evaluation.sql import tuples
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.store import Database

ENTITY_PREFIX = {
    "households": "h",
    "meetings": "m",
    "needs": "n",
    "payments": "p",
    "checkins": "c",
    "members": "r",
}


_BODIES: list[str] = []


def _body() -> str:
    """16 URL-safe base64 characters: 96 random bits. Made 16,384 at a time."""
    if not _BODIES:
        text = base64.urlsafe_b64encode(os.urandom(12 * 16384)).decode("ascii")
        _BODIES.extend([text[i : i + 16] for i in range(0, len(text), 16)])
    return _BODIES.pop()


def new_pseudonym(entity: str) -> str:
    """A prefix naming the table and 96 random bits: unique across journals in practice."""
    return ENTITY_PREFIX[entity] + _body()


CODES = {"households": 1, "meetings": 2, "needs": 3, "payments": 4, "checkins": 5, "members": 6}
TABLE_OF = {code: entity for entity, code in CODES.items()}
_COUNT = struct.Struct("<I")
_SEP = "\x1e"  # between stored contents; never inside a row (no control characters are)


def key(entity: str, entity_id: int) -> int:
    return CODES[entity] << 40 | entity_id


# A record's state: [pseudonym body, version, content last sent ("" for none), released now,
# changed now]. The content is the row as exported, without its pseudonyms and version.
Entry = list[Any]


@dataclass(slots=True)
class HouseholdState:
    """One household's pseudonyms, and the version and content of every row last sent."""

    row_id: int | None  # evaluation_households.id; None until saved
    family_id: int
    pseudonym: str
    records: dict[int, Entry]
    dirty: bool = False
    retired: bool = False

    def entry(self, entity: str, entity_id: int) -> Entry:
        k = CODES[entity] << 40 | entity_id
        found = self.records.get(k)
        if found is None:
            found = self.records[k] = [_body(), 0, "", False, False]
            self.dirty = True
        found[3] = True
        return found

    def pack(self) -> bytes:
        """n; n keys (code << 40 | row id, int64); n versions (uint32); n pseudonym bodies
        (16 ASCII characters); the n contents, UTF-8, separated by U+001E. Little-endian."""
        entries = list(self.records.values())
        return b"".join(
            (
                _COUNT.pack(len(entries)),
                _little(array("q", self.records)).tobytes(),
                _little(array("I", [e[1] for e in entries])).tobytes(),
                "".join([e[0] for e in entries]).encode("ascii"),
                _SEP.join([e[2] for e in entries]).encode("utf-8"),
            )
        )


def _little(numbers: array[int]) -> array[int]:
    """Stored little-endian whatever the machine (a backup may be restored elsewhere)."""
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def unpack(blob: bytes) -> dict[int, Entry]:
    (n,) = _COUNT.unpack_from(blob)
    keys, versions = array("q"), array("I")
    at = _COUNT.size
    keys.frombytes(blob[at : at + 8 * n])
    versions.frombytes(blob[at + 8 * n : at + 12 * n])
    _little(keys)
    _little(versions)
    bodies = blob[at + 12 * n : at + 28 * n].decode("ascii")
    contents = blob[at + 28 * n :].decode("utf-8").split(_SEP) if n else []
    if len(bodies) != 16 * n or len(contents) != n:
        raise ValueError("evaluation_households.records is damaged")
    return {
        k: [bodies[16 * i : 16 * i + 16], versions[i], contents[i], False, False]
        for i, k in enumerate(keys)
    }


class Registry:
    """Every live household of the study: what was sent, under which pseudonyms."""

    def __init__(self, db: Database, study_id: str) -> None:
        self.by_family: dict[int, HouseholdState] = {}
        for row_id, family_id, pseudonym, blob in tuples(
            db,
            "SELECT id, family_id, pseudonym, records FROM evaluation_households"
            " WHERE study_id = ? AND retired = 0",
            (study_id,),
        ):
            state = HouseholdState(row_id, family_id, pseudonym, unpack(blob))
            self.by_family[family_id] = state

    def household(self, family_id: int) -> HouseholdState:
        """The family's household (a new pseudonym if it has none), marked as released."""
        state = self.by_family.get(family_id)
        if state is None:
            state = HouseholdState(None, family_id, new_pseudonym("households"), {}, dirty=True)
            self.by_family[family_id] = state
        own = state.entry("households", family_id)
        own[0] = state.pseudonym[1:]
        return state


@dataclass(slots=True)
class Release:
    """The anonymised rows of every released table, versions assigned."""

    gate: Gate
    generalised: Generalised
    lines: dict[str, list[tuple[bool, str]]]  # table -> (changed since last export, CSV line)
    summary: Summary
    families_total: int
    household_of: dict[int, str] = field(default_factory=dict)  # family id -> pseudonym


def _version(
    state: HouseholdState, entry: Entry, head: str, rest: str, out: list[tuple[bool, str]]
) -> None:
    """Give the row its version (the next one if `rest`, its content, changed); keep its line."""
    if entry[2] != rest:
        entry[1] += 1
        entry[2] = rest
        entry[4] = True
        state.dirty = True
    out.append((entry[4], f"{head},{rest},{entry[1]}"))


def _emit(
    states: dict[int, HouseholdState],
    entity: str,
    rows: Iterable[tuple[int, int, str]],
    out: list[tuple[bool, str]],
    names: dict[int, str] | None = None,
) -> None:
    """Rows (family, record, rest of the line) of one table: pseudonyms, versions, lines.

    `_version` and `HouseholdState.entry` inlined: this runs for every row of a large journal.
    """
    prefix, base = ENTITY_PREFIX[entity], CODES[entity] << 40
    household_of, append, bodies = states.get, out.append, _BODIES
    for family_id, record_id, rest in rows:
        state = household_of(family_id)
        if state is None:
            continue
        records = state.records
        entry = records.get(base | record_id)
        if entry is None:
            body = bodies.pop() if bodies else _body()
            entry = records[base | record_id] = [body, 0, "", True, False]
            state.dirty = True
        else:
            entry[3] = True
        pseudonym = prefix + entry[0]
        if names is not None:
            names[record_id] = pseudonym
        # Both pseudonyms are fixed for the record: its content is the rest of the line.
        if entry[2] != rest:
            entry[1] += 1
            entry[2] = rest
            entry[4] = True
            state.dirty = True
        append((entry[4], f"{pseudonym},{state.pseudonym},{rest},{entry[1]}"))


def build_release(
    db: Database,
    study_id: str,
    policy: Policy,
    municipality: str,
    registry: Registry,
    *,
    today: dt.date | None = None,
) -> Release:
    rounding = policy.amount_rounding_nok
    amounts = {
        "rounding": rounding,
        "step": rounding * 100,
        "half": rounding * 50,
        "top": policy.amount_top_code_nok,
    }
    today = today or dt.date.today()
    place = clean_district(municipality or policy.municipality) or "kommune"
    consent = gate(db, study_id)
    sql = queries()
    families = {
        r[0]: r
        for r in tuples(
            db,
            f"SELECT id, {enum('status', FAMILY_STATUSES)}, district, {month('opened_on')},"
            f" {sql.closed_day}, budget_ore FROM families f WHERE deleted_at IS NULL",
        )
    }
    members: dict[int, list[tuple[int, int | None]]] = {}
    for family_id, is_child, birth_year in tuples(
        db, "SELECT family_id, is_child, birth_year FROM members WHERE deleted_at IS NULL"
    ):
        members.setdefault(family_id, []).append((is_child, birth_year))

    households = []
    for family_id in sorted(consent.eligible):
        people = members.get(family_id, [])
        district = families[family_id][2] if policy.district else ""
        if district and policy.districts and district not in policy.districts:
            district = ""
        households.append(
            Household(
                family_id=family_id,
                district=clean_district(district) if district else None,
                size=len(people),
                children=sum(1 for is_child, _ in people if is_child),
                adult_ages=tuple(
                    None if year is None else today.year - int(year)
                    for is_child, year in people
                    if not is_child
                ),
            )
        )
    general = generalise(
        households, k=policy.k, max_suppression=policy.max_suppression, municipality=place
    )
    left = dict(consent.left_out)
    if general.too_few:
        for family_id in consent.eligible:
            left[family_id] = Left.TOO_FEW
    summary = Summary()
    lines: dict[str, list[tuple[bool, str]]] = {name: [] for name in DATA_TABLES}
    release = Release(Gate(consent.eligible, left), general, lines, summary, len(families))

    # -- households ---------------------------------------------------------------------------
    states: dict[int, HouseholdState] = {}
    for family_id in sorted(general.released):
        own = states[family_id] = registry.household(family_id)
        release.household_of[family_id] = own.pseudonym
        _, status, _, opened, closed, budget_ore = families[family_id]
        budget, top = round_nok(
            int(budget_ore), policy.budget_rounding_nok, policy.budget_top_code_nok
        )
        summary.budgets_top_coded += top
        qi = ",".join(general.released[family_id])
        rest = f"{qi},{status},{opened},{closed},{budget},{top}"
        _version(own, own.entry("households", family_id), own.pseudonym, rest, lines["households"])
    if not states:
        return release
    tables = set(policy.tables)

    meeting_of: dict[int, str] = {}
    if "meetings" in tables:
        taking = {r[0]: f"{r[1]},{r[2]},{r[3]}" for r in tuples(db, sql.participants)}
        _emit(
            states,
            "meetings",
            (
                (family_id, meeting_id, f"{head},{taking.get(meeting_id, '0,0,0')},{next_month}")
                for meeting_id, family_id, head, next_month in tuples(db, sql.meetings)
            ),
            lines["meetings"],
            meeting_of,
        )

    need_of: dict[int, str] = {}
    category_of: dict[int, str] = {}
    if "needs" in tables or "payments" in tables:
        needs = tuples(db, sql.needs)
        category_of = {need_id: category for need_id, _, _, category, _, _ in needs}
        if "needs" in tables:
            _emit(
                states,
                "needs",
                (
                    (
                        family_id,
                        need_id,
                        f"{category},{tail},{meeting_of.get(meeting_id, '')},{days}",
                    )
                    for need_id, family_id, meeting_id, category, tail, days in needs
                ),
                lines["needs"],
                need_of,
            )

    if "payments" in tables:
        payments = tuples(db, sql.payments, amounts)
        released = [p[3] for p in payments if p[1] in states]
        summary.amounts, summary.amounts_top_coded = len(released), sum(released)
        # A payment shows the need it serves (if released) and that need's category.
        need_text = {n: f"{need_of.get(n, '')},{c}," for n, c in category_of.items()}
        _emit(
            states,
            "payments",
            (
                (family_id, payment_id, need_text.get(need_id, ",,") + tail)
                for payment_id, family_id, need_id, _, tail in payments
            ),
            lines["payments"],
        )

    if "checkins" in tables:
        out = lines["checkins"]
        checkins = [r for r in tuples(db, sql.checkins) if r[1] in states]
        wave = _waves(checkins)
        for checkin_id, family_id, member_id, is_child, day, scores in checkins:
            state = states[family_id]
            entry = state.entry("checkins", checkin_id)
            respondent = role = ""
            if member_id is not None:
                respondent = f"r{state.entry('members', member_id)[0]}"
                if family_id not in general.suppressed and is_child is not None:
                    role = "child" if is_child else "adult"
            rest = f"{day},{wave[family_id, day]},{respondent},{role},{scores}"
            _version(state, entry, f"c{entry[0]},{state.pseudonym}", rest, out)
    return release


def _waves(checkins: list[tuple[Any, ...]]) -> dict[tuple[int, int], int]:
    """(family, day) -> wave: 0 for a household's first day with a check-in (baseline), n for
    its n-th later one (follow-up n). By day, so members answering together share a wave."""
    days: dict[int, set[int]] = {}
    for _, family_id, _, _, day, _ in checkins:
        days.setdefault(family_id, set()).add(int(day))
    return {
        (family_id, day): n
        for family_id, found in days.items()
        for n, day in enumerate(sorted(found))
    }
