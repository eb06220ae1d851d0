"""The study profile: fingerprint, refusal of changed files, import into a journal."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected, NotFound
from samjournal.evaluation.profile import MAX_PROFILE_BYTES, Policy, StudyProfile
from samjournal.journal import Journal
from samjournal.minisign import heard_fingerprint
from tests.samjournal.evaluation.conftest import STUDY, World


def test_fingerprint_is_stable_short_and_covers_everything(world: World) -> None:
    text = (world.workspace / "study.json").read_text()
    profile = StudyProfile.parse(text)
    assert profile.fingerprint == json.loads(text)["fingerprint"]
    groups = profile.fingerprint.split("-")
    assert [len(g) for g in groups] == [4, 4, 4, 4, 4]
    assert StudyProfile.parse(profile.to_json_text()).fingerprint == profile.fingerprint
    assert heard_fingerprint(profile.fingerprint.lower().replace("-", " ")) == (profile.fingerprint)


def test_a_fingerprint_typed_with_digits_for_the_letters_they_look_like_is_the_same() -> None:
    """Base32 has no 0, 1 or 8: typed for O, I and B, as heard over the phone, they are those
    letters (team lead review s23: "60K0" for "6OKO" was refused as another fingerprint)."""
    assert heard_fingerprint("ef7n gc6m 60k0 1b8q") == "EF7N-GC6M-6OKO-IBBQ"
    assert heard_fingerprint("EF7N-GC6M-6OKO-IBBQ") == "EF7N-GC6M-6OKO-IBBQ"
    assert heard_fingerprint("EF7N-GC6M-6OKO-IBBR") != "EF7N-GC6M-6OKO-IBBQ"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("name",), "Another study"),
        (("recipients",), ["age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"]),
        (("policy", "k"), 7),
        (("policy", "tables"), ["payments"]),
        (("receipt_key",), "RWQ" + "B" * 53),
    ],
)
def test_a_changed_profile_is_refused(world: World, path: tuple[str, ...], value: object) -> None:
    raw = json.loads((world.workspace / "study.json").read_text())
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(BundleRejected, match="fingeravtrykk"):
        StudyProfile.parse(json.dumps(raw))


def test_malformed_profiles(world: World) -> None:
    raw = json.loads((world.workspace / "study.json").read_text())
    for bad, match in [
        ("not json", "JSON"),
        (json.dumps({"format": "other"}), "ikke en SamJournal"),
        (json.dumps({**raw, "extra": 1}), "ukjente felt"),
        (json.dumps({k: v for k, v in raw.items() if k != "fingerprint"}), "fingeravtrykk"),
        ("x" * (MAX_PROFILE_BYTES + 1), "for stor"),
    ]:
        with pytest.raises(BundleRejected, match=match):
            StudyProfile.parse(bad)


def test_policy_is_checked() -> None:
    with pytest.raises(BundleRejected, match="k skal være høyst 1000"):
        Policy(k=1001).checked()
    with pytest.raises(BundleRejected, match="m skal være høyst 4"):
        Policy(m=5).checked()
    with pytest.raises(BundleRejected, match="tak er mindre enn avrundingen"):
        Policy(amount_rounding_nok=5_000, amount_top_code_nok=1_000).checked()
    with pytest.raises(BundleRejected, match="tabellene"):
        Policy(tables=("notes",)).checked()


def test_import_with_expected_fingerprint_and_replace(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    profile = section.profile(STUDY)
    with pytest.raises(BundleRejected, match="ikke den evaluator leste opp"):
        section.import_study(world.workspace / "study.json", expect_fingerprint="AAAA-BBBB")
    same = section.import_study(
        world.workspace / "study.json", expect_fingerprint=profile.fingerprint.lower()
    )
    assert same == profile
    changed = StudyProfile(
        profile.id,
        "Nytt navn",
        profile.organisation,
        profile.recipients,
        profile.receipt_key,
        profile.policy,
    )
    (tmp_path / "new.json").write_text(changed.to_json_text())
    with pytest.raises(BundleRejected, match="--replace"):
        section.import_study(tmp_path / "new.json")
    section.import_study(tmp_path / "new.json", replace=True, municipality="Trondheim")
    info = {s.id: s for s in section.studies()}[STUDY]
    assert (info.name, info.fingerprint, info.municipality) == (
        "Nytt navn",
        changed.fingerprint,
        "Trondheim",
    )
    tampered = json.loads(changed.to_json_text())
    tampered["organisation"] = "Someone else"
    (tmp_path / "bad.json").write_text(json.dumps(tampered))
    with pytest.raises(BundleRejected, match="fingeravtrykk"):
        section.import_study(tmp_path / "bad.json", replace=True)
    assert section.profile(STUDY) == changed  # nothing changed


def test_a_study_known_only_from_consents_has_no_profile(lead: Journal, tmp_path: Path) -> None:
    lead.consents.add_study("gammel-studie", "Gammel studie")
    with pytest.raises(NotFound, match="ingen studieprofil"):
        lead.evaluation.export("gammel-studie", tmp_path)
    with pytest.raises(NotFound, match="ikke lagt inn"):
        lead.evaluation.preview("finnes-ikke")


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Studie \u202eA\x1b[31mRED\x1b[0m"},  # a direction override and a terminal escape
        {"organisation": "Uni \u2066X"},
        {"name": "Studie\u2028to linjer"},
        {"policy": Policy(municipality="Trond\u200bheim")},
    ],
)
def test_a_profile_with_hidden_characters_in_its_words_is_refused(
    world: World, change: dict[str, object]
) -> None:
    """Shown in the window and printed to the team lead's terminal, as its instruments are."""
    profile = StudyProfile.parse((world.workspace / "study.json").read_text())
    with pytest.raises(BundleRejected, match="usynlige tegn"):
        replace(profile, **change).checked()  # type: ignore[arg-type]
