"""The portfolio report (figures, no family names) and the recovery sheet."""

from __future__ import annotations

import datetime as dt

import pytest

from samjournal import reports
from samjournal.errors import PermissionDenied, ValidationError
from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedStatus
from samjournal.reports.labels import CONFIDENTIAL, Words
from samjournal.reports.queries import PortfolioQueries
from tests.conftest import Template
from tests.samjournal.reports.conftest import Filled, flat, pages, text_of
from tests.samjournal.reports.data import NAMES

TODAY = dt.date.today()
YEAR = (TODAY - dt.timedelta(days=365), TODAY)


@pytest.fixture(scope="session")
def portfolio(filled: Filled) -> bytes:
    return reports.portfolio(filled.journal, start=YEAR[0], end=YEAR[1])


def test_portfolio_figures(portfolio: bytes) -> None:
    text = text_of(portfolio)
    flat_text = flat(text)
    for heading in (
        "Familier",
        "Utbetalinger per måned og kategori",
        "Budsjettbruk per i dag",
        "Åpne og oppfylte behov",
        "Kartlegginger over tid",
    ):
        assert heading in text
    assert "Barns fritid" in text
    assert "Bolig" in text
    # Paid 1 500 + 1 600, approved 1 700 + 300, each in the month it was paid or approved.
    assert flat("5 100,00 kr") in flat_text
    assert "Kari Nilsen" in text
    assert "Per Hansen" in text
    words = Words("nb")
    assert words.month(TODAY.year, TODAY.month) in text


def test_portfolio_names_no_family(portfolio: bytes) -> None:
    text = text_of(portfolio)
    for name in (*NAMES, "Familien Ødegård", "Familien Hassan"):
        assert name not in text


def test_portfolio_frame(portfolio: bytes, filled: Filled) -> None:
    per_page = pages(portfolio)
    for number, page in enumerate(per_page, start=1):
        assert f"Side {number} av {len(per_page)}" in page
        assert CONFIDENTIAL in page
    last = filled.journal.audit_events(limit=1)[0]
    assert (last.action, last.detail) == ("view", "portfolio")


def test_portfolio_for_team_leads_and_sane_periods(worker: Journal, lead: Journal) -> None:
    with pytest.raises(PermissionDenied):
        reports.portfolio(worker, start=YEAR[0], end=YEAR[1])
    with pytest.raises(ValidationError):
        reports.portfolio(lead, start=YEAR[1], end=YEAR[0])
    empty = text_of(reports.portfolio(lead, start=dt.date(2001, 1, 1), end=dt.date(2001, 3, 1)))
    assert "Ingen utbetalinger i perioden." in empty


def test_recovery_sheet(template: Template, lead: Journal) -> None:
    key = template.recovery_key
    pdf = reports.recovery_sheet(
        recovery_key=key,
        journal_id=lead.journal_id,
        printed_by="Lise Leder",
        created=dt.date(2026, 3, 1),
        journal=lead,
    )
    text = text_of(pdf)
    for group in key.split("-"):
        assert group in text
    assert len(key.split("-")) == 8
    assert lead.journal_id in text
    assert "01.03.2026" in text
    assert "samjournal user reset" in text
    assert "Glemt passordfrase" in text
    assert "Side 1 av 1" in text
    assert CONFIDENTIAL in text
    last = lead.audit_events(limit=1)[0]
    # Building it is a view: printed or saved, the client records the copy (ui.recovery_file).
    assert (last.action, last.detail) == ("view", "recovery_sheet")
    assert key not in str(lead.audit_events(limit=5))


def test_recovery_sheet_refuses_a_mistyped_key(template: Template) -> None:
    groups = template.recovery_key.split("-")
    groups[2] = groups[2][::-1] if groups[2][::-1] != groups[2] else "ZZZZ"
    with pytest.raises(ValidationError):
        reports.recovery_sheet(
            recovery_key="-".join(groups),
            journal_id="x",
            printed_by="Lise Leder",
            created=TODAY,
        )


def test_every_month_has_its_row_with_or_without_payments(portfolio: bytes) -> None:
    text = " ".join(text_of(portfolio).split())
    per_month = text[text.index("Per måned Måned Antall Beløp") : text.index("Per kategori")]
    words = Words("nb")
    month, year, shown = YEAR[0].month, YEAR[0].year, 0
    while (year, month) <= (YEAR[1].year, YEAR[1].month):
        assert words.month(year, month) in per_month
        shown += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    assert shown == 13
    # Payments fall in at most four months: the others are there, with nothing in them.
    assert per_month.count(" 0 0,00 kr") >= shown - 4
    scores = text[text.index("Snitt per måned og område") : text.index("Endring fra første")]
    assert scores.count("—") >= 5 * 7  # months without answers: a row of dashes each


def test_change_from_first_to_latest_answer_per_domain(portfolio: bytes) -> None:
    """The rich family answered eight times (tests/samjournal/reports/data.py): life 4 → 6,
    economy 3 → 6, trust 6 → 7, housing 5 → 5; no other family answered twice. One family is
    under the small-cell limit: its domains are listed, its figures are not (test_outcomes.py
    has the tables with enough families)."""
    text = " ".join(text_of(portfolio).split())
    change = text[text.index("Endring fra første til siste svar") :]
    table = change.split("Familier med minst to svar")[0]
    w = Words("nb")
    for key in ("life_satisfaction", "economy", "trust", "housing"):
        assert f"{w.domain(key)} <5 — — — —" in table
    for figure in ("4,0", "6,0", "+2,0", "1 / 0 / 0", "0 / 1 / 0"):
        assert figure not in table
    assert w.domain("health") not in table


def test_needs_met_in_the_period_count_whenever_they_were_raised(lead: Journal) -> None:
    """A month's portfolio showed 0 met in every category: it counted only the needs raised in
    that month as well (team-lead review). Met and dropped count when the need became so, as
    the export dates it (records/status_reached.py)."""
    family = lead.families.create("Familien Periode")
    raised = TODAY - dt.timedelta(days=60)
    before = lead.needs.raise_need(family.id, "Sykkel", NeedCategory.LEISURE, raised_on=raised)
    meeting = lead.meetings.record(family.id, dt.datetime.now(dt.UTC), MeetingKind.HOME_VISIT)
    lead.needs.set_status(before.id, NeedStatus.AGREED, meeting_id=meeting.meeting.id)
    lead.needs.set_status(before.id, NeedStatus.MET)
    gone = lead.needs.raise_need(family.id, "Kurs", NeedCategory.EDUCATION, raised_on=raised)
    lead.needs.set_status(gone.id, NeedStatus.DROPPED)
    month = PortfolioQueries(lead, TODAY - dt.timedelta(days=30), TODAY)
    found = {row.category: row for row in month.needs()}
    assert (found[NeedCategory.LEISURE].raised, found[NeedCategory.LEISURE].met) == (0, 1)
    assert found[NeedCategory.EDUCATION].dropped == 1
    earlier = PortfolioQueries(lead, raised - dt.timedelta(days=10), raised)  # before both
    found = {row.category: row for row in earlier.needs()}
    assert (found[NeedCategory.LEISURE].raised, found[NeedCategory.LEISURE].met) == (1, 0)
    assert found[NeedCategory.EDUCATION].dropped == 0


def test_english_column_heads_are_whole_words(filled: Filled) -> None:
    """The average table's "Answers" head broke as "Answ/ers" in a column sized for "Svar"."""
    pdf = reports.portfolio(filled.journal, start=YEAR[0], end=YEAR[1], language="en")
    words = text_of(pdf).split()
    assert "Answers" in words
    assert "Answ" not in words
