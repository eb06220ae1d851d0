"""Read the journal and build the anonymised release of one study: rows, pseudonyms, versions.

Everything that leaves the journal is built here from a fixed list of columns: pseudonyms, the
opening month, day offsets, bands, categories, counts and rounded amounts. No name, identity
number, phone, note, description, purpose, voucher or place is ever read. SQLite computes the plain
columns of each row (every event time as whole local calendar days since the family's index date,
the day its case opened; categories checked against their lists) and joins them into the row's
CSV text; Python adds the pseudonyms, the rounded and top-coded amounts (each distinct amount
rounded once) and the check-in waves, keeps the version of every row (bumped when its content
changes) and writes nothing that needs CSV quoting. The rows are read once per plan
(release_source.Source), whatever levels the release is built at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from samjournal.evaluation.anonymise import (
    Generalised,
    Household,
    Node,
    Summary,
    budget_step,
    clean_district,
    generalise,
    need_category_at,
    round_nok,
)
from samjournal.evaluation.consent_gate import Gate, Left
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.release_source import Source
from samjournal.evaluation.release_state import (
    ENTITY_PREFIX,
    HouseholdState,
    RecordKey,
    Registry,
    Sent,
    body,
    record_key,
)
from samjournal.evaluation.tables import AREA_WORD, DATA_TABLES, SUPPRESSED
from samjournal.store import Database

__all__ = ["ENTITY_PREFIX", "Line", "Release", "build_release", "household_node", "starred"]


@dataclass(slots=True)
class Line:
    """One released row: whose it is and its state (its pseudonyms are made when its CSV line
    is, as most lines a levels search builds are never written)."""

    state: HouseholdState
    key: RecordKey
    sent: Sent
    prefix: str  # its table's pseudonym prefix; "" for the household's own row

    def text(self) -> str:
        """The CSV line: the row's pseudonym (and its household's, for an event row), its
        content and version."""
        sent = self.sent
        if self.prefix:
            return f"{self.prefix}{sent.body},{self.state.pseudonym},{sent.content},{sent.version}"
        return f"{self.state.pseudonym},{sent.content},{sent.version}"


@dataclass(slots=True)
class Release:
    """The anonymised rows of every released table, versions assigned."""

    gate: Gate
    generalised: Generalised
    lines: dict[str, list[Line]]  # table -> its rows
    summary: Summary
    families_total: int  # live and deleted (not yet purged): consented + left out
    household_of: dict[int, str] = field(default_factory=dict)  # family id -> pseudonym
    opened: dict[int, dt.date] = field(default_factory=dict)  # family id -> index date
    # Every live family's index date, released or not (those that left the study too).
    opened_all: dict[int, dt.date] = field(default_factory=dict)
    # The role each check-in of a suppressed household shows as "*" (check-in id -> "adult",
    # "child" or ""): where the check holds back its household's change to starred, the
    # check-in keeps it (release_check._roles_as_held).
    hidden_roles: dict[int, str] = field(default_factory=dict)


def _emit(
    states: dict[int, HouseholdState],
    entity: str,
    rows: Iterable[tuple[int, int, str]],
    out: list[Line],
    names: dict[int, str] | None = None,
) -> None:
    """Rows (family, record, rest of the line) of one table: pseudonyms, versions, lines. The
    export's hot loop (every row): `HouseholdState.entry` and `Sent.update` written out."""
    prefix = ENTITY_PREFIX[entity]
    household_of, append, key_of = states.get, out.append, record_key
    for family_id, record_id, rest in rows:
        state = household_of(family_id)
        if state is None:
            continue
        key = key_of((entity, record_id))
        records = state.records
        sent = records.get(key)
        if sent is None:  # never released: its first version (what `update` makes of it)
            sent = records[key] = _first(rest)
            state.dirty = True
        else:
            sent.released = True
            if sent.content != rest:
                sent.update(rest)
                state.dirty = True
        if names is not None:
            names[record_id] = prefix + sent.body
        append(Line(state, key, sent, prefix))


def _first(content: str) -> Sent:
    """A record never released, released now with `content`: `Sent(body())` updated."""
    if not content:
        return Sent(body(), released=True)
    return Sent(body(), 1, content, True, True, (0, ""))


