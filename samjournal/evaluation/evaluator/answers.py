"""The check-ins' answers as one table per instrument version, labelled from its definition.

A bundle's `checkins.answers` holds item=value pairs; here each instrument version becomes an
`answers_<instrument>_v<version>` table with one column per item (scales with their anchored
ends, yes/no and choices with their labels, numbers with their bounds), so R, Stata, SPSS and
pandas read the questions' own words. Answers stay under the version that asked them: a new
version is a new table, never a relabelled old one. Definitions come from the study's profile
(every version this workspace ever issued) and the journal's own instrument.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from samjournal.evaluation.evaluator.merge import SEP
from samjournal.evaluation.evaluator.workspace import HISTORY_KEY, Workspace
from samjournal.evaluation.sql import tuples
from samjournal.evaluation.tables import CHECKINS, HOUSEHOLD, Column, Link, Table, id_column
from samjournal.fsutil import create_private_text
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import (
    AnswerType,
    Instrument,
    InstrumentRef,
    Item,
    Respondent,
    Text,
)
from samjournal.instruments.parse import instrument_from_json
from samjournal.vocabulary import label


def known(ws: Workspace) -> dict[InstrumentRef, Instrument]:
    row = ws.db.first("SELECT value FROM meta WHERE key = ?", (HISTORY_KEY,))
    found = {JOURNAL_DEFAULT.ref: JOURNAL_DEFAULT}
    for raw in json.loads(row[0]) if row else []:
        instrument = instrument_from_json(raw)
        found[instrument.ref] = instrument
    found.update({i.ref: i for i in ws.profile.instruments})
    return found


def table_name(ref: InstrumentRef) -> str:
    return f"answers_{ref.id.replace('-', '_')}_v{ref.version}"


def _column(item: Item, form: Instrument) -> Column:
    who = label(item.respondent, "en").lower()
    age = f" from age {item.min_age}" if item.min_age is not None else ""
    what = (
        f"{item.text.en} (asked of the {who}{age}; {label(item.type, 'en')}; instrument"
        f" {form.id} version {form.version}; empty = not answered; asked as: {item.text.nb})"
    )
    name, title = item.id.replace("-", "_"), (item.text.nb, item.text.en)
    if item.type is AnswerType.CHOICE:
        categories = tuple((c.id, c.text.nb, c.text.en) for c in item.choices)
        return Column(name, "string", title, what, categories=categories)
    if item.type is AnswerType.YES_NO:
        return Column(name, "integer", title, what, categories=((1, "Ja", "Yes"), (0, "Nei", "No")))
    if item.type is AnswerType.NUMBER:
        return Column(name, "integer", title, what, minimum=item.minimum, maximum=item.maximum)
    low, high = (0, 10) if item.type is AnswerType.SCALE_0_10 else (1, 5)
    ends: tuple[tuple[int, str, str], ...] = ()
    if item.low is not None and item.high is not None:
        ends = ((low, item.low.nb, item.low.en), (high, item.high.nb, item.high.en))
    return Column(name, "integer", title, what, minimum=low, maximum=high, scale=ends)


def answer_table(form: Instrument) -> Table:
    return Table(
        table_name(form.ref),
        (
            f"Svar: {form.title.nb} (versjon {form.version})",
            f"Answers: {form.title.en} (version {form.version})",
        ),
        f"Answers to the instrument «{form.title.en}» ({form.id}), version {form.version}: one"
        " row per check-in (checkins.csv), one column per item, labelled with the item's words.",
        (
            id_column("checkin_id", ("kartlegging", "check-in")),
            HOUSEHOLD,
            *(_column(i, form) for i in form.items),
        ),
        "checkin",
        (Link("checkin_id", "checkins", "checkin_id"),),
    )


def _unknown(ref: InstrumentRef, items: Iterable[str]) -> Instrument:
    """A stand-in for a version this workspace never issued: its answers as plain text."""
    return Instrument(
        ref.id,
        ref.version,
        Text(ref.id, ref.id),
        tuple(
            Item(
                i, Text(i, f"{i} (definition not known here)"), AnswerType.CHOICE, Respondent.ADULT
            )
            for i in sorted(items)
        ),
    )


@dataclass(frozen=True, slots=True)
class AnswerTables:
    tables: tuple[Table, ...]
    rows: dict[str, int]


def write_answer_tables(ws: Workspace, folder: Path) -> AnswerTables:
    """One CSV per instrument version found among the stored check-ins."""
    header = CHECKINS.header
    at = {n: header.index(n) for n in ("household_id", "instrument_id", "instrument_version")}
    answers_at = header.index("answers")
    grouped: dict[InstrumentRef, list[tuple[str, str, str, dict[str, str]]]] = {}
    for journal_id, data in tuples(
        ws.db,
        "SELECT journal_id, data FROM records WHERE entity = 'checkins'"
        " ORDER BY journal_id, household_id, record_id",
    ):
        row = data.split(SEP)
        ref = InstrumentRef(row[at["instrument_id"]], int(row[at["instrument_version"]]))
        pairs = dict(p.split("=", 1) for p in row[answers_at].split(";") if "=" in p)
        grouped.setdefault(ref, []).append((journal_id, row[0], row[at["household_id"]], pairs))
    forms = known(ws)
    tables: list[Table] = []
    counts: dict[str, int] = {}
    for ref in sorted(grouped):
        found = grouped[ref]
        form = forms.get(ref) or _unknown(ref, {k for *_, pairs in found for k in pairs})
        table = answer_table(form)
        if form is not forms.get(ref):  # plain text: no categories to check against
            table = Table(
                table.name,
                table.title,
                table.description,
                tuple(Column(c.name, "string", c.title, c.description) for c in table.columns),
                table.entity,
                table.links,
            )
        items = [i.id for i in form.items]
        with create_private_text(folder / f"{table.name}.csv") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(("journal_id", *table.header))
            for journal_id, checkin, household, pairs in found:
                writer.writerow(
                    (journal_id, checkin, household, *(pairs.get(i, "") for i in items))
                )
        tables.append(table)
        counts[table.name] = len(found)
    return AnswerTables(tuple(tables), counts)
