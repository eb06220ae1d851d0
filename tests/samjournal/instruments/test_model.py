"""Instruments: the default's shape, the JSON round trip, and every refusal with its message."""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest

from samjournal import i18n, vocabulary
from samjournal.errors import ValidationError
from samjournal.instruments.default import INNBYGGERNES_MODELL, JOURNAL_DEFAULT, SCORE_ITEMS
from samjournal.instruments.due import Answered, Case, DueState, add_months, due_for, worst
from samjournal.instruments.model import (
    MAX_ITEMS,
    AnswerType,
    Occasion,
    Respondent,
    Schedule,
    Text,
)
from samjournal.instruments.parse import instrument_from_json
from samjournal.model import CHECKIN_DOMAINS, JOURNAL_DEFAULT_REF


def custom() -> dict[str, Any]:
    """Three items of three types, as an evaluator writes them."""
    return {
        "id": "trygghet",
        "version": 1,
        "title": {"nb": "Trygghet", "en": "Security"},
        "items": [
            {
                "id": "safe",
                "text": {"nb": "Jeg føler meg trygg hjemme.", "en": "I feel safe at home."},
                "type": "agree_1_5",
                "respondent": "adult",
                "low": {"nb": "Helt uenig", "en": "Completely disagree"},
                "high": {"nb": "Helt enig", "en": "Completely agree"},
            },
            {
                "id": "moves",
                "text": {"nb": "Hvor mange ganger har dere flyttet?", "en": "How often moved?"},
                "type": "number",
                "respondent": "adult",
                "minimum": 0,
                "maximum": 30,
            },
            {
                "id": "school",
                "text": {"nb": "Går barna på skolen nå?", "en": "Are the children at school?"},
                "type": "choice",
                "respondent": "caseworker",
                "choices": [
                    {"id": "all", "text": {"nb": "Alle", "en": "All"}},
                    {"id": "some", "text": {"nb": "Noen", "en": "Some"}},
                    {"id": "none", "text": {"nb": "Ingen", "en": "None"}},
                ],
            },
        ],
        "schedule": {"baseline": True, "follow_up_months": 3, "at_closing": False},
    }


def test_the_default_is_innbyggernes_modell_with_the_old_items_and_the_pilots_findings() -> None:
    assert JOURNAL_DEFAULT is INNBYGGERNES_MODELL
    assert JOURNAL_DEFAULT.ref == JOURNAL_DEFAULT_REF  # what old check-ins migrate to
    ids = [i.id for i in JOURNAL_DEFAULT.items]
    assert set(SCORE_ITEMS) == {"life_satisfaction", *CHECKIN_DOMAINS} <= set(ids)
    # the SAMVERDI findings: participation, help at the right time/place/means, the paradoxes
    assert {"belonging", "citizen", "help_time", "help_place", "help_means"} <= set(ids)
    assert {"owe_gratitude", "worry_end", "unfair"} <= set(ids)
    money = JOURNAL_DEFAULT.items_for(Respondent.CASEWORKER)
    assert [i.type for i in money] == [AnswerType.YES_NO, AnswerType.CHOICE]
    assert all(i.min_age for i in JOURNAL_DEFAULT.items_for(Respondent.CHILD))
    assert JOURNAL_DEFAULT.item("life_satisfaction").text.get("nb") == vocabulary.QUESTION[0]  # type: ignore[union-attr]


def test_an_instrument_round_trips_through_json() -> None:
    for instrument in (JOURNAL_DEFAULT, instrument_from_json(custom())):
        text = json.dumps(instrument.to_json())
        assert instrument_from_json(json.loads(text)) == instrument
    parsed = instrument_from_json(custom())
    assert parsed.schedule == Schedule(True, 3, False)
    assert [i.id for i in parsed.items_for(Respondent.ADULT)] == ["safe", "moves"]


def test_text_falls_back_to_bokmal() -> None:
    text = Text("Hei", "Hello")
    assert (text.get("nb"), text.get("en"), text.get("nn"), text.get("se")) == (
        "Hei",
        "Hello",
        "Hei",
        "Hei",
    )


