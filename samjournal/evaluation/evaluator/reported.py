"""What each journal's newest bundle reported about its own release, for journals.csv.

A bundle's risk report (`risk.Protection`) says how many rows it held back to meet k^m and
how many new households it held back whole: they wait in the journal and come in a later
bundle once they fit, so the newest bundle's figures are what the dataset still lacks. It also
says the grids its amounts and budget frames are on, which a journal may choose coarser (and
cap lower) than the study. One column each in journals.csv, described in datapackage.json, and
said in words in transforms/README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from samjournal.evaluation.evaluator.merge import NOT_SUPERSEDED
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.risk import Protection
from samjournal.evaluation.sql import tuples
from samjournal.evaluation.tables import Column

HELD_WARNING = (
    "Held-back rows are the rare and unusual events (an uncommon amount, category or"
    " combination), not a random sample: an analysis of the released rows alone under-represents"
    " them, so weight or report by journal."
)
COLUMNS = (
    Column(
        "rows_offered",
        "integer",
        "Rader tilbudt",
        "Rows (households and their meetings, needs, payments, check-ins) new or changed in the"
        " journal, or held back before, that its newest bundle put through the k^m check; empty"
        " when the bundle has no such report.",
    ),
    Column(
        "rows_held_back",
        "integer",
        "Rader holdt tilbake",
        "Of rows_offered, those the newest bundle held back to meet k^m: they wait in the journal"
        f" and come in a later bundle once they fit. {HELD_WARNING}",
    ),
    Column(
        "households_held_back",
        "integer",
        "Husstander holdt tilbake",
        "Consented households the newest bundle held back whole, with every row, until they fit"
        " k^m: counted in consent_counts.csv, but not in households.csv nor in households here.",
    ),
    Column(
        "rows_of_households_held_back",
        "integer",
        "Rader i husstander holdt tilbake",
        "The rows of households_held_back (not in rows_held_back).",
    ),
    Column(
        "amount_rounding_nok",
        "integer",
        "Beløp avrundet til (kr)",
        "This journal's payments.amount_nok are rounded (half up) to the nearest this many kroner:"
        " the study's rounding or coarser, so amount_nok mixes grids across journals (join on"
        " journal_id).",
    ),
    Column(
        "amount_top_code_nok",
        "integer",
        "Beløp toppkodet fra (kr)",
        "This journal's cap: an amount this large or larger is shown as this value with"
        " amount_top_coded = 1 (the study's cap or lower).",
    ),
    Column(
        "budget_rounding_nok",
        "integer",
        "Budsjettramme avrundet til (kr)",
        "This journal's households.budget_frame_nok are on a grid of this many kroner (the"
        " rounding, or the generalisation's coarser step); a household suppressed (*) in its"
        " other fields has its frame on the coarsest grid (transforms/README.md).",
    ),
    Column(
        "budget_top_code_nok",
        "integer",
        "Budsjettramme toppkodet fra (kr)",
        "This journal's cap on budget frames: a frame this large or larger is shown as this value"
        " with budget_top_coded = 1.",
    ),
)


@dataclass(frozen=True, slots=True)
class Reported:
    """A journal's newest bundle: what it held back, and its grids (a field per column)."""

    rows_waiting_share: float  # held back, or in a household held whole (not a column)
    rows_offered: int
    rows_held_back: int
    households_held_back: int
    rows_of_households_held_back: int
    amount_rounding_nok: int
    amount_top_code_nok: int
    budget_rounding_nok: int
    budget_top_code_nok: int

    @classmethod
    def of(cls, protection: Protection) -> Reported:
        grids = protection.grids
        return cls(
            rows_waiting_share=protection.rows_waiting_share,
            rows_offered=protection.rows_offered,
            rows_held_back=protection.rows_held,
            households_held_back=protection.households_held,
            rows_of_households_held_back=protection.rows_of_households_held,
            amount_rounding_nok=grids.amount_rounding_nok,
            amount_top_code_nok=grids.amount_top_code_nok,
            budget_rounding_nok=grids.budget_rounding_nok,
            budget_top_code_nok=grids.budget_top_code_nok,
        )

    def cells(self) -> tuple[int, ...]:
        return tuple(int(getattr(self, c.name)) for c in COLUMNS)


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
