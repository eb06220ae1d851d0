from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from samjournal.errors import (
    KeyringDamaged,
    SlotDamaged,
    UnknownUser,
    ValidationError,
    WrongPassphrase,
)
from samjournal.kdf import FLOOR_COST, TEST_COST, KdfCost, calibrate
from samjournal.keyring import (
    Keyring,
    Slot,
    _new_slot,
    new_recovery_key,
    normalise_recovery_key,
    unlock_delay,
)

DATA_KEY = os.urandom(32)


@pytest.fixture
def ring() -> tuple[Keyring, str]:
    recovery = new_recovery_key()
    return Keyring.new(DATA_KEY, recovery).with_user(
        "kari", "kari sitt pass", DATA_KEY, TEST_COST
    ), recovery


def test_user_and_recovery_slots_open_the_data_key(ring: tuple[Keyring, str]) -> None:
    keyring, recovery = ring
    assert keyring.unlock("kari", "kari sitt pass") == DATA_KEY
    assert keyring.unlock_recovery(recovery) == DATA_KEY
    assert keyring.unlock_recovery(recovery.lower().replace("-", " ")) == DATA_KEY


def test_wrong_passphrase_and_unknown_user(ring: tuple[Keyring, str]) -> None:
    keyring, _ = ring
    with pytest.raises(WrongPassphrase):
        keyring.unlock("kari", "feil pass")
    with pytest.raises(UnknownUser):
        keyring.unlock("ola", "kari sitt pass")


# "blåbær på søndag": precomposed letters, and the same letters as base letter plus a combining
# mark (what a Mac's file names and some input methods give).
COMPOSED = unicodedata.normalize("NFC", "blåbær på søndag")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_a_passphrase_opens_in_either_unicode_form() -> None:
    assert COMPOSED != DECOMPOSED  # "å" is one code point in one, two in the other
    keyring = Keyring.new(DATA_KEY, new_recovery_key()).with_user(
        "kari", DECOMPOSED, DATA_KEY, TEST_COST
    )
    assert keyring.unlock("kari", COMPOSED) == DATA_KEY
    assert keyring.unlock("kari", DECOMPOSED) == DATA_KEY
    with pytest.raises(WrongPassphrase):
        keyring.unlock("kari", unicodedata.normalize("NFD", "blabær på søndag"))


def test_a_slot_made_from_an_unnormalised_passphrase_opens_in_either_form() -> None:
    """Slots made before passphrases were normalised hold the bytes as typed then."""
    keyring = Keyring.new(DATA_KEY, new_recovery_key())
    slot = _new_slot(
        keyring.journal_id,
        keyring.key_epoch,
        "user-1",
        "user",
        "kari",
        DECOMPOSED.encode("utf-8"),
        DATA_KEY,
        TEST_COST,
    )
    keyring = keyring.with_slot(slot)
    assert keyring.unlock("kari", DECOMPOSED) == DATA_KEY
    assert keyring.unlock("kari", COMPOSED) == DATA_KEY
    with pytest.raises(WrongPassphrase):
        keyring.unlock("kari", "feil pass")


def test_a_passphrase_read_as_bytes_that_are_not_utf8_is_wrong_not_a_crash(
    ring: tuple[Keyring, str],
) -> None:
    """A script saved in Latin-1, or a terminal that is not UTF-8: Python holds the bytes it
    cannot decode as lone surrogates ("blåbær" in Latin-1 read from the environment)."""
    keyring, _ = ring
    latin = "bl\udce5b\udce6r"
    with pytest.raises(WrongPassphrase):
        keyring.unlock("kari", latin)
    with pytest.raises(WrongPassphrase):
        keyring.unlock("kari", "kari \ud800")
    made = keyring.with_user("ola", latin, DATA_KEY, TEST_COST)  # the same bytes open it again
    assert made.unlock("ola", latin) == DATA_KEY


def test_recovery_key_is_grouped_and_checked() -> None:
    key = new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    typo = key[:-1] + ("2" if key[-1] != "2" else "3")
    with pytest.raises(ValidationError, match="kontrollgruppen"):
        normalise_recovery_key(typo)
    with pytest.raises(ValidationError, match="ugyldige tegn"):
        normalise_recovery_key(key.replace(key[0], "0"))


