"""The journal's own instrument, "Innbyggernes modell", built from the pilot's findings.

Where each wording comes from:
- `life_satisfaction`: the journal's existing overall question ("Hvor fornøyd er du med livet
  ditt alt i alt?", vocabulary.QUESTION), the 0-10 life-satisfaction item of SSB's quality-of-life
  survey, anchored at its ends as there. `economy`, `housing`, `health`, `social`, `trust` and
  `participation` are the six domains the journal has always asked (vocabulary.DOMAINS), kept
  with the same ids so old check-ins, the trend chart and the reports read them unchanged; each
  is now a full question instead of a bare label. `trust` and `participation` are not asked as
  satisfaction, so they have their own ends: trust from "not at all" to "completely" (as SSB's
  trust questions run from none to full trust), participation from "very poorly" to "very
  well", the words of the question.
- `belonging`, `citizen`, `society`: the SAMVERDI article's first finding, changes in
  "citizenship and participation in society", asked as agreement with plain statements.
- `help_time`, `help_place`, `help_means`: the second finding, "helpful help at the right time,
  in the right place, with the right means", one statement each so the family rates them apart.
- `owe_gratitude`, `worry_end`, `unfair`: the third finding's paradoxes: gratitude debt (feeling
  one owes the municipality), insecurity about what happens when support ends, and a feeling of
  being treated unfairly compared with others. Plain first-person statements to agree or
  disagree with (a "sometimes" in them would read awkwardly against an agreement scale), under
  a heading that says these things can be hard, never as a fault, so a family can agree
  without shame.
- `money_other`, `money_other_what`: the third finding's "money used otherwise than intended",
  asked of the caseworker, not the family, as a fact about the agreement (no blame), with a
  category, under a short heading (the question says what is counted, not who is to blame).
- `child_life`, `child_heard`: children from 10 answer in their own words: the overall
  question in a child's phrasing (under the same "Livskvalitet" heading as the adults' first
  question) and whether the adults listen, the participation domain seen from the child, under
  its own heading.
"""

from __future__ import annotations

from samjournal.instruments.kinds import AnswerType, Respondent
from samjournal.instruments.model import Choice, Instrument, Item, Schedule, Text

_ADULT, _CHILD, _CASEWORKER = Respondent.ADULT, Respondent.CHILD, Respondent.CASEWORKER
_LOW_10 = Text("Svært misfornøyd", "Very dissatisfied", "Svært misnøgd")
_HIGH_10 = Text("Svært fornøyd", "Very satisfied", "Svært nøgd")
_LOW_5 = Text("Helt uenig", "Completely disagree", "Heilt usamd")
_HIGH_5 = Text("Helt enig", "Completely agree", "Heilt samd")
_LIFE = Text("Livskvalitet", "Quality of life", "Livskvalitet")
_SOCIETY = Text("Å høre til", "Belonging", "Å høyre til")
_HELP = Text("Hjelpen dere har fått", "The help you have had", "Hjelpa de har fått")
_HARD = Text(
    "Det som kan være vanskelig",
    "What can be difficult",
    "Det som kan vere vanskeleg",
)
_MONEY = Text("Bruken av pengene", "How the money was used", "Bruken av pengane")
_HEARD = Text("Å bli hørt", "Being heard", "Å bli høyrd")
# Trust and participation are not satisfaction: their ends say what the question asks.
_TRUST = (
    Text("Ikke i det hele tatt", "Not at all", "Ikkje i det heile"),
    Text("Fullt og helt", "Completely", "Fullt og heilt"),
)
_TAKE_PART = (
    Text("Svært dårlig", "Very poorly", "Svært dårleg"),
    Text("Svært godt", "Very well", "Svært godt"),
)


def _scale(
    ident: str, nb: str, en: str, nn: str = "", ends: tuple[Text, Text] = (_LOW_10, _HIGH_10)
) -> Item:
    return Item(
        ident,
        Text(nb, en, nn),
        AnswerType.SCALE_0_10,
        _ADULT,
        low=ends[0],
        high=ends[1],
        section=_LIFE,
    )


def _agree(ident: str, section: Text, nb: str, en: str, who: Respondent = _ADULT) -> Item:
    return Item(
        ident,
        Text(nb, en),
        AnswerType.AGREE_1_5,
        who,
        min_age=10 if who is _CHILD else None,
        low=_LOW_5,
        high=_HIGH_5,
        section=section,
    )


_CATEGORIES = (
    (
        "daily",
        "Andre daglige behov (mat, klær, regninger)",
        "Other daily needs (food, clothes, bills)",
    ),
    ("debt", "Gjeld eller inkasso", "Debt or debt collection"),
    ("children", "Barnas aktiviteter eller utstyr", "The children's activities or equipment"),
    ("housing", "Bolig", "Housing"),
    ("transport", "Transport", "Transport"),
    ("health", "Helse", "Health"),
    ("other", "Annet", "Other"),
    ("unknown", "Vet ikke", "Don't know"),
)

