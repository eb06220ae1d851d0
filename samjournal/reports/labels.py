"""The words the reports print, in bokmål and English, and dates and amounts in print form."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from samjournal import vocabulary
from samjournal.money import Money

LANGUAGES = vocabulary.LANGUAGES
CONFIDENTIAL = "Taushetsbelagt — unntatt offentlighet, offl. § 13"

_WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTH_NAMES = {
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_MONTHS = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def checked_language(language: str | None, default: str = "nb") -> str:
    lang = language or default
    return lang if lang in LANGUAGES else "nb"


class Words:
    """Labels in one language: `w.label(enum)`, `w.date(d)`, `w.money(m)`, `w("nb", "en")`."""

    def __init__(self, language: str) -> None:
        self.language = checked_language(language)
        self._i = LANGUAGES.index(self.language)

    def __call__(self, nb: str, en: str) -> str:
        return (nb, en)[self._i]

    def label(self, value: StrEnum | None) -> str:
        return vocabulary.label(value, self.language)

    def in_sentence(self, value: StrEnum) -> str:
        """The label inside a sentence or after a preposition: "Per familiekoordinator"."""
        return vocabulary.in_sentence(value, self.language)

    def domain(self, key: str) -> str:
        return vocabulary.domain(key, self.language)

    def domain_short(self, key: str) -> str:
        """For narrow table columns."""
        return vocabulary.domain_short(key, self.language)

    def date(self, value: dt.date | dt.datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = local(value).date()
        if self.language == "en":
            return f"{value.day}\u00a0{_MONTHS['en'][value.month - 1]}\u00a0{value.year}"
        return f"{value.day:02d}.{value.month:02d}.{value.year}"

    def long_date(self, value: dt.date | dt.datetime | None, *, weekday: bool = False) -> str:
        """ "12. mars 2025" / "12 March 2025" (with "torsdag" / "Thursday"): the family's copy."""
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = local(value).date()
        name = _MONTH_NAMES[self.language][value.month - 1]
        day = f"{_WEEKDAYS[self.language][value.weekday()]} " if weekday else ""
        # No-break spaces: "10. juni 2026" never wraps inside (the weekday may stand alone).
        if self.language == "en":
            return f"{day}{value.day}\u00a0{name}\u00a0{value.year}"
        return f"{day}{value.day}.\u00a0{name}\u00a0{value.year}"

    def datetime(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        v = local(value)
        return f"{self.date(v.date())} {v.hour:02d}:{v.minute:02d}"

    def month(self, year: int, month: int) -> str:
        return f"{_MONTHS[self.language][month - 1]} {year}"

    def money(self, value: Money) -> str:
        if self.language == "en":
            sign = "−" if value.ore < 0 else ""
            kroner, ore = divmod(abs(value.ore), 100)
            return f"{sign}NOK\u00a0{kroner:,}.{ore:02d}"
        return value.format()

    def decimal(self, value: float, places: int = 1) -> str:
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if self.language == "nb" else text

    def period(self, start: dt.date, end: dt.date) -> str:
        return f"{self.date(start)} – {self.date(end)}"


def local(value: dt.datetime) -> dt.datetime:
    """A stored (UTC) time as the machine's wall-clock time; naive values are already local."""
    return value.astimezone() if value.tzinfo else value
