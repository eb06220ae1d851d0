"""Foreign keys: every link a table has, declared only where the linked table is complete."""

from __future__ import annotations

from typing import Any

from samjournal.evaluation.evaluator.datapackage import JOURNAL
from samjournal.evaluation.table_resources import resource
from samjournal.evaluation.tables import CHECKINS, MEETINGS, NEEDS, PAYMENTS, Table


def _keys(table: Table, **kwargs: Any) -> set[tuple[tuple[str, ...], str, tuple[str, ...]]]:
    return {
        (tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
        for fk in resource(table, **kwargs)["schema"].get("foreignKeys", [])
    }


def test_a_bundle_links_rows_only_to_their_households() -> None:
    """An incremental bundle holds only what changed: a payment's need may be in an earlier one."""
    for table in (MEETINGS, NEEDS, PAYMENTS, CHECKINS):
        assert _keys(table) == {(("household_id",), "households", ("household_id",))}


def test_the_evaluators_package_links_what_it_holds() -> None:
    everything = {"households", "meetings", "needs", "payments", "checkins"}
    household = (("journal_id", "household_id"), "households", ("journal_id", "household_id"))
    assert _keys(NEEDS, prefix=(JOURNAL,), linked=everything) == {
        household,
        (("agreed_meeting_id",), "meetings", ("meeting_id",)),
    }
    assert _keys(PAYMENTS, prefix=(JOURNAL,), linked=everything) == {
        household,
        (("need_id",), "needs", ("need_id",)),
    }
    # A study without meetings: no link to a table the package does not have.
    assert _keys(NEEDS, prefix=(JOURNAL,), linked=everything - {"meetings"}) == {household}
