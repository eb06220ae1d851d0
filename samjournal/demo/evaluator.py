"""The demo study's evaluator: a workspace beside the demo journal, so a new user can try the
export end to end (the wizard to a bundle, then `samjournal evaluator import` on it) without an
evaluator of their own.

The workspace is made as `samjournal evaluator init` makes one; the demo journal imports its
study.json and the workspace registers the journal's signing key: the two steps that, for real,
go over the phone with the fingerprints read out. Its passphrase is public, like the journal's
(DEMO_EVALUATOR_PASSPHRASE, in the README). It lives beside the journal folder, never in it, so
no backup of the journal carries it; and it gets the journal's own key-derivation cost, so the
demo stays as quick to make (and as cheap to guess) as the journal it belongs to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from samjournal.demo.constants import (
    DEMO_EVALUATOR_PASSPHRASE,
    DEMO_ORGANISATION,
    DEMO_SITE,
    DEMO_STUDY,
)
from samjournal.demo.places import MUNICIPALITY
from samjournal.errors import SamJournalError
from samjournal.evaluation.evaluator import Workspace, register
from samjournal.evaluation.evaluator.workspace import WorkspaceFolder
from samjournal.evaluation.profile import Policy, StudyProfile
from samjournal.folder import JournalFolder
from samjournal.journal import Journal
from samjournal.kdf import KdfCost
from samjournal.model import Role

SUFFIX = "-evaluator"


def workspace_beside(journal_path: Path) -> Path:
    """Where the demo journal's workspace goes: `demo` -> `demo-evaluator`, a sibling."""
    return journal_path.with_name(journal_path.name + SUFFIX)


def create_demo_workspace(journal: Journal, path: Path) -> StudyProfile | None:
    """Make the demo study's workspace at `path`, import its profile into `journal` (open as a
    team lead) and register the journal in it; the workspace appears at `path` only once it is
    whole. An older demo workspace there (its journal was made anew) is replaced; anything else
    there is left alone, and then the demo has no workspace (None)."""
    if path.exists() and not _is_demo_workspace(path):
        return None
    partial = path.with_name(path.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    created = Workspace.init(
        partial,
        study_id=DEMO_STUDY[0],
        name=DEMO_STUDY[1],
        organisation=DEMO_ORGANISATION,
        passphrase=DEMO_EVALUATOR_PASSPHRASE,
        policy=Policy(municipality=MUNICIPALITY),
        cost=_cost_of(journal),
    )
    with created.workspace as ws:
        register(ws, journal.journal_id, journal.evaluation.public_key(), DEMO_SITE)
        profile = journal.evaluation.import_study(ws.folder.study_path)
    if path.exists():
        shutil.rmtree(path)
    partial.rename(path)
    return profile


def add_demo_workspace(journal: Journal, path: Path) -> StudyProfile | None:
    """A demo made before it had a workspace: make one now, when the demo study has no profile
    and nothing is at `path` (a study.json the user imported, or a folder of theirs, stays
    as it is). None when nothing was done."""
    if path.exists() or journal.user.role is not Role.TEAMLEAD:
        return None
    study = next((s for s in journal.evaluation.studies() if s.id == DEMO_STUDY[0]), None)
    if study is None or study.fingerprint is not None:
        return None
    return create_demo_workspace(journal, path)


def _is_demo_workspace(path: Path) -> bool:
    """Only a workspace of the demo study, by the demo's made-up evaluator, is ever replaced."""
    folder = WorkspaceFolder(path)
    try:
        profile = StudyProfile.load(folder.study_path)
    except SamJournalError:
        return False
    return folder.db_path.exists() and (profile.id, profile.organisation) == (
        DEMO_STUDY[0],
        DEMO_ORGANISATION,
    )


def _cost_of(journal: Journal) -> KdfCost:
    kdf = JournalFolder(journal.path).keyring().slot_for(journal.user.username).kdf
    return KdfCost(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