def test_kdf_parameters_are_bound_to_the_slot(ring: tuple[Keyring, str], tmp_path: Path) -> None:
    keyring, _ = ring
    path = tmp_path / "keyring.json"
    keyring.save(path)
    raw = json.loads(path.read_text())
    slot = next(s for s in raw["slots"] if s["user"] == "kari")
    slot["kdf"]["iterations"] += 1  # a downgrade or upgrade attempt
    path.write_text(json.dumps(raw))
    with pytest.raises(SlotDamaged):  # the slot's checksum tells the edit at once
        Keyring.load(path).unlock("kari", "kari sitt pass")
    slot["check"] = Slot.from_json(slot).digest()  # one who also fixes the (unkeyed) checksum
    path.write_text(json.dumps(raw))
    with pytest.raises(WrongPassphrase):  # still fails on the AEAD's associated data
        Keyring.load(path).unlock("kari", "kari sitt pass")


def test_user_name_is_bound_to_the_slot(ring: tuple[Keyring, str], tmp_path: Path) -> None:
    keyring, _ = ring
    path = tmp_path / "keyring.json"
    keyring.save(path)
    raw = json.loads(path.read_text())
    slot = next(s for s in raw["slots"] if s["user"] == "kari")
    slot["user"] = "mallory"
    slot["check"] = Slot.from_json(slot).digest()
    path.write_text(json.dumps(raw))
    with pytest.raises(WrongPassphrase):
        Keyring.load(path).unlock("mallory", "kari sitt pass")


def test_reseal_reaches_remaining_slots_and_not_the_removed(ring: tuple[Keyring, str]) -> None:
    keyring, recovery = ring
    keyring = keyring.with_user("per", "pers passord", DATA_KEY, TEST_COST)
    new_key = os.urandom(32)
    after = keyring.without_user("per").resealed(new_key, DATA_KEY)
    assert after.key_epoch == keyring.key_epoch + 1
    assert after.unlock("kari", "kari sitt pass") == new_key
    assert after.unlock_recovery(recovery) == new_key
    assert "per" not in after.usernames
    assert keyring.unlock("per", "pers passord") == DATA_KEY  # only the old key, never the new


def test_passphrase_change_rewraps_one_slot(ring: tuple[Keyring, str]) -> None:
    keyring, _ = ring
    keyring = keyring.with_user("per", "pers passord", DATA_KEY, TEST_COST)
    changed = keyring.with_user("kari", "nytt pass for kari", DATA_KEY, TEST_COST)
    assert changed.unlock("kari", "nytt pass for kari") == DATA_KEY
    with pytest.raises(WrongPassphrase):
        changed.unlock("kari", "kari sitt pass")
    before = {s.id: s for s in keyring.slots}
    assert [s for s in changed.slots if s.user == "per"] == [
        s for s in before.values() if s.user == "per"
    ]


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"format": "other"}', b'{"format": "samjournal-keyring", "version": 1}'],
)
def test_damaged_keyring_is_told_apart(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "keyring.json"
    path.write_bytes(content)
    with pytest.raises(KeyringDamaged):
        Keyring.load(path)


def test_unlock_delay_grows_and_is_capped() -> None:
    delays = [unlock_delay(n) for n in range(12)]
    assert delays[:3] == [0, 0, 0]
    assert delays[3:6] == [2, 4, 8]
    assert delays == sorted(delays)
    assert unlock_delay(100) == 300


def test_calibration_never_goes_below_the_floor() -> None:
    cost = calibrate(target_seconds=0.001)
    assert not cost.below_floor
    assert cost.memory_kib >= FLOOR_COST.memory_kib
    assert TEST_COST.below_floor
    assert KdfCost(64 * 1024, 3).iterations == 3


def test_failure_times_must_be_times(ring: tuple[Keyring, str], tmp_path: Path) -> None:
    keyring, _ = ring
    path = tmp_path / "keyring.json"
    keyring.save(path)
    raw = json.loads(path.read_text())
    next(s for s in raw["slots"] if s["user"] == "kari")["failed_unlocks"] = ["Õ\x10t"]
    path.write_text(json.dumps(raw))
    with pytest.raises(KeyringDamaged):
        Keyring.load(path)


def test_the_unlock_screen_reads_full_names_without_a_key(journal_dir) -> None:
    from samjournal.journal import Journal
    from samjournal.keyring import Keyring
    from tests.conftest import LEAD, LEAD_PASS, OTHER, WORKER

    assert Journal.people(journal_dir) == [
        (WORKER, "Kari Nilsen"),
        (LEAD, "Lise Leder"),
        (OTHER, "Per Hansen"),
    ]
    # A journal from before names were kept shows usernames until someone unlocks it.
    path = journal_dir / "keyring.json"
    Keyring.load(path).with_names({WORKER: "", LEAD: "", OTHER: ""}).save(path)
    assert Journal.people(journal_dir) == [(WORKER, WORKER), (LEAD, LEAD), (OTHER, OTHER)]
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()
    assert [name for _user, name in Journal.people(journal_dir)] == [
        "Kari Nilsen",
        "Lise Leder",
        "Per Hansen",
    ]
