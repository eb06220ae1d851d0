"""Files researchers open without hand work: .dta, .sav and Parquet read back equal to the CSVs
with their labels, the R loader loads them, frictionless validates the package and its links, and
the transforms are described in the package itself.

Every file is read with its own reader (pyreadstat, pyarrow, R, the frictionless CLI) and
compared cell by cell with the CSV, through the codebook's categories, never through the code
that wrote it.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pyreadstat
import pytest

from samjournal import demo
from samjournal.demo.consents import demo_consents
from samjournal.evaluation.evaluator import Workspace, import_bundles, write_datapackage
from samjournal.evaluation.evaluator.stats_files import (
    SPSS_FILE_LABEL,
    SPSS_LABEL,
    SPSS_VALUE_LABEL,
    STATA_LABEL,
    Limit,
)
from samjournal.evaluation.tables import SUPPRESSED_LABEL
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import FamilyId
from samjournal.money import Money
from tests.samjournal.evaluation.conftest import STUDY, WS_PASS, World, register
from tests.samjournal.evaluation.test_cli_words import leaks

FRICTIONLESS = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")
RSCRIPT = shutil.which("Rscript")
# A pseudonym: its table's letter and 16 URL-safe base64 characters (release_state.body).
PSEUDONYM = re.compile(r"[hmnpcr][A-Za-z0-9_-]{16}")
SUPPRESSED_CODE = -99999.0  # SPSS's user-missing code for a suppressed cell, as documented
# A question of the journal's own instrument (answers_innbyggernes_modell_v1) longer than a
# Stata label.
LONG = "money_other"
ANSWERS = "answers_innbyggernes_modell_v1"


@dataclass(frozen=True)
class Package:
    path: Path
    descriptor: dict[str, Any]

    def resource(self, name: str) -> dict[str, Any]:
        [found] = [r for r in self.descriptor["resources"] if r["name"] == name]
        return found

    def csv(self, name: str) -> tuple[list[str], list[list[str]]]:
        with (self.path / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        return rows[0], rows[1:]

    @property
    def tables(self) -> list[str]:
        return [r["name"] for r in self.descriptor["resources"] if r["name"] != "codebook"]


def _package(path: Path) -> Package:
    return Package(path, json.loads((path / "datapackage.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def package(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Package:
    """The evaluator's package of a demo journal of 40 families, with some cells suppressed."""
    root = tmp_path_factory.mktemp("stats")
    shutil.copytree(template_world.workspace, root / "workspace")
    journal = demo.create_demo_journal(root / "demo", families=40, seed=11, cost=TEST_COST)
    try:
        assert demo_consents(journal, root / "workspace" / "study.json") > 0
        register(root / "workspace", journal)
        db = journal._require_open().db
        for (family_id,) in db.tuples("SELECT id FROM families WHERE status = 'active'"):
            # A payment for no need: an empty link frictionless must let through.
            journal.payments.propose(FamilyId(family_id), Money(150_000), "Kontingent")
        path = journal.evaluation.export(STUDY, root / "out", full=True).path
    finally:
        journal.lock()
    with Workspace.open(root / "workspace", WS_PASS) as ws:
        [report] = import_bundles(ws, [path], receipts_dir=root / "receipts")
        assert report.status == "stored", report.lines()
        written = write_datapackage(ws, root / "package")
    assert written.skipped == ""
    return _package(written.path)


@pytest.fixture(scope="module")
def english(package: Package) -> Package:
    """The same package written in English (SAMJOURNAL_LANG=en)."""
    with Workspace.open(package.path.parent / "workspace", WS_PASS) as ws:
        written = write_datapackage(ws, package.path.parent / "english", "en")
    assert written.skipped == ""
    return _package(written.path)


def _codes(field: dict[str, Any]) -> dict[str, int]:
    """A category's code in Stata and SPSS: its place in the codebook's order, from 1."""
    values = [c["value"] for c in field.get("categories", []) if c["value"] != "*"]
    return {v: n for n, v in enumerate(values, start=1)}


def _fields(package: Package, table: str) -> list[dict[str, Any]]:
    return list(package.resource(table)["schema"]["fields"])


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, float) and isinstance(got, float):
        return got == want or (math.isnan(got) and math.isnan(want))
    return bool(got == want)


