"""A family is one household to k however many pseudonyms it had. A family that withdrew and
consented again comes back under a new pseudonym with the same fields and rows, so an attacker
holding every bundle may link the two; counting both toward k let one family stand for two (an
outside review, 2026-12-06). The union the check counts holds one footprint per family."""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation import release_check
from samjournal.evaluation.km import Candidate, Outcome
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, World, consent


def _families_of(journal: Journal) -> dict[str, int]:
    """Every pseudonym the study's households ever had -> its family."""
    return {
        str(pseudonym): int(family)
        for pseudonym, family in journal._require_open().db.tuples(
            "SELECT pseudonym, family_id FROM evaluation_households WHERE study_id = ?", (STUDY,)
        )
    }


def test_a_family_that_left_and_came_back_counts_once(
    lead: Journal, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = lead.evaluation
    section.export(STUDY, tmp_path)
    twice = world.families[:2]  # these leave and come back; the second leaves twice
    for family in twice:
        for c in lead.consents.for_family(family):
            lead.consents.withdraw(c.id)
    section.export(STUDY, tmp_path)
    for family in twice:
        consent(lead, world, family)
    section.export(STUDY, tmp_path)
    for c in lead.consents.for_family(twice[1]):
        if c.withdrawn_on is None:
            lead.consents.withdraw(c.id)
    section.export(STUDY, tmp_path)
    consent(lead, world, twice[1])

    seen: list[tuple[list[str], list[str]]] = []
    real = release_check.protect

    def protect(
        candidates: list[Candidate], others: dict[str, frozenset[str]], k: int, m: int
    ) -> Outcome:
        seen.append(([c.name for c in candidates], list(others)))
        return real(candidates, others, k, m)

    monkeypatch.setattr(release_check, "protect", protect)
    section.export(STUDY, tmp_path)
    family_of = _families_of(lead)
    assert sum(1 for f in family_of.values() if f == twice[1]) == 3  # three pseudonyms
    (names, others), *_ = seen
    counted = [family_of[p] for p in [*names, *others]]
    assert sorted(counted) == sorted(set(counted))  # each family once
    assert set(twice) <= set(counted)
