"""Check-ins through the facade: instruments per family, answers checked, history, due dates."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from samjournal.errors import NotFound, ValidationError
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.due import DueState
from samjournal.instruments.model import Instrument, InstrumentRef, Occasion, Respondent
from samjournal.instruments.parse import instrument_from_json
from samjournal.journal import Journal
from samjournal.model import FamilyStatus, MeetingKind
from samjournal.records.instruments import set_for_study
from tests.conftest import Template
from tests.samjournal.instruments.test_model import custom

DAY = dt.date(2026, 3, 2)


def give_study_instrument(
    journal: Journal, instrument: Instrument, study: str = "s1"
) -> Instrument:
    """What a study profile's import does (tests of the import itself are in test_roundtrip);
    the instrument as the journal holds it: the study's."""
    journal.consents.add_study(study, "Studie")
    with journal._require_open().db.transaction() as db:
        set_for_study(db, study, (instrument,))
    return replace(instrument, study=study)


def test_a_family_without_studies_answers_the_journals_own(
    worker: Journal, template: Template
) -> None:
    family = template.worker_family
    assert worker.instruments.for_family(family) == (JOURNAL_DEFAULT,)
    mother = worker.members.add(family, "Åse", birth_year=1985)
    checkin = worker.checkins.record(
        family,
        JOURNAL_DEFAULT.ref,
        {"life_satisfaction": 6, "help_time": 4, "worry_end": 5, "economy": None},
        respondent=Respondent.ADULT,
        member_id=mother.id,
        occasion=Occasion.BASELINE,
        answered_on=DAY,
    )
    assert checkin.answers == {"life_satisfaction": 6, "help_time": 4, "worry_end": 5}
    assert (checkin.life_satisfaction, checkin.domains["economy"]) == (6, None)
    assert (checkin.respondent, checkin.occasion) == (Respondent.ADULT, Occasion.BASELINE)
    assert worker.checkins.trend(family) == [checkin]
    assert worker.instruments.get(JOURNAL_DEFAULT.ref) == JOURNAL_DEFAULT


def test_the_older_form_still_records_the_score_items(worker: Journal, template: Template) -> None:
    checkin = worker.checkins.record(template.worker_family, 7, domains={"trust": 3})
    assert checkin.instrument == JOURNAL_DEFAULT.ref
    assert checkin.answers == {"life_satisfaction": 7, "trust": 3}


def test_answers_and_respondents_are_checked(worker: Journal, template: Template) -> None:
    family = template.worker_family
    child = worker.members.add(family, "Liv", is_child=True, birth_year=2014)
    adult = worker.members.add(family, "Åse", birth_year=1985)
    ref = JOURNAL_DEFAULT.ref

    def refused(key: str, answers: dict[str, int | str | None], **kw: object) -> None:
        with pytest.raises(ValidationError) as info:
            worker.checkins.record(family, ref, answers, **kw)  # type: ignore[call-overload]
        assert info.value.key == key

    refused("answers_none", {"economy": None}, respondent=Respondent.ADULT, member_id=adult.id)
    refused("answer_range", {"economy": 11}, respondent=Respondent.ADULT, member_id=adult.id)
    refused("answer_unknown_item", {"mood": 3}, respondent=Respondent.ADULT, member_id=adult.id)
    refused("answer_choice", {"money_other_what": "drink"}, respondent=Respondent.CASEWORKER)
    # a child answers the children's items, the caseworker the caseworker's, never the other's
    refused(
        "answer_wrong_respondent",
        {"money_other": 1},
        respondent=Respondent.ADULT,
        member_id=adult.id,
    )
    refused("respondent_member", {"economy": 4}, respondent=Respondent.ADULT, member_id=child.id)
    refused("respondent_member", {"economy": 4}, respondent=Respondent.ADULT)
    refused(
        "respondent_caseworker",
        {"money_other": 0},
        respondent=Respondent.CASEWORKER,
        member_id=adult.id,
    )
    answered = worker.checkins.record(
        family, ref, {"child_life": 8}, respondent=Respondent.CHILD, member_id=child.id
    )
    assert answered.respondent is Respondent.CHILD
    case = worker.checkins.record(
        family,
        ref,
        {"money_other": 1, "money_other_what": "debt"},
        respondent=Respondent.CASEWORKER,
    )
    assert (case.member_id, case.answers["money_other_what"]) == (None, "debt")


