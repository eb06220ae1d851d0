"""Dates, times and NOK amounts in the current locale's format (set by ui.translations)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from samjournal.money import Money


def is_norwegian() -> bool:
    return QLocale().language() == QLocale.Language.NorwegianBokmal


def money(value: Money) -> str:
    if is_norwegian():
        return value.format()
    loc = QLocale()
    sign = "−" if value.ore < 0 else ""
    kroner, ore = divmod(abs(value.ore), 100)
    return f"{sign}NOK\u00a0{loc.toString(kroner)}{loc.decimalPoint()}{ore:02d}"


def parse_money(text: str, field: str = "beløp") -> Money:
    """Read an amount typed in either language's habit ("1 250,50", "1,250.50", "NOK 300")."""
    cleaned = text.strip().removeprefix("NOK").removesuffix("NOK").strip()
    if not is_norwegian() and "," in cleaned:
        groups = cleaned.split(".")[0].split(",")[1:]
        if all(len(g) == 3 for g in groups):  # "1,250.50": commas group thousands
            cleaned = cleaned.replace(",", "")
    return Money.parse(cleaned, field)


def money_input(value: Money) -> str:
    """An amount as it would be typed back into a field."""
    kroner, ore = divmod(abs(value.ore), 100)
    sep = "," if is_norwegian() else "."
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
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat)


def datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(qdatetime(value), QLocale.FormatType.ShortFormat)


def long_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = local(value).date()
    return QLocale().toString(qdate(value), QLocale.FormatType.LongFormat)
