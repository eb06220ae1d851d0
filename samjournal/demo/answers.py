"""Plausible answers to Innbyggernes modell for the demo families, beyond the 0-10 scores.

Each family gets an outlook once (from its own seeded generator, so the rest of the demo's
random stream is untouched): how well the help fits it, and whether it carries one of the
pilot's paradoxes: feeling it owes the municipality, worrying about the end of support, feeling
treated unfairly. Help that fits follows the family's trend; the caseworker now and then notes
money used otherwise than agreed, with a category.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from samjournal.instruments.model import Answer

MONEY_CATEGORIES = ("daily", "debt", "children", "transport", "other")


@dataclass(frozen=True, slots=True)
class Outlook:
    help: float  # 1-5: how well the help fits (time, place, means)
    owes: bool
    worries: bool
    unfair: bool
    money_other_at: int | None  # the check-in at which money went elsewhere, if ever


def outlook(rng: random.Random, trend: str) -> Outlook:
    base = {"up": 4.2, "flat": 3.6, "dip": 3.2, "down": 2.6}[trend]
    return Outlook(
        help=base + rng.uniform(-0.5, 0.5),
        owes=rng.random() < 0.18,
        worries=rng.random() < (0.4 if trend == "down" else 0.2),
        unfair=rng.random() < 0.1,
        money_other_at=rng.randint(1, 4) if rng.random() < 0.12 else None,
    )


def _agree(value: float) -> int:
    return max(1, min(5, round(value)))


def _maybe(rng: random.Random, value: int) -> int | None:
    return None if rng.random() < 0.05 else value  # "not answered" happens


def adult(rng: random.Random, view: Outlook, own: float, months: float) -> dict[str, Answer]:
    """An adult's answers to the belonging, help and paradox items (own: their 0-10 level)."""
    belonging = 1 + own / 2.6
    answers: dict[str, Answer] = {
        "belonging": _maybe(rng, _agree(belonging + rng.gauss(0, 0.6))),
        "citizen": _maybe(rng, _agree(belonging + 0.3 + rng.gauss(0, 0.6))),
        "society": _maybe(rng, _agree(belonging - 0.2 + rng.gauss(0, 0.8))),
    }
    if months >= 1:  # help is rated once there has been some
        for item in ("help_time", "help_place", "help_means"):
            answers[item] = _maybe(rng, _agree(view.help + rng.gauss(0, 0.6)))
    # later in the case the end of support comes closer, and the worry with it
    answers["owe_gratitude"] = _maybe(rng, _agree((4.3 if view.owes else 1.8) + rng.gauss(0, 0.5)))
    worry = (4.0 if view.worries else 1.7) + min(1.0, months / 24)
    answers["worry_end"] = _maybe(rng, _agree(worry + rng.gauss(0, 0.5)))
    answers["unfair"] = _maybe(rng, _agree((4.2 if view.unfair else 1.5) + rng.gauss(0, 0.5)))
    return answers


def caseworker(rng: random.Random, view: Outlook, index: int) -> dict[str, Answer]:
    if index == view.money_other_at:
        return {"money_other": 1, "money_other_what": rng.choice(MONEY_CATEGORIES)}
    return {"money_other": 0}


def child(rng: random.Random, own: float) -> dict[str, Answer]:
    return {
        "child_life": max(0, min(10, round(own + 0.8 + rng.gauss(0, 1.0)))),
        "child_heard": _maybe(rng, _agree(3.6 + rng.gauss(0, 0.8))),
    }
