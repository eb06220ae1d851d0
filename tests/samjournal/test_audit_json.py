"""`AuditLog.verify` reads each event's body as SQLite's JSON: it must be the body `append`
hashed (`_body`), and where it is not, `_body` alone decides whether the event was changed."""

from __future__ import annotations

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal import audit
from samjournal.audit import Action
from samjournal.journal import Journal
from samjournal.store import Database

TRICKY = (
    'quote " backslash \\ slash /',
    "controls \x00\x01\x08\t\n\x0b\x0c\r\x1b\x1f and del \x7f",
    "bokmål æøå, line separators \u2028\u2029, emoji 😀, rtl \u202e",
    "",
    "</script>",
)

_COLUMNS = "seq, at, username, action, entity, entity_id, family_id, detail"


def _sqlite_body(fields: tuple[object, ...]) -> str | None:
    """The body `_VERIFY_ROWS` reads for one event row, from the product's own SQLite."""
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute(
            "CREATE TABLE audit (seq INTEGER PRIMARY KEY, at TEXT, username TEXT, action TEXT,"
            " entity TEXT, entity_id TEXT, family_id INTEGER, detail TEXT, hash TEXT, root BLOB,"
            " node BLOB)"
        )
        conn.execute(f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fields)
        [row] = conn.execute(audit._VERIFY_ROWS).fetchall()
        return row[1]  # type: ignore[no-any-return]
    finally:
        conn.close()


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(
        st.integers(1, 2**62),
        st.text(),
        st.text(),
        st.text(),
        st.text(),
        st.text(),
        st.none() | st.integers(-(2**62), 2**62),
        st.text(),
    )
)
def test_sqlite_writes_the_body_append_hashed(fields: tuple[object, ...]) -> None:
    assert _sqlite_body(fields) == audit._body(fields).decode()


@pytest.mark.parametrize("text", TRICKY)
def test_sqlite_writes_tricky_text_as_append_did(text: str) -> None:
    fields = (7, text, text, text, text, text, None, text)
    assert _sqlite_body(fields) == audit._body(fields).decode()


def _log_tricky(journal: Journal) -> Database:
    ctx = journal._require_open()
    with ctx.db.transaction():
        for i, text in enumerate(TRICKY):
            ctx.audit.append(ctx.db, text or "x", Action.VIEW, text, text, i or None, text)
    return ctx.db


def test_tricky_events_verify_without_the_fallback(
    lead: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    _log_tricky(lead)

    def fallback(*_args: object) -> bool:
        raise AssertionError("SQLite's body differed from _body for an untouched event")

    monkeypatch.setattr(audit.AuditLog, "_row_holds", fallback)
    assert lead.verify_audit().ok


def test_a_body_sqlite_words_otherwise_is_held_to_append_s_own(
    lead: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a future SQLite to escape a character otherwise, no event is called changed that
    was not, and an edited one is still found."""
    db = _log_tricky(lead)
    other = audit._VERIFY_ROWS.replace("ELSE json_array(", "ELSE ' ' || json_array(")
    assert other != audit._VERIFY_ROWS
    monkeypatch.setattr(audit, "_VERIFY_ROWS", other)
    assert lead.verify_audit().ok
    seq = int(db.scalar("SELECT max(seq) FROM audit"))
    with db.transaction():
        db.execute("UPDATE audit SET detail = detail || '.' WHERE seq = ?", (seq - 2,))
    [problem] = lead.verify_audit().problems
    assert f"hendelse {seq - 2} er endret" in problem


@pytest.mark.parametrize("column", ["family_id", "detail"])
def test_an_event_with_a_blob_is_changed(lead: Journal, column: str) -> None:
    """The same bytes as a blob (the only other type the columns' affinities keep) are not the
    event `append` wrote: JSON cannot hold a blob, and it is a finding, no crash."""
    ctx = lead._require_open()
    with ctx.db.transaction():
        seq = ctx.audit.append(ctx.db, "x", Action.VIEW, "family", "12", 12, "12")
        ctx.audit.append(ctx.db, "x", Action.VIEW, "family", "13", 13, "")
        ctx.db.execute(f"UPDATE audit SET {column} = x'3132' WHERE seq = ?", (seq,))
    [problem] = lead.verify_audit().problems
    assert f"hendelse {seq} er endret" in problem
