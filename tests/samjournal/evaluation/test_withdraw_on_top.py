"""A mistaken acceptance with bundles on top no longer blocks the real journal for good (issue
13, the second dead end the third review left).

The evaluator took the journal on from the old line's restore by mistake (the kept-aside
journal stated one at its tip) and imported its bundles on top, a full one among them. The real
journal's next bundle is refused as from a set-aside line, and `withdraw` used to refuse once
anything was imported on top. Now `withdraw --reason` sets aside the bundles imported on top of
the decision (their rows go back to what they were before, their heads are set aside), records
it, and shows it in `evaluator status`; the real journal's next bundle imports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.cli.commands import EXIT_OK, main
from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, status
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.evaluation.evaluator.merge import ImportReport
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    SETTLED,
    STUDY,
    WS_PASS,
    World,
    dataset,
)
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_restore_undoes_decision import _import, _old_line_bundle

MISTAKE = "trodde det var den nye bærbare"
WHY = "teamleder: den gamle journalen var tatt i bruk ved en feil; tilbake til den riktige"

Rows = list[tuple[object, ...]]


def _counts(ws: Workspace) -> Rows:
    return [tuple(r) for r in ws.db.tuples("SELECT * FROM consent_counts ORDER BY 1, 2")]


def _mistake(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, ws_forks.Fork, tuple[Rows, Rows], tuple[Rows, Rows], list[ImportReport]]:
    """The old line's restore accepted by mistake, its bundle and a full one on top (with
    check-ins the real journal never had). Returns the journal id, the mistaken decision's
    restore, the dataset and consent counts before it, the dataset after the bundles on top,
    and their reports."""
    bundle, _ = _old_line_bundle(lead, ws, world, tmp_path, monkeypatch)
    held = _import(ws, bundle, tmp_path)
    assert held.status == "rejected"
    journal_id = held.journal_id
    [waiting] = [f for f in ws_forks.forks(ws.db, journal_id) if f.waiting]
    before, counts = dataset(ws), _counts(ws)
    ws_forks.reanchor(ws.db, journal_id, MISTAKE, tag=waiting.tag)
    on_top = [_import(ws, bundle, tmp_path)]
    [old] = sorted(world.journal.parent.glob(f"{world.journal.name}.before-restore-*"))
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        for family in world.families[:-4]:
            insider.checkins.record(
                family, 3, member_id=world.adults[family][0], answered_on=SETTLED
            )
        full = insider.evaluation.export(STUDY, tmp_path / "old-full", full=True).path
    finally:
        insider.lock()
    on_top.append(_import(ws, full, tmp_path))
    assert [r.status for r in on_top] == ["stored", "stored"], [r.reason for r in on_top]
    assert on_top[1].kind == "full"
    assert "erstattet" in on_top[1].warnings[0]  # the full bundle replaced the journal's rows
    assert dataset(ws) != before  # the old line's rows replaced the journal's
    return journal_id, waiting, (before, counts), dataset(ws), on_top


def _real_bundle(world: World, tmp_path: Path, name: str) -> tuple[Journal, Path]:
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    _activity(journal, world, 3)
    return journal, journal.evaluation.export(STUDY, tmp_path / name).path


def test_withdrawing_a_mistaken_acceptance_sets_aside_what_was_imported_on_top(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, (before, counts), _, on_top = _mistake(
        lead, ws, world, tmp_path, monkeypatch
    )
    real, blocked_bundle = _real_bundle(world, tmp_path, "real")
    try:
        blocked = _import(ws, blocked_bundle, tmp_path)
        assert blocked.status == "rejected"  # the dead end: the real journal is refused
        with pytest.raises(ValidationError) as bare:  # a withdrawal needs a reason
            ws_forks.withdraw(ws.db, journal_id, "  ", tag=mistaken.tag)
        assert bare.value.key == "write_why_withdrawn"
        back = ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
        assert back.waiting
        assert dataset(ws) == before  # the rows imported on top are undone, a full one's too
        assert _counts(ws) == counts
        aside = {str(r[0]) for r in ws.db.tuples("SELECT bundle_hash FROM audit_superseded")}
        assert {r.bundle_hash for r in on_top} <= aside
        stored = _import(ws, blocked_bundle, tmp_path)
        assert stored.status == "stored", stored.reason
        assert stored.receipt is not None
        real.evaluation.import_receipt(stored.receipt)
        _activity(real, world, 2)
        later = real.evaluation.export(STUDY, tmp_path / "real-later").path
        assert _import(ws, later, tmp_path).status == "stored"
    finally:
        real.lock()
    # the researcher is told what was set aside, and why
    [j] = [j for j in status(ws).journals if j.journal_id == journal_id]
    assert j.blocked is None
    for language, word in (("nb", "TILBAKETRUKKET"), ("en", "WITHDRAWN")):
        [line] = [f.words(language) for f in j.forks if word in f.words(language)]
        assert mistaken.tag in line
        assert WHY in line
        for report in on_top:
            assert str(report.sequence) in line
    # the old line stays refused: its restore denied now, its bundles are not taken again
    ws_forks.reject(ws.db, journal_id, "teamleder: den gamle journalen", tag=mistaken.tag)
    for report in on_top:
        again = _import(ws, report.path, tmp_path)
        assert again.status == "rejected", again.reason
        assert again.receipt is None
        assert "lagt til side" in again.reason, again.reason


def test_bundles_on_top_without_a_record_of_their_rows_still_refuse_the_withdrawal(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bundles imported on top before the workspace kept what they changed (schema 9) cannot
    be undone: the withdrawal is refused as before, and nothing changes."""
    journal_id, mistaken, _, _, _ = _mistake(lead, ws, world, tmp_path, monkeypatch)
    with ws.db.transaction():
        ws.db.execute("DELETE FROM audit_on_top")
    now = dataset(ws)
    with pytest.raises(ValidationError) as built_on:
        ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    assert built_on.value.key == "decision_built_on"
    assert dataset(ws) == now
    [still] = [f for f in ws_forks.forks(ws.db, journal_id) if f.tag == mistaken.tag]
    assert still.accepted


