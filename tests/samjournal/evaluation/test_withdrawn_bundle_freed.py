"""A bundle a withdrawal set aside and a later reanchor freed (on_top.free) is never let in twice
and loses nothing, whichever way the decisions go next (issue 13; an outside review's probes,
which held)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World, dataset
from tests.samjournal.evaluation.test_readmit_settled_by_withdrawn import _second_restore
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY


def _setup(lead, ws, world, tmp_path, monkeypatch):
    m, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, m, tmp_path)
    journal_id = held.journal_id
    [first] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    real_before = dataset(ws)
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=first.tag)
    assert _import(ws, m, tmp_path).status == "stored"
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=first.tag)
    assert dataset(ws) == real_before
    return journal_id, first, m, old, real_before


def test_a_freed_bundle_of_a_line_withdrawn_again_is_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, first, m, old, real_before = _setup(lead, ws, world, tmp_path, monkeypatch)
    second = _second_restore(world, old, tmp_path)
    assert _import(ws, second, tmp_path).status == "rejected"
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting and f.tag != first.tag]
    ws_forks.reanchor(ws.db, journal_id, MISTAKE + " (igjen)", tag=waiting.tag)
    assert _import(ws, second, tmp_path).status == "stored"
    ws_forks.withdraw(ws.db, journal_id, WHY + " (igjen)", tag=waiting.tag)
    assert dataset(ws) == real_before
    again = _import(ws, m, tmp_path)
    assert again.status == "rejected", "a bundle of the twice-withdrawn line was stored"
    assert dataset(ws) == real_before


def test_a_freed_bundle_reimported_then_withdrawn_leaves_nothing(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """M freed by the second mistake and imported again on top of it; the second mistake is
    withdrawn: everything of the old line goes, and M is refused afterwards."""
    journal_id, first, m, old, real_before = _setup(lead, ws, world, tmp_path, monkeypatch)
    second = _second_restore(world, old, tmp_path)
    assert _import(ws, second, tmp_path).status == "rejected"
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting and f.tag != first.tag]
    ws_forks.reanchor(ws.db, journal_id, MISTAKE + " (igjen)", tag=waiting.tag)
    assert _import(ws, m, tmp_path).status == "stored"  # freed: its rows come back once
    assert _import(ws, second, tmp_path).status == "stored"
    ws_forks.withdraw(ws.db, journal_id, WHY + " (igjen)", tag=waiting.tag)
    assert dataset(ws) == real_before
    again = _import(ws, m, tmp_path)
    assert again.status == "rejected"
    assert dataset(ws) == real_before
    # and the first decision (withdrawn) can be taken again: M goes in again, once
    ws_forks.reanchor(ws.db, journal_id, "teamleder: likevel", tag=first.tag)
    assert _import(ws, m, tmp_path).status == "stored"
    assert _import(ws, m, tmp_path).status == "already"


def test_the_first_decision_taken_again_after_a_freed_bundle_lets_it_in(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """M freed by the second mistake but not imported again; the second mistake is withdrawn;
    then the team lead says the FIRST decision was right after all: taken again, M goes in."""
    journal_id, first, m, old, _ = _setup(lead, ws, world, tmp_path, monkeypatch)
    second = _second_restore(world, old, tmp_path)
    assert _import(ws, second, tmp_path).status == "rejected"
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting and f.tag != first.tag]
    ws_forks.reanchor(ws.db, journal_id, MISTAKE + " (igjen)", tag=waiting.tag)
    assert _import(ws, second, tmp_path).status == "stored"
    ws_forks.withdraw(ws.db, journal_id, WHY + " (igjen)", tag=waiting.tag)
    ws_forks.reanchor(ws.db, journal_id, "teamleder: den første var riktig", tag=first.tag)
    r = _import(ws, m, tmp_path)
    assert r.status == "stored", r.reason
