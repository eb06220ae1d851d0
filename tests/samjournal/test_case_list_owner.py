"""A team lead's case list filtered to one caseworker's families; a caseworker's is theirs,
whatever is asked."""

from __future__ import annotations

from samjournal.journal import Journal
from tests.conftest import Template


def test_a_team_lead_filters_by_caseworker_and_a_caseworker_cannot(
    lead: Journal, worker: Journal, template: Template
) -> None:
    every = {row.id for row in lead.families.case_list()}
    assert every >= {template.worker_family, template.other_family}
    theirs = lead.families.case_list(owner=worker.user.id)
    assert {row.id for row in theirs} == {template.worker_family}
    assert {row.owner for row in theirs} == {worker.user.display_name}
    mine = {row.id for row in worker.families.case_list()}
    other_owner = next(u.id for u in lead.users() if u.id not in (lead.user.id, worker.user.id))
    assert {row.id for row in worker.families.case_list(owner=other_owner)} == mine
