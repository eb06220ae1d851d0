"""An instrument: a versioned list of items (questions), who answers them and when.

Instruments travel in study profiles as JSON (`Instrument.to_json` / `from_json`), are kept in
the journal by (id, version), and every check-in names the version it was answered with, so an
old answer is always read against the questions that were asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from samjournal.errors import ValidationError
from samjournal.instruments.kinds import AnswerType as AnswerType
from samjournal.instruments.kinds import Occasion as Occasion
from samjournal.instruments.kinds import Respondent as Respondent
from samjournal.messages import Param, invalid

MAX_ITEMS = 80  # a family meeting, not a survey: beyond this the profile is refused
MAX_CHOICES = 30
NUMBER_LIMIT = 10**9
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def column_name(ident: str) -> str:
    """An id as a column or table name of the evaluator's files (Stata and SPSS take no "-"):
    two ids are the same when their column names are."""
    return ident.replace("-", "_")


Answer = int | str | None  # None: not answered; a choice's id; yes/no as 1/0


@dataclass(frozen=True, slots=True)
class Text:
    nb: str
    en: str
    nn: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang` ("nb", "en", "nn"); bokmål when that language is missing."""
        found = {"en": self.en, "nn": self.nn}.get(lang, "")
        return found or self.nb

    def to_json(self) -> dict[str, str]:
        return {"nb": self.nb, "en": self.en, **({"nn": self.nn} if self.nn else {})}


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: Text


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: Text
    type: AnswerType
    respondent: Respondent
    min_age: int | None = None
    low: Text | None = None  # anchors for scale_0_10 / agree_1_5
    high: Text | None = None
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    section: Text | None = None  # a heading the dialog may group items under
    only_if_yes: str | None = None  # asked only when this yes/no item is answered yes

    def values(self) -> tuple[int, ...] | tuple[str, ...] | None:
        """The answers this item allows, when they are few (None for a number)."""
        match self.type:
            case AnswerType.SCALE_0_10:
                return tuple(range(11))
            case AnswerType.AGREE_1_5:
                return tuple(range(1, 6))
            case AnswerType.YES_NO:
                return (1, 0)
            case AnswerType.CHOICE:
                return tuple(c.id for c in self.choices)
        return None

    def check(self, value: object) -> Answer:
        """`value` as this item's answer; ValidationError when it is not one."""
        if value is None:
            return None
        if self.type is AnswerType.CHOICE:
            if isinstance(value, str) and value in {c.id for c in self.choices}:
                return value
            raise invalid("answer", "answer_choice", item=self.id)
        if isinstance(value, bool) or not isinstance(value, int):
            raise invalid("answer", "answer_number", item=self.id)
        if self.type is AnswerType.NUMBER:
            low = -NUMBER_LIMIT if self.minimum is None else self.minimum
            high = NUMBER_LIMIT if self.maximum is None else self.maximum
        else:
            allowed = self.values() or ()
            low, high = int(min(allowed)), int(max(allowed))
        if not low <= value <= high:
            raise invalid("answer", "answer_range", item=self.id, low=low, high=high)
        return value

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text.to_json(),
            "type": str(self.type),
            "respondent": str(self.respondent),
        }
        if self.min_age is not None:
            out["min_age"] = self.min_age
        for name, text in (("low", self.low), ("high", self.high), ("section", self.section)):
            if text is not None:
                out[name] = text.to_json()
        if self.choices:
            out["choices"] = [{"id": c.id, "text": c.text.to_json()} for c in self.choices]
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.only_if_yes is not None:
            out["only_if_yes"] = self.only_if_yes
        return out


@dataclass(frozen=True, slots=True)
class Schedule:
    baseline: bool = True  # at the first meeting after consent
    follow_up_months: int | None = 6  # every N months after the last baseline/follow-up
    at_closing: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "follow_up_months": self.follow_up_months,
            "at_closing": self.at_closing,
        }


@dataclass(frozen=True, slots=True)
class InstrumentRef:
    """An instrument version as the journal knows it: a study's (`study` = its id; two studies
    may use one id with other questions) or the journal's own (`study` None)."""

    id: str
    version: int
    study: str | None = None

    def _key(self) -> tuple[str, int, str]:
        return (self.id, self.version, self.study or "")

    def __lt__(self, other: InstrumentRef) -> bool:
        return self._key() < other._key()

    def __str__(self) -> str:
        return f"{self.id} v{self.version}" + (f" ({self.study})" if self.study else "")


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    version: int
    title: Text
    items: tuple[Item, ...]
    schedule: Schedule = Schedule()
    study: str | None = None  # whose it is in a journal (not part of the definition's JSON)

    @property
    def ref(self) -> InstrumentRef:
        return InstrumentRef(self.id, self.version, self.study)

    def items_for(self, respondent: Respondent) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.respondent == respondent)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def check_answers(self, answers: Mapping[str, object]) -> dict[str, Answer]:
        """Every answer checked against its item; unknown items refused; None dropped."""
        out: dict[str, Answer] = {}
        for item_id, value in answers.items():
            item = self.item(item_id) if isinstance(item_id, str) else None
            if item is None:
                raise invalid("answer", "answer_unknown_item", item=str(item_id))
            checked = item.check(value)
            if checked is not None:
                out[item_id] = checked
        for item_id in out:
            asked = self.item(item_id)
            if asked is not None and asked.only_if_yes and out.get(asked.only_if_yes) != 1:
                raise invalid("answer", "answer_only_if", item=item_id, asked=asked.only_if_yes)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title.to_json(),
            "items": [i.to_json() for i in self.items],
            "schedule": self.schedule.to_json(),
        }


def refused(key: str, **params: Param) -> ValidationError:
    """A bad instrument, said in a way the team lead and the evaluator can act on."""
    return invalid("instrument", key, ValidationError, **params)
