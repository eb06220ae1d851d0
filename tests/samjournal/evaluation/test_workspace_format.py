"""A workspace holding rows of bundle format 1 (months) is upgraded for format 2 (day offsets)."""

from __future__ import annotations

from pathlib import Path

from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, WS_PASS, World


def test_rows_of_format_1_go_and_the_next_bundle_brings_every_row(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    old_row = "\x1f".join(("m1", "h1", "2025-03", "office", "2", "1", "0", "2025-04", "1"))
    with Workspace.open(world.workspace, WS_PASS) as ws, ws.db.transaction():
        # Back to schema 2, as a workspace that stored format-1 bundles left it.
        ws.db.execute("DROP TABLE consent_counts")
        ws.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        ws.db.execute(
            "INSERT INTO records VALUES (?, 'h1', 'meetings', 'm1', 1, ?)",
            (lead.journal_id, old_row),
        )
        ws.db.execute(
            "INSERT INTO tombstones VALUES (?, 'households', 'h2', 'h2', 'withdrawn')",
            (lead.journal_id,),
        )
    with Workspace.open(world.workspace, WS_PASS) as ws:
        assert ws.db.scalar("SELECT count(*) FROM records") == 0  # a month is not a day
        assert ws.db.scalar("SELECT count(*) FROM tombstones") == 1  # kept forever
        bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, tmp_path / "package")
    assert written.rows["households"] == len(world.families) - 4
    assert written.rows["meetings"] > 0
    header = (tmp_path / "package" / "meetings.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("journal_id,meeting_id,household_id,day,")


def test_needs_and_payments_of_schema_3_go_the_rest_stays(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """Schema 4: needs gained in_progress_day, met_day and dropped_day (for ended_day), payments
    rejected_day and cancelled_day; rows with the older columns cannot be read under the new."""
    need = "\x1f".join(("n1", "h1", "health", "met", "0", "m1", "3", "40", "1"))
    meeting = "\x1f".join(("m1", "h1", "3", "office", "2", "1", "0", "", "1"))
    with Workspace.open(world.workspace, WS_PASS) as ws, ws.db.transaction():
        ws.db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        for entity, record, data in (("needs", "n1", need), ("meetings", "m1", meeting)):
            ws.db.execute(
                "INSERT INTO records VALUES (?, 'h1', ?, ?, 1, ?)",
                (lead.journal_id, entity, record, data),
            )
    with Workspace.open(world.workspace, WS_PASS) as ws:
        kept = [r[0] for r in ws.db.all("SELECT entity FROM records")]
        assert kept == ["meetings"]
        bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, tmp_path / "package")
    assert written.rows["needs"] > 0
    header = (tmp_path / "package" / "needs.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",agreed_day,in_progress_day,met_day,dropped_day,version")


def test_checkins_of_bundle_format_3_go_and_come_back_with_their_answers(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """Workspace schema 7 (bundle format 4): check-ins gained instrument_id,
    instrument_version, occasion, answered_by and answers (issue 17)."""
    checkin = "\x1f".join(("c1", "h1", "3", "0", "r1", "adult", "7", "5", "", "", "", "", "", "1"))
    meeting = "\x1f".join(("m1", "h1", "3", "office", "2", "1", "0", "", "1"))
    with Workspace.open(world.workspace, WS_PASS) as ws, ws.db.transaction():
        ws.db.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
        for entity, record, data in (("checkins", "c1", checkin), ("meetings", "m1", meeting)):
            ws.db.execute(
                "INSERT INTO records VALUES (?, 'h1', ?, ?, 1, ?)",
                (lead.journal_id, entity, record, data),
            )
    with Workspace.open(world.workspace, WS_PASS) as ws:
        assert [r[0] for r in ws.db.all("SELECT entity FROM records")] == ["meetings"]
        bundle = lead.evaluation.export(STUDY, tmp_path / "out").path
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, tmp_path / "package")
    assert written.rows["checkins"] > 0
    assert written.rows["answers_innbyggernes_modell_v1"] == written.rows["checkins"]
    header = (tmp_path / "package" / "checkins.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",instrument_id,instrument_version,occasion,answered_by,answers,version")
