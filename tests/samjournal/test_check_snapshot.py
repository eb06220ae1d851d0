"""The integrity check reads one state of the journal. It compares tables read by separate
statements (the audit rows with the stored tree, records with the case-list figures); a save by
another session between two of those reads must not be reported as damage. Found by
`check --repair` beside a writing process in the concurrency suite, failing one run in ten."""

from __future__ import annotations

from typing import Any

import pytest

from samjournal.journal import Journal


def test_a_save_between_two_reads_of_the_check_is_not_damage(
    lead: Journal, worker: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = lead._require_open().db
    real_first = db.first
    saved: list[int] = []

    def first_with_a_save_between(sql: str, params: Any = ()) -> Any:
        if "FROM audit_tree" in sql and not saved:  # after the events were read, before the tree
            saved.append(worker.families.create("Familien Imellom").id)
        return real_first(sql, params)

    monkeypatch.setattr(db, "first", first_with_a_save_between)
    assert lead.integrity_problems() == []
    assert saved, "the save between the reads happened"
    monkeypatch.undo()
    assert lead.integrity_problems() == []  # and the next check sees the save, whole


def test_a_save_by_another_session_since_the_last_check_is_not_damage(
    lead: Journal, worker: Journal
) -> None:
    """A long-lived connection (the window's) checks, another session saves, it checks again:
    FTS5's cached structure made the second check report the search index as damaged."""
    assert lead.integrity_problems() == []
    worker.families.create("Familien Etterpå")
    assert lead.integrity_problems() == []
