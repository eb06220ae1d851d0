"""A household's packed release state reads back as it was written (release_state.unpack builds
the records by zip and map, keys in C): every key, pseudonym body, version and content, in order,
the keys RecordKeys; and a damaged blob is refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.release_state import (
    CODES,
    HouseholdState,
    RecordKey,
    Sent,
    unpack,
)

contents = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), max_size=30
)  # never a control character (U+001E separates them)
records = st.dictionaries(
    st.tuples(st.sampled_from(sorted(CODES)), st.integers(0, (1 << 40) - 1)),
    st.tuples(
        st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=16, max_size=16),
        st.integers(0, 2**32 - 1),
        contents,
    ),
    max_size=40,
)


@settings(max_examples=80, deadline=None)
@given(
    records,
    st.sets(contents.filter(bool), max_size=10),
    st.sets(contents.filter(bool)),
    st.integers(0, 2**32 - 1),
)
def test_unpack_gives_back_what_pack_wrote(
    found: dict[tuple[str, int], tuple[str, int, str]],
    footprint: set[str],
    superseded: set[str],
    latest: int,
) -> None:
    state = HouseholdState(
        None,
        1,
        "h" + "a" * 16,
        {RecordKey(t, r): Sent(b, v, c) for (t, r), (b, v, c) in found.items()},
        footprint,
        superseded,
        latest,
    )
    read, read_footprint, read_superseded, read_latest = unpack(state.pack())
    assert (read_footprint, read_superseded, read_latest) == (footprint, superseded, latest)
    assert list(read.items()) == list(state.records.items())
    assert all(type(key) is RecordKey for key in read)
    assert all(not (s.released or s.changed) and s.before is None for s in read.values())


def test_a_blob_cut_short_is_refused() -> None:
    state = HouseholdState(
        None, 1, "h" + "a" * 16, {RecordKey("payments", 3): Sent("b" * 16, 2, "x")}
    )
    with pytest.raises(ValueError, match="damaged"):
        unpack(state.pack()[:-2])  # into the last pseudonym body


def test_a_relabelled_row_is_no_change_when_it_is_what_was_sent() -> None:
    """`Sent.relabel` after the check (release_check._roles_as_held): a row sent before whose
    change was only what is taken back is no change; a new one, or one changed otherwise, goes
    with the new content; one held back, or unchanged, is left as it is."""
    sent = Sent("b" * 16, 2, "1,0,r,adult")
    assert sent.sent_content == "1,0,r,adult"
    assert sent.update("1,0,r,*")
    sent.relabel("1,0,r,adult")
    assert (sent.version, sent.content, sent.changed) == (2, "1,0,r,adult", False)
    assert sent.before is None
    assert sent.update("2,1,r,*")
    sent.relabel("2,1,r,adult")
    assert (sent.version, sent.content, sent.changed) == (3, "2,1,r,adult", True)
    assert sent.sent_content == "1,0,r,adult"
    new = Sent("c" * 16)
    assert new.sent_content == ""
    assert new.update("5,0,r,*")
    new.relabel("5,0,r,child")
    assert (new.version, new.content, new.sent_content) == (1, "5,0,r,child", "")
    held = Sent("d" * 16)
    held.update("6,0,r,*")
    held.hold_back()
    held.relabel("6,0,r,child")
    assert (held.version, held.content) == (0, "6,0,r,*")
