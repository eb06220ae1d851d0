"""`evaluator datapackage`: the merged dataset as a Frictionless data package for analysis.

One CSV per table (UTF-8, header row, empty = missing, * = suppressed) with `journal_id` first,
keys over (journal_id, id), foreign keys for every link (to households, meeting -> need ->
payment), a `codebook.csv` of every category and scale, a
`journals.csv` (one row per journal: its site, and what its newest bundle held back and the grids
of its amounts and budget frames, reported.py), a `rows_by_table.csv` (per journal and table, the
rows in the dataset and those still waiting), and `datapackage.json` with types, labels and
categories. `households.csv` carries the site too, next to `journal_id`: the unit a researcher
clusters on, from the evaluator's registration, never from the laptop. R (frictionless,
readr), Stata (import delimited), SPSS (GET DATA /TYPE=TXT) and pandas read it as it is;
beside it the same tables as Stata .dta, SPSS .sav and Parquet with labels (`stats_files`), an R
loader (`r_script`) and what was done to the data (`transforms`).
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samjournal.evaluation.evaluator.answers import AnswerTables, write_answer_tables
from samjournal.evaluation.evaluator.merge import NOT_SUPERSEDED, SEP, bundles_missing
from samjournal.evaluation.evaluator.r_script import SCRIPT_NAME
from samjournal.evaluation.evaluator.r_script import render as render_r
from samjournal.evaluation.evaluator.reported import COLUMNS as REPORTED_COLUMNS
from samjournal.evaluation.evaluator.reported import (
    NO_REPORT,
    TABLE_COLUMNS,
    Reported,
    newest_risk_reports,
    reported,
)
from samjournal.evaluation.evaluator.senders import sites
from samjournal.evaluation.evaluator.stats_files import (
    FILES_NOTE,
    FORMATS,
    Sheet,
    files_for_analysis,
    in_language,
    read_sheets,
    titles,
    write_stats_files,
)
from samjournal.evaluation.evaluator.transforms import AREA_NOTE, field_notes
from samjournal.evaluation.evaluator.transforms import FILE as TRANSFORMS_FILE
from samjournal.evaluation.evaluator.transforms import FOLDER as TRANSFORMS_FOLDER
from samjournal.evaluation.evaluator.transforms import readme as transforms_readme
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.profile import now_iso
from samjournal.evaluation.sql import paused_gc, tuples
from samjournal.evaluation.table_resources import codebook_rows, resource
from samjournal.evaluation.tables import (
    AREA_WORD,
    AREA_WORD_LABEL,
    CHECKINS,
    CONSENT_COUNTS,
    DATA_TABLES,
    MISSING,
    SUPPRESSED,
    SUPPRESSED_LABEL,
    TRANSFORMS,
    UNKNOWN_AGE,
    UNKNOWN_AGE_LABEL,
    Column,
    Table,
)
from samjournal.fsutil import (
    FOLDER_MODE,
    create_private,
    create_private_text,
    fsync_dir,
    private_folder,
    storage_error,
)
from samjournal.messages import invalid
from samjournal.vocabulary import LANGUAGES

CodebookRow = tuple[str, str, str, str, str, str, str]  # ..., value, nb, en, description
# The codes among the free text of the households' area and adult_ages (place names, age bands),
# labelled in the codebook after the variable's own row.
TEXT_CODES: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = {
    ("households", "area"): ((AREA_WORD, *AREA_WORD_LABEL), (SUPPRESSED, *SUPPRESSED_LABEL)),
    ("households", "adult_ages"): (
        (UNKNOWN_AGE, *UNKNOWN_AGE_LABEL),
        (SUPPRESSED, *SUPPRESSED_LABEL),
    ),
}
Resources = dict[str, list[dict[str, Any]]]  # the package's resources, by language
JOURNAL = Column(
    "journal_id",
    "string",
    ("Journal", "Journal"),
    "The journal (one municipal team's laptop) the row comes from: random id, for clustering.",
    required=True,
)
SITE = Column(
    "site",
    "string",
    ("Sted", "Site"),
    "Municipality and team of the journal, as the evaluator registered it"
    " (samjournal evaluator journal add --site); empty for a journal never registered.",
)
JOURNALS_COLUMNS = (
    JOURNAL,
    SITE,
    Column("households", "integer", ("Husstander", "Households"), "Households now in the dataset."),
    Column(
        "last_sequence",
        "integer",
        ("Siste pakke", "Last bundle"),
        "Highest bundle number received.",
    ),
    Column(
        "last_bundle_created",
        "datetime",
        ("Siste pakke laget", "Last bundle made"),
        "When that bundle was made.",
    ),
    Column(
        "bundles_missing",
        "string",
        ("Manglende pakker", "Bundles missing"),
        'Bundle numbers below the last one whose rows this dataset lacks ("2, 5-6"): not'
        " received, and no later complete bundle covers them. The counts of this row come from"
        " the newest bundle and include those rows. Empty: none missing.",
    ),
    *REPORTED_COLUMNS,
)
# The evaluator's own tables (entity "": no journal record behind a row).
JOURNALS = Table(
    "journals",
    ("Journaler", "Journals"),
    "One row per journal: its site as the evaluator registered it, what its newest bundle"
    " held back to meet k^m (rows and households that wait in the journal), and the grids"
    " its amounts and budget frames are on.",
    JOURNALS_COLUMNS,
    "",
)
ROWS_BY_TABLE = Table(
    "rows_by_table",
    ("Rader per tabell", "Rows by table"),
    "Per journal and table, from its newest bundle: the rows in the dataset, the rows that"
    " still wait in the journal, and the rows here whose later change waits.",
    (JOURNAL, *TABLE_COLUMNS),
    "",
)
README = """SamJournal evaluation dataset: {study} ({name})

