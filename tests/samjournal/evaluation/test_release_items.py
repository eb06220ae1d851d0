"""The export's fast path for a row's items (release_items.both_items: field positions, calendar
tables, cached tuples) gives what the attacker model's own reading gives (attacker.event_items
through row_items), for every table, day and opening period, the calendar's edges included."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.attacker import Window, period_bounds
from samjournal.evaluation.release_items import _EVENT_FIELDS, both_items, row_items

WORDS = st.sampled_from(["", "a", "home_visit", "health", "1000", "baseline", "family"])
# Offsets near 0, and far enough to leave the calendar tables (1900-2199) or the calendar itself.
OFFSETS = st.one_of(
    st.integers(-400, 400), st.integers(-800_000, 800_000), st.sampled_from([-(10**6), 10**7])
)
PERIODS = st.sampled_from(["2026-03", "2025-Q4", "2026-H1", "2024", "1900-01", "2199-12", "*"])


@st.composite
def rows(draw: st.DrawFn) -> tuple[str, str]:
    table = draw(st.sampled_from(sorted(_EVENT_FIELDS)))
    fields = []
    for name in _EVENT_FIELDS[table]:
        if "day" in name:
            fields.append(draw(st.one_of(st.just(""), OFFSETS.map(str))))
        else:
            fields.append(draw(WORDS))
    return table, ",".join(fields)


def intersection(periods: list[str], latest: dt.date | None) -> Window | None:
    """The intersection of the opening periods, cut at `latest`, as release_items._bounds makes
    it (it may be empty); no first day when all are starred, None when nothing bounds it."""
    found = [b for b in map(period_bounds, periods) if b is not None]
    if not found:
        return None if latest is None else (None, latest)
    last = min(b[1] for b in found)
    return max(b[0] for b in found), last if latest is None else min(last, latest)


# The latest the index date can be, as days after it (None: nothing bounds it).
SLACK = st.one_of(st.none(), st.integers(0, 400))


def _latest(opened: dt.date, slack: int | None) -> dt.date | None:
    if slack is None:
        return None
    try:
        return opened + dt.timedelta(days=slack)
    except OverflowError:
        return dt.date.max


@settings(max_examples=400, deadline=None)
@given(
    row=rows(),
    periods=st.lists(PERIODS, min_size=1, max_size=3),
    opened=st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
    slack=SLACK,
)
def test_a_rows_items_are_what_the_attacker_model_reads(
    row: tuple[str, str], periods: list[str], opened: dt.date, slack: int | None
) -> None:
    table, content = row
    bounds = intersection(periods, _latest(opened, slack))
    items, true = both_items(table, content, bounds, opened)
    assert list(items) == row_items(table, content, bounds)
    assert list(true) == row_items(table, content, (opened, opened))
    # Again: from the caches now, the same.
    assert both_items(table, content, bounds, opened) == (items, true)
