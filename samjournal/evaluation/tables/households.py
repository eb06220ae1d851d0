"""The households table: one row per household released, its fields generalised."""

from __future__ import annotations

from samjournal.evaluation.tables.schema import (
    CHILDREN_VALUES,
    FLAG,
    HOUSEHOLD,
    OPEN,
    OPEN_LABEL,
    SIZE_VALUES,
    SUPPRESSED,
    SUPPRESSED_LABEL,
    UNKNOWN_AGE,
    VERSION,
    Column,
    Table,
    category_labels,
    day_column,
    enum_column,
)
from samjournal.model import FamilyStatus
from samjournal.vocabulary import labels

HOUSEHOLDS = Table(
    "households",
    ("Husstander", "Households"),
    "One row per consented household released, every one in every bundle (a new household that"
    " does not fit k yet waits in its journal: journals.csv counts them). Its fields an attacker"
    " may know (area, household_size, children, adult_ages, opened_month, status,"
    " budget_frame_nok) are generalised, and starred where needed, so that every combination is"
    " shared by at least k households.",
    (
        HOUSEHOLD,
        Column(
            "area",
            "string",
            ("Område", "Area"),
            "The municipality, or the district when that is safe; * when suppressed.",
            required=True,
        ),
        enum_column(
            "household_size",
            ("Husstandens størrelse", "Household size"),
            "Number of members (adults and children), possibly banded.",
            [(v, v, v) if v != SUPPRESSED else (v, *SUPPRESSED_LABEL) for v in SIZE_VALUES],
        ),
        enum_column(
            "children",
            ("Antall barn", "Number of children"),
            "Number of children under 18, possibly banded.",
            [(v, v, v) if v != SUPPRESSED else (v, *SUPPRESSED_LABEL) for v in CHILDREN_VALUES],
        ),
        Column(
            "adult_ages",
            "string",
            ("Voksnes aldersgrupper", "Adults' age bands"),
            "Age bands of the adults, youngest first, separated by |; bands are 18-29, 30-39, ...,"
            f" or 18-39, 40-59, 60+, or 18+; {UNKNOWN_AGE!r} when no birth year is recorded; * when"
            " suppressed.",
            required=True,
        ),
        enum_column(
            "status",
            ("Status", "Status"),
            "Case status: active, paused or closed; open (active or paused) where k needs it"
            " coarser; * when the household is suppressed (its closed_day is then * too).",
            [
                *category_labels(FamilyStatus, labels(FamilyStatus, "nb")),
                (OPEN, *OPEN_LABEL),
                (SUPPRESSED, *SUPPRESSED_LABEL),
            ],
        ),
        Column(
            "opened_month",
            "string",
            ("Startperiode", "Start period"),
            "When the family started: the period of the index date every day column counts"
            " from, the only calendar position released: a month (YYYY-MM), quarter (YYYY-Qn),"
            " half-year (YYYY-Hn) or year (YYYY), as coarse as k allows; * when suppressed.",
            required=True,
        ),
        day_column(
            "closed_day",
            FamilyStatus.CLOSED,
            "When the case was closed: the closing date entered (* when the household is"
            " suppressed, open or closed alike)",
            past=True,
            starred=True,
        ),
        Column(
            "budget_frame_nok",
            "integer",
            ("Budsjettramme (kr)", "Budget frame (NOK)"),
            "Yearly budget frame in NOK, rounded and top-coded by the study's policy; a frame"
            " above 0 is never 0.",
            required=True,
            minimum=0,
        ),
        Column(
            "budget_top_coded",
            "integer",
            ("Budsjett toppkodet", "Budget top-coded"),
            "1 when the budget frame shown is the top code: the frame, rounded, reached it (so"
            " from half a rounding step below it).",
            required=True,
            categories=FLAG,
        ),
        VERSION,
    ),
    "family",
)
