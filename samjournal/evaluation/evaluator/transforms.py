"""What was done to the data between the journals and this package, written into the package.

`transforms/README.md` lists every transform (pseudonyms, generalisation and suppression of the
households, rounding and top-coding, day offsets, waves, sites, counts) with the study's own
parameters, then what each journal's newest bundle reported it did: what it held back and the
grids of its amounts and budget frames in words (the figures of journals.csv, reported.py), and
its risk report's generalisation (its levels in the package's language), suppression and time
sections as sent (the time section's transform, when it is the one the package states, only
once). `field_notes` gives the same parameters to the fields of datapackage.json that they
change.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from samjournal.evaluation.anonymise import CATEGORY_LEVELS, budget_step
from samjournal.evaluation.evaluator.reported import (
    HELD_WARNING,
    Reported,
    newest_risk_reports,
    reported,
)
from samjournal.evaluation.evaluator.stats_files import MISSING_NOTE
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.risk import TableRows, level_words
from samjournal.evaluation.tables import AREA_WORD, QUASI_IDENTIFIERS, SUPPRESSED, TIME_TRANSFORM

FOLDER = "transforms"
FILE = f"{FOLDER}/README.md"
# The risk report's sections that say what a bundle did to its rows (whatever else it holds);
# its grids and what it held back are said in words (reported.py), from the protection section.
REPORTED = (
    "generalisation",
    "suppressed_households",
    "suppression",
    "budgets",
    "top_coding",
    "time",
    "lost",
)
AREA_NOTE = (
    " A journal that named no municipality when it imported the study releases the word"
    f" '{AREA_WORD}' for it: its own municipality, which the site column names."
)
HELD_BACK = (
    "Each journal checks k^m over everything the study has received. Rows that"
    " would break it, and new households that do not fit yet, are held back in the journal and"
    " sent in a later bundle once they fit: journals.csv says, per journal, how many rows are"
    " in the dataset and how many still wait once its newest bundle is in (rows_in_dataset,"
    " rows_waiting; rows_by_table.csv per table, with changes_waiting: rows in the dataset whose"
    " later change waits), what that bundle held back (rows_held_back of"
    " rows_checked; households_held_back whole, with rows_of_households_held_back rows), and so"
    f" does the list below. {HELD_WARNING} So"
    " consent_counts.csv and households.csv need not reconcile: a consented household held back"
    " whole is counted in consent_counts.csv but has no row in households.csv (nor in"
    " journals.csv's households) until it fits; and a row whose need or meeting is held back"
    " has that link suppressed (*)."
)


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " kr"


def _budget_note(policy: Policy) -> str:
    return (
        f" Transform: rounded (half up) to the nearest {_kr(policy.budget_rounding_nok)}, or"
        f" banded coarser, then top-coded: {_kr(policy.budget_top_code_nok)} or more is never"
        " shown, a capped frame has budget_top_coded = 1 (a journal may cap lower). Each"
        " journal's grid and cap are in journals.csv (budget_rounding_nok, budget_top_code_nok);"
        " a household suppressed (*) in its other fields has its frame on the coarsest grid,"
        f" the nearest {_kr(budget_step(policy.budget_rounding_nok))}."
    )


def field_notes(policy: Policy) -> dict[tuple[str, str], str]:
    """(table, field) -> the transform of that field, with the study's numbers."""
    amount = (
        f" Transform: rounded (half up) to the nearest {_kr(policy.amount_rounding_nok)}, or"
        " coarser where a journal's release check needed it (an amount above 0 is never 0:"
        " under one and a half steps it is one step), then top-coded: the study's cap"
        f" is {_kr(policy.amount_top_code_nok)}, and a journal may cap lower (from the"
        f" distribution); {_kr(policy.amount_top_code_nok)} or more is never shown, a capped"
        " amount has amount_top_coded = 1. Each journal's rounding and cap are in journals.csv"
        " (amount_rounding_nok, amount_top_code_nok): amount_nok mixes grids across journals,"
        " so join on journal_id before comparing or summing amounts."
    )
    qi = (
        f" Transform: generalised (banded or coarser) and, for as few households as that"
        f" allows (the study aims at {policy.max_suppression:.0%} at most; too few or too"
        f" varied households need more), suppressed ({SUPPRESSED}) so that every"
        f" combination of {', '.join(QUASI_IDENTIFIERS)} is shared by at least k = {policy.k}"
        " households."
    )
    notes = {("payments", "amount_nok"): amount}
    for name in QUASI_IDENTIFIERS:
        notes["households", name] = qi
    notes["households", "budget_frame_nok"] = _budget_note(policy) + qi  # a household field
    return notes


