"""A fork row must sit on its own restore event (review 13, round 3).

An insider deletes ONE event from the middle of the log (keeping everything after it) and plants a
fork row on the team lead's next ordinary event: without the check, the witness that saw the
deleted event read as "lost in a restore" (exit 3, unconfirmed) instead of a rewrite (exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal import audit_check, audit_forks, audit_heads, mark
from samjournal.cli.commands import EXIT_ERROR, main
from samjournal.evaluation.evaluator import Workspace
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, World
from tests.samjournal.evaluation.test_audit_insider import _first_view, _send
from tests.samjournal.evaluation.test_audit_witnesses import _activity, _rewrite


def test_a_fork_row_on_an_event_that_is_no_restore_is_implausible(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = lead._require_open().db
    start = audit_heads.current_size(db)
    _activity(lead, world, 20)
    receipt = _send(lead, ws, tmp_path)
    _activity(lead, world, 5)  # the insider's later work, kept
    seq, _ = _first_view(db, start)
    total = audit_heads.current_size(db)
    _rewrite(lead, lambda rows: rows[: seq - 1] + rows[seq:])  # only the one view goes
    assert audit_heads.current_size(db) == total - 1  # everything after it is still there
    event = db.first("SELECT username, action FROM audit WHERE seq = ?", (seq,))
    assert event is not None
    assert event[0] == LEAD
    assert event[1] != "restore"
    head = audit_heads.Head(seq - 1, (audit_heads.root_at(db, seq - 1) or b"").hex())
    with db.transaction():  # no restore event: the row points at the team lead's next event
        audit_forks.record(db, seq, head, None, None, "disken døde", LEAD)
    mark.Marker.for_db(db).write(mark.current(db), durable=True)
    verdict = audit_check.verify(lead, [audit_check.witness(lead, str(receipt))])
    lead.lock()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    capsys.readouterr()
    code = main(["audit", "verify", str(world.journal), "--witness", str(receipt)])
    out = capsys.readouterr().out
    # SECURE: a fork whose event is not a restore explains nothing: a rewrite, exit 1
    assert any(p.key == "fork_implausible" for p in verdict.problems), (verdict.lost, out)
    assert code == EXIT_ERROR, out
