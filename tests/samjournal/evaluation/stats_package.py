"""The readers the tests of the evaluator's package files share (test_stats_files.py: each
format read back; test_stats_english.py: an English package): frictionless, R, the titles
Stata cuts. The package itself is conftest's (`package`, `english`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from samjournal.evaluation.evaluator.stats_files import STATA_LABEL
from samjournal.instruments.default import JOURNAL_DEFAULT
from tests.samjournal.evaluation.conftest import Package

FRICTIONLESS = shutil.which("frictionless") or str(Path(sys.executable).parent / "frictionless")
RSCRIPT = shutil.which("Rscript")
# A question of the journal's own instrument (answers_innbyggernes_modell_v1) longer than a
# Stata label.
LONG = "money_other"
ANSWERS = "answers_innbyggernes_modell_v1"


def schema_fields(package: Package, table: str) -> list[dict[str, Any]]:
    return list(package.resource(table)["schema"]["fields"])


def validate(folder: Path, *, valid: bool) -> str:
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


def cut_for_stata(label: str, title: str) -> bool:
    """`label` is `title`, or where that is longer than Stata holds, cut after a whole word with
    an ellipsis."""
    if len(title) <= STATA_LABEL.size:
        return label == title
    kept = label.removesuffix("…")
    return label != kept and len(label) <= STATA_LABEL.size and title.startswith(f"{kept} ")


def question_words(item_id: str, language: str) -> str:
    """The words of an item of the journal's own instrument, whole."""
    item = JOURNAL_DEFAULT.item(item_id)
    assert item is not None
    return item.text.nb if language == "nb" else item.text.en


def run_r(script: str, folder: Path, env: dict[str, str] | None = None) -> str:
    """`script` run by Rscript in `folder` (the package, or any folder); it must succeed,
    without a warning that input was lost. Its output."""
    assert RSCRIPT is not None
    done = subprocess.run(
        [RSCRIPT, "--vanilla", "-e", script],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "invalid input" not in done.stderr
    return done.stdout


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
