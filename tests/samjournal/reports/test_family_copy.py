"""The family's copy: what was agreed and paid, in their language, nothing internal."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from samjournal import nin, reports
from samjournal.errors import NotFound
from samjournal.journal import Journal
from samjournal.model import FamilyStatus, MeetingKind
from samjournal.reports.copy_for_family import FOOTER_NB
from samjournal.reports.labels import CONFIDENTIAL, Words
from samjournal.settings import ServiceContact
from tests.conftest import WORKER, WORKER_PASS, Template
from tests.samjournal.reports.conftest import Filled, flat, pages, text_of
from tests.samjournal.reports.data import HOSTILE


@pytest.fixture(scope="session")
def copy_nb(filled: Filled) -> bytes:
    return reports.family_copy(filled.journal, filled.rich.family)


def test_what_each_meeting_agreed_in_plain_sentences_oldest_first(
    copy_nb: bytes, filled: Filled
) -> None:
    text = " ".join(text_of(copy_nb).split())
    # The needs taken up and the payments for them, our sentences around the records' words
    # (escaped: markup in a purpose is shown as typed).
    firsts = [text.find(f"Dere ønsket hjelp med: Fritidsaktivitet {i} for barna") for i in range(3)]
    assert 0 <= firsts[0] < firsts[1] < firsts[2]  # oldest first
    assert "Kommunen betaler 1 500,00 kr for Kontingent 0 <b>fotball</b>." in text
    assert filled.rich.old_agreed not in text  # older than the window


def test_no_staff_wording_no_meeting_note_appears(copy_nb: bytes, filled: Filled) -> None:
    flat_text = flat(text_of(copy_nb))
    for agreed in filled.rich.agreed_texts:
        assert flat(agreed[:40]) not in flat_text
    assert "n00000" not in flat_text  # the 20,000-character note
    for hostile in HOSTILE:  # they were in the staff notes only
        assert flat(hostile) not in flat_text


def test_payments_the_family_can_count_on(copy_nb: bytes, filled: Filled) -> None:
    flat_text = flat(text_of(copy_nb))
    assert flat(filled.rich.paid_purpose) in flat_text
    assert flat("Godkjent, blir betalt snart") in flat_text
    assert flat(filled.rich.proposed_purpose) not in flat_text
    assert flat(filled.rich.rejected_purpose) not in flat_text
    assert flat("1 500,00 kr") in flat_text


def test_next_meeting_and_who_to_call(copy_nb: bytes) -> None:
    text = " ".join(text_of(copy_nb).split())
    assert "Neste møte" in text
    assert "klokka" in text
    assert "Kontaktpersonen deres er Kari Nilsen." in text
    # No phone and no service details in this journal: the family is told how to get through.
    assert "Spør etter Kari Nilsen når dere ringer kommunen." in text


def test_nothing_internal(copy_nb: bytes, filled: Filled) -> None:
    text = text_of(copy_nb)
    number = filled.rich.national_id
    assert number not in flat(text)
    assert nin.mask(number) not in text
    assert "Revisjonslogg" not in text
    assert filled.journal.audit_head() not in text
    assert "Familiens egne ord" not in text  # meeting notes in the family's words stay inside
    assert "912 34 567" not in text


def test_every_page_has_frame_and_large_type(copy_nb: bytes) -> None:
    per_page = pages(copy_nb)
    for number, page in enumerate(per_page, start=1):
        assert f"Side {number} av {len(per_page)}" in page
        assert FOOTER_NB in page  # in plain words: no "offl. § 13" for the family
        assert CONFIDENTIAL not in page
    sizes: list[float] = []

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if text.strip().startswith("Fritidsaktivitet"):
            sizes.append(size * tm[0])

    PdfReader(io.BytesIO(copy_nb)).pages[0].extract_text(visitor_text=visit)
    assert sizes
    assert min(sizes) >= 13


def test_english_when_asked_or_when_the_family_reads_english(filled: Filled) -> None:
    text = text_of(reports.family_copy(filled.journal, filled.rich.family, language="en"))
    assert "What we have agreed" in text
    assert "Your contact person is" in " ".join(text.split())
    assert "Page 1 of" in text


def test_the_caseworker_prints_for_own_family_only(filled: Filled, template: Template) -> None:
    worker = Journal.open(filled.path, WORKER, WORKER_PASS)
    try:
        text = text_of(reports.family_copy(worker, filled.rich.family))
        assert "Kari Nilsen" in text  # printed by, and the contact person
        with pytest.raises(NotFound):
            reports.family_copy(worker, template.other_family)
        last = worker.audit_events(filled.rich.family, limit=1)[0]
        assert (last.user, last.action, last.detail) == (WORKER, "view", "family_copy")
    finally:
        worker.lock()


def test_an_empty_family_gets_a_friendly_copy(lead: Journal, template: Template) -> None:
    text = text_of(reports.family_copy(lead, template.other_family))
    assert "Vi har ikke avtalt neste møte ennå" in " ".join(text.split())


def test_the_time_window_is_stated_and_everything_runs_oldest_first(
    copy_nb: bytes, filled: Filled
) -> None:
    text = " ".join(text_of(copy_nb).split())
    nb = Words("nb")
    today = dt.date.today()
    since = today - dt.timedelta(days=183)
    window = f"Kopien gjelder {nb.long_date(since)} til {nb.long_date(today)}, eldste først."
    assert " ".join(window.split()) in text
    assert "Til sammen i perioden" in text
    # payments, as the meetings: the earlier paid, the later paid, then those still to be paid
    pays = text[text.index("Dette betaler kommunen") :]
    earlier, later, soon = (
        pays.find("Kontingent 0 <b>fotball</b>"),
        pays.find("Kontingent 1 <b>fotball</b>"),
        pays.find("Godkjent, blir betalt snart"),
    )
    assert 0 <= earlier < later < soon


SERVICE = ServiceContact(
    name="Familiekoordinatorene, Trondheim kommune",
    address="Erling Skakkes gate 14, 7012 Trondheim",
    phone="72 54 00 00",
    email="familiekoordinator@trondheim.kommune.no",
    hours="Mandag–fredag 08.00–15.30",
)


def test_who_to_call_names_the_service_and_the_caseworkers_phone(
    lead: Journal, template: Template
) -> None:
    lead.update_settings(replace(lead.settings(), service=SERVICE))
    lead.set_work_phone(WORKER, "+47 415 55 123")
    text = " ".join(text_of(reports.family_copy(lead, template.worker_family)).split())
    call = text[text.index("Hvem dere kan ringe") :]
    assert "Kontaktpersonen deres er Kari Nilsen." in call
    assert "Ring eller send melding til Kari Nilsen på +47 415 55 123" in call
    for value in (SERVICE.name, SERVICE.address, SERVICE.phone, SERVICE.email, SERVICE.hours):
        assert value in call
    assert "Spør etter" not in call
    english = " ".join(
        text_of(reports.family_copy(lead, template.worker_family, language="en")).split()
    )
    assert "Call or text Kari Nilsen on +47 415 55 123" in english
    assert "E-mail familiekoordinator@trondheim.kommune.no" in english


def test_a_closed_case_gets_a_closing_letter(lead: Journal, template: Template) -> None:
    lead.update_settings(replace(lead.settings(), service=SERVICE))
    closed_on = dt.date.today()
    lead.families.set_status(template.worker_family, FamilyStatus.CLOSED, closed_on=closed_on)
    text = " ".join(text_of(reports.family_copy(lead, template.worker_family)).split())
    nb = Words("nb")
    day = " ".join(nb.long_date(closed_on).split())
    assert "Saken er avsluttet" in text
    assert f"Samarbeidet vårt ble avsluttet {day}" in text
    assert "ta kontakt igjen" in text
    assert "tar kontakt" not in text  # no promise of a call that will not come
    assert "Neste møte" not in text
    assert "Kontaktpersonen deres er" not in text  # the service is the way back in
    assert SERVICE.phone in text
    assert f"til {day}, eldste først" in text  # the window ends there


def test_the_window_does_not_start_before_the_case_began(lead: Journal, template: Template) -> None:
    """A case opened today said "6. juni 2026 til 6. desember 2026" (review s10 #21); a meeting
    written in from before the opening still counts."""
    nb, today = Words("nb"), dt.date.today()

    def window(start: dt.date) -> str:
        return " ".join(f"Kopien gjelder {nb.long_date(start)} til {nb.long_date(today)}".split())

    text = " ".join(text_of(reports.family_copy(lead, template.other_family)).split())
    assert window(today) in text
    held = dt.datetime.combine(today - dt.timedelta(days=20), dt.time(10)).astimezone()
    lead.meetings.record(template.other_family, held, MeetingKind.OFFICE)
    text = " ".join(text_of(reports.family_copy(lead, template.other_family)).split())
    assert window(held.date()) in text
