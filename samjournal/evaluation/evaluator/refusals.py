"""A journal's last refused bundle, kept by its message key for `evaluator status`.

A refusal at import is said once, on the evaluator's screen. A journal that stays blocked
(a restore waiting for a decision, a loss not stated, a rewritten log, a signing key not
registered for it) must show in `status`
too, with why and what to do, in the evaluator's language: so the message is kept by its key and
parameters (JSON), a message inside a message too, and worded again when shown.

Every bundle refused for a registered journal's id, signed with a key not registered for it, is
kept besides (`refused_foreign`), whatever the journal sends after: the journal's last refusal
went with its next good import, and with it the trace that someone tried to send in its name
(evaluator review s23).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping

from samjournal.errors import SamJournalError
from samjournal.evaluation.profile import now_iso
from samjournal.evaluation.sql import tuples
from samjournal.messages import MESSAGES, Param, Said, said
from samjournal.minisign import PublicKey
from samjournal.store import Database

# Bundles refused for a registered journal's id, signed with a key not registered for it
# (workspace migration 12).
FOREIGN = """
CREATE TABLE IF NOT EXISTS foreign_bundles (
    bundle_hash TEXT PRIMARY KEY,
    journal_id  TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    public_key  TEXT NOT NULL,
    refused_at  TEXT NOT NULL
) WITHOUT ROWID
"""


def _param(value: object) -> object:
    if isinstance(value, Said):
        return {"key": value.key, "params": {k: _param(v) for k, v in value.params.items()}}
    if isinstance(value, int | str):
        return value
    return str(value)


def kept(error: SamJournalError) -> str:
    """The error as JSON: its key and parameters (its text when it has no key)."""
    if not error.key:
        return json.dumps({"text": str(error)}, ensure_ascii=False)
    params = {k: _param(v) for k, v in (error.params or {}).items()}
    return json.dumps({"key": error.key, "params": params}, ensure_ascii=False)


def _said(raw: Mapping[str, object]) -> Said | str:
    key, params = raw.get("key"), raw.get("params")
    if not isinstance(key, str) or key not in MESSAGES or not isinstance(params, dict):
        return str(raw.get("text", ""))
    values: dict[str, Param] = {}
    for name, value in params.items():
        if isinstance(value, dict):
            values[name] = _said(value)
        elif isinstance(value, int | str):
            values[name] = value
    return Said(key, values)


def worded(stored: str) -> Said | str:
    """The message kept by `kept`, to word in the user's language (i18n.word)."""
    try:
        raw = json.loads(stored)
    except ValueError:
        return stored
    return _said(raw) if isinstance(raw, dict) else stored


def refused_line(sequence: int, at: str, stored: str, in_use: Collection[int]) -> Said:
    """The status line of a journal whose bundle numbered `sequence` was refused, `in_use` the
    numbers of its bundles stored. A bundle signed with another key is not the journal's own:
    when one of that number or later is stored, the refusal took nothing and blocks nothing.
    Any other refusal (a cut log, a restore) blocks the journal whatever it stored before."""
    why = worded(stored)
    foreign = isinstance(why, Said) and why.key == "journal_registered_another_signing"
    if foreign and sequence in in_use:
        return said("journal_refused_copy", sequence=sequence, at=at, why=why)
    if foreign and any(n > sequence for n in in_use):
        return said("journal_refused_older_number", sequence=sequence, at=at, why=why)
    return said("journal_blocked", sequence=sequence, at=at, why=why)


def refused_foreign(
    db: Database, journal_id: str, sequence: int, bundle_hash: str, key: PublicKey
) -> None:
    """Keep a bundle refused for `journal_id` (registered), signed with `key`, not its own."""
    with db.transaction():
        db.execute(
            "INSERT OR IGNORE INTO foreign_bundles (bundle_hash, journal_id, sequence, public_key,"
            " refused_at) VALUES (?, ?, ?, ?, ?)",
            (bundle_hash, journal_id, sequence, key.to_line(), now_iso()),
        )


def foreign(db: Database, journal_id: str) -> Said | None:
    """The status line of the bundles refused for the journal, signed with keys not registered
    for it now (a key registered since was the journal's own new one: that refusal is settled)."""
    rows = tuples(
        db,
        "SELECT public_key, refused_at FROM foreign_bundles f WHERE journal_id = ? AND NOT EXISTS"
        " (SELECT 1 FROM journal_keys k WHERE k.journal_id = f.journal_id"
        " AND k.public_key = f.public_key AND k.how = 'registered') ORDER BY refused_at",
        (journal_id,),
    )
    if not rows:
        return None
    keys = dict.fromkeys(PublicKey.from_line(str(r[0])).fingerprint for r in rows)
    return said(
        "journal_foreign_bundles", count=len(rows), at=str(rows[-1][1]), keys=", ".join(keys)
    )