def test_a_study_instrument_replaces_the_journals_own_while_consent_lasts(
    lead: Journal, template: Template
) -> None:
    family = template.worker_family
    form = give_study_instrument(lead, instrument_from_json(custom()))
    adult = lead.members.add(family, "Åse", birth_year=1985)
    assert lead.instruments.for_family(family) == (JOURNAL_DEFAULT,)  # no consent yet
    consent = lead.consents.give(adult.id, "s1", letter_version="v1", given_on=DAY)
    assert lead.instruments.for_family(family) == (form,)
    checkin = lead.checkins.record(
        family, form.ref, {"safe": 5, "moves": 2}, respondent=Respondent.ADULT, member_id=adult.id
    )
    assert checkin.life_satisfaction is None
    assert checkin.domains["economy"] is None
    with pytest.raises(ValidationError) as info:  # not one of this family's instruments
        lead.checkins.record(
            family,
            InstrumentRef("trygghet", 9, "s1"),
            {"safe": 1},
            respondent=Respondent.ADULT,
            member_id=adult.id,
        )
    assert info.value.key == "instrument_not_for_family"
    with pytest.raises(NotFound):
        lead.instruments.get(InstrumentRef("trygghet", 9, "s1"))
    lead.consents.withdraw(consent.id)
    assert lead.instruments.for_family(family) == (JOURNAL_DEFAULT,)
    assert lead.instruments.get(form.ref) == form  # old answers stay readable


def test_a_changed_version_keeps_old_answers_under_the_old_version(
    lead: Journal, template: Template
) -> None:
    family = template.worker_family
    first = give_study_instrument(lead, instrument_from_json(custom()))
    adult = lead.members.add(family, "Åse", birth_year=1985)
    lead.consents.give(adult.id, "s1", letter_version="v1", given_on=DAY)
    old = lead.checkins.record(
        family, first.ref, {"safe": 2}, respondent=Respondent.ADULT, member_id=adult.id
    )
    changed = custom()
    changed["items"][0]["text"]["nb"] = "Jeg føler meg trygg der jeg bor."
    with pytest.raises(ValidationError) as info:  # the same version with other words
        give_study_instrument(lead, instrument_from_json(changed))
    assert info.value.key == "instrument_changed"
    second = give_study_instrument(lead, instrument_from_json({**changed, "version": 2}))
    assert lead.instruments.for_family(family) == (second,)
    assert lead.checkins.get(old.id).instrument == first.ref
    assert lead.instruments.get(first.ref).items[0].text.nb == "Jeg føler meg trygg hjemme."


def test_an_update_keeps_history_and_refuses_a_stale_version(
    worker: Journal, template: Template
) -> None:
    family = template.worker_family
    adult = worker.members.add(family, "Åse", birth_year=1985)
    first = worker.checkins.record(
        family,
        JOURNAL_DEFAULT.ref,
        {"unfair": 2},
        respondent=Respondent.ADULT,
        member_id=adult.id,
    )
    second = worker.checkins.update(first.id, {"unfair": 4, "trust": 6}, expected_version=1)
    assert (second.version, second.answers, second.domains["trust"]) == (
        2,
        {"trust": 6, "unfair": 4},
        6,
    )
    history = worker.checkins.history(first.id)
    assert [v.version for v in history] == [1, 2]
    assert json.loads(str(history[0].data["answers"])) == {"unfair": 2}
    with pytest.raises(ValidationError) as info:
        worker.checkins.update(first.id, {"unfair": 1}, expected_version=1)
    assert info.value.key == "record_changed"


def test_due_and_overdue_per_family(lead: Journal, worker: Journal, template: Template) -> None:
    family = template.worker_family
    opened = lead.families.create("Familien Ny", opened_on=dt.date(2026, 1, 5))
    worker_today = dt.date(2026, 1, 20)
    # the journal's own instrument: a baseline from the case's opening
    [due] = lead.checkins.due(opened.id, today=worker_today)
    assert (due.instrument, due.occasion, due.overdue) == (
        JOURNAL_DEFAULT.ref,
        Occasion.BASELINE,
        False,
    )
    assert lead.checkins.due_by_family(dt.date(2026, 3, 1))[opened.id] is DueState.OVERDUE
    lead.meetings.record(opened.id, dt.datetime(2026, 1, 10, 10, tzinfo=dt.UTC), MeetingKind.OFFICE)
    lead.checkins.record(opened.id, 5, answered_on=dt.date(2026, 1, 10))
    assert lead.checkins.due(opened.id, today=worker_today) == ()
    [follow] = lead.checkins.due(opened.id, today=dt.date(2026, 8, 1))
    assert (follow.occasion, follow.due_on) == (Occasion.FOLLOW_UP, dt.date(2026, 7, 10))
    lead.families.set_status(opened.id, FamilyStatus.CLOSED, closed_on=dt.date(2026, 7, 20))
    [closing] = lead.checkins.due(opened.id, today=dt.date(2026, 8, 1))
    assert closing.occasion is Occasion.CLOSING
    # a caseworker sees only their own families, and asks for no other's
    assert set(worker.checkins.due_by_family(worker_today)) == {family}
    with pytest.raises(NotFound):
        worker.checkins.due(opened.id)


