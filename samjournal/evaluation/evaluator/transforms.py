"""What was done to the data between the journals and this package, written into the package.

`transforms/README.md` lists every transform (pseudonyms, generalisation and suppression of the
households, rounding and top-coding, day offsets, waves, sites, counts) with the study's own
parameters, then what each journal's newest bundle reported it did (its risk report's
generalisation, suppression, top-coding and time sections, as sent). `field_notes` gives the
same parameters to the fields of datapackage.json that they change.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from samjournal.evaluation.evaluator.merge import NOT_SUPERSEDED
from samjournal.evaluation.evaluator.stats_files import MISSING_NOTE
from samjournal.evaluation.evaluator.workspace import Workspace
from samjournal.evaluation.profile import Policy
from samjournal.evaluation.sql import tuples
from samjournal.evaluation.tables import QUASI_IDENTIFIERS, SUPPRESSED, TIME_TRANSFORM

FOLDER = "transforms"
FILE = f"{FOLDER}/README.md"
# The risk report's sections that say what a bundle did to its rows (whatever else it holds).
REPORTED = (
    "generalisation",
    "suppressed_households",
    "suppression",
    "amounts",
    "budgets",
    "top_coding",
    "time",
    "lost",
)


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", " ") + " kr"


def field_notes(policy: Policy) -> dict[tuple[str, str], str]:
    """(table, field) -> the transform of that field, with the study's numbers."""
    amount = (
        f" Transform: rounded (half up) to the nearest {_kr(policy.amount_rounding_nok)}, or"
        " coarser where a journal's release check needed it (an amount above 0 is never 0:"
        " under one and a half steps it is one step), then top-coded: the study's cap"
        f" is {_kr(policy.amount_top_code_nok)}, and a journal may cap lower (from the"
        f" distribution); {_kr(policy.amount_top_code_nok)} or more is never shown, a capped"
        " amount has amount_top_coded = 1. Each journal's rounding and top code are in"
        " transforms/README.md."
    )
    budget = (
        f" Transform: rounded (half up) to the nearest {_kr(policy.budget_rounding_nok)}, or"
        f" banded coarser, then top-coded: {_kr(policy.budget_top_code_nok)} or more is never"
        " shown, a capped frame has budget_top_coded = 1 (a journal may cap lower)."
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
    notes["households", "budget_frame_nok"] = budget + qi  # a quasi-identifier too
    return notes


def readme(ws: Workspace) -> str:
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
        "descriptions of datapackage.json; the study's parameters, as the evaluator's study",
        "profile (study.json) sets them and every journal applied them, are:",
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
        "   Area is the municipality, or the district where that is safe. Which level each",
        "   journal used is in its risk report below.",
        f"3. **Amounts.**{notes['payments', 'amount_nok']}",
        f"4. **Budget frames.**{notes['households', 'budget_frame_nok']}",
        f"5. **Times (shift).** {TIME_TRANSFORM}",
        "6. **Check-in waves.** wave 0 is a household's first day with a check-in (baseline),",
        "   n its n-th later day with one (follow-up n).",
        "7. **Consent and attrition** are counts per journal and month (consent_counts.csv),",
        "   never who; a household that leaves the study is removed with every row it had.",
        "8. **Rows left out.** Households without an active consent of every recorded adult,",
        "   and records deleted in the journal, are not released (removed when they were).",
        "",
        "## Missing and suppressed",
        "",
        MISSING_NOTE,
        "",
        "## What each journal's newest bundle reported",
        "",
    ]
    reports = tuples(
        ws.db,
        "SELECT journal_id, sequence, risk_report FROM bundles b WHERE sequence ="
        " (SELECT max(sequence) FROM bundles c WHERE c.journal_id = b.journal_id"
        f"  AND c.{NOT_SUPERSEDED}) AND b.{NOT_SUPERSEDED}"  # not a restore's lost bundles
        " ORDER BY journal_id, bundle_hash",
    )
    seen: set[str] = set()
    for journal_id, sequence, text in reports:
        if journal_id in seen:
            continue
        seen.add(journal_id)
        lines += [f"### journal {journal_id}, bundle {sequence}", ""]
        lines += _reported(json.loads(text))
        lines.append("")
    if not seen:
        lines.append("No bundle imported yet.")
    return "\n".join(lines) + "\n"


def _reported(risk: Any) -> list[str]:
    if not isinstance(risk, dict):
        return ["(no risk report)"]
    out = [f"- k = {risk.get('k', '?')}"]
    for section in REPORTED:
        if section in risk:
            out.append(f"- {section}: `{json.dumps(risk[section], ensure_ascii=False)}`")
    return out
