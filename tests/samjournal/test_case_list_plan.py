"""The case list's subqueries use the covering indexes of migration 0003 (not a table scan or
the older, wider indexes): checked with EXPLAIN QUERY PLAN, as team lead and as caseworker."""

from __future__ import annotations

import pytest

from samjournal.journal import Journal
from samjournal.records.families import _CASE_LIST


@pytest.mark.parametrize("who", ["lead", "worker"])
def test_case_list_uses_its_indexes(who: str, request: pytest.FixtureRequest) -> None:
    journal: Journal = request.getfixturevalue(who)
    ctx = journal._ctx
    visible, params = ctx.visibility("f")
    sql = _CASE_LIST.format(visible=visible, status="")
    plan = " | ".join(str(r["detail"]) for r in ctx.db.all("EXPLAIN QUERY PLAN " + sql, params))
    for index in ("needs_open", "payments_used", "meetings_case_list"):
        assert index in plan, plan
    assert "COVERING INDEX meetings_case_list" in plan
    assert "SCAN n" not in plan
    assert "SCAN p" not in plan
    assert "SCAN m" not in plan