def test_every_link_is_a_foreign_key_and_frictionless_validates(package: Package) -> None:
    links = {
        (
            r["name"],
            tuple(fk["fields"]),
            fk["reference"]["resource"],
            tuple(fk["reference"]["fields"]),
        )
        for r in package.descriptor["resources"]
        for fk in r["schema"].get("foreignKeys", [])
    }
    for table in ("meetings", "needs", "payments", "checkins"):
        household = ("journal_id", "household_id")
        assert (table, household, "households", household) in links
    # Links that may be empty are over the id alone (pseudonyms are unique across journals).
    assert ("needs", ("agreed_meeting_id",), "meetings", ("meeting_id",)) in links
    assert ("payments", ("need_id",), "needs", ("need_id",)) in links
    assert ("households", ("journal_id",), "journals", ("journal_id",)) in links
    # Links that are empty (a payment for no need, a need not yet agreed) are there to check.
    header, rows = package.csv("payments")
    assert any(r[header.index("need_id")] == "" for r in rows)
    assert any(r[header.index("need_id")] != "" for r in rows)
    header, rows = package.csv("needs")
    assert any(r[header.index("agreed_meeting_id")] == "" for r in rows)
    _validate(package.path, valid=True)


def test_frictionless_finds_a_broken_link(package: Package, tmp_path: Path) -> None:
    copy = tmp_path / "package"
    shutil.copytree(package.path, copy)
    text = (copy / "payments.csv").read_text(encoding="utf-8")
    header, rows = package.csv("payments")
    at = header.index("need_id")
    row = next(r for r in rows if r[at])
    broken = ",".join([*row[:at], "n-no-such-need", *row[at + 1 :]])
    (copy / "payments.csv").write_text(text.replace(",".join(row), broken), encoding="utf-8")
    report = _validate(copy, valid=False)
    assert "foreign-key" in report


