"""Aggregates for the portfolio report, as a few SQL queries over every visible family.

Opening 2,000 families one by one through the facade would take seconds; these read sums and
counts straight from the store, limited by the session's visibility rule like every other read.
Nothing here returns a name or free text: the portfolio is figures only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from samjournal.journal import Journal
from samjournal.model import CHECKIN_DOMAINS, OPEN_NEED_STATUSES, FamilyStatus, NeedCategory
from samjournal.money import Money
from samjournal.records.status_reached import reached

MIN_CELL = 5  # no figure of fewer families than this in a report for many families

_OPEN = ", ".join(f"'{s}'" for s in sorted(OPEN_NEED_STATUSES))
# The date a payment counts on: the day it was paid, else the day it was approved.
_PAY_DAY = "coalesce(p.paid_on, substr(p.approved_at, 1, 10))"
# When a need was met or dropped: the first kept version with that status (as the export dates it).
_MET = reached("need", "n", "met", ())
_DROPPED = reached("need", "n", "dropped", ())


@dataclass(frozen=True, slots=True)
class StatusCount:
    status: FamilyStatus
    families: int
    opened: int  # opened within the period
    closed: int  # closed within the period


@dataclass(frozen=True, slots=True)
class OwnerRow:
    owner: str
    active: int
    paused: int
    closed: int
    open_needs: int


@dataclass(frozen=True, slots=True)
class PaymentCell:
    month: str  # YYYY-MM
    category: NeedCategory | None
    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class BudgetUse:
    families: int
    frame: Money
    spent: Money
    committed: Money
    proposed: Money
    over_90: int  # families with spent + committed above 90 % of their frame
    over_100: int

    @property
    def remaining(self) -> Money:
        return self.frame - self.spent - self.committed


@dataclass(frozen=True, slots=True)
class NeedRow:
    category: NeedCategory
    raised: int  # raised within the period
    open_now: int  # raised by the end of the period and still open
    met: int  # met within the period (raised before it, or in it)
    dropped: int  # dropped within the period


@dataclass(frozen=True, slots=True)
class ScoreMonth:
    month: str  # YYYY-MM
    answers: int
    averages: dict[str, float | None]  # life_satisfaction and each domain


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """One domain, over the families with at least two answers to it in the period: each
    family's first and latest answer, averaged, and how many went up, stayed or went down."""

    key: str
    families: int
    first: float
    latest: float
    better: int
    same: int
    worse: int

    @property
    def change(self) -> float:
        return self.latest - self.first


