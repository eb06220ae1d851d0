"""A handover file: canonical JSON signed with minisign, both in a tar, encrypted with age.

    age( tar( handover.json, handover.json.minisig ) )

After `age -d` the two files check with the reference `minisign -V`. Opening refuses anything
else: a file not for this journal's identity, a tar with other members, links or sizes over the
limits, a signature by another key.
"""

from __future__ import annotations

import io
import json
import tarfile
from typing import Any

import pyrage

from samjournal.errors import BundleRejected, HandoverRejected
from samjournal.messages import keyed
from samjournal.minisign import PublicKey, SigningKey

PAYLOAD, SIGNATURE = "handover.json", "handover.json.minisig"
MAX_FILE = 1 << 30  # a family with decades of records is a few MB; a gigabyte is not a family
MAX_SIGNATURE = 4096


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def seal(
    payload: bytes, key: SigningKey, comment: str, recipient: pyrage.x25519.Recipient
) -> bytes:
    signature = key.sign(payload, trusted_comment=comment).encode("ascii")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in ((PAYLOAD, payload), (SIGNATURE, signature)):
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
    return bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))


def open_sealed(data: bytes, identity: pyrage.x25519.Identity) -> tuple[bytes, str]:
    """The payload and its signature text; not yet verified."""
    if len(data) > MAX_FILE:
        raise keyed(HandoverRejected, "handover_too_large")
    try:
        plain = bytes(pyrage.decrypt(data, [identity]))
    except pyrage.DecryptError as exc:
        raise keyed(HandoverRejected, "handover_cannot_open") from exc
    found: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
            for info in tar.getmembers():
                if not info.isfile() or info.name not in (PAYLOAD, SIGNATURE) or info.name in found:
                    raise keyed(HandoverRejected, "handover_extra_files")
                limit = MAX_SIGNATURE if info.name == SIGNATURE else MAX_FILE
                member = tar.extractfile(info)
                if info.size > limit or member is None:
                    raise keyed(HandoverRejected, "handover_extra_files")
                found[info.name] = member.read(limit + 1)
    except (tarfile.TarError, EOFError) as exc:
        raise keyed(HandoverRejected, "handover_damaged") from exc
    if set(found) != {PAYLOAD, SIGNATURE}:
        raise keyed(HandoverRejected, "handover_incomplete")
    try:
        return found[PAYLOAD], found[SIGNATURE].decode("ascii")
    except UnicodeDecodeError as exc:
        raise keyed(HandoverRejected, "handover_signature_damaged") from exc


def read_claim(payload: bytes) -> tuple[str, dict[str, Any]]:
    """The journal the payload says it comes from, and the payload as data; not yet verified:
    the claim only picks the registered key the signature must then check with."""
    try:
        value = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise keyed(HandoverRejected, "handover_damaged") from exc  # read before it is verified
    if not isinstance(value, dict) or not isinstance(value.get("from"), str):
        raise keyed(HandoverRejected, "handover_damaged")
    return value["from"], value


def check_signature(payload: bytes, signature: str, key: PublicKey) -> None:
    try:
        key.verify(payload, signature)
    except BundleRejected as exc:
        raise keyed(HandoverRejected, "handover_forged") from exc
