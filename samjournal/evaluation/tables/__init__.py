"""The released tables: columns, types, keys and the codebook, shared by both ends.

The journal writes these columns into every bundle, the evaluator checks them on import and writes
them (with a `journal_id` in front) into its merged data package. Each column carries what R,
Stata, SPSS and pandas need to read it without hand work: a type, a label, and for categories and
scales the values and what they mean. samjournal.evaluation.table_resources publishes them as
Frictionless resources and the codebook's rows.

By what they hold: `schema` (columns, links, the codes the tables share), `households`,
`events` (meetings, needs, payments, check-ins) and `attrition` (tombstones, consent counts).
"""

from __future__ import annotations

from samjournal.evaluation.tables.attrition import CONSENT_COUNTS, TOMBSTONE_REASONS, TOMBSTONES
from samjournal.evaluation.tables.events import (
    CHECKINS,
    MEETING_KINDS,
    MEETINGS,
    NEED_CATEGORIES,
    NEED_STATUSES,
    NEEDS,
    PAYMENT_METHODS,
    PAYMENT_STATUSES,
    PAYMENTS,
)
from samjournal.evaluation.tables.households import HOUSEHOLDS
from samjournal.evaluation.tables.schema import (
    AREA_WORD,
    AREA_WORD_LABEL,
    CHILDREN_VALUES,
    HOUSEHOLD,
    MISSING,
    OPEN,
    SIZE_VALUES,
    SUPPRESSED,
    SUPPRESSED_LABEL,
    TIME_TRANSFORM,
    TRANSFORMS,
    UNKNOWN_AGE,
    UNKNOWN_AGE_LABEL,
    Column,
    Link,
    Table,
    id_column,
)
from samjournal.vocabulary import LANGUAGES

__all__ = [
    "ALL_TABLES",
    "AREA_WORD",
    "AREA_WORD_LABEL",
    "CHECKINS",
    "CHILDREN_VALUES",
    "CONSENT_COUNTS",
    "DATA_TABLES",
    "HOUSEHOLD",
    "HOUSEHOLDS",
    "MEETINGS",
    "MEETING_KINDS",
    "MISSING",
    "NEEDS",
    "NEED_CATEGORIES",
    "NEED_STATUSES",
    "OPEN",
    "PAYMENTS",
    "PAYMENT_METHODS",
    "PAYMENT_STATUSES",
    "QUASI_IDENTIFIERS",
    "SIZE_VALUES",
    "SUPPRESSED",
    "SUPPRESSED_LABEL",
    "TIME_TRANSFORM",
    "TOMBSTONES",
    "TOMBSTONE_REASONS",
    "TRANSFORMS",
    "UNKNOWN_AGE",
    "UNKNOWN_AGE_LABEL",
    "Column",
    "Link",
    "Table",
    "column_title",
    "id_column",
    "table_title",
]

DATA_TABLES: dict[str, Table] = {
    t.name: t for t in (HOUSEHOLDS, MEETINGS, NEEDS, PAYMENTS, CHECKINS)
}
ALL_TABLES: dict[str, Table] = {
    **DATA_TABLES,
    TOMBSTONES.name: TOMBSTONES,
    CONSENT_COUNTS.name: CONSENT_COUNTS,
}


def table_title(name: str, language: str) -> str:
    """A bundle table's title in `language`, as its data package gives it: the one word for it
    on screen, in reports and in the bundle (a name not known is given back as it is)."""
    found = ALL_TABLES.get(name)
    return found.title[LANGUAGES.index(language)] if found is not None else name


def column_title(table: str, name: str, language: str) -> str:
    """A bundle column's title in `language`, as its data package gives it (a name not known
    is given back as it is)."""
    found = ALL_TABLES.get(table)
    for column in found.columns if found is not None else ():
        if column.name == name:
            return column.title[LANGUAGES.index(language)]
    return name


# The household fields an attacker is assumed to know all of (samjournal.evaluation.attacker).
QUASI_IDENTIFIERS = (
    "area",
    "household_size",
    "children",
    "adult_ages",
    "opened_month",
    "status",
    "budget_frame_nok",
)