def test_a_child_answers_only_from_the_items_age_on_the_check_ins_day(
    worker: Journal, template: Template
) -> None:
    family = template.worker_family
    ref, child = JOURNAL_DEFAULT.ref, Respondent.CHILD
    toddler = worker.members.add(family, "Mia", is_child=True, birth_year=2024)
    unknown = worker.members.add(family, "Ola", is_child=True)
    born = worker.members.add(family, "Liv", is_child=True, birth_date=dt.date(2016, 6, 1))
    for member, day in (
        (toddler.id, DAY),
        (unknown.id, DAY),
        (born.id, dt.date(2026, 5, 31)),  # nine years old the day before her birthday
    ):
        with pytest.raises(ValidationError) as info:
            worker.checkins.record(
                family, ref, {"child_life": 7}, respondent=child, member_id=member, answered_on=day
            )
        assert info.value.key == "answer_too_young"
    on_birthday = worker.checkins.record(
        family,
        ref,
        {"child_life": 7},
        respondent=child,
        member_id=born.id,
        answered_on=dt.date(2026, 6, 1),
    )
    assert on_birthday.answers == {"child_life": 7}


def test_a_follow_up_item_is_answered_only_after_a_yes(worker: Journal, template: Template) -> None:
    family, ref = template.worker_family, JOURNAL_DEFAULT.ref
    for given in ({"money_other": 0, "money_other_what": "debt"}, {"money_other_what": "debt"}):
        with pytest.raises(ValidationError) as info:
            worker.checkins.record(family, ref, given, respondent=Respondent.CASEWORKER)
        assert info.value.key == "answer_only_if"
    no = worker.checkins.record(family, ref, {"money_other": 0}, respondent=Respondent.CASEWORKER)
    with pytest.raises(ValidationError):  # an edit is checked the same way
        worker.checkins.update(
            no.id, {"money_other": 0, "money_other_what": "debt"}, expected_version=1
        )


def test_two_studies_keep_their_own_instrument_under_one_id(
    lead: Journal, template: Template
) -> None:
    family = template.worker_family
    mine = give_study_instrument(lead, instrument_from_json(custom()), "s1")
    changed = custom()
    changed["items"][0]["text"] = {"nb": "Naboene er trygge.", "en": "Neighbours are safe."}
    theirs = give_study_instrument(lead, instrument_from_json(changed), "s2")  # not refused
    adult = lead.members.add(family, "Åse", birth_year=1985)
    lead.consents.give(adult.id, "s1", letter_version="v1", given_on=DAY)
    lead.consents.give(adult.id, "s2", letter_version="v1", given_on=DAY)
    assert lead.instruments.for_family(family) == (mine, theirs)
    assert lead.instruments.get(theirs.ref).items[0].text.nb == "Naboene er trygge."
    # Answering one study's baseline leaves the other's due.
    lead.checkins.record(
        family, mine.ref, {"safe": 4}, respondent=Respondent.ADULT, member_id=adult.id,
        answered_on=DAY,
    )  # fmt: skip
    [due] = lead.checkins.due(family, today=DAY)
    assert due.instrument == theirs.ref
    # s1's next version is its own business, whatever s2 holds under that number.
    later = {**changed, "version": 2}
    give_study_instrument(lead, instrument_from_json(later), "s2")
    later["items"][0]["text"] = {"nb": "Jeg sover godt.", "en": "I sleep well."}
    newer = give_study_instrument(lead, instrument_from_json(later), "s1")
    assert lead.instruments.get(newer.ref).items[0].text.nb == "Jeg sover godt."
