"""`load_samjournal.R`: the data package into R with labels, in base R alone.

Each table becomes a data frame of the same name. Types and variable labels (in both languages,
whole as datapackage.json titles them) are written into the script from the package's fields;
the factor levels and their labels come from `codebook.csv` at load time, so the script and the
codebook cannot disagree. Labels are in the package's language unless `samjournal_language`
asks for the other. Missing and suppressed are told apart as in Parquet: both are NA, and a
column that can be suppressed gets a logical companion NAME_suppressed, TRUE where the cell
was "*".
"""

from __future__ import annotations

from samjournal.evaluation.evaluator.stats_files import FLAG_SUFFIX, Sheet, in_language
from samjournal.evaluation.tables import SUPPRESSED
from samjournal.vocabulary import LANGUAGES

SCRIPT_NAME = "load_samjournal.R"

HEAD = """# SamJournal evaluation dataset: every table into R with types and labels (base R only).
#
#   source("<this folder>/load_samjournal.R", chdir = TRUE)
#
# (or setwd("<this folder>") first; samjournal_folder <- "<this folder>" also tells it where).
# The files are read as UTF-8 whatever the session's locale.
#
# Every table becomes a data frame: {tables}.
# Categories are factors whose levels and labels come from codebook.csv. Labels are in
# "{language}" (set samjournal_language <- "nb" or "en" before source() for bokmål or English).
# Numbers are integers; labelled scale points and flags are in attr(x, "labels"), the
# variable's label in attr(x, "label").
# Missing and suppressed: both are NA; a column that can be suppressed (k-anonymity) has a
# logical companion column NAME{flag}, TRUE where the cell was suppressed ("{star}" in the CSV),
# FALSE where it was missing or known. What was done to the data: transforms/README.md.

local({{
  lang <- if (exists("samjournal_language")) get("samjournal_language") else "{language}"
  here <- if (exists("samjournal_folder")) get("samjournal_folder") else "."
  lang <- if (identical(lang, "en")) "en" else "nb"
  label_of <- paste0("label_", lang)
  read <- function(file) {{
    utils::read.csv(file.path(here, file), colClasses = "character",
                    na.strings = character(0), check.names = FALSE,
                    encoding = "UTF-8")
  }}
  codebook <- read("codebook.csv")
  load_table <- function(table, types, labels, suppressible) {{
    df <- read(paste0(table, ".csv"))
    stopifnot(identical(names(df), names(types)))
    for (v in names(df)) {{
      x <- df[[v]]
      starred <- x == "{star}"
      x[x == "" | starred] <- NA
      book <- codebook[codebook$table == table & codebook$variable == v &
                         codebook$value != "" & codebook$value != "{star}", ]
      if (types[[v]] == "integer") {{
        x <- as.integer(x)
        if (nrow(book) > 0) {{
          attr(x, "labels") <- stats::setNames(as.integer(book$value), book[[label_of]])
        }}
      }} else if (types[[v]] == "category") {{
        unknown <- setdiff(unique(x[!is.na(x)]), book$value)
        if (length(unknown) > 0) stop(table, ".", v, ": values not in codebook.csv")
        x <- factor(x, levels = book$value, labels = book[[label_of]])
      }}
      attr(x, "label") <- labels[[lang]][[v]]
      df[[v]] <- x
      if (v %in% suppressible) df[[paste0(v, "{flag}")]] <- starred
    }}
    df
  }}
"""

TAIL = """}})
"""


def _r_string(text: str) -> str:
    """An R string literal (double-quoted, escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _r_vector(items: list[tuple[str, str]]) -> str:
    return "c(" + ", ".join(f"{_r_string(k)} = {_r_string(v)}" for k, v in items) + ")"


def render(sheets: list[Sheet], language: str) -> str:
    """The loader of `sheets`, labelling in `language` unless told otherwise."""
    names = [s.resource["name"] for s in sheets]
    head = HEAD.format(
        tables=", ".join(names), flag=FLAG_SUFFIX, star=SUPPRESSED, language=language
    )
    out = [head]
    for sheet in sheets:
        name = sheet.resource["name"]
        types = [
            (v.name, {"number": "integer", "category": "category"}.get(v.kind, "character"))
            for v in sheet.columns
        ]
        labels = ", ".join(
            f"{lang} = {_r_vector([(v.name, in_language(v.label, lang)) for v in sheet.columns])}"
            for lang in LANGUAGES
        )
        suppressible = [v.name for v in sheet.columns if v.suppressible]
        starred = "c(" + ", ".join(_r_string(n) for n in suppressible) + ")"
        out.append(
            f"  assign({_r_string(name)}, load_table({_r_string(name)},\n"
            f"    types = {_r_vector(types)},\n"
            f"    labels = list({labels}),\n"
            f"    suppressible = {starred}), envir = globalenv())\n"
        )
    out.append(TAIL.format())
    return "".join(out)
