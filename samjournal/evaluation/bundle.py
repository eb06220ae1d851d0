"""The bundle: a BagIt bag (RFC 8493) holding a Frictionless data package, signed, zipped, and
encrypted to the study's age recipients. Each layer opens with its standard tool.

    <bundle>.age                       age v1, X25519 recipients of the study
      <bag>/                           zip (deflate), one top-level folder
        bagit.txt  bag-info.txt        journal id, study id, sequence, previous bundle, changes
        manifest-sha256.txt            every payload file
        tagmanifest-sha256.txt         the tag files, signed:
        tagmanifest-sha256.txt.minisig   minisign (Ed25519) signature by the journal's key
        samjournal-signing-key.pub     the journal's public key (minisign format)
        samjournal-audit.json          the journal's audit head and consistency proofs from
                                       the heads the evaluator may hold (audit_proof.py)
        data/datapackage.json          Frictionless: schemas, keys, codebook
        data/<table>.csv  data/disclosure-risk.json

The reader checks every layer before anything is used, inside limits on sizes and paths, and
raises BundleRejected with the reason. The bundle's identity (its hash) is the SHA-256 of the
signed tag manifest, so the same content encrypted twice is the same bundle.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import stat
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyrage

from samjournal import __version__
from samjournal.errors import BundleRejected
from samjournal.evaluation import audit_proof
from samjournal.evaluation.audit_proof import AUDIT_FILE, AuditClaim
from samjournal.evaluation.table_resources import resource
from samjournal.evaluation.tables import (
    ALL_TABLES,
    HOUSEHOLDS,
    QUASI_IDENTIFIERS,
    SUPPRESSED,
    TOMBSTONES,
    TRANSFORMS,
    Table,
)
from samjournal.fsutil import ZIP_READ_ERRORS
from samjournal.messages import inner, keyed, text
from samjournal.minisign import PublicKey, SigningKey

AGE_MAGIC = b"age-encryption.org/v1\n"
BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
KEY_FILE = "samjournal-signing-key.pub"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = TAGMANIFEST + ".minisig"
# A bundle's titles and labels are in bokmål whatever the journal's language (its settings word
# only what the journal prints): the evaluator titles its merged package in its own.
LANGUAGE = "nb"
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", KEY_FILE, AUDIT_FILE)
RISK_FILE = "disclosure-risk.json"
FORMAT = "4"  # 2: day offsets from the index date; 3: need and payment status days, audit head
# 4: check-ins name their instrument version, occasion, who answered as a role, and the answers
MAX_INTEGER = 2**63 - 1  # the largest number a database column holds
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_JOURNAL_ID = re.compile(r"^[0-9a-f]{32}$")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class Limits:
    max_bundle_bytes: int = 512 * 1024 * 1024
    max_entries: int = 64
    max_entry_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: int = 1000  # uncompressed / compressed, for entries over 1 MiB


@dataclass(frozen=True, slots=True)
class Header:
    """The bag-info facts of a bundle."""

    journal_id: str
    study_id: str
    sequence: int
    kind: str  # full or incremental
    previous: str  # hash of the bundle before, "" for the first
    change_from: int
    change_to: int
    created: str

    def bag_name(self) -> str:
        return f"samjournal-{self.study_id}-{self.journal_id[:8]}-{self.sequence:05d}"


@dataclass(frozen=True, slots=True)
class Bundle:
    """A bundle that passed every check."""

    header: Header
    bundle_hash: str
    public_key: PublicKey
    tables: dict[str, list[list[str]]]  # name -> rows without the header
    risk: dict[str, Any]
    datapackage: dict[str, Any]
    audit: AuditClaim


# -- writing -----------------------------------------------------------------------------------


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def csv_lines(header: Sequence[str], lines: Sequence[str]) -> bytes:
    """CSV from lines already joined (their values never need quoting)."""
    body = "\r\n".join([",".join(header), *lines])
    return (body + "\r\n").encode("utf-8")


def bundle_title(study: str, sequence: int) -> str:
    """The title of a study's bundle `sequence` (`study`: the study's name)."""
    return text("bundle_title", {"study": study, "sequence": sequence}, LANGUAGE)


def datapackage(header: Header, tables: Sequence[str], title: str) -> dict[str, Any]:
    resources = [resource(ALL_TABLES[name], language=LANGUAGE) for name in tables]
    resources.append(
        {
            "name": "disclosure-risk",
            "title": text("bundle_risk_title", {}, LANGUAGE),
            "description": "Disclosure-risk report: k, classes, prosecutor risk, what was"
            " generalised or suppressed, and who was left out and why.",
            "path": RISK_FILE,
            "profile": "data-resource",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        }
    )
    return {
        "profile": "data-package",
        "name": f"samjournal-{header.study_id}-{header.sequence}",
        "title": title,
        "description": "Consented, anonymised data from one SamJournal journal. Transforms: "
        + TRANSFORMS,
        "created": header.created,
        "version": f"{header.sequence}.0.0",
        "samjournal": {
            "format": int(FORMAT),
            "journal_id": header.journal_id,
            "study_id": header.study_id,
            "sequence": header.sequence,
            "kind": header.kind,
        },
        "resources": resources,
    }


def write_bundle(
    header: Header,
    tables: dict[str, bytes],
    risk: dict[str, Any],
    key: SigningKey,
    recipients: Sequence[Any],
    title: str,
    audit: AuditClaim,
) -> tuple[bytes, str]:
    """(encrypted bundle, bundle hash). `tables` maps table name -> its CSV."""
    payload: dict[str, bytes] = {f"data/{name}.csv": data for name, data in tables.items()}
    payload[f"data/{RISK_FILE}"] = _json(risk)
    payload["data/datapackage.json"] = _json(datapackage(header, list(tables), title))
    manifest = _manifest(payload)
    octets = sum(len(v) for v in payload.values())
    info = {
        "Bag-Software-Agent": f"samjournal {__version__}",
        "Bagging-Date": header.created[:10],
        "Payload-Oxum": f"{octets}.{len(payload)}",
        "External-Description": "SamJournal evaluation bundle: consented, anonymised data",
        "SamJournal-Format": FORMAT,
        "SamJournal-Journal-Id": header.journal_id,
        "SamJournal-Study-Id": header.study_id,
        "SamJournal-Sequence": str(header.sequence),
        "SamJournal-Kind": header.kind,
        "SamJournal-Previous-Bundle": header.previous or "none",
        "SamJournal-Change-Range": f"{header.change_from}-{header.change_to}",
        "SamJournal-Created": header.created,
        "SamJournal-Signing-Key": key.public.key_id_hex,
    }
    tags = {
        "bagit.txt": BAGIT_TXT,
        "bag-info.txt": "".join(f"{k}: {v}\n" for k, v in info.items()).encode("utf-8"),
        "manifest-sha256.txt": manifest,
        KEY_FILE: key.public.to_file().encode("ascii"),
        AUDIT_FILE: audit.to_bytes(),
    }
    tagmanifest = _manifest(tags)
    signature = key.sign(
        tagmanifest,
        trusted_comment=_trusted_comment(header),
        untrusted_comment=f"signature from SamJournal journal {header.journal_id}",
    )
    files = {**tags, TAGMANIFEST: tagmanifest, SIGNATURE: signature.encode("ascii"), **payload}
    buffer = io.BytesIO()
    stamp = dt.datetime.fromisoformat(header.created)
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    root = header.bag_name()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for path in sorted(files):
            entry = zipfile.ZipInfo(f"{root}/{path}", date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            zf.writestr(entry, files[path], compresslevel=1)
    encrypted = pyrage.encrypt(buffer.getvalue(), list(recipients))
    return bytes(encrypted), hashlib.sha256(tagmanifest).hexdigest()


def _trusted_comment(header: Header) -> str:
    return (
        f"samjournal bundle journal:{header.journal_id} study:{header.study_id}"
        f" sequence:{header.sequence} file:{TAGMANIFEST}"
    )


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _manifest(files: dict[str, bytes]) -> bytes:
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items())
    ).encode("utf-8")


# -- reading -----------------------------------------------------------------------------------


def decrypt(data: bytes, identities: Sequence[Any], limits: Limits = Limits()) -> bytes:
    if len(data) > limits.max_bundle_bytes:
        raise keyed(BundleRejected, "bundle_larger_than_limit")
    if not data.startswith(AGE_MAGIC):
        raise keyed(BundleRejected, "file_age_encrypted_samjournal")
    try:
        return bytes(pyrage.decrypt(data, list(identities)))
    except pyrage.DecryptError as exc:
        raise keyed(BundleRejected, "bundle_cannot_decrypted_damaged") from exc


def unzip(data: bytes, limits: Limits = Limits()) -> tuple[str, dict[str, bytes]]:
    """(bag folder name, relative path -> content), refusing unsafe paths and oversize entries."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_READ_ERRORS as exc:
        raise keyed(BundleRejected, "bundle_holds_valid_zip") from exc
    if len(infos) > limits.max_entries:
        raise keyed(BundleRejected, "archive_too_many_files")
    roots: set[str] = set()
    seen: set[str] = set()
    declared = 0
    for info in infos:
        _check_path(info.filename)
        if info.filename in seen:
            raise keyed(BundleRejected, "archive_same_file_name", filename=str(info.filename))
        seen.add(info.filename)
        roots.add(info.filename.split("/", 1)[0])
        if stat.S_ISLNK(info.external_attr >> 16):
            raise keyed(BundleRejected, "archive_symbolic_link", filename=str(info.filename))
        if info.flag_bits & 0x1:
            raise keyed(BundleRejected, "archive_encrypted_files")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise keyed(BundleRejected, "archive_uses_unknown_compression")
        declared += info.file_size
        if info.file_size > limits.max_entry_bytes or declared > limits.max_total_bytes:
            raise keyed(BundleRejected, "archive_declares_size_over")
        if info.file_size > 1 << 20 and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise keyed(BundleRejected, "archive_suspiciously_highly_compressed")
    if len(roots) != 1:
        raise keyed(BundleRejected, "archive_exactly_one_top")
    root = roots.pop()
    files: dict[str, bytes] = {}
    for info in infos:
        if info.is_dir():
            continue
        if "/" not in info.filename:
            raise keyed(BundleRejected, "archive_files_outside_bag")
        files[info.filename.split("/", 1)[1]] = _read_entry(archive, info)
    return root, files


