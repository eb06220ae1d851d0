"""The end of a case: retention purge and erasure delete a family for real, leave a
content-free tombstone, keep the audit chain whole and leave nothing behind in the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from samjournal.audit import Action
from samjournal.errors import NotFound, PermissionDenied, ValidationError
from samjournal.journal import Journal
from samjournal.model import FamilyId, FamilyStatus
from samjournal.records import lifecycle
from samjournal.records.families import Families
from samjournal.settings import JournalSettings
from samjournal.store import Database
from tests.bench.plain import export_plain, plain_unlock
from tests.conftest import LEAD, Template
from tests.rich_family import rich_family

LONG_AGO = dt.date(2013, 5, 2)


def _all_text(db: Database) -> str:
    """Every value in every table, as one string (the search index's own tables included)."""
    tables = [r["name"] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    parts = []
    for table in tables:
        parts += [repr(tuple(r)) for r in db.all(f'SELECT * FROM "{table}"')]
    return "\n".join(parts).casefold()


def _counts(db: Database) -> dict[str, int]:
    tables = [r["name"] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: int(db.scalar(f'SELECT count(*) FROM "{t}"')) for t in tables}


def test_closing_starts_the_retention_clock(lead: Journal, template: Template) -> None:
    old = rich_family(lead, "Gammel", closed_on=LONG_AGO)
    recent = rich_family(lead, "Nylig", closed_on=dt.date.today() - dt.timedelta(days=30))
    due = lead.families.due_for_purge()
    assert [c.id for c in due] == [old.id]
    assert due[0].ended_on == LONG_AGO
    assert due[0].due_on == dt.date(2023, 5, 2)  # the default ten years
    assert not due[0].removed
    # A shorter period in the settings, and time passing, bring the others in.
    lead.update_settings(JournalSettings(retention_years=1))
    later = dt.date.today() + dt.timedelta(days=400)
    lead.families.delete(template.other_family, "opprettet ved en feil")  # removed, never closed
    found = {c.id: c for c in lead.families.due_for_purge(today=later)}
    assert set(found) == {old.id, recent.id, template.other_family}
    assert found[template.other_family].removed
    assert template.worker_family not in found  # still open


def test_only_a_team_lead_sees_or_purges(worker: Journal, template: Template) -> None:
    with pytest.raises(PermissionDenied):
        worker.families.due_for_purge()
    with pytest.raises(PermissionDenied):
        worker.families.purge(template.worker_family, "oppbevaringstiden er ute")
    with pytest.raises(PermissionDenied):
        worker.families.erase(template.worker_family, "krav om sletting")


def test_purge_needs_a_closed_case_whose_time_has_come(lead: Journal, template: Template) -> None:
    with pytest.raises(ValidationError, match="bare avsluttede"):
        lead.families.purge(template.worker_family, "oppbevaringstiden er ute")
    recent = rich_family(lead, "Nylig", closed_on=dt.date.today() - dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="løper til"):
        lead.families.purge(recent.id, "oppbevaringstiden er ute")
    with pytest.raises(ValidationError, match="begrunnelse"):
        lead.families.purge(recent.id, "   ")
    with pytest.raises(NotFound):
        lead.families.purge(FamilyId(99_999), "oppbevaringstiden er ute")
    assert lead.families.get(recent.id).status is FamilyStatus.CLOSED


@pytest.mark.parametrize("how", ["purge", "erase"])
def test_deletes_every_row_and_leaves_a_tombstone(
    how: str, lead: Journal, template: Template
) -> None:
    db = lead._ctx.db
    keep = rich_family(lead, "Beholdes", closed_on=LONG_AGO, seed=2)
    before_keep = lead.families.open(keep.id, audit=False)
    gone = rich_family(lead, "Kanarifugl", closed_on=LONG_AGO, seed=3)
    assert lead.search("Kanarifugl")
    events_before = [e for e in lead.audit_events(gone.id, limit=None)]
    counts_before = _counts(db)
    if how == "purge":
        result = lead.families.purge(gone.id, "Oppbevaringstiden er ute (arkivplan 4.2)")
    else:
        result = lead.families.erase(gone.id, "Krav om sletting etter art. 17")
    # Every row about the family is gone, from every table.
    text = _all_text(db)
    for secret in gone.secrets:
        assert secret.casefold() not in text, secret
    with pytest.raises(NotFound):
        lead.families.get(gone.id)
    assert not lead.search("Kanarifugl")
    counts_after = _counts(db)
    removed = {t: counts_before[t] - counts_after[t] for t in counts_before}
    for table, n in result.rows.items():
        if table != "search_index":
            assert removed[table] == n, table
    assert result.rows["families"] == 1
    assert result.rows["members"] == 3  # the removed member too
    assert result.rows["meetings"] == 2  # the removed meeting too
    assert result.rows["history"] > 0
    assert result.rows["consents"] == 1
    # The tombstone: the id, the reason, counts; no name, no number.
    tomb = lead.audit_events(gone.id, limit=1)[0]
    assert (tomb.action, tomb.entity, tomb.entity_id) == (how, "family", str(gone.id))
    assert "families 1" in tomb.detail
    assert all(s.casefold() not in tomb.detail.casefold() for s in gone.secrets)
    # Earlier events keep their family id and still carry no content; the chain verifies.
    after = lead.audit_events(gone.id, limit=None)
    assert [e.seq for e in after[1:]] == [e.seq for e in events_before]
    assert lead.verify_audit().ok
    assert lead.integrity_problems() == []
    # The other family is untouched.
    assert lead.families.open(keep.id, audit=False) == before_keep
    assert lead.families.open(template.worker_family, audit=False).family.id


def test_erasure_works_on_open_and_removed_cases(lead: Journal, template: Template) -> None:
    lead.families.erase(template.worker_family, "Krav om sletting mottatt")
    lead.families.delete(template.other_family, "feilregistrert")
    lead.families.erase(template.other_family, "Krav om sletting mottatt")
    assert lead.families.case_list() == []
    actions = [e.action for e in lead.audit_events(limit=3)]
    assert actions == [Action.ERASE, Action.DELETE, Action.ERASE]


@pytest.mark.parametrize(
    "reason",
    [
        "Familien Kanarifugl ba om det",
        "MorKanarifugl ringte",
        "gjelder sak {case}",
        "fnr {nin}",
    ],
)
def test_the_reason_may_not_name_the_family(reason: str, lead: Journal) -> None:
    gone = rich_family(lead, "Kanarifugl", closed_on=LONG_AGO)
    case = lead.families.get(gone.id).case_number
    with pytest.raises(ValidationError, match="navn eller numre"):
        lead.families.erase(gone.id, reason.format(case=case, nin=gone.national_id))
    assert lead.families.get(gone.id).id == gone.id  # nothing was deleted


def test_the_reason_may_not_use_a_name_the_family_had_before(lead: Journal) -> None:
    gone = rich_family(lead, "Kanarifugl", closed_on=LONG_AGO)
    lead.families.update(gone.id, display_name="Familien Ny")
    with pytest.raises(ValidationError, match="navn eller numre"):
        lead.families.erase(gone.id, "Kanarifugl ba om sletting")
    lead.families.erase(gone.id, "Krav om sletting mottatt")


def test_every_table_that_points_at_a_family_is_handled(lead: Journal) -> None:
    """A new table holding a family's rows must be purged too, or kept on purpose."""
    db = lead._ctx.db
    handled = {table for table, _ in lifecycle.DELETES} | lifecycle.KEPT
    family_tables = {"families", "members", "meetings", "needs", "payments", "checkins"}
    tables = [r["name"] for r in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")]
    pointing = set()
    for table in tables:
        columns = {r["name"] for r in db.all(f'PRAGMA table_info("{table}")')}
        targets = {r["table"] for r in db.all(f'PRAGMA foreign_key_list("{table}")')}
        if "family_id" in columns or targets & family_tables:
            pointing.add(table)
    assert pointing - handled == set()


def test_nothing_is_left_in_the_file(template: Template, tmp_path: Path) -> None:
    """On a plaintext copy run through the same code, the raw file and its WAL hold no trace of
    a purged family: not in free pages, not in cell gaps, not in old search index segments."""
    journal = Journal.open(template.path.parent / "journal", LEAD, "leder passordfrase 1")
    plain = tmp_path / "plain.db"
    export_plain(journal, plain)
    journal.lock()
    ctx = plain_unlock(plain, LEAD)
    assert ctx.db.scalar("PRAGMA secure_delete") == 1
    families = Families(ctx)
    facade = _PlainJournal(ctx)
    gone = rich_family(facade, "Kanarifugl", closed_on=LONG_AGO)  # type: ignore[arg-type]
    for i in range(60):  # pages split and merge around it, the search index merges segments
        families.create(f"Familien Etter{i}")
    ctx.db.checkpoint()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("plain.db*"))
    assert b"Kanarifugl" in raw  # the test can see plaintext when it is there
    families.purge(gone.id, "Oppbevaringstiden er ute")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("plain.db*"))
    for secret in gone.secrets:
        for needle in (secret.encode(), secret.lower().encode(), secret.encode("utf-16-le")):
            assert needle not in raw, secret
    ctx.close()


class _PlainJournal:
    """Enough of `Journal` over a plain context for `rich_family`."""

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        from samjournal.records.checkins import Checkins
        from samjournal.records.consents import Consents
        from samjournal.records.meetings import Meetings
        from samjournal.records.members import Members
        from samjournal.records.needs import Needs
        from samjournal.records.payments import Payments

        self.user = ctx.user
        self.families = Families(ctx)
        self.members = Members(ctx)
        self.meetings = Meetings(ctx)
        self.needs = Needs(ctx)
        self.payments = Payments(ctx)
        self.checkins = Checkins(ctx)
        self.consents = Consents(ctx)
