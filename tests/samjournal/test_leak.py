"""Nothing a caseworker writes is readable in any file of the journal folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samjournal.journal import Journal
from samjournal.model import MeetingKind
from tests.conftest import Template

CANARIES = ("Kanarifuglsen", "Ødegårdsveien 17", "91234567", "kanarinotat-1234")


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.lower().encode("utf-8")]


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_no_plaintext_in_the_journal_folder(
    lead: Journal, template: Template, journal_dir: Path
) -> None:
    family = lead.families.create(f"Familien {CANARIES[0]}", district="Lade")
    lead.members.add(family.id, f"Åse {CANARIES[0]}", phone=CANARIES[2], birth_year=1980)
    lead.meetings.record(
        family.id,
        dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC),
        MeetingKind.HOME_VISIT,
        place=CANARIES[1],
        family_words=f"Vi bor i {CANARIES[1]} og trenger hjelp. {CANARIES[3]}",
    )
    assert lead.search(CANARIES[0])  # it is there, and searchable, inside
    # Look while the journal is open (WAL and shared memory present) and after locking.
    for moment in ("open", "locked"):
        if moment == "locked":
            lead.lock()
        files = _files(journal_dir)
        assert any(f.name == "journal.db" for f in files)
        for path in files:
            data = path.read_bytes()
            for canary in CANARIES:
                for needle in _encodings(canary):
                    assert needle not in data, f"{canary!r} readable in {path.name} ({moment})"


def test_demo_family_names_are_not_in_the_folder(tmp_path: Path) -> None:
    from samjournal import demo
    from samjournal.kdf import TEST_COST

    journal = demo.create_demo_journal(tmp_path / "demo", families=8, seed=3, cost=TEST_COST)
    names = [row.display_name for row in journal.families.case_list()]
    members = [
        m.name
        for row in journal.families.case_list()
        for m in journal.families.open(row.id).members
    ]
    journal.lock()
    blobs = [p.read_bytes() for p in _files(tmp_path / "demo")]
    for text in names + members:
        for needle in _encodings(text):
            assert not any(needle in blob for blob in blobs), text
