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
    # The captions: the export wizard's review page shows the same (ui/export/pages.py), as
    # "Caption:" beside its value; the CLI prints "  Caption: value" under each group's title.
    "risk_who": ("Hvem som sendes", "Who is sent"),
    "risk_in_journal": ("I journalen", "In the journal"),
    "risk_consented": ("Samtykket", "Consented"),
    "risk_sent": ("Husstander sendt", "Households sent"),
    "risk_left_out": ("Holdt utenfor", "Left out"),
    "risk_recognising": (
        "Fare for å gjenkjenne noen (k = {k})",
        "Risk of recognising someone (k = {k})",
    ),
    "risk_smallest": ("Minste gruppe", "Smallest group"),
    "risk_at_risk": ("Husstander i risiko", "Households at risk"),
    "risk_highest": ("Høyeste risiko", "Highest risk"),
    "risk_success": ("Treffsjanse i snitt", "Average chance of a hit"),
    "risk_before_value": (
        "{after} (før anonymisering: {before})",
        "{after} (before anonymisation: {before})",
    ),
    "risk_checked": (
        "Sjekket over alle pakkene (k = {k}, m = {m})",
        "Checked over every bundle (k = {k}, m = {m})",
    ),
    "risk_rows_held": ("Rader holdt tilbake", "Rows held back"),
    "risk_rows_held_value": (
        "{held} av {offered} kontrollert (nye eller endrede, eller holdt tilbake før)",
        "{held} of {offered} checked (new or changed, or held back before)",
    ),
    "risk_rows_waiting": (
        "Rader som venter i journalen (av alle den ville sendt)",
        "Rows waiting in the journal (of all it would have sent)",
    ),
    "risk_rows_waiting_value": ("{waiting} av {total} ({share})", "{waiting} of {total} ({share})"),
    # A table's rows in this bundle, when some of them wait: "Behov: 0 av 12" (the review page
    # left out a table held back whole, as if the study did not take it; outside review s30).
    "risk_rows_sent_value": ("{sent} av {total}", "{sent} of {total}"),
    # After risk_rows_waiting_value: rows the evaluator has, whose change waits in the journal.
    # Not in the rows waiting: the evaluator has the row, in the version sent before.
    "risk_changes_waiting_value": (
        "; endringer av rader som allerede er sendt, som venter: {changes}",
        "; changes to rows already sent, waiting: {changes}",
    ),
    "risk_households_held": ("Nye husstander holdt tilbake", "New households held back"),
    "risk_cells_coarsened": ("Husstandsfelt gjort grovere", "Household fields coarsened"),
    "risk_amounts_capped": ("Beløp over taket", "Amounts over the cap"),
    "risk_coarsened": ("Dette er gjort grovere", "What was coarsened"),
    "risk_hidden": ("Skjulte husstander (*)", "Hidden households (*)"),
    "risk_hidden_value": ("{hidden} av {released} ({share})", "{hidden} of {released} ({share})"),
    "risk_rounded_to": ("Beløp avrundet til", "Amounts rounded to"),
    "risk_capped_at": ("Tak for beløp", "Cap on amounts"),
    "risk_need_categories": ("Behovskategorier", "Need categories"),
    # Of the amounts sent: where the rarest amounts wait (large ones first), an evaluator read
    # "0 over the cap" as "no large amounts" (evaluator review s23).
    "risk_capped_value": (
        "{top} ({count} av beløpene som sendes er over taket; store beløp er ofte blant dem som"
        " venter)",
        "{top} ({count} of the amounts sent are over it; large amounts are often among those"
        " waiting)",
    ),
    # what only the CLI's report says
    "risk_groups": ("Grupper", "Groups"),
    "risk_attacker": (
        "  Angriper som kjenner alle husstandsfeltene, eller opptil {m} hendelser (som en"
        " utbetaling i en måned): minst {k} husstander å velge mellom, over alle pakker studien"
        " har fått ({households} husstander)",
        "  An attacker who knows every household field, or up to {m} events (such as a payment"
        " in a month): at least {k} households to choose from, over every bundle the study has"
        " received ({households} households)",
    ),
    "risk_violations": ("Brudd som gjenstår", "Violations left"),
    # Kept at the export and measured (evaluation/opening_month.py).
    "risk_opening_month": (
        "Skilt ut av felt og startmåned",
        "Singled out by fields and opening month",
    ),
    "risk_opening_month_value": (
        "{found} av de {households} husstandene studien har, denne pakken medregnet",
        "{found} of the {households} households the study has, this bundle included",
    ),
    # After risk_opening_month_value, when some families are gone from the journal.
    "risk_opening_month_unchecked": (
        "; {n} av dem er ikke lenger i journalen og kan ikke sjekkes",
        "; {n} of them are no longer in the journal and cannot be checked",
    ),
    # After risk_opening_month_value: what keeping it cost (opening_month.lift).
    "risk_opening_month_lifted": (
        "; for å holde det kommer radene til {n} nye husstander senere"
        " (i median {median} dager, høyst {days})",
        "; to keep it, the rows of {n} new households go later"
        " (a median of {median} days, at most {days})",
    ),
    # After risk_opening_month_value when some are (opening_month.py says which can be).
    "risk_singled_out_sent": (
        " (sendt uten dette vernet: si fra til personvernombudet for studien)",
        " (sent without this protection: tell the study's data protection officer)",
    ),
    "risk_households_rows": ("{households} ({rows} rader)", "{households} ({rows} rows)"),
    "risk_search": (
        "  Beløpsavrunding, kalender og behovskategorier valgt ved søk i studiens første eksport:"
        " {points} punkter kjørt gjennom kontrollen; det valgte holdt tilbake {held} av radene,"
        " med informasjonstap i beløpene {amount}, i kalenderen {calendar} og i"
        " behovskategoriene {categories}",
        "  Amount rounding, calendar and need categories chosen by a search at the study's first"
        " export: {points} points run through the check; the one chosen held back {held} of the"
        " rows, losing {amount} of the amounts' information, {calendar} of the calendar's and"
        " {categories} of the need categories'",
    ),
    "risk_rounding": (
        "beløp til nærmeste {amount_rounding} kr, tak {amount_top} kr; budsjettrammer til"
        " nærmeste {budget_rounding} kr (for husstander med skjulte detaljer nærmeste"
        " {budget_blanked} kr), tak {budget_top} kr ({budgets_capped} over taket)",
        "amounts to the nearest NOK {amount_rounding}, capped at NOK {amount_top}; budget"
        " frames to the nearest NOK {budget_rounding} (for households with details blanked,"
        " the nearest NOK {budget_blanked}), capped at NOK {budget_top} ({budgets_capped}"
        " over the cap)",
    ),
    "risk_interval_error": (
        "Feil i intervaller innen en husstand",
        "Error in intervals within a household",
    ),
    "risk_days": ("{days} dager", "{days} days"),
    "risk_kroner": ("{amount} kr", "NOK {amount}"),
    "risk_time": (
        "Tid: hele dager fra husstandens startdato, som bare utleveres som periode",
        "Time: whole days from the household's start date, which is sent only as a period",
    ),
    "risk_rows": ("Rader i pakken", "Rows in the bundle"),
}

