"""Hostile bundles for the evaluator's import: random bytes, truncations, byte flips, zips
re-encrypted to the study's recipient with hostile member names, and whole bags forged by a
stranger journal (its own key, registered as a known sender so the bag reaches the parser; or an
unregistered id, refused). `import_bundles` reports each rejected
(BundleRejected inside), raises nothing, never hangs, and changes nothing."""

# The shared fixtures are imported by name and then taken as parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.errors import BundleRejected
from samjournal.evaluation.bundle import (
    AGE_MAGIC,
    KEY_FILE,
    SIGNATURE,
    TAG_FILES,
    TAGMANIFEST,
    _header,
    _manifest,
    _parse_info,
    _trusted_comment,
)
from samjournal.evaluation.evaluator import (
    Workspace,
    import_bundles,
    status,
    write_datapackage,
)
from samjournal.evaluation.tables import ALL_TABLES
from samjournal.store.db import integrity_problems
from tests.conftest import note_reliability
from tests.fuzz.settings import fuzz_settings
from tests.samjournal.evaluation.conftest import (
    STUDY,
    dataset,
)
from tests.samjournal.evaluation.fuzz_support import (  # noqa: F401 - fixtures
    FUZZ,
    MANY,
    STRANGER_SITE,
    STRANGERS,
    Material,
    lead,
    material,
    no_hang,
    stranger_key,
    ws,
)
from tests.samjournal.test_fuzz_backup import _mutate, edits, json_values

# -- bundles -----------------------------------------------------------------------------------

HOSTILE_NAMES = (
    "../evil.csv",
    "/etc/passwd",
    "C:/Windows/evil.txt",
    "C:evil",
    "\\\\server\\share\\x",
    "{root}/../evil",
    "{root}/data/../../evil",
    "{root}//data/x.csv",
    "{root}/./bagit.txt",
    "{root}/data/\x00.csv",
    "{root}/data/" + "a" * 400 + ".csv",
    "{root}/bagit.txt",  # the same name twice
    "{root}",
    "{root}/",
    "{root}/data/households.csv/",
    "other-root/bagit.txt",
    "{root}/data/ｈouseholds.csv",  # a look-alike
    "{root}/DATA/households.csv",
)


def _zip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": on purpose
        with zipfile.ZipFile(out, "w", compression) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return out.getvalue()


def _bag_entries(files: dict[str, bytes], root: str) -> list[tuple[str, bytes]]:
    return [(f"{root}/{name}", data) for name, data in sorted(files.items())]


def _seal(m: Material, plain: bytes) -> bytes:
    return bytes(pyrage.encrypt(plain, m.recipients))


def _forge(
    m: Material, files: dict[str, bytes], info_changes: dict[str, str], journal_id: str
) -> bytes:
    """A bag that passes every cryptographic check: a stranger journal's own key and id, its
    manifests made to match whatever the files now hold, signed, zipped and encrypted."""
    key = stranger_key(journal_id)
    files = dict(files)
    lines = files["bag-info.txt"].decode("utf-8").splitlines()
    info = dict(line.split(": ", 1) for line in lines)
    info.update(
        {"SamJournal-Journal-Id": journal_id, "SamJournal-Signing-Key": key.public.key_id_hex}
    )
    info.update(info_changes)
    payload = {p: d for p, d in files.items() if p.startswith("data/")}
    info["Payload-Oxum"] = f"{sum(len(d) for d in payload.values())}.{len(payload)}"
    files["manifest-sha256.txt"] = _manifest(payload)
    files["bag-info.txt"] = "".join(f"{k}: {v}\n" for k, v in info.items()).encode("utf-8")
    files[KEY_FILE] = key.public.to_file().encode("ascii")
    files[TAGMANIFEST] = _manifest({n: files[n] for n in TAG_FILES})
    try:
        header = _header(_parse_info(files["bag-info.txt"]))
        root, trusted = header.bag_name(), _trusted_comment(header)
    except BundleRejected:
        root, trusted = m.root, "samjournal bundle"
    with contextlib.suppress(ValueError):  # a comment too long for minisign: unsigned then
        files[SIGNATURE] = key.sign(files[TAGMANIFEST], trusted_comment=trusted).encode()
    return _seal(m, _zip(_bag_entries(files, root)))


