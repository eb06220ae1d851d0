"""NOK amounts as integer øre, parsed and formatted the Norwegian way."""

from __future__ import annotations

import re
from dataclasses import dataclass

from samjournal.messages import invalid

# 1 000 000 000 kr: far above any family budget, and well inside SQLite's 64-bit integers.
MAX_ORE = 100_000_000_000
_AMOUNT = re.compile(
    r"^(?P<sign>[-\u2212])?"  # format() writes U+2212; a keyboard gives "-"
    r"(?P<kroner>\d{1,3}(?:[ .\u00a0\u202f]\d{3})*|\d+)(?:[,.](?P<ore>\d{1,2}))?$",
    re.ASCII,
)


@dataclass(frozen=True, slots=True, order=True)
class Money:
    ore: int

    def __post_init__(self) -> None:
        if isinstance(self.ore, bool) or not isinstance(self.ore, int):
            raise TypeError("Money holds whole øre")

    @classmethod
    def kr(cls, kroner: int, ore: int = 0) -> Money:
        return cls(kroner * 100 + ore)

    @classmethod
    def parse(cls, text: str, field: str = "amount") -> Money:
        """Read "1 234,50", "1234.5", "1 234 kr" or "kr 1234" (a minus as `format` writes it,
        U+2212, or as typed); reject anything else."""
        cleaned = text.strip().removesuffix("kr").removeprefix("kr").strip().removesuffix(",-")
        match = _AMOUNT.match(cleaned)
        if not match:
            raise invalid(field, "amount_form")
        kroner = int(re.sub(r"\D", "", match["kroner"]))
        ore = int((match["ore"] or "0").ljust(2, "0"))
        value = kroner * 100 + ore
        if value > MAX_ORE:
            raise invalid(field, "amount_too_large")
        return cls(-value if match["sign"] else value)

    def __add__(self, other: Money) -> Money:
        return Money(self.ore + other.ore)

    def __sub__(self, other: Money) -> Money:
        return Money(self.ore - other.ore)

    def __neg__(self) -> Money:
        return Money(-self.ore)

    def __bool__(self) -> bool:
        return self.ore != 0

    def format(self, *, symbol: bool = True) -> str:
        """Norwegian form: "1 234,50 kr" with a no-break space between thousands."""
        sign = "−" if self.ore < 0 else ""
        kroner, ore = divmod(abs(self.ore), 100)
        grouped = f"{kroner:,}".replace(",", "\u00a0")
        text = f"{sign}{grouped},{ore:02d}"
        return f"{text}\u00a0kr" if symbol else text

    def __str__(self) -> str:
        return self.format()


ZERO = Money(0)


def bounded(value: Money, field: str = "amount") -> Money:
    """An amount a caller made (not parsed) within what a journal stores: Money(2**70) was a raw
    OverflowError from SQLite (found by the form fuzz test with any time drawn)."""
    if abs(value.ore) > MAX_ORE:
        raise invalid(field, "amount_too_large")
    return value
