"""The case summary, read back from the PDF and held against the journal's data."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from samjournal import nin, reports, vocabulary
from samjournal.errors import NotFound, PermissionDenied, ValidationError
from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedDraft, NeedStatus
from samjournal.reports.labels import CONFIDENTIAL
from tests.conftest import Template
from tests.samjournal.reports.conftest import Filled, flat, pages, text_of
from tests.samjournal.reports.data import CJK_NAME, HOSTILE, NAMES, big_family, note_words


@pytest.fixture(scope="session")
def summary(filled: Filled) -> bytes:
    return reports.case_summary(filled.journal, filled.rich.family)


def test_names_in_every_script_come_out_as_written(summary: bytes, filled: Filled) -> None:
    text = text_of(summary)
    for name in NAMES:
        assert name in text
    assert filled.rich.case_number in text
    assert "Kari Nilsen" in text  # the family's caseworker
    assert "Familien Ødegård" in text


def test_a_script_the_font_lacks_is_a_visible_replacement(summary: bytes) -> None:
    text = text_of(summary)
    assert CJK_NAME not in text
    assert "\u25a1\u25a1\u25a1" in text  # □□□ for 王秀英
    assert "👍" not in text


def test_hostile_text_is_shown_literally(summary: bytes) -> None:
    text = flat(text_of(summary))
    for hostile in HOSTILE:
        assert flat(hostile) in text
    assert flat('<font color="red">rød tekst</font>') in text
    assert flat("NAV & skolen <b>") in text
    assert flat("Hjemme & <i>kjøkkenet</i>") in text


def test_the_long_note_flows_across_pages_complete_and_in_order(summary: bytes) -> None:
    per_page = pages(summary)
    found = re.findall(r"n\d{5}", "\n".join(per_page))
    assert found == note_words()
    spanning = [i for i, page in enumerate(per_page) if re.search(r"n\d{5}", page)]
    assert len(spanning) >= 3


def test_pages_are_numbered_and_each_carries_the_confidentiality_line(summary: bytes) -> None:
    per_page = pages(summary)
    total = len(per_page)
    assert total > 3
    for number, page in enumerate(per_page, start=1):
        assert f"Side {number} av {total}" in page
        assert CONFIDENTIAL in page
        assert "Utskrevet" in page
        assert "Lise Leder" in page


def test_identity_numbers_are_masked_unless_chosen(filled: Filled, summary: bytes) -> None:
    number = filled.rich.national_id
    text = text_of(summary)
    assert nin.mask(number) in text
    assert number not in flat(text)
    full = text_of(reports.case_summary(filled.journal, filled.rich.family, show_national_ids=True))
    assert number in full


def test_sections_hold_the_recorded_facts(summary: bytes, filled: Filled) -> None:
    text = text_of(summary)
    flat_text = flat(text)
    for heading in ("Medlemmer", "Behov", "Møter", "Utbetalinger", "Kartlegginger", "Samtykker"):
        assert heading in text
    assert flat(filled.rich.paid_purpose) in flat_text
    assert flat(filled.rich.proposed_purpose) in flat_text  # the summary shows every status
    assert "Fritidsaktivitet 2 for barna" in text
    assert "Trenger bolig nær skolen" in text
    assert "Evaluering av samskaping" in text
    assert "Aktivt" in text
    assert "Trukket" in text
    assert "(forkortet)" in text  # the 1,000-character purpose, cut in its table cell
    assert "Budsjettramme" in text
    assert "Gjenstår (brukt " in text  # the share is what was used, said so
    assert "Hjemmebesøk" in text
    assert "Nettverksmøte" in text


def test_the_chain_head_is_printed_and_the_document_is_audited_as_a_view(filled: Filled) -> None:
    journal = filled.journal
    pdf = reports.case_summary(journal, filled.rich.family)
    head = journal.audit_head()  # nothing happened after the document was recorded
    assert head in text_of(pdf)
    last = journal.audit_events(filled.rich.family, limit=1)[0]
    assert (last.action, last.detail) == ("view", "case_summary")


def test_a_summary_built_but_neither_printed_nor_saved_is_no_print(
    filled: Filled, tmp_path: Path
) -> None:
    """A preview closed unprinted: the access log must not say a paper copy exists."""
    journal, fid = filled.journal, filled.rich.family
    before = len(journal.audit_events(fid, limit=None))
    reports.case_summary(journal, fid, show_national_ids=True)
    after = journal.audit_events(fid, limit=None)  # newest first
    made = after[: len(after) - before]
    assert [(e.action, e.detail) for e in made if e.detail] == [
        ("view", "case_summary with full national ids")
    ]
    assert not [e for e in made if e.action in ("print", "export")]
    case = journal.families.get(fid).case_number
    reports.cli_build(journal, "summary", tmp_path / "s.pdf", case_number=case)
    last = journal.audit_events(fid, limit=1)[0]
    assert (last.action, last.detail) == ("export", "case_summary saved as pdf")


def test_the_period_limits_meetings(filled: Filled) -> None:
    everything = text_of(reports.case_summary(filled.journal, filled.rich.family))
    assert filled.rich.old_agreed in everything  # recorded before the case was opened
    today = dt.date.today()
    recent = text_of(
        reports.case_summary(
            filled.journal, filled.rich.family, period=(today - dt.timedelta(days=100), today)
        )
    )
    assert filled.rich.old_agreed not in recent
    assert "n00000" in recent


def test_english(filled: Filled) -> None:
    text = text_of(reports.case_summary(filled.journal, filled.rich.family, language="en"))
    assert "Case summary" in text
    assert "Page 1 of" in text
    assert CONFIDENTIAL in text  # the legal marking stays Norwegian


def test_an_empty_family_prints(lead: Journal, template: Template) -> None:
    text = text_of(reports.case_summary(lead, template.other_family))
    assert "Familien Hassan" in text
    assert "Ingen møter i perioden." in text
    assert "Ingen kartlegginger i perioden." in text


def test_only_team_leads_print_summaries(worker: Journal, template: Template) -> None:
    with pytest.raises(PermissionDenied):
        reports.case_summary(worker, template.worker_family)


def test_unknown_family_and_bad_period(lead: Journal, template: Template) -> None:
    with pytest.raises(NotFound):
        reports.case_summary(lead, template.worker_family + 999)  # type: ignore[arg-type]
    today = dt.date.today()
    with pytest.raises(ValidationError):
        reports.case_summary(
            lead, template.worker_family, period=(today, today - dt.timedelta(days=1))
        )


OVERVIEW = (
    "Oversikt",
    "Budsjettramme",
    "Utbetalt",
    "Godkjent, ikke utbetalt",
    "Gjenstår",
    "Åpne",
    "Oppfylt",
    "Droppet",
    "Livskvalitet, første → siste",
    "Livet alt i alt",
    "Neste møte:",
)


def test_page_one_is_the_overview(summary: bytes) -> None:
    first = " ".join(pages(summary)[0].split())
    for words in OVERVIEW:
        assert words in first
    assert "Medlemmer" not in first  # the detail starts on page 2
    assert "4,0 6,0 +2,0" in first  # life as a whole, first → latest and the change


def test_the_busiest_family_has_its_overview_first(lead: Journal) -> None:
    family = big_family(lead, "Familien Travel", meetings=60, payments=150, checkins=12)
    per_page = pages(reports.case_summary(lead, family))
    assert len(per_page) > 8
    first = " ".join(per_page[0].split())
    for words in OVERVIEW:
        assert words in first


def test_each_meeting_shows_the_familys_own_words(summary: bytes) -> None:
    text = " ".join(text_of(summary).split())
    assert text.count("Familiens egne ord: Familiens egne ord") == 3


def test_dates_are_never_broken_inside(summary: bytes) -> None:
    assert not re.search(r"\b\d\d\.\d\d\.\d{1,3}\s*\n", text_of(summary))


def test_a_payment_reads_as_on_screen(summary: bytes) -> None:
    """Why it was rejected, who approved it and the voucher: what the Payments tab shows."""
    text = " ".join(text_of(summary).split())
    assert "Begrunnelse: utenfor rammen" in text
    assert "Godkjent av Lise Leder" in text
    assert "Bilag B-0" in text
    assert "Bilag B-1" in text


def test_the_primary_contact_is_the_word_the_screen_uses(filled: Filled, summary: bytes) -> None:
    text = " ".join(text_of(summary).split())
    assert f"★ {vocabulary.primary_contact('nb')}." in text
    assert "primærkontakt" not in text
    english = text_of(reports.case_summary(filled.journal, filled.rich.family, language="en"))
    assert "★ Primary contact." in " ".join(english.split())


def test_a_meeting_names_its_kind_place_and_next_meeting_once(lead: Journal) -> None:
    family = lead.families.create("Familien Telefon", owner_id=lead.user.id).id
    held = dt.datetime(2026, 6, 1, 10, 0).astimezone()
    lead.meetings.record(
        family, held, MeetingKind.PHONE, place="Telefon", next_meeting_at=held + dt.timedelta(7)
    )
    text = " ".join(text_of(reports.case_summary(lead, family)).split())
    assert "01.06.2026 10:00 · Telefon Neste møte: 08.06.2026 10:00" in text
    assert "Telefon · Telefon" not in text
    assert "Ingen avtale skrevet ned" not in text  # the next meeting is what was agreed


def test_the_footer_gives_the_time_as_the_header_does(summary: bytes) -> None:
    """Local time in the header's form beside the audit head (with its offset from UTC, so it
    reads back the same anywhere), not UTC in ISO form."""
    for page in pages(summary):
        text = " ".join(page.split())
        found = re.search(r"Utskrevet (\d\d\.\d\d\.\d{4} \d\d:\d\d) av", text)
        assert found, text
        assert re.search(rf"Logg \d+ · [0-9a-f]{{16}} · {found[1]} [+-]\d{{4}}", text), text
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d", text)


def test_the_totals_use_the_window_s_word(summary: bytes) -> None:
    """What counts against the frame is "Godkjent eller utbetalt" in the payments tab; on paper
    it was "Godkjent og utbetalt" (team-lead review): one word, vocabulary.BUDGET_PARTS."""
    text = " ".join(text_of(summary).split())
    assert "Godkjent eller utbetalt per behov" in text
    assert "Godkjent og utbetalt" not in text


def test_a_need_raised_in_a_meeting_is_not_printed_as_agreed(
    lead: Journal, template: Template
) -> None:
    """Its meeting is kept (the family's copy lists the need there), but the needs table's
    "Agreed in meeting" stays empty until it is agreed (evaluator review s23)."""
    family = template.other_family
    held = dt.datetime(2025, 3, 4, 10, tzinfo=dt.UTC)
    need = lead.meetings.record(
        family,
        held,
        MeetingKind.OFFICE,
        needs=[NeedDraft("Trenger hjelp med leksene", NeedCategory.EDUCATION, NeedStatus.RAISED)],
    ).need_ids[0]

    def cells() -> list[str]:
        """The need's row: its cells come one a line, after its words."""
        lines = text_of(reports.case_summary(lead, family)).splitlines()
        at = lines.index("Trenger hjelp med leksene")
        return lines[at + 1 : at + 6]  # category, status, raised, agreed in meeting, outcome

    assert cells() == ["Utdanning", "Meldt", "04.03.2025", "—", "—"]
    later = lead.meetings.record(family, held + dt.timedelta(days=7), MeetingKind.OFFICE)
    lead.needs.set_status(need, NeedStatus.AGREED, meeting_id=later.meeting.id)
    assert cells() == ["Utdanning", "Avtalt", "04.03.2025", "11.03.2025", "—"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_audit_note_says_the_making_is_counted_and_the_printing_comes_after(
    language: str,
) -> None:
    """It said "this document included" and then that printing it was recorded after; the
    head is quoted as the foot of every page prints it; the summary is named where "den" read
    as the log (outside reviews s30)."""
    from samjournal.reports.labels import Words
    from samjournal.reports.summary import audit_note

    note = audit_note(Words(language), "556 · 01ab19695bc15097")
    if language == "nb":
        assert "Logg 556 · 01ab19695bc15097 (" in note
        assert "At saksoppsummeringen ble laget, er talt med" in note
        assert "ingen hendelse fram til da er endret" in note
        assert "skrevet ut eller lagret, føres i loggen etter dette" in note
        assert "medregnet" not in note
    else:
        assert "Log 556 · 01ab19695bc15097 (" in note
        assert "Making the summary is counted; printing or saving it is logged after" in note
        assert "included" not in note


def test_the_audit_note_quotes_the_head_at_the_foot_of_its_pages(summary: bytes) -> None:
    last = pages(summary)[-1]
    foot = re.search(r"Logg (\d+ · [0-9a-f]{16}) · ", last)
    assert foot is not None
    assert flat(f"Logg {foot.group(1)} (antall hendelser") in flat(last)
    assert "medregnet" not in last
