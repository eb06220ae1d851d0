"""A study's policy in plain sentences, bokmål or English, for the team lead to read.

The CLI prints them and the client shows them before a profile is imported and before each
export, so the rules are read in words, not as `k = 5`. The last sentence states the journal's
floor, which no profile can go under.
"""

from __future__ import annotations

from samjournal.evaluation import floor
from samjournal.evaluation.profile import Policy

# The tables a bundle may hold, as the team lead calls them.
TABLE_WORDS: dict[str, tuple[str, str]] = {
    "households": ("husstander", "households"),
    "meetings": ("møter", "meetings"),
    "needs": ("behov", "needs"),
    "payments": ("utbetalinger", "payments"),
    "checkins": ("kartlegginger av livskvalitet", "quality-of-life check-ins"),
}


def _kr(amount: int) -> str:
    # 20 000 kr, with a no-break space: bokmål's way, and unambiguous in English too.
    return f"{amount:,}".replace(",", "\u00a0") + " kr"


def policy_sentences(policy: Policy, language: str) -> tuple[str, ...]:
    """What the journal does under `policy` before anything leaves it, one rule a sentence."""
    en = language == "en"
    tables = ", ".join(TABLE_WORDS[t][en] for t in ("households", *policy.tables))
    k, m = policy.k, policy.m
    amount = (_kr(policy.amount_rounding_nok), _kr(policy.amount_top_code_nok))
    budget = (_kr(policy.budget_rounding_nok), _kr(policy.budget_top_code_nok))
    share = f"{policy.max_suppression * 100:.0f}"
    if en:
        place = (
            f"A district is sent only where at least {k} households share it; otherwise only the"
            " municipality."
            if policy.district
            else "Districts are never sent; only the municipality."
        )
        return (
            f"Tables sent: {tables}.",
            "Names, identity numbers, phone numbers, addresses and free text are never sent.",
            f"A household's area, size, number of children and the adults' age groups are the"
            f" same for at least {k} households (k = {k}).",
            f"The study asks that someone who knows up to {m} events of a household (such as a"
            f" payment and a meeting) cannot narrow it down to fewer than {k} households"
            f" (m = {m}). This is not yet checked: the rows of payments, meetings, needs and"
            " check-ins can single a household out, so the bundle is pseudonymised personal"
            " data, for the study's data-processing agreement.",
            f"Amounts are rounded to the nearest {amount[0]}; amounts over {amount[1]} are sent"
            f" as “{amount[1]} or more”.",
            f"Budget frames are rounded to the nearest {budget[0]}; frames over {budget[1]} are"
            f" sent as “{budget[1]} or more”.",
            place,
            f"At most {share} % of the households may have details blanked to reach k.",
            f"The journal's floor, which no study can lower: k at least {floor.MIN_K}, m at"
            f" least {floor.MIN_M}, amounts rounded to at least"
            f" {_kr(floor.MIN_AMOUNT_ROUNDING_NOK)} and capped at no more than"
            f" {_kr(floor.MAX_AMOUNT_TOP_CODE_NOK)}, budget frames rounded to at least"
            f" {_kr(floor.MIN_BUDGET_ROUNDING_NOK)} and capped at no more than"
            f" {_kr(floor.MAX_BUDGET_TOP_CODE_NOK)}.",
        )
    place = (
        f"Bydel sendes bare der minst {k} husstander deler den; ellers bare kommunen."
        if policy.district
        else "Bydel sendes aldri; bare kommunen."
    )
    return (
        f"Tabeller som sendes: {tables}.",
        "Navn, fødselsnummer, telefonnummer, adresser og fritekst sendes aldri.",
        f"Husstandens område, størrelse, antall barn og de voksnes aldersgrupper er like for"
        f" minst {k} husstander (k = {k}).",
        f"Studien ber om at den som kjenner opptil {m} hendelser hos en husstand (for eksempel"
        f" en utbetaling og et møte), ikke skal kunne snevre den inn til færre enn {k}"
        f" husstander (m = {m}). Det kontrolleres ikke ennå: radene med utbetalinger, møter,"
        " behov og kartlegginger kan skille ut en husstand, så pakken er pseudonymiserte"
        " personopplysninger, for studiens databehandleravtale.",
        f"Beløp rundes til nærmeste {amount[0]}; beløp over {amount[1]} sendes som"
        f" «{amount[1]} eller mer».",
        f"Budsjettrammer rundes til nærmeste {budget[0]}; rammer over {budget[1]} sendes som"
        f" «{budget[1]} eller mer».",
        place,
        f"Høyst {share} % av husstandene kan få opplysninger blanket ut for å nå k.",
        f"Journalens minstekrav, som ingen studie kan senke: k minst {floor.MIN_K}, m minst"
        f" {floor.MIN_M}, beløp rundet til minst {_kr(floor.MIN_AMOUNT_ROUNDING_NOK)}"
        f" og med tak på høyst {_kr(floor.MAX_AMOUNT_TOP_CODE_NOK)}, budsjettrammer"
        f" rundet til minst {_kr(floor.MIN_BUDGET_ROUNDING_NOK)} og med tak på høyst"
        f" {_kr(floor.MAX_BUDGET_TOP_CODE_NOK)}.",
    )
