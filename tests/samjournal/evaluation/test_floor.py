"""The journal's policy floor: no study profile goes under it, whoever wrote the profile; the
team lead reads the policy in plain words before an import and before each export."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from samjournal.errors import BundleRejected, PolicyBelowFloor
from samjournal.evaluation import floor
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.policy_words import policy_sentences
from samjournal.evaluation.profile import Policy, StudyProfile
from samjournal.flows.export import StudyImport, study_choices
from samjournal.i18n import describe
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import STUDY, World


def profile_with(ws: Workspace, study_id: str, **policy: object) -> StudyProfile:
    """Another study of the same evaluator whose policy is changed as given (unchecked)."""
    changed = dataclasses.replace(ws.profile.policy, **policy)  # type: ignore[arg-type]
    return dataclasses.replace(ws.profile, id=study_id, name=study_id, policy=changed)


def test_the_floor_values() -> None:
    assert (floor.MIN_K, floor.MIN_M) == (5, 2)
    assert floor.MIN_AMOUNT_ROUNDING_NOK == 100
    assert floor.MAX_AMOUNT_TOP_CODE_NOK == 50_000
    assert floor.MIN_BUDGET_ROUNDING_NOK == 1_000
    assert floor.MAX_BUDGET_TOP_CODE_NOK == 200_000
    Policy().checked()  # the defaults are above the floor
    Policy(
        k=floor.MIN_K,
        m=floor.MIN_M,
        amount_rounding_nok=floor.MIN_AMOUNT_ROUNDING_NOK,
        amount_top_code_nok=floor.MAX_AMOUNT_TOP_CODE_NOK,
        budget_rounding_nok=floor.MIN_BUDGET_ROUNDING_NOK,
        budget_top_code_nok=floor.MAX_BUDGET_TOP_CODE_NOK,
    ).checked()  # exactly at the floor is allowed


def test_a_k2_profile_is_refused_at_import_in_both_languages(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "low.json"
    path.write_text(profile_with(ws, "lav-k", k=2).to_json_text())
    before = lead.evaluation.studies()
    with pytest.raises(PolicyBelowFloor) as caught:
        lead.evaluation.import_study(path)
    assert describe(caught.value, "nb") == (
        "Studieprofilen ber om k = 2, men journalen krever minst k = 5. Be evaluator om en"
        " profil som holder journalens minstekrav."
    )
    assert describe(caught.value, "en") == (
        "The study profile asks for k = 2, but the journal requires at least k = 5. Ask the"
        " evaluator for a profile that meets the journal's floor."
    )
    assert lead.evaluation.studies() == before  # nothing imported
    # The client's import dialog reads the file through the same core: refused before confirm.
    with pytest.raises(PolicyBelowFloor):
        StudyImport().read(lead, path)


def test_an_m1_profile_is_refused(lead: Journal, ws: Workspace) -> None:
    text = profile_with(ws, "lav-m", m=1).to_json_text()
    assert json.loads(text)["policy"]["m"] == 1
    with pytest.raises(PolicyBelowFloor) as caught:
        lead.evaluation.import_study(text.encode())
    assert "m = 1" in describe(caught.value, "en")
    assert "at least m = 2" in describe(caught.value, "en")


@pytest.mark.parametrize(
    ("policy", "nb", "en"),
    [
        ({"amount_rounding_nok": 10}, "runder beløp til 10 kr", "rounds amounts to 10 kr"),
        ({"amount_top_code_nok": 80_000}, "taket for beløp til 80000", "caps amounts at 80000"),
        ({"budget_rounding_nok": 100}, "budsjettrammer til 100 kr", "budget frames to 100 kr"),
        (
            {"budget_top_code_nok": 500_000},
            "taket for budsjettrammer til 500000",
            "caps budget frames at 500000",
        ),
    ],
)
def test_rounding_and_caps_under_the_floor_are_refused(
    lead: Journal, ws: Workspace, policy: dict[str, int], nb: str, en: str
) -> None:
    with pytest.raises(PolicyBelowFloor) as caught:
        lead.evaluation.import_study(profile_with(ws, "lav", **policy).to_json_text().encode())
    assert nb in describe(caught.value, "nb")
    assert en in describe(caught.value, "en")


def test_profiles_made_before_m_keep_their_fingerprint(world: World, ws: Workspace) -> None:
    text = (world.workspace / "study.json").read_text()
    assert "m" not in json.loads(text)["policy"]  # m = 2 is not written: old files stay valid
    assert StudyProfile.parse(text).policy.m == 2
    three = profile_with(ws, "m-tre", m=3)
    again = StudyProfile.parse(three.to_json_text())
    assert again.policy.m == 3
    assert again.fingerprint != profile_with(ws, "m-tre").fingerprint  # m is covered
    raw = json.loads(three.to_json_text())
    raw["policy"]["m"] = "3"
    with pytest.raises(BundleRejected, match="feil felttyper"):
        StudyProfile.parse(json.dumps(raw))


def test_a_valid_profile_is_accepted_and_its_policy_read_in_words(
    lead: Journal, ws: Workspace
) -> None:
    wanted = profile_with(
        ws, "streng", k=7, m=3, tables=("payments",), amount_rounding_nok=500, district=False
    )
    profile = lead.evaluation.import_study(wanted.to_json_text().encode())
    assert (profile.policy.k, profile.policy.m) == (7, 3)
    nb = "\n".join(policy_sentences(profile.policy, "nb"))
    en = "\n".join(policy_sentences(profile.policy, "en"))
    assert "Tabeller som sendes: husstander, utbetalinger." in nb
    assert "minst 7 husstander (k = 7)" in nb
    assert "opptil 3 hendelser" in nb
    assert "over alt studien har fått (m = " in nb  # the promise the export now keeps
    assert "Beløp rundes minst til nærmeste 500 kr; beløp over 20\u00a0000 kr" in nb
    assert "Budsjettrammer rundes minst til nærmeste 1\u00a0000 kr" in nb
    assert "Bydel sendes aldri" in nb
    assert "tiden mellom dem er eksakt" in nb
    assert "i tre grupper (bolig, økonomi, arbeid eller transport; utdanning" in nb
    assert "Journalens minstekrav, som ingen studie kan senke: k minst 5, m minst 2" in nb
    assert "Tables sent: households, payments." in en
    assert "at least 7 households (k = 7)" in en
    assert "up to 3 events" in en
    assert "over everything the study has received (m = " in en
    assert "Amounts are rounded to at least the nearest 500 kr; amounts over 20\u00a0000 kr" in en
    assert "Districts are never sent" in en
    assert "so the time between them is exact" in en
    assert "in three groups (housing, economy, work or transport; education" in en
    assert "The journal's floor, which no study can lower: k at least 5, m at least 2" in en
    assert len(policy_sentences(profile.policy, "nb")) == len(
        policy_sentences(profile.policy, "en")
    )


def test_a_profile_stored_before_the_floor_is_not_exported_under_it(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    """A journal that imported a k = 3 profile before the floor existed: every export (and the
    wizard's preview) is refused with the floor's message; the wizard still lists the study."""
    low = profile_with(ws, STUDY, k=3)
    db = lead._require_open().db
    with db.transaction():
        db.execute(
            "UPDATE studies SET profile = ?, fingerprint = ? WHERE id = ?",
            (low.canonical_text(), low.fingerprint, STUDY),
        )
    with pytest.raises(PolicyBelowFloor, match="k = 3"):
        lead.evaluation.export(STUDY, tmp_path / "out")
    with pytest.raises(PolicyBelowFloor):
        lead.evaluation.preview(STUDY)
    assert not list((tmp_path / "out").glob("*"))  # no bundle written
    [choice] = study_choices(lead)
    assert (choice.id, choice.k) == (STUDY, None)
