"""The data package says, per journal, what its newest bundle held back, how many rows are in the
dataset and how many still wait (per table too), and the grids of its amounts and budget frames
(journals.csv, rows_by_table.csv, datapackage.json, transforms/README.md, README.txt)."""

from __future__ import annotations

import csv
import json
from dataclasses import fields
from pathlib import Path

from samjournal.evaluation.anonymise import budget_step
from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.evaluation.evaluator.reported import COLUMNS, Reported, reported
from samjournal.evaluation.evaluator.transforms import readme
from samjournal.evaluation.risk import Protection, RiskReport
from samjournal.journal import Journal
from samjournal.money import Money
from tests.samjournal.evaluation.conftest import SETTLED, STUDY, World


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _package(lead: Journal, ws: Workspace, world: World, tmp_path: Path) -> tuple[Path, Protection]:
    """Two bundles imported (the second one newest), the package written; the newest bundle's
    own check."""
    section = lead.evaluation
    first = section.export(STUDY, tmp_path / "b").path
    for family in world.families[:3]:  # a few new rows: the second bundle checks them
        lead.checkins.record(family, 9, answered_on=SETTLED)
    second = section.export(STUDY, tmp_path / "b")
    import_bundles(ws, [first, second.path])
    write_datapackage(ws, tmp_path / "dp")
    assert second.risk.protection is not None
    return tmp_path / "dp", second.risk.protection