CSV_TEXT = st.text(
    alphabet=st.sampled_from(list('0123456789-hmnpc,"\r\n .xæ\x00\x1f')) | st.characters(),
    max_size=12,
)
NUMBERS = st.sampled_from(
    ["0", "-1", "1", "9" * 30, "1e5", "1_000", "٣", " 7", "+3", "nan", "", "2" * 5000]
)
INFO_VALUES = st.one_of(
    NUMBERS,
    st.text(max_size=30).filter(lambda t: "\n" not in t and "\r" not in t),
    st.sampled_from(
        [
            "full",
            "incremental",
            "none",
            "0" * 64,
            "1-99999999999999999999999",
            "5-2",
            "-",
            "2026-13-40T99:00:00",
            "9999-12-31T23:59:59+14:00",
            STUDY.upper(),
        ]
    ),
)
INFO_FIELDS = st.sampled_from(
    [
        "SamJournal-Sequence",
        "SamJournal-Kind",
        "SamJournal-Change-Range",
        "SamJournal-Created",
        "SamJournal-Previous-Bundle",
        "SamJournal-Format",
        "SamJournal-Study-Id",
        "Bagging-Date",
    ]
)


def _table_rows(name: str) -> st.SearchStrategy[bytes]:
    header = ALL_TABLES[name].header
    cell = st.one_of(CSV_TEXT, NUMBERS, st.sampled_from(["h1", "m1", "h" + "9" * 40, "households"]))
    rows = st.lists(st.lists(cell, min_size=len(header), max_size=len(header)), max_size=6)

    def render(body: list[list[str]]) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(body)
        return out.getvalue().encode("utf-8", "surrogatepass")

    return rows.map(render)


HOSTILE_JSON = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    st.sampled_from(
        [
            b"[" * 5000 + b"]" * 5000,
            b'{"a": 1e999}',
            b'{"x": "\\ud800"}',
            b'"\xed\xa0\x80"',
            b"NaN",
            b"9" * 5000,
            b"",
            b"\xff\xfe{\x00}\x00",
        ]
    ),
)


