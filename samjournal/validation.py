"""Field checks shared by every form: each failure names the field and says what is wrong."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import Enum
from typing import TypeVar

from samjournal import nin
from samjournal.messages import invalid

SHORT = 200
LONG = 100_000
E = TypeVar("E", bound=Enum)
D = TypeVar("D", bound=dt.date)  # a date, or a datetime (a date too)
_PHONE = re.compile(r"^\+?[0-9 ()-]{5,20}$")
# Control characters other than newline and tab have no place in a journal line (C1 too: U+0085
# is a line break to Qt and to str.splitlines).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Direction embeddings, overrides and isolates: invisible, and one left open turns the text after
# it around, in a list or a printout ("Kari \u202eNilsen" showed the rest of its row backwards,
# reliability review). Refused in every field but the free text of a meeting (its own
# paragraphs, where nothing follows it); the marks U+200E/U+200F, which open nothing, stay.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# The calendar a journal keeps: the evaluation export's month tables cover these years
# (evaluation/release_items.py), and a time in year 1 or 9999 cannot even be turned into UTC.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def text(field: str, value: str, *, required: bool = False, max_len: int = SHORT) -> str:
    if not isinstance(value, str):
        raise invalid(field, "not_text")
    if _SURROGATE.search(value):  # half a character (a broken paste): cannot be stored as UTF-8
        raise invalid(field, "unstorable")
    if max_len < LONG and _BIDI_CONTROL.search(value):
        raise invalid(field, "bidi_control")
    cleaned = unicodedata.normalize("NFC", _CONTROL.sub("", value.replace("\r\n", "\n"))).strip()
    if required and not any(unicodedata.category(ch)[0] not in "CZ" for ch in cleaned):
        raise invalid(field, "required")  # nothing visible: "\u200b" is empty too
    if len(cleaned) > max_len:
        raise invalid(field, "too_long", max=max_len)
    if max_len <= SHORT and len(cleaned.splitlines()) > 1:  # U+2028 and U+2029 break lines too
        raise invalid(field, "one_line")
    return cleaned


def score(field: str, value: int | None, *, required: bool = False) -> int | None:
    if value is None:
        if required:
            raise invalid(field, "score_required")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise invalid(field, "score_range")
    return value


def birth_year(field: str, value: int | None, *, today: dt.date | None = None) -> int | None:
    if value is None:
        return None
    this_year = (today or dt.date.today()).year
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= this_year:
        raise invalid(field, "year_range", last=this_year)
    return value


def day(field: str, value: D) -> D:
    """A date or time within the journal's calendar (FIRST_YEAR to LAST_YEAR): 0001-01-01 was
    a raw ValueError ("year 0 is out of range") from the UTC conversion (reliability review)."""
    if not isinstance(value, dt.date) or not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise invalid(field, "date_range", first=FIRST_YEAR, last=LAST_YEAR)
    # A time is stored in UTC (context.iso; a naive one read as local): 1900-01-01 00:30 in
    # Oslo is stored in 1899 (review s26).
    if (
        isinstance(value, dt.datetime)
        and not FIRST_YEAR <= value.astimezone(dt.UTC).year <= LAST_YEAR
    ):
        raise invalid(field, "date_range", first=FIRST_YEAR, last=LAST_YEAR)
    return value


def after_today(value: dt.date, today: dt.date | None = None) -> bool:
    """Whether `value` falls on a day after `today` (the local date). A time counts by its own
    local day, so one later today is not in the future (a meeting written in as it starts);
    comparing a time with a date was a raw TypeError."""
    if isinstance(value, dt.datetime):
        value = value.astimezone().date()  # a time without a zone is local already
    return value > (today or dt.date.today())


def not_future(field: str, value: D, *, today: dt.date | None = None) -> D:
    """A date or time on today's date or before (a day something was done, paid or given)."""
    if after_today(day(field, value), today):
        raise invalid(field, "future")
    return value


def held(field: str, value: D, *, today: dt.date | None = None) -> D:
    """When a meeting was held: today at the latest. A meeting on a day to come is not held
    yet; it is planned as the next meeting of the one before (its own message says so)."""
    if after_today(day(field, value), today):
        raise invalid(field, "held_future")
    return value


def phone(field: str, value: str) -> str:
    cleaned = text(field, value)
    if cleaned and not _PHONE.match(cleaned):
        raise invalid(field, "phone_form")
    return cleaned


def national_id(value: str | None, *, today: dt.date | None = None) -> str | None:
    if value is None or not value.strip():
        return None
    number, _kind = nin.validate(value, today=today)
    return number


def birth_year_of(year: int | None, national_id: str | None) -> int | None:
    """The birth year, checked against (or, when not given, read from) an identity number."""
    if national_id is None:
        return year
    years = sorted({d.year for d in nin.birth_dates(national_id)})
    if year is None:
        return years[0] if len(years) == 1 else None
    if year not in years:
        raise invalid("birth_year", "year_not_nin", years="/".join(map(str, years)))
    return year


def choice(field: str, value: object, kind: type[E]) -> E:
    try:
        return kind(value)
    except ValueError:
        raise invalid(field, "unknown_value") from None
