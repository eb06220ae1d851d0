"""The pilot's outcomes for leaders' learning: per month and need category, how many families
answered, and the share that reported help at the right time and each paradox.

Counted per family, never per answer: in a month, and in the whole period, each family counts
with its latest answer to the item (two adults answering the same day: one yes is the family's
yes). A family counts under
every need category it had a need in (raised by the day it answered, not dropped), so the
categories do not add up to the month. An item counts wherever an instrument keeps its id (the
journal's own and any study's that reuses it); whether an answer "reports it" follows from the
item's answer type, read from the very instrument version that was asked.

Small cells: a count under MIN_CELL is not shown, nor a share whose yes or no side is under
MIN_CELL, none included (that side would be one family or a handful, and 0 % or 100 % tells a
reader who knows the families what each of them answered); the report shows figures, never a
family.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from samjournal.instruments.model import Answer, AnswerType, Instrument, InstrumentRef, Item
from samjournal.journal import Journal
from samjournal.model import NeedCategory

MIN_CELL = 5

# The outcomes (key, the item id in Innbyggernes modell). Help at the right time is the family's
# rating; the paradoxes are the family's own (gratitude debt, insecurity about the end of the
# support, feeling treated unfairly) and the caseworker's (money used otherwise than agreed).
OUTCOMES = (
    ("right_time", "help_time"),
    ("gratitude_debt", "owe_gratitude"),
    ("insecurity", "worry_end"),
    ("unfairness", "unfair"),
    ("money_otherwise", "money_other"),
)
_NO_CHOICES = frozenset({"no", "none"})


def reports(item: Item, answer: Answer) -> bool | None:
    """Whether an answer says "yes, this happened" (None: not answered, or not readable)."""
    if answer is None:
        return None
    if item.type is AnswerType.CHOICE:
        return isinstance(answer, str) and answer not in _NO_CHOICES
    if not isinstance(answer, int):
        return None
    if item.type is AnswerType.AGREE_1_5:
        return answer >= 4
    if item.type is AnswerType.YES_NO:
        return answer == 1
    if item.type is AnswerType.SCALE_0_10:
        return answer >= 6
    return None  # a number is no yes or no


@dataclass(frozen=True, slots=True)
class FamilyAnswer:
    """One check-in, reduced to what the section counts."""

    family: int
    day: dt.date
    categories: frozenset[NeedCategory]
    said: Mapping[str, bool]  # outcome key -> reports it (only the outcomes answered)

    @property
    def month(self) -> str:
        return f"{self.day:%Y-%m}"


@dataclass(frozen=True, slots=True)
class Share:
    answered: int  # families that answered the item
    reporting: int  # of them, families that reported it

    def shown(self) -> float | None:
        """The share, or None when a side of it is a small cell. A side of none is one too:
        0 % or 100 % of families a reader knows says what each of them answered."""
        no = self.answered - self.reporting
        if self.reporting < MIN_CELL or no < MIN_CELL:
            return None
        return self.reporting / self.answered


@dataclass(frozen=True, slots=True)
class OutcomeCell:
    month: str | None  # None: the whole period
    category: NeedCategory | None  # None: every category
    families: int
    shares: dict[str, Share] = field(default_factory=dict)

    @property
    def hidden(self) -> bool:
        return self.families < MIN_CELL


def cells(answers: Iterable[FamilyAnswer]) -> list[OutcomeCell]:
    """Every (month, category) with an answer, each month over all categories, and the whole
    period per category and over all, in that order (months ascending, categories in order)."""
    # (month or None, category or None) -> family -> outcome -> (day, reports it)
    groups: dict[
        tuple[str | None, NeedCategory | None], dict[int, dict[str, tuple[dt.date, bool]]]
    ] = {}
    for a in answers:
        for month in (a.month, None):
            for category in (*a.categories, None):
                said = groups.setdefault((month, category), {}).setdefault(a.family, {})
                for key, value in a.said.items():
                    day, before = said.get(key, (a.day, False))
                    if a.day > day:  # a later answer replaces the earlier ones
                        said[key] = (a.day, value)
                    elif a.day == day:
                        said[key] = (day, before or value)
    order = {c: i for i, c in enumerate((*NeedCategory, None))}
    out = []
    for (month, category), families in sorted(
        groups.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", order[kv[0][1]])
    ):
        shares = {}
        for key, _item in OUTCOMES:
            given = [f[key][1] for f in families.values() if key in f]
            shares[key] = Share(len(given), sum(given))
        out.append(OutcomeCell(month, category, len(families), shares))
    return out


def _categories(
    needs: Sequence[tuple[NeedCategory, dt.date, str]], day: dt.date
) -> frozenset[NeedCategory]:
    return frozenset(c for c, raised, status in needs if raised <= day and status != "dropped")


def family_answers(journal: Journal, start: dt.date, end: dt.date) -> list[FamilyAnswer]:
    """The period's check-ins of the families the user sees, with their need categories."""
    ctx = journal._ctx
    visible, params = ctx.visibility("f")
    where = f"f.deleted_at IS NULL AND {visible}"
    needs: dict[int, list[tuple[NeedCategory, dt.date, str]]] = {}
    for r in ctx.db.all(
        "SELECT n.family_id, n.category, n.raised_on, n.status FROM needs n"
        f" JOIN families f ON f.id = n.family_id WHERE {where} AND n.deleted_at IS NULL"
        " AND n.raised_on <= ?",
        (*params, end.isoformat()),
    ):
        needs.setdefault(r["family_id"], []).append(
            (NeedCategory(r["category"]), dt.date.fromisoformat(r["raised_on"]), r["status"])
        )
    rows = ctx.db.all(
        "SELECT c.family_id, c.answered_on, c.instrument_id, c.instrument_version, c.answers"
        f" FROM checkins c JOIN families f ON f.id = c.family_id WHERE {where}"
        " AND c.deleted_at IS NULL AND c.answered_on BETWEEN ? AND ?",
        (*params, start.isoformat(), end.isoformat()),
    )
    instruments: dict[InstrumentRef, Instrument] = {}
    out = []
    for r in rows:
        ref = InstrumentRef(r["instrument_id"], int(r["instrument_version"]))
        if ref not in instruments:
            instruments[ref] = journal.instruments.get(ref)
        items = {i.id: i for i in instruments[ref].items}
        answers = json.loads(r["answers"])
        said = {}
        for key, item_id in OUTCOMES:
            if item_id in items:
                value = reports(items[item_id], answers.get(item_id))
                if value is not None:
                    said[key] = value
        day = dt.date.fromisoformat(r["answered_on"])
        categories = _categories(needs.get(r["family_id"], []), day)
        out.append(FamilyAnswer(r["family_id"], day, categories, said))
    return out
