"""A damaged journal: every kind of damage gives a clear error that names the way back (restore
from a backup; the recovery key for a lost passphrase), in bokmål and English, and no raw
low-level exception ever reaches the caller."""

from __future__ import annotations

import ast
import json
import os
import shutil
from pathlib import Path

import pytest

import samjournal
from samjournal.errors import (
    ForeignKeyring,
    JournalDamaged,
    KeyringDamaged,
    SamJournalError,
    SlotDamaged,
    WrongPassphrase,
)
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.store import Database
from tests.conftest import (
    LEAD,
    LEAD_PASS,
    OTHER,
    OTHER_PASS,
    WORKER,
    WORKER_PASS,
    Template,
    note_reliability,
)

PAGE = 4096
WAY_BACK_NB = ("sikkerhetskopi", "gjenopprettingsnøkkel")
WAY_BACK_EN = ("backup", "recovery key")


def _names_the_way_back(error: SamJournalError) -> None:
    nb, en = describe(error, "nb"), describe(error, "en")
    assert any(w in nb for w in WAY_BACK_NB), nb
    assert any(w in en for w in WAY_BACK_EN), en
    assert nb != en  # the English catalogue covers it


def _use_everything(journal: Journal) -> None:
    """Every read the client makes, through the facade."""
    for row in journal.families.case_list():
        journal.families.open(row.id, audit=False)
        journal.families.record_history(row.id)
    journal.search("familien")
    journal.facts()
    journal.verify_audit()


def _open_and_use(folder: Path) -> SamJournalError | None:
    """The damage shows at open, on a read, or in the integrity checks; never as anything else."""
    try:
        journal = Journal.open(folder, LEAD, LEAD_PASS)
    except SamJournalError as exc:
        return exc
    try:
        _use_everything(journal)
        journal.check()
    except SamJournalError as exc:
        return exc
    finally:
        journal._ctx.close()
    return None


@pytest.fixture
def grown(journal_dir: Path) -> Path:
    """The template journal with enough rows to span a few dozen pages."""
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    for i in range(40):
        family = journal.families.create(f"Familien Side{i}", district="Lade")
        journal.members.add(family.id, f"Navn Side{i}", birth_year=1980, phone="912 34 567")
    journal.lock()
    assert (journal_dir / "journal.db").stat().st_size > 30 * PAGE
    return journal_dir


def _write(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(path.read_bytes())
    path.write_bytes(bytes(change(data)))


@pytest.mark.parametrize("keep", [0, 1000, PAGE, 7 * PAGE + 17, 0.5])
def test_truncated(grown: Path, keep: float) -> None:
    db = grown / "journal.db"
    size = db.stat().st_size
    _write(db, lambda d: d[: int(size * keep) if isinstance(keep, float) else keep])
    note_reliability("faults")
    error = _open_and_use(grown)
    assert isinstance(error, JournalDamaged)
    _names_the_way_back(error)


@pytest.mark.parametrize("page", [0, 1, 2, 5, 12, 20, -1])
def test_zeroed_page(grown: Path, page: int) -> None:
    db = grown / "journal.db"
    pages = db.stat().st_size // PAGE
    n = page % pages

    def zero(data: bytearray) -> bytearray:
        data[n * PAGE : (n + 1) * PAGE] = bytes(PAGE)
        return data

    _write(db, zero)
    note_reliability("faults")
    error = _open_and_use(grown)
    assert isinstance(error, JournalDamaged), f"page {n}: {error!r}"
    _names_the_way_back(error)


@pytest.mark.parametrize("offset", [20, 100, PAGE + 50, 3 * PAGE + 4000, -10])
def test_flipped_byte(grown: Path, offset: int) -> None:
    def flip(data: bytearray) -> bytearray:
        data[offset] ^= 0x20
        return data

    _write(grown / "journal.db", flip)
    note_reliability("faults")
    error = _open_and_use(grown)
    assert isinstance(error, JournalDamaged), f"offset {offset}: {error!r}"
    _names_the_way_back(error)


def test_stray_wal_from_another_key(grown: Path, tmp_path: Path) -> None:
    other = Database(tmp_path / "other.db", os.urandom(32))
    with other.transaction():
        other.execute("CREATE TABLE t (v)")
        for _ in range(20):
            other.execute("INSERT INTO t VALUES (randomblob(3000))")
    shutil.copy(tmp_path / "other.db-wal", grown / "journal.db-wal")
    other.close()
    note_reliability("faults")
    error = _open_and_use(grown)
    if error is None:  # ignored (its salts do not match): nothing foreign was read
        journal = Journal.open(grown, LEAD, LEAD_PASS)
        assert len(journal.families.case_list()) == 42
        journal.lock()
        return
    assert isinstance(error, JournalDamaged)
    _names_the_way_back(error)


def _ring(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "keyring.json").read_text())


def _put_ring(folder: Path, ring: object) -> None:
    (folder / "keyring.json").write_text(json.dumps(ring))


