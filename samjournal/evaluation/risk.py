"""The disclosure-risk report: shown before an export, sent inside it, kept in the export log.

It measures the attacker model of samjournal.evaluation.attacker over the same rows the bundle
holds and every bundle before it (`Protection`), and states what was lost for it: rows held
back, household cells generalised, the levels of the global recoding, the share top-coded, and
the error of within-household day intervals (0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from samjournal.evaluation.anonymise import CATEGORY_LEVELS, Risk, budget_step, category_level
from samjournal.evaluation.opening_month import Exposure
from samjournal.evaluation.tables import (
    QUASI_IDENTIFIERS,
    TIME_TRANSFORM,
    column_title,
    table_title,
)
from samjournal.messages import text
from samjournal.messages_risk import LEVELS
from samjournal.vocabulary import left_out

# Day offsets are whole-day differences of local calendar dates against one index date per
# household, so an interval between two events of a household is released without error.
TIME = {
    "index_date": "the day the household's case opened",
    "index_date_released_as": "opened_month",  # a month, quarter, half-year or year
    "event_times": "whole days since the index date",
    "interval_error_days": 0,
    "transform": TIME_TRANSFORM,
}


def caption(key: str, value: object, language: str) -> str:
    """A line of the CLI's report: the caption the export wizard shows, and its value."""
    return f"  {text(key, {}, language)}: {value}"


def share(value: float, digits: int, language: str) -> str:
    """A share as a percentage the way each language writes it: "12,5 %" or "12.5%"."""
    number = f"{value * 100:.{digits}f}"
    return f"{number.replace('.', ',')}\u00a0%" if language != "en" else f"{number}%"


def exposure_words(exposure: Exposure, language: str, number: Callable[[int], str] = str) -> str:
    """The opening-month figure in words (opening_month.py): how many of the households
    received, those that could not be checked, what keeping it cost, and why any are singled
    out."""
    words = text(
        "risk_opening_month_value",
        {"found": number(exposure.singled_out), "households": number(exposure.households)},
        language,
    )
    if exposure.unchecked:
        words += text("risk_opening_month_unchecked", {"n": number(exposure.unchecked)}, language)
    if exposure.lifted:
        words += text(
            "risk_opening_month_lifted",
            {
                "n": number(exposure.lifted),
                "median": number(exposure.lifted_median),
                "days": number(exposure.lifted_days),
            },
            language,
        )
    return words + (text("risk_singled_out_sent", {}, language) if exposure.singled_out else "")


def waiting_words(rows: TableRows, language: str) -> str:
    """Rows waiting, of those the study would hold if none waited, and the changes held back
    if any: "1367 of 6908 (19.8%)", "…; changes to rows already sent, waiting: 3"."""
    words = text(
        "risk_rows_waiting_value",
        {
            "waiting": rows.waiting,
            "total": rows.total,
            "share": share(rows.waiting_share, 1, language),
        },
        language,
    )
    if rows.changes_waiting:
        words += text("risk_changes_waiting_value", {"changes": rows.changes_waiting}, language)
    return words


def level_words(level: str, language: str) -> str:
    """How coarse a quasi-identifier was sent, as the report stores it, in `language`."""
    pair = LEVELS.get(level)
    return pair[1 if language == "en" else 0] if pair else level


@dataclass(frozen=True, slots=True)
class Grids:
    """The grids (kr) a bundle's amounts and budget frames are released on: the rounding and
    top code its levels chose, and for the frames the generalisation's step where coarser."""

    amount_rounding_nok: int
    amount_top_code_nok: int
    budget_rounding_nok: int  # frames of households not suppressed (budget_step: the others)
    budget_top_code_nok: int


@dataclass(frozen=True, slots=True)
class TableRows:
    """One table's rows of the journal's consented households once a bundle is in: those the
    evaluator holds, and those still waiting in the journal (new rows held back, and every row
    of the households held back whole). A change held back is not a row waiting (the evaluator
    has the row, as it was): it is counted apart, in `changes_waiting`."""

    in_dataset: int
    waiting: int
    # Rows the evaluator holds whose change this journal held back (None: a report from before
    # they were counted, 2026-12-06: not counted, never said to be 0).
    changes_waiting: int | None = 0

    @property
    def total(self) -> int:
        """The rows the study would hold if nothing waited."""
        return self.in_dataset + self.waiting

    @property
    def waiting_share(self) -> float:
        """Of `total`, the share still waiting."""
        return round(self.waiting / self.total, 4) if self.total else 0.0

    def to_json(self) -> dict[str, int | float | None]:
        return {
            "rows_in_dataset": self.in_dataset,
            "rows_waiting": self.waiting,
            "rows_waiting_share": self.waiting_share,
            "changes_waiting": self.changes_waiting,
        }


