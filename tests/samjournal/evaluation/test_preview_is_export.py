"""What the team lead approves is what leaves: the export after a preview sends the release the
preview showed, the opening month's lift (its secret days, its choice among equal households)
drawn from the journal's own key, not afresh in each plan (outside review s23: a 60-family
demo's preview showed 358 payments, the export after it sent none; three dry runs in a row
gave 0, 402 and 0)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from samjournal.evaluation import release_check
from samjournal.evaluation.release_check import _draw as real_draw  # taken before the suite's
from tests.samjournal.evaluation.conftest import STUDY, consented_demo


def test_the_export_after_a_preview_sends_what_it_showed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real draws (the suite fixes them at the month's middle day), and a generator that
    # differs from the one before, should any draw still come from it.
    monkeypatch.setattr(release_check, "_draw", real_draw)
    monkeypatch.setattr(release_check, "_RANDOM", random.Random())
    journal = consented_demo(tmp_path, families=60, seed=1)
    try:
        previews = [journal.evaluation.preview(STUDY).risk for _ in range(2)]
        sent = journal.evaluation.export(STUDY, tmp_path / "out").risk
    finally:
        journal.lock()
    shown = [r.protection for r in (*previews, sent)]
    assert all(p is not None for p in shown)
    first = shown[0]
    assert first is not None
    assert first.by_opening_month is not None
    assert first.by_opening_month.lifted > 0  # the lift chose households, and their days
    for later in shown[1:]:
        assert later == first