INNBYGGERNES_MODELL = Instrument(
    id="innbyggernes-modell",
    version=1,
    title=Text("Innbyggernes modell", "The citizens' model", "Innbyggjarane sin modell"),
    items=(
        _scale(
            "life_satisfaction",
            "Hvor fornøyd er du med livet ditt alt i alt?",
            "All things considered, how satisfied are you with your life as a whole?",
            "Kor nøgd er du med livet ditt alt i alt?",
        ),
        _scale(
            "economy",
            "Hvor fornøyd er du med økonomien din?",
            "How satisfied are you with your finances?",
        ),
        _scale(
            "housing",
            "Hvor fornøyd er du med der du bor?",
            "How satisfied are you with where you live?",
        ),
        _scale(
            "health", "Hvor fornøyd er du med helsa di?", "How satisfied are you with your health?"
        ),
        _scale(
            "social",
            "Hvor fornøyd er du med forholdet til familie og venner?",
            "How satisfied are you with your relations with family and friends?",
        ),
        _scale(
            "trust",
            "Hvor mye stoler du på at tjenestene vil hjelpe deg når du trenger det?",
            "How much do you trust the services to help you when you need it?",
            ends=_TRUST,
        ),
        _scale(
            "participation",
            "Hvor godt får du være med og bestemme i din egen sak?",
            "How well do you get to take part in deciding your own case?",
            ends=_TAKE_PART,
        ),
        _agree(
            "belonging",
            _SOCIETY,
            "Jeg føler at jeg hører til i samfunnet rundt meg.",
            "I feel that I belong in the community around me.",
        ),
        _agree(
            "citizen",
            _SOCIETY,
            "Jeg blir møtt som en innbygger med de samme rettighetene som andre.",
            "I am met as a citizen with the same rights as others.",
        ),
        _agree(
            "society",
            _SOCIETY,
            "Jeg er med på ting utenfor hjemmet (arbeid, skole, frivillig arbeid, fritid).",
            "I take part in things outside the home (work, school, volunteering, leisure).",
        ),
        _agree(
            "help_time",
            _HELP,
            "Hjelpen kom da vi trengte den.",
            "The help came when we needed it.",
        ),
        _agree(
            "help_place",
            _HELP,
            "Hjelpen ble gitt der det passet for oss.",
            "The help was given where it suited us.",
        ),
        _agree(
            "help_means",
            _HELP,
            "Hjelpen var den rette for det vi trengte.",
            "The help was the right kind for what we needed.",
        ),
        _agree(
            "owe_gratitude",
            _HARD,
            "Jeg føler at jeg skylder kommunen noe for hjelpen vi har fått.",
            "I feel that I owe the municipality something for the help we have had.",
        ),
        _agree(
            "worry_end",
            _HARD,
            "Jeg er urolig for hva som skjer når støtten tar slutt.",
            "I worry about what will happen when the support ends.",
        ),
        _agree(
            "unfair",
            _HARD,
            "Jeg føler at vi blir behandlet annerledes enn andre, på en måte som ikke er"
            " rettferdig.",
            "I feel that we are treated differently from others in a way that is not fair.",
        ),
        Item(
            "money_other",
            Text(
                "Har noe av pengene siden forrige kartlegging blitt brukt til noe annet enn det"
                " som ble avtalt?",
                "Since the last check-in, has any of the money been used for something other"
                " than what was agreed?",
            ),
            AnswerType.YES_NO,
            _CASEWORKER,
            section=_MONEY,
        ),
        Item(
            "money_other_what",
            Text("Hvis ja: hva gikk pengene til?", "If so: what did the money go to?"),
            AnswerType.CHOICE,
            _CASEWORKER,
            choices=tuple(Choice(i, Text(nb, en)) for i, nb, en in _CATEGORIES),
            section=_MONEY,
            only_if_yes="money_other",
        ),
        Item(
            "child_life",
            Text("Hvor bra har du det nå for tiden?", "How are you doing these days?"),
            AnswerType.SCALE_0_10,
            _CHILD,
            min_age=10,
            low=Text("Veldig dårlig", "Very bad"),
            high=Text("Veldig bra", "Very good"),
            section=_LIFE,
        ),
        _agree(
            "child_heard",
            _HEARD,
            "De voksne hører på meg når vi snakker om hva familien trenger.",
            "The adults listen to me when we talk about what the family needs.",
            _CHILD,
        ),
    ),
    schedule=Schedule(baseline=True, follow_up_months=6, at_closing=True),
)

# The journal's own instrument, asked when none of a family's studies holds one.
JOURNAL_DEFAULT = INNBYGGERNES_MODELL

# The items whose answers the trend chart and the reports read as Checkin.life_satisfaction /
# Checkin.domains: any instrument that keeps these ids feeds them.
SCORE_ITEMS = (
    "life_satisfaction",
    "economy",
    "housing",
    "health",
    "social",
    "trust",
    "participation",
)
