"""The consent gate: which families may be exported for a study, and why the others may not.

A family passes only while every recorded (live) adult member has an active consent for the study.
The gate reads the tables directly, so a withdrawal, a new adult without consent, an erasure or a
retention purge is seen at the next export without any hook in the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from samjournal.evaluation.sql import tuples
from samjournal.store import Database


class Left(StrEnum):
    """Why a family is not exported (also the reason on its tombstone, if it was before)."""

    NO_CONSENT = "no_consent"  # an adult has never consented
    WITHDRAWN = "withdrawn"  # an adult has withdrawn and not consented again
    NO_ADULTS = "no_adults"
    ERASED = "erased"  # soft-deleted family
    PURGED = "purged"  # gone from the journal (retention)
    TOO_FEW = "too_few"  # fewer consented households than k: nothing can be released


@dataclass(frozen=True, slots=True)
class Gate:
    eligible: frozenset[int]  # family ids
    left_out: dict[int, Left]  # live families that are not eligible, and erased ones

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for reason in self.left_out.values():
            out[reason.value] = out.get(reason.value, 0) + 1
        return out


def gate(db: Database, study_id: str) -> Gate:
    families = {
        int(r[0]): r[1] is not None for r in tuples(db, "SELECT id, deleted_at FROM families")
    }
    adults: dict[int, list[int]] = {}
    for member_id, family_id in tuples(
        db, "SELECT id, family_id FROM members WHERE is_child = 0 AND deleted_at IS NULL"
    ):
        adults.setdefault(int(family_id), []).append(int(member_id))
    active: set[int] = set()
    withdrawn: set[int] = set()
    for member_id, withdrawn_on in tuples(
        db, "SELECT member_id, withdrawn_on FROM consents WHERE study_id = ?", (study_id,)
    ):
        (withdrawn if withdrawn_on is not None else active).add(int(member_id))
    eligible: set[int] = set()
    left: dict[int, Left] = {}
    for family_id, deleted in families.items():
        if deleted:
            left[family_id] = Left.ERASED
            continue
        members = adults.get(family_id, [])
        if not members:
            left[family_id] = Left.NO_ADULTS
        elif all(m in active for m in members):
            eligible.add(family_id)
        elif any(m not in active and m in withdrawn for m in members):
            left[family_id] = Left.WITHDRAWN
        else:
            left[family_id] = Left.NO_CONSENT
    return Gate(frozenset(eligible), left)