def _check_path(name: str) -> None:
    if (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or _DRIVE.match(name)
        or any(ord(ch) < 32 for ch in name)
    ):
        raise keyed(BundleRejected, "archive_forbidden_path", name=repr(name))
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise keyed(BundleRejected, "archive_forbidden_path", name=repr(name))


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    chunks = []
    total = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(1 << 20):
                total += len(chunk)
                if total > info.file_size:
                    raise keyed(BundleRejected, "file_archive_larger_than")
                chunks.append(chunk)
    except ZIP_READ_ERRORS as exc:
        raise keyed(BundleRejected, "archive_damaged", filename=str(info.filename)) from exc
    if total != info.file_size:
        raise keyed(BundleRejected, "archive_damaged", filename=str(info.filename))
    return b"".join(chunks)


def _parse_manifest(data: bytes, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise keyed(BundleRejected, "not_utf8", what=str(what)) from exc
    for line in text.splitlines():
        digest, sep, path = line.partition("  ")
        if not sep or not _HEX64.match(digest) or not path or path in out:
            raise keyed(BundleRejected, "wrong_format_of", what=str(what))
        out[path] = digest
    return out


def _parse_info(data: bytes) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise keyed(BundleRejected, "bag_info_txt_utf") from exc
    info: dict[str, str] = {}
    for line in text.splitlines():
        label, sep, value = line.partition(":")
        if not sep or label in info:
            raise keyed(BundleRejected, "bag_info_txt_wrong")
        info[label.strip()] = value.strip()
    return info


def _header(info: dict[str, str]) -> Header:
    try:
        if info["SamJournal-Format"] != FORMAT:
            raise keyed(BundleRejected, "bundle_unknown_format_update")
        previous = info["SamJournal-Previous-Bundle"]
        low, _, high = info["SamJournal-Change-Range"].partition("-")
        header = Header(
            journal_id=info["SamJournal-Journal-Id"],
            study_id=info["SamJournal-Study-Id"],
            sequence=int(info["SamJournal-Sequence"]),
            kind=info["SamJournal-Kind"],
            previous="" if previous == "none" else previous,
            change_from=int(low),
            change_to=int(high),
            created=info["SamJournal-Created"],
        )
        dt.datetime.fromisoformat(header.created)
    except (KeyError, ValueError) as exc:
        raise keyed(BundleRejected, "bag_info_txt_lacks") from exc
    if (
        not _JOURNAL_ID.match(header.journal_id)
        or not 1 <= header.sequence <= MAX_INTEGER
        or not 0 <= header.change_from <= MAX_INTEGER
        or not 0 <= header.change_to <= MAX_INTEGER
        or header.kind not in ("full", "incremental")
        or (header.previous and not _HEX64.match(header.previous))
    ):
        raise keyed(BundleRejected, "bag_info_txt_invalid")
    return header


def verify_bag(root: str, files: dict[str, bytes]) -> tuple[Header, PublicKey, str]:
    """Check signature, tag manifest, manifest and bag-info; return the facts and the key."""
    for required in (*TAG_FILES, TAGMANIFEST, SIGNATURE):
        if required not in files:
            raise keyed(BundleRejected, "bag_lacks", required=str(required))
    if files["bagit.txt"] != BAGIT_TXT:
        raise keyed(BundleRejected, "bagit_txt_bagit_1")
    try:
        public = PublicKey.from_file(files[KEY_FILE].decode("ascii"))
        signature = files[SIGNATURE].decode("ascii")
    except (UnicodeDecodeError, BundleRejected) as exc:
        raise keyed(BundleRejected, "bag_key_signature_file", exc=inner(exc)) from exc
    try:
        trusted = public.verify(files[TAGMANIFEST], signature)
    except BundleRejected as exc:
        raise keyed(BundleRejected, "tag_manifest_signature_fails", exc=inner(exc)) from exc
    tagmanifest = _parse_manifest(files[TAGMANIFEST], TAGMANIFEST)
    if set(tagmanifest) != set(TAG_FILES):
        raise keyed(BundleRejected, "tag_manifest_does_list")
    for path, digest in tagmanifest.items():
        if hashlib.sha256(files[path]).hexdigest() != digest:
            raise keyed(BundleRejected, "does_match_tag_manifest", path=str(path))
    manifest = _parse_manifest(files["manifest-sha256.txt"], "manifest-sha256.txt")
    payload = {p for p in files if p.startswith("data/")}
    extra = set(files) - payload - set(TAG_FILES) - {TAGMANIFEST, SIGNATURE}
    if extra:
        raise keyed(BundleRejected, "bag_unknown_files", names=str(", ".join(sorted(extra))))
    if set(manifest) != payload:
        raise keyed(BundleRejected, "manifest_does_list_exactly")
    for path, digest in manifest.items():
        if hashlib.sha256(files[path]).hexdigest() != digest:
            raise keyed(BundleRejected, "does_match_manifest", path=str(path))
    info = _parse_info(files["bag-info.txt"])
    header = _header(info)
    octets = sum(len(files[p]) for p in payload)
    if info.get("Payload-Oxum") != f"{octets}.{len(payload)}":
        raise keyed(BundleRejected, "payload_oxum_bag_info")
    if trusted != _trusted_comment(header):
        raise keyed(BundleRejected, "signature_comment_does_match")
    if info.get("SamJournal-Signing-Key") != public.key_id_hex:
        raise keyed(BundleRejected, "bag_info_txt_names")
    if root != header.bag_name():
        raise keyed(BundleRejected, "bag_folder_name_does")
    return header, public, hashlib.sha256(files[TAGMANIFEST]).hexdigest()


def read_tables(
    files: dict[str, bytes],
) -> tuple[dict[str, list[list[str]]], dict[str, Any], dict[str, Any]]:
    try:
        package = json.loads(files["data/datapackage.json"])
        risk = json.loads(files[f"data/{RISK_FILE}"])
        # Lone surrogates (from \ud800 escapes) parse, but no database or file takes them.
        json.dumps([package, risk], ensure_ascii=False).encode("utf-8")
    except KeyError as exc:
        raise keyed(BundleRejected, "data_package_lacks_datapackage") from exc
    except (ValueError, RecursionError) as exc:
        raise keyed(BundleRejected, "datapackage_json_risk_report") from exc
    if (
        not isinstance(package, dict)
        or not isinstance(risk, dict)
        or not isinstance(package.get("resources", []), list)
    ):
        raise keyed(BundleRejected, "datapackage_json_wrong_shape")
    names = [str(r.get("name")) for r in package.get("resources", []) if isinstance(r, dict)]
    tables = [n for n in names if n != "disclosure-risk"]
    if (
        HOUSEHOLDS.name not in tables
        or TOMBSTONES.name not in tables
        or not set(tables) <= set(ALL_TABLES)
        or len(set(tables)) != len(tables)
    ):
        raise keyed(BundleRejected, "data_package_does_tables")
    expected = {f"data/{n}.csv" for n in tables} | {f"data/{RISK_FILE}", "data/datapackage.json"}
    if set(p for p in files if p.startswith("data/")) != expected:
        raise keyed(BundleRejected, "data_package_files_do")
    out: dict[str, list[list[str]]] = {}
    for name in tables:
        out[name] = _read_csv(files[f"data/{name}.csv"], ALL_TABLES[name].header, name)
        _check_values(out[name], ALL_TABLES[name], name)
    return out, package, risk


def _read_csv(data: bytes, header: tuple[str, ...], name: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise keyed(BundleRejected, "csv_not_utf8", name=str(name)) from exc
    if "\x1f" in text or "\x00" in text:
        raise keyed(BundleRejected, "csv_control_characters", name=str(name))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise keyed(BundleRejected, "csv_valid_csv", name=str(name)) from exc
    if not rows or tuple(rows[0]) != header:
        raise keyed(BundleRejected, "csv_wrong_columns", name=str(name))
    width = len(header)
    body = rows[1:]
    if any(len(r) != width for r in body):
        raise keyed(BundleRejected, "csv_rows_wrong_number", name=str(name))
    return body


def _check_values(rows: list[list[str]], table: Table, name: str) -> None:
    """Every category cell one of its column's values and every integer cell a whole number
    (or empty, or suppressed): the codebook and the statistics files code nothing else. Each
    distinct value is checked once, so a large bundle costs one set per column."""
    for at, column in enumerate(table.columns):
        if not column.categories and column.type != "integer":
            continue
        found = {row[at] for row in rows} - {"", SUPPRESSED}
        allowed = {str(c[0]) for c in column.categories}
        if (column.categories and not found <= allowed) or (
            not column.categories and not all(_whole(v) for v in found)
        ):
            raise keyed(BundleRejected, "csv_value_not_allowed", name=name, column=column.name)


def _whole(cell: str) -> bool:
    return bool(re.fullmatch(r"-?[0-9]{1,19}", cell)) and abs(int(cell)) <= MAX_INTEGER


def check_k(rows: list[list[str]], k: int) -> int:
    """The smallest class of the households' quasi-identifiers (refused when below k)."""
    smallest = smallest_class(rows)
    if smallest and smallest < k:
        raise keyed(BundleRejected, "bundle_breaks_k_anonymity", smallest=str(smallest), k=str(k))
    return smallest


def smallest_class(rows: Iterable[Sequence[str]]) -> int:
    """The smallest class of the households' quasi-identifiers (rows of households.csv; 0:
    none)."""
    idx = [HOUSEHOLDS.header.index(q) for q in QUASI_IDENTIFIERS]
    return min(Counter(tuple(r[i] for i in idx) for r in rows).values(), default=0)


def open_bundle(data: bytes, identities: Sequence[Any], limits: Limits = Limits()) -> Bundle:
    """Decrypt, unpack and check every layer of a bundle; BundleRejected says what failed."""
    plain = decrypt(data, identities, limits)
    root, files = unzip(plain, limits)
    header, public, bundle_hash = verify_bag(root, files)
    tables, package, risk = read_tables(files)
    audit = audit_proof.parse(files[AUDIT_FILE])  # the consistency proof checked here
    return Bundle(header, bundle_hash, public, tables, risk, package, audit)
