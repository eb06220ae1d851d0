"""Norwegian national identity numbers: fødselsnummer, D-nummer and H-nummer.

The check digits follow Skatteetaten's rules. From 1 January 2032 new numbers are issued with a
relaxed first check digit (the weighted sum including k1 may leave remainder 0, 1, 2 or 3 modulo
11), and the individual number no longer tells the century; both rules must be read in parallel
from then on. python-stdnum's `no.fodselsnummer` is the reference for the old rule, and the tests
compare against it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from samjournal.messages import invalid

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
NEW_RULE_FROM = dt.date(2032, 1, 1)
FIELD = "national_id"


class NinKind(StrEnum):
    FODSELSNUMMER = "fødselsnummer"
    D_NUMMER = "D-nummer"
    H_NUMMER = "H-nummer"


def _weighted(digits: list[int], weights: tuple[int, ...]) -> int:
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 11


def _century(year2: int, individual: int) -> int | None:
    if individual < 500:
        return 1900
    if individual < 750 and year2 >= 54:
        return 1800
    if year2 < 40:
        return 2000
    if individual >= 900:
        return 1900
    return None


def compact(text: str) -> str:
    return "".join(ch for ch in text if ch not in " -.\u00a0")


def validate(text: str, *, today: dt.date | None = None) -> tuple[str, NinKind]:
    """Return the eleven digits and the kind, or raise ValidationError saying what is wrong."""
    number, kind, _births = _read(text, today or dt.date.today())
    return number, kind


def birth_dates(text: str, *, today: dt.date | None = None) -> list[dt.date]:
    """The birth dates a valid number can stand for: one, or after 2032 one per century that
    fits. Raises ValidationError as `validate` does."""
    return _read(text, today or dt.date.today())[2]


def _read(text: str, today: dt.date) -> tuple[str, NinKind, list[dt.date]]:
    number = compact(text)
    if len(number) != 11 or not number.isascii() or not number.isdigit():
        raise invalid(FIELD, "nin_digits")
    digits = [int(ch) for ch in number]
    if _weighted(digits, _K2) != 0:
        raise invalid(FIELD, "nin_check_digits")
    k1_rest = _weighted(digits[:10], _K1)
    new_rule = today >= NEW_RULE_FROM and k1_rest in (1, 2, 3)
    if k1_rest != 0 and not new_rule:
        raise invalid(FIELD, "nin_check_digits")

    day, month, year2 = int(number[0:2]), int(number[2:4]), int(number[4:6])
    kind = NinKind.FODSELSNUMMER
    if day > 40:
        kind, day = NinKind.D_NUMMER, day - 40
    if month > 40:
        kind, month = NinKind.H_NUMMER, month - 40
    if new_rule:
        # The individual number no longer tells the century: accept any century the date fits.
        centuries = [1900, 2000]
    else:
        century = _century(year2, int(number[6:9]))
        if century is None:
            raise invalid(FIELD, "nin_individual")
        centuries = [century]
    births = []
    for century in centuries:
        try:
            births.append(dt.date(century + year2, month, day))
        except ValueError:
            continue
    if not births:
        raise invalid(FIELD, "nin_no_date")
    if min(births) > today:
        raise invalid(FIELD, "nin_future")
    return number, kind, [b for b in births if b <= today]


def mask(number: str) -> str:
    """Show the birth date part only, as on printed summaries: "010203 *****"."""
    digits = compact(number)
    return f"{digits[:6]} *****" if len(digits) == 11 else "*****"