def _broken(change: str) -> dict[str, Any]:
    raw = copy.deepcopy(custom())
    match change:
        case "type":
            raw["items"][0]["type"] = "slider"
        case "duplicate":
            raw["items"][1]["id"] = "safe"
        case "translation":
            del raw["items"][2]["text"]["en"]
        case "count":
            raw["items"] = [{**raw["items"][1], "id": f"q{n}"} for n in range(MAX_ITEMS + 1)]
        case "choices":
            raw["items"][2]["choices"] = []
        case "schedule":
            raw["schedule"] = {"follow_up_months": 0}
        case "anchors":
            del raw["items"][0]["low"]
        case "reserved":
            raw["items"][1]["id"] = "household_id"
        case "collision":  # the same column name in the evaluator's files
            raw["items"][1]["id"] = "sa-fe"
            raw["items"][0]["id"] = "sa_fe"
        case "escape":  # a terminal would clear the screen and print in red
            raw["items"][0]["text"]["nb"] = "\x1b[2J\x1b[31mALT OK\x07"
        case "bidi":  # right-to-left override: reads reversed in the window
            raw["items"][0]["text"]["en"] = "I feel \u202esafe"
        case "isolate":
            raw["title"]["nb"] = "Trygg\u2067het"
        case "newline":
            raw["items"][1]["text"]["nb"] = "Hvor mange\nganger?"
        case "zero_width":
            raw["items"][2]["choices"][0]["text"]["nb"] = "Al\u200ble"
        case "long":
            raw["items"][0]["text"]["en"] = "x" * 501
        case "label":  # a value label in .sav holds 120 bytes: 61 × "ø" is 122
            raw["items"][2]["choices"][0]["text"]["nb"] = "ø" * 61
        case "anchor":
            raw["items"][0]["high"]["en"] = "y" * 121
        case "child":  # "children from an age": the age is required
            raw["items"][0]["respondent"] = "child"
        case "choice_twice":
            raw["items"][2]["choices"][2]["id"] = "some"
        case "only_if":  # follows an item that is not yes/no
            raw["items"][2]["only_if_yes"] = "safe"
    return raw


@pytest.mark.parametrize(
    ("change", "key", "english"),
    [
        ("type", "instrument_type", "unknown answer type «slider»"),
        ("duplicate", "instrument_duplicate", "the id «safe» appears twice"),
        ("translation", "instrument_text_missing", "lacks the language «en»"),
        ("collision", "instrument_duplicate", "the id «sa-fe» appears twice"),
        ("escape", "instrument_text_hidden", "control or invisible characters"),
        ("bidi", "instrument_text_hidden", "a text in «safe» (en) has control"),
        ("isolate", "instrument_text_hidden", "a text in «trygghet» (nb)"),
        ("newline", "instrument_text_hidden", "line breaks"),
        ("zero_width", "instrument_text_hidden", "in «school» (nb)"),
        ("long", "instrument_text_long", "is longer than 500 characters"),
        ("label", "instrument_label_long", "at most 120 bytes"),
        ("anchor", "instrument_label_long", "in «safe» (en) is too long for a value label"),
        ("child", "instrument_min_age", "an item for children needs an age limit"),
        ("choice_twice", "instrument_duplicate_choice", "the choice «some» appears twice in"),
        ("only_if", "instrument_only_if", "follows «safe», which must be a yes/no item"),
        ("count", "instrument_too_many", f"has {MAX_ITEMS + 1} items; at most {MAX_ITEMS}"),
        ("choices", "instrument_choices", "between 2 and 30 choices"),
        ("schedule", "instrument_schedule", "invalid schedule"),
        ("anchors", "instrument_anchors", "needs texts at both ends"),
        ("reserved", "instrument_id", "«household_id» in «trygghet» is not a valid id"),
    ],
)
def test_a_bad_instrument_is_refused_saying_what_to_fix(
    change: str, key: str, english: str
) -> None:
    with pytest.raises(ValidationError) as info:
        instrument_from_json(_broken(change))
    assert info.value.key == key
    assert english in i18n.describe(info.value, "en")
    assert "spørreskjema" in str(info.value)  # the bokmål field name


def test_answers_are_checked_against_their_items() -> None:
    form = instrument_from_json(custom())
    assert form.check_answers({"safe": 4, "moves": None, "school": "some"}) == {
        "safe": 4,
        "school": "some",
    }
    for bad in ({"safe": 6}, {"safe": True}, {"moves": 31}, {"school": "most"}, {"x": 1}):
        with pytest.raises(ValidationError):
            form.check_answers(bad)