def _hostile_bundles(m: Material) -> st.SearchStrategy[bytes]:
    valid = m.second
    plain_zip = _zip(_bag_entries(m.files, m.root))
    payload = sorted(p for p in m.files if p.startswith("data/"))
    tables = sorted(n for n in ALL_TABLES if f"data/{n}.csv" in m.files)
    journals = st.one_of(
        st.sampled_from(STRANGERS), st.binary(min_size=16, max_size=16).map(bytes.hex)
    )
    inside = st.text(min_size=1, max_size=40).map(lambda t: "{root}/" + t)
    names = st.one_of(st.sampled_from(HOSTILE_NAMES), inside).filter(
        lambda n: not any(0xD800 <= ord(c) <= 0xDFFF for c in n)
    )

    def with_names(extra: list[tuple[str, bytes]]) -> bytes:
        entries = _bag_entries(m.files, m.root)
        entries += [(name.replace("{root}", m.root), data) for name, data in extra]
        return _seal(m, _zip(entries))

    def forged(name: str, data: bytes, journal_id: str) -> bytes:
        return _forge(m, {**m.files, name: data}, {}, journal_id)

    def flip(offset: int, bit: int) -> bytes:
        return valid[:offset] + bytes([valid[offset] ^ (1 << bit)]) + valid[offset + 1 :]

    table_rows = st.sampled_from(tables).flatmap(
        lambda t: _table_rows(t).map(lambda data: (f"data/{t}.csv", data))
    )
    return st.one_of(
        st.binary(max_size=4096),
        st.binary(max_size=2048).map(lambda b: AGE_MAGIC + b),
        st.integers(0, len(valid)).map(lambda n: valid[:n]),
        st.builds(flip, st.integers(0, len(valid) - 1), st.integers(0, 7)),
        edits.map(lambda e: _mutate(valid, e)),
        # the zip itself damaged, then encrypted again (gets past age to the zip reader)
        edits.map(lambda e: _seal(m, _mutate(plain_zip, e))),
        st.integers(0, len(plain_zip)).map(lambda n: _seal(m, plain_zip[:n])),
        st.binary(max_size=2048).map(lambda b: _seal(m, b)),
        # hostile member names inside a re-encrypted bag
        st.lists(st.tuples(names, st.binary(max_size=64)), min_size=1, max_size=3).map(with_names),
        st.just(_seal(m, _zip(_bag_entries(m.files, m.root), zipfile.ZIP_STORED))),
        # forged by a stranger journal: every check passes up to the content
        st.tuples(st.sampled_from(payload), edits, journals).map(
            lambda a: forged(a[0], _mutate(m.files[a[0]], a[1]), a[2])
        ),
        st.tuples(table_rows, journals).map(lambda a: forged(a[0][0], a[0][1], a[1])),
        st.builds(
            forged,
            st.sampled_from(["data/disclosure-risk.json", "data/datapackage.json"]),
            HOSTILE_JSON,
            journals,
        ),
        st.builds(
            forged,
            st.just("data/datapackage.json"),
            st.builds(
                _changed_package,
                st.just(m.files["data/datapackage.json"]),
                st.integers(0, 20),
                json_values,
            ),
            journals,
        ),
        st.builds(
            lambda changes, journal_id: _forge(m, m.files, changes, journal_id),
            st.dictionaries(INFO_FIELDS, INFO_VALUES, min_size=1, max_size=3),
            journals,
        ),
        journals.map(lambda journal_id: _forge(m, m.files, {}, journal_id)),
    )


def _changed_package(package: bytes, where: int, value: object) -> bytes:
    """The data package with one place changed: a resource's field, or the resource list."""
    raw = json.loads(package)
    resources = raw["resources"]
    if where == 0:
        raw["resources"] = value
    elif where == 1:
        resources.append(value)
    elif where == 2:
        resources.append(resources[0])
    elif where == 3 and resources:
        resources.pop(where % len(resources))
    else:
        target = resources[where % len(resources)]
        keys = sorted(target)
        target[keys[where % len(keys)]] = value
    return json.dumps(raw).encode()


def _ws_snapshot(ws: Workspace) -> object:
    db = ws.db
    return (
        dataset(ws),
        [tuple(r) for r in db.all("SELECT * FROM bundles ORDER BY 1")],
        [tuple(r) for r in db.all("SELECT * FROM journal_keys ORDER BY 1, 2")],
        sorted(p.name for p in ws.folder.receipts_path.iterdir()),
    )


