"""A study with its own instrument, end to end: evaluator init with it, study import (read in
plain words), answers through the facade, export, evaluator import, the data package with the
items' labels; a new version keeps the old answers under the old version. And the bad input
refused at `evaluator init` and at `study import`."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from samjournal.errors import ValidationError
from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.evaluation.evaluator.r_script import SCRIPT_NAME
from samjournal.evaluation.instrument_words import instrument_sentences
from samjournal.evaluation.profile import Policy, StudyProfile, canonical
from samjournal.instruments.default import INNBYGGERNES_MODELL
from samjournal.instruments.model import MAX_ITEMS, Instrument, Occasion, Respondent, Text
from samjournal.instruments.parse import instrument_from_json
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.minisign import short_fingerprint
from samjournal.model import ConsentMethod, FamilyId, MeetingKind, MemberId
from samjournal.money import Money
from samjournal.records.instruments import set_for_study
from tests.samjournal.evaluation.conftest import WS_PASS, register
from tests.samjournal.instruments.test_model import _broken, custom

STUDY = "trygghet-studie"
FAMILIES = 6  # k = 5: identical households, so nothing is held back for k


def _journal(root: Path) -> tuple[Journal, list[tuple[FamilyId, MemberId]]]:
    lead = Journal.create(
        root / "journal",
        username="lise",
        display_name="Lise Leder",
        passphrase="correct horse battery staple 42",
        cost=TEST_COST,
    ).journal
    people = []
    for n in range(FAMILIES):
        family = lead.families.create(
            f"Familien {n}", opened_on=dt.date(2026, 1, 5), budget_frame=Money.kr(40_000)
        )
        adult = lead.members.add(family.id, f"Voksen {n}", birth_year=1985)
        lead.meetings.record(
            family.id, dt.datetime(2026, 1, 12, 10, tzinfo=dt.UTC), MeetingKind.OFFICE
        )
        people.append((family.id, adult.id))
    return lead, people


def workspace(root: Path, instrument: Instrument) -> Workspace:
    """The evaluator's workspace of a study that asks `instrument`."""
    return Workspace.init(
        root / "ws",
        study_id=STUDY,
        name="Trygghet",
        organisation="NTNU",
        passphrase=WS_PASS,
        policy=Policy(k=5, municipality="Trondheim"),
        cost=TEST_COST,
        instruments=(instrument,),
    ).workspace


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_custom_instrument_round_trips_and_a_new_version_keeps_the_old_answers(
    tmp_path: Path,
) -> None:
    first = instrument_from_json(custom())
    ws = workspace(tmp_path, first)
    lead, people = _journal(tmp_path)
    try:
        register(ws, lead)
        # The team lead reads the questions before importing.
        profile = StudyProfile.load(ws.folder.study_path)
        words = "\n".join(instrument_sentences(profile.instruments, "nb"))
        assert "Jeg føler meg trygg hjemme." in words
        assert "Alle / Noen / Ingen" in words
        lead.evaluation.import_study(ws.folder.study_path)
        held = replace(first, study=STUDY)  # the study's, as the journal holds it
        for n, (family, adult) in enumerate(people):
            lead.consents.give(
                adult,
                STUDY,
                letter_version="v1",
                given_on=dt.date(2026, 1, 12),
                method=ConsentMethod.WRITTEN,
            )
            assert lead.instruments.for_family(family) == (held,)
            lead.checkins.record(
                family,
                held.ref,
                {"safe": 1 + n % 5, "moves": n},
                respondent=Respondent.ADULT,
                member_id=adult,
                occasion=Occasion.BASELINE,
                answered_on=dt.date(2026, 1, 12),
            )
            lead.checkins.record(
                family,
                held.ref,
                {"school": ("all", "some", "none")[n % 3]},
                respondent=Respondent.CASEWORKER,
                answered_on=dt.date(2026, 1, 12),
            )
        # Another study's questions under the same id and version, answered by the same families,
        # and the journal's own through a third study: neither reaches this study.
        changed = custom()
        changed["items"][0]["text"] = {"nb": "Naboene er trygge.", "en": "Neighbours are safe."}
        other = replace(instrument_from_json(changed), study="annen-studie")
        lead.consents.add_study("annen-studie", "Annen studie")
        lead.consents.add_study("standard", "Standardstudie")
        with lead._require_open().db.transaction() as db:
            set_for_study(db, "annen-studie", (other,))
            set_for_study(db, "standard", (INNBYGGERNES_MODELL,))
        for family, adult in people:
            with pytest.raises(ValidationError) as info:  # this study asks only its own
                lead.checkins.record(family, 7, domains={"economy": 4})
            assert info.value.key == "instrument_not_for_family"
            lead.consents.give(adult, "annen-studie", letter_version="v1")
            lead.consents.give(adult, "standard", letter_version="v1")
            assert lead.instruments.for_family(family) == (INNBYGGERNES_MODELL, other, held)
            lead.checkins.record(
                family, other.ref, {"safe": 3}, respondent=Respondent.ADULT, member_id=adult
            )
            lead.checkins.record(family, 7, domains={"economy": 4})
        bundle = lead.evaluation.export(STUDY, tmp_path / "out1").path
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, tmp_path / "package1")
        answers = rows(written.path / "answers_trygghet_v1.csv")
        assert len(answers) == 2 * FAMILIES
        adults = sorted((r["safe"], r["moves"]) for r in answers if r["safe"])
        assert adults == sorted((str(1 + n % 5), str(n)) for n in range(FAMILIES))
        assert sorted(r["school"] for r in answers if r["school"]) == sorted(
            ("all", "some", "none")[n % 3] for n in range(FAMILIES)
        )
        checkins = rows(written.path / "checkins.csv")
        assert {(r["instrument_id"], r["instrument_version"]) for r in checkins} == {
            ("trygghet", "1")
        }
        assert {r["answered_by"] for r in checkins} == {"family", "caseworker"}
        assert {r["occasion"] for r in checkins} == {"baseline", "other"}
        package = json.loads((written.path / "datapackage.json").read_text(encoding="utf-8"))
        table = next(r for r in package["resources"] if r["name"] == "answers_trygghet_v1")
        fields = {f["name"]: f for f in table["schema"]["fields"]}
        assert fields["safe"]["title"] == "Jeg føler meg trygg hjemme."
        assert fields["safe"]["scale"] == [
            {"value": 1, "label": "Helt uenig"},
            {"value": 5, "label": "Helt enig"},
        ]
        assert [c["label"] for c in fields["school"]["categories"]] == ["Alle", "Noen", "Ingen"]
        assert fields["moves"]["constraints"] == {"minimum": 0, "maximum": 30}
        codebook = rows(written.path / "codebook.csv")
        assert {
            "table": "answers_trygghet_v1",
            "variable": "school",
            "type": "string",
            "value": "some",
            "label_nb": "Noen",
            "label_en": "Some",
            "description": "",
        } in codebook
        # every item's question, whatever its type, has its own row (value empty)
        questions = {
            r["variable"]: (r["label_nb"], r["description"])
            for r in codebook
            if r["table"] == "answers_trygghet_v1" and r["value"] == ""
        }
        assert questions["school"][0] == "Går barna på skolen nå?"
        assert questions["safe"][0] == "Jeg føler meg trygg hjemme."
        # English first (the English title is its start), the question as asked after it
        assert questions["safe"][1].startswith("I feel safe at home. (asked of the adult;")
        assert questions["safe"][1].endswith("asked as: Jeg føler meg trygg hjemme.)")
        assert "answers_trygghet_v1" in (written.path / SCRIPT_NAME).read_text(encoding="utf-8")
        _stata_labels(written.path)

        # The evaluator changes a question: a new version; the journals import the new profile.
        changed = custom()
        changed["version"] = 2
        changed["items"][0]["text"] = {"nb": "Jeg føler meg trygg der jeg bor.", "en": "Safe?"}
        second = instrument_from_json(changed)
        ws.set_instruments((second,))
        lead.evaluation.import_study(ws.folder.study_path, replace=True)
        family, adult = people[0]
        assert lead.instruments.for_family(family) == (
            INNBYGGERNES_MODELL,
            other,
            replace(second, study=STUDY),
        )
        for family, adult in people:
            lead.checkins.record(
                family,
                replace(second, study=STUDY).ref,
                {"safe": 5},
                respondent=Respondent.ADULT,
                member_id=adult,
                occasion=Occasion.FOLLOW_UP,
                answered_on=dt.date(2026, 2, 12),
            )
        bundle = lead.evaluation.export(STUDY, tmp_path / "out2").path
        [report] = import_bundles(ws, [bundle], receipts_dir=tmp_path / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, tmp_path / "package2")
        assert rows(written.path / "answers_trygghet_v1.csv") == answers  # untouched
        newer = rows(written.path / "answers_trygghet_v2.csv")
        assert [r["safe"] for r in newer] == ["5"] * FAMILIES
        package = json.loads((written.path / "datapackage.json").read_text(encoding="utf-8"))
        titles = {
            r["name"]: {f["name"]: f["title"] for f in r["schema"]["fields"]}
            for r in package["resources"]
        }
        assert titles["answers_trygghet_v1"]["safe"] == "Jeg føler meg trygg hjemme."
        assert titles["answers_trygghet_v2"]["safe"] == "Jeg føler meg trygg der jeg bor."
    finally:
        ws.close()
        lead.lock()


