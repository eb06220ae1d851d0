"""The data package's tables for Stata, SPSS and Arrow: `.dta`, `.sav` and Parquet beside the CSVs.

Each file is made from the CSV just written and its Frictionless field descriptions, so it holds
the same cells with the same labels, in the package's language: the fields' and the table's
titles (datapackage.json's), and each value's label as `codebook.csv` has it (in both languages).
A title is cut only where a format limits it (Stata's labels, SPSS's: `Limit`), whole in Parquet
and R as in datapackage.json. Categories become numbered codes (1, 2, ... in the codebook's order)
with value labels; scales and flags keep their numbers, labelled (SPSS measures flags and
categories as nominal, numbers as scale); a datetime is one in each format (UTC), not text.
Missing and suppressed are told apart everywhere:

    CSV        ""                        "*"
    Stata      . (or "" for text)        .s, labelled as the codebook labels "*" ("*" for text)
    SPSS       system-missing ("")       user-missing -99999 ("*" for text), labelled
    Parquet    null                      null, and true in the companion column NAME_suppressed

A column gets a companion in Parquet and R whenever the codebook says it can be suppressed (its
categories have "*", its field declares "*" a missing value, it is one of `SUPPRESSIBLE`, or it
links to a row the journal's check may hold back), "*" in this package or not, so every package
of a study has the same columns; and when a "*" is found in any other, rather than lose it.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samjournal.evaluation.tables import DATA_TABLES, SUPPRESSED, SUPPRESSED_LABEL
from samjournal.fsutil import create_private, private_folder
from samjournal.vocabulary import LANGUAGES

Words = tuple[str, str]  # (bokmål, English)
# (table, variable, value) -> its labels: the codebook's rows (value "" is the variable's own).
Codebook = dict[tuple[str, str, str], Words]
# (table, variable) -> its title in both languages (variable "" is the table's own).
Titles = dict[tuple[str, str], Words]

SUPPRESSED_CODE = -99999  # SPSS: no day offset, amount, count or score can take it
STATA_SUPPRESSED = "s"  # Stata: the extended missing value .s
FLAG_SUFFIX = "_suppressed"
# Text columns the release may star besides the categories that list "*" themselves.
SUPPRESSIBLE = frozenset({"area", "adult_ages", "opened_month"})
# (table, column) of the links to another event table's row: "*" where the dataset lacks it.
LINKS = frozenset((t.name, link.column) for t in DATA_TABLES.values() for link in t.links)
# Files written for every table of the package, by the name of their folder.
FORMATS = ("stata", "spss", "parquet")
CODEBOOK = "codebook.csv"
SUFFIXES = {"stata": "dta", "spss": "sav", "parquet": "parquet"}  # a file's, by its folder


def files_for_analysis(name: str) -> list[str]:
    """The paths (in the package) of table `name`'s .dta, .sav and Parquet files."""
    return [f"{folder}/{name}.{SUFFIXES[folder]}" for folder in FORMATS]


ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Limit:
    """The longest label a file format holds: in characters, or in bytes of UTF-8 (where æ, ø
    and å take two)."""

    size: int
    in_bytes: bool = False

    def fit(self, text: str) -> str:
        """`text`, or cut after a whole word with an ellipsis where it is longer (Stata refuses
        a longer label and SPSS cuts it mid-word; a cut word can read as the other language's)."""
        if self._measure(text) <= self.size:
            return text
        room = self.size - self._measure(ELLIPSIS)
        cut = text.encode()[:room].decode(errors="ignore") if self.in_bytes else text[:room]
        return cut.rsplit(" ", 1)[0] + ELLIPSIS

    def _measure(self, text: str) -> int:
        return len(text.encode()) if self.in_bytes else len(text)


# Only Stata and SPSS limit a label (datapackage.json, Parquet and R hold a title whole).
STATA_LABEL = Limit(80)  # Stata 14+: a variable's or a file's label, 80 characters
SPSS_LABEL = Limit(256, in_bytes=True)  # SPSS: a variable's label, 256 bytes
SPSS_FILE_LABEL = Limit(64, in_bytes=True)  # SPSS: the file's label, 64 bytes
SPSS_VALUE_LABEL = Limit(120, in_bytes=True)  # SPSS: a value's label, 120 bytes (Stata: 32,000)


