"""The released tables (samjournal.evaluation.tables) as the data package publishes them: a
Frictionless resource per table, with its keys and links, and the codebook's rows."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from samjournal.evaluation.tables import (
    HOUSEHOLDS,
    MISSING,
    SUPPRESSED,
    TOMBSTONES,
    Column,
    Link,
    Table,
)
from samjournal.vocabulary import LANGUAGES


def resource(
    table: Table,
    *,
    prefix: tuple[Column, ...] = (),
    with_keys: bool = True,
    linked: Collection[str] = (),
    language: str = "nb",
) -> dict[str, Any]:
    """A Frictionless tabular data resource for `table` (CSV, UTF-8, empty = missing), titled
    and labelled in `language` (a bundle's in bokmål). The `prefix` columns (the evaluator's
    journal_id) lead every key as well. Every event row points at its household; the links
    between event tables are declared for the tables in `linked` (a complete dataset: an
    incremental bundle holds only the rows that changed)."""
    columns = prefix + table.columns
    declared = [link for link in table.links if link.table in linked]
    schema: dict[str, Any] = {
        "fields": [c.field(language) for c in columns],
        # A link to a row the dataset does not hold (held back by the journal's check) is
        # suppressed: a missing value to the foreign key, told apart from an empty one.
        "missingValues": [MISSING, SUPPRESSED] if declared else [MISSING],
    }
    leading = [c.name for c in prefix]
    if with_keys and table is not TOMBSTONES:
        schema["primaryKey"] = [*leading, table.key]
        links = [Link("household_id", HOUSEHOLDS.name, "household_id"), *declared]
        if table is not HOUSEHOLDS and "household_id" in table.header:
            schema["foreignKeys"] = [_foreign_key(table, link, leading) for link in links]
    return {
        "name": table.name,
        "title": table.title[LANGUAGES.index(language)],
        "description": table.description,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": schema,
    }


def _foreign_key(table: Table, link: Link, leading: list[str]) -> dict[str, Any]:
    """A link over (journal_id, id), or over the id alone where it may be empty: frictionless
    checks a key with an empty part against the other table, and fails it. Pseudonyms are
    random (96 bits), so one id never names records of two journals."""
    column = next(c for c in table.columns if c.name == link.column)
    lead = leading if column.required else []
    return {
        "fields": [*lead, link.column],
        "reference": {"resource": link.table, "fields": [*lead, link.key]},
    }


def codebook_rows(tables: list[Table]) -> list[tuple[str, str, str, str, str, str, str]]:
    """table, variable, type, value, label (bokmål), label (English), description: one row per
    variable (value empty: its title in both languages and its description, so a question's words
    are there however it is answered), then one per category or scale point (no description)."""
    rows = []
    for table in tables:
        for column in table.columns:
            values = column.categories or column.scale
            nb, en = column.title
            rows.append((table.name, column.name, column.type, "", nb, en, column.description))
            for value, nb, en in values:
                rows.append((table.name, column.name, column.type, str(value), nb, en, ""))
    return rows
