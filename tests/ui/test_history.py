"""The History tab: versions of the case record, members, meetings, needs and payments, with who
and when and the changed fields highlighted; and the family's audit events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.model import MeetingKind, NeedCategory, NeedStatus
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as, open_family
from ui.family.history_data import CHANGED, CREATED, changed_fields, compare


def edit_everything(journal_dir: Path, template: Template) -> None:
    kari = Journal.open(journal_dir, WORKER, WORKER_PASS)
    fid = template.worker_family
    anne = kari.members.add(fid, "Anne Ødegård", birth_year=1984, phone="912 34 567")
    kari.members.update(
        anne.id, name="Anne Ødegård", is_child=False, birth_year=1984, phone="400 00 000"
    )
    when = dt.datetime(2026, 3, 2, 10, 0).astimezone()
    meeting = kari.meetings.record(fid, when, MeetingKind.OFFICE, agreed="Ringe NAV")
    kari.meetings.update(
        meeting.meeting.id, held_at=when, kind=MeetingKind.OFFICE, agreed="Ringe NAV og skolen"
    )
    need = kari.needs.raise_need(fid, "Fotball for Jonas", NeedCategory.LEISURE)
    kari.needs.set_status(need.id, NeedStatus.AGREED, meeting_id=meeting.meeting.id)
    payment = kari.payments.propose(fid, Money.kr(300), "Busskort", need_id=need.id)
    kari.payments.approve(payment.id)
    kari.lock()


def test_history_shows_every_record_with_the_changed_fields(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    edit_everything(journal_dir, template)
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(6)
    tab = w.family.history
    qtbot.waitUntil(
        lambda: tab.versions.rowCount() > 0 and tab.events.rowCount() > 0, timeout=TIMEOUT
    )
    rows = tab.versions.rows()
    assert {r.entity for r in rows} == {"family", "member", "meeting", "need", "payment"}
    assert [r.entity for r in rows if r.kind == CHANGED]
    assert rows[0].at >= rows[-1].at  # newest first
    texts = [tab.versions.data(tab.versions.index(i, 3)) for i in range(len(rows))]
    assert "changed: Phone" in texts
    assert any(t.startswith("changed: Status") for t in texts)  # need agreed, payment approved
    assert "changed: What was agreed" in texts
    who = {tab.versions.data(tab.versions.index(i, 1)) for i in range(len(rows))}
    assert "Kari Nilsen" in who  # people by name, not username

    # Selecting the member's change shows before and after, the changed field standing out.
    phone_row = texts.index("changed: Phone")
    tab.versions_view.selectRow(phone_row)
    fields = {row[0]: row for row in tab.fields.rows()}
    assert fields["Phone"][1:4] == ("912 34 567", "400 00 000", True)
    assert fields["Name"][3] is False
    index = tab.fields.index(list(fields).index("Phone"), 2)
    assert tab.fields.data(index, Qt.ItemDataRole.FontRole).bold()
    assert tab.fields.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "changed" in tab.fields.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert "Member: Anne Ødegård" in tab.fields_caption.text()

    # Only payments: the approval shows the status and who approved.
    tab.show_only.setCurrentIndex(tab.show_only.findData("payment"))
    assert {r.entity for r in tab.versions.rows()} == {"payment"}
    approved = next(i for i, r in enumerate(tab.versions.rows()) if r.kind == CHANGED)
    tab.versions_view.selectRow(approved)
    fields = {row[0]: row for row in tab.fields.rows()}
    assert fields["Status"][1:4] == ("Proposed", "Approved", True)
    assert fields["Approved by"][2] == "Kari Nilsen"
    assert fields["Amount"][2].replace("\u00a0", " ") == "300,00 kr"  # Norwegian amounts in English


def test_the_access_log_names_records_and_changes_in_words(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    edit_everything(journal_dir, template)
    w = open_as(qtbot, make_app("en"), journal_dir, LEAD, LEAD_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(6)
    tab = w.family.history
    qtbot.waitUntil(lambda: tab.events.rowCount() > 0, timeout=TIMEOUT)
    lines = [
        (tab.events.text(row, 2), tab.events.text(row, 3), tab.events.text(row, 4))
        for row in range(tab.events.rowCount())
    ]
    records = {record for _action, record, _detail in lines}
    # Records by what they are, never "need 741"; every write says what it did.
    assert "Need: Fotball for Jonas" in records
    assert "Member: Anne Ødegård" in records
    assert any(r.startswith("Payment: ") and r.endswith("Busskort") for r in records)
    assert not [r for r in records if any(ch.isdigit() for ch in r.split(":")[0])]
    writes = [(a, r, d) for a, r, d in lines if a in ("Recorded", "Changed")]
    assert writes
    assert all(d for _a, _r, d in lines), lines  # reads, prints and writes alike
    assert ("Changed", "Member: Anne Ødegård", "changed: Phone") in writes
    assert ("Changed", "Need: Fotball for Jonas", "Status: Raised → Agreed") in writes
    assert any(r.endswith("Busskort") and d == "Status: Proposed → Approved" for _a, r, d in writes)


def test_compare_marks_creation_and_the_fields_that_differ() -> None:
    from samjournal.model import Version

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    v1 = Version("member", 1, 1, {"name": "A", "phone": "1", "version": 1}, "kari", now)
    v2 = Version("member", 1, 2, {"name": "A", "phone": "2", "version": 2}, "lise", now)
    first, second = compare("member", 1, [v1, v2])
    assert first.kind == CREATED
    assert second.changed == ("phone",)
    assert changed_fields({"a": 1}, {"b": 2}) == ("b", "a")