# How each file tells missing from suppressed (the CSVs' rule is in tables.TRANSFORMS).
FILES_NOTE = (
    "Stata (.dta): missing is"
    f" . (empty for text), suppressed is .{STATA_SUPPRESSED} with the value label of"
    f" {SUPPRESSED!r} in the codebook ({SUPPRESSED!r} for text). SPSS (.sav): missing is"
    f" system-missing (empty for text), suppressed is the user-missing value {SUPPRESSED_CODE}"
    f" ({SUPPRESSED!r} for text), labelled. Parquet: both are null; a column that can be"
    f" suppressed has a boolean companion column NAME{FLAG_SUFFIX}, true where the cell was"
    " suppressed. Categories are numbered 1, 2, ... in the codebook's order in Stata and SPSS"
    " (value labels give the meaning) and kept as their values in Parquet (dictionary; its"
    " field metadata 'labels' is keyed by those values)."
    " Labels are in the package's language (datapackage.json: samjournal.language). A title"
    f" longer than a format's label (Stata: {STATA_LABEL.size} characters; SPSS:"
    f" {SPSS_LABEL.size} bytes, a file's {SPSS_FILE_LABEL.size}, a value's"
    f" {SPSS_VALUE_LABEL.size}) is cut there after a whole word, with {ELLIPSIS!r};"
    " datapackage.json, the codebook, Parquet and R have it whole."
)
MISSING_NOTE = (
    "Missing and suppressed are told apart. CSV: an empty cell is missing (not recorded, or not"
    f" happened yet), {SUPPRESSED!r} is suppressed for k-anonymity. {FILES_NOTE}"
)


def in_language(words: Words, language: str) -> str:
    return words[LANGUAGES.index(language)]


def titles(resources: Mapping[str, list[dict[str, Any]]]) -> Titles:
    """Every table's and variable's title in both languages, from the package's resources
    written in each (by language)."""
    found: Titles = {}
    nb, en = (resources[language] for language in LANGUAGES)
    for table, other in zip(nb, en, strict=True):
        found[table["name"], ""] = (table["title"], other["title"])
        fields = zip(table["schema"]["fields"], other["schema"]["fields"], strict=True)
        found.update({(table["name"], f["name"]): (f["title"], g["title"]) for f, g in fields})
    return found


def read_codebook(folder: Path) -> Codebook:
    with (folder / CODEBOOK).open(encoding="utf-8", newline="") as fh:
        return {
            (r["table"], r["variable"], r["value"]): (r["label_nb"], r["label_en"])
            for r in csv.DictReader(fh)
        }


@dataclass(frozen=True, slots=True)
class Variable:
    """One column as the statistics files hold it, with its labels in both languages."""

    name: str
    label: Words  # its title in bokmål and in English, whole
    kind: str  # text, number, category, datetime
    codes: dict[str, int]  # category value -> code (category)
    value_labels: dict[int, Words]  # code or number -> the codebook's labels
    suppressible: bool
    measure: str = "nominal"  # SPSS's: nominal (categories, flags, text) or scale (numbers)

    def labels(self, language: str) -> dict[int, str]:
        return {at: in_language(words, language) for at, words in self.value_labels.items()}

    def stata(self, cell: str) -> Any:
        if cell == SUPPRESSED and self.kind != "text":
            return STATA_SUPPRESSED
        return self._value(cell)

    def spss(self, cell: str) -> Any:
        if cell == SUPPRESSED and self.kind != "text":
            return float(SUPPRESSED_CODE)
        return self._value(cell)

    def arrow(self, cell: str) -> Any:
        if cell in ("", SUPPRESSED):
            return None
        if self.kind == "datetime":
            return _utc(cell)
        return int(cell) if self.kind == "number" else cell

    def _value(self, cell: str) -> Any:
        if self.kind == "text":
            return cell
        if cell == "":
            return None
        if self.kind == "category":
            return float(self.codes[cell])
        if self.kind == "datetime":
            return _utc(cell).replace(tzinfo=None)  # Stata and SPSS hold no zone: UTC
        return float(int(cell))


def _utc(cell: str) -> dt.datetime:
    return dt.datetime.fromisoformat(cell).astimezone(dt.UTC)


