"""A withdrawal puts the dataset back exactly, leaves the decision it took back on record, and
keeps a bounded undo (issue 13; each test was a finding of the fifth outside review).

- A withdrawn refusal (or acceptance with nothing on top) used to vanish without a trace, and
  needed no reason.
- The record tombstones the bundles set aside had brought stayed, removing the real journal's
  rows for good, and status counted every row touched as "put back".
- The undo grew with every bundle stored while a restore was accepted (a full bundle copied the
  whole journal each time).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, on_top
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World, dataset
from tests.samjournal.evaluation.test_restore_forget import REFUSAL, _insider_first_refused, _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY


def test_a_withdrawn_refusal_stays_on_record_with_both_reasons(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    journal_id, tag, _, _, _ = _insider_first_refused(lead, ws, world, tmp_path)
    with pytest.raises(ValidationError) as bare:
        ws_forks.withdraw(ws.db, journal_id, " ", tag=tag)
    assert bare.value.key == "write_why_withdrawn"
    back = ws_forks.withdraw(ws.db, journal_id, "ringte feil teamleder", tag=tag)
    assert back.waiting
    for language, word in (("nb", "TILBAKETRUKKET"), ("en", "WITHDRAWN")):
        [line] = [s for s in _lines(ws, journal_id, language) if word in s]
        assert tag in line
        assert REFUSAL in line  # the refusal's own reason
        assert "ringte feil teamleder" in line


def _on_old_line(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, ws_forks.Fork, tuple[list[tuple[object, ...]], list[tuple[object, ...]]], Path]:
    """The old line's restore accepted by mistake and its bundle stored on top. Returns the
    journal id, the decision, the dataset before the mistake, and the old journal's folder."""
    bundle, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, bundle, tmp_path)
    [waiting] = [f for f in ws_forks.forks(ws.db, held.journal_id) if f.waiting]
    before = dataset(ws)
    ws_forks.reanchor(ws.db, held.journal_id, MISTAKE, tag=waiting.tag)
    assert _import(ws, bundle, tmp_path).status == "stored"
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    return held.journal_id, waiting, before, old


def test_a_withdrawal_takes_away_the_record_tombstones_the_set_aside_line_brought(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old line deletes a meeting; after the withdrawal the real journal's meeting is back,
    and status counts only what changed back. A household the old line said left the study
    stays out, and status says so."""
    journal_id, mistaken, (records, stones), old = _on_old_line(
        lead, ws, world, tmp_path, monkeypatch
    )
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        meeting = insider.families.open(world.families[0]).meetings[0]
        insider.meetings.remove(meeting.id, "feil familie")
        leaving = world.families[1]
        insider.consents.withdraw(insider.consents.for_family(leaving)[0].id)
        full = insider.evaluation.export(STUDY, tmp_path / "old-full", full=True).path
    finally:
        insider.lock()
    assert _import(ws, full, tmp_path).status == "stored"
    _, stones_on_top = dataset(ws)
    assert {s[1] for s in set(stones_on_top) - set(stones)} == {"meetings", "households"}
    [left] = [s[2] for s in set(stones_on_top) - set(stones) if s[1] == "households"]
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    after_records, after_stones = dataset(ws)
    assert {s for s in after_stones if s[1] != "households"} == {
        s for s in stones if s[1] != "households"
    }
    assert [s for s in set(after_stones) - set(stones)] == [
        next(s for s in stones_on_top if s[2] == left)  # a consent withdrawn stays withdrawn
    ]
    assert [r for r in after_records if r[1] != left] == [r for r in records if r[1] != left]
    assert not [r for r in after_records if r[1] == left]
    [withdrawal] = on_top.withdrawals(ws.db, journal_id)
    assert (withdrawal.lifted, withdrawal.kept_out) == (1, 1)
    changed = len(set(records) ^ set(dataset(ws)[0]))  # the left household's rows
    assert 0 < withdrawal.rows < len(records) + changed
    [line] = [s for s in _lines(ws, journal_id, "en") if "WITHDRAWN" in s]
    assert "tombstones taken away: 1;" in line
    assert "kept out until the team lead has answered (see below): 1." in line


def test_the_undo_is_kept_once_per_decision(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, before, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    insider = Journal.open(old, LEAD, LEAD_PASS)
    kept = []
    try:
        for n in range(3):  # full bundles used to copy every row of the journal each time
            full = insider.evaluation.export(STUDY, tmp_path / f"full-{n}", full=True).path
            assert _import(ws, full, tmp_path).status == "stored"
            kept.append(
                int(
                    ws.db.scalar("SELECT count(*) FROM undo_records WHERE fork = ?", (mistaken.id,))
                )
            )
    finally:
        insider.lock()
    assert kept[0] > 0
    assert kept[1] == kept[2] == kept[0]
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)  # and it undoes all of them
    assert dataset(ws) == before
    assert not ws.db.tuples("SELECT 1 FROM undo_records WHERE fork = ?", (mistaken.id,))


def test_a_workspace_of_schema_10_keeps_the_oldest_undo_of_each_decision(
    world: World, tmp_path: Path
) -> None:
    """Schema 10 kept the undo per bundle; schema 11 keeps, per decision, the state before the
    first bundle on top. Withdrawals of schema 10 say they kept the tombstones."""
    with Workspace.open(world.workspace, WS_PASS) as ws, ws.db.transaction():
        ws.db.execute(
            "INSERT INTO audit_on_top (n, bundle_hash, fork) VALUES (1, 'b1', 7), (2, 'b2', 7)"
        )
        for table in ("undo_records", "undo_counts", "undo_tombstones", "audit_taken_back"):
            ws.db.execute(f"DROP TABLE {table}")
        for statement in on_top.SCHEMA.split(";"):  # as schema 10 made them
            ws.db.execute(statement)
        ws.db.executemany(
            "INSERT INTO record_undo VALUES (?, 'j', 'h', 'meetings', 'm', ?, ?)",
            [("b1", 1, "before both"), ("b2", 2, "after the first")],
        )
        ws.db.executemany(
            "INSERT INTO counts_undo VALUES (?, '2026-01', 1, ?)",
            [("b1", "counts before"), ("b2", "counts after")],
        )
        ws.db.execute(
            "INSERT INTO audit_withdrawals (journal_id, fork, tag, sequences, rows, reason, at)"
            " VALUES ('j', 6, 't', '4, 5', 9, 'feil', '2026-11-01')"
        )
        ws.db.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")
    with Workspace.open(world.workspace, WS_PASS) as ws:
        assert ws.db.tuples("SELECT fork, version, data FROM undo_records") == [
            (7, 1, "before both")
        ]
        assert ws.db.tuples("SELECT fork, data FROM undo_counts") == [(7, "counts before")]
        [old] = on_top.withdrawals(ws.db, "j")
        assert old.lifted is None
        assert "the tombstones are kept" in old.line().words("en")
