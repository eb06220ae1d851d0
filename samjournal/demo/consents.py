"""The demo's consents: most demo families consent to the demo study (DESIGN.md, "Evaluation
export"). Here, above the facade, because it drives the journal; the evaluation package sits below
it and never imports `Journal`."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from samjournal.demo.study_answers import answer_study_baselines
from samjournal.evaluation.sql import tuples
from samjournal.journal import Journal
from samjournal.model import ConsentMethod, FamilyId, MemberId


def demo_consents(
    journal: Journal, study_profile_path: Path | str, *, share: float = 0.85, seed: int = 1
) -> int:
    """Import the study profile and record consents for most families (the demo's hook).

    About `share` of the families (chosen by `seed`) get a consent from every adult who has none
    yet; families where an adult withdrew keep that withdrawal. A study with questions of its
    own gets a baseline with them from those families (demo.study_answers). Returns the
    consents recorded.
    """
    section = journal.evaluation
    profile = section.import_study(Path(study_profile_path), replace=True)
    ctx = journal._require_open()
    db = ctx.db
    adults: dict[int, list[int]] = {}
    for member_id, family_id in tuples(
        db,
        "SELECT m.id, m.family_id FROM members m JOIN families f ON f.id = m.family_id"
        " WHERE m.is_child = 0 AND m.deleted_at IS NULL AND f.deleted_at IS NULL ORDER BY m.id",
    ):
        adults.setdefault(int(family_id), []).append(int(member_id))
    active: set[int] = set()
    withdrawn: set[int] = set()
    for member_id, withdrawn_on in tuples(
        db, "SELECT member_id, withdrawn_on FROM consents WHERE study_id = ?", (profile.id,)
    ):
        (withdrawn if withdrawn_on else active).add(int(member_id))
    opened = {
        int(family_id): dt.date.fromisoformat(str(day)[:10])
        for family_id, day in tuples(db, "SELECT id, opened_on FROM families")
    }
    today = dt.date.today()
    rng = random.Random(seed)  # noqa: S311 - which demo families consent, not a secret
    given = 0
    consented: list[FamilyId] = []
    with db.transaction():  # one commit for the lot; each consent is still audited
        for family_id in sorted(adults):
            members = adults[family_id]
            if rng.random() >= share or any(m in withdrawn and m not in active for m in members):
                continue
            consented.append(FamilyId(family_id))
            # Asked within the case's first two months, so consent and attrition per month
            # have months to count (all on the day the demo was made, they had one).
            day = min(opened[family_id] + dt.timedelta(days=rng.randint(0, 60)), today)
            for member_id in members:
                if member_id not in active:
                    journal.consents.give(
                        MemberId(member_id),
                        profile.id,
                        letter_version="v1",
                        method=ConsentMethod.WRITTEN,
                        given_on=day,
                    )
                    given += 1
    answer_study_baselines(journal, consented, seed)
    return given
