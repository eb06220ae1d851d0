"""An earlier mistaken acceptance can still be withdrawn after a later one was (issue 13; found by
an outside review: the bundles a withdrawal set aside stayed counted as imported since the
earlier decision, so it could never be withdrawn, and the real journal, whose bundles prove heads
it set aside, was blocked for good with no command out).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal.audit_heads import Head
from samjournal.evaluation.audit_proof import Restored
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World, dataset
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY, _real_bundle


def test_an_earlier_acceptance_with_nothing_on_top_can_still_be_withdrawn(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, bundle, tmp_path)
    journal_id = held.journal_id
    [w] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    before = dataset(ws)
    # the same restore stated again under another tag (the tag is the journal's value)
    proved = [
        Head(int(str(r[0])), str(r[1]))
        for r in ws.db.tuples("SELECT size, root FROM audit_fork_proved WHERE fork = ?", (w.id,))
    ]
    again = Restored(w.restored, w.lost, w.witnessed, w.restored_at, "abcdefabcdefabcd", ())
    ws_forks.hold(ws.db, journal_id, w.sequence, "another bundle", again, proved)
    [z] = [f for f in ws_forks.forks(ws.db, journal_id) if f.tag == again.tag]
    earlier = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    monkeypatch.setattr(ws_forks, "now_iso", lambda: earlier.isoformat(timespec="seconds"))
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=z.tag)  # mistake one, nothing on top
    monkeypatch.undo()
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=w.tag)  # mistake two
    on = _import(ws, bundle, tmp_path)
    assert on.status == "stored", on.reason  # on top of the second
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=w.tag)  # undone
    assert dataset(ws) == before
    # the first mistake has nothing on top of it: it must be possible to take it back
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=z.tag)
    real, blocked = _real_bundle(world, tmp_path, "real")
    real.lock()
    stored = _import(ws, blocked, tmp_path)
    assert stored.status == "stored", stored.reason
