"""The failed-unlock record in keyring.json, held against what the audit log last saw.

Failures happen without a key, so they are written in the clear and anyone holding the folder
can edit them. What a successful unlock can still tell: the count only grows, each unlock seals
the count it reported (keyring.Seal) and writes it into its audit event, in the encrypted
database. A later unlock that finds the seal broken or removed, the count lower than the seal or
the audit log says, or fewer times listed than counted, records that in the audit log. What it
cannot tell is a record put back exactly as the last unlock left it (README: "What the journal
folder reveals without a passphrase").
"""

from __future__ import annotations

import re

from samjournal.audit import Action
from samjournal.keyring import FailureCheck
from samjournal.store import Database

_COUNTED = "failed unlocks counted: {} (slot {})"
_COUNTED_RE = re.compile(r"failed unlocks counted: (\d+) \(slot ([\w-]+)\)")


def counted(check: FailureCheck) -> str:
    """The unlock event's detail: how many failures the slot had counted when it opened."""
    return _COUNTED.format(check.total, check.slot)


def last_counted(db: Database, username: str, slot: str) -> int | None:
    """The count the slot's last successful unlock recorded; None before any did."""
    row = db.first(
        "SELECT detail FROM audit WHERE action = ? AND entity_id = ? AND detail LIKE ?"
        " ORDER BY seq DESC LIMIT 1",  # from the end: the last unlock is usually recent
        (Action.UNLOCK.value, username, f"failed unlocks counted: % (slot {slot})"),
    )
    match = _COUNTED_RE.fullmatch(str(row[0])) if row else None
    return int(match[1]) if match and match[2] == slot else None


def failures_altered(db: Database, username: str, check: FailureCheck) -> tuple[str, ...]:
    """What shows the record was edited since the last unlock, for the audit log."""
    found = list(check.altered)
    before = last_counted(db, username, check.slot)
    if before is None:
        return tuple(found)  # never unlocked by a version that seals: nothing to hold it to
    if not check.sealed:
        found.append("the seal of the failed-unlock record was removed from keyring.json")
    if check.total < before:
        found.append(
            f"keyring.json counts {check.total} failed unlocks, fewer than the {before} the last"
            " unlock recorded: an older keyring.json was put back, or the count was edited"
        )
    return tuple(found)
