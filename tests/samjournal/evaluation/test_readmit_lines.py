"""`readmit` and the households a withdrawn line kept out, when lines come and go (issue 13;
found by an outside review):
- a household kept out again after it was taken back in is a question again (it was shown as
  taken back in, and readmit refused it);
- a household the journal itself says left (its own bundle carries the tombstone) is never taken
  back in (readmit erased a real consent withdrawal);
- a line taken on again no longer offers its households for readmit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import MISTAKE, WHY

CONFIRMED = "teamleder: familien har aldri trukket samtykket"


def _stoned(ws: Workspace, journal_id: str) -> set[str]:
    return {
        str(r[0])
        for r in ws.db.tuples(
            "SELECT record_id FROM tombstones WHERE journal_id = ? AND entity = 'households'",
            (journal_id,),
        )
    }


def _insider_full(world: World, old: Path, tmp_path: Path, n: int) -> Path:
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        for family in world.families[:n]:
            for consent in insider.consents.for_family(family):
                insider.consents.withdraw(consent.id)
        return insider.evaluation.export(STUDY, tmp_path / "old-full", full=True).path
    finally:
        insider.lock()


def _family_0_leaves(world: World, tmp_path: Path) -> Path:
    """The real journal withdraws family 0's consents and exports: its bundle says it left."""
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        for consent in real.consents.for_family(world.families[0]):
            real.consents.withdraw(consent.id)
        return real.evaluation.export(STUDY, tmp_path / "real-1").path
    finally:
        real.lock()


def _family_0_kept_out(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    withdraw: bool = True,
) -> tuple[str, ws_forks.Fork, str, Path, Path]:
    """The old line's restore accepted by mistake, its full bundle saying family 0 left stored
    on top, and (`withdraw`) the decision withdrawn: family 0 kept out. Returns the journal id,
    the mistaken decision, family 0's household, the old journal's folder and that bundle."""
    journal_id, mistaken, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)
    assert _import(ws, full, tmp_path).status == "stored"
    [gone] = _stoned(ws, journal_id) - before
    if withdraw:
        ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    return journal_id, mistaken, gone, old, full


def test_a_household_kept_out_again_after_readmit_is_named_and_can_be_taken_back(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, gone, _old, full = _family_0_kept_out(
        lead, ws, world, tmp_path, monkeypatch
    )
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert gone not in _stoned(ws, journal_id)
    # the same mistake again (the honest evaluator re-accepts the old line's restore)
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=mistaken.tag)
    again = _import(ws, full, tmp_path)
    assert again.status == "stored", again.reason
    assert gone in _stoned(ws, journal_id)
    ws_forks.withdraw(ws.db, journal_id, WHY + " (igjen)", tag=mistaken.tag)
    assert gone in _stoned(ws, journal_id)  # kept out again, as designed
    first, second = [k for k in readmit.kept_out(ws.db, journal_id) if k.household == gone]
    assert first.readmitted_at  # the history stays: taken back in once, ...
    assert second.open  # ... kept out again, and a question again
    assert any("KEPT OUT" in s for s in _lines(ws, journal_id, "en"))
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED + " (igjen)")
    assert gone not in _stoned(ws, journal_id)


def test_readmit_does_not_erase_a_tombstone_the_real_journal_sent(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, _mistaken, gone, _old, _full = _family_0_kept_out(
        lead, ws, world, tmp_path, monkeypatch
    )
    # the family really leaves, on the real journal, which sends it
    bundle = _family_0_leaves(world, tmp_path)
    stored = _import(ws, bundle, tmp_path)
    assert stored.status == "stored", stored.reason
    assert gone in _stoned(ws, journal_id)
    # the evaluator (told by someone it "never left on the old laptop") tries to readmit it
    with pytest.raises(ValidationError) as said_left:
        readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert said_left.value.key == "readmit_journal_said_left"
    assert gone in _stoned(ws, journal_id)  # the real journal's tombstone stays
    assert any("HOUSEHOLD OUT" in s for s in _lines(ws, journal_id, "en"))
    # and the next ordinary bundle of the real journal does not bring it back either
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = real.evaluation.export(STUDY, tmp_path / "real-2").path
    finally:
        real.lock()
    _import(ws, bundle, tmp_path)
    assert gone in _stoned(ws, journal_id)


def test_a_line_taken_again_no_longer_offers_its_households_for_readmit(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decision was right after all: withdrawn by mistake, then taken again (reanchor, its
    bundles imported again). The household that line said left is the accepted line's own
    consent withdrawal now; status must not keep telling the evaluator to readmit it."""
    journal_id, mistaken, gone, _old, full = _family_0_kept_out(
        lead, ws, world, tmp_path, monkeypatch
    )
    assert [k.household for k in readmit.kept_out(ws.db, journal_id)] == [gone]
    ws_forks.reanchor(ws.db, journal_id, "teamleder: den var riktig likevel", tag=mistaken.tag)
    again = _import(ws, full, tmp_path)
    assert again.status == "stored", again.reason
    offered = [s for s in _lines(ws, journal_id, "en") if "KEPT OUT" in s]
    assert not offered  # no longer a question: the accepted line's own consent withdrawal
    with pytest.raises(ValidationError) as not_a_question:
        readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert not_a_question.value.key == "readmit_only_kept_out"
    assert gone in _stoned(ws, journal_id)


def test_what_a_bundle_set_aside_later_said_settles_nothing(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle that said the household left settles its row only while it stands: set aside by
    a withdrawal (another mistaken line), the question is open again."""
    journal_id, _mistaken, gone, _old, _full = _family_0_kept_out(
        lead, ws, world, tmp_path, monkeypatch
    )
    with ws.db.transaction():  # as the import of another line's bundle on top would
        readmit.journal_said_left(ws.db, journal_id, 9, "another line's bundle", {gone})
    [settled] = readmit.kept_out(ws.db, journal_id)
    assert settled.left_in == 9
    with ws.db.transaction():  # as that line's withdrawal does (on_top.withdraw)
        readmit.unsettled(ws.db, ["another line's bundle"])
    [open_again] = readmit.kept_out(ws.db, journal_id)
    assert open_again.open
    readmit.readmit(ws.db, journal_id, gone, CONFIRMED)
    assert gone not in _stoned(ws, journal_id)
