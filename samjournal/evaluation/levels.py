"""A study's global recoding: how coarse amounts, budget frames and household fields are released.

Chosen at a study's first export from the data, then kept: every bundle's risk report states them
and the next export reads them back from the last one, so a released generalisation never gets
finer (the household fields' node may only get coarser; rounding and top codes stay).

- Top codes come from the distribution: the 95th percentile of the amounts (90th of the budget
  frames) rounded up to the rounding, never above the study's cap; the share capped is reported.
- Amount rounding: the finest of the policy's rounding, 500, 1,000, 2,000 and 5,000 kr at which
  at most `MAX_RARE` of the payments have a (need category, amount, month proposed) that fewer
  than k households share. Budget frames likewise over 1,000 (the policy's), 5,000, 10,000 and
  25,000 kr, without a month, where no frame is rare.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from samjournal.evaluation.anonymise import Node, round_nok
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.sql import tuples
from samjournal.store import Database

MAX_RARE = 0.05
AMOUNT_STEPS = (500, 1_000, 2_000, 5_000)
BUDGET_STEPS = (5_000, 10_000, 25_000)
AMOUNT_PERCENTILE, BUDGET_PERCENTILE = 0.95, 0.90


@dataclass(frozen=True, slots=True)
class Levels:
    node: Node
    amount_rounding_nok: int
    amount_top_code_nok: int
    budget_rounding_nok: int
    budget_top_code_nok: int

    def to_json(self) -> dict[str, Any]:
        return {
            "node": list(self.node),
            "amount_rounding_nok": self.amount_rounding_nok,
            "amount_top_code_nok": self.amount_top_code_nok,
            "budget_rounding_nok": self.budget_rounding_nok,
            "budget_top_code_nok": self.budget_top_code_nok,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Levels | None:
        try:
            node = tuple(int(x) for x in raw["node"])
            if len(node) != 7:
                return None
            return cls(
                (node[0], node[1], node[2], node[3], node[4], node[5], node[6]),
                int(raw["amount_rounding_nok"]),
                int(raw["amount_top_code_nok"]),
                int(raw["budget_rounding_nok"]),
                int(raw["budget_top_code_nok"]),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def apply(self, policy: Policy) -> Policy:
        """The policy with these rounding and top codes (never finer than the policy's own)."""
        return replace(
            policy,
            amount_rounding_nok=max(policy.amount_rounding_nok, self.amount_rounding_nok),
            amount_top_code_nok=min(policy.amount_top_code_nok, self.amount_top_code_nok),
            budget_rounding_nok=max(policy.budget_rounding_nok, self.budget_rounding_nok),
            budget_top_code_nok=min(policy.budget_top_code_nok, self.budget_top_code_nok),
        )


def stored_levels(db: Database, study_id: str) -> Levels | None:
    """The study's levels as the last bundle's risk report states them (None before any)."""
    row = db.first(
        "SELECT risk_report FROM evaluation_exports WHERE study_id = ?"
        " ORDER BY sequence DESC LIMIT 1",
        (study_id,),
    )
    if row is None:
        return None
    raw = json.loads(row[0]).get("protection", {}).get("levels")
    return None if raw is None else Levels.from_json(raw)


def _percentile(values: Sequence[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)] if ordered else 0


def _top(values_ore: Sequence[int], share: float, rounding: int, cap: int) -> int:
    """The percentile in NOK rounded up to `rounding`, within [rounding, cap]."""
    nok = _percentile(values_ore, share) / 100
    return max(rounding, min(cap, math.ceil(nok / rounding) * rounding))


def _rare(values: Sequence[tuple[int, str, int]], k: int, rounding: int, top: int) -> float:
    """Share of (household, label, amount) rows whose (label, rounded amount) fewer than k
    households share (the label: need category and month, for payments)."""
    holders: dict[tuple[str, int], set[int]] = {}
    keyed = []
    for family, label, ore in values:
        key = (label, round_nok(ore, rounding, top)[0])
        holders.setdefault(key, set()).add(family)
        keyed.append(key)
    if not keyed:
        return 0.0
    return sum(1 for key in keyed if len(holders[key]) < k) / len(keyed)


def choose(db: Database, policy: Policy, families: frozenset[int]) -> Levels:
    """The study's levels for its first export, from the consented households' data."""
    payments = [
        (int(f), str(c or ""), int(a))
        for f, c, a in tuples(
            db,
            "SELECT p.family_id, coalesce(n.category, '') || substr(p.proposed_at, 1, 7),"
            " p.amount_ore FROM payments p LEFT JOIN needs n ON n.id = p.need_id"
            " WHERE p.deleted_at IS NULL",
        )
        if int(f) in families
    ]
    budgets = [
        (int(f), "", int(b))
        for f, b in tuples(db, "SELECT id, budget_ore FROM families WHERE deleted_at IS NULL")
        if int(f) in families
    ]
    k = policy.k
    amount_steps = [policy.amount_rounding_nok] + [
        s for s in AMOUNT_STEPS if s > policy.amount_rounding_nok
    ]
    amount, amount_top = amount_steps[-1], policy.amount_top_code_nok
    for step in amount_steps:
        top = _top([a for _, _, a in payments], AMOUNT_PERCENTILE, step, policy.amount_top_code_nok)
        if _rare(payments, k, step, top) <= MAX_RARE:
            amount, amount_top = step, top
            break
    else:
        amount_top = _top(
            [a for _, _, a in payments], AMOUNT_PERCENTILE, amount, policy.amount_top_code_nok
        )
    budget_steps = [policy.budget_rounding_nok] + [
        s for s in BUDGET_STEPS if s > policy.budget_rounding_nok
    ]
    budget, budget_top = budget_steps[-1], policy.budget_top_code_nok
    for step in budget_steps:
        top = _top([b for _, _, b in budgets], BUDGET_PERCENTILE, step, policy.budget_top_code_nok)
        budget, budget_top = step, top
        if _rare(budgets, k, step, top) == 0:
            break
    return Levels((0, 0, 0, 0, 0, 0, 0), amount, amount_top, budget, budget_top)