def variables(
    resource: dict[str, Any], rows: list[list[str]], book: Codebook, named: Titles
) -> list[Variable]:
    """The variables of a resource from its Frictionless fields (type, categories, scale), their
    titles and the codebook's labels of their values; `rows` tells which columns hold a "*"."""
    out = []
    for at, field in enumerate(resource["schema"]["fields"]):
        name = field["name"]
        values = [c["value"] for c in field.get("categories", [])]
        starred = any(row[at] == SUPPRESSED for row in rows)
        labels: dict[int, Words] = {}
        codes: dict[str, int] = {}
        measure = "nominal"
        if field["type"] == "datetime":
            kind, measure = "datetime", "scale"
        elif field["type"] == "integer":
            # A 0/1 flag (categories) is nominal: SPSS offered means of "yes" (review 2026-12-08).
            kind, measure = "number", "nominal" if field.get("categories") else "scale"
            for point in [*field.get("categories", []), *field.get("scale", [])]:
                labels[int(point["value"])] = book[resource["name"], name, str(point["value"])]
        elif values:
            kind = "category"
            for value in values:
                if value != SUPPRESSED:
                    codes[str(value)] = len(codes) + 1
                    labels[len(codes)] = book[resource["name"], name, str(value)]
        else:
            kind = "text"
        linked = (resource["name"], name) in LINKS
        declared = SUPPRESSED in field.get("missingValues", ())  # tables.schema Column.starred
        suppressible = SUPPRESSED in values or name in SUPPRESSIBLE or linked or starred or declared
        title = named[resource["name"], name]
        out.append(Variable(name, title, kind, codes, labels, suppressible, measure))
    return out


@dataclass(frozen=True, slots=True)
class Sheet:
    """One table of the package: its Frictionless resource, title (in both languages), variables
    and CSV rows."""

    resource: dict[str, Any]
    label: Words
    columns: list[Variable]
    rows: list[list[str]]

    @classmethod
    def read(cls, folder: Path, resource: dict[str, Any], book: Codebook, named: Titles) -> Sheet:
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            rows = list(reader)
        columns = variables(resource, rows, book, named)
        if header != [v.name for v in columns]:
            raise ValueError(f"{resource['path']}: the header is not the resource's fields")
        return cls(resource, named[resource["name"], ""], columns, rows)

    def frame(self, pd: Any, convert: Callable[[Variable, str], Any]) -> Any:
        """A pandas frame of the cells as `convert` makes them."""
        data = {}
        for at, v in enumerate(self.columns):
            cells = [convert(v, r[at]) for r in self.rows]
            typed = v.kind != "text" and not any(isinstance(c, str) for c in cells)
            # A numeric column without Stata's letters is float (all-empty ones too).
            dtype = ("datetime64[ns]" if v.kind == "datetime" else "float64") if typed else object
            data[v.name] = pd.Series(cells, dtype=dtype)
        return pd.DataFrame(data, columns=[v.name for v in self.columns])

    def arrow(self, language: str) -> Any:
        return _arrow(self.resource, self.columns, self.rows, language)


def read_sheets(
    folder: Path, resources: list[dict[str, Any]], named: Titles, seen: list[Sheet]
) -> Iterator[Sheet]:
    """Each resource's sheet in turn, titled from `named` and its values labelled from the
    package's codebook; `seen` keeps each one's variables (without its rows)."""
    book = read_codebook(folder)
    for resource in resources:
        sheet = Sheet.read(folder, resource, book, named)
        seen.append(Sheet(resource, sheet.label, sheet.columns, []))
        yield sheet


def write_stats_files(folder: Path, sheets: Iterable[Sheet], language: str) -> list[Path]:
    """Write stata/NAME.dta, spss/NAME.sav and parquet/NAME.parquet for every sheet (taken one
    at a time: only one table is in memory), labelled in `language`. Raises ModuleNotFoundError
    before the first sheet is taken when a writer is not installed."""
    import pandas as pd
    import pyarrow.parquet as pq
    import pyreadstat

    written = []
    for fmt in FORMATS:
        private_folder(folder / fmt)
    for sheet in sheets:
        name = sheet.resource["name"]
        title = in_language(sheet.label, language)
        labels = {v.name: in_language(v.label, language) for v in sheet.columns}
        coded = [v for v in sheet.columns if v.suppressible and v.kind != "text"]
        suppressed = in_language(SUPPRESSED_LABEL, language)
        # Stata's .s is a letter among the numbers: pyreadstat takes it, its hints do not.
        stata_labels: dict[str, Any] = {
            v.name: v.labels(language) for v in sheet.columns if v.value_labels
        }
        for v in coded:
            stata_labels[v.name] = {**v.labels(language), STATA_SUPPRESSED: suppressed}
        dta, sav, parquet = (folder / path for path in files_for_analysis(name))

        target = _private(dta)
        pyreadstat.write_dta(
            sheet.frame(pd, Variable.stata),
            str(target),
            file_label=STATA_LABEL.fit(title),
            column_labels=_fitted(labels, STATA_LABEL),
            variable_value_labels=stata_labels,
            missing_user_values={v.name: [STATA_SUPPRESSED] for v in coded},
        )
        written.append(target)

        target = _private(sav)
        spss_labels, missing = _spss_labels(sheet.columns, language)
        pyreadstat.write_sav(
            sheet.frame(pd, Variable.spss),
            str(target),
            file_label=SPSS_FILE_LABEL.fit(title),
            column_labels=_fitted(labels, SPSS_LABEL),
            variable_value_labels=spss_labels,
            missing_ranges=missing,
            variable_measure={v.name: v.measure for v in sheet.columns},
        )
        written.append(target)

        target = _private(parquet)
        pq.write_table(sheet.arrow(language), str(target), compression="zstd")
        written.append(target)
    return written


