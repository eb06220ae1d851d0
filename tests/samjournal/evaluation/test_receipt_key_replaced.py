"""An insider who replaces the study's receipt key stored in the journal cannot keep a genuine
receipt from being held against a cut log (found by an outside review): the failed signature is
a finding, the receipt's head is compared all the same, and `--study` with the evaluator's
profile settles which key is right."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from samjournal.cli.commands import EXIT_ERROR, main
from samjournal.evaluation.evaluator import Workspace
from samjournal.journal import Journal
from samjournal.minisign import SigningKey
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, World
from tests.samjournal.evaluation.test_audit_witnesses import _cut_tail, _rewrite, _witness


def _replace_receipt_key(journal: Journal) -> None:
    db = journal._ctx.db
    profile = journal.evaluation.profile(STUDY)
    # The fingerprint is a hash of the content: the insider recomputes it.
    forged = dataclasses.replace(profile, receipt_key=SigningKey.generate().public.to_line())
    with db.transaction():
        db.execute("UPDATE studies SET profile = ? WHERE id = ?", (forged.canonical_text(), STUDY))


@pytest.fixture
def verify(
    lead: Journal,
    ws: Workspace,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., tuple[int, str]]:
    """The insider cuts the tail, recomputes the log and replaces the stored receipt key; then
    `audit verify --witness <the evaluator's genuine receipt> [more args]`: (exit, output)."""
    seen = _witness(lead, ws, world, tmp_path)
    _rewrite(lead, _cut_tail)
    _replace_receipt_key(lead)
    lead.lock()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    capsys.readouterr()

    def run(*more: str) -> tuple[int, str]:
        code = main(["audit", "verify", str(world.journal), "--witness", str(seen.receipt), *more])
        out = capsys.readouterr()
        return code, out.out + out.err

    return run


def test_a_replaced_receipt_key_does_not_hide_a_cut_tail(
    verify: Callable[..., tuple[int, str]],
) -> None:
    code, said = verify()
    assert code == EXIT_ERROR
    assert "fjernet fra slutten av loggen" in said, (
        "the genuine receipt was not compared with the log at all; the verdict blames the"
        f" receipt: {said!r}"
    )
    assert "byttet ut" in said  # says the stored key may be the false one


def test_the_study_profile_from_the_evaluator_checks_the_receipt(
    verify: Callable[..., tuple[int, str]], ws: Workspace
) -> None:
    code, said = verify("--study", str(ws.folder.study_path))
    assert code == EXIT_ERROR
    assert "fjernet fra slutten av loggen" in said
    assert "byttet ut" not in said  # the evaluator's key verified it: no doubt about the receipt
