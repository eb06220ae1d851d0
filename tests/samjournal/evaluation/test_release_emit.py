"""The release's hot loop (`release._emit`) against the plain path it writes out:
`HouseholdState.entry` then `Sent.update`, row by row."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.release import Line, _emit
from samjournal.evaluation.release_state import HouseholdState, RecordKey, Sent, record_key


def _reference(
    states: dict[int, HouseholdState],
    entity: str,
    rows: list[tuple[int, int, str]],
    out: list[Line],
    names: dict[int, str],
) -> None:
    for family_id, record_id, rest in rows:
        state = states.get(family_id)
        if state is None:
            continue
        sent = state.entry(entity, record_id)
        if sent.update(rest):
            state.dirty = True
        names[record_id] = f"m{sent.body}"
        key = RecordKey(entity, record_id)
        out.append(Line(state, key, sent, "m"))


def _fields(sent: Sent) -> tuple[object, ...]:
    return (sent.body, sent.version, sent.content, sent.released, sent.changed, sent.before)


contents = st.sampled_from(["", "1,office", "2,office", "1,phone"])


@settings(max_examples=200, deadline=None)
@given(
    known=st.dictionaries(st.integers(0, 8), st.tuples(st.integers(0, 3), contents)),
    rows=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 8), contents), max_size=12),
)
def test_emit_leaves_what_entry_and_update_leave(
    known: dict[int, tuple[int, str]], rows: list[tuple[int, int, str]]
) -> None:
    # Families 0 and 1 are released (1 with records sent before), 2 is not; each record id
    # appears once, as the queries give it.
    rows = list({record_id: row for row in rows for record_id in [row[1]]}.values())
    sent_before = {
        record_key(("meetings", i)): Sent(f"{i:016d}", version, text if version else "")
        for i, (version, text) in known.items()
    }
    states = {
        0: HouseholdState(None, 0, "h" + "0" * 16, {}),
        1: HouseholdState(7, 1, "h" + "1" * 16, sent_before, stored=len(sent_before)),
    }
    before = {family_id: set(state.records) for family_id, state in states.items()}
    twin = copy.deepcopy(states)
    fast: list[Line] = []
    slow: list[Line] = []
    fast_names: dict[int, str] = {}
    slow_names: dict[int, str] = {}
    _emit(states, "meetings", rows, fast, fast_names)
    _reference(twin, "meetings", rows, slow, slow_names)
    # New records get random bodies: compare everything else, and each line with its own.
    assert [x.text() for x in fast] == [
        f"m{x.sent.body},{x.state.pseudonym},{x.sent.content},{x.sent.version}" for x in fast
    ]
    assert [(x.key, x.state.family_id) for x in fast] == [(x.key, x.state.family_id) for x in slow]
    assert all(type(x.key) is RecordKey for x in fast)
    for family_id, state in states.items():
        other = twin[family_id]
        assert state.dirty == other.dirty
        assert state.records.keys() == other.records.keys()
        for key, sent in state.records.items():
            mine, theirs = _fields(sent), _fields(other.records[key])
            if key in before[family_id]:
                assert mine == theirs
            else:  # a new record: its first version
                assert mine[1:] == theirs[1:]
    assert fast_names.keys() == slow_names.keys()
