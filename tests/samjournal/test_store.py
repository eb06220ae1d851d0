"""The encrypted store: pragmas, migrations, upgrades from every earlier schema, damaged files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from samjournal.errors import JournalDamaged, KeyringDamaged, NotAJournal
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.journal import Journal
from samjournal.money import Money
from samjournal.store import SCHEMA_VERSION, Database, migrate
from samjournal.store.migrations import available, current_version
from tests.conftest import LEAD, LEAD_PASS
from tests.samjournal.fixtures.make_schema_fixture import PASSPHRASE

FIXTURES = Path(__file__).parent / "fixtures"
KEY = bytes(range(32))


def test_pragmas_and_fts5(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db", KEY)
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA synchronous") == 2  # FULL
    assert db.scalar("PRAGMA foreign_keys") == 1
    assert db.scalar("PRAGMA temp_store") == 2  # MEMORY: no plaintext temp files
    assert db.scalar("SELECT sqlite_compileoption_used('ENABLE_FTS5')") == 1


def test_transaction_rolls_back_on_any_exception(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db", KEY)
    with db.transaction():
        db.execute("CREATE TABLE t (v INTEGER)")
    with pytest.raises(KeyError), db.transaction():
        db.execute("INSERT INTO t VALUES (1)")
        with db.transaction():  # nested: a savepoint
            db.execute("INSERT INTO t VALUES (2)")
        raise KeyError("boom")
    assert db.scalar("SELECT count(*) FROM t") == 0
    with pytest.raises(RuntimeError):
        db.execute("INSERT INTO t VALUES (3)")  # writes only inside a transaction


def test_migrations_are_numbered_and_recorded(tmp_path: Path) -> None:
    versions = [m.version for m in available()]
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    db = Database(tmp_path / "x.db", KEY)
    assert migrate(db) == versions
    assert migrate(db) == []
    assert current_version(db) == SCHEMA_VERSION
    recorded = [r["version"] for r in db.all("SELECT version FROM schema_migrations")]
    assert recorded == versions


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_upgrades_a_real_journal_from_every_schema(version: int, tmp_path: Path) -> None:
    source = FIXTURES / f"schema-{version:04d}"
    assert source.is_dir(), "freeze a fixture with make_schema_fixture before adding a migration"
    target = tmp_path / "journal"
    shutil.copytree(source, target)
    journal = Journal.open(target, "lead", PASSPHRASE)
    assert journal.facts().schema_version == SCHEMA_VERSION
    row = journal.families.case_list()[0]
    # The case list's figures (family_totals, migration 0004) are filled in for old journals.
    assert (row.open_needs, row.budget_used) == (1, Money.kr(2500))
    assert row.last_meeting == dt.datetime(2025, 5, 1, 10, tzinfo=dt.UTC)
    detail = journal.families.open(row.id)
    assert detail.family.case_number == "2025-0001"
    assert [m.name for m in detail.members] == ["Åse Fixture", "Liv Fixture"]
    assert detail.meetings[0].agreed == "Kommunen kjøper sykkel."
    # Check-ins from before instruments (migration 0010) are the journal's own, version 1.
    [checkin] = detail.checkins
    assert checkin.instrument == JOURNAL_DEFAULT.ref
    assert (checkin.answers, checkin.life_satisfaction) == ({"life_satisfaction": 6}, 6)
    assert journal.search("sykkel")
    assert journal.search.families("sykkel") == [row.id]  # rowids renumbered by 0005
    # Folded by 0015 (samjournal/folding.py): Åse typed as Aase, kjøper as kjoper.
    assert journal.search.families("aase") == journal.search.families("kjoper") == [row.id]
    assert [h.snippet for h in journal.search("aase")] == ["Åse Fixture"]  # as written
    assert journal.integrity_problems() == []


def test_an_upgrade_is_announced_once_before_it_starts(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db", KEY)
    calls: list[int] = []
    announce = lambda: calls.append(current_version(db))  # noqa: E731
    assert migrate(db, target=2, on_upgrade=announce) == [1, 2]
    assert calls == [0]  # once, before the first step
    assert migrate(db, on_upgrade=announce) == list(range(3, SCHEMA_VERSION + 1))
    assert calls == [0, 2]
    assert migrate(db, on_upgrade=announce) == []
    assert calls == [0, 2]  # nothing to do, nothing announced


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db", KEY)
    migrate(db)
    db.executescript(f"PRAGMA user_version = {SCHEMA_VERSION + 1};")
    with pytest.raises(JournalDamaged, match="nyere"):
        migrate(db)


# -- damaged and foreign files -----------------------------------------------------------------


def test_plain_sqlite_file_is_not_a_journal(journal_dir: Path) -> None:
    db = journal_dir / "journal.db"
    db.unlink()
    sqlite3.connect(db).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(NotAJournal, match="ukryptert"):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_random_file_is_damaged(journal_dir: Path) -> None:
    (journal_dir / "journal.db").write_bytes(os.urandom(8192))
    with pytest.raises(JournalDamaged):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_truncated_journal(journal_dir: Path) -> None:
    db = journal_dir / "journal.db"
    db.write_bytes(db.read_bytes()[:1000])
    with pytest.raises(JournalDamaged):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_flipped_byte_is_found(journal_dir: Path) -> None:
    db = journal_dir / "journal.db"
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page + 100] ^= 0x01  # inside an encrypted page, not the first
    db.write_bytes(bytes(data))
    with pytest.raises(JournalDamaged):
        _open_and_check(journal_dir)


def _open_and_check(journal_dir: Path) -> None:
    """A damaged page may only show when read: opening plus the checks must find it."""
    problems = Journal.open(journal_dir, LEAD, LEAD_PASS).integrity_problems()
    if problems:
        raise JournalDamaged("; ".join(problems))


def test_missing_or_damaged_keyring(journal_dir: Path) -> None:
    ring = journal_dir / "keyring.json"
    ring.write_text("{ not json")
    with pytest.raises(KeyringDamaged):
        Journal.open(journal_dir, LEAD, LEAD_PASS)
    ring.unlink()
    with pytest.raises(KeyringDamaged, match="mangler"):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_missing_database_beside_a_keyring(journal_dir: Path) -> None:
    (journal_dir / "journal.db").unlink()
    with pytest.raises(JournalDamaged, match="sikkerhetskopi"):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_stray_wal_from_another_key_is_refused(journal_dir: Path, tmp_path: Path) -> None:
    other = Database(tmp_path / "other.db", os.urandom(32))
    with other.transaction():
        other.execute("CREATE TABLE t (v)")
        other.execute("INSERT INTO t VALUES (randomblob(5000))")
    shutil.copy(tmp_path / "other.db-wal", journal_dir / "journal.db-wal")
    other.close()
    try:
        journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    except JournalDamaged:
        return
    # SQLite ignores a WAL whose salts do not match the database: nothing foreign is read.
    assert journal.integrity_problems() == []
    assert len(journal.families.case_list()) == 2
