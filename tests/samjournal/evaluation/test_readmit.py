"""A household a withdrawn line said left the study can be taken back in, one at a time, with a
reason (issue 13; an outside review found that one mistaken acceptance let the kept-aside journal
remove any of the real journal's households for good, and status showed only a count)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.cli.commands import EXIT_OK, main
from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, readmit
from samjournal.evaluation.evaluator import forks as ws_forks
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_restore_forget import _lines
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_exact import _on_old_line
from tests.samjournal.evaluation.test_withdraw_on_top import WHY

CONFIRMED = "teamleder: familien har aldri trukket samtykket"


def _households(ws: Workspace, journal_id: str) -> set[str]:
    return {
        str(r[0])
        for r in ws.db.tuples(
            "SELECT household_id FROM records WHERE journal_id = ? AND entity = 'households'",
            (journal_id,),
        )
    }


def test_households_a_withdrawn_line_kept_out_come_back_once_readmitted(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal_id, mistaken, _, old = _on_old_line(lead, ws, world, tmp_path, monkeypatch)
    before = _households(ws, journal_id)
    insider = Journal.open(old, LEAD, LEAD_PASS)
    try:
        for family in world.families[:3]:
            for consent in insider.consents.for_family(family):
                insider.consents.withdraw(consent.id)
        full = insider.evaluation.export(STUDY, tmp_path / "old-full", full=True).path
    finally:
        insider.lock()
    assert _import(ws, full, tmp_path).status == "stored"
    gone = before - _households(ws, journal_id)
    assert len(gone) == 3
    ws_forks.withdraw(ws.db, journal_id, WHY, tag=mistaken.tag)
    kept = readmit.kept_out(ws.db, journal_id)
    assert {k.household for k in kept} == gone  # named, not only counted
    for language, word in (("nb", "HOLDT UTE"), ("en", "KEPT OUT")):
        lines = [s for s in _lines(ws, journal_id, language) if word in s]
        assert len(lines) == 3
        assert all("readmit" in s and mistaken.tag in s for s in lines)
    first, second, third = sorted(gone)
    # the team lead answers the evaluator's question: which family is this pseudonym?
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    code = main(["study", "household", str(world.journal), "--user", LEAD, "--study", STUDY,
                 first])  # fmt: skip
    asked = capsys.readouterr().out
    assert code == EXIT_OK
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        family = real.evaluation.family_of(STUDY, first)
        assert real.families.get(family).case_number in asked
        assert "consent given" not in asked  # bokmål by default
        assert "samtykke gitt" in asked
        looked_up = [e for e in real.audit_events(family) if e.entity == "evaluation_household"]
        assert [e.entity_id for e in looked_up] == [first, first]  # each lookup is audited
    finally:
        real.lock()
    with pytest.raises(ValidationError) as bare:
        readmit.readmit(ws.db, journal_id, first, "  ")
    assert bare.value.key == "write_why_readmitted"
    with pytest.raises(ValidationError) as never_out:  # only one a withdrawal kept out
        readmit.readmit(ws.db, journal_id, sorted(before - gone)[0], CONFIRMED)
    assert never_out.value.key == "readmit_only_kept_out"
    readmit.readmit(ws.db, journal_id, first, CONFIRMED)
    with pytest.raises(ValidationError) as twice:
        readmit.readmit(ws.db, journal_id, first, CONFIRMED)
    assert twice.value.key == "readmit_only_kept_out"
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", WS_PASS)
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    code = main(["evaluator", "journal", "readmit", str(world.workspace), "--id", journal_id,
                 "--household", second, "--reason", CONFIRMED])  # fmt: skip
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "HOUSEHOLD TAKEN BACK IN" in out
    assert "full bundle" in out
    # the real journal's full bundle brings back the two taken back in; the third stays out
    real = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        bundle = real.evaluation.export(STUDY, tmp_path / "real-full", full=True).path
    finally:
        real.lock()
    stored = _import(ws, bundle, tmp_path)
    assert stored.status == "stored", stored.reason
    assert _households(ws, journal_id) == before - {third}
    taken_back = [s for s in _lines(ws, journal_id, "en") if "TAKEN BACK IN" in s]
    assert len(taken_back) == 2
    assert all(CONFIRMED in s for s in taken_back)