class PortfolioQueries:
    def __init__(self, journal: Journal, start: dt.date, end: dt.date) -> None:
        ctx = journal._ctx
        self._db = ctx.db
        self._visible, self._params = ctx.visibility("f")
        self._start, self._end = start.isoformat(), end.isoformat()

    def _where(self) -> str:
        return f"f.deleted_at IS NULL AND {self._visible}"

    def status_counts(self) -> list[StatusCount]:
        rows = self._db.all(
            "SELECT f.status, count(*) AS n,"
            " sum(f.opened_on BETWEEN ? AND ?) AS opened,"
            " sum(coalesce(f.closed_on BETWEEN ? AND ?, 0)) AS closed"
            f" FROM families f WHERE {self._where()} AND f.opened_on <= ? GROUP BY f.status",
            (self._start, self._end, self._start, self._end, *self._params, self._end),
        )
        found = {FamilyStatus(r["status"]): r for r in rows}
        return [
            StatusCount(
                s,
                int(found[s]["n"]) if s in found else 0,
                int(found[s]["opened"] or 0) if s in found else 0,
                int(found[s]["closed"] or 0) if s in found else 0,
            )
            for s in FamilyStatus
        ]

    def owners(self) -> list[OwnerRow]:
        rows = self._db.all(
            "SELECT u.display_name AS owner,"
            " sum(f.status = 'active') AS active, sum(f.status = 'paused') AS paused,"
            " sum(f.status = 'closed') AS closed,"
            " (SELECT count(*) FROM needs n JOIN families g ON g.id = n.family_id"
            "   WHERE g.owner_id = u.id AND g.deleted_at IS NULL AND n.deleted_at IS NULL"
            f"   AND n.status IN ({_OPEN})) AS open_needs"
            f" FROM families f JOIN users u ON u.id = f.owner_id WHERE {self._where()}"
            " AND f.opened_on <= ? GROUP BY u.id ORDER BY u.display_name",
            (*self._params, self._end),
        )
        return [
            OwnerRow(
                r["owner"],
                int(r["active"] or 0),
                int(r["paused"] or 0),
                int(r["closed"] or 0),
                int(r["open_needs"] or 0),
            )
            for r in rows
        ]

    def payments(self) -> list[PaymentCell]:
        """Approved and paid payments per month and category (of the need they serve)."""
        rows = self._db.all(
            f"SELECT substr({_PAY_DAY}, 1, 7) AS month, n.category, count(*) AS n,"
            " sum(p.amount_ore) AS total"
            " FROM payments p JOIN families f ON f.id = p.family_id"
            " LEFT JOIN needs n ON n.id = p.need_id"
            f" WHERE {self._where()} AND p.deleted_at IS NULL"
            " AND p.status IN ('approved', 'paid')"
            f" AND {_PAY_DAY} BETWEEN ? AND ?"
            " GROUP BY month, n.category ORDER BY month",
            (*self._params, self._start, self._end),
        )
        return [
            PaymentCell(
                r["month"],
                None if r["category"] is None else NeedCategory(r["category"]),
                int(r["n"]),
                Money(int(r["total"])),
            )
            for r in rows
        ]

    def budget(self) -> BudgetUse:
        """Today's budget use over the families that are not closed."""
        row = self._db.first(
            "SELECT count(*) AS families, coalesce(sum(budget_ore), 0) AS frame,"
            " coalesce(sum(spent), 0) AS spent, coalesce(sum(committed), 0) AS committed,"
            " coalesce(sum(proposed), 0) AS proposed,"
            " coalesce(sum(spent + committed > budget_ore * 0.9), 0) AS over_90,"
            " coalesce(sum(spent + committed > budget_ore), 0) AS over_100"
            " FROM (SELECT f.budget_ore,"
            "   coalesce(sum(CASE WHEN p.status = 'paid' THEN p.amount_ore END), 0) AS spent,"
            "   coalesce(sum(CASE WHEN p.status = 'approved' THEN p.amount_ore END), 0)"
            "     AS committed,"
            "   coalesce(sum(CASE WHEN p.status = 'proposed' THEN p.amount_ore END), 0)"
            "     AS proposed"
            "  FROM families f LEFT JOIN payments p"
            "    ON p.family_id = f.id AND p.deleted_at IS NULL"
            f"  WHERE {self._where()} AND f.status != 'closed' GROUP BY f.id)",
            self._params,
        )
        assert row is not None  # an aggregate always returns a row
        return BudgetUse(
            int(row["families"]),
            Money(int(row["frame"])),
            Money(int(row["spent"])),
            Money(int(row["committed"])),
            Money(int(row["proposed"])),
            int(row["over_90"]),
            int(row["over_100"]),
        )

    def needs(self) -> list[NeedRow]:
        rows = self._db.all(
            "SELECT n.category,"
            " sum(n.raised_on >= ?) AS raised,"
            f" sum(n.status IN ({_OPEN})) AS open_now,"
            f" sum(coalesce(substr({_MET}, 1, 10) BETWEEN ? AND ?, 0)) AS met,"
            f" sum(coalesce(substr({_DROPPED}, 1, 10) BETWEEN ? AND ?, 0)) AS dropped"
            " FROM needs n JOIN families f ON f.id = n.family_id"
            f" WHERE {self._where()} AND n.deleted_at IS NULL AND n.raised_on <= ?"
            " GROUP BY n.category",
            (
                self._start,
                self._start,
                self._end,
                self._start,
                self._end,
                *self._params,
                self._end,
            ),
        )
        found = {NeedCategory(r["category"]): r for r in rows}
        return [
            NeedRow(
                c,
                int(found[c]["raised"] or 0),
                int(found[c]["open_now"] or 0),
                int(found[c]["met"] or 0),
                int(found[c]["dropped"] or 0),
            )
            for c in NeedCategory
            if c in found
        ]

    def scores(self) -> list[ScoreMonth]:
        """Averages per month; one that fewer than MIN_CELL families answered is None: the
        average of a handful says what each of them answered."""
        keys = ("life_satisfaction", *CHECKIN_DOMAINS)
        averages = ", ".join(
            f"CASE WHEN count(DISTINCT CASE WHEN c.{k} IS NOT NULL THEN c.family_id END) >= ?"
            f" THEN avg(c.{k}) END AS {k}"
            for k in keys
        )
        rows = self._db.all(
            # Only answers with a score count: a caseworker's or a child's page holds none.
            f"SELECT substr(c.answered_on, 1, 7) AS month, count(*) AS n, {averages}"
            " FROM checkins c JOIN families f ON f.id = c.family_id"
            f" WHERE {self._where()} AND c.deleted_at IS NULL"
            f" AND coalesce({', '.join(f'c.{k}' for k in keys)}) IS NOT NULL"
            " AND c.answered_on BETWEEN ? AND ? GROUP BY month ORDER BY month",
            (*[MIN_CELL] * len(keys), *self._params, self._start, self._end),
        )
        return [
            ScoreMonth(
                r["month"],
                int(r["n"]),
                {k: None if r[k] is None else float(r[k]) for k in keys},
            )
            for r in rows
        ]

    def score_changes(self) -> list[ScoreChange]:
        """First → latest per family and domain within the period (a household's answers by
        date, then by entry; answers from several members on one day count in entry order)."""
        keys = ("life_satisfaction", *CHECKIN_DOMAINS)
        rows = self._db.all(
            f"SELECT c.family_id, {', '.join(f'c.{k}' for k in keys)}"
            " FROM checkins c JOIN families f ON f.id = c.family_id"
            f" WHERE {self._where()} AND c.deleted_at IS NULL"
            " AND c.answered_on BETWEEN ? AND ? ORDER BY c.family_id, c.answered_on, c.id",
            (*self._params, self._start, self._end),
        )
        ends: dict[tuple[str, int], list[int]] = {}  # (key, family) -> [first, latest]
        for r in rows:
            for k in keys:
                value = r[k]
                if value is None:
                    continue
                pair = ends.setdefault((k, r["family_id"]), [value, value, 0])
                pair[1] = value
                pair[2] += 1
        out = []
        for k in keys:
            pairs = [(a, b) for (key, _f), (a, b, n) in ends.items() if key == k and n >= 2]
            if not pairs:
                continue
            out.append(
                ScoreChange(
                    k,
                    len(pairs),
                    sum(a for a, _ in pairs) / len(pairs),
                    sum(b for _, b in pairs) / len(pairs),
                    sum(1 for a, b in pairs if b > a),
                    sum(1 for a, b in pairs if b == a),
                    sum(1 for a, b in pairs if b < a),
                )
            )
        return out
