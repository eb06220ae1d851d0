"""A study's questions in plain words, bokmål or English, for the team lead to read before an
import (the CLI's `study show` / `study import` and the window's study import print them beside
the policy's sentences)."""

from __future__ import annotations

from collections.abc import Sequence

from samjournal import vocabulary
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import AnswerType, Instrument, Item, Schedule


def _when(plan: Schedule, en: bool) -> str:
    parts = []
    if plan.baseline:
        parts.append(
            "at the first meeting after consent" if en else "ved første møte etter samtykke"
        )
    if plan.follow_up_months:
        n = plan.follow_up_months
        parts.append(f"every {n} months after that" if en else f"hver {n}. måned etter det")
    if plan.at_closing:
        parts.append("when the case closes" if en else "når saken avsluttes")
    if not parts:
        return "when the caseworker chooses" if en else "når familiekoordinatoren velger"
    last = " and " if en else " og "
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + last + parts[-1]


def _answer(item: Item, lang: str) -> str:
    kind = vocabulary.label(item.type, lang)
    if item.low is not None and item.high is not None:
        return f"{kind}: {item.low.get(lang)} – {item.high.get(lang)}"
    if item.type is AnswerType.CHOICE:
        return f"{kind}: " + " / ".join(c.text.get(lang) for c in item.choices)
    if item.type is AnswerType.NUMBER:
        return f"{kind} {item.minimum}–{item.maximum}"
    return kind


def _who(item: Item, lang: str) -> str:
    who = vocabulary.label(item.respondent, lang)
    if item.min_age is not None:
        return f"{who} ({item.min_age}+)" if lang == "en" else f"{who} (fra {item.min_age} år)"
    return who


def instrument_sentences(instruments: Sequence[Instrument], language: str) -> tuple[str, ...]:
    """What the families will be asked, one line per instrument heading and one per question:
    exactly the questions whose answers go to the study (its own instruments, and the journal's
    own only when listed; a profile without instruments includes the journal's own)."""
    en = language == "en"
    out: list[str] = []
    if not instruments:
        title = JOURNAL_DEFAULT.title.get(language)
        out.append(
            f"The study has no questions of its own: it includes the journal's own («{title}»)."
            if en
            else f"Studien har ingen egne spørsmål: den tar med journalens egne («{title}»)."
        )
        instruments = (JOURNAL_DEFAULT,)
    out.append(
        "The study receives the answers to the questions below and to no others, only for"
        " families who consented. “Not answered” is always allowed."
        if en
        else "Studien får svarene på spørsmålene nedenfor og ingen andre, bare for familier som"
        " har samtykket. «Ikke besvart» er alltid lov."
    )
    for form in instruments:
        n = len(form.items)
        when = _when(form.schedule, en)
        own = form.id == JOURNAL_DEFAULT.id
        out.append(
            f"Questions «{form.title.get(language)}»{' (the journal’s own)' if own else ''}"
            f" (version {form.version}, {n} questions), asked {when}:"
            if en
            else f"Spørsmålene «{form.title.get(language)}»{' (journalens egne)' if own else ''}"
            f" (versjon {form.version}, {n} spørsmål) stilles {when}:"
        )
        out += [
            f"{_who(item, language)}: {item.text.get(language)} ({_answer(item, language)})"
            for item in form.items
        ]
    return tuple(out)