def readme(ws: Workspace) -> str:
    """The transforms in English, the levels each journal's bundle reports too (in bokmål
    they read as a mix of two languages: evaluator review s23)."""
    policy = ws.profile.policy
    parameters = "\n".join(
        f"- `{name}`: {json.dumps(value, ensure_ascii=False)}"
        for name, value in dataclasses.asdict(policy).items()
    )
    notes = field_notes(policy)
    lines = [
        f"# What was done to the data: {ws.profile.name} ({ws.profile.id})",
        "",
        "Every transform between the journals and this package. The same words are in the",
        "descriptions of datapackage.json. The study's parameters, as the evaluator's study",
        "profile (study.json) sets them, are the finest any journal releases: a journal rounds,",
        "caps and generalises as coarsely as its check needs (its grids are in journals.csv and",
        "below, per journal). They are:",
        "",
        parameters,
        "",
        "## Transforms",
        "",
        "1. **Pseudonyms.** Households, meetings, needs, payments, check-ins and respondents get",
        "   random per-study ids, never the journal's own; journal_id is the journal's random id,",
        "   site the municipality and team the evaluator registered for it. No names, identity",
        "   numbers, phones, addresses or free text are released.",
        "2. **Households: generalisation and suppression.**" + notes["households", "area"],
        f"   Area is the municipality, or the district where that is safe.{AREA_NOTE} Which",
        "   level each journal used is in its risk report below.",
        f"3. **Amounts.**{notes['payments', 'amount_nok']}",
        # The frame is a household field of 2. too: its generalisation is said there once.
        f"4. **Budget frames.**{_budget_note(policy)} A household field: see 2.",
        f"5. **Times (shift).** {TIME_TRANSFORM.removeprefix('Times: ')}",
        "6. **Check-in waves.** wave 0 is a household's first day with a check-in (baseline),",
        "   n its n-th later day with one (follow-up n).",
        "7. **Consent and attrition** are counts per journal and month (consent_counts.csv),",
        "   never who; a household that leaves the study is removed with every row it had.",
        "8. **Rows left out.** Households without an active consent of every recorded adult,",
        "   and records deleted in the journal, are not released (removed when they were).",
        f"9. **Rows held back (waiting).** {HELD_BACK}",
        "",
        "## Missing and suppressed",
        "",
        MISSING_NOTE,
        "",
        "## What each journal's newest bundle reported",
        "",
    ]
    newest = newest_risk_reports(ws)
    for journal_id, (sequence, risk) in newest.items():
        lines += [f"### journal {journal_id}, bundle {sequence}", ""]
        lines += _reported(risk)
        lines.append("")
    if not newest:
        lines.append("No bundle imported yet.")
    return "\n".join(lines) + "\n"


def _reported(risk: Any) -> list[str]:
    if not isinstance(risk, dict):
        return ["(no risk report)"]
    out = [f"- k = {risk.get('k', '?')}"]
    found = reported(risk)
    if found is not None:
        out += _held_and_grids(found)
    for section in REPORTED:
        if section in risk:
            value = risk[section]
            if section == "generalisation" and isinstance(value, dict):
                value = {qi: level_words(str(lv), "en") for qi, lv in value.items()}
            if section == "time" and isinstance(value, dict):
                # Transform 5's words once, not again under every journal.
                value = {k: v for k, v in value.items() if k != "transform" or v != TIME_TRANSFORM}
            out.append(f"- {section}: `{json.dumps(value, ensure_ascii=False)}`")
    return out


def _waiting(found: Reported) -> list[str]:
    """What the dataset lacks of the journal, in all and per table (none when not counted)."""
    every = found.waiting
    if every is None:
        return ["- rows waiting in the journal: not counted by this journal's version"]
    return [
        f"- rows waiting in the journal, of all the study would hold from it: {_of(every)}",
        *[f"  - {table}: {_of(rows)}" for table, rows in found.by_table.items()],
    ]


def _of(rows: TableRows) -> str:
    words = f"{rows.waiting} of {rows.total} ({rows.waiting_share:.1%})"
    if rows.changes_waiting:
        words += f"; {rows.changes_waiting} changes to rows in the dataset wait (old version here)"
    return words


def _held_and_grids(found: Reported) -> list[str]:
    """The journals.csv figures of one journal, in words."""
    return [
        f"- held back by the newest bundle: {found.rows_held_back} of {found.rows_checked}"
        f" rows checked, and {found.households_held_back} new households whole"
        f" ({found.rows_of_households_held_back} rows)",
        *_waiting(found),
        f"- amounts: nearest {_kr(found.amount_rounding_nok)}, capped at"
        f" {_kr(found.amount_top_code_nok)}; budget frames: nearest"
        f" {_kr(found.budget_rounding_nok)} (suppressed households: nearest"
        f" {_kr(budget_step(found.budget_rounding_nok))}), capped at"
        f" {_kr(found.budget_top_code_nok)}",
        f"- need categories: {level_words(CATEGORY_LEVELS[found.need_categories], 'en')}",
    ]
