"""Hostile input to the evaluation importers: bundles (into the evaluator's workspace), receipts
and study profiles (into the journal). Each gives its documented error and nothing else, never
hangs, and a refused input changes nothing:

- a bundle: `import_bundles` reports it rejected (BundleRejected inside) and raises nothing;
- a receipt: BundleRejected, or NotFound when it names a study the journal does not know;
- a study profile: BundleRejected, or ValidationError (a municipality name too long).

Inputs come from real ones: random bytes, truncations, byte flips and edits of a real file, zips
re-encrypted to the study's recipient (as anyone with the public study profile can make) with
hostile member names or damaged bytes, and whole bags forged by a stranger journal (its own key,
trusted on first use) whose tables, risk report, data package and bag-info are hostile. Receipts
and profiles are also re-signed or re-fingerprinted after the change, as a careful attacker (or a
broken evaluator) would. An input that is whole after all may be accepted; then what it stored
must still read back and check.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import shutil
import signal
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samjournal.errors import BundleRejected, NotFound, ValidationError
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
    unzip,
)
from samjournal.evaluation.evaluator import (
    Workspace,
    import_bundles,
    status,
    write_datapackage,
)
from samjournal.evaluation.minisign import SigningKey, short_fingerprint
from samjournal.evaluation.profile import canonical
from samjournal.evaluation.tables import ALL_TABLES
from samjournal.journal import Journal
from samjournal.store.db import integrity_problems
from tests.conftest import note_reliability
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    STUDY,
    WS_PASS,
    World,
    dataset,
)
from tests.samjournal.test_fuzz_backup import _mutate, edits, json_values

NORMAL, MANY = 40, 1500
FUZZ = settings(
    max_examples=NORMAL,
    deadline=timedelta(seconds=5),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    derandomize=True,
)
HANG_SECONDS = 10


class Hang(Exception):
    pass


@contextlib.contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Interrupt an importer that runs away (the hypothesis deadline only measures)."""

    def alarm(_signum: int, _frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- real inputs to start from ---------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Material:
    journal: Path  # two bundles exported; bundle 1 not yet marked delivered
    workspace: Path  # bundle 1 imported
    second: bytes  # bundle 2 (incremental, with a tombstone), not yet imported
    root: str  # its bag folder
    files: dict[str, bytes]  # its bag, decrypted
    recipients: list[Any]
    receipt: bytes  # the evaluator's receipt for bundle 1
    receipt_key: SigningKey
    profile: bytes  # study.json

    def __repr__(self) -> str:  # hypothesis prints the fixtures of a failing example
        return f"Material({self.journal.parent})"

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:
        printer.text(repr(self))


@pytest.fixture(scope="module")
def material(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Material:
    root = tmp_path_factory.mktemp("fuzz-evaluation")
    journal_dir, ws_dir = root / "journal", root / "workspace"
    shutil.copytree(template_world.journal, journal_dir)
    shutil.copytree(template_world.workspace, ws_dir)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        first = lead.evaluation.export(STUDY, root / "out").path
        family = template_world.families[0]
        lead.consents.withdraw(lead.consents.for_family(family)[0].id)
        lead.checkins.record(template_world.families[1], 4)
        second = lead.evaluation.export(STUDY, root / "out").path
    finally:
        lead.lock()
    with Workspace.open(ws_dir, WS_PASS) as ws:
        [report] = import_bundles(ws, [first])
        assert report.status == "stored"
        assert report.receipt is not None
        plain = pyrage.decrypt(second.read_bytes(), ws.identities)
        bag, files = unzip(plain)
        return Material(
            journal=journal_dir,
            workspace=ws_dir,
            second=second.read_bytes(),
            root=bag,
            files=files,
            recipients=ws.profile.age_recipients(),
            receipt=report.receipt.read_bytes(),
            receipt_key=ws.receipt_key,
            profile=(ws_dir / "study.json").read_bytes(),
        )


@pytest.fixture
def ws(material: Material, tmp_path: Path) -> Iterator[Workspace]:
    target = tmp_path / "workspace"
    shutil.copytree(material.workspace, target)
    with Workspace.open(target, WS_PASS) as workspace:
        yield workspace


@pytest.fixture
def lead(material: Material, tmp_path: Path) -> Iterator[Journal]:
    target = tmp_path / "journal"
    shutil.copytree(material.journal, target)
    journal = Journal.open(target, LEAD, LEAD_PASS)
    yield journal
    journal.lock()


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


def _stranger_key(journal_id: str) -> SigningKey:
    """One key per stranger journal, so a journal drawn twice is trusted again, not refused."""
    return SigningKey(hashlib.sha256(journal_id.encode()).digest(), b"stranger")


def _forge(
    m: Material, files: dict[str, bytes], info_changes: dict[str, str], journal_id: str
) -> bytes:
    """A bag that passes every cryptographic check: a stranger journal's own key and id, its
    manifests made to match whatever the files now hold, signed, zipped and encrypted."""
    key = _stranger_key(journal_id)
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
    journals = st.binary(min_size=16, max_size=16).map(bytes.hex)
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
@settings(FUZZ, max_examples=MANY)
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
    path.write_bytes(_forge(material, material.files, {}, "ab" * 16))
    [report] = import_bundles(ws, [path])
    assert report.status == "stored", report.lines()
    assert "ny journal" in report.key_note


# -- receipts ----------------------------------------------------------------------------------


def _receipt_json(body: str, signature: str) -> bytes:
    return json.dumps({"receipt": body, "signature": signature}).encode()


def _resign(m: Material, body: str) -> bytes:
    """Signed by the evaluator's own receipt key: what a broken evaluator could send."""
    signature = m.receipt_key.sign(body.encode("utf-8"), trusted_comment="samjournal receipt")
    return _receipt_json(body, signature)


def _hostile_receipts(m: Material) -> st.SearchStrategy[bytes]:
    outer = json.loads(m.receipt)
    body = json.loads(outer["receipt"])
    fields = sorted(body)
    values = st.one_of(
        json_values,
        st.sampled_from(
            [10**30, -1, 0, 2**63, float("inf"), "\ud800", "a\x00b", STUDY.upper(), "x" * 5000]
        ),
    )

    def with_field(args: tuple[int, object, bool]) -> bytes:
        index, value, signed = args
        changed = {**body, fields[index % len(fields)]: value}
        text = json.dumps(changed, sort_keys=True, separators=(",", ":"))
        if signed and text.isascii():
            return _resign(m, text)
        return _receipt_json(text, outer["signature"])

    def with_signature(lines: list[str]) -> bytes:
        return _receipt_json(outer["receipt"], "\n".join(lines))

    sig_lines = outer["signature"].splitlines()
    return st.one_of(
        st.binary(max_size=1024),
        edits.map(lambda e: _mutate(m.receipt, e)),
        st.integers(0, len(m.receipt)).map(lambda n: m.receipt[:n]),
        st.tuples(st.integers(0, 20), values, st.booleans()).map(with_field),
        json_values.map(lambda v: json.dumps(v).encode()),
        json_values.map(lambda v: _receipt_json(json.dumps(v), "x")),
        st.text(max_size=200).map(
            lambda t: _resign(m, t) if t.isascii() else t.encode("utf-8", "surrogatepass")
        ),
        st.tuples(st.integers(0, 3), st.text(max_size=60)).map(
            lambda a: with_signature([*sig_lines[: a[0]], a[1], *sig_lines[a[0] + 1 :]])
        ),
        st.sampled_from(
            [
                b"[" * 10_000 + b"]" * 10_000,
                m.receipt.decode().encode("utf-16"),
                b"\xef\xbb\xbf" + m.receipt,
                m.receipt + b" " * 20_000,
                with_signature([*sig_lines[:2], "trusted comment: \ud800", *sig_lines[3:]]),
                _receipt_json(outer["receipt"] + "\ud800", outer["signature"]),
            ]
        ),
    )


def _journal_state(journal: Journal) -> object:
    return (
        journal.audit_head(),
        journal.evaluation.export_log(),
        journal.evaluation.studies(),
    )


def _undeliver(journal: Journal) -> None:
    """Start every example with bundle 1 not yet confirmed, so a receipt can go all the way."""
    db = journal._require_open().db
    with db.transaction():
        db.execute("UPDATE evaluation_exports SET delivered_at = NULL, receipt = NULL")


def _check_receipt(lead: Journal, data: bytes) -> None:
    _undeliver(lead)
    before = _journal_state(lead)
    note_reliability("fuzz")
    refusal: Exception | None = None
    try:
        with no_hang():
            entry = lead.evaluation.import_receipt(data)
    except (BundleRejected, NotFound) as exc:
        refusal = exc
    if refusal is not None:
        assert str(refusal)
        assert _journal_state(lead) == before, "a refused receipt changed the journal"
        return
    assert entry.delivered
    assert entry.sequence == 1
    assert lead.verify_audit().ok


@FUZZ
@given(data=st.data())
def test_hostile_receipts_are_refused_cleanly(
    data: st.DataObject, material: Material, lead: Journal
) -> None:
    _check_receipt(lead, data.draw(_hostile_receipts(material)))


@pytest.mark.slow
@settings(FUZZ, max_examples=MANY)
@given(data=st.data())
def test_hostile_receipts_many(data: st.DataObject, material: Material, lead: Journal) -> None:
    _check_receipt(lead, data.draw(_hostile_receipts(material)))


def test_the_fuzzed_receipt_is_accepted(material: Material, lead: Journal) -> None:
    _undeliver(lead)
    assert lead.evaluation.import_receipt(material.receipt).delivered


# -- study profiles ----------------------------------------------------------------------------


def _refingerprinted(raw: dict[str, Any]) -> bytes:
    body = {k: v for k, v in raw.items() if k != "fingerprint"}
    with contextlib.suppress(TypeError, ValueError):
        raw = {**raw, "fingerprint": short_fingerprint(canonical(body))}
    return json.dumps(raw).encode("utf-8", "surrogatepass")


def _hostile_profiles(m: Material) -> st.SearchStrategy[bytes]:
    raw = json.loads(m.profile)
    top = sorted(raw)
    policy = sorted(raw["policy"])
    values = st.one_of(
        json_values,
        st.sampled_from(
            [
                10**400,
                -(10**30),
                2**63,
                1e308,
                float("inf"),
                float("nan"),
                True,
                "\ud800",
                "a\x00b",
                "x" * 70_000,
                ["meetings"] * 3,
                ["x" * 81],
                {"meetings": 1},
                "meetings",
                f"{STUDY}\n",
            ]
        ),
    )

    def changed(args: tuple[bool, int, object, bool, str]) -> bytes:
        in_policy, index, value, refingerprint, new_id = args
        out = json.loads(json.dumps(raw))
        if in_policy:
            out["policy"][policy[index % len(policy)]] = value
        else:
            out[top[index % len(top)]] = value
        if new_id and out.get("id") == raw["id"]:
            out["id"] = new_id  # a new study, so an accepted one does not block the next
        if refingerprint:
            return _refingerprinted(out)
        return json.dumps(out).encode("utf-8", "surrogatepass")

    ids = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,20}\Z")
    return st.one_of(
        st.binary(max_size=1024),
        edits.map(lambda e: _mutate(m.profile, e)),
        st.integers(0, len(m.profile)).map(lambda n: m.profile[:n]),
        st.tuples(st.booleans(), st.integers(0, 20), values, st.booleans(), ids).map(changed),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.sampled_from(
            [
                b"[" * 20_000 + b"]" * 20_000,
                b"{" + b'"a":{' * 5000 + b"}" * 5001,
                m.profile.decode().encode("utf-16"),
                m.profile + b" " * 70_000,
                _refingerprinted({**raw, "unknown": 1}),
            ]
        ),
    )


def _check_profile(lead: Journal, data: bytes) -> None:
    before = (lead.audit_head(), lead.evaluation.studies())
    note_reliability("fuzz")
    refusal: Exception | None = None
    try:
        with no_hang():
            profile = lead.evaluation.import_study(data)
    except (BundleRejected, ValidationError) as exc:
        refusal = exc
    if refusal is not None:
        assert str(refusal)
        assert (lead.audit_head(), lead.evaluation.studies()) == before
        return
    # Accepted (whole, or changed and fingerprinted again): it reads back, and the journal can
    # work out an export with it.
    assert lead.evaluation.profile(profile.id) == profile
    with no_hang():
        lead.evaluation.preview(profile.id)
    assert lead.verify_audit().ok


@FUZZ
@given(data=st.data())
def test_hostile_profiles_are_refused_cleanly(
    data: st.DataObject, material: Material, lead: Journal
) -> None:
    _check_profile(lead, data.draw(_hostile_profiles(material)))


@pytest.mark.slow
@settings(FUZZ, max_examples=MANY)
@given(data=st.data())
def test_hostile_profiles_many(data: st.DataObject, material: Material, lead: Journal) -> None:
    _check_profile(lead, data.draw(_hostile_profiles(material)))


def test_the_fuzzed_profile_imports(material: Material, lead: Journal) -> None:
    assert lead.evaluation.import_study(material.profile).id == STUDY


# A refusal must never leave a file behind either: the importers only read.
def test_importers_write_nothing_beside_their_input(
    material: Material, ws: Workspace, lead: Journal, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, data in (
        ("b.age", b"junk"),
        ("r.json", b"{}"),
        ("p.json", b"[]"),
    ):
        (folder / name).write_bytes(data)
    import_bundles(ws, [folder / "b.age"])
    with pytest.raises(BundleRejected):
        lead.evaluation.import_receipt(folder / "r.json")
    with pytest.raises(BundleRejected):
        lead.evaluation.import_study(folder / "p.json")
    assert sorted(p.name for p in folder.iterdir()) == ["b.age", "p.json", "r.json"]


# -- what the fuzzing found, pinned ----------------------------------------------------------
# Each of these raised something other than the importer's own error (RecursionError,
# OverflowError, UnicodeEncodeError, TypeError) or, for the study id, was accepted.


def _body(m: Material, **changes: object) -> str:
    body = {**json.loads(json.loads(m.receipt)["receipt"]), **changes}
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


RECEIPTS: dict[str, Callable[[Material], bytes]] = {
    "deeply nested": lambda m: b"[" * 5000 + b"]" * 5000,
    "sequence Infinity": lambda m: _receipt_json(_body(m, sequence=float("inf")), "x"),
    "study id with a lone surrogate": lambda m: _receipt_json(_body(m, study_id="\ud800"), "x"),
    "signed, stored_at a lone surrogate": lambda m: _resign(m, _body(m, stored_at="\ud800")),
    "signed, sequence past 64 bits": lambda m: _resign(m, _body(m, sequence=2**70)),
    "trusted comment a lone surrogate": lambda m: _receipt_json(
        json.loads(m.receipt)["receipt"],
        "\n".join(
            "trusted comment: \ud800" if line.startswith("trusted comment") else line
            for line in json.loads(m.receipt)["signature"].splitlines()
        ),
    ),
    "the real receipt in UTF-16": lambda m: m.receipt.decode().encode("utf-16"),
}


@pytest.mark.parametrize("case", sorted(RECEIPTS))
def test_receipts_the_fuzzing_found(material: Material, lead: Journal, case: str) -> None:
    _undeliver(lead)
    before = _journal_state(lead)
    with pytest.raises(BundleRejected):
        lead.evaluation.import_receipt(RECEIPTS[case](material))
    assert _journal_state(lead) == before


def _profile(m: Material, change: Callable[[dict[str, Any]], object]) -> bytes:
    raw = json.loads(m.profile)
    change(raw)
    return _refingerprinted(raw)


PROFILES: dict[str, Callable[[Material], bytes]] = {
    "deeply nested": lambda m: b"[" * 5000 + b"]" * 5000,
    "max_suppression 10**400": lambda m: _profile(
        m, lambda r: r["policy"].update(max_suppression=10**400)
    ),
    # a new study, or the journal refuses it for having another fingerprint than the one it has
    "name with a lone surrogate": lambda m: _profile(
        m, lambda r: r.update(id="ny-studie", name="a\ud800")
    ),
    "municipality with a lone surrogate": lambda m: _profile(
        m, lambda r: (r.update(id="ny-studie"), r["policy"].update(municipality="\ud800"))
    ),
    "id ending in a newline": lambda m: _profile(m, lambda r: r.update(id=f"{STUDY}\n")),
}


@pytest.mark.parametrize("case", sorted(PROFILES))
def test_profiles_the_fuzzing_found(material: Material, lead: Journal, case: str) -> None:
    before = (lead.audit_head(), lead.evaluation.studies())
    with pytest.raises(BundleRejected):
        lead.evaluation.import_study(PROFILES[case](material))
    assert (lead.audit_head(), lead.evaluation.studies()) == before


def _rows_with_version(m: Material, version: str) -> dict[str, bytes]:
    lines = m.files["data/households.csv"].decode().split("\r\n")
    lines[1] = ",".join([*lines[1].split(",")[:-1], version])
    return {**m.files, "data/households.csv": "\r\n".join(lines).encode()}


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
