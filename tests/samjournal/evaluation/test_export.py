"""The journal's side: consent gate, incremental and full bundles, versions, tombstones, log."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from samjournal.errors import PermissionDenied
from samjournal.evaluation import export_plan
from samjournal.evaluation import exporter as exporter_module
from samjournal.evaluation.bundle import Bundle, check_k, open_bundle
from samjournal.evaluation.consent_gate import Left, gate
from samjournal.evaluation.evaluator import Workspace, import_bundles, status
from samjournal.evaluation.levels import Levels
from samjournal.evaluation.tables import HOUSEHOLDS, PAYMENTS, QUASI_IDENTIFIERS
from samjournal.i18n import word
from samjournal.journal import Journal
from samjournal.model import ConsentMethod
from samjournal.money import Money
from tests.samjournal.evaluation.conftest import SETTLED, STUDY, WORKER, WORKER_PASS, World


def opened(ws: Workspace, path: Path) -> Bundle:
    return open_bundle(path.read_bytes(), ws.identities)


def households(bundle: Bundle) -> dict[str, list[str]]:
    return {row[0]: row for row in bundle.tables["households"]}


def test_consent_gate(lead: Journal, world: World) -> None:
    db = lead._require_open().db
    result = gate(db, STUDY)
    consented, never = world.families[:-4], world.families[-4:]
    assert result.eligible == frozenset(consented)
    assert all(result.left_out[f] is Left.NO_CONSENT for f in never)

    two_adults = next(f for f in consented[2:] if len(world.adults[f]) == 2)
    first = lead.consents.for_family(two_adults)[0]
    lead.consents.withdraw(first.id)
    alone = lead.families.create("Familien Alene")  # nobody recorded yet
    lead.members.add(alone.id, "Lille Barn", is_child=True, birth_year=2019)
    lead.families.delete(consented[0], "feilregistrert")
    result = gate(db, STUDY)
    assert result.left_out[two_adults] is Left.WITHDRAWN
    assert result.left_out[alone.id] is Left.NO_ADULTS
    assert result.left_out[consented[0]] is Left.ERASED
    # A new adult without consent closes the gate for the whole family.
    other = consented[1]
    lead.members.add(other, "Ny Voksen", birth_year=1990)
    assert gate(db, STUDY).left_out[other] is Left.NO_CONSENT


def test_first_export_is_full_with_versions_and_risk(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    result = lead.evaluation.export(STUDY, tmp_path / "usb")
    assert result.path.parent == tmp_path / "usb"
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [result.path.name]
    bundle = opened(ws, result.path)
    assert bundle.header.kind == "full"
    assert bundle.header.sequence == 1
    assert bundle.header.previous == ""
    assert bundle.header.journal_id == lead.journal_id
    assert len(bundle.tables["households"]) == len(world.families) - 4
    for name in ("meetings", "needs", "payments"):
        assert len(bundle.tables[name]) == 2 * (len(world.families) - 4)
    versions = {row[-1] for name in ("meetings", "payments") for row in bundle.tables[name]}
    assert versions == {"1"}
    risk = bundle.risk
    assert risk["k"] == 5
    assert risk["population"]["left_out"] == {"no_consent": 4}
    assert risk["after_anonymisation"]["smallest_class"] >= 3
    assert risk["after_anonymisation"]["records_at_risk"] == 0
    assert "prosecutor_success_rate" in risk["after_anonymisation"]
    entry = result.entry
    assert (entry.sequence, entry.kind, entry.delivered) == (1, "full", False)
    assert entry.bundle_hash == bundle.bundle_hash
    assert entry.households == len(world.families) - 4


def test_incremental_sends_only_what_changed(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    first = opened(ws, section.export(STUDY, tmp_path).path)
    second = opened(ws, section.export(STUDY, tmp_path).path)
    assert second.header.kind == "incremental"
    assert second.header.sequence == 2
    assert second.header.previous == first.bundle_hash
    assert second.header.change_from == first.header.change_to + 1
    # Every bundle carries all households (so k holds in it), unchanged ones at the same version.
    assert households(second) == households(first)
    assert all(not second.tables[t] for t in ("meetings", "needs", "payments", "checkins"))

    family = world.families[0]
    checkin = lead.checkins.record(family, 9, answered_on=SETTLED)
    third = opened(ws, section.export(STUDY, tmp_path).path)
    assert [row[-1] for row in third.tables["checkins"]] == ["1"]
    assert third.tables["meetings"] == []
    del checkin

    # A change the evaluator never sees (a note) does not make a new version.
    meeting = lead.meetings.get(
        lead.families.open(family).meetings[0].id  # the newest meeting
    )
    lead.meetings.update(
        meeting.id,
        held_at=meeting.held_at,
        kind=meeting.kind,
        family_words="Ny tekst som aldri skal ut",
        agreed=meeting.agreed,
        participants=list(meeting.participants),
    )
    fourth = opened(ws, section.export(STUDY, tmp_path).path)
    assert fourth.tables["meetings"] == []
    full = opened(ws, section.export(STUDY, tmp_path, full=True).path)
    assert full.header.kind == "full"
    assert full.header.change_from == 1
    assert len(full.tables["meetings"]) == len(first.tables["meetings"])
    assert len(full.tables["checkins"]) == len(first.tables["checkins"]) + 1


def test_withdrawal_erasure_and_deletion_become_tombstones(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    first = opened(ws, section.export(STUDY, tmp_path).path)
    consented = world.families[:-4]
    withdrawn, erased, edited = consented[0], consented[1], consented[2]
    before = {f: _pseudonym(lead, f) for f in (withdrawn, erased, edited)}
    lead.consents.withdraw(lead.consents.for_family(withdrawn)[0].id)
    lead.families.delete(erased, "slettet etter krav fra familien")
    meeting = lead.families.open(edited).meetings[0]
    lead.meetings.remove(meeting.id, "feil familie")
    second = opened(ws, section.export(STUDY, tmp_path).path)
    stones = {row[0]: row for row in second.tables["tombstones"]}
    # A household's tombstone says only that it left the study: no reason (it could tell that an
    # adult joined, withdrew or was erased).
    assert stones[before[withdrawn]] == [
        before[withdrawn],
        before[withdrawn],
        "households",
        "left",
    ]
    assert stones[before[erased]][3] == "left"
    deleted = [row for row in second.tables["tombstones"] if row[2] == "meetings"]
    assert len(deleted) == 1
    assert deleted[0][1] == before[edited]
    assert deleted[0][3] == "deleted"
    assert before[withdrawn] not in households(second)
    assert set(households(first)) - set(households(second)) == {before[withdrawn], before[erased]}

    # Tombstones travel once in incremental bundles, and always in full ones.
    assert opened(ws, section.export(STUDY, tmp_path).path).tables["tombstones"] == []
    full = opened(ws, section.export(STUDY, tmp_path, full=True).path)
    assert {row[0] for row in full.tables["tombstones"]} == set(stones)

    # Consent given again: the family comes back under new pseudonyms, never the old one.
    for adult in world.adults[withdrawn]:
        if not any(c.active for c in lead.consents.for_family(withdrawn) if c.member_id == adult):
            lead.consents.give(adult, STUDY, letter_version="v2", method=ConsentMethod.ORAL)
    back = opened(ws, section.export(STUDY, tmp_path).path)
    again = _pseudonym(lead, withdrawn)
    assert again != before[withdrawn]
    assert again in households(back)
    assert before[withdrawn] not in households(back)


def _pseudonym(journal: Journal, family: int) -> str:
    return str(
        journal._require_open().db.scalar(
            "SELECT pseudonym FROM evaluation_households WHERE study_id = ? AND family_id = ?"
            " AND retired = 0",
            (STUDY, family),
        )
    )


def test_k_holds_in_every_bundle(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    paths = [section.export(STUDY, tmp_path).path]
    for family in world.families[:6]:
        lead.consents.withdraw(lead.consents.for_family(family)[0].id)
        paths.append(section.export(STUDY, tmp_path).path)
    idx = [HOUSEHOLDS.header.index(q) for q in QUASI_IDENTIFIERS]
    at = HOUSEHOLDS.header.index("household_id")
    holders: dict[tuple[str, ...], set[str]] = {}  # fields -> households sent with them, so far
    for path in paths:
        bundle = opened(ws, path)
        rows = bundle.tables["households"]
        assert check_k(rows, 3) >= 3 or not rows
        sizes = Counter(tuple(r[i] for i in idx) for r in rows)
        assert all(n >= 3 for n in sizes.values())
        # The report's groups are over every bundle so far: those who left keep their fields.
        for r in rows:
            holders.setdefault(tuple(r[i] for i in idx), set()).add(r[at])
        union = [len(holders[tuple(r[i] for i in idx)]) for r in rows]
        after = bundle.risk["after_anonymisation"]
        assert after["smallest_class"] == min(union)
        assert after["prosecutor_success_rate"] == round(sum(1 / n for n in union) / len(rows), 4)


def test_too_few_households_sends_nothing_but_tombstones(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    opened(ws, section.export(STUDY, tmp_path).path)
    for family in world.families[2:-4]:
        lead.consents.withdraw(lead.consents.for_family(family)[0].id)
    bundle = opened(ws, section.export(STUDY, tmp_path).path)
    assert bundle.tables["households"] == []
    assert bundle.tables["meetings"] == []
    reasons = Counter(row[3] for row in bundle.tables["tombstones"])
    assert reasons == {"left": len(world.families) - 4}
    assert bundle.risk["population"]["left_out"]["too_few"] == 2


def test_only_a_team_lead_exports(world: World, tmp_path: Path) -> None:
    worker = Journal.open(world.journal, WORKER, WORKER_PASS)
    try:
        with pytest.raises(PermissionDenied):
            worker.evaluation.export(STUDY, tmp_path)
        with pytest.raises(PermissionDenied):
            worker.evaluation.import_study(world.workspace / "study.json")
        assert worker.evaluation.public_key().key_id  # the public key is for everyone
    finally:
        worker.lock()


def test_preview_writes_nothing(lead: Journal, tmp_path: Path) -> None:
    section = lead.evaluation
    db = lead._require_open().db
    preview = section.preview(STUDY)
    assert set(preview.left_out.values()) == {"no_consent"}
    assert len(preview.left_out) == 4
    assert preview.sequence == 1
    assert preview.kind == "full"
    assert preview.risk.released == 20
    assert any("Risikorapport" in line for line in preview.risk.lines())
    assert db.scalar("SELECT count(*) FROM evaluation_households") == 0
    assert section.export_log() == []


@pytest.mark.parametrize("fail_after_write", [False, True])
def test_a_failed_export_leaves_no_file_and_no_log(
    lead: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_after_write: bool
) -> None:
    real = exporter_module.write_synced

    def broken(target: Path, data: bytes) -> None:
        if fail_after_write:
            real(target, data)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporter_module, "write_synced", broken)
    with pytest.raises(OSError, match="No space"):
        lead.evaluation.export(STUDY, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing, not even the folder it made
    assert lead.evaluation.export_log() == []
    db = lead._require_open().db
    assert db.scalar("SELECT count(*) FROM evaluation_households") == 0
    monkeypatch.setattr(exporter_module, "write_synced", real)
    assert lead.evaluation.export(STUDY, tmp_path / "out").entry.sequence == 1


def test_an_unrecorded_file_under_the_next_name_is_moved_aside(
    lead: Journal, tmp_path: Path
) -> None:
    """A bundle written but never logged (a crash in a version that named the file before the
    commit): never overwritten, never left where it could be sent as this number; moved aside,
    and the export says so."""
    section = lead.evaluation
    name = section.export(STUDY, tmp_path / "a").path.name
    db = lead._require_open().db
    with db.transaction():
        db.execute("DELETE FROM evaluation_exports")  # as if bundle 1 had never been logged
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / name).write_bytes(b"earlier")
    result = section.export(STUDY, tmp_path / "b")
    assert result.path.name == name
    assert result.path.read_bytes() != b"earlier"
    [aside] = [p for p in (tmp_path / "b").iterdir() if p.name != name]
    assert aside.name.startswith(f"{name}.ikke-registrert-")
    assert aside.read_bytes() == b"earlier"
    [notice] = result.notices
    assert "skal ikke sendes" in notice
    assert word(notice, "en").startswith(f"{name} in the folder is not recorded in the journal")


def test_bundle_names_carry_no_study_or_journal_id(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    """A name read on a USB stick or in a mail folder says a number and a tag, and the tags of
    one journal's bundles do not link them; the evaluator reads the ids inside the bundle, so a
    bundle imports under any name."""
    section = lead.evaluation
    first = section.export(STUDY, tmp_path / "out").path
    second = section.export(STUDY, tmp_path / "out").path
    for path, number in ((first, 1), (second, 2)):
        assert re.fullmatch(rf"samjournal-0000{number}-[0-9a-f]{{10}}\.age", path.name)
        assert STUDY not in path.name
        assert lead.journal_id[:4] not in path.name.split("-", 2)[2]
    assert first.name.split("-")[2] != second.name.split("-")[2]
    renamed = first.rename(tmp_path / "pakke.age")
    [report] = import_bundles(ws, [renamed])
    assert report.status == "stored", report.lines()
    [journal] = status(ws).journals
    assert journal.journal_id == lead.journal_id


def test_an_unrecorded_bundle_under_an_older_versions_name_is_moved_aside(
    lead: Journal, tmp_path: Path
) -> None:
    """Older versions named bundles by study and journal id: one of those under the number about
    to be used, never logged, is moved aside as before rather than sent beside the new one."""
    out = tmp_path / "out"
    out.mkdir()
    old = out / f"samjournal-{STUDY}-{lead.journal_id[:8]}-00001.age"
    old.write_bytes(b"an older version's bundle")
    result = lead.evaluation.export(STUDY, out)
    assert not old.exists()
    [aside] = [p for p in out.iterdir() if p != result.path]
    assert aside.name.startswith(f"{old.name}.ikke-registrert-")
    [notice] = result.notices
    assert "skal ikke sendes" in notice


def test_a_logged_bundle_left_under_its_temp_name_is_adopted(
    lead: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the commit, before the file got its name: the next export into the folder
    names it, when it is the very file logged; a stranger under that temp name is not taken."""
    out = tmp_path / "USB"

    def crash(staged: Path, target: Path) -> None:
        raise KeyboardInterrupt  # stands for the kill between the commit and the rename

    monkeypatch.setattr(exporter_module, "name_bundle", crash)
    with pytest.raises(KeyboardInterrupt):
        lead.evaluation.export(STUDY, out)
    monkeypatch.undo()
    [entry] = lead.evaluation.export_log(STUDY)
    [staged] = out.iterdir()
    assert staged.name.startswith(f".{entry.file_name}.")
    kept = staged.read_bytes()
    result = lead.evaluation.export(STUDY, out)
    assert result.entry.sequence == 2  # number 1 is never used for another bundle
    assert (out / entry.file_name).read_bytes() == kept
    assert any("lagt på plass" in n for n in result.notices)
    assert sorted(p.name for p in out.iterdir()) == sorted([entry.file_name, result.path.name])