def test_due_dates_follow_the_schedule() -> None:
    form = instrument_from_json(custom())  # follow-up every 3 months, nothing at closing
    start, today = dt.date(2026, 1, 10), dt.date(2026, 3, 1)
    nothing = Case(dt.date(2025, 6, 1), None, [dt.date(2025, 12, 1), dt.date(2026, 1, 20)], [])
    [baseline] = due_for(form, start, nothing, today)
    # the first meeting after consent; overdue 30 days after it
    assert (baseline.occasion, baseline.due_on, baseline.overdue) == (
        Occasion.BASELINE,
        dt.date(2026, 1, 20),
        True,
    )
    answered = Case(
        nothing.opened_on,
        None,
        nothing.meetings,
        [Answered(None, "trygghet", Respondent.ADULT, Occasion.BASELINE, dt.date(2026, 1, 20))],
    )
    assert due_for(form, start, answered, today) == ()
    # another study's instrument with the same id, or the caseworker's page alone, is not it
    for other in (
        Answered("s2", "trygghet", Respondent.ADULT, Occasion.BASELINE, dt.date(2026, 1, 20)),
        Answered(None, "trygghet", Respondent.CASEWORKER, Occasion.BASELINE, dt.date(2026, 1, 20)),
    ):
        assert due_for(form, start, replace(answered, answered=[other]), today) == (baseline,)
    only_caseworker = replace(form, items=form.items_for(Respondent.CASEWORKER))
    caseworker = replace(answered, answered=[other])
    assert due_for(only_caseworker, start, caseworker, today) == ()
    [follow] = due_for(form, start, answered, dt.date(2026, 4, 25))
    assert (follow.occasion, follow.due_on, follow.overdue) == (
        Occasion.FOLLOW_UP,
        dt.date(2026, 4, 20),
        False,
    )
    assert worst([follow]) is DueState.DUE
    assert worst([]) is DueState.NONE
    closed = Case(nothing.opened_on, dt.date(2026, 2, 1), nothing.meetings, [])
    assert due_for(form, start, closed, today) == ()  # this study asks nothing at closing
    [closing] = due_for(JOURNAL_DEFAULT, start, closed, today)
    assert (closing.occasion, closing.overdue) == (Occasion.CLOSING, False)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)


def test_every_instrument_enum_has_both_labels() -> None:
    for enum in (AnswerType, Respondent, Occasion, DueState):
        for member in enum:
            assert vocabulary.label(member, "nb") != member.value
            assert vocabulary.label(member, "en") != member.value


def test_a_profile_includes_the_journals_own_only_as_the_journal_defines_it() -> None:
    from samjournal.evaluation.profile import instruments_from_json

    assert instruments_from_json([INNBYGGERNES_MODELL.to_json()]) == (INNBYGGERNES_MODELL,)
    spoof = INNBYGGERNES_MODELL.to_json()
    spoof["items"][0]["text"]["nb"] = "Hvor fornøyd er du med kommunen?"
    with pytest.raises(ValidationError) as info:
        instruments_from_json([spoof])
    assert info.value.key == "instrument_reserved"
    assert "use another id" in i18n.describe(info.value, "en")
    # two instruments whose tables would both be answers_tryg_het_v1
    one, other = custom(), custom()
    one["id"], other["id"] = "tryg-het", "tryg_het"
    with pytest.raises(ValidationError) as info:
        instruments_from_json([one, other])
    assert info.value.key == "instrument_duplicate"


def test_the_plain_words_name_exactly_the_questions_whose_answers_the_study_gets() -> None:
    from samjournal.evaluation.instrument_words import instrument_sentences

    own = "\n".join(instrument_sentences([instrument_from_json(custom())], "en"))
    assert "receives the answers to the questions below and to no others" in own
    assert "I feel safe at home." in own
    assert JOURNAL_DEFAULT.item("help_time").text.en not in own  # type: ignore[union-attr]
    none = "\n".join(instrument_sentences([], "nb"))
    assert "journalens egne" in none
    for item in JOURNAL_DEFAULT.items:
        assert item.text.nb in none
