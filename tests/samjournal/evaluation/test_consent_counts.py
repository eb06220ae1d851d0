"""Consent and attrition as counts per month, in every bundle and in the evaluator's package."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected
from samjournal.evaluation.bundle import open_bundle
from samjournal.evaluation.evaluator import Workspace, import_bundles, merge, write_datapackage
from samjournal.evaluation.tables import CONSENT_COUNTS
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, World


def _journal_counts(lead: Journal) -> dict[str, tuple[int, int]]:
    """month -> (consents given, withdrawn), counted from the consents one by one."""
    out: dict[str, tuple[int, int]] = {}
    for given_on, withdrawn_on in lead._require_open().db.tuples(
        "SELECT given_on, withdrawn_on FROM consents WHERE study_id = ?", (STUDY,)
    ):
        g, w = out.get(given_on[:7], (0, 0))
        out[given_on[:7]] = (g + 1, w)
        if withdrawn_on:
            g, w = out.get(withdrawn_on[:7], (0, 0))
            out[withdrawn_on[:7]] = (g, w + 1)
    return out


def test_counts_per_month_never_who(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    # A consent given three months back, in a family that never consents whole (conftest): the
    # months between hold none.
    back = dt.date.today() - dt.timedelta(days=92)
    lead.consents.give(
        world.adults[world.families[-1]][0], STUDY, letter_version="v1", given_on=back
    )
    first = lead.evaluation.export(STUDY, tmp_path / "out").path
    leaving = world.families[0]
    lead.consents.withdraw(lead.consents.for_family(leaving)[0].id)
    second = lead.evaluation.export(STUDY, tmp_path / "out").path

    month = dt.date.today().isoformat()[:7]
    bundles = [open_bundle(p.read_bytes(), ws.identities) for p in (first, second)]
    before, after = ({row[0]: row for row in b.tables[CONSENT_COUNTS.name]} for b in bundles)
    truth = _journal_counts(lead)
    for month_seen, row in after.items():
        assert (int(row[1]), int(row[2])) == truth.get(month_seen, (0, 0))
    assert set(truth) <= set(after)
    # Every month from the first to the bundle's, a quiet one as zeros (evaluator review s23).
    months = sorted(after)
    assert months[-1] == month
    for earlier, later in itertools.pairwise(months):
        year, number = map(int, earlier.split("-"))
        assert later == (f"{year + 1}-01" if number == 12 else f"{year}-{number + 1:02d}")
    assert months[0] == back.isoformat()[:7]
    assert any(row[1:] == ["0", "0", "0", "0"] for row in after.values())
    consented = len(world.families) - 4  # the last four never consent (conftest)
    assert int(before[month][3]) == consented
    assert (before[month][4], after[month][4]) == ("0", "1")  # one household left by withdrawal
    assert int(after[month][2]) == 1
    # Counts only: every cell past the month is a number, no pseudonym of any kind.
    assert all(c.isdigit() for row in after.values() for c in row[1:])

    # The evaluator keeps the newest bundle's counts, whichever order they arrive in.
    reports = import_bundles(ws, [second, first], receipts_dir=tmp_path / "receipts")
    assert [r.status for r in reports] == ["stored", "stored"]
    write_datapackage(ws, tmp_path / "package")
    with (tmp_path / "package" / "consent_counts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["journal_id", *CONSENT_COUNTS.header]
    assert [r[1:] for r in rows[1:]] == [list(r) for r in sorted(after.values())]
    assert {r[0] for r in rows[1:]} == {lead.journal_id}


@pytest.mark.parametrize(
    "rows",
    [
        [["2025-13", "1", "0", "1", "0"]],
        [["2025-05-01", "1", "0", "1", "0"]],
        [["2025-05", "-1", "0", "1", "0"]],
        [["2025-05", "1e3", "0", "1", "0"]],
        [["2025-05", "hAbc", "0", "1", "0"]],
        [["2025-05", "1", "0", "1", "0"], ["2025-05", "2", "0", "1", "0"]],
    ],
)
def test_counts_that_are_not_counts_are_refused(
    lead: Journal, ws: Workspace, tmp_path: Path, rows: list[list[str]]
) -> None:
    bundle = open_bundle(
        lead.evaluation.export(STUDY, tmp_path / "out").path.read_bytes(), ws.identities
    )
    forged = dataclasses.replace(bundle, tables={**bundle.tables, CONSENT_COUNTS.name: rows})
    with pytest.raises(BundleRejected, match=CONSENT_COUNTS.name):
        merge._consent_counts(forged)
