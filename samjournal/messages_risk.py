"""The disclosure-risk report's lines (evaluation/risk.py), by key, in bokmål and English.

Data only: samjournal/messages.py merges these into its catalogue; `RiskReport.lines(language)`
words them for the CLI (`export --dry-run`, `export`). Numbers come in already formatted for the
language (shares as "12,5 %" or "12.5%").
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    "risk_heading": (
        "Risikorapport for {study} (k = {k}, anklagermodellen, målt over alt studien har fått)",
        "Risk report for {study} (k = {k}, prosecutor model, measured over everything the study"
        " has received)",
    ),
    "risk_population": (
        "  Familier i journalen: {families}; samtykket: {consented}; med i utleveringen:"
        " {released}",
        "  Families in the journal: {families}; consented: {consented}; households sent:"
        " {released}",
    ),
    "risk_left_out": ("  Holdt utenfor, {reason}: {count}", "  Left out, {reason}: {count}"),
    "risk_before": (
        "  Før anonymisering: {classes} grupper, minste gruppe {smallest}, {at_risk} husstander"
        " i grupper under k",
        "  Before anonymisation: {classes} groups, smallest group {smallest}, {at_risk}"
        " households in groups under k",
    ),
    "risk_after": (
        "  Etter: {classes} grupper, minste gruppe {smallest}, husstander i risiko {at_risk},"
        " høyeste risiko {highest}, suksessrate {success}",
        "  After: {classes} groups, smallest group {smallest}, households at risk {at_risk},"
        " highest risk {highest}, attacker success rate {success}",
    ),
    "risk_generalised": ("  Generalisert: {levels}", "  Coarsened: {levels}"),
    "risk_suppressed": (
        "  Skjult (alle husstandsfelt *): {count} husstander",
        "  Hidden (every household field *): {count} households",
    ),
    "risk_amounts": (
        "  Beløp avrundet til {rounding} kr, toppkodet ved {top} kr ({capped} beløp toppkodet)",
        "  Amounts rounded to NOK {rounding}, capped at NOK {top} ({capped} amounts capped)",
    ),
    "risk_tombstones": ("  Gravsteiner, {reason}: {count}", "  Tombstones, {reason}: {count}"),
    "risk_time": (
        "  Tid: hele dager fra husstandens startdato, som bare utleveres som periode; feil i"
        " intervaller innen en husstand: {days} dager",
        "  Time: whole days from the household's start date, which is sent only as a period;"
        " error in intervals within a household: {days} days",
    ),
    "risk_rows": ("  Rader i pakken: {rows}", "  Rows in the bundle: {rows}"),
    # the check over every bundle the study has received (risk.Protection)
    "risk_attacker": (
        "  Angriper som kjenner alle husstandsfeltene, eller opptil {m} hendelser (som en"
        " utbetaling i en måned): minst {k} husstander å velge mellom, over alle pakker studien"
        " har fått ({households} husstander)",
        "  An attacker who knows every household field, or up to {m} events (such as a payment"
        " in a month): at least {k} households to choose from, over every bundle the study has"
        " received ({households} households)",
    ),
    "risk_violations": ("  Brudd som gjenstår: {count}", "  Violations left: {count}"),
    "risk_held": (
        "  Holdt tilbake til de passer: {held} av {offered} nye eller endrede rader ({share}),"
        " {households} nye husstander ({household_rows} rader); i alt venter {waiting} av"
        " radene",
        "  Held back until they fit: {held} of {offered} new or changed rows ({share}),"
        " {households} new households ({household_rows} rows); in all {waiting} of the rows"
        " wait",
    ),
    "risk_search": (
        "  Beløpsavrunding og kalender valgt ved søk: {points} punkter kjørt gjennom kontrollen;"
        " det valgte holder tilbake {held} av radene, med informasjonstap i beløpene {amount}"
        " og i kalenderen {calendar}",
        "  Amount rounding and calendar chosen by a search: {points} points run through the"
        " check; the one chosen holds back {held} of the rows, losing {amount} of the amounts'"
        " information and {calendar} of the calendar's",
    ),
    "risk_coarsened": (
        "  Generalisert: {cells} husstandsfelt; beløp til nærmeste {amount_rounding} kr, tak"
        " {amount_top} kr ({amounts_capped} av beløpene); budsjettrammer til nærmeste"
        " {budget_rounding} kr, tak {budget_top} kr ({budgets_capped})",
        "  Coarsened: {cells} household fields; amounts to the nearest NOK {amount_rounding},"
        " capped at NOK {amount_top} ({amounts_capped} of the amounts); budget frames to the"
        " nearest NOK {budget_rounding}, capped at NOK {budget_top} ({budgets_capped})",
    ),
    "risk_interval_error": (
        "  Feil i intervaller innen en husstand: {days} dager",
        "  Error in intervals within a household: {days} days",
    ),
}

# How coarse a quasi-identifier was sent: the level's name as the report stores it
# (anonymise.LEVEL_NAMES, attacker.PERIODS) and its words in each language.
LEVELS: Mapping[str, Words] = {
    "bydel": ("bydel", "district"),
    "kommune": ("kommune", "municipality"),
    "eksakt (1-5, 6+)": ("eksakt (1-5, 6+)", "exact (1-5, 6+)"),
    "bånd 1-2, 3-4, 5+": ("bånd 1-2, 3-4, 5+", "bands 1-2, 3-4, 5+"),
    "eksakt (0-3, 4+)": ("eksakt (0-3, 4+)", "exact (0-3, 4+)"),
    "bånd 0, 1-2, 3+": ("bånd 0, 1-2, 3+", "bands 0, 1-2, 3+"),
    "0 eller 1+": ("0 eller 1+", "0 or 1+"),
    "10-årsbånd": ("10-årsbånd", "10-year bands"),
    "20-årsbånd (18-39, 40-59, 60+)": (
        "20-årsbånd (18-39, 40-59, 60+)",
        "20-year bands (18-39, 40-59, 60+)",
    ),
    "bare 18+": ("bare 18+", "18+ only"),
    "eksakt": ("eksakt", "exact"),
    "studiens avrunding": ("studiens avrunding", "the study's rounding"),
    "nærmeste 25 000 kr": ("nærmeste 25 000 kr", "nearest NOK 25,000"),
    "nærmeste 50 000 kr": ("nærmeste 50 000 kr", "nearest NOK 50,000"),
    "month": ("måned", "month"),
    "quarter": ("kvartal", "quarter"),
    "half-year": ("halvår", "half-year"),
    "year": ("år", "year"),
}
