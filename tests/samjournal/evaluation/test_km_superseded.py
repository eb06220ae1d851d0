"""A version the evaluator keeps stays in the household's truth after its row changes.

Three households, k = 2, m = 2, all opened 1 January 2026 (released as that month): A and C
(which has left the study; its footprint still counts) were sent a 1,000 kr health payment
proposed in January (item X), B a home visit in January (item Y) and another payment. Now A's
payment is paid in February, and A has a new home visit in January. An attacker holding every
bundle knows A's old version (X) whether or not the change is sent, so the set {X, Y} is A's
alone: the new visit must wait. Before this was fixed, a changed row's last-sent version was
left out of the truth, and the visit was sent (support 1, reported as 0 violations).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any, cast

from samjournal.evaluation.release import Line, Release
from samjournal.evaluation.release_check import check_release
from samjournal.evaluation.release_items import row_items
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Registry, Sent, unpack

OPENED = dt.date(2026, 1, 1)
PERIOD = (OPENED, dt.date(2026, 1, 31))
HOUSEHOLD = "kommune,3,1,30-39,active,2026-01,,100000,0"
# need_id, need_category, amount_nok, amount_top_coded, method, status, day, approved_day,
# paid_day, rejected_day, cancelled_day
PROPOSED = "n1,health,1000,0,bank,proposed,0,,,,"
PAID = "n1,health,1000,0,bank,paid,0,30,40,,"  # 10 February
# day, kind, family_participants, staff_participants, partner_participants, next_meeting_day
VISIT = "0,home_visit,1,1,0,"
OTHER = "n2,economy,2000,0,bank,proposed,0,,,,"
X, Y, Z = "p|health|1000|2026-01", "m|home_visit|2026-01", "p|economy|2000|2026-01"
X_PAID = ("p|health|1000|2026-02", "p|health|1000|2026-03")  # day 40 of a January opening


def _fields() -> list[str]:
    return row_items("households", HOUSEHOLD, PERIOD)


def _state(family: int, footprint: set[str], superseded: set[str] | None = None) -> HouseholdState:
    """A household released before: its own row sent, its footprint as the evaluator holds it."""
    state = HouseholdState(
        family, family, f"h{family:016d}", {}, set(footprint), superseded or set()
    )
    state.records[RecordKey("households", family)] = Sent(f"{family:016d}", 1, HOUSEHOLD)
    state.stored = 1
    return state


def _line(state: HouseholdState, table: str, record: int, sent: Sent) -> Line:
    key = RecordKey(table, record)
    state.records[key] = sent
    sent.released = True
    return Line(state, key, sent, "" if table == "households" else table[0])


def _release(states: list[HouseholdState], lines: dict[str, list[Line]]) -> Release:
    for state in states:
        own = state.records[RecordKey("households", state.family_id)]
        lines.setdefault("households", []).append(_line(state, "households", state.family_id, own))
    generalised = cast(Any, SimpleNamespace(node=(0,) * 7))
    release = Release(cast(Any, None), generalised, lines, cast(Any, None), len(states))
    release.household_of = {s.family_id: s.pseudonym for s in states}
    release.opened = {s.family_id: OPENED for s in states}
    return release


def _registry(live: list[HouseholdState], c_footprint: set[str]) -> Registry:
    registry = Registry.__new__(Registry)
    registry.by_family = {s.family_id: s for s in live}
    registry.retired = {3: ("h" + "3" * 16, frozenset(c_footprint))}
    registry.retired_latest = {3: OPENED.toordinal()}
    return registry


def _world(c_extra: tuple[str, ...] = ()) -> tuple[HouseholdState, HouseholdState, set[str]]:
    """A and B as stored after the first bundle, and C's footprint."""
    bands = {"#|p|1-9", "#|m|1-9"}
    a = _state(1, {*_fields(), X, "#|p|1-9", "#|m|0"})
    b = _state(2, {*_fields(), Y, Z, *bands})
    return a, b, {*_fields(), X, *bands, *c_extra}


def _paid_with_a_new_visit(a: HouseholdState, b: HouseholdState) -> tuple[Release, Line]:
    payment = Sent("p" * 16, 1, PROPOSED)
    payment.update(PAID)
    visit = Sent("m" * 16)
    visit.update(VISIT)
    lines = {"payments": [_line(a, "payments", 11, payment)], "meetings": []}
    new_visit = _line(a, "meetings", 12, visit)
    lines["meetings"].append(new_visit)
    lines["meetings"].append(_line(b, "meetings", 21, Sent("n" * 16, 1, VISIT)))
    lines["payments"].append(_line(b, "payments", 22, Sent("q" * 16, 1, OTHER)))
    return _release([a, b], lines), new_visit


def test_a_held_change_keeps_the_version_sent_in_the_truth() -> None:
    a, b, c = _world()
    release, visit = _paid_with_a_new_visit(a, b)
    checked = check_release(release, _registry([a, b], c), 2, 2, ("meetings", "payments"))
    assert RecordKey("payments", 11) in checked.outcome.held_rows  # paid in February: A's alone
    assert RecordKey("meetings", 12) in checked.outcome.held_rows  # {X, Y}: A's alone
    assert visit not in release.lines["meetings"]
    assert checked.outcome.residual == ()


def test_a_sent_change_keeps_the_version_it_replaced_for_later_exports() -> None:
    a, b, c = _world(c_extra=X_PAID)  # C paid such a payment in February too
    release, _ = _paid_with_a_new_visit(a, b)
    release.lines["meetings"] = [
        line for line in release.lines["meetings"] if line.key.record_id != 12
    ]
    del a.records[RecordKey("meetings", 12)]
    checked = check_release(release, _registry([a, b], c), 2, 2, ("meetings", "payments"))
    assert RecordKey("payments", 11) not in checked.outcome.held_rows
    assert a.superseded == {X}  # the proposal the evaluator keeps from the first bundle
    _, _, superseded, _ = unpack(a.pack())
    assert superseded == {X}
    # The next export, from the state as stored: a new visit. {X, Y} is still A's alone.
    stored = _state(1, checked.outcome.footprints[a.pseudonym], superseded)
    b2 = _state(2, b.footprint)
    visit = Sent("m" * 16)
    visit.update(VISIT)
    lines = {
        "payments": [
            _line(stored, "payments", 11, Sent("p" * 16, 2, PAID)),
            _line(b2, "payments", 22, Sent("q" * 16, 1, OTHER)),
        ],
        "meetings": [
            _line(stored, "meetings", 12, visit),
            _line(b2, "meetings", 21, Sent("n" * 16, 1, VISIT)),
        ],
    }
    later = check_release(
        _release([stored, b2], lines), _registry([stored, b2], c), 2, 2, ("meetings", "payments")
    )
    assert RecordKey("meetings", 12) in later.outcome.held_rows
    assert later.outcome.residual == ()
