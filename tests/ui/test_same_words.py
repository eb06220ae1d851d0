"""A field has one word, on screen and on the printed case summary: the outside review of s30
read "Resultat" in the needs tab and "Utfall" on paper, "Betalingsmåte" and "Måte",
"Informasjonsskriv" and "Skriv (versjon)", "Hvordan" and "Måte", "aktivt" and "Aktivt"; a
meeting's "Med familiens egne ord" was "Familiens ord:" on paper."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from samjournal import reports
from samjournal.journal import Journal
from samjournal.model import NeedStatus
from tests.conftest import LEAD, LEAD_PASS, Template
from tests.samjournal.reports.conftest import text_of
from tests.ui.conftest import TIMEOUT, open_as, open_family
from tests.ui.test_screens import fill
from ui import labels
from ui.family.history_format import field_label

WITHDRAWN = dt.date(2026, 1, 15)


def _headings(model: QAbstractItemModel) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _column(model: QAbstractItemModel, heading: str) -> list[str]:
    column = _headings(model).index(heading)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _printed(journal_dir: Path, template: Template) -> str:
    """A need with an outcome, an active and a withdrawn consent; the summary's text."""
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    fid = template.worker_family
    detail = lead.families.open(fid)
    need = detail.needs[0]
    lead.needs.set_status(need.id, NeedStatus.IN_PROGRESS, outcome="Fikk utstyret")
    adult = next(m for m in detail.members if m.name == "Anne Ødegård")
    lead.consents.add_study("forstudie-2025", "Forstudie")
    old = lead.consents.give(
        adult.id, "forstudie-2025", letter_version="v1.0", given_on=dt.date(2025, 12, 1)
    )
    lead.consents.withdraw(old.id, withdrawn_on=WITHDRAWN)
    text = text_of(reports.case_summary(lead, fid, language="nb"))
    lead.lock()
    return " ".join(text.split())  # a heading wrapped in its cell reads as one line


def test_each_field_has_the_same_word_on_screen_and_on_the_case_summary(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    fill(journal_dir, template)
    printed = _printed(journal_dir, template)
    w = open_as(qtbot, make_app("nb"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    tabs = w.family
    for model in (tabs.needs.model, tabs.payments.model, tabs.consents.model):
        qtbot.waitUntil(lambda m=model: m.rowCount() > 0, timeout=TIMEOUT)
    on_screen = {
        "outcome": _headings(tabs.needs.model)[5],
        "payment_method": _headings(tabs.payments.model)[4],
        "letter_version": _headings(tabs.consents.model)[2],
        "consent_method": _headings(tabs.consents.model)[4],
    }
    assert on_screen == {
        "outcome": "Resultat",
        "payment_method": "Betalingsmåte",
        "letter_version": "Informasjonsskriv",
        "consent_method": "Hvordan",
    }
    for field, word in on_screen.items():
        assert re.search(rf"\b{word}\b", printed), f"{field}: {word!r} is not on the summary"
    for old in ("Utfall", "Måte", "Skriv (versjon)"):
        assert not re.search(rf"\b{re.escape(old)}(?!\w)", printed), old

    # A meeting's notes: "Familiens ord:" and "Avtalt:" on paper, "Med familiens egne ord"
    # in the meetings tab.
    qtbot.waitUntil(lambda: "Familiens egne ord" in tabs.meetings.notes.toPlainText())
    notes = tabs.meetings.notes.toPlainText()
    for heading in ("Familiens egne ord", "Hva som ble avtalt"):
        assert heading in notes
        assert f"{heading}: " in printed
    assert "Familiens ord:" not in printed

    states = sorted(_column(tabs.consents.model, "Status"))
    assert states == ["Aktivt", "Trukket tilbake 15.01.2026"]
    for state in states:
        assert state in printed, f"{state!r} is not on the summary"


def test_the_history_names_a_field_as_its_table_does(make_app) -> None:
    """The history said "Betalt" where the payments said "Utbetalt", and "Svarte" where the
    check-ins said "Svart av"; approvals said "For behov", the payment form "Til behov"."""
    make_app("nb")
    assert [field_label(k) for k in ("outcome", "method", "paid_on", "member_id")] == [
        "Resultat",
        "Betalingsmåte",
        "Utbetalt",
        "Svart av",
    ]
    assert labels.heading("for_need") == "Til behov"
