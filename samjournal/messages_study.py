"""Messages by key for a study profile, in bokmål and English: reading it, checking it against
the journal's floor (k, m, rounding, caps) and what it must hold.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    "study_profile_asks_k": (
        "Studieprofilen ber om k = {k}, men journalen krever minst k = {min_k}. Be evaluator "
        "om en profil som holder journalens minstekrav.",
        "The study profile asks for k = {k}, but the journal requires at least k = {min_k}. "
        "Ask the evaluator for a profile that meets the journal's floor.",
    ),
    "study_profile_asks_m": (
        "Studieprofilen ber om m = {m}, men journalen krever minst m = {min_m}. Be evaluator "
        "om en profil som holder journalens minstekrav.",
        "The study profile asks for m = {m}, but the journal requires at least m = {min_m}. "
        "Ask the evaluator for a profile that meets the journal's floor.",
    ),
    "study_profile_rounds_amounts": (
        "Studieprofilen runder beløp til {amount_rounding_nok} kr, men journalen krever minst "
        "{min_amount_rounding_nok} kr. Be evaluator om en profil som holder journalens "
        "minstekrav.",
        "The study profile rounds amounts to {amount_rounding_nok} kr, but the journal "
        "requires at least {min_amount_rounding_nok} kr. Ask the evaluator for a profile that "
        "meets the journal's floor.",
    ),
    "study_profile_caps_amounts": (
        "Studieprofilen setter taket for beløp til {amount_top_code_nok} kr, men journalen "
        "tillater høyst {max_amount_top_code_nok} kr. Be evaluator om en profil som holder "
        "journalens minstekrav.",
        "The study profile caps amounts at {amount_top_code_nok} kr, but the journal allows "
        "at most {max_amount_top_code_nok} kr. Ask the evaluator for a profile that meets the "
        "journal's floor.",
    ),
    "study_profile_rounds_budget": (
        "Studieprofilen runder budsjettrammer til {budget_rounding_nok} kr, men journalen "
        "krever minst {min_budget_rounding_nok} kr. Be evaluator om en profil som holder "
        "journalens minstekrav.",
        "The study profile rounds budget frames to {budget_rounding_nok} kr, but the journal "
        "requires at least {min_budget_rounding_nok} kr. Ask the evaluator for a profile that "
        "meets the journal's floor.",
    ),
    "study_profile_caps_budget": (
        "Studieprofilen setter taket for budsjettrammer til {budget_top_code_nok} kr, men "
        "journalen tillater høyst {max_budget_top_code_nok} kr. Be evaluator om en profil som "
        "holder journalens minstekrav.",
        "The study profile caps budget frames at {budget_top_code_nok} kr, but the journal "
        "allows at most {max_budget_top_code_nok} kr. Ask the evaluator for a profile that "
        "meets the journal's floor.",
    ),
    "study_profile_k_max": (
        "Studieprofilen: k skal være høyst 1000.",
        "Study profile: k must be at most 1000.",
    ),
    "study_profile_m_max": (
        "Studieprofilen: m skal være høyst {max_m}.",
        "Study profile: m must be at most {max_m}.",
    ),
    "study_profile_tables_meetings": (
        "Studieprofilen: tabellene kan være meetings, needs, payments og checkins.",
        "Study profile: the tables can be meetings, needs, payments and checkins.",
    ),
    "study_profile_max_suppression": (
        "Studieprofilen: max_suppression skal være mellom 0 og 0.5.",
        "Study profile: max_suppression must be between 0 and 0.5.",
    ),
    "study_profile_municipality_district": (
        "Studieprofilen: navn på kommune og bydeler er for lange.",
        "Study profile: the municipality or district names are too long.",
    ),
    "study_profile_policy_missing": (
        "Studieprofilen: policy mangler.",
        "Study profile: the policy is missing.",
    ),
    "study_profile_id_lower": (
        "Studieprofilen: id skal være små bokstaver, tall, punktum, - eller _ (høyst 63 tegn).",
        "Study profile: the id must be lower-case letters, digits, dots, - or _ (at most 63).",
    ),
    "study_profile_name_missing": (
        "Studieprofilen: navnet mangler eller er for langt.",
        "Study profile: the name is missing or too long.",
    ),
    "study_profile_hidden": (
        "Studieprofilen: navn, organisasjon, kommune eller bydel inneholder usynlige tegn"
        " (kontrolltegn, retningstegn eller linjeskift) som kan få teksten til å se annerledes ut"
        " enn den er.",
        "Study profile: the name, organisation, municipality or a district holds invisible"
        " characters (controls, direction marks or line breaks) that can make the text read"
        " otherwise than it is.",
    ),
    "study_profile_organisation_missing": (
        "Studieprofilen: organisasjonen mangler eller er for lang.",
        "Study profile: the organisation is missing or too long.",
    ),
    "study_profile_needs_at": (
        "Studieprofilen: trenger minst én og høyst 16 age-mottakere.",
        "Study profile: needs at least one and at most 16 age recipients.",
    ),
    "study_profile_too_large": (
        "Studieprofilen er for stor.",
        "The study profile is too large.",
    ),
    "file_samjournal_study_profile": (
        "Filen er ikke en SamJournal-studieprofil.",
        "The file is not a SamJournal study profile.",
    ),
    "study_profile_unknown_version": (
        "Studieprofilen har en ukjent versjon.",
        "The study profile has an unknown version.",
    ),
    "study_profile_fingerprint_does": (
        "Studieprofilens fingeravtrykk stemmer ikke med innholdet: filen er endret eller "
        "skadet. Be evaluator om en ny fil.",
        "The study profile's fingerprint does not match its content: the file has been "
        "changed or damaged. Ask the evaluator for a new file.",
    ),
    "study_profile_unknown_fields": (
        "Studieprofilen har ukjente felt.",
        "The study profile has unknown fields.",
    ),
    "study_profile_cap_smaller": (
        "Studieprofilen: et tak er mindre enn avrundingen under det.",
        "Study profile: a cap is smaller than the rounding below it.",
    ),
    "study_profile_policy_fields": (
        "Studieprofilen: policy har feil felttyper.",
        "Study profile: the policy has fields of the wrong type.",
    ),
    "study_profile_receipt_key": (
        "Studieprofilen: kvitteringsnøkkelen er ugyldig.",
        "Study profile: the receipt key is invalid.",
    ),
    "study_profile_valid_json": (
        "Studieprofilen er ikke gyldig JSON.",
        "The study profile is not valid JSON.",
    ),
    "study_profile_lacks_fields": (
        "Studieprofilen mangler felt eller har feil felttyper.",
        "The study profile lacks fields or has fields of the wrong type.",
    ),
    "cannot_read_study_profile": (
        "Kan ikke lese studieprofilen: {strerror}",
        "Cannot read the study profile: {strerror}",
    ),
    "study_profile_age_recipient": (
        "Studieprofilen: en age-mottaker er ugyldig.",
        "Study profile: an age recipient is invalid.",
    ),
}