def build_release(
    db: Database,
    study_id: str,
    policy: Policy,
    municipality: str,
    registry: Registry,
    *,
    node: Node = (0, 0, 0, 0, 0, 0, 0),
    categories: int = 0,
    today: dt.date | None = None,
    source: Source | None = None,
) -> Release:
    """The release under `policy` (its rounding and top codes as the study's levels set them),
    households generalised no finer than `node`, need categories at level `categories`
    (anonymise.CATEGORY_LEVELS); `source`: the plan's reads, if it has them (made in the same
    transaction)."""
    source = source or Source(db, study_id)
    place = _place(policy, municipality)
    consent = source.gate()
    families, households = _households(source, policy, today or dt.date.today())
    general = generalise(
        households,
        k=policy.k,
        max_suppression=policy.max_suppression,
        municipality=place,
        floor=node,
        memo=source.memo,
        starred_before=_starred_before(registry),
    )
    left = dict(consent.left_out)
    if general.too_few:
        for family_id in consent.eligible:
            left[family_id] = Left.TOO_FEW
    summary = Summary()
    lines: dict[str, list[Line]] = {name: [] for name in DATA_TABLES}
    # Every family the journal holds, deleted ones too: each is consented or left out for a
    # reason, so the report's figures add up.
    held = len(families) + sum(1 for reason in left.values() if reason is Left.ERASED)
    release = Release(Gate(consent.eligible, left), general, lines, summary, held)
    release.opened_all = {
        family_id: dt.date.fromisoformat(str(row[3])[:10]) for family_id, row in families.items()
    }

    # -- households ---------------------------------------------------------------------------
    states: dict[int, HouseholdState] = {}
    for family_id in sorted(general.released):
        own = states[family_id] = registry.household(family_id)
        release.household_of[family_id] = own.pseudonym
        release.opened[family_id] = release.opened_all[family_id]
        # A suppressed household's closing day would tell closed from open in the starred class:
        # starred, open or closed alike (empty would read as "not closed": evaluator review).
        closed = SUPPRESSED if family_id in general.suppressed else families[family_id][4]
        area, size, children, ages, opened, status, budget = general.released[family_id]
        # Flagged when the frame shown is the cap: a function of the value released (the
        # frame at the node's level), so it says nothing the value does not. Taken from the
        # study's finer rounding, it flagged frames shown below the cap, and missed some at it.
        top = int(int(budget) >= policy.budget_top_code_nok)
        summary.budgets_top_coded += top
        rest = f"{area},{size},{children},{ages},{status},{opened},{closed},{budget},{top}"
        key = RecordKey("households", family_id)
        sent = own.entry(*key)
        if sent.update(rest):
            own.dirty = True
        lines["households"].append(Line(own, key, sent, ""))
    if not states:
        return release
    tables = set(policy.tables)

    meeting_of: dict[int, str] = {}
    if "meetings" in tables:
        taking = source.participants()
        _emit(
            states,
            "meetings",
            (
                (family_id, meeting_id, f"{head},{taking.get(meeting_id, '0,0,0')},{next_month}")
                for meeting_id, family_id, head, next_month in source.meetings()
            ),
            lines["meetings"],
            meeting_of,
        )

    need_of: dict[int, str] = {}
    category_of: dict[int, str] = {}
    if "needs" in tables or "payments" in tables:
        needs = source.needs()
        shown = {c: need_category_at(c, categories) for c in {n[3] for n in needs}}
        category_of = {need_id: shown[category] for need_id, _, _, category, _, _ in needs}
        if "needs" in tables:
            _emit(
                states,
                "needs",
                (
                    (
                        family_id,
                        need_id,
                        f"{category_of[need_id]},{tail},{meeting_of.get(meeting_id, '')},{days}",
                    )
                    for need_id, family_id, meeting_id, _, tail, days in needs
                ),
                lines["needs"],
                need_of,
            )

    if "payments" in tables:
        payments = source.payments()
        # Each distinct amount (few: amounts are round sums) rounded once: its text and
        # whether it is top-coded.
        rounded: dict[int, tuple[str, int]] = {}
        for ore in {p[3] for p in payments}:
            nok, top = round_nok(ore, policy.amount_rounding_nok, policy.amount_top_code_nok)
            rounded[ore] = f"{nok},{top},", top
        # As built: release_check counts them again over what the check lets go.
        released = [rounded[p[3]][1] for p in payments if p[1] in states]
        summary.amounts, summary.amounts_top_coded = len(released), sum(released)
        # A payment shows the need it serves (if released) and that need's category.
        need_text = {n: f"{need_of.get(n, '')},{c}," for n, c in category_of.items()}
        _emit(
            states,
            "payments",
            (
                (family_id, payment_id, need_text.get(need_id, ",,") + rounded[ore][0] + tail)
                for payment_id, family_id, need_id, ore, _, tail in payments
            ),
            lines["payments"],
        )

    if "checkins" in tables:
        checkins = [r for r in source.checkins() if r[1] in states]
        wave = _waves(checkins)
        release.hidden_roles = {
            checkin_id: _role(is_child)
            for checkin_id, family_id, member_id, is_child, _, _ in checkins
            if member_id is not None and family_id in general.suppressed
        }
        _emit(
            states,
            "checkins",
            (
                (
                    family_id,
                    checkin_id,
                    f"{day},{wave[family_id, day]},"
                    f"{_respondent(states[family_id], member_id, is_child, general)},{scores}",
                )
                for checkin_id, family_id, member_id, is_child, day, scores in checkins
            ),
            lines["checkins"],
        )
    return release


