"""Messages by key for reports, in bokmål and English.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

FIELDS: Mapping[str, Words] = {
    "period": (
        "periode",
        "period",
    ),
    "report": (
        "rapport",
        "report",
    ),
}

MESSAGES: Mapping[str, Words] = {
    "font_found_printing_needs": (
        "Fant ikke skriften {filename} i {directory}. Utskrifter trenger mappen "
        "resources/fonts fra programpakken.",
        "The font {filename} was not found in {directory}. Printing needs the resources/fonts "
        "folder of the program.",
    ),
    "font_cannot_read": (
        "Skriften {filename} kan ikke leses.",
        "The font {filename} cannot be read.",
    ),
    "document_could_laid_out": (
        "Dokumentet kunne ikke settes opp på sidene. Meld fra om feilen.",
        "The document could not be laid out on pages. Please report the error.",
    ),
    "file_name_end_pdf": (
        "filnavnet skal slutte på .pdf",
        "the file name must end in .pdf",
    ),
    "give_both_from_neither": (
        "oppgi både --from og --to, eller ingen av dem",
        "give both --from and --to, or neither",
    ),
    "team_lead_print_report": (
        "Bare en teamleder kan skrive ut denne rapporten.",
        "Only a team lead can print this report.",
    ),
    "team_lead_print_recovery": (
        "Bare en teamleder kan skrive ut gjenopprettingsarket.",
        "Only a team lead can print the recovery sheet.",
    ),
    "enter_journal_recovery_key": (
        "skriv gjenopprettingsnøkkelen til denne journalen",
        "enter this journal's recovery key",
    ),
    "required_report": (
        "må oppgis for denne rapporten",
        "is required for this report",
    ),
    "choose_summary_family_portfolio": (
        "velg summary, family, portfolio eller access-log",
        "choose summary, family, portfolio or access-log",
    ),
    "portfolio_report_needs_from": (
        "porteføljerapporten trenger --from og --to",
        "the portfolio report needs --from and --to",
    ),
    "team_lead_print_access": (
        "Bare en teamleder kan skrive ut innsynsloggen.",
        "Only a team lead can print the access log.",
    ),
    "team_lead_print_portfolio": (
        "Bare en teamleder kan skrive ut porteføljerapporten.",
        "Only a team lead can print the portfolio report.",
    ),
    "start_before_end": (
        "starten må være før slutten",
        "the start must be before the end",
    ),
    "may_at_most_five": (
        "kan være høyst fem år",
        "may be at most five years",
    ),
    "team_lead_print_case": (
        "Bare en teamleder kan skrive ut saksoppsummeringer.",
        "Only a team lead can print case summaries.",
    ),
    # printed for a text of which the fonts draw nothing (a note of only emoji: reports/common.py)
    "nothing_printable": (
        "(tegn som ikke kan skrives ut)",
        "(characters that cannot be printed)",
    ),
}
