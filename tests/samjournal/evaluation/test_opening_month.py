"""The opening-month measure (opening_month.py): who knows a case's month and its household
fields tells it from the households whose windows cannot hold that month."""

from __future__ import annotations

import datetime as dt

from samjournal.evaluation.opening_month import Seen, singled_out

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
