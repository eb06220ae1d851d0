"""Any text a user saves reaches the printed page: random names, notes and purposes saved through
the facade, then the case summary and the family's copy build and carry the text as the fonts
can draw it (`fonts.shown`: a □ stands for a character no font has; an emoji none has is left
out)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal import reports
from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.model import MeetingKind, PaymentDraft
from samjournal.money import Money
from samjournal.reports.fonts import shown
from tests.conftest import note_reliability
from tests.fuzz.settings import fuzz_settings
from tests.samjournal.reports.conftest import flat, pages

NORMAL, MANY = 8, 300
FUZZ = fuzz_settings(NORMAL, deadline_seconds=20)
# Every code point a person might type or paste (not surrogates: the forms refuse those).
any_char = st.characters(codec="utf-8", exclude_categories=("Cs",))
names = st.text(alphabet=any_char, min_size=1, max_size=80)
notes = st.text(alphabet=any_char, min_size=1, max_size=600) | st.sampled_from(
    ["<b>fet</b> &amp; <para>", "Åse, Ольга, Nguyễn Thị, محمد, 王秀英, 👍🏽", "x" * 3000]
)


def _comparable(text: str) -> str:
    """What a PDF reader gives back for `text`: drawn characters, whitespace aside."""
    drawn = shown(text).replace("\xad", "")  # a soft hyphen only shows where a line breaks
    return unicodedata.normalize("NFC", flat(drawn))


_FRAME = re.compile(r"\n?Utskrevet \d\d\.\d\d\.\d{4} .*\Z", re.DOTALL)


def _pdf_text(pdf: bytes) -> str:
    """The body of every page, without the page frame (drawn last, so read last), joined: a
    long text broken across pages reads as one."""
    body = "".join(_FRAME.sub("", page) for page in pages(pdf))
    return unicodedata.normalize("NFC", flat(body))


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in text)


def _poppler_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return unicodedata.normalize("NFC", flat(out.stdout.decode()))


def _printed(text: str, where: str, pdf: bytes) -> bool:
    """Left-to-right text reads back as typed. Right-to-left text is drawn in the bidi
    algorithm's visual order, and a reader's reconstruction of the typed order differs from it
    at the edges of a run (a digit after an Arabic semicolon comes back before it), so there
    every drawn character must be on the page (poppler's text, which reads ActualText), in any
    order."""
    wanted = _comparable(text)
    if not _right_to_left(wanted):
        return wanted in where
    need, have = Counter(wanted), Counter(_poppler_text(pdf))
    return all(have[c] >= n for c, n in need.items())


def _print_what_was_saved(lead: Journal, name: str, member: str, agreed: str, purpose: str) -> None:
    note_reliability("fuzz")
    try:
        family = lead.families.create(name)
        lead.members.add(family.id, member, birth_year=1980)
        held = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
        recorded = lead.meetings.record(
            family.id,
            held,
            MeetingKind.OFFICE,
            agreed=agreed,
            family_words=agreed,
            payments=[PaymentDraft(Money.kr(100), purpose)],
        )
    except ValidationError:
        return  # refused with a clear error: tested in test_fuzz_forms
    lead.payments.approve(recorded.payment_ids[0], over_budget_ok=True)
    detail = lead.families.open(family.id, audit=False)
    summary_pdf = reports.case_summary(lead, family.id)
    copy_pdf = reports.family_copy(lead, family.id)
    summary, copy = _pdf_text(summary_pdf), _pdf_text(copy_pdf)
    saved_name, saved_member = detail.family.display_name, detail.members[0].name
    saved_agreed, saved_purpose = detail.meetings[0].agreed, detail.payments[0].purpose
    for text, where, pdf in (
        (saved_name, summary, summary_pdf),
        (saved_member, summary, summary_pdf),
        (saved_agreed, summary, summary_pdf),
        (saved_name, copy, copy_pdf),  # the staff's note is never on the family's copy
    ):
        assert _printed(text, where, pdf), text
    # Purposes sit in table cells, cut at 300-400 characters: their start is there.
    start = saved_purpose[:200]
    assert (
        _printed(start, copy, copy_pdf)
        if _right_to_left(start)
        else (_comparable(start)[:150] in copy)
    ), start


@FUZZ
@given(name=names, member=names, agreed=notes, purpose=names)
def test_any_saved_text_prints(
    lead: Journal, name: str, member: str, agreed: str, purpose: str
) -> None:
    _print_what_was_saved(lead, name, member, agreed, purpose)


@pytest.mark.slow
@fuzz_settings(MANY, deadline_seconds=20)
@given(name=names, member=names, agreed=notes, purpose=names)
def test_any_saved_text_prints_many(
    lead: Journal, name: str, member: str, agreed: str, purpose: str
) -> None:
    _print_what_was_saved(lead, name, member, agreed, purpose)