def changes_in(tables: Iterable[TableRows]) -> int | None:
    """The changes waiting of all `tables`; None if one of them did not count its own."""
    found = [t.changes_waiting for t in tables]
    return None if None in found else sum(c for c in found if c is not None)


@dataclass(frozen=True, slots=True)
class Protection:
    """The k^m check over the union of all bundles, and what it cost."""

    k: int
    m: int
    levels: dict[str, Any]  # the global recoding (levels.Levels.to_json)
    households_in_union: int  # every household ever released, those that left included
    violations: int  # sets of up to m items under k that only rows sent before explain
    rows_offered: int  # rows checked: new or changed, or held back before and offered again
    rows_held: int  # of those, held back (sent later, when they fit)
    households_held: int  # new households held back whole until they fit
    cells_generalised: int  # household fields released coarser than exact
    amounts_top_coded_share: float
    budgets_top_coded_share: float
    interval_error_days: int = 0
    rows_of_households_held: int = 0  # rows of the new households held back whole
    # table -> its rows in the dataset and waiting; empty in reports made before they were
    # counted (those bundles can only say what was held back of the rows checked)
    rows_by_table: dict[str, TableRows] = field(default_factory=dict)
    # The opening month's candidates, measured (opening_month): None in reports made before.
    by_opening_month: Exposure | None = None

    @property
    def grids(self) -> Grids:
        """Where the frames' generalisation level is coarser than the rounding (the levels'
        node), the frames are on its step: the report says that grid, the one in the data."""
        lv = self.levels
        node = lv.get("node") or [0] * len(QUASI_IDENTIFIERS)
        budget_level = int(node[QUASI_IDENTIFIERS.index("budget_frame_nok")])
        return Grids(
            amount_rounding_nok=int(lv["amount_rounding_nok"]),
            amount_top_code_nok=int(lv["amount_top_code_nok"]),
            budget_rounding_nok=budget_step(int(lv["budget_rounding_nok"]), budget_level),
            budget_top_code_nok=int(lv["budget_top_code_nok"]),
        )

    @property
    def rows_in_all(self) -> TableRows | None:
        """Every table's rows together; None when the report did not count them."""
        found = self.rows_by_table.values()
        if not found:
            return None
        return TableRows(
            sum(t.in_dataset for t in found), sum(t.waiting for t in found), changes_in(found)
        )

    @property
    def rows_waiting_share(self) -> float | None:
        """Of all the journal's rows the study would hold if nothing waited, the share that
        waits; None when the report did not count them."""
        every = self.rows_in_all
        return None if every is None else every.waiting_share

    def to_json(self) -> dict[str, Any]:
        return {
            "model": "prosecutor; k^m over household fields and event items (attacker.py)",
            "k": self.k,
            "m": self.m,
            "levels": self.levels,
            "households_in_union": self.households_in_union,
            "violations_left": self.violations,
            "rows_offered": self.rows_offered,
            "rows_held_back": self.rows_held,
            "rows_held_back_share": round(self.rows_held / self.rows_offered, 4)
            if self.rows_offered
            else 0.0,
            "households_held_back": self.households_held,
            "rows_of_households_held_back": self.rows_of_households_held,
            **({} if self.rows_in_all is None else self.rows_in_all.to_json()),
            "rows_by_table": {t: rows.to_json() for t, rows in self.rows_by_table.items()},
            "cells_generalised": self.cells_generalised,
            "amounts_top_coded_share": self.amounts_top_coded_share,
            "budgets_top_coded_share": self.budgets_top_coded_share,
            "interval_error_days": self.interval_error_days,
            **(
                {}
                if self.by_opening_month is None
                else {
                    "opening_month_attack": {
                        "households_singled_out": self.by_opening_month.singled_out,
                        "households": self.by_opening_month.households,
                        "households_not_checked": self.by_opening_month.unchecked,
                        "bounds_lifted": self.by_opening_month.lifted,
                        "bounds_lifted_days_max": self.by_opening_month.lifted_days,
                        "bounds_lifted_days_median": self.by_opening_month.lifted_median,
                    }
                }
            ),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Protection:
        return cls(
            k=raw["k"],
            m=raw["m"],
            levels=dict(raw["levels"]),
            households_in_union=raw["households_in_union"],
            violations=raw["violations_left"],
            rows_offered=raw["rows_offered"],
            rows_held=raw["rows_held_back"],
            households_held=raw["households_held_back"],
            cells_generalised=raw["cells_generalised"],
            amounts_top_coded_share=raw["amounts_top_coded_share"],
            budgets_top_coded_share=raw["budgets_top_coded_share"],
            interval_error_days=raw.get("interval_error_days", 0),
            rows_of_households_held=raw.get("rows_of_households_held_back", 0),
            rows_by_table={
                table: TableRows(
                    int(rows["rows_in_dataset"]),
                    int(rows["rows_waiting"]),
                    None if rows.get("changes_waiting") is None else int(rows["changes_waiting"]),
                )
                for table, rows in raw.get("rows_by_table", {}).items()
            },
            by_opening_month=None
            if "opening_month_attack" not in raw
            else Exposure(
                int(raw["opening_month_attack"]["households_singled_out"]),
                int(raw["opening_month_attack"]["households"]),
                int(raw["opening_month_attack"].get("households_not_checked", 0)),
                int(raw["opening_month_attack"].get("bounds_lifted", 0)),
                int(raw["opening_month_attack"].get("bounds_lifted_days_max", 0)),
                int(raw["opening_month_attack"].get("bounds_lifted_days_median", 0)),
            ),
        )

    def _waiting_lines(self, language: str) -> list[str]:
        """What waits in the journal, of every row it would have sent, and per table (none
        for a report that did not count them)."""
        every = self.rows_in_all
        if every is None:
            return []
        out = [caption("risk_rows_waiting", waiting_words(every, language), language)]
        out += [
            f"    {table_title(table, language)}: {waiting_words(rows, language)}"
            for table, rows in self.rows_by_table.items()
        ]
        return out

    def _opening_month_lines(self, language: str) -> list[str]:
        """What the model leaves out, measured (none for a report made before it was)."""
        if self.by_opening_month is None:
            return []
        return [
            caption("risk_opening_month", exposure_words(self.by_opening_month, language), language)
        ]

    def _search_lines(self, language: str) -> list[str]:
        found = self.levels.get("search")
        if not found:
            return []
        return [
            text(
                "risk_search",
                {
                    "points": int(found["points_measured"]),
                    "held": share(found["rows_held_share"], 1, language),
                    "amount": share(found["amount_loss"], 1, language),
                    "calendar": share(found["calendar_loss"], 0, language),
                    "categories": share(found.get("category_loss", 0.0), 0, language),
                },
                language,
            )
        ]

    def lines(self, language: str = "nb") -> list[str]:
        """The check over every bundle, under the caption the export wizard gives it."""

        def say(key: str, **params: object) -> str:
            return text(key, params, language)

        grids = self.grids
        rounding = say(
            "risk_rounding",
            amount_rounding=str(grids.amount_rounding_nok),
            amount_top=str(grids.amount_top_code_nok),
            budget_rounding=str(grids.budget_rounding_nok),
            budget_blanked=str(budget_step(int(self.levels["budget_rounding_nok"]))),
            budget_top=str(grids.budget_top_code_nok),
            budgets_capped=share(self.budgets_top_coded_share, 1, language),
        )
        rows_held = say("risk_rows_held_value", held=self.rows_held, offered=self.rows_offered)
        households_held = say(
            "risk_households_rows",
            households=self.households_held,
            rows=self.rows_of_households_held,
        )
        capped = share(self.amounts_top_coded_share, 1, language)
        return [
            say("risk_checked", k=self.k, m=self.m),
            say("risk_attacker", m=self.m, k=self.k, households=self.households_in_union),
            caption("risk_violations", self.violations, language),
            *self._opening_month_lines(language),
            caption("risk_rows_held", rows_held, language),
            caption("risk_households_held", households_held, language),
            *self._waiting_lines(language),
            *self._search_lines(language),
            caption("risk_cells_coarsened", self.cells_generalised, language),
            caption("risk_amounts_capped", f"{capped}; {rounding}", language),
            caption(
                "risk_interval_error",
                say("risk_days", days=self.interval_error_days),
                language,
            ),
        ]


@dataclass(frozen=True, slots=True)
class RiskReport:
    study_id: str
    k: int
    created: str
    families: int  # live families in the journal
    consented: int
    released: int
    left_out: dict[str, int]  # reason -> families (live, plus erased that were never sent)
    generalisation: dict[str, str]  # quasi-identifier -> level used
    suppressed: int  # households with every quasi-identifier starred
    before: Risk
    after: Risk
    amounts: dict[str, int]
    tombstones: dict[str, int]  # reason -> tombstones in this bundle
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows in this bundle
    time: dict[str, Any] = field(default_factory=lambda: dict(TIME))  # how times are released
    protection: Protection | None = None

    def to_json(self) -> dict[str, Any]:
        more = {} if self.protection is None else {"protection": self.protection.to_json()}
        return {
            **more,
            "study_id": self.study_id,
            "k": self.k,
            "created": self.created,
            "model": "prosecutor",
            "quasi_identifiers": list(QUASI_IDENTIFIERS),
            "population": {
                "families_in_journal": self.families,
                "consented": self.consented,
                "released": self.released,
                "left_out": dict(sorted(self.left_out.items())),
            },
            "generalisation": self.generalisation,
            "suppressed_households": self.suppressed,
            "before_anonymisation": self.before.to_json(),
            "after_anonymisation": self.after.to_json(),
            "amounts": self.amounts,
            "tombstones": dict(sorted(self.tombstones.items())),
            "rows": self.rows,
            "time": self.time,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> RiskReport:
        def risk(r: dict[str, Any]) -> Risk:
            return Risk(
                r["records"],
                r["classes"],
                r["smallest_class"],
                r["records_at_risk"],
                r["highest_prosecutor_risk"],
                r["prosecutor_success_rate"],
            )

        pop = raw["population"]
        return cls(
            study_id=raw["study_id"],
            k=raw["k"],
            created=raw["created"],
            families=pop["families_in_journal"],
            consented=pop["consented"],
            released=pop["released"],
            left_out=dict(pop["left_out"]),
            generalisation=dict(raw["generalisation"]),
            suppressed=raw["suppressed_households"],
            before=risk(raw["before_anonymisation"]),
            after=risk(raw["after_anonymisation"]),
            amounts=dict(raw["amounts"]),
            tombstones=dict(raw["tombstones"]),
            rows=dict(raw.get("rows", {})),
            time=dict(raw.get("time", {})),
            protection=Protection.from_json(raw["protection"]) if "protection" in raw else None,
        )

    @property
    def need_categories(self) -> str:
        """How need categories were sent (anonymise.CATEGORY_LEVELS): as recorded in a report
        made before they could be merged, or without a check."""
        levels = {} if self.protection is None else self.protection.levels
        return CATEGORY_LEVELS[category_level(levels.get("need_categories"))]

    def lines(self, language: str = "nb") -> list[str]:
        """The report as short lines in `language` ("nb" or "en"), for the CLI: each group
        under the caption the export wizard's review page gives it, in the same words."""
        a, b = self.after, self.before

        def say(key: str, **params: object) -> str:
            return text(key, params, language)

        def compared(after: int, before: int) -> str:
            return say("risk_before_value", after=after, before=before)

        def kroner(amount: object) -> str:
            return say("risk_kroner", amount=str(amount))

        out = [
            say("risk_heading", study=self.study_id, k=self.k),
            say("risk_who"),
            caption("risk_in_journal", self.families, language),
            caption("risk_consented", self.consented, language),
            caption("risk_sent", self.released, language),
            caption("risk_left_out", sum(self.left_out.values()), language),
        ]
        out += [f"    {left_out(r, language)}: {n}" for r, n in sorted(self.left_out.items())]
        out += [
            say("risk_recognising", k=self.k),
            caption("risk_groups", compared(a.classes, b.classes), language),
            caption("risk_smallest", compared(a.smallest_class, b.smallest_class), language),
            caption("risk_at_risk", compared(a.records_at_risk, b.records_at_risk), language),
            caption("risk_highest", share(a.highest_risk, 0, language), language),
            caption("risk_success", share(a.success_rate, 0, language), language),
        ]
        if self.protection is not None:
            out += self.protection.lines(language)
        out.append(say("risk_coarsened"))
        out += [
            f"  {column_title('households', qi, language)}: {level_words(lv, language)}"
            for qi, lv in self.generalisation.items()
        ]
        capped = say(
            "risk_capped_value",
            top=kroner(self.amounts.get("top_code_nok", 0)),
            count=self.amounts.get("top_coded", 0),
        )
        out += [
            caption(
                "risk_hidden",
                say(
                    "risk_hidden_value",
                    hidden=self.suppressed,
                    released=self.released,
                    share=share(
                        self.suppressed / self.released if self.released else 0.0, 0, language
                    ),
                ),
                language,
            ),
            caption("risk_rounded_to", kroner(self.amounts.get("rounding_nok", 0)), language),
            caption("risk_capped_at", capped, language),
            caption("risk_need_categories", level_words(self.need_categories, language), language),
        ]
        if self.tombstones:
            out.append(table_title("tombstones", language))
            out += [f"  {left_out(r, language)}: {n}" for r, n in sorted(self.tombstones.items())]
        if self.time:
            out.append(say("risk_time"))
            days = say("risk_days", days=str(self.time.get("interval_error_days")))
            out.append(caption("risk_interval_error", days, language))
        if self.rows:
            rows = ", ".join(f"{table_title(t, language)} {n}" for t, n in self.rows.items())
            out.append(f"{say('risk_rows')}: {rows}")
        return out
