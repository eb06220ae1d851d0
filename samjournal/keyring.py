"""Key slots in `keyring.json`: who can unlock the journal's data key, and how.

Each slot holds an X25519 key pair. Its private key is wrapped with AES-GCM under a key derived
from the user's passphrase (Argon2id, parameters bound into the associated data) or, for the
recovery slot, from the recovery key (HKDF: it is already high-entropy). The 256-bit data key is
sealed to every slot's public key. Sealing to public keys is what lets a team lead rekey the
journal after removing a user: the new data key reaches every remaining slot without knowing
anyone else's passphrase, and nothing the removed user held opens it.

DESIGN.md describes slots as "the data key wrapped under the passphrase key"; this is that with one
indirection (the passphrase key unwraps the slot's private key, which opens the sealed data key).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from samjournal.errors import (
    KeyringDamaged,
    SlotDamaged,
    UnknownUser,
    ValidationError,
    WrongPassphrase,
)
from samjournal.fsutil import atomic_write
from samjournal.kdf import KdfCost, derive
from samjournal.messages import invalid, keyed

FORMAT = "samjournal-keyring"
FORMAT_VERSION = 1
RECOVERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I/L to misread
RECOVERY_GROUPS = 7  # of four characters: 140 random bits, then one check group
_FAILURES_KEPT = 50
SALT_BYTES = 16  # SQLCipher's per-file salt: the first bytes of every journal.db, in the clear


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise keyed(KeyringDamaged, "keyring_field_type")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise keyed(KeyringDamaged, "keyring_base64") from exc


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- the recovery key --------------------------------------------------------------------------


def new_recovery_key() -> str:
    body = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return _group(body + _recovery_check(body))


def _recovery_check(body: str) -> str:
    digest = int.from_bytes(hashlib.sha256(body.encode()).digest()[:4], "big")
    return "".join(RECOVERY_ALPHABET[(digest >> (5 * i)) & 31] for i in range(4))


def _group(text: str) -> str:
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_recovery_key(text: str) -> str:
    """Accept any case and separators; say which part is wrong when it cannot be right."""
    chars = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    bad = sorted({ch for ch in chars if ch not in RECOVERY_ALPHABET})
    if bad:
        raise invalid("recovery_key", "recovery_characters", chars=" ".join(bad))
    if len(chars) != (RECOVERY_GROUPS + 1) * 4:
        raise invalid("recovery_key", "recovery_groups")
    body, check = chars[:-4], chars[-4:]
    if _recovery_check(body) != check:
        raise invalid("recovery_key", "recovery_check")
    return body


# -- slots -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seal:
    """What the last successful unlock saw: `seen` failures in all, MAC'd under a key derived
    from the data key, so no one without a passphrase can lower it unseen."""

    seen: int
    mac: str


@dataclass(frozen=True, slots=True)
class Failures:
    """Failed unlocks: the times since the last successful unlock (the throttle's, audited at
    the next unlock) and the count of all failures ever, which only grows. No content."""

    times: tuple[str, ...] = ()
    total: int = 0
    seal: Seal | None = None

    @property
    def count(self) -> int:
        return len(self.times)


@dataclass(frozen=True, slots=True)
class FailureCheck:
    """The failure record as a successful unlock found it. `altered`: what shows it was edited
    since it was sealed (English, for the audit log; no personal data)."""

    slot: str
    total: int
    sealed: bool
    altered: tuple[str, ...] = ()


_FAILURE_FIELDS = ("failed_unlocks", "failures_total", "failures_seal")


def _failure_mac(data_key: bytes, journal_id: str, slot_id: str, seen: int) -> str:
    key = _hkdf(data_key, b"", b"samjournal failure record")
    body = _canonical({"journal_id": journal_id, "slot": slot_id, "seen": seen})
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def unlock_delay(failures: int) -> float:
    """Seconds to wait before the next try: free for three, then doubling up to five minutes."""
    return 0.0 if failures < 3 else float(min(2 ** (failures - 2), 300))


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    kind: str  # "user" or "recovery"
    user: str | None
    kdf: dict[str, Any]
    public_key: bytes
    wrapped_private: bytes
    wrap_nonce: bytes
    sealed: dict[str, str]
    failures: Failures = Failures()
    # The user's full name, for the unlock screen (read before any key is open). A label only:
    # outside the header, so a changed name can mislead but never opens anything.
    name: str = ""
    check: str | None = None  # as read from the file: the digest it had when written

    def digest(self) -> str:
        """Over everything but the failure record (sealed on its own) and the name label: a
        damaged slot is told from a wrong passphrase before anyone's passphrase is tried on it."""
        left_out = (*_FAILURE_FIELDS, "check", "name")
        body = {k: v for k, v in self.to_json().items() if k not in left_out}
        return hashlib.sha256(_canonical(body)).hexdigest()

    @property
    def damaged(self) -> bool:
        return self.check is not None and self.check != self.digest()

    def header(self, journal_id: str) -> bytes:
        """Associated data: binds the wrapped key to this journal, slot, user and KDF cost."""
        return _canonical(
            {
                "journal_id": journal_id,
                "slot": self.id,
                "kind": self.kind,
                "user": self.user,
                "kdf": self.kdf,
                "public_key": _b64(self.public_key),
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "user": self.user,
            "kdf": self.kdf,
            "public_key": _b64(self.public_key),
            "wrapped_private": _b64(self.wrapped_private),
            "wrap_nonce": _b64(self.wrap_nonce),
            "sealed_data_key": self.sealed,
            "failed_unlocks": list(self.failures.times),
            "failures_total": self.failures.total,
            **({"failures_seal": _seal_json(self.failures.seal)} if self.failures.seal else {}),
            **({"name": self.name} if self.name else {}),
        }

    def to_file(self) -> dict[str, Any]:
        return {**self.to_json(), "check": self.digest()}

    @classmethod
    def from_json(cls, raw: Any) -> Slot:
        try:
            failures = raw.get("failed_unlocks", [])
            if not isinstance(raw["kdf"], dict) or not all(isinstance(t, str) for t in failures):
                raise TypeError
            name = raw.get("name", "")
            if not isinstance(name, str) or len(name) > MAX_NAME:
                raise TypeError
            for when in failures:  # read back as times at the next unlock: must be times
                dt.datetime.fromisoformat(when)
            # A malformed count reads as none: held against the seal and the audit log it shows
            # as altered, and it never makes the keyring unreadable for everyone.
            total = raw.get("failures_total", len(failures))
            if type(total) is not int or total < 0:
                total = 0
            seal = _seal_from_json(raw.get("failures_seal"))
            return cls(
                id=str(raw["id"]),
                kind=str(raw["kind"]),
                user=None if raw["user"] is None else str(raw["user"]),
                kdf=dict(raw["kdf"]),
                public_key=_unb64(raw["public_key"]),
                wrapped_private=_unb64(raw["wrapped_private"]),
                wrap_nonce=_unb64(raw["wrap_nonce"]),
                sealed={k: str(v) for k, v in dict(raw["sealed_data_key"]).items()},
                failures=Failures(tuple(failures), total, seal),
                name=name,
                check=None if raw.get("check") is None else str(raw["check"]),
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise keyed(KeyringDamaged, "keyring_slot_incomplete") from exc


def _seal_json(seal: Seal) -> dict[str, Any]:
    return {"seen": seal.seen, "mac": seal.mac}


def _seal_from_json(raw: Any) -> Seal | None:
    """None when there is none; a malformed one reads as a seal that fails its check (it is
    then reported as altered, never as a damaged slot that locks its user out)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        return Seal(-1, "")
    seen, mac = raw.get("seen"), raw.get("mac")
    if type(seen) is not int or not isinstance(mac, str) or not mac.isascii():
        return Seal(-1, "")  # compare_digest takes ASCII text only
    return Seal(seen, mac)


# A keyring read from a folder or a backup is untrusted until a slot opens: its KDF cost must
# not be able to exhaust memory or hang the unlock. Calibration stays far inside these bounds
# (64 MiB, at most 64 passes, one lane).
MAX_KDF_MEMORY_KIB = 1024 * 1024
MAX_KDF_WORK = 64 * 1024 * 64 * 4  # memory (KiB) x passes
MAX_KDF_LANES = 16
MAX_KEYRING_BYTES = 1024 * 1024
MAX_NAME = 200  # a slot's display name, as validation.SHORT


def _checked_cost(cost: KdfCost) -> KdfCost:
    if not (
        1 <= cost.lanes <= MAX_KDF_LANES
        and 8 * cost.lanes <= cost.memory_kib <= MAX_KDF_MEMORY_KIB
        and cost.iterations >= 1
        and cost.memory_kib * cost.iterations <= MAX_KDF_WORK
    ):
        raise ValueError("KDF cost out of bounds")
    return cost


def _slot_kek(slot_kdf: dict[str, Any], secret: bytes) -> bytes:
    try:
        salt = _unb64(slot_kdf["salt"])
        if slot_kdf["alg"] == "argon2id":
            cost = KdfCost(
                int(slot_kdf["memory_kib"]), int(slot_kdf["iterations"]), int(slot_kdf["lanes"])
            )
            return derive(secret, salt, _checked_cost(cost))
        if slot_kdf["alg"] == "hkdf-sha256":
            return _hkdf(secret, salt, b"samjournal recovery slot")
    except (KeyError, TypeError, ValueError) as exc:
        raise keyed(KeyringDamaged, "keyring_kdf_params") from exc
    raise keyed(KeyringDamaged, "keyring_kdf_unknown")


def _seal(data_key: bytes, public: X25519PublicKey, aad: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes_raw()
    kek = _hkdf(ephemeral.exchange(public), eph_pub + public.public_bytes_raw(), b"seal")
    nonce = os.urandom(12)
    ct = AESGCM(kek).encrypt(nonce, data_key, aad)
    return {"ephemeral": _b64(eph_pub), "nonce": _b64(nonce), "ct": _b64(ct)}


def _unseal(sealed: dict[str, str], private: X25519PrivateKey, aad: bytes) -> bytes:
    try:
        eph_pub = X25519PublicKey.from_public_bytes(_unb64(sealed["ephemeral"]))
        own = private.public_key().public_bytes_raw()
        kek = _hkdf(private.exchange(eph_pub), eph_pub.public_bytes_raw() + own, b"seal")
        return AESGCM(kek).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ct"]), aad)
    except (InvalidTag, KeyError, ValueError) as exc:
        # The passphrase opened the slot, so this is damage, not a wrong passphrase.
        raise keyed(KeyringDamaged, "keyring_data_key") from exc


def _secret(passphrase: str) -> bytes:
    """The bytes a passphrase is derived from, in one Unicode form (NFC): "å" typed as one
    character on one keyboard and as "a" plus a ring on another (or pasted from a file name on a
    Mac) is the same passphrase; unnormalised, the second form locked its user out."""
    return _utf8(unicodedata.normalize("NFC", passphrase))


def _utf8(text: str) -> bytes:
    """UTF-8; a passphrase read from an environment or a terminal that is not UTF-8 keeps its
    bytes as lone surrogates (Python's way), which strict UTF-8 refused with a raw error: passed
    through, it is a passphrase like another (one typed in UTF-8 opens nothing it made)."""
    return text.encode("utf-8", "surrogatepass")


def _forms(passphrase: str) -> list[bytes]:
    """What an unlock tries: `_secret` first; then, for a slot made before passphrases were
    normalised (it holds the bytes as typed then), the decomposed form and the form as typed
    now. Only where they differ: "kari sitt pass" has one form (one derivation), "blåbær" two."""
    decomposed = _utf8(unicodedata.normalize("NFD", passphrase))
    return list(dict.fromkeys([_secret(passphrase), decomposed, _utf8(passphrase)]))


def _new_slot(
    journal_id: str,
    epoch: int,
    slot_id: str,
    kind: str,
    user: str | None,
    secret: bytes,
    data_key: bytes,
    cost: KdfCost | None,
) -> Slot:
    salt = os.urandom(16)
    kdf: dict[str, Any]
    if cost is None:
        kdf = {"alg": "hkdf-sha256", "salt": _b64(salt)}
    else:
        kdf = {
            "alg": "argon2id",
            "memory_kib": cost.memory_kib,
            "iterations": cost.iterations,
            "lanes": cost.lanes,
            "salt": _b64(salt),
        }
    private = X25519PrivateKey.generate()
    public = private.public_key()
    draft = Slot(slot_id, kind, user, kdf, public.public_bytes_raw(), b"", b"", {})
    nonce = os.urandom(12)
    raw_private = private.private_bytes_raw()
    wrapped = AESGCM(_slot_kek(kdf, secret)).encrypt(nonce, raw_private, draft.header(journal_id))
    sealed = _seal(data_key, public, _seal_aad(journal_id, slot_id, epoch))
    return dataclasses.replace(draft, wrapped_private=wrapped, wrap_nonce=nonce, sealed=sealed)


def _seal_aad(journal_id: str, slot_id: str, epoch: int) -> bytes:
    return _canonical({"journal_id": journal_id, "slot": slot_id, "epoch": epoch})


# -- the keyring -------------------------------------------------------------------------------


def db_salt(db_path: Path) -> str | None:
    try:
        with db_path.open("rb") as fh:
            salt = fh.read(SALT_BYTES)
    except OSError:
        return None
    # Too short, zeroed or a plain SQLite header: damage of its own kind, not another journal.
    if len(salt) != SALT_BYTES or not any(salt) or salt == b"SQLite format 3\x00":
        return None
    return salt.hex()


@dataclass(frozen=True, slots=True)
class Keyring:
    journal_id: str
    key_epoch: int
    created: str
    slots: tuple[Slot, ...]
    db_salt: str | None = None  # journal.db's salt: a keyring from another journal is told

    def belongs_to(self, db_path: Path) -> bool:
        """False only when this keyring is known to be for another database file."""
        current = db_salt(db_path)  # None for a file too short to have one: damage, not this
        return self.db_salt is None or current is None or self.db_salt == current

    def bound_to(self, db_path: Path) -> Keyring:
        return dataclasses.replace(self, db_salt=db_salt(db_path))

    @classmethod
    def new(cls, data_key: bytes, recovery_key: str) -> Keyring:
        ring = cls(secrets.token_hex(16), 1, _now(), ())
        body = normalise_recovery_key(recovery_key).encode()
        slot = _new_slot(ring.journal_id, 1, "recovery", "recovery", None, body, data_key, None)
        return dataclasses.replace(ring, slots=(slot,))

    # -- reading and writing ---------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> Keyring:
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_KEYRING_BYTES + 1)
            if len(data) > MAX_KEYRING_BYTES:
                raise ValueError("a keyring is a few kilobytes")
            raw = json.loads(data)
        except FileNotFoundError as exc:
            raise keyed(KeyringDamaged, "keyring_missing") from exc
        except (OSError, ValueError, RecursionError) as exc:
            raise keyed(KeyringDamaged, "keyring_unreadable") from exc
        return cls.from_json(raw)

    @classmethod
    def from_json(cls, raw: Any) -> Keyring:
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise keyed(KeyringDamaged, "keyring_not_keyring")
        if raw.get("version") != FORMAT_VERSION:
            raise keyed(KeyringDamaged, "keyring_version")
        try:
            slots = tuple(Slot.from_json(s) for s in raw["slots"])
            salt = raw.get("db_salt")
            return cls(
                str(raw["journal_id"]),
                int(raw["key_epoch"]),
                str(raw["created"]),
                slots,
                None if salt is None else str(salt),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise keyed(KeyringDamaged, "keyring_incomplete") from exc

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "journal_id": self.journal_id,
            "key_epoch": self.key_epoch,
            "created": self.created,
            "slots": [s.to_file() for s in self.slots],
            **({"db_salt": self.db_salt} if self.db_salt else {}),
        }
        return json.dumps(body, indent=2, ensure_ascii=True).encode() + b"\n"

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())

    # -- looking up and unlocking ------------------------------------------------------------

    @property
    def usernames(self) -> list[str]:
        return sorted(s.user for s in self.slots if s.kind == "user" and s.user)

    @property
    def people(self) -> list[tuple[str, str]]:
        """(username, full name) of each user, by name; the username where no name is kept."""
        found = [(s.user, s.name or s.user) for s in self.slots if s.kind == "user" and s.user]
        return sorted(found, key=lambda p: (p[1].casefold(), p[0]))

    def slot_for(self, username: str) -> Slot:
        for slot in self.slots:
            if slot.kind == "user" and slot.user == username:
                return slot
        raise keyed(UnknownUser, "not_unlocked")

    def recovery_slot(self) -> Slot:
        for slot in self.slots:
            if slot.kind == "recovery":
                return slot
        raise keyed(KeyringDamaged, "keyring_no_recovery")

    def unlock(self, username: str, passphrase: str) -> bytes:
        slot = self.slot_for(username)
        *first, last = _forms(passphrase)
        for secret in first:
            with contextlib.suppress(WrongPassphrase):
                return self._open(slot, secret)
        return self._open(slot, last)

    def unlock_recovery(self, recovery_key: str) -> bytes:
        body = normalise_recovery_key(recovery_key).encode()
        return self._open(self.recovery_slot(), body)

    def opens_recovery(self, recovery_key: str) -> bool:
        """Whether `recovery_key` opens this keyring's recovery slot (bound to the journal's
        id): the journal's current recovery key, not another journal's nor a replaced one."""
        try:
            self.unlock_recovery(recovery_key)
        except (WrongPassphrase, ValidationError):
            return False
        return True

    def _open(self, slot: Slot, secret: bytes) -> bytes:
        if slot.damaged:
            raise keyed(SlotDamaged, "slot_damaged")
        kek = _slot_kek(slot.kdf, secret)
        try:
            raw = AESGCM(kek).decrypt(
                slot.wrap_nonce, slot.wrapped_private, slot.header(self.journal_id)
            )
        except InvalidTag as exc:
            raise keyed(WrongPassphrase, "not_unlocked") from exc
        private = X25519PrivateKey.from_private_bytes(raw)
        return _unseal(slot.sealed, private, _seal_aad(self.journal_id, slot.id, self.key_epoch))

    # -- changes (each returns a new keyring; the caller saves it) ---------------------------

    def with_user(
        self, username: str, passphrase: str, data_key: bytes, cost: KdfCost, name: str = ""
    ) -> Keyring:
        """Add a slot for `username`, or replace theirs (a passphrase change keeps the name)."""
        existing = [s for s in self.slots if s.kind == "user" and s.user == username]
        slot_id = existing[0].id if existing else f"user-{secrets.token_hex(8)}"
        name = name or (existing[0].name if existing else "")
        # A new passphrase keeps the failure record: what it holds is audited at the next unlock.
        failures = existing[0].failures if existing else Failures()
        slot = _new_slot(
            self.journal_id,
            self.key_epoch,
            slot_id,
            "user",
            username,
            _secret(passphrase),
            data_key,
            cost,
        )
        others = tuple(s for s in self.slots if s.id != slot_id)
        slot = dataclasses.replace(slot, name=name, failures=failures)
        return dataclasses.replace(self, slots=(*others, slot))

    def with_names(self, names: dict[str, str]) -> Keyring:
        """The users' full names as the journal has them (kept up to date at unlock)."""
        slots = tuple(
            dataclasses.replace(s, name=names[s.user])
            if s.kind == "user" and s.user in names
            else s
            for s in self.slots
        )
        return dataclasses.replace(self, slots=slots)

    def with_slot(self, slot: Slot) -> Keyring:
        """Add a slot made by `with_user` on an earlier read of this keyring (same epoch)."""
        others = tuple(s for s in self.slots if s.id != slot.id)
        return dataclasses.replace(self, slots=(*others, slot))

    def with_recovery_key(self, recovery_key: str, data_key: bytes) -> Keyring:
        body = normalise_recovery_key(recovery_key).encode()
        slot = _new_slot(
            self.journal_id, self.key_epoch, "recovery", "recovery", None, body, data_key, None
        )
        others = tuple(s for s in self.slots if s.kind != "recovery")
        return dataclasses.replace(self, slots=(*others, slot))

    def without_user(self, username: str) -> Keyring:
        slot = self.slot_for(username)
        return dataclasses.replace(self, slots=tuple(s for s in self.slots if s.id != slot.id))

    def resealed(self, new_data_key: bytes, old_data_key: bytes) -> Keyring:
        """Seal a new data key to every remaining slot, under the next key epoch; failure
        records sealed under the old key are sealed again under the new one (an altered one
        stays as it is, and is reported at its user's next unlock)."""
        epoch = self.key_epoch + 1
        slots = []
        for slot in self.slots:
            public = X25519PublicKey.from_public_bytes(slot.public_key)
            sealed = _seal(new_data_key, public, _seal_aad(self.journal_id, slot.id, epoch))
            failures = slot.failures
            old = failures.seal
            if old is not None and hmac.compare_digest(
                old.mac, _failure_mac(old_data_key, self.journal_id, slot.id, old.seen)
            ):
                mac = _failure_mac(new_data_key, self.journal_id, slot.id, old.seen)
                failures = dataclasses.replace(failures, seal=Seal(old.seen, mac))
            slots.append(dataclasses.replace(slot, sealed=sealed, failures=failures, check=None))
        return dataclasses.replace(self, key_epoch=epoch, slots=tuple(slots))

    def with_failure(self, username: str, when: str | None = None) -> Keyring:
        def add(f: Failures) -> Failures:
            times = (*f.times, when or _now())[-_FAILURES_KEPT:]
            return dataclasses.replace(f, times=times, total=f.total + 1)

        return self._set_failures(username, add)

    def check_failures(self, username: str, data_key: bytes) -> FailureCheck:
        """After `username`'s slot opened: is the failure record as its last seal left it,
        plus failures counted since? Removing or lowering sealed entries shows here."""
        slot = self.slot_for(username)
        f = slot.failures
        if f.seal is None:  # a keyring from before seals, or one whose seal was removed
            return FailureCheck(slot.id, f.total, sealed=False)
        altered: list[str] = []
        expected = _failure_mac(data_key, self.journal_id, slot.id, f.seal.seen)
        if not hmac.compare_digest(f.seal.mac, expected):
            altered.append("the seal of the failed-unlock record does not verify")
        elif f.total < f.seal.seen:
            altered.append(
                f"failed unlocks counted: {f.total}, fewer than the {f.seal.seen} sealed at the"
                " last unlock"
            )
        elif len(f.times) != min(f.total - f.seal.seen, _FAILURES_KEPT):
            altered.append(
                f"{f.total - f.seal.seen} failed unlocks counted since the last unlock, but"
                f" {len(f.times)} times listed"
            )
        return FailureCheck(slot.id, f.total, sealed=True, altered=tuple(altered))

    def sealed_failures(self, username: str, data_key: bytes, seen: int) -> Keyring:
        """After a successful unlock audited the first `seen` failures: seal that count and keep
        only the times of failures counted since (another process may have added some)."""
        slot_id = self.slot_for(username).id

        def seal(f: Failures) -> Failures:
            total = max(f.total, seen)
            newer = total - seen
            times = f.times[-newer:] if newer else ()
            mac = _failure_mac(data_key, self.journal_id, slot_id, seen)
            return Failures(times, total, Seal(seen, mac))

        return self._set_failures(username, seal)

    def _set_failures(self, username: str, change: Any) -> Keyring:
        slots = tuple(
            dataclasses.replace(s, failures=change(s.failures))
            if s.kind == "user" and s.user == username
            else s
            for s in self.slots
        )
        return dataclasses.replace(self, slots=slots)

    def fingerprint(self) -> str:
        """A short, stable name for this keyring's slots, shown in the About box."""
        digest = hashlib.sha256(b"".join(s.public_key for s in self.slots)).hexdigest()
        return " ".join(digest[i : i + 4] for i in range(0, 16, 4))