# How coarse a quasi-identifier was sent: the level's name as the report stores it
# (anonymise.LEVEL_NAMES, attacker.PERIODS) and its words in each language.
LEVELS: Mapping[str, Words] = {
    "bydel": ("bydel", "district"),
    "kommune": ("kommune", "municipality"),
    "eksakt (1-5, 6+)": ("eksakt (1-5, 6+)", "exact (1-5, 6+)"),
    "bånd 1-2, 3-4, 5+": ("bånd 1-2, 3-4, 5+", "bands 1-2, 3-4, 5+"),
    "1+": ("1+", "1+"),
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
    "åpen eller avsluttet": ("åpen eller avsluttet", "open or closed"),
    # Need categories (anonymise.CATEGORY_LEVELS; "eksakt" above): kinds.NEED_GROUP's groups.
    "tre grupper": (
        "tre grupper: bolig, økonomi, arbeid eller transport; utdanning, barns fritid eller"
        " sosialt nettverk; helse eller annet",
        "three groups: housing, economy, work or transport; education, children's leisure or"
        " social network; health or other",
    ),
    "skjult (*)": ("skjult (*)", "hidden (*)"),
    "studiens avrunding": ("studiens avrunding", "the study's rounding"),
    "nærmeste 25 000 kr": ("nærmeste 25 000 kr", "nearest NOK 25,000"),
    "nærmeste 50 000 kr": ("nærmeste 50 000 kr", "nearest NOK 50,000"),
    "month": ("måned", "month"),
    "quarter": ("kvartal", "quarter"),
    "half-year": ("halvår", "half-year"),
    "year": ("år", "year"),
}
