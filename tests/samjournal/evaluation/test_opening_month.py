"""The opening-month measure (opening_month.py): who knows a case's month and its household
fields tells it from the households whose windows cannot hold that month."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from samjournal.evaluation.opening_month import Exposure, Seen, singled_out
from samjournal.evaluation.release import Release
from samjournal.evaluation.release_check import _by_opening_month
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Registry, Sent
from samjournal.evaluation.risk import exposure_words

D = dt.date
FIELDS = frozenset({"kommune;1+;0;18+;2026;open;50000"})


def _class(*windows: tuple[D | None, D] | None) -> list[Seen]:
    return [Seen(FIELDS, w) for w in windows]


def test_the_latest_to_open_in_a_coarse_period_stands_alone() -> None:
    # A year's class of five: four active cases that opened in the spring (their windows end
    # there), one in November. Known in November, it is the only one that fits.
    spring = [(D(2026, 1, 1), D(2026, m, 10)) for m in (3, 4, 4, 5)]
    late = Seen(FIELDS, (D(2026, 1, 1), D(2026, 11, 12)), opened=D(2026, 11, 3))
    assert singled_out([*_class(*spring), late], 5) == 1
    # Known in March, it fits every window that reaches March: all five.
    early = Seen(FIELDS, (D(2026, 1, 1), D(2026, 11, 12)), opened=D(2026, 3, 3))
    assert singled_out([*_class(*spring), early], 5) == 0


def test_a_window_counts_when_it_can_hold_any_day_of_the_month() -> None:
    target = Seen(FIELDS, (D(2026, 1, 1), D(2026, 6, 30)), opened=D(2026, 6, 15))
    edge = (D(2026, 1, 1), D(2026, 6, 1))  # reaches June's first day
    before = (D(2026, 1, 1), D(2026, 5, 31))  # ends the day before
    starred = (None, D(2026, 6, 2))  # no first day (a starred period)
    unbounded = None  # nothing bounds it
    assert singled_out([target, *_class(edge, starred, unbounded, edge)], 5) == 0
    assert singled_out([target, *_class(edge, starred, unbounded, before)], 5) == 1


def test_other_fields_and_those_only_counted_are_not_asked_about() -> None:
    other = frozenset({"kommune;1+;1+;18+;2026;open;50000"})
    target = Seen(FIELDS, None, opened=D(2026, 6, 15))
    assert singled_out([target, *[Seen(other, None) for _ in range(9)]], 5) == 1
    assert singled_out(_class(None, None), 5) == 0  # no one asked about
    # Released twice with different fields: singled out if one combination leaves it alone.
    both = Seen(FIELDS | other, None, opened=D(2026, 6, 15))
    assert singled_out([both, *[Seen(other, None) for _ in range(9)]], 5) == 1


def _registry(live: HouseholdState, left: dict[int, int]) -> Registry:
    """`live` released now; the families of `left` (family -> the bound they left with, 0: left
    before a bound was kept) released before, with the same fields."""
    registry = Registry.__new__(Registry)
    registry.by_family = {live.family_id: live}
    registry.retired = {f: (f"h{f:016d}", frozenset({ITEM})) for f in left}
    registry.retired_latest = dict(left)
    return registry


ITEM = "v|" + next(iter(FIELDS))  # released with the year 2026 as its opening period


def _live(opened: D) -> HouseholdState:
    state = HouseholdState(1, 1, "h" + "1" * 16, {}, {ITEM}, latest=opened.toordinal() + 2)
    state.records[RecordKey("households", 1)] = Sent("1" * 16, 1, "")
    state.records[RecordKey("households", 1)].released = True
    return state


def _release(opened: dict[int, D]) -> Release:
    release = Release(cast(Any, None), cast(Any, None), {}, cast(Any, None), len(opened))
    release.opened = {1: opened[1]}
    release.opened_all = dict(opened)
    return release


def test_households_that_left_are_asked_about_and_bounded_as_the_check_bounds_them() -> None:
    # Four families that left in the spring, before their bound was kept (an older version):
    # taken at their true opening day, as the check takes households without one, their windows
    # end in March. A family opened in November has no one beside it; each of the four has the
    # other three and the November family, whose window reaches back to January.
    opened = {1: D(2026, 11, 3), **{f: D(2026, 3, f) for f in range(2, 6)}}
    registry = _registry(_live(opened[1]), dict.fromkeys(range(2, 6), 0))
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(1, 5)
    # With the bound they left with, the same.
    left = {f: opened[f].toordinal() + 1 for f in range(2, 6)}
    registry = _registry(_live(opened[1]), left)
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(1, 5)
    # Left late in the year (a quiet case: its bound far after its opening day): beside it.
    left = {f: D(2026, 12, 1).toordinal() for f in range(2, 6)}
    registry = _registry(_live(opened[1]), left)
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(0, 5)


def test_families_gone_from_the_journal_are_not_asked_about_nor_counted_wide() -> None:
    late = {f: D(2026, 12, 1).toordinal() for f in range(2, 6)}
    opened = {1: D(2026, 11, 3), **{f: D(2026, 3, f) for f in range(2, 5)}}  # 5 was erased
    # With the bound it left with, an erased family is still a candidate, never asked about.
    registry = _registry(_live(opened[1]), late)
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(0, 5, unchecked=1)
    # Without one (an older version), its window would be the whole year, wider than an
    # attacker's: it is no candidate, and the four left have four each.
    registry = _registry(_live(opened[1]), {**late, 5: 0})
    assert _by_opening_month(registry, _release(opened), 5) == Exposure(4, 5, unchecked=1)


def test_the_report_says_what_could_not_be_checked() -> None:
    words = exposure_words(Exposure(3, 168, unchecked=2), "en")
    assert words == (
        "3 of the 168 households the study has, this bundle included; 2 of them are no longer"
        " in the journal and cannot be checked (not protected)"
    )
    assert exposure_words(Exposure(20, 168), "nb") == (
        "20 av de 168 husstandene studien har, denne pakken medregnet (ikke beskyttet)"
    )
