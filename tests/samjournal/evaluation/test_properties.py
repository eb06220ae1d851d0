"""Merging is order-independent and idempotent; a withdrawal never comes back."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    STUDY,
    WS_PASS,
    World,
    consent,
    dataset,
)


@dataclass(frozen=True)
class Story:
    workspace: Path  # empty workspace to copy
    bundles: list[Path]  # in the order the journal made them
    withdrawn: str  # household pseudonym of the family that withdrew (in bundle 3)
    withdrawal_bundle: int
    expected: object = field(repr=False)  # the dataset after importing all bundles in order


@pytest.fixture(scope="module")
def story(template_world: World) -> Iterator[Story]:
    root = Path(tempfile.mkdtemp(prefix="samjournal-story-"))
    shutil.copytree(template_world.journal, root / "journal")
    shutil.copytree(template_world.workspace, root / "workspace")
    lead = Journal.open(root / "journal", LEAD, LEAD_PASS)
    section = lead.evaluation
    out = root / "bundles"
    families = template_world.families
    bundles = [section.export(STUDY, out).path]  # 1: full
    lead.checkins.record(families[0], 7)
    payment = lead.families.open(families[3]).payments[0]
    if payment.status == "proposed":
        lead.payments.cancel(payment.id, "ikke nødvendig")
    bundles.append(section.export(STUDY, out).path)  # 2: changes
    withdrawn = str(
        lead._require_open().db.scalar(
            "SELECT pseudonym FROM evaluation_households WHERE family_id = ? AND retired = 0",
            (families[1],),
        )
    )
    lead.consents.withdraw(lead.consents.for_family(families[1])[0].id)
    consent(lead, template_world, families[-1])  # a new family joins
    bundles.append(section.export(STUDY, out).path)  # 3: withdrawal + newcomer
    lead.checkins.record(families[2], 2)
    meeting = lead.families.open(families[4]).meetings[0]
    lead.meetings.remove(meeting.id, "feilført")
    bundles.append(section.export(STUDY, out).path)  # 4: change + record deleted
    bundles.append(section.export(STUDY, out, full=True).path)  # 5: full rebuild
    lead.lock()
    shutil.copytree(root / "workspace", root / "in-order")
    ws = Workspace.open(root / "in-order", WS_PASS)
    try:
        reports = import_bundles(ws, bundles)
        assert [r.status for r in reports] == ["stored"] * 5
        expected = dataset(ws)
    finally:
        ws.close()
    yield Story(root / "workspace", bundles, withdrawn, 2, expected)
    shutil.rmtree(root, ignore_errors=True)


def _fresh(story: Story, where: Path) -> Workspace:
    shutil.copytree(story.workspace, where)
    return Workspace.open(where, WS_PASS)


@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_any_order_with_duplicates_gives_the_same_dataset(
    story: Story, data: st.DataObject
) -> None:
    extra = data.draw(st.lists(st.integers(0, len(story.bundles) - 1), max_size=4))
    order = data.draw(st.permutations(list(range(len(story.bundles))) + extra))
    with tempfile.TemporaryDirectory() as tmp:
        ws = _fresh(story, Path(tmp) / "ws")
        try:
            seen: set[int] = set()
            for i in order:
                [report] = import_bundles(ws, [story.bundles[i]])
                assert report.status == ("already" if i in seen else "stored")
                seen.add(i)
                if story.withdrawal_bundle in seen:
                    records, _ = dataset(ws)
                    assert all(r[1] != story.withdrawn for r in records)
            assert dataset(ws) == story.expected
        finally:
            ws.close()


def test_withdrawal_leaves_the_dataset_and_every_later_package(
    story: Story, tmp_path: Path
) -> None:
    ws = _fresh(story, tmp_path / "ws")
    try:
        import_bundles(ws, story.bundles[:2])
        before = write_datapackage(ws, tmp_path / "dp1")
        assert story.withdrawn in (before.path / "households.csv").read_text()
        import_bundles(ws, [story.bundles[story.withdrawal_bundle]])
        packages = [write_datapackage(ws, tmp_path / "dp2").path]
        # Late and repeated bundles, and the full rebuild, cannot bring the family back.
        shutil.rmtree(ws.path / "receipts")
        import_bundles(ws, [story.bundles[0], story.bundles[1], *story.bundles[3:]])
        packages.append(write_datapackage(ws, tmp_path / "dp3").path)
        for package in packages:
            for csv_file in package.glob("*.csv"):
                assert story.withdrawn not in csv_file.read_text(), csv_file
            assert story.withdrawn not in json.dumps(
                json.loads((package / "datapackage.json").read_text())
            )
        _, tombstones = dataset(ws)
        assert any(t[2] == story.withdrawn and t[4] == "left" for t in tombstones)
    finally:
        ws.close()
