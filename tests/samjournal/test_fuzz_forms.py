"""Hostile form input through the facade: every form takes any text and any number and either
saves what it says it saved or refuses with a ValidationError that names a field; search takes
any string. Afterwards the journal is whole: both integrity checks and the audit chain pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal import messages
from samjournal.errors import NotFound, ValidationError
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.model import (
    CHECKIN_DOMAINS,
    FamilyId,
    NeedDraft,
    PaymentDraft,
)
from samjournal.money import Money
from samjournal.records.meetings import member, partner, staff
from tests.conftest import Template, note_reliability
from tests.fuzz.settings import fuzz_settings

NORMAL, MANY = 25, 600
FUZZ = fuzz_settings(NORMAL)

# Any string a keyboard, a paste or a file could hold: control characters, lone surrogates,
# right-to-left marks, emoji, very long lines, SQL and FTS syntax.
texts = st.one_of(
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60),
    st.text(max_size=400),
    st.sampled_from(
        [
            "",
            "   ",
            "'; DROP TABLE families; --",
            '"ola" OR "kari" NEAR(a b) *',
            "\u202eevil\u202c",
            "\x00\x01\x7f",
            "\ud800",
            "a" * 5000,
            "linje 1\nlinje 2\r\n",
            "Åse Ødegård",
        ]
    ),
)
numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70), st.none(), st.booleans(), st.floats()
)
small = st.integers(-3, 12)
dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1))
times = st.one_of(
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.just(dt.UTC),
    ),
    st.datetimes(),  # naive, year 1 to 9999: 0001-01-01 was a raw ValueError (reliability review)
)
choices = st.one_of(texts, st.sampled_from(["home_visit", "housing", "bank_transfer", "oral"]))


def _try(call: Callable[[], Any]) -> Any:
    """Run one form; only a field-naming refusal (or a missing record) is acceptable."""
    note_reliability("fuzz")
    refused: ValidationError | None = None
    try:
        return call()
    except ValidationError as exc:
        refused = exc
    except NotFound:
        return None
    known = refused.field_id in messages.FIELDS or refused.field_id in CHECKIN_DOMAINS
    assert known, f"unknown field {refused.field_id!r}"
    assert describe(refused, "en") != describe(refused, "nb"), describe(refused, "nb")
    return None


def _money(value: object) -> Money:
    return Money(value) if isinstance(value, int) and not isinstance(value, bool) else Money(1)


def _forms(lead: Journal, family: FamilyId, data: st.DataObject) -> None:
    d = data.draw
    created = _try(
        lambda: lead.families.create(
            d(texts), district=d(texts), budget_frame=_money(d(numbers)), language=d(texts)
        )
    )
    if created is not None:
        assert lead.families.get(created.id) == created
    _try(lambda: lead.families.update(family, display_name=d(texts), district=d(texts)))
    added = _try(
        lambda: lead.members.add(
            family,
            d(texts),
            is_child=d(st.booleans()),
            birth_year=d(numbers),  # type: ignore[arg-type]
            birth_date=d(st.none() | dates),
            national_id=d(st.none() | texts | st.from_regex(r"\A[0-9]{11}\Z")),
            phone=d(texts | st.from_regex(r"\A\+?[0-9 ]{5,15}\Z")),
        )
    )
    people = [staff(lead.user.id), partner(d(texts))]
    if added is not None:
        assert lead.members.get(added.id) == added
        people.append(member(added.id))
    held = d(times)
    recorded = _try(
        lambda: lead.meetings.record(
            family,
            held,
            d(choices),  # type: ignore[arg-type]
            place=d(texts),
            family_words=d(texts),
            agreed=d(texts),
            next_meeting_at=d(st.none() | times),
            participants=people,
            needs=[NeedDraft(d(texts), d(choices))],  # type: ignore[arg-type]
            payments=[
                PaymentDraft(
                    _money(d(numbers)),
                    d(texts),
                    method=d(choices),  # type: ignore[arg-type]
                    draft_need=d(st.none() | small),
                )
            ],
        )
    )
    if recorded is not None:
        assert lead.meetings.get(recorded.meeting.id) == recorded.meeting
    _try(lambda: lead.needs.raise_need(family, d(texts), d(choices), raised_on=d(dates)))  # type: ignore[arg-type]
    _try(
        lambda: lead.payments.propose(
            family,
            _money(d(numbers)),
            d(texts),
            method=d(choices),  # type: ignore[arg-type]
            need_id=d(st.none() | small),  # type: ignore[arg-type]
        )
    )
    domains = d(st.dictionaries(st.sampled_from([*CHECKIN_DOMAINS, "x"]), numbers, max_size=3))
    _try(
        lambda: lead.checkins.record(
            family,
            d(numbers),  # type: ignore[arg-type]
            member_id=d(st.none() | small),  # type: ignore[arg-type]
            answered_on=d(st.none() | dates),
            domains=domains,
        )
    )
    if added is not None:
        _try(
            lambda: lead.consents.give(
                added.id,
                d(texts | st.just("fuzz-study")),
                letter_version=d(texts),
                given_on=d(st.none() | dates),
                method=d(choices),  # type: ignore[arg-type]
            )
        )
    hits = lead.search(d(texts))
    assert all(isinstance(h.family_id, int) for h in hits)
    lead.search.families(d(texts))
    note_reliability("fuzz", 2)


def _whole(journal: Journal) -> None:
    assert journal.integrity_problems() == []
    assert journal.verify_audit().ok


@FUZZ
@given(data=st.data())
def test_every_form_takes_hostile_input(
    data: st.DataObject, lead: Journal, template: Template
) -> None:
    lead.consents.add_study("fuzz-study", "Fuzz") if not lead.consents.studies() else None
    _forms(lead, template.worker_family, data)


@pytest.mark.slow
@fuzz_settings(MANY)
@given(data=st.data())
def test_every_form_takes_hostile_input_many(
    data: st.DataObject, lead: Journal, template: Template
) -> None:
    lead.consents.add_study("fuzz-study", "Fuzz") if not lead.consents.studies() else None
    _forms(lead, template.worker_family, data)


def test_the_journal_is_whole_after_the_fuzz(lead: Journal, template: Template) -> None:
    """The same run, then the checks (they read every page, so once rather than per example)."""
    lead.consents.add_study("fuzz-study", "Fuzz")

    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        _forms(lead, template.worker_family, data)

    run()
    _whole(lead)
    assert lead.families.open(template.worker_family, audit=False)


@FUZZ
@given(text=texts)
def test_search_takes_any_text(text: str, worker: Journal) -> None:
    note_reliability("fuzz")
    for hit in worker.search(text):
        assert worker.families.get(hit.family_id)  # only families this user may see
    worker.search.families(text)
