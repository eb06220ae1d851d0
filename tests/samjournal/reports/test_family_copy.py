"""The family's copy: what was agreed and paid, in their language, nothing internal."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from samjournal import nin, reports
from samjournal.errors import NotFound
from samjournal.journal import Journal
from samjournal.reports.family_copy import FOOTER_NB
from samjournal.reports.labels import CONFIDENTIAL, Words
from tests.conftest import WORKER, WORKER_PASS, Template
from tests.samjournal.reports.conftest import Filled, flat, pages, text_of
from tests.samjournal.reports.data import HOSTILE, note_words


@pytest.fixture(scope="session")
def copy_nb(filled: Filled) -> bytes:
    return reports.family_copy(filled.journal, filled.rich.family)


def test_what_we_agreed_newest_first_literally(copy_nb: bytes, filled: Filled) -> None:
    text = text_of(copy_nb)
    flat_text = flat(text)
    for hostile in HOSTILE:
        assert flat(hostile) in flat_text
    assert re.findall(r"n\d{5}", text) == note_words()
    newest, oldest = flat_text.find("n00000"), flat_text.find(flat("Vi avtalte:"))
    assert 0 <= newest < oldest
    assert filled.rich.old_agreed not in text  # older than the recent period


def test_payments_the_family_can_count_on(copy_nb: bytes, filled: Filled) -> None:
    flat_text = flat(text_of(copy_nb))
    assert flat(filled.rich.paid_purpose) in flat_text
    assert flat("Godkjent, blir betalt snart") in flat_text
    assert flat(filled.rich.proposed_purpose) not in flat_text
    assert flat(filled.rich.rejected_purpose) not in flat_text
    assert flat("1 500,00 kr") in flat_text


def test_next_meeting_and_who_to_call(copy_nb: bytes) -> None:
    text = text_of(copy_nb)
    assert "Neste møte" in text
    assert "klokka" in text
    assert "Kontaktpersonen deres er Kari Nilsen" in " ".join(text.split())


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
        if text.strip().startswith("n0"):
            sizes.append(size * tm[0])

    PdfReader(io.BytesIO(copy_nb)).pages[1].extract_text(visitor_text=visit)
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
        assert (last.user, last.action, last.detail) == (WORKER, "print", "family_copy")
    finally:
        worker.lock()


def test_an_empty_family_gets_a_friendly_copy(lead: Journal, template: Template) -> None:
    text = text_of(reports.family_copy(lead, template.other_family))
    assert "Vi har ikke avtalt neste møte ennå" in " ".join(text.split())


def test_the_time_window_is_stated_and_everything_runs_newest_first(
    copy_nb: bytes, filled: Filled
) -> None:
    text = " ".join(text_of(copy_nb).split())
    nb = Words("nb")
    today = dt.date.today()
    since = today - dt.timedelta(days=183)
    window = f"Kopien gjelder {nb.long_date(since)} til {nb.long_date(today)}, nyeste først."
    assert " ".join(window.split()) in text
    assert "Til sammen i perioden" in text
    # payments: those still to be paid, then the latest paid before the earlier one
    pays = text[text.index("Dette betaler kommunen") :]
    soon, later, earlier = (
        pays.find("Godkjent, blir betalt snart"),
        pays.find("Kontingent 1 <b>fotball</b>"),
        pays.find("Kontingent 0 <b>fotball</b>"),
    )
    assert 0 <= soon < later < earlier
