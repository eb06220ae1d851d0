"""When a family's check-ins are due: pure date rules over what the journal holds.

Baseline: at the first meeting from the start (the study consent; the case's opening for the
journal's own instrument), due on that meeting's day (the start when none was held yet).
Follow-up: every `follow_up_months` after the latest check-in with the instrument (the same
study's: two studies may use one id). A check-in counts when the family answered (not the
caseworker alone), unless the instrument asks only the caseworker.
Closing: when the case is closed without a check-in around its closing; after CLOSING_WINDOW
days a closing check-in no longer makes sense and is not asked for.
Overdue: more than OVERDUE_DAYS past the day it was due.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from samjournal.instruments.kinds import DueState as DueState
from samjournal.instruments.model import Instrument, InstrumentRef, Occasion, Respondent

OVERDUE_DAYS = 30
CLOSING_WINDOW = 90


@dataclass(frozen=True, slots=True)
class Due:
    instrument: InstrumentRef
    occasion: Occasion
    due_on: dt.date
    overdue: bool


@dataclass(frozen=True, slots=True)
class Answered:
    """One check-in as the rules read it."""

    study: str | None  # whose instrument (None: the journal's own)
    instrument: str
    respondent: Respondent
    occasion: Occasion
    day: dt.date


@dataclass(frozen=True, slots=True)
class Case:
    """What the rules read about one family."""

    opened_on: dt.date
    closed_on: dt.date | None  # set only for a closed case
    meetings: Sequence[dt.date]  # sorted
    answered: Sequence[Answered]


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_for(instrument: Instrument, start: dt.date, case: Case, today: dt.date) -> tuple[Due, ...]:
    """The check-ins with `instrument` due by `today` (or overdue), for a case started `start`."""
    plan = instrument.schedule
    # The family's check-in is the family's answers: the caseworker's own page alone does not
    # make one, unless the instrument asks the caseworker only.
    family_asked = any(i.respondent is not Respondent.CASEWORKER for i in instrument.items)
    answered = sorted(
        (a.day, a.occasion)
        for a in case.answered
        if (a.study, a.instrument) == (instrument.study, instrument.id)
        and (a.respondent is not Respondent.CASEWORKER or not family_asked)
    )
    since = [day for day, _ in answered if day >= start]

    def due(occasion: Occasion, on: dt.date) -> tuple[Due, ...]:
        if on > today:
            return ()
        return (Due(instrument.ref, occasion, on, (today - on).days > OVERDUE_DAYS),)

    if case.closed_on is not None:
        closed = case.closed_on
        window = closed - dt.timedelta(days=OVERDUE_DAYS)
        if (
            not plan.at_closing
            or closed < start
            or (today - closed).days > CLOSING_WINDOW
            or any(day >= window or occasion is Occasion.CLOSING for day, occasion in answered)
        ):
            return ()
        return due(Occasion.CLOSING, closed)
    if not since:
        if not plan.baseline:
            return ()
        first = next((day for day in case.meetings if day >= start), start)
        return due(Occasion.BASELINE, first)
    if plan.follow_up_months is None:
        return ()
    return due(Occasion.FOLLOW_UP, add_months(since[-1], plan.follow_up_months))


def worst(found: Iterable[Due]) -> DueState:
    state = DueState.NONE
    for item in found:
        if item.overdue:
            return DueState.OVERDUE
        state = DueState.DUE
    return state
