"""A study's global recoding: how coarse amounts, budget frames and household fields are released.

Chosen at a study's first export from the data, then kept: every bundle's risk report states them
and the next export reads them back from the last one, so a released generalisation never gets
finer (the household fields' node may only get coarser; rounding and top codes stay).

- Top codes come from the distribution: the 95th percentile of the amounts (90th of the budget
  frames) rounded up to the rounding, never above the study's cap; the share capped is reported.
- Amount rounding and calendar: a search over the lattice of amount rounding (the policy's,
  500, 1,000, 2,000, 5,000 kr) by the opening period's level (no finer than the household
  fields need: month, quarter, half-year, year) for the point that loses least, measured on the
  data: the share of rows the k^m check holds back at that point (run for real: suppression is
  the lattice's third axis), plus the amounts' information loss (how far the
  released amounts are from the true ones, over the sum of the amounts), plus the calendar's
  (the months an event's position is widened by, of the 11 a year adds). It starts from the
  rule of thumb (the finest rounding where at most 5 % of payments are rare alone) and runs at
  most `SEARCH_BUDGET` payments' worth of checks. What it measured is kept in the levels and
  stated in every risk report.
- Need categories: a third axis of the same search, as recorded, in three groups or hidden
  (anonymise.CATEGORY_LEVELS), its loss the categories' loss metric per row offered. A small
  journal's needs are few in a month: as recorded they held back 89 % of a 60-family demo's
  needs and 87 % of its payments (65 % of its rows); in three groups 20 %, 33 % and 26 %. A
  municipal journal measures only the rule of thumb's point, with categories as recorded.
- Budget frames: the finest of 1,000 (the policy's), 5,000, 10,000 and 25,000 kr, without a
  month, where no frame is rare.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any

from samjournal.evaluation.anonymise import (
    CATEGORY_LEVELS,
    Node,
    category_level,
    category_loss,
    round_nok,
)
from samjournal.evaluation.attacker import PERIODS
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.release_source import Source
from samjournal.store import Database

_SPAN = (1, 3, 6, 12)  # months in an opening period, by level
MAX_RARE = 0.05
# Points the search may run, as payments times points: each point is a whole check, so a
# municipal journal (100,000 payments) runs one, from the rule of thumb, and a small one all.
SEARCH_BUDGET = 150_000
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
    categories: int = 0  # need categories' level (anonymise.CATEGORY_LEVELS)
    search: dict[str, float] = field(default_factory=dict)  # what `search` measured, kept

    @property
    def key(self) -> tuple[Any, ...]:
        """What the release depends on (the search's figures apart)."""
        return (
            self.node,
            self.amount_rounding_nok,
            self.amount_top_code_nok,
            self.budget_rounding_nok,
            self.budget_top_code_nok,
            self.categories,
        )

    def to_json(self) -> dict[str, Any]:
        more = {"search": dict(self.search)} if self.search else {}
        return {
            "node": list(self.node),
            "amount_rounding_nok": self.amount_rounding_nok,
            "amount_top_code_nok": self.amount_top_code_nok,
            "budget_rounding_nok": self.budget_rounding_nok,
            "budget_top_code_nok": self.budget_top_code_nok,
            "need_categories": self.categories,
            **more,
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
                category_level(raw.get("need_categories")),
                {str(k): float(v) for k, v in dict(raw.get("search", {})).items()},
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


# From this many rows on, `_rare` counts with numpy arrays (the payments of a large journal).
ARRAYS_FROM = 5_000
Rare = Callable[[int, int], float]  # (rounding, top) -> share of rare rows


def _rare(values: Sequence[tuple[int, str, int]], k: int, rounding: int, top: int) -> float:
    """Share of (household, label, amount) rows whose (label, rounded amount) fewer than k
    households share (the label: need category and month, for payments)."""
    return _rare_at(values, k)(rounding, top)


def _rare_at(values: Sequence[tuple[int, str, int]], k: int) -> Rare:
    """`_rare` of these rows at any rounding: for many rows, numpy arrays made once."""
    if len(values) >= ARRAYS_FROM:
        try:
            return _rare_by_arrays(values, k)
        except ImportError:  # the frozen program leaves numpy out (packaging/samjournal.spec)
            pass
    return lambda rounding, top: _rare_by_rows(values, k, rounding, top)


def _rare_by_rows(values: Sequence[tuple[int, str, int]], k: int, rounding: int, top: int) -> float:
    holders: dict[tuple[str, int], set[int]] = {}
    keyed = []
    rounded: dict[int, int] = {}  # few distinct amounts: each rounded once
    for family, label, ore in values:
        nok = rounded.get(ore)
        if nok is None:
            nok = rounded[ore] = round_nok(ore, rounding, top)[0]
        key = (label, nok)
        found = holders.get(key)
        if found is None:
            holders[key] = {family}
        else:
            found.add(family)
        keyed.append(key)
    if not keyed:
        return 0.0
    return sum(1 for key in keyed if len(holders[key]) < k) / len(keyed)


def _rare_by_arrays(values: Sequence[tuple[int, str, int]], k: int) -> Rare:
    """`_rare` by numpy: labels, distinct amounts and households as dense codes (made once);
    at each rounding, each (label, rounded amount) a key, each (key, household) pair counted
    once, the households per key by bincount (the same share)."""
    import numpy as np

    n = len(values)
    codes: dict[str, int] = {}
    label = np.fromiter((codes.setdefault(v[1], len(codes)) for v in values), np.int64, n)
    amounts, amount = np.unique(
        np.fromiter((v[2] for v in values), np.int64, n), return_inverse=True
    )
    family = np.unique(np.fromiter((v[0] for v in values), np.int64, n), return_inverse=True)[1]
    families = int(family.max()) + 1

    def share(rounding: int, top: int) -> float:
        step = rounding * 100
        steps = np.maximum((amounts + step // 2) // step, amounts > 0)  # round_nok's amount
        nok = np.minimum(steps * rounding, top)
        levels, nok_code = np.unique(nok, return_inverse=True)  # few: the distinct amounts
        key = label * len(levels) + nok_code[amount]
        space = len(codes) * len(levels)
        if space > 4 * n:  # many labels and amounts: keys made dense, so the bins stay few
            key = np.unique(key, return_inverse=True)[1]
            space = int(key.max()) + 1
        pairs = np.unique(key * families + family)
        holders = np.bincount(pairs // families, minlength=space)
        return int((holders[key] < k).sum()) / n

    return share


@dataclass(frozen=True, slots=True)
class Measured:
    """One point of the amounts-by-calendar search, measured on the consented households."""

    amount_rounding_nok: int
    amount_top_code_nok: int
    period: int  # the opening period's level (attacker.PERIODS)
    amount_loss: float  # sum of |released - true| over the sum of the amounts
    calendar_loss: float  # months an event's calendar position is widened by, of the 11 a year adds
    held_share: float = 1.0  # rows offered that the check holds back at this point
    categories: int = 0  # need categories' level (anonymise.CATEGORY_LEVELS)
    category_loss: float = 0.0  # anonymise.category_loss

    @property
    def information_loss(self) -> float:
        """What the point loses whatever the check holds back (known before measuring)."""
        return self.amount_loss + self.calendar_loss + self.category_loss

    @property
    def loss(self) -> float:
        return self.held_share + self.information_loss


def _loss(amounts: Counter[int], rounding: int, top: int) -> float:
    """Sum of |released - true| over the sum of the amounts (`amounts`: how often each)."""
    total = sum(a * n for a, n in amounts.items())
    if not total:
        return 0.0
    off = sum(abs(round_nok(a, rounding, top)[0] * 100 - a) * n for a, n in amounts.items())
    return off / total


def _steps(policy: Policy) -> list[int]:
    return [policy.amount_rounding_nok] + [
        s for s in AMOUNT_STEPS if s > policy.amount_rounding_nok
    ]


def points(
    amounts: Sequence[int],
    policy: Policy,
    least_period: int,
    category_losses: Sequence[float] = (0.0,),
) -> list[Measured]:
    """Every point of the lattice (amount rounding by opening-period level, no finer than
    `least_period`, by need categories' level: one per loss in `category_losses`) with its
    information loss, not yet measured; least loss first."""
    counts = Counter(amounts)
    found = []
    for step in _steps(policy):
        top = _top(amounts, AMOUNT_PERCENTILE, step, policy.amount_top_code_nok)
        loss = round(_loss(counts, step, top), 4)
        for period in range(least_period, len(PERIODS)):
            calendar = round((_SPAN[period] - 1) / 11, 4)
            for level, lost in enumerate(category_losses):
                found.append(
                    Measured(step, top, period, loss, calendar, 1.0, level, round(lost, 4))
                )
    found.sort(key=lambda x: (x.information_loss, -x.amount_rounding_nok, x.categories))
    return found


def search(
    amounts: Sequence[int],
    policy: Policy,
    least_period: int,
    held: Callable[[Measured], float],
    *,
    first: int | None = None,
    budget: int | None = None,
    category_losses: Sequence[float] = (0.0,),
) -> tuple[Measured, int]:
    """The point that loses least: the share of rows the check holds back there
    (`held(point)`, measured by running it) plus the amounts', the calendar's and the need
    categories' information loss (`category_losses`: by level, as `points` takes them).
    Points are measured in order of information loss, stopping when no point left can beat the
    best (a share held back is never below 0); returns the best and how many points were
    measured. `first`: the amount rounding to measure first (the rest keep their order, so the
    stop still holds); `budget`: at most that many points."""
    best: Measured | None = None
    measured = 0
    order = points(amounts, policy, least_period, category_losses)
    lead = [p for p in order if p.amount_rounding_nok == first][:1]
    for point in lead + [p for p in order if p not in lead]:
        if best is not None and point.information_loss >= best.loss:
            break
        if budget is not None and measured >= budget:
            break
        share = held(point)
        point = replace(point, held_share=round(share, 4))
        measured += 1
        if best is None or point.loss < best.loss:
            best = point
    assert best is not None
    return best, measured


def _rule_of_thumb(payments: Sequence[tuple[int, str, int]], policy: Policy) -> int:
    """The finest rounding at which at most `MAX_RARE` of the payments have a (need category,
    month proposed, amount) fewer than k households share: where the search starts."""
    amounts = sorted(a for _, _, a in payments)  # sorted once: each percentile re-sorts in O(n)
    steps = _steps(policy)
    rare = _rare_at(payments, policy.k)
    for step in steps:
        top = _top(amounts, AMOUNT_PERCENTILE, step, policy.amount_top_code_nok)
        if rare(step, top) <= MAX_RARE:
            return step
    return steps[-1]


def choose(
    source: Source,
    policy: Policy,
    node_for: Callable[[Policy], Node],
    held: Callable[[Levels], float],
) -> Levels:
    """The study's levels for its first export, from the consented households' data (the
    plan's reads, shared with the release): budget frames first; then the household fields'
    node under them (`node_for`); then amounts and calendar by `search`, `held` running the
    check at each point measured."""
    families = source.gate().eligible
    budgets = [(f, "", row[5]) for f, row in source.families().items() if f in families]
    k = policy.k
    budget_steps = [policy.budget_rounding_nok] + [
        s for s in BUDGET_STEPS if s > policy.budget_rounding_nok
    ]
    budget, budget_top = budget_steps[-1], policy.budget_top_code_nok
    for step in budget_steps:
        top = _top([b for _, _, b in budgets], BUDGET_PERCENTILE, step, policy.budget_top_code_nok)
        budget, budget_top = step, top
        if _rare(budgets, k, step, top) == 0:
            break
    node = node_for(replace(policy, budget_rounding_nok=budget, budget_top_code_nok=budget_top))
    # (household, need category and month proposed, amount): no month, no label.
    category = source.categories().get
    payments = [
        (f, "" if month is None else category(need, "") + month, ore)
        for _, f, need, ore, month, _ in source.payments()
        if f in families
    ]
    amounts = sorted(a for _, _, a in payments)  # sorted once: each percentile re-sorts in O(n)

    def at(point: Measured) -> Levels:
        a, s, c, g, p, t, b = node
        node_at = (a, s, c, g, max(p, point.period), t, b)
        rounding, top = point.amount_rounding_nok, point.amount_top_code_nok
        return Levels(node_at, rounding, top, budget, budget_top, point.categories)

    losses = _category_losses(source, policy, families)
    allowed = max(1, SEARCH_BUDGET // max(1, len(amounts)))
    # When the budget cannot cover the lattice, the rule of thumb's point is measured first.
    many = allowed < len(_steps(policy)) * (len(PERIODS) - node[4]) * len(losses)
    best, measured = search(
        amounts,
        policy,
        node[4],
        lambda point: held(at(point)),
        first=_rule_of_thumb(payments, policy) if many else None,
        budget=allowed,
        category_losses=losses,
    )
    return replace(
        at(best),
        search={
            "points_measured": measured,
            "rows_held_share": best.held_share,
            "amount_loss": best.amount_loss,
            "calendar_loss": best.calendar_loss,
            "category_loss": best.category_loss,
        },
    )


def _category_losses(source: Source, policy: Policy, families: AbstractSet[int]) -> list[float]:
    """`category_loss` at each level, over the rows a first export offers (the households' and
    their rows of the study's tables); as recorded only when the study takes no categories."""
    tables = policy.tables
    if "needs" not in tables and "payments" not in tables:
        return [0.0]
    needs = [n for n in source.needs() if n[1] in families]
    category_of = {n[0]: n[3] for n in source.needs()}  # as the release shows a payment's
    categories = [n[3] for n in needs] if "needs" in tables else []
    rows = len(families) + (len(needs) if "needs" in tables else 0)
    if "payments" in tables:
        payments = [p for p in source.payments() if p[1] in families]
        categories += [category_of.get(p[2], "") for p in payments]
        rows += len(payments)
    if "meetings" in tables:
        rows += sum(1 for m in source.meetings() if m[1] in families)
    if "checkins" in tables:
        rows += sum(1 for c in source.checkins() if c[1] in families)
    return [category_loss(categories, rows, level) for level in range(len(CATEGORY_LEVELS))]
