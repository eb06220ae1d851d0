"""An English evaluator's package: titled, labelled and described in English in every file
(datapackage.json, codebook, .dta, .sav, Parquet, R), its titles whole where no format cuts them,
and a bokmål package keeping its own. The package is built once (conftest: `package`, `english`)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pyreadstat
import pytest

from samjournal.evaluation.evaluator.stats_files import (
    SPSS_FILE_LABEL,
    SPSS_LABEL,
    SPSS_VALUE_LABEL,
    STATA_LABEL,
    Limit,
)
from samjournal.evaluation.tables import SUPPRESSED_LABEL
from tests.samjournal.evaluation.conftest import Package
from tests.samjournal.evaluation.stats_package import (
    ANSWERS,
    LONG,
    R_CHECK,
    RSCRIPT,
    cut_for_stata,
    question_words,
    run_r,
    schema_fields,
    validate,
)
from tests.samjournal.evaluation.test_cli_words import leaks

# A pseudonym: its table's letter and 16 URL-safe base64 characters (release_state.body).
PSEUDONYM = re.compile(r"[hmnpcr][A-Za-z0-9_-]{16}")
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
        for field in schema_fields(english, table):
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


# Field titles that read the same in both languages; so do the codebook's own columns, titled
# in English in either package. A table's title always differs.
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
        same = nb in SAME_IN_BOTH or table == "codebook"
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
    # The pseudonyms' too: a bokmål package's Stata, SPSS and R labels were half English
    # ("Pseudonym for need the payment serves"; outside review).
    assert titles["payments", "need_id"] == "Pseudonym for behovet utbetalingen gjelder"
    assert titles["households", "household_id"] == "Pseudonym for husstand"
    _, stata = pyreadstat.read_dta(str(package.path / "stata" / "checkins.dta"))
    assert stata.column_names_to_labels["respondent_id"] == "Pseudonym for medlemmet som svarte"
    for (table, name), title in titles.items():
        if table != "codebook":
            assert leaks(title, "nb") == set(), (table, name, title)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_long_question_is_whole_where_no_format_cuts_it(
    package: Package, english: Package, language: str
) -> None:
    """Frictionless, Parquet, SPSS's 256 bytes and the codebook hold the question whole; only
    Stata's 80 characters cut it (evaluator review: datapackage.json cut it too)."""
    found = package if language == "nb" else english
    words = question_words(LONG, language)
    assert len(words) > STATA_LABEL.size
    assert _titles(found)[ANSWERS, LONG] == words
    parquet = pq.read_schema(found.path / "parquet" / f"{ANSWERS}.parquet")
    assert parquet.field(LONG).metadata[b"label"].decode() == words
    _, spss = pyreadstat.read_sav(str(found.path / "spss" / f"{ANSWERS}.sav"))
    assert spss.column_names_to_labels[LONG] == words
    _, stata = pyreadstat.read_dta(str(found.path / "stata" / f"{ANSWERS}.dta"))
    assert cut_for_stata(stata.column_names_to_labels[LONG], words)  # cut: it is longer
    _, book = found.csv("codebook")
    [row] = [r for r in book if r[:2] == [ANSWERS, LONG] and r[3] == ""]
    assert row[4] == question_words(LONG, "nb")  # its bokmål title, in either package


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
        fields = {f["name"]: f["title"] for f in schema_fields(english, table)}
        _, stata = pyreadstat.read_dta(str(english.path / "stata" / f"{table}.dta"))
        _, spss = pyreadstat.read_sav(str(english.path / "spss" / f"{table}.sav"))
        title = english.resource(table)["title"]
        assert spss.column_names_to_labels == fields, table
        assert spss.file_label == title, table
        assert stata.column_names_to_labels.keys() == fields.keys(), table
        for name, label in stata.column_names_to_labels.items():
            assert cut_for_stata(label, fields[name]), (table, name)
        assert cut_for_stata(stata.file_label, title), table


def test_an_english_package_validates(english: Package) -> None:
    validate(english.path, valid=True)


def test_life_satisfaction_reads_in_english(english: Package) -> None:
    assert leaks(" ".join(_stats_labels(english, "checkins")["life_satisfaction"]), "en") == set()


def test_the_r_script_of_an_english_package_labels_in_english(
    english: Package, tmp_path: Path
) -> None:
    if RSCRIPT is None:
        pytest.skip("R is not installed (Debian: apt-get install r-base-core)")
    script = R_CHECK.format(tables="households,payments", out=tmp_path)  # no language asked
    run_r(script, english.path)
    for table in ("households", "payments"):
        with (tmp_path / f"{table}.labels.csv").open(encoding="utf-8", newline="") as fh:
            labels = " ".join(r["label"] for r in csv.DictReader(fh))
        assert leaks(labels, "en") == set(), labels
        with (tmp_path / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            # Factor levels too; not the pseudonyms: random letters, "-" and "_" may spell a
            # word ("p…-hos-…" read as bokmål "hos" once in CI).
            cells = [c for row in csv.reader(fh) for c in row if not PSEUDONYM.fullmatch(c)]
        assert leaks(" ".join(cells), "en") == set(), table