def _check_bundle(ws: Workspace, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "hostile.age"
    path.write_bytes(data)
    before = _ws_snapshot(ws)
    note_reliability("fuzz")
    with no_hang():
        [report] = import_bundles(ws, [path])
    if report.status == "rejected":
        assert report.reason
        assert _ws_snapshot(ws) == before, "a rejected bundle changed the workspace"
        return
    # Whole after all (a stranger journal's well-formed bundle, or bundle 2 itself): what it
    # stored must check and read back.
    assert integrity_problems(ws.db) == []
    with no_hang():
        status(ws).lines()
        out = tmp_path / "dataset"
        write_datapackage(ws, out)  # what the evaluator does next
        shutil.rmtree(out)


@FUZZ
@given(data=st.data())
def test_hostile_bundles_are_rejected_cleanly(
    data: st.DataObject, material: Material, ws: Workspace, tmp_path: Path
) -> None:
    _check_bundle(ws, data.draw(_hostile_bundles(material)), tmp_path)


@pytest.mark.slow
@fuzz_settings(MANY)
@given(data=st.data())
def test_hostile_bundles_many(
    data: st.DataObject, material: Material, ws: Workspace, tmp_path: Path
) -> None:
    _check_bundle(ws, data.draw(_hostile_bundles(material)), tmp_path)


def test_the_fuzzed_bundle_and_a_forged_one_import(
    material: Material, ws: Workspace, tmp_path: Path
) -> None:
    """The fuzz starts from inputs that get all the way in, or it proves little."""
    path = tmp_path / "b.age"
    path.write_bytes(material.second)
    assert import_bundles(ws, [path])[0].status == "stored"
    path.write_bytes(_forge(material, material.files, {}, STRANGERS[0]))
    [report] = import_bundles(ws, [path])
    assert report.status == "stored", report.lines()
    assert report.site == STRANGER_SITE


# -- what the fuzzing found, pinned ----------------------------------------------------------
# Each of these raised something other than the importer's own error (RecursionError,
# OverflowError, UnicodeEncodeError, TypeError) or, for the study id, was accepted.


def _rows_with_version(m: Material, version: str) -> dict[str, bytes]:
    lines = m.files["data/households.csv"].decode().split("\r\n")
    lines[1] = ",".join([*lines[1].split(",")[:-1], version])
    return {**m.files, "data/households.csv": "\r\n".join(lines).encode()}


def _first_row_cell(m: Material, table: str, column: str, value: str) -> dict[str, bytes]:
    """The files with one cell of the table's first row replaced (the header names the column)."""
    rows = list(csv.reader(io.StringIO(m.files[f"data/{table}.csv"].decode(), newline="")))
    rows[1][rows[0].index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return {**m.files, f"data/{table}.csv": out.getvalue().encode()}


BUNDLES: dict[str, Callable[[Material], bytes]] = {
    "resources null": lambda m: _forge(
        m, {**m.files, "data/datapackage.json": b'{"resources": null}'}, {}, "cd" * 16
    ),
    "risk report deeply nested": lambda m: _forge(
        m, {**m.files, "data/disclosure-risk.json": b"[" * 5000 + b"]" * 5000}, {}, "cd" * 16
    ),
    "risk report with a lone surrogate": lambda m: _forge(
        m, {**m.files, "data/disclosure-risk.json": b'{"x": "\\ud800"}'}, {}, "cd" * 16
    ),
    "sequence past 64 bits": lambda m: _forge(
        m, m.files, {"SamJournal-Sequence": str(2**64)}, "cd" * 16
    ),
    "change range past 64 bits": lambda m: _forge(
        m, m.files, {"SamJournal-Change-Range": f"1-{2**64}"}, "cd" * 16
    ),
    # these two were stored, then crashed the statistics files (a category or number they
    # cannot code)
    "a check-in answered by no known role": lambda m: _forge(
        m, _first_row_cell(m, "checkins", "answered_by", "famil}"), {}, "cd" * 16
    ),
    "a check-in day that is no number": lambda m: _forge(
        m, _first_row_cell(m, "checkins", "day", "12x"), {}, "cd" * 16
    ),
    "a row version past 64 bits": lambda m: _forge(
        m, _rows_with_version(m, str(2**64)), {}, "cd" * 16
    ),
}


@pytest.mark.parametrize("case", sorted(BUNDLES))
def test_bundles_the_fuzzing_found(
    material: Material, ws: Workspace, tmp_path: Path, case: str
) -> None:
    before = _ws_snapshot(ws)
    path = tmp_path / "forged.age"
    path.write_bytes(BUNDLES[case](material))
    [report] = import_bundles(ws, [path])
    assert report.status == "rejected", report.lines()
    assert _ws_snapshot(ws) == before