def _stata_labels(folder: Path) -> None:
    """The .dta and .sav carry the items' words as variable and value labels."""
    pyreadstat = pytest.importorskip("pyreadstat", reason="the evaluator extra")
    _, meta = pyreadstat.read_dta(str(folder / "stata" / "answers_trygghet_v1.dta"))
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["safe"] == "Jeg føler meg trygg hjemme."
    value_labels = meta.variable_value_labels["school"]
    assert sorted(value_labels.values()) == ["Alle", "Ingen", "Noen"]
    _, meta = pyreadstat.read_sav(str(folder / "spss" / "answers_trygghet_v1.sav"))
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["moves"] == "Hvor mange ganger har dere flyttet?"
    assert meta.variable_value_labels["safe"] == {1.0: "Helt uenig", 5.0: "Helt enig"}


def _bad(change: str) -> tuple[Instrument, ...]:
    """Instruments built in code (not read from JSON), each wrong in one way."""
    good = instrument_from_json(custom())
    first = good.items[0]
    match change:
        case "type":
            slider = replace(first, type="slider")
            return (replace(good, items=(slider, *good.items[1:])),)
        case "duplicate":
            return (replace(good, items=(first, first)),)
        case "translation":
            return (replace(good, items=(replace(first, text=Text("Trygg?", "")),)),)
        case "count":
            many = tuple(replace(first, id=f"q{n}") for n in range(MAX_ITEMS + 1))
            return (replace(good, items=many),)
    return (good, good)  # the same instrument twice


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ("type", "instrument_type"),
        ("duplicate", "instrument_duplicate"),
        ("translation", "instrument_text_missing"),
        ("count", "instrument_too_many"),
        ("twice", "instrument_duplicate"),
    ],
)
def test_a_bad_instrument_is_refused_at_evaluator_init(
    tmp_path: Path, change: str, key: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Workspace.init(
            tmp_path / "ws", study_id=STUDY, name="Trygghet", organisation="NTNU",
            passphrase=WS_PASS, cost=TEST_COST, instruments=_bad(change),
        )  # fmt: skip
    assert info.value.key == key
    assert not (tmp_path / "ws").exists()


def _profile_with(instrument: dict[str, Any], tmp_path: Path) -> bytes:
    """A profile whose fingerprint holds but whose instrument is bad: made by a tool that does
    not check it."""
    ws = Workspace.init(
        tmp_path / "good",
        study_id=STUDY,
        name="Trygghet",
        organisation="NTNU",
        passphrase=WS_PASS,
        cost=TEST_COST,
    ).workspace
    body = ws.profile.body()
    ws.close()
    body["instruments"] = [instrument]
    return json.dumps({**body, "fingerprint": short_fingerprint(canonical(body))}).encode()


@pytest.mark.parametrize(
    ("change", "english"),
    [
        ("type", "unknown answer type «slider»"),
        ("duplicate", "the id «safe» appears twice"),
        ("translation", "lacks the language «en»"),
        ("count", "at most 80 are allowed"),
    ],
)
def test_a_bad_instrument_is_refused_at_study_import(
    tmp_path: Path, change: str, english: str
) -> None:
    from samjournal import i18n

    text = _profile_with(_broken(change), tmp_path)
    lead, _ = _journal(tmp_path)
    try:
        with pytest.raises(ValidationError) as info:
            lead.evaluation.import_study(text)
        assert english in i18n.describe(info.value, "en")
        assert lead.evaluation.studies() == []  # nothing imported
    finally:
        lead.lock()


def test_a_new_study_profile_asks_the_default_instrument(tmp_path: Path) -> None:
    ws = Workspace.init(
        tmp_path / "ws",
        study_id=STUDY,
        name="Trygghet",
        organisation="NTNU",
        passphrase=WS_PASS,
        cost=TEST_COST,
    ).workspace
    ws.close()
    profile = StudyProfile.load(tmp_path / "ws" / "study.json")
    assert profile.instruments == (INNBYGGERNES_MODELL,)
