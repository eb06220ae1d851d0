"""Random sequences of an honest but confused evaluator's decisions (seeded), checking after each
step (issue 13; an outside review's walk, which found the dead ends fixed in
test_readmit_asked_again.py and test_taken_again_twice.py):
- family 0 is out (tombstoned) while the old line is not accepted  <=>  status names it
  KEPT OUT, exactly once (the real journal never says it left in this walk). One exception, by
  design: once the old line's bundle was stored while no decision stood, the old line is the
  journal as far as the workspace knows (it extends every head witnessed before the restores),
  and its tombstone is the journal's own word;
- when status offers `readmit` for it, readmit works; when readmit refuses, status offers none;
- after a withdrawal of an acceptance, the dataset is what it was when it was taken;
- every withdrawal is in status (one WITHDRAWN line each).
Actions: reanchor / reject / withdraw / forget (a refusal) the old line's restore (D1) or the
honest one (D0), import the old line's full bundle, import every real bundle so far and a new
one, readmit family 0.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, forget, on_top, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World, dataset
from tests.samjournal.evaluation.test_audit_witnesses import _activity
from tests.samjournal.evaluation.test_readmit_lines import CONFIRMED, _insider_full, _stoned
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line

ACTIONS = ("reanchor", "reject", "withdraw", "old", "real", "readmit")


@pytest.mark.parametrize("seed", range(16))
def test_random_decisions_keep_status_and_dataset_honest(
    seed: int,
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(seed)
    journal_id, d1, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != d1.id]
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)
    assert _import(ws, full, tmp_path).status == "stored"
    [g] = _stoned(ws, journal_id) - before
    real_files: list[Path] = []
    log: list[str] = []

    def without_g() -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
        records, stones = dataset(ws)
        counts = {tuple(r) for r in ws.db.tuples("SELECT * FROM consent_counts")}
        return {r for r in records if r[1] != g}, {t for t in stones if t[3] != g} | counts

    snap: dict[str, object] = {}  # consent counts were not kept before D1 here
    old_is_the_journal = False
    for step in range(30):
        states = {f.tag: f.decision for f in ws_forks.forks(ws.db, journal_id)}
        tag = rng.choice((d0.tag, d1.tag))
        if states.get(tag):
            action = rng.choice(("withdraw", "withdraw", "old", "real", "readmit", "forget"))
        else:
            action = rng.choice(("reanchor", "reanchor", "reject", "old", "real", "readmit"))
        note = f"{step}:{action}:{'D0' if tag == d0.tag else 'D1'}"
        try:
            if action == "reanchor":
                at = without_g()
                ws_forks.reanchor(ws.db, journal_id, f"ja {step}", tag=tag)
                snap[tag] = at
            elif action == "reject":
                ws_forks.reject(ws.db, journal_id, f"nei {step}", tag=tag)
            elif action == "withdraw":
                was = states.get(tag)
                ws_forks.withdraw(ws.db, journal_id, f"tilbake {step}", tag=tag)
                if was == "accepted" and snap.get(tag) is not None:
                    now = without_g()
                    expect = snap[tag]
                    assert now == expect, (
                        f"undo not exact: records +{len(now[0] - expect[0])}"
                        f" -{len(expect[0] - now[0])}, tombstones +{len(now[1] - expect[1])}"
                        f" -{len(expect[1] - now[1])}: {[*log, note]}"
                    )
            elif action == "forget":
                forget.forget(ws.db, journal_id, f"lagt bort {step}", tag=tag)
            elif action == "old":
                report = _import(ws, full, tmp_path)
                note += ":" + report.status
                if report.status == "stored" and "accepted" not in states.values():
                    old_is_the_journal = True
            elif action == "real":
                for f in real_files:
                    _import(ws, f, tmp_path)
                real = Journal.open(world.journal, LEAD, LEAD_PASS)
                try:
                    _activity(real, world, 1)
                    path = real.evaluation.export(STUDY, tmp_path / f"real-{step}").path
                finally:
                    real.lock()
                real_files.append(path)
                report = _import(ws, path, tmp_path)
                note += ":" + report.status
                if states.get(d1.tag) != "accepted" and states.get(d0.tag) == "accepted":
                    assert report.status == "stored", f"{report.reason}: {[*log, note]}"
            elif action == "readmit":
                offered = [s for s in _lines(ws, journal_id, "en")
                           if "KEPT OUT" in s and g in s]  # fmt: skip
                try:
                    readmit.readmit(ws.db, journal_id, g, f"{CONFIRMED} {step}")
                    snap.clear()  # the evaluator's own change: no longer comparable
                    note += ":ok"
                except ValidationError as exc:
                    note += f":{exc.key}"
                    assert not offered, f"status offers readmit, readmit refuses: {[*log, note]}"
        except ValidationError as exc:
            note += f":refused {exc.key}"
        log.append(note)
        states = {f.tag: f.decision for f in ws_forks.forks(ws.db, journal_id)}
        lines = _lines(ws, journal_id, "en")
        kept = [s for s in lines if "KEPT OUT" in s and g in s]
        out = g in _stoned(ws, journal_id)
        if states.get(d1.tag) != "accepted" and not old_is_the_journal:
            assert out == bool(kept), f"out={out}, named {len(kept)}: {log}"
            assert len(kept) <= 1, f"named {len(kept)} times: {log}"
        withdrawals = on_top.withdrawals(ws.db, journal_id)
        shown = [s for s in lines if "WITHDRAWN" in s]
        assert len(shown) == len(withdrawals), f"{len(shown)} of {len(withdrawals)}: {log}"
