"""An export beside a writer in another process: the bundle is written and every save the
writer was told had succeeded is in the journal afterwards (issue 10's list of commands)."""

from __future__ import annotations

from pathlib import Path

from tests.samjournal.concurrent_helpers import cli, lost_saves, writing
from tests.samjournal.evaluation.conftest import LEAD, STUDY, World


def test_an_export_beside_a_writer_loses_nothing(world: World, tmp_path: Path) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    with writing(world.journal, tmp_path, user=LEAD) as writer:
        done = cli("export", world.journal, "--study", STUDY, "--out", out, "--user", LEAD)
    assert done.returncode == 0, done.stderr
    assert [p.suffix for p in out.iterdir()] == [".age"]
    assert len(writer.acks) >= 5
    assert not writer.refused
    assert lost_saves(world.journal, writer.acks) == []
