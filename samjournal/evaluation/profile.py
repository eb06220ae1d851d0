"""The study profile: the evaluator's public description of a study, with a fingerprint.

A profile names the study (id, name, organisation), says whom bundles are encrypted to (age X25519
recipients), which key signs the evaluator's receipts (a minisign public key), and the policy the
journal applies (k, m, tables, rounding and top-coding; never below `floor`). It is public: its
integrity comes from the fingerprint, read out over the phone and compared when a team lead
imports it. A profile whose embedded fingerprint does not match its content is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from samjournal.errors import BundleRejected
from samjournal.evaluation import floor
from samjournal.fsutil import os_reason
from samjournal.instruments.default import INNBYGGERNES_MODELL
from samjournal.instruments.model import Instrument, column_name, refused
from samjournal.instruments.parse import hidden, instrument_from_json
from samjournal.messages import keyed
from samjournal.minisign import PublicKey, heard_fingerprint, short_fingerprint

FORMAT = "samjournal-study-profile"
FORMAT_VERSION = 1
STUDY_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,62}$")
EVENT_TABLES = ("meetings", "needs", "payments", "checkins")
MAX_PROFILE_BYTES = 512 * 1024  # room for a few instruments of MAX_ITEMS items in three languages
MAX_INSTRUMENTS = 8
DEFAULT_M = 2  # profiles made before m existed mean this
MAX_M = (
    4  # the m-item combinations to check grow as n^m; beyond 4 they are neither feasible nor needed
)


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


@dataclass(frozen=True, slots=True)
class Policy:
    """What the journal must do before anything leaves it."""

    k: int = floor.MIN_K
    m: int = DEFAULT_M  # how many of a household's event items an outsider may know
    tables: tuple[str, ...] = EVENT_TABLES
    max_suppression: float = 0.05  # share of households whose quasi-identifiers may be starred
    amount_rounding_nok: int = 100
    amount_top_code_nok: int = 20_000
    budget_rounding_nok: int = 1_000
    budget_top_code_nok: int = 200_000  # the most; the journal caps lower, at the 90th percentile
    district: bool = True  # district may be released when k allows it
    districts: tuple[str, ...] = ()  # if given, only these district names are ever released
    municipality: str = ""

    def checked(self) -> Policy:
        floor.check(self)
        if self.k > 1000:
            raise keyed(BundleRejected, "study_profile_k_max")
        if self.m > MAX_M:
            raise keyed(BundleRejected, "study_profile_m_max", max_m=str(MAX_M))
        if not set(self.tables) <= set(EVENT_TABLES) or len(set(self.tables)) != len(self.tables):
            raise keyed(BundleRejected, "study_profile_tables_meetings")
        if not 0 <= self.max_suppression <= 0.5:
            raise keyed(BundleRejected, "study_profile_max_suppression")
        for name in ("amount_rounding_nok", "budget_rounding_nok"):
            if not 1 <= getattr(self, name) <= 100_000:
                raise keyed(BundleRejected, "study_profile_range_100k", name=str(name))
        for name in ("amount_top_code_nok", "budget_top_code_nok"):
            if not 1 <= getattr(self, name) <= 10_000_000:
                raise keyed(BundleRejected, "study_profile_range_10m", name=str(name))
        for rounding, cap in (
            (self.amount_rounding_nok, self.amount_top_code_nok),
            (self.budget_rounding_nok, self.budget_top_code_nok),
        ):
            if rounding > cap:
                raise keyed(BundleRejected, "study_profile_cap_smaller")
        if len(self.municipality) > 80 or any(len(d) > 80 for d in self.districts):
            raise keyed(BundleRejected, "study_profile_municipality_district")
        if hidden(self.municipality) or any(map(hidden, self.districts)):
            raise keyed(BundleRejected, "study_profile_hidden")
        return self

    def to_json(self) -> dict[str, Any]:
        # m is written only when it is not the default, so that profiles made before m existed
        # keep their fingerprint (it covers this dict).
        more = {"m": self.m} if self.m != DEFAULT_M else {}
        return {
            "k": self.k,
            **more,
            "tables": list(self.tables),
            "max_suppression": self.max_suppression,
            "amount_rounding_nok": self.amount_rounding_nok,
            "amount_top_code_nok": self.amount_top_code_nok,
            "budget_rounding_nok": self.budget_rounding_nok,
            "budget_top_code_nok": self.budget_top_code_nok,
            "district": self.district,
            "districts": list(self.districts),
            "municipality": self.municipality,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Policy:
        if not isinstance(raw, dict):
            raise keyed(BundleRejected, "study_profile_policy_missing")
        d = cls()
        try:
            policy = cls(
                k=_int(raw.get("k", d.k)),
                m=_int(raw.get("m", d.m)),
                tables=tuple(str(t) for t in raw.get("tables", d.tables)),
                max_suppression=float(raw.get("max_suppression", d.max_suppression)),
                amount_rounding_nok=_int(raw.get("amount_rounding_nok", d.amount_rounding_nok)),
                amount_top_code_nok=_int(raw.get("amount_top_code_nok", d.amount_top_code_nok)),
                budget_rounding_nok=_int(raw.get("budget_rounding_nok", d.budget_rounding_nok)),
                budget_top_code_nok=_int(raw.get("budget_top_code_nok", d.budget_top_code_nok)),
                district=bool(raw.get("district", d.district)),
                districts=tuple(str(x) for x in raw.get("districts", d.districts)),
                municipality=str(raw.get("municipality", d.municipality)),
            )
        except (TypeError, ValueError, OverflowError) as exc:
            raise keyed(BundleRejected, "study_profile_policy_fields") from exc
        return policy.checked()


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


@dataclass(frozen=True, slots=True)
class StudyProfile:
    id: str
    name: str
    organisation: str
    recipients: tuple[str, ...]  # age X25519 recipients, "age1..."
    receipt_key: str  # minisign public key line of the evaluator's receipt key
    policy: Policy = field(default_factory=Policy)
    created: str = ""
    instruments: tuple[Instrument, ...] = ()  # what the study asks at check-ins (issue 17)

    def body(self) -> dict[str, Any]:
        """Everything the fingerprint covers. Instruments only when there are any, so a profile
        made before them keeps its fingerprint."""
        asked = {"instruments": [i.to_json() for i in self.instruments]} if self.instruments else {}
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "id": self.id,
            "name": self.name,
            "organisation": self.organisation,
            "recipients": list(self.recipients),
            "receipt_key": self.receipt_key,
            "policy": self.policy.to_json(),
            "created": self.created,
            **asked,
        }

    @property
    def fingerprint(self) -> str:
        return short_fingerprint(canonical(self.body()))

    def to_json_text(self) -> str:
        return json.dumps({**self.body(), "fingerprint": self.fingerprint}, indent=2) + "\n"

    def canonical_text(self) -> str:
        return canonical({**self.body(), "fingerprint": self.fingerprint}).decode("ascii")

    def receipt_public_key(self) -> PublicKey:
        return PublicKey.from_line(self.receipt_key)

    def age_recipients(self) -> list[Any]:
        return [pyrage.x25519.Recipient.from_str(r) for r in self.recipients]

    def checked(self) -> StudyProfile:
        if not STUDY_ID.fullmatch(self.id):  # `$` alone lets "id\n" through
            raise keyed(BundleRejected, "study_profile_id_lower")
        if not self.name.strip() or len(self.name) > 200:
            raise keyed(BundleRejected, "study_profile_name_missing")
        if not self.organisation.strip() or len(self.organisation) > 200:
            raise keyed(BundleRejected, "study_profile_organisation_missing")
        # From outside the municipality, shown in the window and printed to the team lead's
        # terminal: an escape sequence or a direction override there is refused, as in the
        # profile's instruments (review s26: "Studie \u202eA\x1b[31mRED" was imported).
        if hidden(self.name) or hidden(self.organisation):
            raise keyed(BundleRejected, "study_profile_hidden")
        if not self.recipients or len(self.recipients) > 16:
            raise keyed(BundleRejected, "study_profile_needs_at")
        for recipient in self.recipients:
            try:
                pyrage.x25519.Recipient.from_str(recipient)
            except (pyrage.RecipientError, ValueError, TypeError) as exc:
                raise keyed(BundleRejected, "study_profile_age_recipient") from exc
        try:
            self.receipt_public_key()
        except BundleRejected as exc:
            raise keyed(BundleRejected, "study_profile_receipt_key") from exc
        self.policy.checked()
        # Built in code (evaluator init) or read from the file: the same checks either way.
        instruments_from_json([i.to_json() for i in self.instruments])
        return self

    # -- reading --------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str | bytes) -> StudyProfile:
        """A profile from its JSON; refused when its fingerprint does not match its content."""
        if len(text) > MAX_PROFILE_BYTES:
            raise keyed(BundleRejected, "study_profile_too_large")
        try:
            raw = json.loads(text)
            # Lone surrogates (from \ud800 escapes) parse, but no database or file takes them.
            json.dumps(raw, ensure_ascii=False).encode("utf-8")
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise keyed(BundleRejected, "study_profile_valid_json") from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise keyed(BundleRejected, "file_samjournal_study_profile")
        if raw.get("version") != FORMAT_VERSION:
            raise keyed(BundleRejected, "study_profile_unknown_version")
        try:
            profile = cls(
                id=_str(raw["id"]),
                name=_str(raw["name"]),
                organisation=_str(raw["organisation"]),
                recipients=tuple(_str(r) for r in raw["recipients"]),
                receipt_key=_str(raw["receipt_key"]),
                policy=Policy.from_json(raw["policy"]),
                created=_str(raw.get("created", "")),
                instruments=instruments_from_json(raw.get("instruments", [])),
            )
        except (KeyError, TypeError) as exc:
            raise keyed(BundleRejected, "study_profile_lacks_fields") from exc
        stated = raw.get("fingerprint")
        if not isinstance(stated, str) or heard_fingerprint(stated) != profile.fingerprint:
            raise keyed(BundleRejected, "study_profile_fingerprint_does")
        # The fingerprint covers exactly the fields read above: nothing else may ride along.
        known = set(profile.body()) | {"fingerprint"}
        if set(raw) - known:
            raise keyed(BundleRejected, "study_profile_unknown_fields")
        return profile.checked()

    @classmethod
    def load(cls, path: Path) -> StudyProfile:
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_PROFILE_BYTES + 1)
        except OSError as exc:
            raise keyed(
                BundleRejected, "cannot_read_study_profile", strerror=os_reason(exc)
            ) from exc
        return cls.parse(data)


def instruments_from_json(raw: object) -> tuple[Instrument, ...]:
    """A profile's instruments, each checked (ValidationError saying what to fix)."""
    if not isinstance(raw, list) or len(raw) > MAX_INSTRUMENTS:
        raise refused("instrument_shape", where="instruments")
    found = tuple(instrument_from_json(entry) for entry in raw)
    # Compared as the evaluator's table names (answers_<id>_v<version>) spell them.
    ids = [column_name(i.id) for i in found]
    for form, ident in zip(found, ids, strict=True):
        if ids.count(ident) > 1:
            raise refused("instrument_duplicate", instrument="instruments", item=form.id)
        if form.id == INNBYGGERNES_MODELL.id and form.to_json() != INNBYGGERNES_MODELL.to_json():
            # The journal's own id: the family is asked the journal's questions under it.
            raise refused("instrument_reserved", instrument=form.id)
    return found


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
