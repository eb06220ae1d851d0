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

MAX_LOGGED = 64  # a pseudonym is 17 characters; whatever else was typed is cut in the log


def family_of(ctx: Context, study_id: str, pseudonym: str) -> FamilyId:
    """The family behind `pseudonym` in `study_id`'s releases (NotFound if none)."""
    ctx.require_teamlead("find_household")
    wanted = pseudonym.strip()
    row = ctx.db.first(
        "SELECT family_id FROM evaluation_households WHERE study_id = ? AND pseudonym = ?",
        (study_id, wanted),
    )
    family = None if row is None else FamilyId(int(row[0]))
    # A miss is audited too: pseudonyms are random, so whoever tries many leaves a trail.
    ctx.log_read(
        Action.VIEW,
        "evaluation_household",
        wanted[:MAX_LOGGED],
        family_id=family,
        detail=f"study {study_id}" + ("" if family else ": not released"),
    )
    if family is None:
        raise keyed(NotFound, "household_not_released", pseudonym=wanted)
    return family