def _validate(folder: Path, *, valid: bool) -> str:
    if not Path(FRICTIONLESS).exists():
        pytest.fail("the frictionless CLI (a dev dependency) is missing")
    done = subprocess.run(
        [FRICTIONLESS, "validate", "--json", str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode == 0) is valid, done.stdout[-3000:] + done.stderr[-2000:]
    assert (f'"valid": {str(valid).lower()}') in done.stdout
    return done.stdout


def _expected(field: dict[str, Any], cell: str, *, suppressed: Any, missing: Any) -> Any:
    """What a CSV cell becomes in Stata or SPSS: numbers as floats, categories as codes."""
    if cell == "*" and field["type"] == "string" and not field.get("categories"):
        return "*"
    if cell == "*":
        return suppressed
    if cell == "":
        return "" if field["type"] != "integer" and not field.get("categories") else missing
    if field["type"] == "integer":
        return float(int(cell))
    if field.get("categories"):
        return float(_codes(field)[cell])
    return cell


def _cut_for_stata(label: str, title: str) -> bool:
    """`label` is `title`, or where that is longer than Stata holds, cut after a whole word with
    an ellipsis."""
    if len(title) <= STATA_LABEL.size:
        return label == title
    kept = label.removesuffix("…")
    return label != kept and len(label) <= STATA_LABEL.size and title.startswith(f"{kept} ")


def _question(item_id: str, language: str) -> str:
    """The words of an item of the journal's own instrument, whole."""
    item = JOURNAL_DEFAULT.item(item_id)
    assert item is not None
    return item.text.nb if language == "nb" else item.text.en


def _value_labels(field: dict[str, Any]) -> dict[float, str]:
    if field["type"] == "integer":
        points = [*field.get("categories", []), *field.get("scale", [])]
        return {float(p["value"]): p["label"] for p in points}
    codes = _codes(field)
    return {
        float(codes[c["value"]]): c["label"]
        for c in field.get("categories", [])
        if c["value"] in codes
    }


def test_stata_files_read_back_equal_to_the_csvs_with_labels(package: Package) -> None:
    compared = starred = 0
    for table in package.tables:
        header, rows = package.csv(table)
        data, meta = pyreadstat.read_dta(
            str(package.path / "stata" / f"{table}.dta"), output_format="dict", user_missing=True
        )
        assert list(data) == header, table
        fields = _fields(package, table)
        for at, field in enumerate(fields):
            name = field["name"]
            want = [_expected(field, r[at], suppressed="s", missing=math.nan) for r in rows]
            got = [math.nan if g is None else g for g in data[name]]
            assert all(_same(g, w) for g, w in zip(got, want, strict=True)), (table, name)
            compared += len(rows)
            starred += want.count("s")
            assert _cut_for_stata(meta.column_names_to_labels[name], field["title"]), name
            labels = _value_labels(field)
            if labels:
                stored = {
                    float(k): v for k, v in meta.variable_value_labels[name].items() if k != "s"
                }
                assert stored == labels, (table, name)
            if "*" in [c["value"] for c in field.get("categories", [])]:
                assert meta.variable_value_labels[name]["s"] == SUPPRESSED_LABEL[0]
                assert meta.missing_user_values[name] == ["s"]
    assert compared > 10_000
    assert starred > 0  # suppressed cells were there to tell apart from missing ones


def test_spss_files_read_back_equal_to_the_csvs_with_labels(package: Package) -> None:
    compared = starred = 0
    for table in package.tables:
        header, rows = package.csv(table)
        data, meta = pyreadstat.read_sav(
            str(package.path / "spss" / f"{table}.sav"), output_format="dict", user_missing=True
        )
        assert list(data) == header, table
        for at, field in enumerate(_fields(package, table)):
            name = field["name"]
            want = [
                _expected(field, r[at], suppressed=SUPPRESSED_CODE, missing=math.nan) for r in rows
            ]
            got = [math.nan if g is None else g for g in data[name]]
            assert all(_same(g, w) for g, w in zip(got, want, strict=True)), (table, name)
            compared += len(rows)
            starred += want.count(SUPPRESSED_CODE)
            assert meta.column_names_to_labels[name] == field["title"]
            labels = _value_labels(field)
            stored = {
                k: v
                for k, v in meta.variable_value_labels.get(name, {}).items()
                if k not in (SUPPRESSED_CODE, "*")
            }
            assert stored == labels, (table, name)
            if "*" in [c["value"] for c in field.get("categories", [])]:
                assert meta.variable_value_labels[name][SUPPRESSED_CODE] == SUPPRESSED_LABEL[0]
                assert meta.missing_ranges[name] == [{"lo": SUPPRESSED_CODE, "hi": SUPPRESSED_CODE}]
    assert compared > 10_000
    assert starred > 0


def test_parquet_files_read_back_equal_to_the_csvs(package: Package) -> None:
    compared = starred = 0
    for table in package.tables:
        header, rows = package.csv(table)
        parquet = pq.read_table(package.path / "parquet" / f"{table}.parquet")
        names = parquet.column_names
        assert [n for n in names if not n.endswith("_suppressed")] == header
        data = parquet.to_pydict()
        for at, field in enumerate(_fields(package, table)):
            name = field["name"]
            cells = [r[at] for r in rows]
            kind = parquet.schema.field(name).type
            if field["type"] == "integer":
                assert str(kind) == "int64"
                want: list[Any] = [None if c in ("", "*") else int(c) for c in cells]
            else:
                want = [None if c in ("", "*") else c for c in cells]
            if field.get("categories") and field["type"] == "string":
                assert str(kind).startswith("dictionary")
            assert data[name] == want, (table, name)
            flag = f"{name}_suppressed"
            if flag in names:
                assert data[flag] == [c == "*" for c in cells]
                starred += cells.count("*")
            else:
                assert "*" not in cells, (table, name)
            meta = parquet.schema.field(name).metadata
            assert meta[b"label"].decode() == field["title"]
            # Value labels keyed as the column holds its cells (values, or scale numbers);
            # suppressed is null there, told by the flag column.
            labels = json.loads(meta[b"labels"])
            points = field.get("categories") or field.get("scale") or []
            expected = {str(p["value"]): p["label"] for p in points if p["value"] != "*"}
            assert labels == expected, (table, name)
            compared += len(rows)
        about = json.loads(parquet.schema.metadata[b"frictionless"])
        assert about["name"] == table
    assert compared > 10_000
    assert starred > 0


# Writes every loaded table back out as R sees it: a factor as its label, NA as <NA>, then
# each column's label attribute, so Python can compare it with the CSV and the codebook.
R_LANGUAGE = 'samjournal_language <- "{language}"'


def _run_r(script: str, folder: Path) -> None:
    """`script` run by Rscript in `folder` (the package); it must succeed."""
    assert RSCRIPT is not None
    done = subprocess.run(
        [RSCRIPT, "--vanilla", "-e", script],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


R_CHECK = """
source("load_samjournal.R")
for (name in strsplit("{tables}", ",")[[1]]) {{
  df <- get(name)
  out <- as.data.frame(lapply(df, function(x) ifelse(is.na(x), "<NA>", as.character(x))),
                       check.names = FALSE)
  utils::write.csv(out, file.path("{out}", paste0(name, ".csv")), row.names = FALSE,
                   fileEncoding = "UTF-8")
  labels <- vapply(df, function(x) {{ l <- attr(x, "label"); if (is.null(l)) "" else l }}, "")
  classes <- vapply(df, function(x) class(x)[1], "")
  utils::write.csv(data.frame(name = names(df), label = labels, class = classes),
                   file.path("{out}", paste0(name, ".labels.csv")), row.names = FALSE,
                   fileEncoding = "UTF-8")
}}
"""


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_r_script_loads_every_table_with_labels(
    package: Package, english: Package, tmp_path: Path, language: str
) -> None:
    if RSCRIPT is None:
        pytest.skip("R is not installed (Debian: apt-get install r-base-core)")
    script = R_LANGUAGE.format(language=language) + R_CHECK.format(
        tables=",".join(package.tables), out=tmp_path
    )
    _run_r(script, package.path)
    _, book = package.csv("codebook")
    label_at = 4 if language == "nb" else 5
    labels = {(r[0], r[1], r[3]): r[label_at] for r in book}
    starred = 0
    for table in package.tables:
        header, rows = package.csv(table)
        with (tmp_path / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            loaded = list(csv.reader(fh))
        flags = [n for n in loaded[0] if n.endswith("_suppressed")]
        assert loaded[0] == header + flags, table
        assert len(loaded) - 1 == len(rows)
        for at, field in enumerate(_fields(package, table)):
            name = field["name"]
            for row, seen in zip(rows, loaded[1:], strict=True):
                cell = row[at]
                if cell in ("", "*"):
                    want = "<NA>"
                elif field.get("categories") and field["type"] == "string":
                    want = labels[table, name, cell]
                else:
                    want = cell
                assert seen[at] == want, (table, name, cell, seen[at])
            flag = f"{name}_suppressed"
            if flag in flags:
                column = loaded[0].index(flag)
                got = [r[column] for r in loaded[1:]]
                assert got == ["TRUE" if r[at] == "*" else "FALSE" for r in rows], flag
                starred += got.count("TRUE")
            else:
                assert all(r[at] != "*" for r in rows), (table, name)
        with (tmp_path / f"{table}.labels.csv").open(encoding="utf-8", newline="") as fh:
            described = {r["name"]: r for r in csv.DictReader(fh)}
        titled = package if language == "nb" else english  # its titles in that language
        for field, title in zip(_fields(package, table), _fields(titled, table), strict=True):
            assert described[field["name"]]["label"] == title["title"], (table, field["name"])
            if field["type"] == "integer":
                assert described[field["name"]]["class"] == "integer"
            elif field.get("categories"):
                assert described[field["name"]]["class"] == "factor"
        if table == ANSWERS:  # R holds a label whole, however long
            assert described[LONG]["label"] == _question(LONG, language)
    assert starred > 0  # suppressed cells were there to tell apart from missing ones


def test_every_transform_is_described_in_the_package(package: Package) -> None:
    descriptor = package.descriptor
    fields = {
        (r["name"], f["name"]): f.get("description", "")
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
    }
    # The study's own numbers (Policy's defaults, k = 5), on the fields they change.
    assert "nearest 100 kr" in fields["payments", "amount_nok"]
    assert "20 000 kr or more" in fields["payments", "amount_nok"]
    assert "nearest 1 000 kr" in fields["households", "budget_frame_nok"]
    assert "200 000 kr or more" in fields["households", "budget_frame_nok"]
    for qi in ("area", "household_size", "children", "adult_ages"):
        assert "at least k = 5" in fields["households", qi]
    assert "days since" in fields["needs", "met_day"]
    assert "transforms/README.md" in descriptor["description"]
    assert "suppressed" in descriptor["description"]
    text = (package.path / "transforms" / "README.md").read_text(encoding="utf-8")
    for words in (
        "Pseudonyms",
        "generalisation and suppression",
        "rounded (half up) to the nearest 100 kr, or coarser",
        "whole days since the household's own index date",
        "baseline",
        "`k`: 5",
        "`amount_top_code_nok`: 20000",
        "suppressed_households",  # what the journal's bundle reported it did
        "interval_error_days",
        ".s with the value label",
        "user-missing value -99999",
        "_suppressed",
    ):
        assert words in text, words
    readme = (package.path / "README.txt").read_text(encoding="utf-8")
    assert "load_samjournal.R" in readme
    assert "stata/households.dta" in readme


def test_every_file_is_owner_only(package: Package) -> None:
    if os.name == "nt":
        pytest.skip("Windows files take their folder's permissions")
    files = [p for p in package.path.rglob("*") if p.is_file()]
    assert len(files) >= 3 * len(package.tables) + 5
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for path in [package.path, *(p for p in package.path.rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path


def test_without_the_evaluator_extra_the_package_says_what_it_left_out(
    package: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyreadstat", None)  # as if not installed
    workspace = package.path.parent / "workspace"
    with Workspace.open(workspace, WS_PASS) as ws:
        written = write_datapackage(ws, tmp_path / "plain")
    assert "pyreadstat" in written.skipped
    assert "samjournal[evaluator]" in written.skipped
    assert not (tmp_path / "plain" / "stata").exists() or not any(
        (tmp_path / "plain" / "stata").iterdir()
    )
    # The CSV package, its R loader and its transforms are written all the same.
    for name in ("datapackage.json", "load_samjournal.R", "transforms/README.md", "needs.csv"):
        assert (tmp_path / "plain" / name).is_file(), name


# "null" is English as well (JSON's, and "missing and suppressed are null").
ENGLISH_TOO = {"null"}


def _stats_labels(package: Package, table: str) -> dict[str, list[str]]:
    """Every label the .dta and .sav files of `table` hold (file, variables, values), by the
    variable it belongs to ("" for the file's own)."""
    found: dict[str, list[str]] = {}
    _, stata = pyreadstat.read_dta(str(package.path / "stata" / f"{table}.dta"))
    _, spss = pyreadstat.read_sav(str(package.path / "spss" / f"{table}.sav"), user_missing=True)
    for meta in (stata, spss):
        found.setdefault("", []).append(meta.file_label)
        for name, label in meta.column_names_to_labels.items():
            values = meta.variable_value_labels.get(name, {}).values()
            found.setdefault(name, []).extend([label, *values])
    return found


def test_an_english_package_has_no_bokmal_words_in_its_readmes(english: Package) -> None:
    text = "\n".join(
        (english.path / name).read_text(encoding="utf-8")
        for name in ("README.txt", "transforms/README.md")
    )
    assert "- generalisation: `{" in text  # the levels each journal's bundle reported
    assert leaks(text, "en") - ENGLISH_TOO == set()
    assert english.descriptor["samjournal"]["language"] == "en"


def test_the_codebook_labels_every_code_in_english(english: Package) -> None:
    """The codes every bundle shares in bokmål, among the households' free text too (area's
    place names, adult_ages' bands): a journal's unnamed municipality, an unknown age."""
    _, book = english.csv("codebook")
    values = [r for r in book if r[3] != ""]  # a variable's own row holds its description
    assert [r for r in values if leaks(r[5], "en")] == []
    labels = {(r[1], r[3]): (r[4], r[5]) for r in values if r[0] == "households"}
    for code in (("area", "kommune"), ("adult_ages", "ukjent"), ("adult_ages", "*")):
        nb, en = labels[code]
        assert en != nb, code
    assert labels["adult_ages", "ukjent"][1] == "Unknown (no birth year recorded)"


def test_stata_and_spss_labels_read_back_in_english(english: Package) -> None:
    _, book = english.csv("codebook")
    words = {(r[0], r[1], r[3]): r[5] for r in book}
    for table in english.tables:
        labels = _stats_labels(english, table)
        for field in _fields(english, table):
            name = field["name"]
            assert leaks(" ".join(labels[name]), "en") == set(), (table, name)
            for point in [*field.get("categories", []), *field.get("scale", [])]:
                word = words[table, name, str(point["value"])]
                assert point["label"] == word, (table, name)  # datapackage.json's too
                assert word in labels[name], (table, name, point)
        assert leaks(" ".join(labels[""]), "en") == set(), table
    households = _stats_labels(english, "households")
    assert "Active" in households["status"]
    assert SUPPRESSED_LABEL[1] in households["status"]


# Field titles that read the same in both languages; so do the pseudonyms' ("Pseudonym for
# household") and the codebook's own columns, titled in English in either package. A table's
# title always differs.
SAME_IN_BOTH = {"Journal", "Status", "Pseudonym"}


def _titles(package: Package) -> dict[tuple[str, str], str]:
    """(table, field) -> its title in datapackage.json; field "" is the table's own."""
    found = {}
    for item in package.descriptor["resources"]:
        found[item["name"], ""] = item["title"]
        for field in item["schema"]["fields"]:
            found[item["name"], field["name"]] = field["title"]
    return found


def test_an_english_package_is_titled_in_english(package: Package, english: Package) -> None:
    bokmal, titles = _titles(package), _titles(english)
    assert titles.keys() == bokmal.keys()
    assert any(table.startswith("answers_") for table, _ in titles)
    for (table, name), title in titles.items():
        nb = bokmal[table, name]
        same = nb in SAME_IN_BOTH or nb.startswith("Pseudonym for ") or table == "codebook"
        assert title != nb or (same and name != ""), (table, name, title)
        assert leaks(title, "en") == set(), (table, name, title)
    # The words come from the vocabulary, as the bokmål ones do.
    assert titles["households", ""] == "Households"
    assert titles["needs", "met_day"] == "Day met"
    assert titles["payments", "day"] == "Day proposed"
    assert titles["checkins", "economy"] == "Economy"
    assert titles["journals", "rows_waiting"] == "Rows waiting"


def test_a_bokmal_package_keeps_its_titles(package: Package) -> None:
    titles = _titles(package)
    assert titles["households", ""] == "Husstander"
    assert titles["households", "area"] == "Område"
    assert titles["needs", "met_day"] == "Oppfylt dag"
    assert titles["payments", "day"] == "Foreslått dag"
    assert titles["checkins", "economy"] == "Økonomi"
    assert titles["journals", "rows_waiting"] == "Rader som venter"
    assert titles["codebook", ""] == "Kodebok"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_long_question_is_whole_where_no_format_cuts_it(
    package: Package, english: Package, language: str
) -> None:
    """Frictionless, Parquet, SPSS's 256 bytes and the codebook hold the question whole; only
    Stata's 80 characters cut it (evaluator review: datapackage.json cut it too)."""
    found = package if language == "nb" else english
    words = _question(LONG, language)
    assert len(words) > STATA_LABEL.size
    assert _titles(found)[ANSWERS, LONG] == words
    parquet = pq.read_schema(found.path / "parquet" / f"{ANSWERS}.parquet")
    assert parquet.field(LONG).metadata[b"label"].decode() == words
    _, spss = pyreadstat.read_sav(str(found.path / "spss" / f"{ANSWERS}.sav"))
    assert spss.column_names_to_labels[LONG] == words
    _, stata = pyreadstat.read_dta(str(found.path / "stata" / f"{ANSWERS}.dta"))
    assert _cut_for_stata(stata.column_names_to_labels[LONG], words)  # cut: it is longer
    _, book = found.csv("codebook")
    [row] = [r for r in book if r[:2] == [ANSWERS, LONG] and r[3] == ""]
    assert row[4] == _question(LONG, "nb")  # its bokmål title, in either package


@pytest.mark.parametrize(
    ("limit", "suffix", "where"),
    [
        (STATA_LABEL, "dta", "variable"),
        (STATA_LABEL, "dta", "file"),
        (SPSS_LABEL, "sav", "variable"),
        (SPSS_FILE_LABEL, "sav", "file"),
        (SPSS_VALUE_LABEL, "sav", "value"),
    ],
)
def test_a_label_cut_for_a_format_reads_back_from_it_as_cut(
    tmp_path: Path, limit: Limit, suffix: str, where: str
) -> None:
    """Each limit is the format's own: a bokmål label cut to it (æ, ø, å take two bytes in
    SPSS) is what its reader gives back, not cut once more in the middle of a word."""
    words = " ".join(["Økonomisk rådgivning før møtet"] * 12)
    label = limit.fit(words)
    assert label.endswith("…")
    assert words.startswith(label.removesuffix("…"))
    path = str(tmp_path / f"table.{suffix}")
    given: dict[str, Any] = {
        "variable": {"column_labels": {"a": label}},
        "file": {"file_label": label},
        "value": {"variable_value_labels": {"a": {1.0: label}}},
    }[where]
    if suffix == "dta":
        pyreadstat.write_dta(pd.DataFrame({"a": [1.0]}), path, **given)
        _, meta = pyreadstat.read_dta(path)
    else:
        pyreadstat.write_sav(pd.DataFrame({"a": [1.0]}), path, **given)
        _, meta = pyreadstat.read_sav(path)
    got = {
        "variable": meta.column_names_to_labels.get("a"),
        "file": meta.file_label,
        "value": meta.variable_value_labels.get("a", {}).get(1.0),
    }[where]
    assert got == label


def test_stata_and_spss_files_carry_the_english_titles(english: Package) -> None:
    for table in english.tables:
        fields = {f["name"]: f["title"] for f in _fields(english, table)}
        _, stata = pyreadstat.read_dta(str(english.path / "stata" / f"{table}.dta"))
        _, spss = pyreadstat.read_sav(str(english.path / "spss" / f"{table}.sav"))
        title = english.resource(table)["title"]
        assert spss.column_names_to_labels == fields, table
        assert spss.file_label == title, table
        assert stata.column_names_to_labels.keys() == fields.keys(), table
        for name, label in stata.column_names_to_labels.items():
            assert _cut_for_stata(label, fields[name]), (table, name)
        assert _cut_for_stata(stata.file_label, title), table


def test_an_english_package_validates(english: Package) -> None:
    _validate(english.path, valid=True)


def test_life_satisfaction_reads_in_english(english: Package) -> None:
    assert leaks(" ".join(_stats_labels(english, "checkins")["life_satisfaction"]), "en") == set()


def test_the_r_script_of_an_english_package_labels_in_english(
    english: Package, tmp_path: Path
) -> None:
    if RSCRIPT is None:
        pytest.skip("R is not installed (Debian: apt-get install r-base-core)")
    script = R_CHECK.format(tables="households,payments", out=tmp_path)  # no language asked
    _run_r(script, english.path)
    for table in ("households", "payments"):
        with (tmp_path / f"{table}.labels.csv").open(encoding="utf-8", newline="") as fh:
            labels = " ".join(r["label"] for r in csv.DictReader(fh))
        assert leaks(labels, "en") == set(), labels
        with (tmp_path / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            # Factor levels too; not the pseudonyms: random letters, "-" and "_" may spell a
            # word ("p…-hos-…" read as bokmål "hos" once in CI).
            cells = [c for row in csv.reader(fh) for c in row if not PSEUDONYM.fullmatch(c)]
        assert leaks(" ".join(cells), "en") == set(), table


def test_every_column_the_codebook_says_can_be_starred_has_its_flag_always(
    lead: Journal, ws: Workspace, tmp_path: Path
) -> None:
    """A package without a single "*" in its links still has their NAME_suppressed columns, so
    a script written against one package runs on the next (evaluator's finding G)."""
    import_bundles(ws, [lead.evaluation.export(STUDY, tmp_path / "b").path])
    out = write_datapackage(ws, tmp_path / "dp").path
    for table, column in (("payments", "need_id"), ("needs", "agreed_meeting_id")):
        with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            assert "*" not in [row[column] for row in csv.DictReader(fh)]
    flags = {
        table: set(pq.read_table(out / "parquet" / f"{table}.parquet").column_names)
        for table in ("households", "needs", "payments")
    }
    assert "need_id_suppressed" in flags["payments"]
    assert "agreed_meeting_id_suppressed" in flags["needs"]
    assert "opened_month_suppressed" in flags["households"]
    assert "need_id_suppressed" not in flags["needs"]  # the need's own key is never starred
    script = (out / "load_samjournal.R").read_text(encoding="utf-8")
    assert '"need_id"' in script.split('load_table("payments"')[1].split("envir")[0]
