"""The export wizard's and the profile import's state machines, without a screen."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected, DiskFull, PermissionDenied
from samjournal.evaluation import exporter
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.profile import StudyProfile
from samjournal.flows import export as export_flow
from samjournal.flows.export import (
    ExportFlow,
    ImportStep,
    Phase,
    Problem,
    Progress,
    Refused,
    Step,
    StudyImport,
    export_history,
)
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, WORKER, WORKER_PASS, World


class Stop(Exception):
    pass


def other_study(ws: Workspace, study_id: str, **changes: object) -> StudyProfile:
    """Another study of the same evaluator (same keys), for the journal to import."""
    profile = dataclasses.replace(ws.profile, id=study_id, name=f"Studie {study_id}")
    return dataclasses.replace(profile, **changes)  # type: ignore[arg-type]


def at_destination(lead: Journal, *, full: bool = False) -> ExportFlow:
    flow = ExportFlow()
    flow.load(lead)
    flow.choose_study(lead, STUDY, full=full)
    flow.accept_review()
    return flow


def refused(problem: Problem, action: object) -> Refused:
    with pytest.raises(Refused) as caught:
        action()  # type: ignore[operator]
    assert caught.value.problem is problem
    return caught.value


def test_the_whole_export(lead: Journal, world: World, ws: Workspace, tmp_path: Path) -> None:
    flow = ExportFlow()
    assert flow.step is Step.STUDY
    assert flow.position == (1, 5)
    assert not flow.can_go_back
    [study] = flow.load(lead)
    assert (study.id, study.ready, study.k, study.exports, study.waiting) == (STUDY, True, 5, 0, 0)

    review = flow.choose_study(lead, STUDY)
    assert flow.step is Step.REVIEW
    assert flow.position == (2, 5)
    assert (review.kind, review.sequence, review.blocker) == ("full", 1, None)
    assert re.fullmatch(r"samjournal-00001-[0-9a-f]{10}\.age", review.file_name)  # no ids
    risk = review.risk
    assert (risk.families, risk.consented, risk.released) == (24, 20, 20)
    assert risk.k == 5
    assert risk.after.smallest_class >= 5
    assert risk.after.records_at_risk == 0
    assert risk.after.highest_risk <= 1 / 5
    assert review.policy == lead.evaluation.profile(STUDY).policy  # read before confirming
    assert review.households == 20
    assert review.rows > 20
    # The four families that never consented, by case number and name, and why.
    never = set(world.families[-4:])
    assert {x.family_id for x in review.left_out} == never
    assert all(x.reason == "no_consent" and x.case_number and x.name for x in review.left_out)
    assert risk.left_out == {"no_consent": 4}
    assert [g.quasi_identifier for g in review.generalisation] == [
        "area",
        "household_size",
        "children",
        "adult_ages",
        "opened_month",
        "status",
        "budget_frame_nok",
    ]
    assert all(0 <= g.level <= g.top for g in review.generalisation)
    assert [g.top for g in review.generalisation] == [1, 2, 2, 2, 3, 1, 2]

    flow.accept_review()
    assert flow.step is Step.DESTINATION
    usb = tmp_path / "usb"
    usb.mkdir()
    seen = flow.inspect(usb)
    assert seen.free_bytes is not None
    assert seen.free_bytes > 0
    assert seen.needed_bytes >= review.estimated_bytes
    assert not seen.low_space
    flow.choose_destination(usb)
    assert flow.step is Step.EXPORTING
    assert not flow.can_go_back
    assert list(usb.iterdir()) == []  # the write probe leaves nothing behind

    steps: list[Progress] = []
    checks: list[Phase | None] = []
    outcome = flow.export(lead, progress=steps.append, checkpoint=lambda: checks.append(flow.phase))
    assert [(p.phase, p.number, p.count, p.cancellable) for p in steps] == [
        (Phase.CHECKING, 1, 3, True),
        (Phase.WRITING, 2, 3, False),
        (Phase.VERIFYING, 3, 3, False),
    ]
    assert checks
    assert set(checks) == {Phase.CHECKING}
    assert flow.step is Step.DONE
    assert flow.phase is None
    assert outcome.path == usb / review.file_name
    assert outcome.file_name == review.file_name
    assert outcome.size == outcome.path.stat().st_size > 0
    assert outcome.verified
    assert (outcome.entry.sequence, outcome.entry.kind) == (1, "full")
    assert outcome.entry.households == 20
    assert outcome.waiting == 1
    # The head the bundle carries, which the evaluator's import reads out too (the journal's
    # own head is one further on, at the export's event).
    assert outcome.audit_head.startswith(f"{outcome.entry.change_to} · ")
    assert lead.audit_head() != outcome.audit_head
    [imported] = import_bundles(ws, [outcome.path])
    assert imported.audit_head.params == {"head": outcome.audit_head}
    assert [p.name for p in usb.iterdir()] == [review.file_name]

    # The next export of the study is incremental, or full on request.
    again = ExportFlow()
    [study] = again.load(lead)
    assert (study.exports, study.waiting) == (1, 1)
    assert study.last_export == outcome.entry.created_at
    assert again.choose_study(lead, STUDY).kind == "incremental"
    again.back()
    assert again.step is Step.STUDY
    assert again.review is None
    review = again.choose_study(lead, STUDY, full=True)
    assert (review.kind, review.sequence) == ("full", 2)


def test_bad_destinations_are_refused_and_keep_the_step(
    lead: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = at_destination(lead)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    refused(Problem.NO_FOLDER, lambda: flow.choose_destination("  "))
    refused(Problem.FOLDER_MISSING, lambda: flow.choose_destination(tmp_path / "gone"))
    refused(Problem.FOLDER_MISSING, lambda: flow.inspect(tmp_path / "gone"))
    error = refused(Problem.NOT_A_FOLDER, lambda: flow.choose_destination(a_file))
    assert error.field == "mappe"
    assert flow.review is not None
    (tmp_path / flow.review.file_name).write_bytes(b"an older bundle")
    refused(Problem.FILE_EXISTS, lambda: flow.choose_destination(tmp_path))

    def read_only(*_args: object, **_kw: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    usb = tmp_path / "usb"
    usb.mkdir()
    with monkeypatch.context() as m:
        m.setattr(export_flow.tempfile, "mkstemp", read_only)
        refused(Problem.NOT_WRITABLE, lambda: flow.choose_destination(usb))
    assert flow.step is Step.DESTINATION
    assert flow.destination is None

    low = dataclasses.replace(flow.inspect(usb), free_bytes=10)
    assert low.low_space  # shown as a warning; the core refuses a write that does not fit
    flow.choose_destination(usb)
    assert flow.step is Step.EXPORTING


def test_cancel_before_writing_leaves_nothing(lead: Journal, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    flow = at_destination(lead)
    flow.choose_destination(usb)

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        flow.export(lead, checkpoint=stop)
    assert flow.step is Step.DESTINATION
    assert list(usb.iterdir()) == []
    assert lead.evaluation.export_log() == []
    # It can go again from there.
    flow.choose_destination(usb)
    assert flow.export(lead).entry.sequence == 1


def test_the_outcome_tells_of_a_bundle_an_interrupted_export_left(
    lead: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export recorded, then cut off before its file got its name: the wizard's next export
    into the folder puts it in place, and its last page says so."""
    usb = tmp_path / "usb"

    def cut_off(staged: Path, target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(exporter, "name_bundle", cut_off)
    with pytest.raises(KeyboardInterrupt):
        lead.evaluation.export(STUDY, usb)
    monkeypatch.undo()
    flow = at_destination(lead)
    flow.choose_destination(usb)
    outcome = flow.export(lead)
    assert outcome.entry.sequence == 2
    [notice] = outcome.notices
    assert "Pakke 1 ble registrert" in notice
    assert sorted(p.name for p in usb.iterdir()) == sorted(
        e.file_name for e in lead.evaluation.export_log(STUDY)
    )


def test_failures_while_exporting_go_back_to_the_destination(
    lead: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    flow = at_destination(lead)
    flow.choose_destination(usb)
    usb.rmdir()  # the stick was pulled
    refused(Problem.FOLDER_MISSING, lambda: flow.export(lead))
    assert flow.step is Step.DESTINATION

    usb.mkdir()
    flow.choose_destination(usb)

    def full_disk(*_args: object, **_kw: object) -> None:
        raise DiskFull()

    monkeypatch.setattr(type(lead.evaluation), "export", full_disk)
    with pytest.raises(DiskFull):
        flow.export(lead)
    assert flow.step is Step.DESTINATION
    assert flow.phase is None


def test_a_study_nobody_consented_to_says_so(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    lead.evaluation.import_study(other_study(ws, "tom-studie").to_json_text().encode())
    flow = ExportFlow()
    assert {s.id for s in flow.load(lead)} == {STUDY, "tom-studie"}
    review = flow.choose_study(lead, "tom-studie")
    assert review.blocker is Problem.NO_CONSENTS
    assert (review.risk.consented, review.households) == (0, 0)
    assert len(review.left_out) == 24
    refused(Problem.NO_CONSENTS, flow.accept_review)
    assert flow.step is Step.REVIEW

    # One consented family is fewer than k = 5: still nothing can be sent.
    family = world.families[0]
    for adult in world.adults[family]:
        lead.consents.give(adult, "tom-studie", letter_version="v1")
    flow.back()
    review = flow.choose_study(lead, "tom-studie")
    assert review.blocker is Problem.TOO_FEW
    assert review.risk.left_out.get("too_few") == 1
    assert any(x.reason == "too_few" and x.family_id == family for x in review.left_out)
    refused(Problem.TOO_FEW, flow.accept_review)
    # As many consented as k, and still none alike enough to send: the review says that, not
    # that more should consent (team lead review s23).
    alike = dataclasses.replace(review.risk, consented=review.risk.k)
    assert export_flow._blocker(alike) is Problem.NONE_ALIKE


def test_unknown_studies_and_studies_without_a_profile(lead: Journal) -> None:
    lead.consents.add_study("bare-samtykker", "Kjent fra samtykker")
    flow = ExportFlow()
    choices = {s.id: s for s in flow.load(lead)}
    assert not choices["bare-samtykker"].ready
    assert choices["bare-samtykker"].k is None
    refused(Problem.NO_PROFILE, lambda: flow.choose_study(lead, "bare-samtykker"))
    refused(Problem.NO_STUDY, lambda: flow.choose_study(lead, "finnes-ikke"))
    assert flow.step is Step.STUDY
    with pytest.raises(RuntimeError):
        flow.accept_review()


def test_caseworkers_are_refused(world: World) -> None:
    kari = Journal.open(world.journal, WORKER, WORKER_PASS)
    try:
        with pytest.raises(PermissionDenied):
            ExportFlow().load(kari)
        with pytest.raises(PermissionDenied):
            export_history(kari)
        with pytest.raises(PermissionDenied):
            StudyImport().read(kari, world.workspace / "study.json")
    finally:
        kari.lock()


def test_history_shows_delivery_once_the_receipt_is_in(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    first = lead.evaluation.export(STUDY, tmp_path).path
    lead.evaluation.export(STUDY, tmp_path)
    rows = export_history(lead)
    assert [(r.entry.sequence, r.entry.delivered) for r in rows] == [(2, False), (1, False)]
    assert rows[0].study_name == ws.profile.name
    [report] = import_bundles(ws, [first], receipts_dir=tmp_path / "receipts")
    assert report.receipt is not None
    lead.evaluation.import_receipt(report.receipt)
    rows = export_history(lead)
    assert [(r.entry.sequence, r.entry.delivered) for r in rows] == [(2, False), (1, True)]


def test_importing_a_profile_needs_the_fingerprint_read_out(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    profile = other_study(ws, "ny-studie", policy=dataclasses.replace(ws.profile.policy, k=6))
    path = tmp_path / "study.json"
    path.write_text(profile.to_json_text())
    flow = StudyImport()
    refused(Problem.NO_FILE, lambda: flow.read(lead, ""))
    with pytest.raises(BundleRejected):
        flow.read(lead, tmp_path / "missing.json")
    facts = flow.read(lead, path)
    assert flow.step is ImportStep.CONFIRM
    assert facts.first
    assert facts.replaces is None
    assert facts.profile.fingerprint == profile.fingerprint
    with pytest.raises(RuntimeError):
        flow.run(lead)  # not confirmed yet
    refused(Problem.FINGERPRINT_DIFFERS, lambda: flow.confirm("AAAA-BBBB-CCCC-DDDD-EEEE"))
    heard = profile.fingerprint.replace("-", " ").lower()
    flow.confirm(heard, municipality="  Trondheim  ")
    path.write_text("changed after it was read")  # what was shown is what gets imported
    assert flow.run(lead).fingerprint == profile.fingerprint
    assert flow.step is ImportStep.DONE
    [info] = [s for s in lead.evaluation.studies() if s.id == "ny-studie"]
    assert (info.fingerprint, info.municipality) == (profile.fingerprint, "Trondheim")

    # A profile for the same study with another fingerprint replaces only on request.
    changed = dataclasses.replace(profile, name="Nytt navn")
    path.write_text(changed.to_json_text())
    flow = StudyImport()
    facts = flow.read(lead, path)
    assert (facts.first, facts.replaces) == (False, profile.fingerprint)
    refused(Problem.WOULD_REPLACE, lambda: flow.confirm(changed.fingerprint))
    flow.back()
    assert flow.step is ImportStep.CHOOSE
    flow.read(lead, path)
    flow.confirm(changed.fingerprint, replace=True)
    assert flow.run(lead).name == "Nytt navn"


def test_a_study_known_from_consents_only_has_its_first_profile_read(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    """The list said the profile was missing, the import that the journal already had it and
    that importing it again was safe (review s14 #4)."""
    lead.consents.add_study("bare-samtykker", "Kjent fra samtykker")
    path = tmp_path / "study.json"
    path.write_text(other_study(ws, "bare-samtykker").to_json_text())
    facts = StudyImport().read(lead, path)
    assert (facts.first, facts.replaces) == (True, None)


def test_refusals_read_in_bokmal_for_the_cli() -> None:
    for problem in Problem:
        error = Refused(problem)
        assert error.problem is problem
        assert error.field
        assert error.message
        assert str(error) == f"{error.field}: {error.message}"
