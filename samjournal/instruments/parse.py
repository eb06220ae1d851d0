"""Reading an instrument from a study profile's JSON, refusing what the journal cannot ask.

What is refused, each with its own message (messages.py, "instrument_*"): an unknown answer
type or respondent, a duplicate item or choice id, a text without bokmål or English, more than
MAX_ITEMS items, a choice item without choices, a number without sane bounds, a bad schedule.
"""

from __future__ import annotations

from typing import Any

from samjournal.instruments.model import (
    _ID_CHARS,
    MAX_CHOICES,
    MAX_ITEMS,
    NUMBER_LIMIT,
    AnswerType,
    Choice,
    Instrument,
    Item,
    Respondent,
    Schedule,
    Text,
    refused,
)

MAX_TEXT = 500
MAX_ID = 32  # Stata's longest variable name: an item id becomes a column of the evaluator's tables
RESERVED = frozenset({"journal_id", "checkin_id", "household_id", "site"})  # columns beside them


def instrument_from_json(raw: object) -> Instrument:
    if not isinstance(raw, dict):
        raise refused("instrument_shape", where="instrument")
    ident = _ident(raw.get("id"), "instrument")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= 10_000:
        raise refused("instrument_version", instrument=ident)
    title = _text(raw.get("title"), ident)
    items_raw = raw.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise refused("instrument_no_items", instrument=ident)
    if len(items_raw) > MAX_ITEMS:
        raise refused("instrument_too_many", instrument=ident, count=len(items_raw), max=MAX_ITEMS)
    items = tuple(_item(entry, ident) for entry in items_raw)
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise refused("instrument_duplicate", instrument=ident, item=item.id)
        seen.add(item.id)
    unknown = set(raw) - {"id", "version", "title", "items", "schedule"}
    if unknown:
        raise refused("instrument_unknown_field", where=ident, field=sorted(unknown)[0])
    return Instrument(ident, version, title, items, _schedule(raw.get("schedule", {}), ident))


def _ident(value: object, where: str) -> str:
    if (
        not isinstance(value, str)
        or not 1 <= len(value) <= MAX_ID
        or not set(value) <= _ID_CHARS
        or not value[0].isalpha()
        or value in RESERVED
    ):
        raise refused("instrument_id", where=where, id=str(value)[:MAX_ID])
    return value


def _text(value: object, where: str) -> Text:
    if not isinstance(value, dict):
        raise refused("instrument_text", where=where)
    parts: dict[str, str] = {}
    for lang in ("nb", "en", "nn"):
        text = value.get(lang, "")
        if not isinstance(text, str) or len(text) > MAX_TEXT or "\x00" in text:
            raise refused("instrument_text", where=where)
        parts[lang] = " ".join(text.split())
    if not parts["nb"] or not parts["en"]:
        raise refused("instrument_text", where=where)
    if set(value) - {"nb", "en", "nn"}:
        raise refused("instrument_text", where=where)
    return Text(parts["nb"], parts["en"], parts["nn"])


def _optional_text(value: object, where: str) -> Text | None:
    return None if value is None else _text(value, where)


def _int_or_none(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > NUMBER_LIMIT:
        raise refused("instrument_number", item=where)
    return value


def _item(raw: Any, instrument: str) -> Item:
    if not isinstance(raw, dict):
        raise refused("instrument_shape", where=instrument)
    ident = _ident(raw.get("id"), instrument)
    try:
        kind = AnswerType(str(raw.get("type")))
    except ValueError:
        raise refused("instrument_type", item=ident, type=str(raw.get("type"))[:40]) from None
    try:
        respondent = Respondent(str(raw.get("respondent")))
    except ValueError:
        raise refused("instrument_respondent", item=ident) from None
    min_age = _int_or_none(raw.get("min_age"), ident)
    if min_age is not None and not 0 <= min_age <= 17:
        raise refused("instrument_min_age", item=ident)
    if min_age is not None and respondent is not Respondent.CHILD:
        raise refused("instrument_min_age", item=ident)
    choices: tuple[Choice, ...] = ()
    if kind is AnswerType.CHOICE:
        listed = raw.get("choices")
        if not isinstance(listed, list) or not 2 <= len(listed) <= MAX_CHOICES:
            raise refused("instrument_choices", item=ident)
        choices = tuple(_choice(c, ident) for c in listed)
        if len({c.id for c in choices}) != len(choices):
            raise refused("instrument_duplicate", instrument=ident, item=ident)
    elif raw.get("choices"):
        raise refused("instrument_choices_misplaced", item=ident)
    minimum = _int_or_none(raw.get("minimum"), ident)
    maximum = _int_or_none(raw.get("maximum"), ident)
    if kind is AnswerType.NUMBER:
        if minimum is None or maximum is None or minimum > maximum:
            raise refused("instrument_number", item=ident)
    elif minimum is not None or maximum is not None:
        raise refused("instrument_number", item=ident)
    anchored = kind in (AnswerType.SCALE_0_10, AnswerType.AGREE_1_5)
    low, high = _optional_text(raw.get("low"), ident), _optional_text(raw.get("high"), ident)
    if anchored and (low is None or high is None):
        raise refused("instrument_anchors", item=ident)
    if not anchored and (low is not None or high is not None):
        raise refused("instrument_anchors", item=ident)
    known = {"id", "text", "type", "respondent", "min_age", "low", "high", "choices"}
    unknown = set(raw) - known - {"minimum", "maximum", "section"}
    if unknown:
        raise refused("instrument_unknown_field", where=ident, field=sorted(unknown)[0])
    return Item(
        id=ident,
        text=_text(raw.get("text"), ident),
        type=kind,
        respondent=respondent,
        min_age=min_age,
        low=low,
        high=high,
        choices=choices,
        minimum=minimum,
        maximum=maximum,
        section=_optional_text(raw.get("section"), ident),
    )


def _choice(raw: Any, item: str) -> Choice:
    if not isinstance(raw, dict) or set(raw) - {"id", "text"}:
        raise refused("instrument_choices", item=item)
    return Choice(_ident(raw.get("id"), item), _text(raw.get("text"), item))


def _schedule(raw: object, instrument: str) -> Schedule:
    if not isinstance(raw, dict) or set(raw) - {"baseline", "follow_up_months", "at_closing"}:
        raise refused("instrument_schedule", instrument=instrument)
    baseline, at_closing = raw.get("baseline", True), raw.get("at_closing", True)
    months = raw.get("follow_up_months", 6)
    if not isinstance(baseline, bool) or not isinstance(at_closing, bool):
        raise refused("instrument_schedule", instrument=instrument)
    if months is not None and (
        isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 60
    ):
        raise refused("instrument_schedule", instrument=instrument)
    return Schedule(baseline, months, at_closing)