def test_journals_csv_says_what_the_newest_bundle_held_back(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    out, newest = _package(lead, ws, world, tmp_path)
    [journal] = _rows(out / "journals.csv")
    assert journal["journal_id"] == lead.journal_id
    assert journal["last_sequence"] == "2"
    assert int(journal["rows_checked"]) == newest.rows_offered
    assert int(journal["rows_held_back"]) == newest.rows_held
    assert int(journal["households_held_back"]) == newest.households_held
    assert int(journal["rows_of_households_held_back"]) == newest.rows_of_households_held
    # Every new column is declared, with a description a researcher can read.
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    [schema] = [r["schema"] for r in package["resources"] if r["name"] == "journals"]
    declared = {f["name"]: f for f in schema["fields"]}
    assert [f["name"] for f in schema["fields"]] == list(journal)
    for column in COLUMNS:
        assert declared[column.name]["type"] == "integer"
        assert len(declared[column.name]["description"]) > 40
    assert "rare and unusual events" in declared["rows_waiting"]["description"]
    # In words: the warning, and why consent counts and households.csv need not reconcile.
    words = (out / "transforms" / "README.md").read_text(encoding="utf-8")
    assert "rare and unusual events" in words
    assert "need not reconcile" in words
    assert (
        f"{newest.rows_held} of {newest.rows_offered} rows checked, and"
        f" {newest.households_held} new households whole"
    ) in words
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "held back" in readme
    assert "biased without weighting" in readme


def _consented_rows(lead: Journal, world: World) -> dict[str, int]:
    """Per table, the rows of the consented families in the journal: what the study would hold
    if nothing waited (all but the last four families consent, conftest)."""
    db = lead._require_open().db
    families = world.families[:-4]
    marks = ",".join("?" * len(families))
    rows = {"households": len(families)}
    for table in ("meetings", "needs", "payments", "checkins"):
        rows[table] = int(
            db.scalar(
                f"SELECT count(*) FROM {table} WHERE family_id IN ({marks}) AND deleted_at IS NULL",
                tuple(families),
            )
        )
    return rows


def test_the_share_waiting_is_of_every_row_the_journal_would_send(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Bundle 2 checks again the rows bundle 1 held back, with its few new rows: what waits is
    counted against every row the study would hold from the journal, per table, not against
    the rows checked (evaluator's finding B: 87-100 % said where 16-29 % was true)."""
    for n, family in enumerate(world.families[:6]):  # amounts no one else has: held back
        lead.payments.propose(family, Money.kr(4321 + 1000 * n), "sjelden")
    out, newest = _package(lead, ws, world, tmp_path)
    assert newest.rows_held == 6  # the six again, and three new rows checked
    assert newest.rows_offered == 9
    truth = _consented_rows(lead, world)
    dataset = {table: len(_rows(out / f"{table}.csv")) for table in truth}
    by_table = {r["table_name"]: r for r in _rows(out / "rows_by_table.csv")}
    assert list(by_table) == list(truth)
    for table, rows in by_table.items():
        assert rows["journal_id"] == lead.journal_id
        assert int(rows["rows_in_dataset"]) == dataset[table]
        assert int(rows["rows_in_dataset"]) + int(rows["rows_waiting"]) == truth[table]
    assert by_table["payments"]["rows_waiting"] == "6"
    assert {rows["changes_waiting"] for rows in by_table.values()} == {"0"}  # no change held
    [journal] = _rows(out / "journals.csv")
    assert int(journal["rows_in_dataset"]) == sum(dataset.values())
    assert int(journal["rows_waiting"]) == 6
    assert newest.rows_waiting_share == round(6 / sum(truth.values()), 4)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = [r for r in package["resources"] if r["name"] == "rows_by_table"]
    assert [f["name"] for f in resource["schema"]["fields"]] == list(by_table["payments"])
    assert all(len(f["description"]) > 40 for f in resource["schema"]["fields"])
    assert resource["schema"]["primaryKey"] == ["journal_id", "table_name"]
    assert all(len(r.get("description", "")) > 40 for r in package["resources"])  # every file
    # In words, as the export's own report says it.
    payments = f"6 of {truth['payments']} ({6 / truth['payments']:.1%})"
    assert f"  - payments: {payments}" in (out / "transforms" / "README.md").read_text()
    assert f"    Payments: {payments}" in newest.lines("en")  # the table's title, not its name
    assert any(line.startswith("    Utbetalinger: 6 av") for line in newest.lines("nb"))


def test_a_report_from_before_the_counts_still_reads(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """A bundle made before rows were counted per table imports and reads: the figures it has,
    the ones it lacks left empty and said to be uncounted, never a share made up."""
    _, newest = _package(lead, ws, world, tmp_path)
    old = json.loads(ws.db.scalar("SELECT risk_report FROM bundles WHERE sequence = 2"))
    for key in ("rows_by_table", "rows_in_dataset", "rows_waiting", "rows_waiting_share"):
        del old["protection"][key]
    found = reported(old)
    assert found is not None
    assert found.rows_held_back == newest.rows_held
    assert found.cells()[:2] == ("", "")
    assert found.table_rows() == []
    protection = RiskReport.from_json(old).protection
    assert protection is not None
    assert protection.rows_waiting_share is None
    assert not any("waiting" in line for line in protection.lines("en"))
    with ws.db.transaction():
        ws.db.execute("UPDATE bundles SET risk_report = ?", (json.dumps(old),))
    assert "rows waiting in the journal: not counted" in readme(ws)
    write_datapackage(ws, tmp_path / "old")
    [journal] = _rows(tmp_path / "old" / "journals.csv")
    assert (journal["rows_in_dataset"], journal["rows_waiting"]) == ("", "")
    assert int(journal["rows_held_back"]) == newest.rows_held
    assert _rows(tmp_path / "old" / "rows_by_table.csv") == []


def test_changes_not_counted_by_an_older_bundle_are_left_empty(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """A bundle made after rows were counted per table but before changes held back were: its
    changes are not counted (empty), never said to be 0 (evaluator review, 2026-12-06)."""
    _package(lead, ws, world, tmp_path)
    old = json.loads(ws.db.scalar("SELECT risk_report FROM bundles WHERE sequence = 2"))
    for rows in old["protection"]["rows_by_table"].values():
        del rows["changes_waiting"]
    found = reported(old)
    assert found is not None
    assert {cells[3] for cells in found.table_rows()} == {""}
    waiting = found.waiting
    assert waiting is not None
    assert waiting.changes_waiting is None
    protection = RiskReport.from_json(old).protection
    assert protection is not None
    assert not any("changes" in line for line in protection.lines("en"))


def test_journals_csv_names_the_grids_the_data_is_on(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    out, newest = _package(lead, ws, world, tmp_path)
    [journal] = _rows(out / "journals.csv")
    grids = {c.name: int(journal[c.name]) for c in COLUMNS}
    assert grids["amount_rounding_nok"] == newest.grids.amount_rounding_nok
    assert grids["budget_rounding_nok"] == newest.grids.budget_rounding_nok
    # The grid said is the grid of the data: every amount and frame is on it, or is the cap.
    for row in _rows(out / "payments.csv"):
        amount = int(row["amount_nok"])
        if row["amount_top_coded"] == "1":
            assert amount == grids["amount_top_code_nok"]
        else:
            assert amount % grids["amount_rounding_nok"] == 0
    households = _rows(out / "households.csv")
    assert households
    for row in households:
        frame = int(row["budget_frame_nok"])
        step = budget_step(grids["budget_rounding_nok"]) if row["area"] == "*" else None
        if row["budget_top_coded"] == "1":
            assert frame == grids["budget_top_code_nok"]
        else:
            assert frame % (step or grids["budget_rounding_nok"]) == 0
    words = (out / "transforms" / "README.md").read_text(encoding="utf-8")
    assert "amount_nok mixes grids across journals" in words
    assert "join on journal_id" in words


def test_the_budget_grid_said_is_the_generalisations() -> None:
    """Rounded to 25 000 kr, then generalised to the 50 000 kr level: the report says 50 000,
    as the generalisation does, not 25 000 beside it (evaluator's finding 12)."""
    levels = {
        "node": [1, 2, 2, 2, 3, 1, 2],  # budget_frame_nok at its coarsest level
        "amount_rounding_nok": 1000,
        "amount_top_code_nok": 4000,
        "budget_rounding_nok": 25_000,
        "budget_top_code_nok": 200_000,
    }
    check = Protection(5, 2, levels, 60, 0, 100, 0, 0, 0, 0.0, 0.0)
    assert check.grids.budget_rounding_nok == 50_000
    assert check.grids.amount_rounding_nok == 1000
    [english] = [line for line in check.lines("en") if "budget frames" in line]
    assert "budget frames to the nearest NOK 50000" in english
    assert "25000" not in english
    finest = {**levels, "node": [0] * 7}
    assert Protection(5, 2, finest, 60, 0, 100, 0, 0, 0, 0.0, 0.0).grids.budget_rounding_nok == (
        25_000
    )


def test_every_column_is_a_figure() -> None:
    assert {c.name for c in COLUMNS} <= {f.name for f in fields(Reported)}


def test_the_codebook_says_what_area_kommune_is(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """A journal that named no municipality releases the word `kommune` as the area: the
    codebook and the field's description say it is the journal's own municipality (finding 11)."""
    out, _ = _package(lead, ws, world, tmp_path)
    area = {r["value"]: r for r in _rows(out / "codebook.csv") if r["variable"] == "area"}
    assert "kommune" in area
    assert area["kommune"]["table"] == "households"
    assert "municipality" in area["kommune"]["label_en"]
    assert "kommune" in area["kommune"]["label_nb"]
    assert area["*"]["label_en"] == "Suppressed (k-anonymity)"
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    [households] = [r["schema"] for r in package["resources"] if r["name"] == "households"]
    [field] = [f for f in households["fields"] if f["name"] == "area"]
    assert "'kommune'" in field["description"]
    assert "site" in field["description"]
    assert "'kommune'" in (out / "transforms" / "README.md").read_text(encoding="utf-8")


def test_the_reports_top_codes_count_what_the_evaluator_holds(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Amounts over the cap proposed today wait (their day would date their households'
    openings), so the dataset does not hold them: the report's count of amounts top-coded, and
    its shares, are of the rows the evaluator holds, not of every row built (it said "133 amounts
    over the cap" of a dataset holding none: evaluator review, 2026-12-07)."""
    section = lead.evaluation
    first = section.export(STUDY, tmp_path / "b").path
    for family in world.families[:3]:
        lead.payments.propose(family, Money.kr(900_000), "over taket")
    second = section.export(STUDY, tmp_path / "b")
    import_bundles(ws, [first, second.path])
    out = write_datapackage(ws, tmp_path / "dp").path
    payments = _rows(out / "payments.csv")
    households = _rows(out / "households.csv")
    capped = sum(row["amount_top_coded"] == "1" for row in payments)
    assert second.risk.protection is not None
    assert second.risk.protection.rows_held >= 3  # the three wait
    assert second.risk.amounts["top_coded"] == capped
    protection = second.risk.protection
    assert protection.amounts_top_coded_share == round(capped / len(payments), 4)
    frames = sum(row["budget_top_coded"] == "1" for row in households)
    assert protection.budgets_top_coded_share == round(frames / len(households), 4)


def test_a_package_without_a_bundle_says_so(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """Written with bundle 1 missing, the package held a few of the journal's rows while its
    counts (from the newest bundle) said almost all were there, and nothing said one was
    missing (evaluator review, 2026-12-08)."""
    section = lead.evaluation
    first = section.export(STUDY, tmp_path / "b").path
    lead.checkins.record(world.families[0], 9, answered_on=SETTLED)
    second = section.export(STUDY, tmp_path / "b").path
    import_bundles(ws, [second])
    written = write_datapackage(ws, tmp_path / "dp")
    assert written.gaps == {lead.journal_id: "1"}
    [journal] = _rows(tmp_path / "dp" / "journals.csv")
    assert journal["bundles_missing"] == "1"
    readme_text = (tmp_path / "dp" / "README.txt").read_text(encoding="utf-8")
    assert f"INCOMPLETE: journal {lead.journal_id} lacks bundle(s) 1" in readme_text
    import_bundles(ws, [first])
    written = write_datapackage(ws, tmp_path / "dp", replace=True)
    assert written.gaps == {}
    [journal] = _rows(tmp_path / "dp" / "journals.csv")
    assert journal["bundles_missing"] == ""
    assert "INCOMPLETE" not in (tmp_path / "dp" / "README.txt").read_text(encoding="utf-8")
