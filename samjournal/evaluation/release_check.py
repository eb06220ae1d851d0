"""Check a release against the attacker model over everything the study ever received, and hold
back what would break it (samjournal.evaluation.attacker states the model, km counts).

Each released row is read back as the evaluator will read it (its CSV fields), its items derived,
and every household's footprint is what it had before (kept in the release state) plus this
export's rows. Rows new or changed in this export are the only ones that can still be held back;
a household never released before can wait whole. A row held back keeps the content offered
(version 0); offered again unchanged it waits, and km tries it after the rest, bottom-up.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import cast

from samjournal.context import utcnow
from samjournal.evaluation.bundle import smallest_class
from samjournal.evaluation.bundle_names import derived_key
from samjournal.evaluation.km import Candidate, Outcome, Unit, protect
from samjournal.evaluation.levels import Levels
from samjournal.evaluation.opening_month import Exposure, Seen, lift, singled_out
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.release import Line, Release, build_release, starred
from samjournal.evaluation.release_items import (
    _bounds,
    _bounds_of,
    _cuts,
    _event_items,
    _fields,
    _last_day,
    _latest,
    _refit,
    _row_days,
    _span,
    both_items,
    row_items,
)
from samjournal.evaluation.release_source import Source
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Registry
from samjournal.evaluation.risk import Protection, TableRows
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.store import Database

_RANDOM = secrets.SystemRandom()  # a lifted bound's day, for a household without a rank


@dataclass(frozen=True, slots=True)
class Checked:
    outcome: Outcome
    rows_offered: int  # rows checked: new or changed, or held back before and offered again
    rows_held: int
    households_held: int
    fields_generalised: int  # household cells released coarser than exact
    rows_of_households_held: int = 0  # rows offered by new households held back whole
    rows_by_table: dict[str, TableRows] = field(default_factory=dict)  # after this export
    lifted: tuple[int, ...] = ()  # days each bound lifted for the opening month moved

    @property
    def held_share(self) -> float:
        """Share of the rows checked that wait, those of households held whole included (the
        levels search's measure: in a first bundle, every row is checked)."""
        held = self.rows_held + self.rows_of_households_held
        return held / self.rows_offered if self.rows_offered else 0.0


@dataclass(slots=True)
class _Offer:
    """What the check is given: each household's candidate, and what it keeps to write after."""

    early: set[str]  # new households held back whole before the check
    candidates: list[Candidate] = field(default_factory=list)
    waiting: list[tuple[Candidate, Unit]] = field(default_factory=list)  # held before, unchanged
    replacing: list[tuple[Candidate, Unit, tuple[str, ...]]] = field(default_factory=list)
    capped: list[tuple[HouseholdState, int]] = field(default_factory=list)  # given a bound
    lifted: dict[str, int] = field(default_factory=dict)  # days each lifted bound moved
    offered: int = 0  # rows offered: new or changed, or held back before


def _offer(
    by_household: dict[str, dict[str, list[Line]]],
    release: Release,
    registry: Registry,
    tables: tuple[str, ...],
    day: int,
    floor: dt.date | None,
    bounds_of: dict[str, int],
    lifted: dict[str, int],
    wait: AbstractSet[str],
    newly: set[str],
) -> _Offer:
    """The check's candidates, a household's bound lifted where `lifted` says (its rows that
    would cut it late); of those in `wait`, a new household held whole, the changed row of one
    sent before held back; `newly` gets the households whose state changed here (a bound taken
    at the true day), to be written. `bounds_of`: each new household's bound as its rows give
    it (`_as_seen`)."""
    offer = _Offer(early=set())
    capped, candidates = offer.capped, offer.candidates
    waiting, replacing, early = offer.waiting, offer.replacing, offer.early
    offered = 0
    for pseudonym, owned in by_household.items():
        state = next(iter(owned.values()))[0].state
        if pseudonym in wait and not state.footprint:  # offered, held whole (counted so)
            early.add(pseudonym)
            offered += sum(line.sent.changed for lines in owned.values() for line in lines)
            continue
        stays = pseudonym in wait  # its own row's change waits (opening_month.lift)
        opened = release.opened[state.family_id]
        rows = {t: 0 for t in tables}
        own = state.records[RecordKey("households", state.family_id)]
        if not state.latest and state.footprint:
            # Released before its bound was kept (an older version, or a handover without it):
            # its index date is taken at its true day, and its footprint read again so.
            state.latest = opened.toordinal()
            bounds = _bounds(state.footprint, own.content, opened, floor)
            state.footprint = _refit(state, bounds)
            state.dirty = True
            newly.add(pseudonym)
        fixed = set(state.footprint)
        fixed_true: set[str] = set()
        units: list[Unit] = []
        # A household with nothing new whose footprint is kept: its rows give nothing to check
        # but their number (footprints only grow, so every set checked before still holds).
        # A row never sent and not changed now (version 0) waits: it is something to check.
        quiet = bool(state.footprint) and not any(
            line.sent.changed or not line.sent.version for lines in owned.values() for line in lines
        )
        if quiet:
            for table, lines in owned.items():
                if table != "households":
                    n = sum(1 for line in lines if line.sent.sent_version != 0)
                    if n:
                        rows[table] = rows.get(table, 0) + n
            new = not state.sent_before
            candidates.append(Candidate(pseudonym, fixed, fixed_true, rows, units, new=new))
            continue
        # The latest its index date can be (attacker.py: the bundles' dates): fixed when the
        # household is first released; a row that would move it earlier waits. A family that
        # left and came back keeps the bound it left with, when tighter (an attacker links it).
        latest = state.latest
        cuts = bool(latest)  # whether a row offered may cut it (not one taken from them)
        if not latest:
            latest = bounds_of[pseudonym]
            left_with = registry.retired_latest.get(state.family_id)
            if left_with is not None and (left_with or opened.toordinal()) < latest:
                latest, cuts = left_with or opened.toordinal(), True
            elif pseudonym in lifted and lifted[pseudonym] > latest:
                offer.lifted[pseudonym] = lifted[pseudonym] - latest
                latest, cuts = lifted[pseudonym], True
            capped.append((state, latest))
        bounds = _bounds(state.footprint, own.content, dt.date.fromordinal(latest), floor)
        span, last = _span(bounds)
        edge = latest if last is None else last  # the window's last day
        if cuts and not state.sent_before and _cuts("households", own.content, day, edge):
            early.add(pseudonym)  # its closing day is too recent: it waits whole
            offered += sum(line.sent.changed for lines in owned.values() for line in lines)
            continue
        day0 = opened.toordinal()
        sent_items: list[tuple[str, ...]] = []  # of rows sent before, unchanged
        # True items of what the evaluator keeps whatever this export does: rows sent before,
        # unchanged; the versions a change replaces, held back or not (older bundles keep
        # them); and versions replaced by earlier exports.
        sent_true: list[tuple[str, ...]] = [tuple(state.superseded)]
        replaced: list[tuple[Unit, tuple[str, ...]]] = []  # changes, with the true items kept
        for table, lines in owned.items():
            own_row = table == "households"
            if own_row:
                pairs = [both_items(table, line.sent.content, bounds, opened) for line in lines]
            else:
                pairs = _event_items(table, [line.sent.content for line in lines], span, last, day0)
            sent_before = 0  # rows of the table the evaluator has whatever this export does
            for line, (items, true) in zip(lines, pairs, strict=True):
                sent = line.sent
                before = sent.before  # Sent.sent_version, read inline (every row)
                new_row = (sent.version if before is None else before[0]) == 0
                if not own_row:
                    sent_before += not new_row
                if sent.changed or not sent.version:
                    # Not changed: held back before, offered unchanged, it waits. Either way a
                    # row whose day would cut its household's window is late.
                    late = (cuts and _cuts(table, sent.content, day, edge)) or (own_row and stays)
                    waits = not sent.changed and not late
                    new_row = new_row if sent.changed else True
                    unit = Unit(line.key, table, items, true, new_row, own_row, line, waits, late)
                    units.append(unit)
                    if sent.changed and before is not None and before[0]:  # the evaluator's
                        old = both_items(table, before[1], bounds, opened)[1]
                        sent_true.append(old)
                        replaced.append((unit, old))
                else:
                    sent_items.append(items)
                    sent_true.append(true)
            if sent_before:
                rows[table] = rows.get(table, 0) + sent_before
        fixed.update(*sent_items)
        fixed_true.update(*sent_true)
        offered += len(units)
        new = not state.sent_before
        candidates.append(Candidate(pseudonym, fixed, fixed_true, rows, units, new=new))
        waiting += [(candidates[-1], unit) for unit in units if unit.waiting]
        replacing += [(candidates[-1], unit, old) for unit, old in replaced]
    offer.offered = offered
    return offer


def check_release(
    release: Release,
    registry: Registry,
    k: int,
    m: int,
    tables: tuple[str, ...],
    today: dt.date | None = None,
    draw_key: bytes | None = None,
) -> Checked:
    """Hold back rows and households of `release` until the union of all bundles holds the
    model; the states of held rows are put back as last sent; footprints are updated. A row
    with a day that cannot come after the bundle's date (`today`, local) waits while it would
    date its household's index date earlier than its window's last day (`_latest`); a new
    household whose own row must wait waits whole. The month a case opened keeps k candidates
    too: new households' bounds are lifted, or they wait (opening_month.lift). Households sent
    shown turn starred k at a time, or wait shown, their check-ins' roles with them.
    `draw_key`: the journal's secret for the lift's choices (`draw_key()`), so that one journal
    state gives one release (a preview is what the export after it sends); random without."""
    # Each household's lines by table; households in the order they first appear (protect
    # checks them in this order, and the order decides what is held back).
    by_household: dict[str, dict[str, list[Line]]] = {}
    for table, lines in release.lines.items():
        for line in lines:
            pseudonym = line.state.pseudonym
            owned = by_household.get(pseudonym)
            if owned is None:
                owned = by_household[pseudonym] = {}
            found = owned.get(table)
            if found is None:
                owned[table] = [line]
            else:
                found.append(line)
    day = (today or utcnow().astimezone().date()).toordinal()  # the bundle's (local) date
    # Every window's first day: the journal's earliest case opened (an attacker knows when the
    # journal came into use, which is no later), live families that left the study included,
    # so that no household's window starts after its own case opened.
    floor = min(release.opened_all.values(), default=None)
    # Bounds lifted, and new households held whole, so that the month a case opened does not
    # single one out (opening_month.lift); again without the households the check held whole
    # where they counted (at most twice more: it rarely holds one the lift counted on).
    seen, bounds_of = _as_seen(
        by_household, registry, release, day, floor, draw_key or secrets.token_bytes(32)
    )
    draws: dict[str, float] = {}
    lifted, wait = _lift(seen, k, set(), day, draws)
    newly: set[str] = set()  # households whose state is to be written
    # Households sent shown whose rows turn starred now (in practice: a case closed since). The
    # version that turns dates the change between two bundles, so to one who knows the month a
    # case closed, the few that turn in a bundle are its candidates (outside review s21: 3-5
    # households of a 200-family demo singled out): they turn at least k at a time, or wait.
    turning = _turning(by_household)
    stay: set[str] = set()  # those that wait, shown: `turning` once fewer than k would go
    unasked = bool(turning)  # whether they stay is decided in the first two passes
    fits = True  # the bundle's classes hold k with `turning` turned
    passes = 0
    while True:
        offer = _offer(
            by_household,
            release,
            registry,
            tables,
            day,
            floor,
            bounds_of,
            lifted,
            wait | stay,
            newly,
        )
        outcome = protect(offer.candidates, registry.union(by_household.keys()), k, m)
        held = outcome.held_households | offer.early
        if unasked and not stay:
            if 0 < len(turning - _own_held(offer.candidates, turning)) < k:
                stay, fits = turning, _holds_k(by_household, offer.candidates, held, k)
                continue
            unasked = False
        elif unasked:
            unasked = False
            if fits and not _holds_k(by_household, offer.candidates, held, k):
                # Waiting, they would leave a class of the bundle itself under k, which the
                # evaluator refuses (bundle.check_k), where turned they did not: they turn, as
                # opening_month.lift lets new households go.
                stay = set()
                continue
        passes += 1
        again = _lift(seen, k, held | stay, day, draws)  # those that stay: their change waits
        if passes == 3 or (again[0] == lifted and again[1] <= held | stay | wait):
            break
        lifted, wait = again
    candidates, waiting, replacing = offer.candidates, offer.waiting, offer.replacing
    capped, offered = offer.capped, offer.offered
    early = offer.early
    held_rows = held_whole = 0
    held_households = outcome.held_households | early
    moved: set[str] = set()  # households whose rows that wait now wait with other content
    changes: dict[str, int] = {}  # table -> rows sent before whose change is held back
    for candidate in candidates:  # the rows held back (of households released)
        if not candidate.whole:
            for unit in candidate.held_units:
                if cast(Line, unit.row).sent.hold_back():
                    moved.add(candidate.name)
                if not unit.new_row:
                    changes[unit.table] = changes.get(unit.table, 0) + 1
            held_rows += len(candidate.held_units)
    for candidate, unit, old in replacing:  # a change sent: the version it replaces stays known
        if unit.key not in candidate.held:
            gone = set(old).difference(unit.true)
            if gone:
                cast(Line, unit.row).state.superseded.update(gone)
    for candidate, unit in waiting:  # sent by protect's release pass: their first version
        if not candidate.whole and unit.key not in candidate.held:
            line = cast(Line, unit.row)
            line.sent.send()
            line.state.dirty = True
    _roles_as_held(release)
    by_table = {}
    for table, lines in release.lines.items():
        whole = []
        if held_households:
            whole = [line for line in lines if line.state.pseudonym in held_households]
            held_whole += sum(line.sent.changed for line in whole)
            lines = [line for line in lines if line.state.pseudonym not in held_households]
        # A row never sent, now held back, is the only one left at version 0.
        kept = [line for line in lines if line.sent.version > 0]
        release.lines[table] = kept
        by_table[table] = TableRows(
            len(kept), len(lines) - len(kept) + len(whole), changes.get(table, 0)
        )
    for state, latest in capped:
        state.latest = latest
        newly.add(state.pseudonym)
    for state in list(registry.by_family.values()):
        if state.pseudonym in held_households:
            del registry.by_family[state.family_id]
            release.household_of.pop(state.family_id, None)
        elif state.pseudonym in outcome.footprints:
            footprint = outcome.footprints[state.pseudonym]
            # Footprints only grow (protect's holds its `fixed`, the stored one and more): a
            # changed one is larger.
            if len(footprint) != len(state.footprint):
                state.footprint = footprint  # protect's own set, handed over
                state.dirty = True
            elif (
                state.dirty
                and state.pseudonym not in moved
                and state.pseudonym not in newly
                and state.as_stored()
            ):
                # Its changes were all held back.
                state.dirty = False
    node = release.generalised.node
    general = sum(1 for lv in node if lv > 0) * len(release.household_of)
    counted = {t: by_table[t] for t in ("households", *tables)}  # the tables the study gets
    lifted_days = tuple(d for name, d in offer.lifted.items() if name not in held_households)
    return Checked(
        outcome, offered, held_rows, len(held_households), general, held_whole, counted, lifted_days
    )


def _turning(by_household: Mapping[str, Mapping[str, list[Line]]]) -> set[str]:
    """The households whose own row was sent shown and is offered starred now."""
    found = set()
    for pseudonym, owned in by_household.items():
        sent = owned["households"][0].sent
        old = sent.sent_content
        if old and starred(sent.content) and not starred(old):
            found.add(pseudonym)
    return found


def _own_held(candidates: list[Candidate], among: AbstractSet[str]) -> set[str]:
    """The households of `among` whose own row the check holds back."""
    return {
        c.name
        for c in candidates
        if c.name in among and (c.whole or any(u.own and u.key in c.held for u in c.units))
    }


def _holds_k(
    by_household: Mapping[str, Mapping[str, list[Line]]],
    candidates: list[Candidate],
    held: AbstractSet[str],
    k: int,
) -> bool:
    """Whether every class of the bundle's households holds k, their rows as the check leaves
    them (a change held back: the version sent before; `held`: waiting whole)."""
    kept = _own_held(candidates, by_household.keys())
    rows = []
    for pseudonym, owned in by_household.items():
        if pseudonym in held:
            continue
        sent = owned["households"][0].sent
        content = (pseudonym in kept and sent.sent_content) or sent.content
        rows.append([pseudonym, *content.split(","), ""])
    smallest = smallest_class(rows)
    return not smallest or smallest >= k


def _roles_as_held(release: Release) -> None:
    """A suppressed household's check-ins show their respondents' role as "*"
    (release._respondent); where the check holds back the household's change to starred (too
    few turn, or its opening month would stand alone), the evaluator keeps its row shown, and
    its check-ins keep their roles: starred, they told what its row did not, that it had been
    suppressed since, in practice that its case had closed (outside review s21)."""
    if not release.hidden_roles:
        return
    shown = {
        line.state.pseudonym
        for line in release.lines["households"]
        if not starred(line.sent.content)
    }
    for line in release.lines["checkins"]:
        role = release.hidden_roles.get(line.key.record_id)
        if role is not None and line.state.pseudonym in shown:
            fields = line.sent.content.split(",", _ROLE + 1)
            fields[_ROLE] = role
            line.sent.relabel(",".join(fields))


# Where a check-in's respondent role is in its content (the CSV row less its two pseudonyms).
_ROLE = DATA_TABLES["checkins"].header.index("respondent_role") - 2
# Where a released line's top-coded flag is in its content (the CSV row less its pseudonyms
# before and its version after; a household's own row has one pseudonym).
_AMOUNT_CAPPED = DATA_TABLES["payments"].header.index("amount_top_coded") - 2
_FRAME_CAPPED = DATA_TABLES["households"].header.index("budget_top_coded") - 1


def _count_top_coded(release: Release) -> None:
    """The release's summary of top codes counted again over what the evaluator holds after the
    check (rows sent, now or before; not those held back, nor the households held whole): counted
    as the rows were built, the report said "133 amounts over the cap" of a dataset holding none
    (evaluator review, 2026-12-07)."""
    summary = release.summary
    payments = [
        line.sent.content.split(",", _AMOUNT_CAPPED + 1)
        for line in release.lines.get("payments", [])
    ]
    summary.amounts = len(payments)
    summary.amounts_top_coded = sum(fields[_AMOUNT_CAPPED] == "1" for fields in payments)
    summary.budgets_top_coded = sum(
        line.sent.content.split(",")[_FRAME_CAPPED] == "1" for line in release.lines["households"]
    )


def _released(
    registry: Registry, release: Release, offered: dict[int, str] | None = None
) -> tuple[list[Seen], int, int]:
    """Every household the study received as the bundles show it (opening_month.Seen), those
    that left included, each family once (its live household, with the fields its earlier one
    was released with); how many; and how many of those the journal no longer holds (not asked
    about: the opening day is gone; a candidate only with a stored bound, since without one its
    window would be wider than an attacker's). `offered`: a family's fields as this export
    would send them, beside those released."""
    offered = offered or {}
    floor = min(release.opened_all.values(), default=None)  # as the check's
    day = release.opened_all.get
    seen: list[Seen] = []
    unchecked = 0

    def add(
        name: str,
        footprint: AbstractSet[str],
        latest: int,
        family_id: int,
        also: AbstractSet[str],
    ) -> None:
        nonlocal unchecked
        opened = day(family_id)
        unchecked += opened is None
        if not latest:  # released before its bound was kept: at its true day, as the check
            if opened is None:
                return
            latest = opened.toordinal()
        released = _fields(footprint)
        window = _bounds_of(released, "", dt.date.fromordinal(latest), floor)
        fields = frozenset(released).union(_fields(also))
        change = offered.get(family_id)
        shows = offered.get(family_id)
        change = None if shows in fields else shows  # a class it is in already
        seen.append(Seen(fields, window, opened, name, offered=change, shows=shows))

    households = 0
    for state in registry.by_family.values():
        if state.footprint:
            households += 1
            earlier = registry.retired.get(state.family_id, ("", frozenset[str]()))[1]
            add(state.pseudonym, state.footprint, state.latest, state.family_id, earlier)
    for family_id, (pseudonym, footprint) in registry.retired.items():
        if family_id not in registry.by_family:
            households += 1
            latest = registry.retired_latest.get(family_id, 0)
            add(pseudonym, footprint, latest, family_id, frozenset())
    return seen, households, unchecked


def _by_opening_month(
    registry: Registry, release: Release, k: int, lifted: tuple[int, ...] = ()
) -> Exposure:
    """How many households someone who knows their fields and the month their case opened
    could single out (opening_month.py), over every household the study received; after the
    check, for the release sent (not each the levels search tries); `lifted`: the days the
    check lifted each bound it lifted."""
    seen, households, unchecked = _released(registry, release)
    days = sorted(lifted)
    median = days[len(days) // 2] if days else 0
    return Exposure(
        singled_out(seen, k), households, unchecked, len(days), max(days, default=0), median
    )


def _never(first: dt.date) -> None:
    """The cost of lifting a bound that cannot be lifted (opening_month.Seen.cost)."""


def _as_seen(
    by_household: dict[str, dict[str, list[Line]]],
    registry: Registry,
    release: Release,
    today: int,
    floor: dt.date | None,
    key: bytes,
) -> tuple[list[Seen], dict[str, int]]:
    """Every household the study received and this export's new ones at the bound their rows
    give (opening_month.Seen), for opening_month.lift; the changed fields of those sent before;
    and each new household's bound (`_latest`, by pseudonym)."""
    offered: dict[int, str] = {}
    new = []
    bounds_of: dict[str, int] = {}
    for owned in by_household.values():
        state = next(iter(owned.values()))[0].state
        own = state.records[RecordKey("households", state.family_id)].content
        offered[state.family_id] = row_items("households", own, None)[0][2:]
        if not state.footprint:
            new.append((state, own, owned))
    seen, _, _ = _released(registry, release, offered)
    for state, own, owned in new:
        combo = offered[state.family_id]
        pseudonym, fields = state.pseudonym, frozenset((combo,))
        days = _row_days(owned)
        latest = bounds_of[pseudonym] = _latest(days, today)
        window = _bounds_of([], own, dt.date.fromordinal(latest), floor)
        opened = release.opened[state.family_id]
        rank = hmac.new(key, str(state.family_id).encode(), hashlib.sha256).hexdigest()
        if state.family_id in registry.retired_latest:  # the bound it left with, or this one
            seen.append(Seen(fields, window, opened, pseudonym, _never, shows=combo, rank=rank))
            continue
        closed = _last_day("households", own)

        def cost(first: dt.date, days: list[int] = days, closed: int | None = closed) -> int | None:
            cut = today - first.toordinal()  # a day after this would cut the bound
            if closed is not None and closed > cut:
                return None
            return len(days) - bisect.bisect_right(days, cut)

        seen.append(Seen(fields, window, opened, pseudonym, cost, shows=combo, rank=rank))
    return seen, bounds_of


def _lift(
    seen: list[Seen], k: int, held: AbstractSet[str], today: int, draws: dict[str, float]
) -> tuple[dict[str, int], set[str]]:
    """opening_month.lift, those in `held` waiting whole: (new households whose bound is
    lifted, to which ordinal; households that wait: new ones whole, the changed row of one
    sent before). A bound is lifted to a secret random day of the month asked about (up to the
    bundle's date), not its first: bounds on the 1st told an attacker which candidates were
    lifted there, and leaving them out put 4-9 households of a 200-family demo under k
    (outside review s19). `draws`: each household's draw, the same in every pass of a check."""
    lifted, waiting = lift(seen, k, held)
    ranks = {h.name: h.rank for h in seen if h.rank}
    out = {}
    for name, first in lifted.items():
        last = min(
            first.replace(day=calendar.monthrange(first.year, first.month)[1]).toordinal(), today
        )
        draw = draws.get(name)
        if draw is None:
            rank = ranks.get(name)
            draw = draws[name] = _RANDOM.random() if rank is None else _draw(rank)
        out[name] = first.toordinal() + int(draw * (max(last - first.toordinal(), 0) + 1))
    return out, waiting


def draw_key(db: Database, study_id: str) -> bytes:
    """The journal's secret for the lift's choices in `study_id` (`check_release`)."""
    return derived_key(db, b"samjournal opening-month lift v1\n" + study_id.encode())


def _draw(rank: str) -> float:
    """A household's draw in [0, 1) from its rank: secret, and the same for one journal state."""
    return int(rank[:13], 16) / 16**13


def release_at(
    db: Database,
    study_id: str,
    policy: Policy,
    municipality: str,
    levels: Levels,
    source: Source | None = None,
) -> tuple[Registry, Release, Checked]:
    """The release under `policy` (the study's levels applied), households no finer than the
    levels' node, checked over every bundle before it (state in memory until saved);
    `source`: the plan's reads, shared by every level it tries."""
    registry = Registry(db, study_id)
    release = build_release(
        db,
        study_id,
        policy,
        municipality,
        registry,
        node=levels.node,
        categories=levels.categories,
        source=source,
    )
    checked = check_release(
        release,
        registry,
        policy.k,
        policy.m,
        policy.tables,
        draw_key=draw_key(db, study_id),
    )
    _count_top_coded(release)
    return registry, release, checked


def protection(
    policy: Policy, levels: Levels, checked: Checked, release: Release, registry: Registry
) -> Protection:
    """What the risk report says about the check and what it cost, and what the model leaves
    out, measured (`registry`: the release state after the check)."""
    summary = release.summary
    households = len(release.lines["households"])  # after the check: those the evaluator holds
    return Protection(
        k=policy.k,
        m=policy.m,
        levels=levels.to_json(),
        households_in_union=sum(1 for f in checked.outcome.footprints.values() if f),
        violations=len(checked.outcome.residual),
        rows_offered=checked.rows_offered,
        rows_held=checked.rows_held,
        households_held=checked.households_held,
        cells_generalised=checked.fields_generalised,
        amounts_top_coded_share=round(summary.amounts_top_coded / summary.amounts, 4)
        if summary.amounts
        else 0.0,
        budgets_top_coded_share=round(summary.budgets_top_coded / households, 4)
        if households
        else 0.0,
        rows_of_households_held=checked.rows_of_households_held,
        rows_by_table=checked.rows_by_table,
        by_opening_month=_by_opening_month(registry, release, policy.k, checked.lifted),
    )
