"""Dates, times and NOK amounts as the user reads them.

Norwegian staff read dates as dd.mm.yyyy and amounts as "12 000,00 kr" whatever the interface
language: "05/12/2026" or "NOK 12,000.00" is ambiguous next to Norwegian papers. So these stay
Norwegian in English too, unless the user chooses the language's own formats (View menu, Prefs).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateTimeEdit

from samjournal.money import Money
from ui.date_keys import typed_as_written

E = TypeVar("E", bound=QDateTimeEdit)
NORWEGIAN = QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
_norwegian_formats = True


def is_norwegian() -> bool:
    return QLocale().language() == QLocale.Language.NorwegianBokmal


def set_norwegian_formats(on: bool) -> None:
    """Norwegian dates and amounts in every language (the default), or the language's own."""
    global _norwegian_formats  # one choice for the whole client, like the installed language
    _norwegian_formats = on


def norwegian_formats() -> bool:
    return _norwegian_formats or is_norwegian()


def _format_locale() -> QLocale:
    return NORWEGIAN if norwegian_formats() else QLocale()


def money(value: Money) -> str:
    if norwegian_formats():
        return value.format()
    loc = QLocale()
    sign = "−" if value.ore < 0 else ""
    kroner, ore = divmod(abs(value.ore), 100)
    return f"{sign}NOK\u00a0{loc.toString(kroner)}{loc.decimalPoint()}{ore:02d}"


def parse_money(text: str, field: str = "amount") -> Money:
    """Read an amount typed in either language's habit ("1 250,50", "1,250.50", "NOK 300")."""
    cleaned = text.strip().removeprefix("NOK").removesuffix("NOK").strip()
    if not norwegian_formats() and "," in cleaned:
        groups = cleaned.split(".")[0].split(",")[1:]
        if all(len(g) == 3 for g in groups):  # "1,250.50": commas group thousands
            cleaned = cleaned.replace(",", "")
    return Money.parse(cleaned, field)


def money_input(value: Money) -> str:
    """An amount as it would be typed back into a field."""
    kroner, ore = divmod(abs(value.ore), 100)
    sep = "," if norwegian_formats() else "."
    return f"{kroner}{sep}{ore:02d}" if ore else str(kroner)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def local(value: dt.datetime) -> dt.datetime:
    """A stored (UTC) time as local wall-clock time."""
    return value.astimezone() if value.tzinfo else value


def qdatetime(value: dt.datetime) -> QDateTime:
    v = local(value)
    return QDateTime(QDate(v.year, v.month, v.day), QTime(v.hour, v.minute))


def pydatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()).astimezone()


def date(value: dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = local(value).date()
    return _format_locale().toString(qdate(value), QLocale.FormatType.ShortFormat)


def datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return _format_locale().toString(qdatetime(value), QLocale.FormatType.ShortFormat)


def date_edit(edit: E) -> E:
    """Show a date (and time) field in the same format as the dates around it."""
    short = QLocale.FormatType.ShortFormat
    locale = _format_locale()
    has_time = bool(edit.displayedSections() & QDateTimeEdit.Section.TimeSections_Mask)
    edit.setDisplayFormat(locale.dateTimeFormat(short) if has_time else locale.dateFormat(short))
    typed_as_written(edit)
    return edit


def long_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = local(value).date()
    return QLocale().toString(qdate(value), QLocale.FormatType.LongFormat)
