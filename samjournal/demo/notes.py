"""The words of meeting notes: the family's own words, what was agreed, and reasons given.

Templates use `{placeholders}` that `samjournal.demo.story` fills in: {adult} (the member
speaking), {partner} (the other adult), {child}, {worker} (the family coordinator's first name),
{district}, {club}, {school}, {n} (people in the household), {amount}, {purpose},
{referrer}, {partners}.
"""

from __future__ import annotations

# The family's own words about how things are, by how well they are doing.
MOOD_LOW = (
    "Det har vært noen tunge uker. Jeg orker nesten ikke å åpne posten.",
    "{child} har vært syk, og jeg har ikke fått sove skikkelig.",
    "Jeg er sliten og bekymret for pengene hele tiden.",
    "Vi har kranglet mye hjemme, alle er stresset.",
    "Det føles som om vi står helt stille.",
)
MOOD_MID = (
    "Det går litt opp og ned, men vi klarer oss.",
    "Noen dager er gode, andre er tunge.",
    "Vi har fått bedre rutiner hjemme, og det hjelper.",
    "Hverdagen er travel, men det er bedre enn før.",
)
MOOD_HIGH = (
    "Det går mye bedre nå. {child} trives på skolen.",
    "Jeg har begynt å sove bedre, og det er mer ro hjemme.",
    "Endelig føles det som om vi har litt kontroll på økonomien.",
    "Det betyr mye at noen lytter til oss og ikke bare sier nei.",
    "{child} har fått en god venn i klassen, og det merkes hjemme.",
)
REFERRERS = (
    "helsesykepleieren",
    "læreren til {child}",
    "veilederen på NAV",
    "en venninne som har hatt familiekoordinator",
    "barnehagen",
    "flyktningtjenesten",
)
FIRST_WORDS = "Vi ble tipset om familiekoordinator av {referrer}."
FIRST_AGREED = (
    "Vi ble enige om å møtes jevnlig, og familien forteller selv hva som er viktigst.",
    "Familien ønsker hjemmebesøk; vi møtes omtrent hver tredje uke.",
)
NETWORK_AGREED = "Nettverksmøte med {partners}. Alle stiller seg bak en felles plan."
PHONE_WORDS = ("Kort telefonsamtale; {adult} ringte selv.", "Oppfølging på telefon.")
PAYMENT_AGREED = (
    "Kommunen dekker {purpose} ({amount}).",
    "{worker} legger inn utbetaling: {purpose}, {amount}.",
    "Enighet om å bruke rammen på {purpose} ({amount}).",
)
CLOSING_WORDS = "Vi klarer oss selv nå, og vi vet hvor vi kan ringe om noe skjer."
CLOSING_AGREED = "Saken avsluttes etter felles enighet. Familien kan ta kontakt igjen ved behov."
PAUSE_WORDS = "Vi vil gjerne ha en pause fra møtene en stund."
PAUSE_AGREED = "Oppfølgingen settes på pause etter familiens ønske. {worker} ringer om tre måneder."


CANCEL_REASONS = (
    "Familien fant et rimeligere tilbud.",
    "Kjøpet ble ikke noe av.",
    "Dekket av NAV i stedet.",
    "Familien ønsket ikke å gå videre med dette.",
)
REJECT_REASONS = (
    "Bør dekkes av NAV etter sosialtjenesteloven.",
    "Be familien finne et rimeligere alternativ.",
    "Går utover rammen for tiltaket.",
)
OVER_BUDGET_REASON = "Går over familiens budsjettramme."
CONSENT_AGREED = (
    "Familien har fått informasjonsskrivet om evalueringen, og de voksne samtykker til å være med."
)
WITHDRAW_WORDS = "Vi vil ikke være med i evalueringen lenger, men vil gjerne fortsette samarbeidet."
