"""Reading an instrument from a study profile's JSON, refusing what the journal cannot ask.

What is refused, each with its own message (catalogue.py, "instrument_*"): an unknown answer
type or respondent, a duplicate item or choice id (item ids compared as column names, "-" as
"_"), a text without bokmål or English, too long, or with control or invisible format
characters, a choice or scale end too long for a value label, a child item without an age
limit, more than MAX_ITEMS items, a choice item without choices, a number without sane bounds,
a bad schedule.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from samjournal.instruments.kinds import AnswerType, Respondent
from samjournal.instruments.model import (
    _ID_CHARS,
    MAX_CHOICES,
    MAX_ITEMS,
    NUMBER_LIMIT,
    Choice,
    Instrument,
    Item,
    Schedule,
    Text,
    column_name,
    refused,
)

MAX_TEXT = 500
# Choice and scale-end texts become value labels in .sav files, which hold 120 bytes: a longer
# one is refused rather than cut where nobody sees it.
MAX_LABEL_BYTES = 120
# Controls (escape sequences, bells, line breaks), format characters (bidi overrides, embeddings
# and isolates, zero-width characters) and unassigned or private code points can make a text
# read otherwise on a terminal, in the window or in a label than it is: refused, not stripped.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
MAX_ID = 32  # Stata's longest variable name: an item id becomes a column of the evaluator's tables
RESERVED = frozenset({"journal_id", "checkin_id", "household_id", "site"})  # columns beside them


def hidden(text: str) -> bool:
    """Whether `text` holds a character that can make it read otherwise than it is (_HIDDEN)."""
    return any(unicodedata.category(ch) in _HIDDEN for ch in text)


def instrument_from_json(raw: object) -> Instrument:
    """An instrument from its JSON, checked; ValidationError saying what is wrong."""
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
        if column_name(item.id) in seen:  # safe-home and safe_home are one column
            raise refused("instrument_duplicate", instrument=ident, item=item.id)
        seen.add(column_name(item.id))
    for item in items:
        if item.only_if_yes is not None:
            asked = next((i for i in items if i.id == item.only_if_yes), None)
            if (
                asked is None
                or asked.type is not AnswerType.YES_NO
                or asked.respondent is not item.respondent
            ):
                raise refused("instrument_only_if", item=item.id, asked=item.only_if_yes)
    unknown = set(raw) - {"id", "version", "title", "items", "schedule"}
    if unknown:
        raise refused("instrument_unknown_field", where=ident, field=sorted(unknown)[0])
    return Instrument(ident, version, title, items, _schedule(raw.get("schedule", {}), ident))


def plain_id(value: object) -> bool:
    """Whether `value` is written as an id can be (what a message may repeat of it)."""
    return isinstance(value, str) and 1 <= len(value) <= MAX_ID and set(value) <= _ID_CHARS


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


def _text(value: object, where: str, *, label: bool = False) -> Text:
    """A text in bokmål, English and optionally nynorsk; `label`: it becomes a value label."""
    if not isinstance(value, dict) or set(value) - {"nb", "en", "nn"}:
        raise refused("instrument_text", where=where)
    parts: dict[str, str] = {}
    for lang in ("nb", "en", "nn"):
        text = value.get(lang, "")
        if not isinstance(text, str):
            raise refused("instrument_text", where=where)
        if hidden(text):
            raise refused("instrument_text_hidden", where=where, language=lang)
        if len(text) > MAX_TEXT:
            raise refused("instrument_text_long", where=where, language=lang, max=MAX_TEXT)
        parts[lang] = " ".join(text.split())
        if label and len(parts[lang].encode()) > MAX_LABEL_BYTES:
            raise refused("instrument_label_long", where=where, language=lang, text=parts[lang])
    for lang in ("nb", "en"):
        if not parts[lang]:
            raise refused("instrument_text_missing", where=where, language=lang)
    return Text(parts["nb"], parts["en"], parts["nn"])


def _optional_text(value: object, where: str, *, label: bool = False) -> Text | None:
    return None if value is None else _text(value, where, label=label)


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
    if (min_age is None) is (respondent is Respondent.CHILD):  # "children from an age"
        raise refused("instrument_min_age", item=ident)
    choices: tuple[Choice, ...] = ()
    if kind is AnswerType.CHOICE:
        listed = raw.get("choices")
        if not isinstance(listed, list) or not 2 <= len(listed) <= MAX_CHOICES:
            raise refused("instrument_choices", item=ident)
        choices = tuple(_choice(c, ident) for c in listed)
        ids = [c.id for c in choices]
        for choice in ids:
            if ids.count(choice) > 1:
                raise refused("instrument_duplicate_choice", item=ident, choice=choice)
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
    low = _optional_text(raw.get("low"), ident, label=True)
    high = _optional_text(raw.get("high"), ident, label=True)
    if anchored and (low is None or high is None):
        raise refused("instrument_anchors", item=ident)
    if not anchored and (low is not None or high is not None):
        raise refused("instrument_anchors", item=ident)
    only_if_yes = raw.get("only_if_yes")
    if only_if_yes is not None:
        only_if_yes = _ident(only_if_yes, ident)
    known = {"id", "text", "type", "respondent", "min_age", "low", "high", "choices", "only_if_yes"}
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
        only_if_yes=only_if_yes,
    )


def _choice(raw: Any, item: str) -> Choice:
    if not isinstance(raw, dict) or set(raw) - {"id", "text"}:
        raise refused("instrument_choices", item=item)
    return Choice(_ident(raw.get("id"), item), _text(raw.get("text"), item, label=True))


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
