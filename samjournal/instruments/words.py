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
    """What the families will be asked, one line per instrument heading and one per question."""
    en = language == "en"
    if not instruments:
        title = JOURNAL_DEFAULT.title.get(language)
        return (
            f"The study asks no questions of its own; families answer the journal's own"
            f" («{title}»)."
            if en
            else "Studien har ingen egne spørsmål; familiene svarer på journalens egne"
            f" («{title}»).",
        )
    out: list[str] = []
    for form in instruments:
        n = len(form.items)
        when = _when(form.schedule, en)
        out.append(
            f"Questions «{form.title.get(language)}» (version {form.version}, {n} questions),"
            f" asked {when}. “Not answered” is always allowed; answers are sent only for"
            " families who consented:"
            if en
            else f"Spørsmålene «{form.title.get(language)}» (versjon {form.version}, {n}"
            f" spørsmål) stilles {when}. «Ikke besvart» er alltid lov; svar sendes bare for"
            " familier som har samtykket:"
        )
        out += [
            f"{_who(item, language)}: {item.text.get(language)} ({_answer(item, language)})"
            for item in form.items
        ]
    return tuple(out)
