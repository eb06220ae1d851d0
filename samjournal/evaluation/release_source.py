"""What a release reads from the journal, read once per export plan and shared.

A study's first export reads the households and payments for its levels search (budget frames,
the household fields' node, the rule of thumb), then builds the release at every point the
search measures: the same rows each time, in the same transaction. None of what is read here
depends on the levels (amounts are read in øre and rounded by the release), so a `Source` reads
each part on first use and hands the same rows to everyone after. It lives for one plan, inside
the plan's transaction (the journal's write lock held): no edit can come between its reads and
their use, so it needs no invalidation. It also keeps the household lattice's counts
(`anonymise.generalise`'s `memo`): the search's node and the release's share them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from samjournal.evaluation.consent_gate import Gate, gate
from samjournal.evaluation.release_sql import FAMILY_STATUSES, enum, queries
from samjournal.evaluation.sql import tuples
from samjournal.store import Database

T = TypeVar("T")
Rows = list[tuple[Any, ...]]


class Source:
    """One plan's reads of the journal, each made once (see the module's docstring)."""

    def __init__(self, db: Database, study_id: str) -> None:
        self.db = db
        self.study_id = study_id
        self.memo: dict[Any, Any] = {}  # anonymise.generalise's lattice counts
        self._read: dict[str, Any] = {}

    def _once(self, name: str, read: Callable[[], T]) -> T:
        found = self._read.get(name)
        if found is None:
            found = self._read[name] = read()
        return found

    def gate(self) -> Gate:
        return self._once("gate", lambda: gate(self.db, self.study_id))

    def families(self) -> dict[int, tuple[Any, ...]]:
        """Live families by id: (id, status, district, opened_on, closed day, budget_ore)."""
        sql = queries()
        return self._once(
            "families",
            lambda: {
                r[0]: r
                for r in tuples(
                    self.db,
                    f"SELECT id, {enum('status', FAMILY_STATUSES)}, district, opened_on,"
                    f" {sql.closed_day}, budget_ore FROM families f WHERE deleted_at IS NULL",
                )
            },
        )

    def members(self) -> dict[int, list[tuple[int, int | None]]]:
        """Live members by family: (is_child, birth_year)."""

        def read() -> dict[int, list[tuple[int, int | None]]]:
            members: dict[int, list[tuple[int, int | None]]] = {}
            for family_id, is_child, birth_year in tuples(
                self.db,
                "SELECT family_id, is_child, birth_year FROM members WHERE deleted_at IS NULL",
            ):
                members.setdefault(family_id, []).append((is_child, birth_year))
            return members

        return self._once("members", read)

    def participants(self) -> dict[int, str]:
        """Meeting id -> its participants counted by kind, as CSV text."""
        return self._once(
            "participants",
            lambda: {
                r[0]: f"{r[1]},{r[2]},{r[3]}" for r in tuples(self.db, queries().participants)
            },
        )

    def meetings(self) -> Rows:
        return self._once("meetings", lambda: tuples(self.db, queries().meetings))

    def needs(self) -> Rows:
        return self._once("needs", lambda: tuples(self.db, queries().needs))

    def payments(self) -> Rows:
        """(id, family, need, amount in øre, month proposed or None, rest of the line)."""
        return self._once("payments", lambda: tuples(self.db, queries().payments))

    def checkins(self) -> Rows:
        return self._once(
            "checkins", lambda: tuples(self.db, queries().checkins, {"study": self.study_id})
        )

    def categories(self) -> dict[int, str]:
        """Every need's category as stored (deleted needs too: a payment may still name one)."""
        return self._once(
            "categories",
            lambda: dict(tuples(self.db, "SELECT id, coalesce(category, '') FROM needs")),
        )
