"""The export wizard and the study-profile import as UI-free state machines; Qt only renders them.

Export steps: choose a study -> review what would be sent (the risk report, and which families
are left out and why) -> choose the destination folder (on this computer or a USB stick) ->
exporting -> done (the bundle's file name, sequence and size, and what to do next).

The flows hold no journal: the steps that read or write take it as an argument, so the client runs
exactly those on its database worker and the rest (checking a folder, moving between steps) where
it likes. A refused step raises `Refused`, whose `problem` the UI words in the user's language.

The export itself is one transaction in the core (plan, sign, encrypt, write the file atomically,
record it in the export log), so it can be stopped only before it starts; `Progress.cancellable`
says when a cancel still counts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from samjournal.errors import PermissionDenied, PolicyBelowFloor, ValidationError
from samjournal.evaluation.anonymise import LEVEL_NAMES
from samjournal.evaluation.exporter import Evaluation, ExportEntry, StudyInfo
from samjournal.evaluation.profile import Policy, StudyProfile
from samjournal.evaluation.risk import RiskReport
from samjournal.evaluation.tables import QUASI_IDENTIFIERS
from samjournal.flows.steps import previous
from samjournal.journal import Journal
from samjournal.messages import ACTIONS, Said, field_name, keyed, text
from samjournal.minisign import heard_fingerprint
from samjournal.model import FamilyId, Role

_AGE_MAGIC = b"age-encryption.org/v1\n"
# A rough, generous size of a bundle, to warn about a nearly full stick before writing.
_BASE_BYTES = 64 * 1024
_ROW_BYTES = 200


class Problem(StrEnum):
    """Why a step is refused; the UI words each one."""

    NO_STUDY = "no_study"  # no study chosen, or the journal does not know it
    NO_PROFILE = "no_profile"  # known from consents only: import study.json first
    NO_CONSENTS = "no_consents"  # no family has consented to the study
    TOO_FEW = "too_few"  # fewer consented families than k, and nothing else to send
    NONE_ALIKE = "none_alike"  # k or more consented, but no k alike yet: nothing to send
    NO_FOLDER = "no_folder"
    FOLDER_MISSING = "folder_missing"
    NOT_A_FOLDER = "not_a_folder"
    NOT_WRITABLE = "not_writable"
    FILE_EXISTS = "file_exists"  # the bundle's file name is already taken in that folder
    NO_FILE = "no_file"  # no profile file chosen
    FINGERPRINT_DIFFERS = "fingerprint_differs"  # not what the evaluator read out
    WOULD_REPLACE = "would_replace"  # the study has a profile with another fingerprint


# The field each problem belongs to (ValidationError.field), and its bokmål wording for the CLI
# and logs; the client words problems itself.
# (field id, message key) in samjournal/catalogue.py; the window words each Problem itself.
REFUSALS: dict[Problem, tuple[str, str]] = {
    Problem.NO_STUDY: ("study", "export_no_study"),
    Problem.NO_PROFILE: ("study", "export_no_profile"),
    Problem.NO_CONSENTS: ("study", "export_no_consents"),
    Problem.TOO_FEW: ("study", "export_too_few"),
    Problem.NONE_ALIKE: ("study", "export_none_alike"),
    Problem.NO_FOLDER: ("folder", "choose_folder"),
    Problem.FOLDER_MISSING: ("folder", "folder_missing"),
    Problem.NOT_A_FOLDER: ("folder", "is_a_file"),
    Problem.NOT_WRITABLE: ("folder", "folder_not_writable"),
    Problem.FILE_EXISTS: ("folder", "bundle_exists"),
    Problem.NO_FILE: ("file", "choose_study_profile"),
    Problem.FINGERPRINT_DIFFERS: ("fingerprint", "fingerprint_differs"),
    Problem.WOULD_REPLACE: ("fingerprint", "other_profile"),
}


class Refused(ValidationError):
    """A step of an export or import flow was refused; `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        field, key = REFUSALS[problem]
        super().__init__(field_name(field, "nb") or field, text(key, {}, "nb"))
        self.key, self.field_id, self.problem = key, field, problem


def require_teamlead(journal: Journal, what: str = "export_to_study") -> None:
    """`what`: an action's id in messages.ACTIONS."""
    if journal.user.role is not Role.TEAMLEAD:
        raise keyed(PermissionDenied, "teamlead_only", what=ACTIONS[what])


# -- what the screens show ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StudyChoice:
    """A study on the first page, with how its exports stand."""

    id: str
    name: str
    organisation: str
    fingerprint: str | None  # None: no profile imported yet, so nothing can be exported
    k: int | None
    exports: int
    last_export: dt.datetime | None
    waiting: int  # bundles without a receipt from the evaluator

    @property
    def ready(self) -> bool:
        return self.fingerprint is not None


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A family that is not sent, and why (reason: a `consent_gate.Left` value)."""

    family_id: FamilyId
    case_number: str  # "" when the family is no longer in the journal
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class Generalisation:
    """How far one quasi-identifier was coarsened: level 0 is exact, `top` the coarsest."""

    quasi_identifier: str  # area, household_size, children, adult_ages
    level: int
    top: int


@dataclass(frozen=True, slots=True)
class Review:
    """What the export would send, before anything is written."""

    study: StudyChoice
    kind: str  # full or incremental
    sequence: int
    file_name: str  # the bundle's name, unless someone exports this study meanwhile
    risk: RiskReport
    left_out: tuple[LeftOut, ...]
    generalisation: tuple[Generalisation, ...]
    blocker: Problem | None  # why this cannot be sent, if it cannot
    policy: Policy  # the rules the team lead reads before confirming (policy_words)

    @property
    def households(self) -> int:
        return self.risk.released

    @property
    def rows(self) -> int:
        return sum(n for table, n in self.risk.rows.items() if table != "tombstones")

    @property
    def tombstones(self) -> int:
        return self.risk.rows.get("tombstones", sum(self.risk.tombstones.values()))

    @property
    def estimated_bytes(self) -> int:
        return _BASE_BYTES + _ROW_BYTES * (self.rows + self.tombstones)


@dataclass(frozen=True, slots=True)
class Destination:
    folder: Path
    free_bytes: int | None  # None when the system cannot say
    needed_bytes: int  # a generous estimate of the bundle's size

    @property
    def low_space(self) -> bool:
        return self.free_bytes is not None and self.free_bytes < self.needed_bytes


class Phase(StrEnum):
    CHECKING = "checking"  # the folder is still there and writable
    WRITING = "writing"  # plan, sign, encrypt, write and record: one transaction, no stopping
    VERIFYING = "verifying"  # read the file back from the folder


PHASES = tuple(Phase)


@dataclass(frozen=True, slots=True)
class Progress:
    phase: Phase
    number: int  # from 1
    count: int
    cancellable: bool  # False once the bundle is being written: it is sent whole or not at all


@dataclass(frozen=True, slots=True)
class Outcome:
    """The bundle written, for the last page."""

    path: Path
    study: StudyChoice
    entry: ExportEntry
    size: int
    verified: bool  # the file reads back from the folder as an age file of that size
    waiting: int  # this study's bundles still without a receipt, this one included
    audit_head: str
    notices: tuple[Said, ...] = ()  # what the export settled in the folder first (by key)

    @property
    def file_name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class HistoryRow:
    entry: ExportEntry
    study_name: str


# -- the export ---------------------------------------------------------------------------------


class Step(StrEnum):
    STUDY = "study"
    REVIEW = "review"
    DESTINATION = "destination"
    EXPORTING = "exporting"
    DONE = "done"


ORDER = tuple(Step)
_BACK = {Step.REVIEW: Step.STUDY, Step.DESTINATION: Step.REVIEW}


class ExportFlow:
    """One run of the export wizard. Methods move it forward or raise (`Refused` and others)."""

    def __init__(self) -> None:
        self.step = Step.STUDY
        self.studies: tuple[StudyChoice, ...] = ()
        self.full = False
        self.review: Review | None = None
        self.destination: Destination | None = None
        self.outcome: Outcome | None = None
        self.phase: Phase | None = None

    def _expect(self, step: Step) -> None:
        if self.step is not step:
            raise RuntimeError(f"export is at {self.step}, not {step}")

    # -- choose a study (reads: run on the database worker) ----------------------------------

    def load(self, journal: Journal) -> tuple[StudyChoice, ...]:
        """The studies the journal knows, with their exports (team lead)."""
        require_teamlead(journal)
        self.studies = study_choices(journal)
        return self.studies

    def choose_study(self, journal: Journal, study_id: str, *, full: bool = False) -> Review:
        """Work out what would be sent (slow on a big journal: the whole release is planned)."""
        self._expect(Step.STUDY)
        require_teamlead(journal)
        self.studies = study_choices(journal)  # fresh: a profile may have come in meanwhile
        study = next((s for s in self.studies if s.id == study_id), None)
        if study is None:
            raise Refused(Problem.NO_STUDY)
        if not study.ready:
            raise Refused(Problem.NO_PROFILE)
        preview = journal.evaluation.preview(study_id, full=full)
        names = {row.id: row for row in journal.families.case_list()}
        left = []
        for family_id, reason in preview.left_out.items():
            row = names.get(family_id)
            left.append(
                LeftOut(
                    family_id,
                    row.case_number if row else "",
                    row.display_name if row else "",
                    reason,
                )
            )
        left.sort(key=lambda x: (x.reason, x.case_number == "", x.case_number, x.family_id))
        risk = preview.risk
        self.full = full
        self.review = Review(
            study=study,
            kind=preview.kind,
            sequence=preview.sequence,
            file_name=journal.evaluation.bundle_file_name(study_id, preview.sequence),
            risk=risk,
            left_out=tuple(left),
            generalisation=_generalisation(risk),
            blocker=_blocker(risk),
            policy=journal.evaluation.profile(study_id).policy,
        )
        self.step = Step.REVIEW
        return self.review

    # -- review ----------------------------------------------------------------------------

    def accept_review(self) -> None:
        self._expect(Step.REVIEW)
        assert self.review is not None
        if self.review.blocker is not None:
            raise Refused(self.review.blocker)
        self.step = Step.DESTINATION

    # -- destination (file system only) ---------------------------------------------------

    def inspect(self, folder: Path | str) -> Destination:
        """Free space in a folder, for the page to show as the user picks; refuses a bad one."""
        path = _folder(folder)
        try:
            free: int | None = shutil.disk_usage(path).free
        except OSError:
            free = None
        needed = self.review.estimated_bytes if self.review else _BASE_BYTES
        return Destination(path, free, needed)

    def choose_destination(self, folder: Path | str) -> Destination:
        self._expect(Step.DESTINATION)
        assert self.review is not None
        destination = self.inspect(folder)
        _probe(destination.folder)
        if (destination.folder / self.review.file_name).exists():
            raise Refused(Problem.FILE_EXISTS)
        self.destination = destination
        self.step = Step.EXPORTING
        return destination

    # -- exporting (run on the database worker) --------------------------------------------

    def export(
        self,
        journal: Journal,
        *,
        progress: Callable[[Progress], None] | None = None,
        checkpoint: Callable[[], None] | None = None,
    ) -> Outcome:
        """Write the bundle. `checkpoint()` is called while stopping is still possible; raise
        from it to cancel (the flow goes back to the destination, nothing is written). On any
        error the flow goes back to the destination too, and the error is raised."""
        self._expect(Step.EXPORTING)
        assert self.review is not None
        assert self.destination is not None
        study = self.review.study

        def enter(phase: Phase, cancellable: bool) -> None:
            self.phase = phase
            if progress is not None:
                progress(Progress(phase, PHASES.index(phase) + 1, len(PHASES), cancellable))
            if cancellable and checkpoint is not None:
                checkpoint()

        try:
            enter(Phase.CHECKING, True)
            folder = _folder(self.destination.folder)
            _probe(folder)
            if checkpoint is not None:
                checkpoint()  # the last moment a cancel counts
            enter(Phase.WRITING, False)
            result = journal.evaluation.export(study.id, folder, full=self.full)
        except BaseException:
            self.phase = None
            self.step = Step.DESTINATION
            raise
        # The bundle is written and recorded: from here on the export has happened.
        enter(Phase.VERIFYING, False)
        size, verified = _read_back(result.path)
        waiting = sum(not e.delivered for e in journal.evaluation.export_log(study.id))
        self.outcome = Outcome(
            path=result.path,
            study=study,
            entry=result.entry,
            size=size,
            verified=verified,
            waiting=waiting,
            audit_head=result.audit_head,
            notices=result.notices,
        )
        self.phase = None
        self.step = Step.DONE
        return self.outcome

    # -- going back ------------------------------------------------------------------------

    @property
    def can_go_back(self) -> bool:
        return self.step in _BACK

    def back(self) -> None:
        self.step = previous(self.step, _BACK)
        if self.step is Step.STUDY:
            self.review = None
        self.destination = None

    @property
    def position(self) -> tuple[int, int]:
        """(step number from 1, number of steps) for a progress line."""
        return ORDER.index(self.step) + 1, len(ORDER)


def study_choices(journal: Journal) -> tuple[StudyChoice, ...]:
    section = journal.evaluation
    log: dict[str, list[ExportEntry]] = {}
    for entry in section.export_log():
        log.setdefault(entry.study_id, []).append(entry)
    out = []
    for info in section.studies():
        entries = log.get(info.id, [])
        out.append(
            StudyChoice(
                id=info.id,
                name=info.name,
                organisation=info.organisation or "",
                fingerprint=info.fingerprint,
                k=_k(section, info.id) if info.fingerprint else None,
                exports=len(entries),
                last_export=max((e.created_at for e in entries), default=None),
                waiting=sum(not e.delivered for e in entries),
            )
        )
    return tuple(out)


def _k(section: Evaluation, study_id: str) -> int | None:
    """The study's k; None (not ready) for a profile stored before the floor that is under it:
    choosing it says why, and nothing is sent under the floor."""
    try:
        return section.profile(study_id).policy.k
    except PolicyBelowFloor:
        return None


def export_history(journal: Journal) -> list[HistoryRow]:
    """Every bundle this journal wrote, newest first, with whether the evaluator confirmed it."""
    require_teamlead(journal)
    section = journal.evaluation
    names = {s.id: s.name for s in section.studies()}
    rows = [HistoryRow(e, names.get(e.study_id, e.study_id)) for e in section.export_log()]
    rows.sort(key=lambda r: (r.entry.created_at, r.entry.study_id, r.entry.sequence), reverse=True)
    return rows


def bundle_risk(journal: Journal, study_id: str, sequence: int) -> RiskReport:
    """The risk report a bundle was sent with (kept in the export log), for the history: what a
    team lead approved, to read again when the study's DPO asks."""
    require_teamlead(journal)
    return journal.evaluation.risk_report(study_id, sequence)


def _generalisation(risk: RiskReport) -> tuple[Generalisation, ...]:
    out = []
    for index, qi in enumerate(QUASI_IDENTIFIERS):
        levels = LEVEL_NAMES[index]
        name = risk.generalisation.get(qi, levels[-1])
        level = levels.index(name) if name in levels else len(levels) - 1
        out.append(Generalisation(qi, level, len(levels) - 1))
    return tuple(out)


def _blocker(risk: RiskReport) -> Problem | None:
    """Nothing to send: no household released and no tombstone to carry."""
    if risk.released or sum(risk.tombstones.values()):
        return None
    if risk.consented == 0:
        return Problem.NO_CONSENTS
    # Enough consented, none alike: more consents are not what it lacks (team lead review s23:
    # "Consented: 5" beside "fewer families have consented than the study needs (k = 5)").
    return Problem.TOO_FEW if risk.consented < risk.k else Problem.NONE_ALIKE


def _folder(folder: Path | str) -> Path:
    if not str(folder).strip():
        raise Refused(Problem.NO_FOLDER)
    path = Path(folder).expanduser()
    if not path.exists():
        raise Refused(Problem.FOLDER_MISSING)
    if not path.is_dir():
        raise Refused(Problem.NOT_A_FOLDER)
    return path


def _probe(folder: Path) -> None:
    """Writable for real (os.access is not reliable on Windows and network drives)."""
    try:
        handle, name = tempfile.mkstemp(prefix=".samjournal-probe-", dir=folder)
    except OSError as exc:
        raise Refused(Problem.NOT_WRITABLE) from exc
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)


def _read_back(path: Path) -> tuple[int, bool]:
    """(size, whether the file reads back whole as an age file)."""
    try:
        size = path.stat().st_size
        read = 0
        with path.open("rb") as fh:
            head = fh.read(len(_AGE_MAGIC))
            read = len(head)
            while chunk := fh.read(1 << 20):
                read += len(chunk)
    except OSError:
        return 0, False
    return size, head == _AGE_MAGIC and read == size


# -- importing a study profile ------------------------------------------------------------------


class ImportStep(StrEnum):
    CHOOSE = "choose"  # pick study.json
    CONFIRM = "confirm"  # compare the fingerprint the evaluator reads out
    DONE = "done"


@dataclass(frozen=True, slots=True)
class ProfileFacts:
    profile: StudyProfile
    replaces: str | None  # the fingerprint of the profile it would replace, if different
    first: bool  # the journal holds no profile for the study (it may know it from consents)


class StudyImport:
    """Choose study.json, read its fingerprint out with the evaluator, import it (team lead)."""

    def __init__(self) -> None:
        self.step = ImportStep.CHOOSE
        self.facts: ProfileFacts | None = None
        self._heard = ""
        self._replace = False
        self._municipality = ""

    def read(self, journal: Journal, path: Path | str) -> ProfileFacts:
        """Parse the file (refused when damaged: BundleRejected) and see what it would change."""
        if self.step is ImportStep.DONE:
            raise RuntimeError("the profile is imported")
        require_teamlead(journal, "import_study_profile")
        if not str(path).strip():
            raise Refused(Problem.NO_FILE)
        profile = StudyProfile.load(Path(path).expanduser())
        known = {s.id: s for s in journal.evaluation.studies()}
        old: StudyInfo | None = known.get(profile.id)
        replaces = (
            old.fingerprint
            if old is not None and old.fingerprint and old.fingerprint != profile.fingerprint
            else None
        )
        self.facts = ProfileFacts(profile, replaces, old is None or not old.fingerprint)
        self.step = ImportStep.CONFIRM
        return self.facts

    def confirm(self, heard: str, *, replace: bool = False, municipality: str = "") -> None:
        """`heard`: the fingerprint as the evaluator read it out (any case, spaces or dashes);
        `municipality`: the name released as the area (empty: the profile's own)."""
        if self.step is not ImportStep.CONFIRM:
            raise RuntimeError(f"import is at {self.step}")
        assert self.facts is not None
        if heard_fingerprint(heard) != self.facts.profile.fingerprint:
            raise Refused(Problem.FINGERPRINT_DIFFERS)
        if self.facts.replaces and not replace:
            raise Refused(Problem.WOULD_REPLACE)
        self._heard = heard
        self._replace = replace
        self._municipality = " ".join(municipality.split())

    def run(self, journal: Journal) -> StudyProfile:
        """Import (after `confirm`); the core checks the fingerprint once more."""
        if self.step is not ImportStep.CONFIRM or self.facts is None or not self._heard:
            raise RuntimeError("confirm the fingerprint first")
        profile = journal.evaluation.import_study(
            self.facts.profile.canonical_text().encode("utf-8"),
            expect_fingerprint=self._heard,
            replace=self._replace,
            municipality=self._municipality or None,
        )
        self.step = ImportStep.DONE
        return profile

    def back(self) -> None:
        if self.step is ImportStep.CONFIRM:
            self.step = ImportStep.CHOOSE
            self.facts = None
            self._heard = ""


__all__ = [
    "PHASES",
    "Destination",
    "ExportFlow",
    "Generalisation",
    "HistoryRow",
    "ImportStep",
    "LeftOut",
    "Outcome",
    "Phase",
    "Problem",
    "ProfileFacts",
    "Progress",
    "Refused",
    "Review",
    "Step",
    "StudyChoice",
    "StudyImport",
    "export_history",
    "study_choices",
]
