"""The study the tests export to: its id, the evaluator's passphrase, and its workspace (one
study, set up alike by the evaluation tests and the export window's)."""

from __future__ import annotations

from pathlib import Path

from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.profile import Policy
from samjournal.kdf import TEST_COST

STUDY = "livskvalitet-2026"
WS_PASS = "evaluator passordfrase 1"


def make_workspace(folder: Path) -> Path:
    """An evaluator's workspace for the study, made in `folder`."""
    Workspace.init(
        folder,
        study_id=STUDY,
        name="Livskvalitet i samskapt familiestøtte",
        organisation="NTNU Samfunnsforskning",
        passphrase=WS_PASS,
        policy=Policy(k=5, municipality="Trondheim"),
        cost=TEST_COST,
    ).workspace.close()
    return folder