Consented, anonymised data merged from {journals} journal(s); written {written}.
{gaps}Every table has journal_id first; ids are random per-study pseudonyms. In the CSVs an empty
cell is missing and * is suppressed (k-anonymity); transforms/README.md says what was done to
the data, with the study's numbers. households.csv and journals.csv name each journal's site
(municipality and team), as the evaluator registered it. Categories and scales are in
codebook.csv and in datapackage.json (Frictionless), which also declares the keys and the links
between the tables (meeting -> need -> payment, every row -> its household).

Not everything consented is here yet. Each journal holds back the rows, and the new households,
that would break k^m over everything the study has received, and sends them once they fit:
journals.csv says per journal how many rows are in the dataset and how many still wait
(rows_in_dataset, rows_waiting: the share missing is rows_waiting / (rows_in_dataset +
rows_waiting)), and rows_by_table.csv says it per table. A change to a row already here can
wait too: the row is here as it was first sent (a closing day, a payment's paid day still
empty), and rows_by_table.csv's changes_waiting counts such rows. Held-back rows are the rare and
unusual events, so analyses of these rows alone are biased without weighting; and
consent_counts.csv counts households held back whole that households.csv does not have yet.
Amounts and budget frames are on each journal's own grid (journals.csv: amount_rounding_nok,
budget_rounding_nok and their caps): amount_nok mixes grids, so join on journal_id. A small
journal may send need categories in three groups (journals.csv: need_categories).

  R:      source("load_samjournal.R")   (base R: every table as a labelled data frame)
  Stata:  use stata/households.dta      (value labels; suppressed = .s)
  SPSS:   GET FILE='spss/households.sav'.   (value labels; suppressed = user-missing -99999)
  Python: pyarrow.parquet.read_table("parquet/households.parquet")  or
          frictionless.Package("datapackage.json")
  Parquet: missing and suppressed are null; NAME_suppressed says which were suppressed.

Labels (Stata, SPSS, Parquet, the titles and categories in datapackage.json, and R's unless
samjournal_language asks for the other) are in "{language}" (nb: bokmål, en: English), the
language of the samjournal command that wrote the package (SAMJOURNAL_LANG); codebook.csv
has both.
"""

# README.txt's warning per journal with bundles missing (journals.csv: bundles_missing).
GAP = """
INCOMPLETE: journal {journal} lacks bundle(s) {missing}: their rows are not in this dataset,
though journals.csv and rows_by_table.csv count them (they come from the newest bundle). Import
the missing bundle(s), or ask the journal for a complete one, and write the package again.

