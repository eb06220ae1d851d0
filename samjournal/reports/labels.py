"""The words the reports print, in bokmål and English, and dates and amounts in print form."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from samjournal.model import (
    ConsentMethod,
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedStatus,
    PaymentMethod,
    PaymentStatus,
    Role,
)
from samjournal.money import Money

LANGUAGES = ("nb", "en")
CONFIDENTIAL = "Taushetsbelagt — unntatt offentlighet, offl. § 13"

_ENUM_WORDS: tuple[tuple[Enum, tuple[str, str]], ...] = (
    (FamilyStatus.ACTIVE, ("Aktiv", "Active")),
    (FamilyStatus.PAUSED, ("Pause", "Paused")),
    (FamilyStatus.CLOSED, ("Avsluttet", "Closed")),
    (MeetingKind.HOME_VISIT, ("Hjemmebesøk", "Home visit")),
    (MeetingKind.OFFICE, ("Kontormøte", "Office meeting")),
    (MeetingKind.PHONE, ("Telefon", "Phone")),
    (MeetingKind.NETWORK, ("Nettverksmøte", "Network meeting")),
    (NeedCategory.HOUSING, ("Bolig", "Housing")),
    (NeedCategory.ECONOMY, ("Økonomi og gjeld", "Economy and debt")),
    (NeedCategory.WORK, ("Arbeid", "Work")),
    (NeedCategory.EDUCATION, ("Utdanning", "Education")),
    (NeedCategory.LEISURE, ("Barns fritid", "Children's leisure")),
    (NeedCategory.HEALTH, ("Helse", "Health")),
    (NeedCategory.SOCIAL, ("Sosialt nettverk", "Social network")),
    (NeedCategory.TRANSPORT, ("Transport", "Transport")),
    (NeedCategory.OTHER, ("Annet", "Other")),
    (NeedStatus.RAISED, ("Meldt", "Raised")),
    (NeedStatus.AGREED, ("Avtalt", "Agreed")),
    (NeedStatus.IN_PROGRESS, ("Under arbeid", "In progress")),
    (NeedStatus.MET, ("Oppfylt", "Met")),
    (NeedStatus.DROPPED, ("Avsluttet uten tiltak", "Dropped")),
    (PaymentMethod.BANK_TRANSFER, ("Bankoverføring", "Bank transfer")),
    (PaymentMethod.PREPAID_CARD, ("Forhåndsbetalt kort", "Prepaid card")),
    (PaymentMethod.INVOICE, ("Faktura betalt for familien", "Invoice paid for the family")),
    (PaymentMethod.OTHER, ("Annen måte", "Other method")),
    (PaymentStatus.PROPOSED, ("Foreslått", "Proposed")),
    (PaymentStatus.APPROVED, ("Godkjent", "Approved")),
    (PaymentStatus.PAID, ("Utbetalt", "Paid")),
    (PaymentStatus.REJECTED, ("Avslått", "Rejected")),
    (PaymentStatus.CANCELLED, ("Kansellert", "Cancelled")),
    (ConsentMethod.WRITTEN, ("Skriftlig", "Written")),
    (ConsentMethod.DIGITAL, ("Digitalt", "Digital")),
    (ConsentMethod.ORAL, ("Muntlig", "Oral")),
    (Role.CASEWORKER, ("Familiekoordinator", "Caseworker")),
    (Role.TEAMLEAD, ("Teamleder", "Team lead")),
)

# StrEnum members of different enums compare equal when their values do (NeedCategory.OTHER and
# PaymentMethod.OTHER are both "other"), so the lookup is keyed by the enum class as well.
_ENUMS: dict[tuple[type[Enum], object], tuple[str, str]] = {
    (type(k), k.value): v for k, v in _ENUM_WORDS
}

_DOMAINS: dict[str, tuple[str, str]] = {
    "life_satisfaction": ("Livet alt i alt", "Life as a whole"),
    "economy": ("Økonomi", "Economy"),
    "housing": ("Bolig", "Housing"),
    "health": ("Helse", "Health"),
    "social": ("Sosialt liv", "Social life"),
    "trust": ("Tillit til tjenestene", "Trust in the services"),
    "participation": ("Medvirkning", "Participation"),
}

_DOMAINS_SHORT: dict[str, tuple[str, str]] = {
    "life_satisfaction": ("Livet", "Life"),
    "social": ("Sosialt", "Social"),
    "trust": ("Tillit", "Trust"),
    "participation": ("Medvirkn.", "Particip."),
}

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

    def label(self, value: Enum | None) -> str:
        if value is None:
            return self("Uten behov", "No need")
        pair = _ENUMS.get((type(value), value.value))
        return pair[self._i] if pair else str(value)

    def domain(self, key: str) -> str:
        pair = _DOMAINS.get(key)
        return pair[self._i] if pair else key

    def domain_short(self, key: str) -> str:
        """For narrow table columns."""
        pair = _DOMAINS_SHORT.get(key)
        return pair[self._i] if pair else self.domain(key)

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
