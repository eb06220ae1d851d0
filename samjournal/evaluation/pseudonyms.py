"""Which family a study's household pseudonym stands for, for the team lead only.

The evaluator sees households by pseudonym. When a withdrawn line said one left the study, the
evaluator asks the team lead whether it really did (evaluator/readmit.py), reading the pseudonym
out over the phone; the team lead looks it up here. Pseudonyms are random (release_state.py), so
only the journal can answer, and the lookup is audited like opening the family.
"""

from __future__ import annotations

from samjournal.audit import Action
from samjournal.context import Context
from samjournal.errors import NotFound
from samjournal.messages import keyed
from samjournal.model import FamilyId


def family_of(ctx: Context, study_id: str, pseudonym: str) -> FamilyId:
    """The family behind `pseudonym` in `study_id`'s releases (NotFound if none)."""
    ctx.require_teamlead("find_household")
    row = ctx.db.first(
        "SELECT family_id FROM evaluation_households WHERE study_id = ? AND pseudonym = ?",
        (study_id, pseudonym.strip()),
    )
    if row is None:
        raise keyed(NotFound, "household_not_released", pseudonym=pseudonym.strip())
    family = FamilyId(int(row[0]))
    ctx.log_read(Action.VIEW, "evaluation_household", pseudonym.strip(), family_id=family)
    return family