def test_the_cli_withdraws_with_a_reason_and_says_what_was_set_aside(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal_id, mistaken, _, _, on_top = _mistake(lead, ws, world, tmp_path, monkeypatch)
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WS_PASS)
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    code = main(["evaluator", "journal", "withdraw", str(world.workspace), "--id", journal_id,
                 "--tag", mistaken.tag, "--reason", WHY])  # fmt: skip
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "WAITING FOR A DECISION" in out
    assert "WITHDRAWN" in out
    assert all(str(r.sequence) in out for r in on_top)


def test_a_withdrawal_taken_back_lets_the_bundles_it_set_aside_be_imported_again(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Withdrawing was the mistake: the team lead confirms the old line IS the journal in use.
    Taking the restore on again puts the set-aside heads back on the line, and the same bundle
    files import again to the dataset they had made; the withdrawal stays on record."""
    journal_id, mistaken, (before, _), after, on_top = _mistake(
        lead, ws, world, tmp_path, monkeypatch
    )
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    assert dataset(ws) == before
    ws_forks.reanchor(ws.db, journal_id, "teamleder: den gamle er likevel i bruk", tag=mistaken.tag)
    for report in on_top:
        again = _import(ws, report.path, tmp_path)
        assert again.status == "stored", again.reason
    assert dataset(ws) == after
    assert not ws.db.tuples("SELECT 1 FROM audit_superseded WHERE bundle_hash IN (?, ?)",
                            tuple(r.bundle_hash for r in on_top))  # fmt: skip
    [j] = [j for j in status(ws).journals if j.journal_id == journal_id]
    assert any(WHY in f.words("nb") for f in j.forks)  # the withdrawal stays on record
    # and the decision can be withdrawn again: the bundles are on top of it once more
    ws_forks.withdraw(ws.db, journal_id, "igjen", tag=mistaken.tag)
    assert dataset(ws) == before
