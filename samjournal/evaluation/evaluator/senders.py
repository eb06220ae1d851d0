"""Known senders: the journals an evaluator has registered, and the keys that sign for them.

Anyone holding the public study profile can encrypt a bundle to the study, so a bundle's own
signature proves nothing about who made it. The evaluator therefore registers each journal first:
its id, its minisign public key (as `samjournal key` writes it, fingerprint read out over the
phone) and a site label (municipality and team). `require` refuses a bundle from an unregistered
journal id or signed with a key not registered for that id. A key belongs to one journal: the
same key for a second journal id is refused (a copied journal folder or a forgery, never a team).
Every bundle refused for a registered journal's id, signed with a key not registered for it, is
kept (refusals.py, `foreign`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from samjournal.errors import BundleRejected, UnknownSender
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.profile import now_iso
from samjournal.evaluation.sql import tuples
from samjournal.messages import invalid, keyed
from samjournal.minisign import PublicKey

JOURNAL_ID = re.compile(r"^[0-9a-f]{32}$")
MAX_SITE = 120
MAX_KEY_FILE = 4096


@dataclass(frozen=True, slots=True)
class SenderKey:
    key_id: str
    fingerprint: str
    trusted_at: str
    how: str  # registered; first_use or explicit for keys trusted before registration existed


@dataclass(frozen=True, slots=True)
class Sender:
    """A journal the evaluator knows: registered (site set) or only seen before schema 2."""

    journal_id: str
    site: str
    registered_at: str  # "" when seen but never registered: its bundles are refused
    keys: tuple[SenderKey, ...]

    @property
    def registered(self) -> bool:
        return bool(self.registered_at)


def read_key(text: str | bytes) -> PublicKey:
    """A journal's public key from the file `samjournal key` writes (or its bare line)."""
    if len(text) > MAX_KEY_FILE:
        raise invalid("--key", "minisign_key_file")
    try:
        raw = text.decode("utf-8") if isinstance(text, bytes) else text
        return PublicKey.from_file(raw)
    except (UnicodeDecodeError, BundleRejected) as exc:
        raise invalid("--key", "minisign_key_file") from exc


def register(
    ws: Workspace, journal_id: str, key: PublicKey, site: str, *, new_key: bool = False
) -> Sender:
    """Register `journal_id` with `key` and `site`; again with the same key updates the site.

    A key not yet registered for an already registered journal is added only with `new_key`
    (the journal has made a new signing key and its fingerprint was read out again).
    """
    journal_id = journal_id.strip().lower()
    if not JOURNAL_ID.fullmatch(journal_id):
        raise invalid("--id", "journal_id_32_characters")
    site = " ".join(site.split())
    if not site:
        raise invalid("--site", "write_municipality_team_e")
    if len(site) > MAX_SITE:
        raise invalid("--site", "value_too_long")
    # The label goes into every CSV a researcher opens: no control characters, no lone halves
    # of surrogate pairs (what a mis-encoded command line leaves).
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in site):
        raise invalid("--site", "characters_that_cannot_written")
    line, now = key.to_line(), now_iso()
    db = ws.db
    with db.transaction():
        owners = {
            r[0]
            for r in tuples(
                db,
                "SELECT journal_id FROM journal_keys WHERE public_key = ? AND journal_id != ?",
                (line, journal_id),
            )
        }
        if owners:
            raise invalid(
                "--key",
                "key_already_registered_journal",
                key_id_hex=str(key.key_id_hex),
                min=str(min(owners)),
            )
        registered = db.first("SELECT 1 FROM journals WHERE journal_id = ?", (journal_id,))
        has_key = db.first(
            "SELECT 1 FROM journal_keys WHERE journal_id = ? AND public_key = ?"
            " AND how = 'registered'",
            (journal_id, line),
        )
        if registered is not None and has_key is None and not new_key:
            raise invalid("--key", "journal_registered_another_key", journal_id=str(journal_id))
        db.execute(
            "INSERT INTO journals (journal_id, site, registered_at) VALUES (?, ?, ?)"
            " ON CONFLICT (journal_id) DO UPDATE SET site = excluded.site",
            (journal_id, site, now),
        )
        db.execute(
            "INSERT INTO journal_keys (journal_id, key_id, public_key, fingerprint, trusted_at,"
            " how) VALUES (?, ?, ?, ?, ?, 'registered') ON CONFLICT (journal_id, public_key)"
            " DO UPDATE SET how = 'registered', trusted_at = excluded.trusted_at"
            " WHERE journal_keys.how != 'registered'",
            (journal_id, key.key_id_hex, line, key.fingerprint, now),
        )
    found = sender(ws, journal_id)
    assert found is not None
    return found


def senders(ws: Workspace) -> list[Sender]:
    """Every registered journal, then every journal only seen (data from before schema 2)."""
    db = ws.db
    keys: dict[str, list[SenderKey]] = {}
    for journal_id, key_id, fingerprint, trusted_at, how in tuples(
        db,
        "SELECT journal_id, key_id, fingerprint, trusted_at, how FROM journal_keys"
        " ORDER BY journal_id, trusted_at, key_id",
    ):
        keys.setdefault(journal_id, []).append(SenderKey(key_id, fingerprint, trusted_at, how))
    registered = {
        r[0]: (r[1], r[2])
        for r in tuples(db, "SELECT journal_id, site, registered_at FROM journals")
    }
    seen = {r[0] for r in tuples(db, "SELECT DISTINCT journal_id FROM bundles")}
    out = [Sender(j, site, at, tuple(keys.get(j, ()))) for j, (site, at) in registered.items()]
    out += [Sender(j, "", "", tuple(keys.get(j, ()))) for j in (seen | set(keys)) - set(registered)]
    out.sort(key=lambda s: (not s.registered, s.site.casefold(), s.journal_id))
    return out


def sender(ws: Workspace, journal_id: str) -> Sender | None:
    return next((s for s in senders(ws) if s.journal_id == journal_id), None)


def sites(ws: Workspace) -> dict[str, str]:
    """Journal id -> site label, for every registered journal."""
    return {r[0]: r[1] for r in tuples(ws.db, "SELECT journal_id, site FROM journals")}


def require(ws: Workspace, journal_id: str, key: PublicKey) -> str:
    """The site of `journal_id` when `key` is registered for it; UnknownSender otherwise."""
    db = ws.db
    row = db.first("SELECT site FROM journals WHERE journal_id = ?", (journal_id,))
    if row is None:
        raise keyed(
            UnknownSender,
            "journal_registered_evaluator_bundle",
            journal_id=str(journal_id),
            key_id_hex=str(key.key_id_hex),
            fingerprint=str(key.fingerprint),
        )
    if (
        db.first(
            "SELECT 1 FROM journal_keys WHERE journal_id = ? AND public_key = ?"
            " AND how = 'registered'",
            (journal_id, key.to_line()),
        )
        is None
    ):
        raise keyed(
            UnknownSender,
            "journal_registered_another_signing",
            journal_id=str(journal_id),
            key_id_hex=str(key.key_id_hex),
            fingerprint=str(key.fingerprint),
        )
    return str(row[0])
