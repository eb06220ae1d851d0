"""Ed25519 signatures and public keys in minisign's file formats, so `minisign -V` verifies them.

Public key file::

    untrusted comment: minisign public key <KEY ID>
    base64("Ed" || key id (8 bytes) || Ed25519 public key (32 bytes))

Signature file (`<file>.minisig`)::

    untrusted comment: <free text, not signed>
    base64("ED" || key id || Ed25519 signature over BLAKE2b-512(message))
    trusted comment: <one line, signed>
    base64(Ed25519 signature over (signature || trusted comment))

"ED" (pre-hashed) is what minisign itself writes; legacy "Ed" signatures over the raw message
verify too. The key id is shown as minisign shows it: the 8 bytes as a little-endian integer, hex.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from samjournal.errors import BundleRejected
from samjournal.messages import keyed

_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "
_ALG = b"Ed"
_ALG_HASHED = b"ED"
MAX_COMMENT = 1024


def _b64decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise keyed(BundleRejected, "invalid_base64", what=str(what)) from exc


def short_fingerprint(data: bytes) -> str:
    """Five groups of four base32 characters of SHA-256: 100 bits, easy to read aloud."""
    text = base64.b32encode(hashlib.sha256(data).digest()).decode("ascii")[:20]
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


# What a person may type for a fingerprint's letter, heard over the phone: base32 has no 0, 1
# or 8, so each can only be the letter it looks like (team lead review s23: "0" for "O" was
# refused as another fingerprint, and sent a careful team lead after a forgery).
_LOOK_ALIKE = str.maketrans("018", "OIB")


def heard_fingerprint(text: str) -> str:
    """A fingerprint as read out and typed, in `short_fingerprint`'s form: case, spaces and
    dashes do not count, and 0, 1 and 8 are the letters they look like."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOK_ALIKE)
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def format_key_id(key_id: bytes) -> str:
    return f"{int.from_bytes(key_id, 'little'):X}"


@dataclass(frozen=True, slots=True)
class PublicKey:
    key_id: bytes  # 8 bytes
    key: bytes  # 32 bytes, raw Ed25519

    @property
    def key_id_hex(self) -> str:
        return format_key_id(self.key_id)

    @property
    def fingerprint(self) -> str:
        """What a person compares over the phone: the same on both sides."""
        return short_fingerprint(self.to_line().encode("ascii"))

    def to_line(self) -> str:
        """The base64 line alone (what minisign's `-P` takes)."""
        return base64.b64encode(_ALG + self.key_id + self.key).decode("ascii")

    def to_file(self, comment: str | None = None) -> str:
        first = comment or f"minisign public key {self.key_id_hex}"
        return f"{_UNTRUSTED}{_one_line(first)}\n{self.to_line()}\n"

    @classmethod
    def from_line(cls, line: str) -> PublicKey:
        raw = _b64decode(line, "offentlig nøkkel")
        if len(raw) != 42 or raw[:2] != _ALG:
            raise keyed(BundleRejected, "public_key_minisign_ed25519")
        return cls(raw[2:10], raw[10:])

    @classmethod
    def from_file(cls, text: str) -> PublicKey:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) == 1:
            return cls.from_line(lines[0])
        if len(lines) != 2 or not lines[0].startswith(_UNTRUSTED):
            raise keyed(BundleRejected, "public_key_minisign_key")
        return cls.from_line(lines[1])

    def verify(self, message: bytes, signature_file: str) -> str:
        """Check a `.minisig` text over `message`; return its trusted comment."""
        sig = Signature.parse(signature_file)
        if sig.key_id != self.key_id:
            raise keyed(
                BundleRejected,
                "signature_made_key",
                format_key_id=str(format_key_id(sig.key_id)),
                key_id_hex=str(self.key_id_hex),
            )
        public = Ed25519PublicKey.from_public_bytes(self.key)
        signed = _blake2b(message) if sig.algorithm == _ALG_HASHED else message
        try:
            public.verify(sig.signature, signed)
            public.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode())
        except InvalidSignature as exc:
            raise keyed(BundleRejected, "signature_does_verify") from exc
        return sig.trusted_comment


@dataclass(frozen=True, slots=True)
class Signature:
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    @classmethod
    def parse(cls, text: str) -> Signature:
        lines = text.splitlines()
        if (
            len(lines) < 4
            or not lines[0].startswith(_UNTRUSTED)
            or not lines[2].startswith(_TRUSTED)
            or any(ln.strip() for ln in lines[4:])
        ):
            raise keyed(BundleRejected, "signature_file_wrong_format")
        raw = _b64decode(lines[1], "signatur")
        if len(raw) != 74 or raw[:2] not in (_ALG, _ALG_HASHED):
            raise keyed(BundleRejected, "signature_file_wrong_format")
        global_sig = _b64decode(lines[3], "signatur")
        if len(global_sig) != 64:
            raise keyed(BundleRejected, "signature_file_wrong_format")
        return cls(raw[:2], raw[2:10], raw[10:], lines[2][len(_TRUSTED) :], global_sig)


class SigningKey:
    """An Ed25519 key pair with a random minisign key id. Holds the 32-byte seed."""

    def __init__(self, seed: bytes, key_id: bytes) -> None:
        if len(seed) != 32 or len(key_id) != 8:
            raise ValueError("an Ed25519 seed is 32 bytes and a key id 8")
        self._private = Ed25519PrivateKey.from_private_bytes(seed)
        self.seed = seed
        self.public = PublicKey(key_id, self._private.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(os.urandom(32), os.urandom(8))

    def sign(self, message: bytes, *, trusted_comment: str, untrusted_comment: str = "") -> str:
        """A `.minisig` text (pre-hashed, as minisign writes it)."""
        trusted = _one_line(trusted_comment)
        signature = self._private.sign(_blake2b(message))
        global_sig = self._private.sign(signature + trusted.encode())
        first = _one_line(untrusted_comment or "signature from SamJournal")
        body = base64.b64encode(_ALG_HASHED + self.public.key_id + signature).decode("ascii")
        return (
            f"{_UNTRUSTED}{first}\n{body}\n{_TRUSTED}{trusted}\n"
            f"{base64.b64encode(global_sig).decode('ascii')}\n"
        )


def _blake2b(message: bytes) -> bytes:
    return hashlib.blake2b(message, digest_size=64).digest()


def _one_line(text: str) -> str:
    clean = " ".join(text.split())
    if len(clean) > MAX_COMMENT:
        raise ValueError("minisign comments are one short line")
    return clean
