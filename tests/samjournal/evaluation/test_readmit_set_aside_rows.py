"""Rows a set-aside line brought for a household taken back in go with that line (issue 13; found
by an outside review: readmit exempted the household from every decision's undo, so an insider's
invented meeting for it outlived the withdrawal and the real journal's full bundle).

The insider: the old line (a copy of the kept-aside journal) stated again under another tag (Z)
and taken on by mistake while family 0's question is open; the team lead truthfully confirms
family 0 never left, and it is taken back in.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from samjournal.audit_heads import Head
from samjournal.evaluation.audit_proof import Restored
from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from samjournal.kinds import MeetingKind
from samjournal.records.meetings import staff
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World, dataset
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_readmit_lines import CONFIRMED, _insider_full, _stoned
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line


def test_rows_of_the_set_aside_line_for_a_readmitted_household_go_with_it(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, d1, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    copy = old.parent / (old.name + "-insider-copy")
    shutil.copytree(old, copy)  # the old line before it says family 0 left
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)
    assert _import(ws, full, tmp_path).status == "stored"
    [g] = _stoned(ws, journal_id) - before
    ws_forks.withdraw(ws.db, journal_id, "feil linje", tag=d1.tag)
    # the same restore stated again under another tag, taken on by mistake
    [w] = [f for f in ws_forks.forks(ws.db, journal_id) if f.id == d1.id]
    proved = [
        Head(int(str(r[0])), str(r[1]))
        for r in ws.db.tuples("SELECT size, root FROM audit_fork_proved WHERE fork = ?", (w.id,))
    ]
    again = Restored(w.restored, w.lost, w.witnessed, w.restored_at, "abcdefabcdefabcd", ())
    ws_forks.hold(ws.db, journal_id, w.sequence, "another bundle", again, proved)
    ws_forks.reanchor(ws.db, journal_id, "ja, denne", tag=again.tag)
    insider = Journal.open(copy, LEAD, LEAD_PASS)
    try:
        _activity(insider, world, 1)
        a = insider.evaluation.export(STUDY, tmp_path / "ins-a").path
    finally:
        insider.lock()
    ra = _import(ws, a, tmp_path)
    assert ra.status == "stored", ra.reason
    at_z = dataset(ws)
    readmit.readmit(ws.db, journal_id, g, CONFIRMED)  # true: family 0 never left
    insider = Journal.open(copy, LEAD, LEAD_PASS)
    try:
        # the insider writes a meeting for family 0 on the old line (only there)
        insider.meetings.record(
            world.families[0],
            dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC),
            MeetingKind.OFFICE,
            place="bare på den gamle linjen",
            family_words="oppdiktet",
            agreed="oppdiktet",
            participants=[staff(insider.user.id)],
        )
        b = insider.evaluation.export(STUDY, tmp_path / "ins-b", full=True).path
    finally:
        insider.lock()
    rb = _import(ws, b, tmp_path)
    assert rb.status == "stored", rb.reason
    brought = {r for r in dataset(ws)[0] if r[1] == g}
    assert brought, "the old line's full bundle brought family 0's rows"
    ws_forks.withdraw(ws.db, journal_id, "feil igjen", tag=again.tag)
    left = {r for r in dataset(ws)[0] if r[1] == g}
    assert not (left & brought), f"{len(left & brought)} rows of the set-aside line stay"
    assert {r for r in dataset(ws)[0] if r[1] != g} == {r for r in at_z[0] if r[1] != g}


def test_the_real_journals_next_bundles_clear_them(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, then the real journal's next incremental and full bundles: once its full bundle
    is in, family 0's rows are the real journal's (none of the old line's)."""
    test_rows_of_the_set_aside_line_for_a_readmitted_household_go_with_it(
        lead, ws, world, tmp_path, monkeypatch
    )
    g = str(
        ws.db.scalar(
            "SELECT household_id FROM audit_kept_out WHERE readmitted_at IS NOT NULL LIMIT 1"
        )
    )

    def meetings() -> int:  # family 0 has 2 meetings in the real journal, 3 on the old line
        return sum(1 for r in dataset(ws)[0] if r[1] == g and r[2] == "meetings")

    at_withdrawal = meetings()
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        _activity(real, world, 1)
        inc = real.evaluation.export(STUDY, tmp_path / "real-inc").path
        full = real.evaluation.export(STUDY, tmp_path / "real-full", full=True).path
    finally:
        real.lock()
    r1 = _import(ws, inc, tmp_path)
    assert r1.status == "stored", r1.reason
    after_inc = meetings()
    r2 = _import(ws, full, tmp_path)
    assert r2.status == "stored", r2.reason
    after_full = meetings()
    assert at_withdrawal <= after_inc <= after_full == 2  # the real journal's two, no more
