"""Field checks shared by every form: each failure names the field and says what is wrong."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import Enum
from typing import TypeVar

from samjournal import nin
from samjournal.errors import ValidationError

SHORT = 200
LONG = 100_000
E = TypeVar("E", bound=Enum)
_PHONE = re.compile(r"^\+?[0-9 ()-]{5,20}$")
# Control characters other than newline and tab have no place in a journal line.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def text(field: str, value: str, *, required: bool = False, max_len: int = SHORT) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, "må være tekst")
    if _SURROGATE.search(value):  # half a character (a broken paste): cannot be stored as UTF-8
        raise ValidationError(field, "inneholder tegn som ikke kan lagres")
    cleaned = unicodedata.normalize("NFC", _CONTROL.sub("", value.replace("\r\n", "\n"))).strip()
    if required and not any(unicodedata.category(ch)[0] not in "CZ" for ch in cleaned):
        raise ValidationError(field, "må fylles ut")  # nothing visible: "\u200b" is empty too
    if len(cleaned) > max_len:
        raise ValidationError(field, f"kan være høyst {max_len} tegn")
    if max_len <= SHORT and "\n" in cleaned:
        raise ValidationError(field, "skal være én linje")
    return cleaned


def score(field: str, value: int | None, *, required: bool = False) -> int | None:
    if value is None:
        if required:
            raise ValidationError(field, "må fylles ut (0–10)")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValidationError(field, "skal være et helt tall fra 0 til 10")
    return value


def birth_year(field: str, value: int | None, *, today: dt.date | None = None) -> int | None:
    if value is None:
        return None
    this_year = (today or dt.date.today()).year
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= this_year:
        raise ValidationError(field, f"skal være et årstall mellom 1900 og {this_year}")
    return value


def not_future(field: str, value: dt.date, *, today: dt.date | None = None) -> dt.date:
    if value > (today or dt.date.today()):
        raise ValidationError(field, "kan ikke være fram i tid")
    return value


def phone(field: str, value: str) -> str:
    cleaned = text(field, value)
    if cleaned and not _PHONE.match(cleaned):
        raise ValidationError(field, "skriv et telefonnummer, for eksempel 912 34 567")
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
        raise ValidationError(
            "fødselsår", f"stemmer ikke med fødselsnummeret (født {'/'.join(map(str, years))})"
        )
    return year


def choice(field: str, value: object, kind: type[E]) -> E:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(field, "ukjent verdi") from None