@pytest.mark.parametrize(
    "damage",
    ["missing", "empty", "garbage", "half", "not_a_keyring", "no_slots", "bad_base64", "sealed"],
)
def test_missing_or_damaged_keyring(grown: Path, damage: str) -> None:
    path = grown / "keyring.json"
    text = path.read_text()
    ring = _ring(grown)
    if damage == "missing":
        path.unlink()
    elif damage == "empty":
        path.write_text("")
    elif damage == "garbage":
        path.write_bytes(os.urandom(500))
    elif damage == "half":
        path.write_text(text[: len(text) // 2])
    elif damage == "not_a_keyring":
        _put_ring(grown, {"format": "something-else"})
    elif damage == "no_slots":
        _put_ring(grown, {**ring, "slots": "none"})
    elif damage == "bad_base64":
        ring["slots"][0]["public_key"] = "***"
        _put_ring(grown, ring)
    elif damage == "sealed":  # the data key sealed to every slot is damaged
        for slot in ring["slots"]:
            ct = bytearray(slot["sealed_data_key"]["ct"].encode())
            ct[4] = ord("A") if ct[4] != ord("A") else ord("B")
            slot["sealed_data_key"]["ct"] = ct.decode()
        _put_ring(grown, ring)
    note_reliability("faults")
    error = _open_and_use(grown)
    assert isinstance(error, KeyringDamaged), f"{damage}: {error!r}"
    _names_the_way_back(error)
    if damage == "missing":
        assert "mangler" in str(error)


def test_a_damaged_key_slot_is_damage_not_a_wrong_passphrase(grown: Path) -> None:
    """A slot whose wrapped key is damaged fails its checksum before the passphrase is tried: it
    says so (not "wrong passphrase"), is not counted as a failed attempt, points to the recovery
    key, and the other users still get in."""
    ring = _ring(grown)
    slot = next(s for s in ring["slots"] if s["user"] == LEAD)
    wrapped = bytearray(slot["wrapped_private"].encode())
    wrapped[6] = ord("A") if wrapped[6] != ord("A") else ord("B")
    slot["wrapped_private"] = wrapped.decode()
    _put_ring(grown, ring)
    for _ in range(4):  # more than the free tries: never throttled, never counted
        error = _open_and_use(grown)
        assert isinstance(error, SlotDamaged)
        assert not isinstance(error, WrongPassphrase)
    assert "Feil brukernavn" not in describe(error, "nb")
    _names_the_way_back(error)
    assert not next(s for s in _ring(grown)["slots"] if s["user"] == LEAD)["failed_unlocks"]
    for user, passphrase in ((WORKER, WORKER_PASS), (OTHER, OTHER_PASS)):
        Journal.open(grown, user, passphrase).lock()


def test_a_keyring_from_another_journal_says_so(grown: Path, template: Template) -> None:
    """Not "database damaged": the keyring is named as the one that does not belong."""
    other = grown.parent / "other"
    Journal.create(
        other, username=LEAD, display_name="Lise", passphrase=LEAD_PASS, cost=TEST_COST
    ).journal.lock()
    shutil.copy(other / "keyring.json", grown / "keyring.json")
    error = _open_and_use(grown)
    assert isinstance(error, ForeignKeyring)
    assert "annen journal" in describe(error, "nb")
    assert "another journal" in describe(error, "en")
    _names_the_way_back(error)


@pytest.mark.parametrize("damage", ["empty", "salt"])
def test_a_damaged_database_is_named_not_the_keyring(grown: Path, damage: str) -> None:
    """A 0-byte journal.db, once opened, became a new database with a salt of its own; that and
    a damaged salt then said "keyring.json belongs to another journal" (reliability review)."""
    db = grown / "journal.db"

    def flip_salt(data: bytearray) -> bytearray:
        data[3] ^= 0xFF
        return data

    _write(db, (lambda d: d[:0]) if damage == "empty" else flip_salt)
    before = db.read_bytes()
    for _ in range(2):  # the first unlock leaves nothing the second would read otherwise
        error = _open_and_use(grown)
        assert isinstance(error, JournalDamaged)
        assert not isinstance(error, KeyringDamaged)
        nb, en = describe(error, "nb"), describe(error, "en")
        assert nb.startswith("Journaldatabasen"), nb
        assert en.startswith("The journal database"), en
        assert "keyring" not in nb + en
        _names_the_way_back(error)
    assert db.read_bytes() == before


def test_a_missing_database(grown: Path) -> None:
    (grown / "journal.db").unlink()
    error = _open_and_use(grown)
    assert isinstance(error, JournalDamaged)
    _names_the_way_back(error)


def test_every_damage_message_names_the_way_back() -> None:
    """Each JournalDamaged/NotAJournal the core raises says what to do next (KeyringDamaged adds
    the restore hint itself)."""
    root = Path(samjournal.__file__).parent
    ways = ("sikkerhetskopi", "Oppdater programmet", "Installer SamJournal", "ingenting ble endret")
    silent = []
    for path in root.rglob("*.py"):
        if {"evaluation", "demo"} & set(path.relative_to(root).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                "JournalDamaged",
                "NotAJournal",
            ):
                text = "".join(
                    a.value if isinstance(a, ast.Constant) else "{}"
                    for arg in node.args
                    for a in (arg.values if isinstance(arg, ast.JoinedStr) else [arg])
                )
                if not any(w in text for w in ways):
                    silent.append(f"{path.name}:{node.lineno} {text!r}")
    assert not silent, silent