def _respondent(
    state: HouseholdState, member_id: int | None, is_child: int | None, general: Generalised
) -> str:
    """A check-in's respondent fields: the member's pseudonym and role (adult or child, starred
    when the household's fields are suppressed, blank when not recorded), or blank when no
    member answered."""
    if member_id is None:
        return ","
    role = SUPPRESSED if state.family_id in general.suppressed else _role(is_child)
    return f"r{state.entry('members', member_id).body},{role}"


def _role(is_child: int | None) -> str:
    return "" if is_child is None else "child" if is_child else "adult"


def starred(content: str) -> bool:
    """Whether a household's own row (its content) is suppressed: its fields are starred, its
    area first (its closing day too, in rows made since 2026-12-07)."""
    return content.partition(",")[0] == SUPPRESSED


def _households(
    source: Source, policy: Policy, today: dt.date
) -> tuple[dict[int, tuple[Any, ...]], list[Household]]:
    """(family rows by id, the consented households' quasi-identifiers)."""
    families, members = source.families(), source.members()
    households = []
    for family_id in sorted(source.gate().eligible):
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
                opened=dt.date.fromisoformat(str(families[family_id][3])[:10]),
                status=str(families[family_id][1]),
                budget=_budgets(int(families[family_id][5]), policy),
            )
        )
    return families, households


def household_node(
    db: Database,
    study_id: str,
    policy: Policy,
    municipality: str,
    source: Source | None = None,
) -> Node:
    """The node `build_release` would pick for the household fields with no floor (the
    study's levels search starts its calendar from it); `source`: the plan's reads, if the
    caller has them (made in the same transaction)."""
    source = source or Source(db, study_id)
    _, households = _households(source, policy, dt.date.today())
    return generalise(
        households,
        k=policy.k,
        max_suppression=policy.max_suppression,
        municipality=_place(policy, municipality),
        memo=source.memo,
    ).node


def _place(policy: Policy, municipality: str) -> str:
    """A household's area at the municipality level: the journal's municipality, else the
    study's, else the word for it (the evaluator's site column names the journal's)."""
    return clean_district(municipality or policy.municipality) or AREA_WORD


def _starred_before(registry: Registry) -> frozenset[int]:
    """The families whose household row was last sent starred."""
    found = set()
    for family_id, state in registry.by_family.items():
        own = state.records.get(RecordKey("households", family_id))
        if own is not None and starred(own.sent_content):
            found.add(family_id)
    return frozenset(found)


def _budgets(ore: int, policy: Policy) -> tuple[str, str, str]:
    """The budget frame at each level of its hierarchy (anonymise.BUDGET_LEVELS), top-coded."""
    top, rounding = policy.budget_top_code_nok, policy.budget_rounding_nok
    first, second, third = (
        str(round_nok(ore, budget_step(rounding, level), top)[0]) for level in range(3)
    )
    return first, second, third


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
