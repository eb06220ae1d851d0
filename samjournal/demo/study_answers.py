"""Plausible demo answers to a study's own instruments, for the families that just consented.

The demo's history is answered with the journal's own instrument; a study with questions of its
own (`samjournal demo --study`) would otherwise show only "due" in the window and send no
answers of its own. Each consenting family gets one baseline today: every adult answers the
adult items, the caseworker the caseworker items; children are left to the window (their
items depend on their age). "Not answered" stays common, as in real check-ins.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import Answer, AnswerType, Instrument, Item, Occasion, Respondent
from samjournal.journal import Journal
from samjournal.model import FamilyId

SKIPPED = 0.15  # share of items left "not answered"


def _value(item: Item, rng: random.Random) -> Answer:
    if rng.random() < SKIPPED:
        return None
    if item.type is AnswerType.NUMBER:
        low = item.minimum or 0
        high = low + max(0, min((item.maximum or low) - low, 10))  # small numbers read plausibly
        return rng.randint(low, high)
    allowed: list[Answer] = list(item.values() or ())
    if item.type in (AnswerType.SCALE_0_10, AnswerType.AGREE_1_5):
        allowed = allowed[len(allowed) // 3 :]  # middle and upper answers are more common
    return rng.choice(allowed)


def _answers(form: Instrument, who: Respondent, rng: random.Random) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for item in form.items_for(who):
        if item.only_if_yes is not None and out.get(item.only_if_yes) != 1:
            continue
        out[item.id] = _value(item, rng)
    return out


def answer_study_baselines(journal: Journal, families: Iterable[FamilyId], seed: int) -> int:
    """A baseline with each of the families' study instruments (not the journal's own, which
    the demo's history already answers); returns the check-ins recorded."""
    rng = random.Random(seed)  # noqa: S311 - demo answers, not a secret
    recorded = 0
    for family_id in families:
        adults = [
            m for m in journal.families.open(family_id, audit=False).members if not m.is_child
        ]
        for form in journal.instruments.for_family(family_id):
            if form.id == JOURNAL_DEFAULT.id:
                continue
            answering = [(Respondent.ADULT, m.id) for m in adults] + [(Respondent.CASEWORKER, None)]
            for who, member_id in answering:
                answers = _answers(form, who, rng)
                if not any(v is not None for v in answers.values()):
                    continue
                journal.checkins.record(
                    family_id,
                    form.ref,
                    answers,
                    respondent=who,
                    member_id=member_id,
                    occasion=Occasion.BASELINE,
                )
                recorded += 1
    return recorded
