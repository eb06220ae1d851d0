"""A restore held after `forget` never takes the forgotten one's id (found by an outside review):
audit_forks.id was reused, and decisions, withdrawals and set-aside heads that still named it
passed to the new restore, so taking it on brought a withdrawn insider line back unseen. Ids are
never given again (forks.NEXT_ID), and a withdrawal is taken back only by its own restore's tag."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from samjournal.audit_heads import Head
from samjournal.evaluation.audit_proof import Restored
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.evaluator import forget as ws_forget
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator.merge import ImportReport
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_on_top import WHY, _mistake


def _withdrawn_refused_forgotten(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, ws_forks.Fork, list[ImportReport]]:
    """The old line taken on by mistake with bundles on top, then withdrawn, refused and
    dropped, as the README's steps go: (journal id, the mistaken restore, the bundles on top)."""
    journal_id, mistaken, _, _, on_top = _mistake(lead, ws, world, tmp_path, monkeypatch)
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    ws_forks.reject(ws.db, journal_id, "teamleder: den gamle journalen", tag=mistaken.tag)
    ws_forget.forget(ws.db, journal_id, "teamleder bekreftet: innsiderens linje", tag=mistaken.tag)
    return journal_id, mistaken, on_top


def _insider_goes_on(world: World, receipt: Path | None, tmp_path: Path) -> Path:
    """The kept-aside old journal takes the last receipt and exports one more bundle, without
    restating the dropped restore."""
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        assert receipt is not None
        insider.evaluation.import_receipt(receipt)
        _activity(insider, world, 3)
        return insider.evaluation.export(STUDY, tmp_path / "old-more").path
    finally:
        insider.lock()


def test_a_new_restore_taken_on_after_forget_does_not_revive_the_forgotten_lines_bundles(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, on_top = _withdrawn_refused_forgotten(
        lead, ws, world, tmp_path, monkeypatch
    )
    hashes = {r.bundle_hash for r in on_top}
    assert {str(r[0]) for r in ws.db.tuples("SELECT bundle_hash FROM audit_withdrawn")} >= hashes

    # the journal states another restore (a different tag and point); it is held
    new = dataclasses.replace(
        mistaken_restored(mistaken), tag="f" * 16, restored=Head(3, "ab" * 32)
    )
    ws_forks.hold(ws.db, journal_id, 999, "x" * 64, new)
    [held] = [f for f in ws_forks.forks(ws.db, journal_id) if f.tag == "f" * 16]
    assert held.id != mistaken.id  # never given again
    ws_forks.reanchor(ws.db, journal_id, "teamleder bekreftet ny gjenoppretting", tag=held.tag)

    still = {str(r[0]) for r in ws.db.tuples("SELECT bundle_hash FROM bundles")}
    withdrawn = {str(r[0]) for r in ws.db.tuples("SELECT bundle_hash FROM audit_withdrawn")}

    again = [_import(ws, r.path, tmp_path) for r in on_top]
    assert all(a.status == "rejected" for a in again)
    later = _import(ws, _insider_goes_on(world, on_top[-1].receipt, tmp_path), tmp_path)
    assert later.status == "rejected", "a bundle on the forgotten, withdrawn line was stored"
    assert hashes <= still, "the forgotten line's imported bundles vanished from `bundles`"
    assert hashes <= withdrawn, "the forgotten line's bundles are no longer set aside"


def mistaken_restored(fork: ws_forks.Fork) -> Restored:
    return Restored(fork.restored, fork.lost, fork.witnessed, fork.restored_at, fork.tag, ())


def test_control_without_a_new_restore_the_withdrawn_line_stays_refused(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same flow, no other restore taken on: the withdrawn line stays refused."""
    _, _, on_top = _withdrawn_refused_forgotten(lead, ws, world, tmp_path, monkeypatch)
    later = _import(ws, _insider_goes_on(world, on_top[-1].receipt, tmp_path), tmp_path)
    assert later.status == "rejected"
