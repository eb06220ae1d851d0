"""`study household` is for team leads only and audited, and a caseworker learns nothing, not even
whether the pseudonym exists (issue 13; an outside review's probe, which held)."""

from __future__ import annotations

import pytest

from samjournal.errors import NotFound, PermissionDenied
from samjournal.evaluation.pseudonyms import MAX_LOGGED
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WORKER, WORKER_PASS, World  # type: ignore[attr-defined]


def _a_pseudonym(lead: Journal) -> str:
    db = lead._require_open().db
    return str(
        db.scalar("SELECT pseudonym FROM evaluation_households WHERE study_id = ?", (STUDY,))
    )


def test_caseworker_cannot_look_up_nor_probe(lead: Journal, world: World, tmp_path) -> None:
    lead.evaluation.export(STUDY, tmp_path / "b")
    real = _a_pseudonym(lead)
    lead.lock()
    worker = Journal.open(world.journal, WORKER, WORKER_PASS)
    try:
        errors = []
        for p in (real, "hNOSUCHPSEUDONYM0"):
            with pytest.raises(PermissionDenied) as e:
                worker.evaluation.family_of(STUDY, p)
            errors.append(str(e.value))
        assert errors[0] == errors[1]  # no oracle
    finally:
        worker.lock()
    lead2 = Journal.open(world.journal, LEAD, LEAD_PASS)
    try:
        fam = lead2.evaluation.family_of(STUDY, "  " + real + " ")
        assert any(e.entity == "evaluation_household" for e in lead2.audit_events(fam))
    finally:
        lead2.lock()


def test_a_miss_is_audited_too(lead: Journal, tmp_path) -> None:
    """Pseudonyms are random: a team lead trying many leaves a trail, each miss an event."""
    lead.evaluation.export(STUDY, tmp_path / "b")
    probes = ["hNOSUCHPSEUDONYM0", "h" + "x" * 200]
    for probe in probes:
        with pytest.raises(NotFound):
            lead.evaluation.family_of(STUDY, probe)
    rows = lead._require_open().db.tuples(
        "SELECT entity_id, family_id, detail FROM audit WHERE entity = 'evaluation_household'"
        " ORDER BY seq"
    )
    assert rows == [(p[:MAX_LOGGED], None, f"study {STUDY}: not released") for p in probes]