def test_a_stranger_under_a_logged_bundles_temp_name_is_not_adopted(
    lead: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "USB"
    monkeypatch.setattr(exporter_module, "name_bundle", lambda staged, target: staged.unlink())
    first = lead.evaluation.export(STUDY, out).entry
    monkeypatch.undo()
    (out / f".{first.file_name}.0a1b2c3d4e5f.partial").write_bytes(b"not the logged bundle")
    result = lead.evaluation.export(STUDY, out)
    assert not (out / first.file_name).exists()
    assert result.notices == ()


def test_leftover_temp_files_of_this_journal_are_cleared(lead: Journal, tmp_path: Path) -> None:
    """A crash mid-write leaves a hidden .partial beside the bundle; the next export into the
    folder removes this journal's (named as now, or as older versions named them), and leaves
    anything else alone: the names carry no journal id, the journal knows its own tags."""
    out = tmp_path / "USB"
    out.mkdir()
    ours = lead.evaluation.bundle_file_name(STUDY, 1)
    legacy = f"samjournal-{STUDY}-{lead.journal_id[:8]}-"
    leftovers = [out / f".{ours}.0a1b2c.partial", out / f".{legacy}00007.age.ffee.partial"]
    others = [
        out / ".samjournal-00001-0123456789.age.0a1b2c.partial",  # another journal's
        out / f".samjournal-{STUDY}-00000000-00001.age.0a1b2c.partial",  # another's, older
        out / ".report.pdf.123456.partial",
        out / f"{ours}.notes.partial",  # not hidden: not one of ours
    ]
    for path in [*leftovers, *others]:
        path.write_bytes(b"half a file")
    written = lead.evaluation.export(STUDY, out).path
    assert sorted(out.iterdir()) == sorted([written, *others])


def test_public_key_file_and_export_audit(lead: Journal, tmp_path: Path) -> None:
    section = lead.evaluation
    public = section.write_public_key(tmp_path / "journal.pub")
    text = (tmp_path / "journal.pub").read_text()
    assert text.startswith(f"untrusted comment: minisign public key {public.key_id_hex}\n")
    result = section.export(STUDY, tmp_path)
    assert result.entry.key_id == public.key_id_hex
    events = lead.audit_events(limit=5)
    assert any(e.action == "export" and e.entity_id == STUDY for e in events)
    assert lead.verify_audit().ok


def test_a_retention_purge_becomes_a_tombstone(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """A purge deletes a family for real (no core API yet): the next bundle says `purged`."""
    section = lead.evaluation
    opened(ws, section.export(STUDY, tmp_path).path)
    family = world.families[3]
    pseudonym = _pseudonym(lead, family)
    db = lead._require_open().db
    with db.transaction():
        for sql in (
            "DELETE FROM meeting_participants WHERE meeting_id IN"
            " (SELECT id FROM meetings WHERE family_id = ?1)",
            "DELETE FROM payments WHERE family_id = ?1",
            "DELETE FROM needs WHERE family_id = ?1",
            "DELETE FROM meetings WHERE family_id = ?1",
            "DELETE FROM checkins WHERE family_id = ?1",
            "DELETE FROM consents WHERE member_id IN (SELECT id FROM members WHERE family_id = ?1)",
            "DELETE FROM members WHERE family_id = ?1",
            "DELETE FROM families WHERE id = ?1",
        ):
            db.execute(sql, (family,))
    bundle = opened(ws, section.export(STUDY, tmp_path).path)
    assert [pseudonym, pseudonym, "households", "left"] in bundle.tables["tombstones"]


def test_budget_frames_lie_on_the_grid_the_report_states(
    lead: Journal, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report once said frames were rounded to 1,000 kr (the study's rounding) while the
    hierarchy's level had put them on a 50,000 kr grid: every frame released lies on the grid
    the report states (the node's; a household with details blanked, the coarsest), in the
    JSON and in words. The levels are those a study's earlier export left (budgets coarsest)."""
    coarse = Levels((1, 2, 2, 2, 3, 0, 2), 500, 2500, 1000, 50_000)
    monkeypatch.setattr(export_plan, "stored_levels", lambda db, study: coarse)
    bundle = opened(ws, lead.evaluation.export(STUDY, tmp_path / "usb").path)
    grid = bundle.risk["amounts"]["budget_rounding_nok"]
    assert grid == 50_000
    words = "\n".join(exporter_module.RiskReport.from_json(bundle.risk).lines("en"))
    assert "budget frames to the nearest NOK 50000 (for households with details blanked" in words
    at = HOUSEHOLDS.header.index("budget_frame_nok")
    assert {int(row[at]) % grid for row in bundle.tables["households"]} == {0}


def test_the_reports_population_adds_up(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    """An evaluator read "In the journal 79, consented 69, left out 11" (a deleted family
    counted as left out, not in the journal) and "households sent 71" beside 66 household rows
    (households held back whole counted as sent)."""
    lead.families.delete(world.families[0], "feilregistrert")
    bundle = opened(ws, lead.evaluation.export(STUDY, tmp_path / "usb").path)
    population = bundle.risk["population"]
    assert population["left_out"]["erased"] == 1
    left_out = sum(population["left_out"].values())
    assert population["families_in_journal"] == population["consented"] + left_out
    assert population["released"] == len(bundle.tables["households"])


def test_a_top_code_flag_says_only_what_the_value_shown_says(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frame was flagged from the study's finer rounding while shown on the node's coarser
    grid: 40,000 kr shown as the 50,000 kr cap went unflagged (and the flag told what the value
    did not). Every flag is 1 exactly where the value shown is the cap, for frames and amounts."""
    coarse = Levels((1, 2, 2, 2, 3, 0, 2), 500, 2500, 1000, 50_000)
    monkeypatch.setattr(export_plan, "stored_levels", lambda db, study: coarse)
    lead.families.update(world.families[1], budget_frame=Money(4_000_000))
    bundle = opened(ws, lead.evaluation.export(STUDY, tmp_path / "usb").path)
    households = bundle.tables["households"]
    value, flag = (HOUSEHOLDS.header.index(c) for c in ("budget_frame_nok", "budget_top_coded"))
    assert {(row[value], row[flag]) for row in households} >= {("50000", "1")}
    assert all((row[value] == "50000") == (row[flag] == "1") for row in households)
    header = PAYMENTS.header
    value, flag = header.index("amount_nok"), header.index("amount_top_coded")
    assert all((row[value] == "2500") == (row[flag] == "1") for row in bundle.tables["payments"])