"""


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    rows: dict[str, int]
    skipped: str = ""  # the statistics files not written, and why
    gaps: dict[str, str] = dataclasses.field(default_factory=dict)  # journal -> bundles missing


def _plain(
    name: str, title: str, description: str, fields: list[tuple[str, str, str]], key: list[str]
) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [{"name": n, "type": t, "title": d} for n, t, d in fields],
        "missingValues": [""],
    }
    if key:
        schema["primaryKey"] = key
    return {
        "name": name,
        "title": title,
        "description": description,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def write_datapackage(
    ws: Workspace, out: Path | str, language: str = "nb", *, replace: bool = False
) -> Written:
    """Write the package into `out` (new or empty; with `replace`, a folder holding only a
    package this command wrote); built beside it, then moved in place. Its titles and labels
    (datapackage.json, Stata, SPSS, Parquet, R's default) and the levels its transforms name
    are in `language`; its prose is English."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise invalid("folder", "folder_is_a_file", out=str(out))
    replacing = out.exists() and any(out.iterdir())
    if replacing and not replace:
        raise invalid("folder", "folder_exists_not_empty", out=str(out))
    if replacing:
        _require_only_a_package(out, ws.profile.id)
    tables = [DATA_TABLES["households"]] + [DATA_TABLES[t] for t in ws.profile.policy.tables]
    scratch = out.with_name(f".{out.name}.{os.getpid()}.partial")
    try:
        scratch.mkdir(mode=FOLDER_MODE, parents=True)
        with paused_gc():
            rows = _write_tables(ws, scratch, tables)
        answers = write_answer_tables(ws, scratch) if CHECKINS in tables else AnswerTables((), {})
        rows.update(answers.rows)
        journals, gaps = _write_journals(ws, scratch)
        rows[CONSENT_COUNTS.name] = _write_consent_counts(ws, scratch)
        book = _with_text_codes(codebook_rows(_as_packaged(tables, answers.tables)))
        with create_private_text(scratch / "codebook.csv") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(
                ("table", "variable", "type", "value", "label_nb", "label_en", "description")
            )
            writer.writerows(book)
        notes = field_notes(ws.profile.policy)
        resources = {lang: _resources(tables, answers.tables, notes, lang) for lang in LANGUAGES}
        package: dict[str, Any] = {
            "profile": "tabular-data-package",
            "name": f"samjournal-{ws.profile.id}",
            "title": ws.profile.name,
            "description": f"{ws.profile.name} ({ws.profile.organisation}): consented, anonymised"
            " data from SamJournal journals, merged by the evaluator. Transforms (with the"
            f" study's numbers in {TRANSFORMS_FILE} and in the fields): {TRANSFORMS}"
            f" {FILES_NOTE} Beside the CSVs: stata/*.dta, spss/*.sav, parquet/*.parquet"
            f" (the same tables with labels) and {SCRIPT_NAME} (loads every table into R).",
            "created": now_iso(),
            "samjournal": {
                "study_id": ws.profile.id,
                "fingerprint": ws.profile.fingerprint,
                "k": ws.profile.policy.k,
                "language": language,
            },
            "resources": resources[language],
        }
        with create_private(scratch / "datapackage.json") as out_fh:
            out_fh.write((json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode())
        with create_private(scratch / "README.txt") as out_fh:
            text = README.format(
                study=ws.profile.id,
                name=ws.profile.name,
                journals=journals,
                written=package["created"],
                language=language,
                gaps="".join(GAP.format(journal=j, missing=m) for j, m in gaps.items()),
            )
            out_fh.write(text.encode())
        skipped = _write_for_analysis(ws, scratch, resources, language)
        if replacing:
            _swap(scratch, out)
        else:
            if out.exists():
                out.rmdir()
            os.replace(scratch, out)
        fsync_dir(out.parent)
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        if scratch.exists():
            with contextlib.suppress(OSError):
                shutil.rmtree(scratch)
    return Written(out, rows, skipped, gaps)


def _resources(
    tables: list[Table],
    answer_tables: tuple[Table, ...],
    notes: dict[tuple[str, str], str],
    language: str,
) -> list[dict[str, Any]]:
    """The package's resources, titled and labelled in `language`; a field a transform
    changed says how, with the study's numbers (`notes`)."""
    names = {t.name for t in tables}
    found = [
        *(
            _with_site(resource(t, prefix=(JOURNAL,), linked=names, language=language), language)
            for t in tables
        ),
        *(resource(t, prefix=(JOURNAL,), linked=names, language=language) for t in answer_tables),
        _to_journals(resource(CONSENT_COUNTS, prefix=(JOURNAL,), language=language)),
        _journals_resource(language),
        _rows_by_table_resource(language),
        _plain(
            "codebook",
            in_language(("Kodebok", "Codebook"), language),
            "Every variable of the package (value empty: its title in bokmål and English, and"
            " its description), then a row per category, scale point or code (households.area's"
            " and adult_ages' among their free text), labelled in both languages.",
            [
                ("table", "string", "Table"),
                ("variable", "string", "Variable"),
                ("type", "string", "Type"),
                ("value", "string", "Value (category or scale point)"),
                ("label_nb", "string", "Label (bokmål)"),
                ("label_en", "string", "Label (English)"),
                ("description", "string", "Description (English; a variable's row only)"),
            ],
            [],  # variables without categories have no value: no key
        ),
    ]
    for item in found:
        for field in item["schema"]["fields"]:
            note = notes.get((item["name"], field["name"]))
            if note:
                field["description"] = f"{field['description']}{note} ({TRANSFORMS_FILE})"
    return found


def _require_only_a_package(out: Path, study_id: str) -> None:
    """Refuse to replace `out` unless it holds a package this command wrote for `study_id` and
    nothing else: its datapackage.json names the study, and every file in it is one of the
    files written for the resources it lists (an analysis saved inside would be lost)."""
    try:
        descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        names = [str(r["name"]) for r in descriptor["resources"]]
        found = str(descriptor["samjournal"]["study_id"])
    except (OSError, ValueError, KeyError, TypeError):
        raise invalid("folder", "folder_not_a_package", out=str(out)) from None
    if found != study_id:
        raise invalid("folder", "folder_another_study", out=str(out), found=found, study=study_id)
    written = {"datapackage.json", "README.txt", SCRIPT_NAME, TRANSFORMS_FILE}
    for name in names:
        written.update([f"{name}.csv", *files_for_analysis(name)])
    folders = {TRANSFORMS_FOLDER, *FORMATS}
    others = []
    for root, dirs, files in os.walk(out):
        here = Path(root).relative_to(out)
        for entry in [*dirs, *files]:
            path = Path(root, entry)
            kept = folders if entry in dirs else written
            if path.is_symlink() or (here / entry).as_posix() not in kept:
                others.append((here / entry).as_posix())
    if others:
        shown = ", ".join(sorted(others)[:5])
        raise invalid("folder", "folder_holds_other_files", out=str(out), files=shown)


def _swap(scratch: Path, out: Path) -> None:
    """Put the package built in `scratch` where the old one is, the old one deleted once the
    new one is in place (put back should that fail)."""
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    os.replace(out, old)
    try:
        os.replace(scratch, out)
    except OSError:
        os.replace(old, out)
        raise
    shutil.rmtree(old)


def _write_for_analysis(ws: Workspace, folder: Path, resources: Resources, language: str) -> str:
    """The R loader, transforms/README.md, and the .dta, .sav and Parquet files, in `language`
    (the R loader in both); returns what was left out for want of the `evaluator` extra (""
    when nothing)."""
    tables = [r for r in resources[language] if r["name"] != "codebook"]
    named = titles(resources)
    sheets: list[Sheet] = []
    skipped = ""
    try:
        write_stats_files(folder, read_sheets(folder, tables, named, sheets), language)
    except ModuleNotFoundError as exc:  # pyreadstat, pandas or pyarrow: the `evaluator` extra
        skipped = f"{', '.join(FORMATS)}: pip install 'samjournal[evaluator]' ({exc.name})"
        sheets.clear()
        for _ in read_sheets(folder, tables, named, sheets):
            pass
    with create_private_text(folder / SCRIPT_NAME) as fh:
        fh.write(render_r(sheets, language))
    private_folder(folder / TRANSFORMS_FOLDER)
    with create_private_text(folder / TRANSFORMS_FILE) as fh:
        fh.write(transforms_readme(ws))
    return skipped


def _journals_resource(language: str) -> dict[str, Any]:
    """journals.csv: one row per journal, with what its newest bundle held back and its grids."""
    t = JOURNALS
    resource = _plain(t.name, in_language(t.title, language), t.description, [], ["journal_id"])
    resource["schema"]["fields"] = [c.field(language) for c in t.columns]
    return resource


def _rows_by_table_resource(language: str) -> dict[str, Any]:
    """rows_by_table.csv: per journal and table, the rows in the dataset and those waiting."""
    t = ROWS_BY_TABLE
    resource = _to_journals(_plain(t.name, in_language(t.title, language), t.description, [], []))
    resource["schema"]["fields"] = [c.field(language) for c in t.columns]
    resource["schema"]["primaryKey"] = ["journal_id", "table_name"]
    return resource


def _to_journals(resource: dict[str, Any]) -> dict[str, Any]:
    resource["schema"]["foreignKeys"] = [
        {"fields": ["journal_id"], "reference": {"resource": "journals", "fields": ["journal_id"]}}
    ]
    return resource


def _write_consent_counts(ws: Workspace, folder: Path) -> int:
    rows = tuples(ws.db, "SELECT journal_id, data FROM consent_counts ORDER BY journal_id, month")
    with create_private_text(folder / f"{CONSENT_COUNTS.name}.csv") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow((JOURNAL.name, *CONSENT_COUNTS.header))
        writer.writerows((journal_id, *data.split(SEP)) for journal_id, data in rows)
    return len(rows)


def _as_packaged(tables: list[Table], answer_tables: tuple[Table, ...]) -> list[Table]:
    """Every table with the columns its CSV file has (journal_id first, households' site after
    it; journals.csv and rows_by_table.csv too), for the codebook: it lacked the evaluator's own
    columns and tables (evaluator review, 2026-12-08)."""
    prefixed = [
        dataclasses.replace(
            t, columns=(JOURNAL, *((SITE,) if t.name == "households" else ()), *t.columns)
        )
        for t in [*tables, *answer_tables, CONSENT_COUNTS]
    ]
    return [*prefixed, JOURNALS, ROWS_BY_TABLE]


def _with_text_codes(rows: list[CodebookRow]) -> list[CodebookRow]:
    """The codebook with the `TEXT_CODES` of a variable after its own row (value empty)."""
    out = []
    for row in rows:
        out.append(row)
        table, variable, kind, value = row[:4]
        codes = TEXT_CODES.get((table, variable), ()) if value == "" else ()
        out.extend((table, variable, kind, *code, "") for code in codes)
    return out


def _with_site(resource: dict[str, Any], language: str) -> dict[str, Any]:
    """households: `site` right after journal_id, and journal_id pointing at journals.csv; the
    area's word for a municipality not named, described."""
    if resource["name"] != "households":
        return resource
    schema = resource["schema"]
    area = next(f for f in schema["fields"] if f["name"] == "area")
    area["description"] += AREA_NOTE
    schema["fields"].insert(1, SITE.field(language))
    schema["foreignKeys"] = [
        {"fields": ["journal_id"], "reference": {"resource": "journals", "fields": ["journal_id"]}}
    ]
    return resource


def _write_tables(ws: Workspace, folder: Path, tables: list[Table]) -> dict[str, int]:
    files: dict[str, Any] = {}
    writers: dict[str, Any] = {}
    counts = {t.name: 0 for t in tables}
    try:
        for table in tables:
            fh = create_private_text(folder / f"{table.name}.csv")
            files[table.name] = fh
            writers[table.name] = csv.writer(fh, lineterminator="\r\n")
            lead = ("journal_id", "site") if table.name == "households" else ("journal_id",)
            writers[table.name].writerow((*lead, *table.header))
        site = sites(ws)
        # Links between event tables (a payment's need, a need's meeting), by column position.
        names = set(writers)
        links = {
            t.name: [(t.header.index(x.column), x.table) for x in t.links if x.table in names]
            for t in tables
        }
        journals = [r[0] for r in tuples(ws.db, "SELECT DISTINCT journal_id FROM records")]
        for journal_id in sorted(journals):  # one journal at a time keeps memory flat
            held = _linked_ids(ws, journal_id, {x for found in links.values() for _, x in found})
            for entity, data in tuples(
                ws.db,
                "SELECT entity, data FROM records WHERE journal_id = ?"
                " ORDER BY household_id, entity, record_id",
                (journal_id,),
            ):
                writer = writers.get(entity)
                if writer is None:
                    continue
                fields = data.split(SEP)
                for at, target in links[entity]:
                    # The journal's check held the row back (or it has not come yet): the
                    # link is suppressed, so the dataset's foreign keys all resolve.
                    if fields[at] != MISSING and fields[at] not in held[target]:
                        fields[at] = SUPPRESSED
                if entity == "households":
                    writer.writerow((journal_id, site.get(journal_id, ""), *fields))
                else:
                    writer.writerow((journal_id, *fields))
                counts[entity] += 1
    finally:
        for fh in files.values():
            fh.close()
    return counts


def _linked_ids(ws: Workspace, journal_id: str, tables: set[str]) -> dict[str, set[str]]:
    """The ids of the journal's rows of `tables` that the dataset holds, by table."""
    sql = "SELECT record_id FROM records WHERE journal_id = ? AND entity = ?"
    return {table: {r[0] for r in tuples(ws.db, sql, (journal_id, table))} for table in tables}


def _write_journals(ws: Workspace, folder: Path) -> tuple[int, dict[str, str]]:
    """journals.csv and rows_by_table.csv; (journals that sent bundles, the bundles missing of
    those that lack some)."""
    db = ws.db
    rows = tuples(
        db,
        "SELECT b.journal_id, max(b.sequence),"
        " (SELECT created FROM bundles c WHERE c.journal_id = b.journal_id"
        f"  AND c.{NOT_SUPERSEDED} ORDER BY sequence DESC LIMIT 1),"
        " (SELECT count(*) FROM records r WHERE r.journal_id = b.journal_id"
        "  AND r.entity = 'households')"
        f" FROM bundles b WHERE b.{NOT_SUPERSEDED}"  # not a restore's lost bundles
        " GROUP BY b.journal_id ORDER BY b.journal_id",
    )
    site = sites(ws)
    received = {r[0]: r[1:] for r in rows}
    newest = {j: reported(risk) for j, (_, risk) in newest_risk_reports(ws).items()}
    _write_rows_by_table(folder, newest)
    gaps = {j: found for j in received if (found := bundles_missing(ws, j))}
    # Registered journals that have sent nothing yet are listed too: a site with no data is news.
    with create_private_text(folder / "journals.csv") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(tuple(c.name for c in JOURNALS_COLUMNS))
        for journal_id in sorted(set(received) | set(site)):
            last, created, households = received.get(journal_id, ("", "", 0))
            held = newest.get(journal_id)
            writer.writerow(
                (
                    journal_id,
                    site.get(journal_id, ""),
                    households,
                    last,
                    created,
                    gaps.get(journal_id, ""),
                    *(NO_REPORT if held is None else held.cells()),
                )
            )
    return len(rows), gaps


def _write_rows_by_table(folder: Path, newest: dict[str, Reported | None]) -> None:
    """A row per journal and table its newest bundle counted (none for a bundle that did not)."""
    with create_private_text(folder / "rows_by_table.csv") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow((JOURNAL.name, *(c.name for c in TABLE_COLUMNS)))
        for journal_id, found in sorted(newest.items()):
            if found is not None:
                writer.writerows((journal_id, *row) for row in found.table_rows())
