"""A study's policy in plain sentences, bokmål or English, for the team lead to read.

The CLI prints them and the client shows them before a profile is imported and before each
export, so the rules are read in words, not as `k = 5`. The last sentence states the journal's
floor, which no profile can go under.
"""

from __future__ import annotations

from samjournal.evaluation import floor
from samjournal.evaluation.profile import Policy
from samjournal.kinds import NeedGroup
from samjournal.vocabulary import in_sentence

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
    groups = "; ".join(in_sentence(g, language) for g in NeedGroup)
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
            f"A household's area, size, number of children, the adults' age groups, when its case"
            f" opened, its status and budget frame are together the same for at least {k}"
            f" households (k = {k}).",
            f"Someone who knows up to {m} events of a household (such as a payment of a given"
            f" size in a given month and a meeting) finds at least {k} households that fit, over"
            f" everything the study has received (m = {m}). Rows that would break this wait"
            " until they fit; households that left are never recalled, and a bundle says only"
            " that they left, never why.",
            f"Amounts are rounded to at least the nearest {amount[0]}; amounts over {amount[1]}"
            f" are sent as “{amount[1]} or more” (the journal may choose coarser rounding and a"
            " lower cap from the data).",
            f"Budget frames are rounded to at least the nearest {budget[0]}; frames over"
            f" {budget[1]} are sent as “{budget[1]} or more”.",
            "Events are dated in days from the household's own start, so the time between them"
            " is exact; the calendar leaves only as the period the case opened: a month, or a"
            " quarter, half-year or year when k needs it. Need categories are sent as recorded,"
            f" in three groups ({groups}), or blanked (*), whichever loses least; the choice"
            " holds for the whole study and never gets finer.",
            place,
            f"Details are blanked (*) for as few households as reaching k allows, at most"
            f" {share} % where the households allow it; when they are too few or too varied for"
            " that, more (the risk report says how many).",
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
        f"Husstandens område, størrelse, antall barn, de voksnes aldersgrupper, når saken"
        f" startet, status og budsjettramme er til sammen like for minst {k} husstander"
        f" (k = {k}).",
        f"Den som kjenner opptil {m} hendelser hos en husstand (for eksempel en utbetaling av"
        f" en viss størrelse en viss måned og et møte), finner minst {k} husstander som passer,"
        f" over alt studien har fått (m = {m}). Rader som ville brutt dette, venter til de"
        " passer; husstander som gikk ut, kalles aldri tilbake, og en pakke sier bare at de"
        " gikk ut, aldri hvorfor.",
        f"Beløp rundes minst til nærmeste {amount[0]}; beløp over {amount[1]} sendes som"
        f" «{amount[1]} eller mer» (journalen kan velge grovere avrunding og lavere tak ut"
        " fra dataene).",
        f"Budsjettrammer rundes minst til nærmeste {budget[0]}; rammer over {budget[1]}"
        f" sendes som «{budget[1]} eller mer».",
        "Hendelser dateres i dager fra husstandens egen start, så tiden mellom dem er eksakt;"
        " kalenderen sendes bare som perioden saken startet: en måned, eller et kvartal,"
        " halvår eller år når k krever det."
        " Behovskategorier sendes som registrert, i tre grupper"
        f" ({groups}) eller blankes ut (*), det som mister minst; valget gjelder hele"
        " studien og blir aldri finere.",
        place,
        f"Opplysninger blankes ut (*) for så få husstander som k tillater, høyst {share} %"
        " der husstandene gjør det mulig; er de for få eller for ulike til det, flere"
        " (risikorapporten sier hvor mange).",
        f"Journalens minstekrav, som ingen studie kan senke: k minst {floor.MIN_K}, m minst"
        f" {floor.MIN_M}, beløp rundet til minst {_kr(floor.MIN_AMOUNT_ROUNDING_NOK)}"
        f" og med tak på høyst {_kr(floor.MAX_AMOUNT_TOP_CODE_NOK)}, budsjettrammer"
        f" rundet til minst {_kr(floor.MIN_BUDGET_ROUNDING_NOK)} og med tak på høyst"
        f" {_kr(floor.MAX_BUDGET_TOP_CODE_NOK)}.",
    )
