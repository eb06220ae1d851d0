"""Hostile backups: random and mutated archives give BackupInvalid or WrongPassphrase and nothing
else, never hang, and never replace the journal that is there (a mutation that still makes a
whole, valid backup may restore, and then the journal it restores must be intact)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.backup import read_manifest, restore
from samjournal.errors import BackupInvalid, WrongPassphrase
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS, Template, note_reliability
from tests.fuzz.settings import fuzz_settings

NORMAL, MANY = 30, 1500
FUZZ = fuzz_settings(NORMAL)
NAMES = ("manifest.json", "journal.db", "keyring.json")


@pytest.fixture(scope="module")
def valid(template: Template, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz-backup") / "journal"
    shutil.copytree(template.path, folder)
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    target = journal.backup(folder.parent / "good.sjbak")
    journal.lock()
    return target.read_bytes()


def _parts(backup: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(backup)) as zf:
        return {name: zf.read(name) for name in NAMES}


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def _resealed(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Manifest checksums made to match the (mutated) parts, as a careful attacker would."""
    manifest = json.loads(parts["manifest.json"])
    manifest["sha256"] = {
        n: hashlib.sha256(parts[n]).hexdigest() for n in ("journal.db", "keyring.json")
    }
    return {**parts, "manifest.json": json.dumps(manifest).encode()}


def _mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Flip, overwrite, cut or insert bytes at the given places."""
    buf = bytearray(data)
    for kind, where, value in edits:
        if not buf:
            break
        i = where % len(buf)
        if kind == 0:
            buf[i] ^= 1 << (value % 8)
        elif kind == 1:
            buf[i] = value % 256
        elif kind == 2:
            del buf[i : i + 1 + value % 64]
        else:
            buf[i:i] = bytes([value % 256]) * (1 + value % 16)
    return bytes(buf)


edits = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 2**31), st.integers(0, 255)),
    min_size=1,
    max_size=6,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _hostile_backups(valid: bytes) -> st.SearchStrategy[bytes]:
    parts = _parts(valid)
    keyring = json.loads(parts["keyring.json"])

    def with_keyring_field(path_and_value: tuple[int, int, object]) -> bytes:
        slot, field, value = path_and_value
        ring = json.loads(json.dumps(keyring))
        slots = ring["slots"]
        target = slots[slot % len(slots)]
        keys = sorted(target) + sorted(target["kdf"])
        key = keys[field % len(keys)]
        (target if key in target else target["kdf"])[key] = value
        return _zip(_resealed({**parts, "keyring.json": json.dumps(ring).encode()}))

    kdf_values = st.sampled_from([0, -1, 7, 2**20, 2**31, 10**12, "1", None, 3.5, [], {}])
    return st.one_of(
        st.binary(max_size=2048),
        edits.map(lambda e: _mutate(valid, e)),
        st.integers(0, len(valid)).map(lambda n: valid[:n]),
        # whole-looking archives whose parts lie, checksums made to match
        edits.map(
            lambda e: _zip(_resealed({**parts, "journal.db": _mutate(parts["journal.db"], e)}))
        ),
        edits.map(
            lambda e: _zip(_resealed({**parts, "keyring.json": _mutate(parts["keyring.json"], e)}))
        ),
        st.tuples(st.integers(0, 9), st.integers(0, 30), json_values | kdf_values).map(
            with_keyring_field
        ),
        json_values.map(lambda m: _zip({**parts, "manifest.json": json.dumps(m).encode()})),
        st.just(_zip(parts, zipfile.ZIP_DEFLATED)),  # not how we write them: refused
        st.just(_zip({**parts, "extra.txt": b"x"})),
        st.just(_zip({**parts, "manifest.json": b"[" * 50_000 + b"]" * 50_000})),
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _check_one(source: Path, target: Path, reset: Callable[[], None]) -> None:
    before = _snapshot(target)
    note_reliability("fuzz")
    try:
        read_manifest(source)
        kept = restore(source, target, LEAD, LEAD_PASS).kept
    except (BackupInvalid, WrongPassphrase):
        assert _snapshot(target) == before, "a refused backup changed the journal"
        leftovers = [p for p in target.parent.iterdir() if p.name.startswith(".restore")]
        assert not leftovers
        return
    # It was a whole backup after all: what it restored must open and be intact.
    journal = Journal.open(target, LEAD, LEAD_PASS)
    try:
        assert journal.integrity_problems() == []
    finally:
        journal.lock()
    if kept is not None:
        shutil.rmtree(kept)
    reset()


def _run(valid: bytes, tmp_path: Path, data: bytes, journal_dir: Path, template: Template) -> None:
    source = tmp_path / "hostile.sjbak"
    source.write_bytes(data)

    def reset() -> None:
        shutil.rmtree(journal_dir)
        shutil.copytree(template.path, journal_dir)

    _check_one(source, journal_dir, reset)


@FUZZ
@given(data=st.data())
def test_hostile_backups_are_refused_cleanly(
    data: st.DataObject, valid: bytes, tmp_path: Path, journal_dir: Path, template: Template
) -> None:
    _run(valid, tmp_path, data.draw(_hostile_backups(valid)), journal_dir, template)


@pytest.mark.slow
@fuzz_settings(MANY)
@given(data=st.data())
def test_hostile_backups_many(
    data: st.DataObject, valid: bytes, tmp_path: Path, journal_dir: Path, template: Template
) -> None:
    _run(valid, tmp_path, data.draw(_hostile_backups(valid)), journal_dir, template)


def test_the_valid_backup_restores(valid: bytes, tmp_path: Path, journal_dir: Path) -> None:
    """The fuzz starts from a good backup: it must restore, or the test proves nothing."""
    source = tmp_path / "good.sjbak"
    source.write_bytes(valid)
    kept = restore(source, journal_dir, LEAD, LEAD_PASS).kept
    assert kept is not None
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory_kib", 2**31), ("iterations", 10**9), ("lanes", 10**6), ("memory_kib", 4)],
)
def test_an_absurd_kdf_cost_is_refused_before_deriving(
    journal_dir: Path, field: str, value: int
) -> None:
    """A hostile keyring cannot make the unlock allocate gigabytes or run for hours."""
    import time

    from samjournal.errors import KeyringDamaged

    path = journal_dir / "keyring.json"
    ring = json.loads(path.read_text())
    for slot in ring["slots"]:
        if slot["kdf"]["alg"] == "argon2id":
            slot["kdf"][field] = value
            slot.pop("check")  # a hostile file need not carry a checksum (it is not a MAC)
    path.write_text(json.dumps(ring))
    start = time.perf_counter()
    with pytest.raises(KeyringDamaged, match="KDF"):
        Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert time.perf_counter() - start < 2
