"""A journal's last refused bundle, kept by its message key for `evaluator status`.

A refusal at import is said once, on the evaluator's screen. A journal that stays blocked
(a restore waiting for a decision, a loss not stated, a rewritten log, a signing key not
registered for it) must show in `status`
too, with why and what to do, in the evaluator's language: so the message is kept by its key and
parameters (JSON), a message inside a message too, and worded again when shown.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping

from samjournal.errors import SamJournalError
from samjournal.messages import MESSAGES, Param, Said, said


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