def _fitted(labels: dict[str, str], limit: Limit) -> dict[str, str | None]:
    """Variable labels as a format holds them."""
    return {name: limit.fit(label) for name, label in labels.items()}


def _spss_labels(
    columns: list[Variable], language: str
) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """Value labels, fit to SPSS, and user-missing values: a suppressed cell is -99999 (or "*"
    in text)."""
    labels: dict[str, Any] = {}
    missing: dict[str, list[Any]] = {}
    for v in columns:
        value_labels: dict[Any, str] = {
            float(k): SPSS_VALUE_LABEL.fit(t) for k, t in v.labels(language).items()
        }
        if v.suppressible:
            mark: Any = SUPPRESSED if v.kind == "text" else float(SUPPRESSED_CODE)
            value_labels[mark] = in_language(SUPPRESSED_LABEL, language)
            missing[v.name] = [mark]
        if value_labels:
            labels[v.name] = value_labels
    return labels, missing


def _arrow(
    resource: dict[str, Any], columns: list[Variable], rows: list[list[str]], language: str
) -> Any:
    """Typed columns (int64, dictionary for categories, string), null for missing and
    suppressed, a NAME_suppressed flag beside each column that can be suppressed; the labels
    (in `language`) and the Frictionless resource in the field and schema metadata."""
    import pyarrow as pa

    arrays, fields = [], []
    for at, v in enumerate(columns):
        values = [v.arrow(r[at]) for r in rows]
        labels: dict[Any, str] = v.labels(language)
        if v.kind == "category":  # the column holds the values, not Stata's codes
            labels = {value: labels[code] for value, code in v.codes.items() if code in labels}
        meta = {
            "label": in_language(v.label, language),
            "labels": json.dumps(labels, ensure_ascii=False),
        }
        if v.kind == "number":
            arrays.append(pa.array(values, pa.int64()))
            fields.append(pa.field(v.name, pa.int64(), metadata=meta))
        elif v.kind == "datetime":
            kind = pa.timestamp("ms", tz="UTC")  # what Parquet stores
            arrays.append(pa.array(values, kind))
            fields.append(pa.field(v.name, kind, metadata=meta))
        elif v.kind == "category":
            kind = pa.dictionary(pa.int32(), pa.string())
            categories = list(v.codes)
            indices = pa.array([None if x is None else v.codes[x] - 1 for x in values], pa.int32())
            arrays.append(pa.DictionaryArray.from_arrays(indices, pa.array(categories)))
            fields.append(pa.field(v.name, kind, metadata=meta))
        else:
            arrays.append(pa.array(values, pa.string()))
            fields.append(pa.field(v.name, pa.string(), metadata=meta))
        if v.suppressible:
            flag = f"{v.name}{FLAG_SUFFIX}"
            arrays.append(pa.array([r[at] == SUPPRESSED for r in rows], pa.bool_()))
            note = {"label": f"{v.name}: {in_language(SUPPRESSED_LABEL, language)}"}
            fields.append(pa.field(flag, pa.bool_(), nullable=False, metadata=note))
    about = {
        "frictionless": json.dumps(resource, ensure_ascii=False),
        "missing_and_suppressed": MISSING_NOTE,
    }
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=about))


def _private(path: Path) -> Path:
    """Made empty and owner-only first: the writers below keep the mode of a file they truncate."""
    create_private(path).close()
    return path
