"""Random sequences of an honest but confused evaluator's decisions, seeded (issue 13; two outside
reviews' walks, the first of which found the dead ends fixed in test_taken_again_twice.py and
test_readmit_asked_again.py). Actions on the old line's restore (D1) and the honest one (D0):
reanchor, reject, withdraw, forget after a refusal; imports of the old line's full bundle, of the
real journal's bundles (new, full, or any earlier file again), the real journal withdrawing a
consent (family 1), readmit of family 0 or 1. After each step:
- the honest journal is never blocked while D0 stands and D1 does not;
- with D0 standing and D1 not, the dataset after the journal's bundles equals what its full
  bundle says (outside family 0);
- a withdrawal of an acceptance gives back the dataset (consent counts too) it was taken on;
- family 0 is out while D1 does not stand  <=>  status names it kept out, once, unless the old
  line's bundle was stored while no decision stood (the old line is then the journal, as far as
  the workspace knows: it extends every head witnessed before the restores);
- family 1, once the real journal's bundle that withdrew its consent is in with D0 standing, is
  out, and readmit never takes it back in; whenever status offers readmit, readmit works;
- every withdrawal is in status.
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

COUNTS = True  # consent counts compared too


@pytest.mark.parametrize("seed", range(24))
def test_rev13i_walk(
    seed: int,
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(1000 + seed)
    journal_id, d1, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    [d0] = [f for f in ws_forks.forks(ws.db, journal_id) if f.accepted and f.id != d1.id]
    before = _stoned(ws, journal_id)
    full = _insider_full(world, old, tmp_path, 1)
    assert _import(ws, full, tmp_path).status == "stored"
    [g] = _stoned(ws, journal_id) - before
    files: list[Path] = []  # every real file so far
    h1: str | None = None  # family 1's household once the real journal withdrew its consent
    h1_in = False
    log: list[str] = []
    old_is_the_journal = False

    def honest() -> bool:
        s = {f.tag: f.decision for f in ws_forks.forks(ws.db, journal_id)}
        return s.get(d0.tag) == "accepted" and s.get(d1.tag) != "accepted"

    def records_without_g() -> set[tuple[object, ...]]:
        records, stones = dataset(ws)
        counts = set()
        if COUNTS:
            counts = {
                ("C", str(r[0]), str(r[1]))
                for r in ws.db.tuples(
                    "SELECT month, data FROM consent_counts WHERE journal_id = ?", (journal_id,)
                )
            }
        return {r for r in records if r[1] != g} | {("T", *t) for t in stones if t[3] != g} | counts

    def export(full_: bool, step: int, withdraw_h1: bool = False) -> Path:
        nonlocal h1
        real = Journal.open(world.journal, LEAD, LEAD_PASS)
        try:
            if withdraw_h1:
                fam = world.families[1]
                for consent in real.consents.for_family(fam):
                    real.consents.withdraw(consent.id)
            else:
                _activity(real, world, 1)
            return real.evaluation.export(STUDY, tmp_path / f"real-{step}", full=full_).path
        finally:
            real.lock()

    snap: dict[str, object] = {}

    def exact() -> set[tuple[object, ...]]:  # without g, h1 (kept out by design) and counts
        records, stones = dataset(ws)
        out: set[object] = set()
        counts = set()
        if COUNTS:
            counts = {
                ("C", str(r[0]), str(r[1]))
                for r in ws.db.tuples(
                    "SELECT month, data FROM consent_counts WHERE journal_id = ?", (journal_id,)
                )
            }
        return (
            counts
            | {r for r in records if r[1] not in out}
            | {("T", *t) for t in stones if t[3] not in out}
        )

    steps = 40
    for step in range(steps):
        states = {f.tag: f.decision for f in ws_forks.forks(ws.db, journal_id)}
        tag = rng.choice((d0.tag, d1.tag))
        if states.get(tag):
            action = rng.choice(
                (
                    "withdraw",
                    "withdraw",
                    "old",
                    "real",
                    "realfull",
                    "again",
                    "readmit",
                    "forget",
                    "consent",
                )
            )
        elif tag in states:
            action = rng.choice(
                ("reanchor", "reanchor", "reject", "old", "real", "realfull", "again", "readmit")
            )
        else:  # forgotten: only the bundles can bring it back
            action = rng.choice(("old", "real", "again", "readmit"))
        note = f"{step}:{action}:{'D0' if tag == d0.tag else 'D1'}"
        try:
            if action == "reanchor":
                at = exact()
                ws_forks.reanchor(ws.db, journal_id, f"ja {step}", tag=tag)
                snap[tag] = at
            elif action == "reject":
                ws_forks.reject(ws.db, journal_id, f"nei {step}", tag=tag)
            elif action == "withdraw":
                ws_forks.withdraw(ws.db, journal_id, f"tilbake {step}", tag=tag)
                if states.get(tag) == "accepted" and snap.get(tag) is not None:
                    drop = {g, h1}
                    now = {x for x in exact() if x[1 if x[0] != "T" else 4] not in drop}
                    expect = {x for x in snap[tag] if x[1 if x[0] != "T" else 4] not in drop}
                    assert now == expect, (
                        f"undo not exact: +{len(now - expect)} -{len(expect - now)}"  # type: ignore
                        f" +{sorted(str(x)[:90] for x in now - expect)[:3]}"  # type: ignore
                        f" -{sorted(str(x)[:90] for x in expect - now)[:3]}"  # type: ignore
                        f": {[*log, note]}"
                    )
            elif action == "forget":
                if states.get(tag) == "accepted":
                    ws_forks.withdraw(ws.db, journal_id, f"tilbake {step}", tag=tag)
                    ws_forks.reject(ws.db, journal_id, f"nei {step}", tag=tag)
                    note += ":wd+rej"
                forget.forget(ws.db, journal_id, f"lagt bort {step}", tag=tag)
            elif action == "old":
                report = _import(ws, full, tmp_path)
                note += ":" + report.status
                if report.status == "stored" and "accepted" not in states.values():
                    old_is_the_journal = True
            elif action == "again":
                if files:
                    f = rng.choice(files)
                    report = _import(ws, f, tmp_path)
                    note += f":{f.parent.name}:{report.status}"
            elif action in ("real", "realfull", "consent"):
                for f in files:
                    _import(ws, f, tmp_path)
                if action == "consent" and h1 is None:
                    path = export(False, step, withdraw_h1=True)
                    h1 = "pending"
                else:
                    path = export(action == "realfull", step)
                files.append(path)
                report = _import(ws, path, tmp_path)
                note += ":" + report.status
                if h1 == "pending" and report.status == "stored":
                    new = _stoned(ws, journal_id) - before - {g}
                    assert len(new) == 1, (new, [*log, note])
                    h1 = next(iter(new))
                if honest():
                    assert report.status == "stored", f"{report.reason}: {[*log, note]}"
                    if h1 is not None and h1 != "pending":
                        h1_in = True
                    # the incremental state equals the journal's full bundle
                    now = records_without_g()
                    check = export(True, 1000 + step)
                    files.append(check)
                    r2 = _import(ws, check, tmp_path)
                    assert r2.status == "stored", f"{r2.reason}: {[*log, note]}"
                    after = records_without_g()
                    assert now == after, (
                        f"incremental != full: +{sorted(map(str, after - now))[:4]}"
                        f" -{sorted(map(str, now - after))[:4]}: {[*log, note]}"
                    )
            elif action == "readmit":
                who = g if (h1 in (None, "pending") or rng.random() < 0.6) else h1
                offered = [s for s in _lines(ws, journal_id, "en")
                           if "KEPT OUT" in s and who in s]  # fmt: skip
                try:
                    readmit.readmit(ws.db, journal_id, who, f"{CONFIRMED} {step}")
                    snap.clear()
                    note += f":ok:{'g' if who == g else 'h1'}"
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
        if h1_in and honest() and action in ("real", "realfull", "consent"):
            # the real journal said family 1 left, and its bundle is in on the line in force
            assert h1 in _stoned(ws, journal_id), f"family 1 back in: {log}"
