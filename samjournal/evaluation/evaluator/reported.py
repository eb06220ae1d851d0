"""What each journal's newest bundle reported about its own release, for journals.csv.

A bundle's risk report (`risk.Protection`) says how many rows it held back to meet k^m and
how many new households it held back whole: they wait in the journal and come in a later
bundle once they fit, so the newest bundle's figures are what the dataset still lacks. It
counts, per table, the rows the evaluator holds once it is in and the rows still waiting, so
the share missing is of every row the study would hold (rows_by_table.csv, and the totals in
journals.csv; a bundle made before they were counted leaves them empty). It also says the
grids its amounts and budget frames are on, which a journal may choose coarser (and cap lower)
than the study. One column each in journals.csv, described in datapackage.json, and said in
words in transforms/README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from samjournal.evaluation.anonymise import category_level
from samjournal.evaluation.evaluator.merge import NOT_SUPERSEDED
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.risk import Protection, TableRows, changes_in
from samjournal.evaluation.sql import tuples
from samjournal.evaluation.tables import Column

HELD_WARNING = (
    "Held-back rows are the rare and unusual events (an uncommon amount, category or"
    " combination), not a random sample: an analysis of the released rows alone under-represents"
    " them, so weight or report by journal."
)
_IN_DATASET = (
    "rows the dataset holds once the newest bundle is in (the journal's consented households;"
    " their rows held back and those of households_held_back are not in it)"
)
_WAITING = (
    "rows still waiting in the journal after its newest bundle: new rows it held back, and every"
    " row of households_held_back. Of all the rows the study would hold if nothing waited, the"
    " share missing is rows_waiting / (rows_in_dataset + rows_waiting): weight by it."
    f" {HELD_WARNING}"
)
_NOT_COUNTED = " Empty when the bundle was made before these were counted."
COLUMNS = (
    Column(
        "rows_in_dataset",
        "integer",
        ("Rader i datasettet", "Rows in the dataset"),
        f"All tables: the {_IN_DATASET}.{_NOT_COUNTED}",
    ),
    Column(
        "rows_waiting",
        "integer",
        ("Rader som venter", "Rows waiting"),
        f"All tables: the {_WAITING}{_NOT_COUNTED}",
    ),
    Column(
        "rows_checked",
        "integer",
        ("Rader kontrollert", "Rows checked"),
        "Rows (households and their meetings, needs, payments, check-ins) new or changed in the"
        " journal, or held back before and offered again, that its newest bundle put through the"
        " k^m check: after the first bundle mostly rows held back before, so not the journal's"
        " rows (rows_in_dataset + rows_waiting are); empty when the bundle has no such report.",
    ),
    Column(
        "rows_held_back",
        "integer",
        ("Rader holdt tilbake", "Rows held back"),
        "Of rows_checked, those the newest bundle held back to meet k^m (a change held back"
        " leaves the row as sent before): they wait in the journal and come in a later bundle"
        " once they fit.",
    ),
    Column(
        "households_held_back",
        "integer",
        ("Husstander holdt tilbake", "Households held back"),
        "Consented households the newest bundle held back whole, with every row, until they fit"
        " k^m: counted in consent_counts.csv, but not in households.csv nor in households here.",
    ),
    Column(
        "rows_of_households_held_back",
        "integer",
        ("Rader i husstander holdt tilbake", "Rows of households held back"),
        "The rows of households_held_back (not in rows_held_back).",
    ),
    Column(
        "amount_rounding_nok",
        "integer",
        ("Beløp avrundet til (kr)", "Amounts rounded to (NOK)"),
        "This journal's payments.amount_nok are rounded (half up) to the nearest this many kroner:"
        " the study's rounding or coarser, so amount_nok mixes grids across journals (join on"
        " journal_id).",
    ),
    Column(
        "amount_top_code_nok",
        "integer",
        ("Beløp toppkodet fra (kr)", "Amounts top-coded from (NOK)"),
        "This journal's cap: an amount this large or larger is shown as this value with"
        " amount_top_coded = 1 (the study's cap or lower).",
    ),
    Column(
        "budget_rounding_nok",
        "integer",
        ("Budsjettramme avrundet til (kr)", "Budget frames rounded to (NOK)"),
        "This journal's households.budget_frame_nok are on a grid of this many kroner (the"
        " rounding, or the generalisation's coarser step); a household suppressed (*) in its"
        " other fields has its frame on the coarsest grid (transforms/README.md).",
    ),
    Column(
        "budget_top_code_nok",
        "integer",
        ("Budsjettramme toppkodet fra (kr)", "Budget frames top-coded from (NOK)"),
        "This journal's cap on budget frames: a frame this large or larger is shown as this value"
        " with budget_top_coded = 1.",
    ),
    Column(
        "need_categories",
        "integer",
        ("Behovskategorier", "Need categories"),
        "How this journal sends needs.category and payments.need_category, in every bundle of"
        " the study (chosen at its first export): 0 as recorded; 1 in three groups (living:"
        " housing, economy, work, transport; activities: education, children's leisure, social"
        " network; health_other: health, other), where exact ones would hold most needs and"
        " payments back (a small journal); 2 hidden (*).",
    ),
)


TABLE_COLUMNS = (
    Column(
        "table_name",
        "string",
        ("Tabell", "Table"),
        "The table of the package (households, meetings, needs, payments, checkins).",
        required=True,
    ),
    Column(
        "rows_in_dataset",
        "integer",
        ("Rader i datasettet", "Rows in the dataset"),
        f"The table's {_IN_DATASET}.",
    ),
    Column(
        "rows_waiting", "integer", ("Rader som venter", "Rows waiting"), f"The table's {_WAITING}"
    ),
    Column(
        "changes_waiting",
        "integer",
        ("Endringer som venter", "Changes waiting"),
        "The table's rows in the dataset whose later change the journal held back: the dataset"
        " has the row as it was sent before, and the change comes in a later bundle, once it"
        " fits the attacker model. Empty when the bundle was made before these were counted.",
    ),
)


@dataclass(frozen=True, slots=True)
class Reported:
    """A journal's newest bundle: what it held back, and its grids (a field per column)."""

    rows_in_dataset: int | None  # None: the bundle did not count its rows per table
    rows_waiting: int | None
    rows_checked: int
    rows_held_back: int
    households_held_back: int
    rows_of_households_held_back: int
    amount_rounding_nok: int
    amount_top_code_nok: int
    budget_rounding_nok: int
    budget_top_code_nok: int
    need_categories: int
    by_table: dict[str, TableRows]  # table -> its rows in the dataset and waiting (not a column)

    @classmethod
    def of(cls, protection: Protection) -> Reported:
        grids = protection.grids
        every = protection.rows_in_all
        return cls(
            rows_in_dataset=None if every is None else every.in_dataset,
            rows_waiting=None if every is None else every.waiting,
            rows_checked=protection.rows_offered,
            rows_held_back=protection.rows_held,
            households_held_back=protection.households_held,
            rows_of_households_held_back=protection.rows_of_households_held,
            amount_rounding_nok=grids.amount_rounding_nok,
            amount_top_code_nok=grids.amount_top_code_nok,
            budget_rounding_nok=grids.budget_rounding_nok,
            budget_top_code_nok=grids.budget_top_code_nok,
            need_categories=category_level(protection.levels.get("need_categories")),
            by_table=protection.rows_by_table,
        )

    @property
    def waiting(self) -> TableRows | None:
        """All tables' rows in the dataset and waiting; None when not counted."""
        if self.rows_in_dataset is None or self.rows_waiting is None:
            return None
        changes = changes_in(self.by_table.values())
        return TableRows(self.rows_in_dataset, self.rows_waiting, changes)

    def cells(self) -> tuple[int | str, ...]:
        """journals.csv's cells: a figure not counted is empty."""
        found = (getattr(self, c.name) for c in COLUMNS)
        return tuple("" if value is None else int(value) for value in found)

    def table_rows(self) -> list[tuple[str, int, int, int | str]]:
        """rows_by_table.csv's cells after journal_id, a row per table (changes not counted by
        the bundle: empty)."""
        return [
            (
                t,
                rows.in_dataset,
                rows.waiting,
                "" if rows.changes_waiting is None else rows.changes_waiting,
            )
            for t, rows in self.by_table.items()
        ]


NO_REPORT = ("",) * len(COLUMNS)


def newest_risk_reports(ws: Workspace) -> dict[str, tuple[int, object]]:
    """Journal id -> (sequence, risk report) of its newest bundle in use (not a restore's lost
    ones); of two bundles with one number, the first by hash."""
    found: dict[str, tuple[int, object]] = {}
    for journal_id, sequence, text in tuples(
        ws.db,
        "SELECT journal_id, sequence, risk_report FROM bundles b WHERE sequence ="
        " (SELECT max(sequence) FROM bundles c WHERE c.journal_id = b.journal_id"
        f"  AND c.{NOT_SUPERSEDED}) AND b.{NOT_SUPERSEDED}"
        " ORDER BY journal_id, bundle_hash",
    ):
        found.setdefault(journal_id, (int(sequence), json.loads(text)))
    return found


def reported(risk: object) -> Reported | None:
    """What a risk report says it held back and its grids; None for a bundle without them."""
    raw = risk.get("protection") if isinstance(risk, dict) else None
    if not isinstance(raw, dict):
        return None
    try:
        return Reported.of(Protection.from_json(raw))
    except (KeyError, TypeError, ValueError, IndexError):
        return None
