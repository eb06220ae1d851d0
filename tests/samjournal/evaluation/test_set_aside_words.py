"""What the evaluator reads when the real journal is refused after a mistaken acceptance: the
decision that set its line aside, by tag, and the command that takes it back (issue 13; found by
an outside review: the refusal named no decision and no way out, and picked "the" decision by
the clock).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samjournal.evaluation.evaluator import Workspace, status
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import World
from tests.samjournal.evaluation.test_restore_undoes_decision import _import
from tests.samjournal.evaluation.test_withdraw_on_top import _mistake, _real_bundle


def test_the_real_journal_refused_after_a_mistaken_acceptance_is_told_how_to_go_on(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_id, mistaken, _, _, _ = _mistake(lead, ws, world, tmp_path, monkeypatch)
    real, bundle = _real_bundle(world, tmp_path, "real")
    real.lock()
    refused = _import(ws, bundle, tmp_path)
    assert refused.status == "rejected"
    [j] = [j for j in status(ws).journals if j.journal_id == journal_id]
    assert j.blocked is not None
    for language in ("nb", "en"):
        words = j.blocked.words(language)
        assert mistaken.tag in words, words  # which decision refuses it
        assert "withdraw" in words, words  # and the command that takes it back
    assert mistaken.tag in refused.reason, refused.reason
