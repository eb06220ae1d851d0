"""What a released table is made of: columns with their types, labels and codes, links, and the
columns and codes the tables share (pseudonyms, versions, day offsets, the suppressed mark)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import Respondent
from samjournal.vocabulary import LANGUAGES, Label, in_sentence, label

SUPPRESSED = "*"
# A case's status generalised one step: open (active or paused) or closed. Never starred alone: a
# closed case's closing day is in its row, so "*" would hide nothing (evaluator review, 2026-12-06).
OPEN = "open"
MISSING = ""

Category = tuple[str | int, str, str]  # value, bokmål label, English label


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # frictionless: string, integer, yearmonth
    title: Label  # short label (bokmål, English); Stata and SPSS cut a longer one (stats_files)
    description: str
    required: bool = False
    categories: tuple[Category, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    scale: tuple[Category, ...] = ()  # labelled end points of a numeric scale
    # A day an attacker may take to come no later than the day its bundle was made (a date
    # checked not to be in the future, the day a change was saved, or a date entered for what
    # has happened: a meeting held, a need raised, a payment proposed): with the bundle's date
    # it bounds the index date (samjournal.evaluation.attacker, "the bundles' dates").
    past: bool = False
    # A column whose type or codes do not hold "*" that a suppressed household's rows star all
    # the same: "*" is declared a missing value of the field (told apart from an empty one).
    starred: bool = False

    def field(self, language: str = "nb") -> dict[str, Any]:
        """The Frictionless field, its title and its values' labels in `language`."""
        at = LANGUAGES.index(language)
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "title": self.title[at],
            "description": self.description,
        }
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.categories:
            constraints["enum"] = [c[0] for c in self.categories]
            out["categories"] = [{"value": c[0], "label": c[1 + at]} for c in self.categories]
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.scale:
            out["scale"] = [{"value": c[0], "label": c[1 + at]} for c in self.scale]
        if constraints:
            out["constraints"] = constraints
        if self.starred:
            out["missingValues"] = [MISSING, SUPPRESSED]
        return out


@dataclass(frozen=True, slots=True)
class Link:
    """A column that holds another table's key (empty when the row has no such link)."""

    column: str
    table: str
    key: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: Label  # (bokmål, English); Stata and SPSS cut a longer one (stats_files)
    description: str
    columns: tuple[Column, ...]
    entity: str  # the kind of journal record a row comes from
    links: tuple[Link, ...] = ()  # besides household_id, which every event row has

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def key(self) -> str:
        return self.columns[0].name

    @property
    def version_at(self) -> int:
        """The version is the last column: a row is its content, then its version."""
        return self.header.index("version")


def id_column(name: str, what: Label, required: bool = True, *, link: bool = False) -> Column:
    """`what` the pseudonym stands for (bokmål, English): a bokmål package's Stata, SPSS and R
    labels are bokmål. `link`: it names a row of another event table, which the journal's check
    may hold back (the evaluator's dataset then has * here)."""
    held = f" {SUPPRESSED} when the dataset does not hold that row (held back)." if link else ""
    return Column(
        name,
        "string",
        (f"Pseudonym for {what[0]}", f"Pseudonym for {what[1]}"),
        f"Random per-study pseudonym of the {what[1]}; never the journal's own id.{held}",
        required=required,
    )


HOUSEHOLD = id_column("household_id", ("husstand", "household"))
VERSION = Column(
    "version",
    "integer",
    ("Versjon", "Version"),
    "Version of this row: a higher version replaces a lower one.",
    required=True,
    minimum=1,
)
FLAG = ((0, "Nei", "No"), (1, "Ja", "Yes"))


def month_column(name: str, title: Label, what: str, required: bool = False) -> Column:
    return Column(name, "yearmonth", title, f"{what} (month only, YYYY-MM).", required=required)


INDEX_DATE = "the household's index date: the day its case opened (released only as opened_month)"


TIME_TRANSFORM = (
    "Times: every event time is released as whole days since the household's own index date,"
    " the day its case opened (columns day, *_day; local calendar days), so the shift adds no"
    " error to intervals within a household (0 days). What each day records differs: dates"
    " entered by staff (meetings, raised, paid, closed, check-ins, next meeting; a proposal's"
    " day is its meeting's) and days a change was saved (approved, in progress, met, dropped,"
    " rejected, cancelled), so an interval between the two kinds carries the recording's delay (a"
    " payment recorded after it was paid can show paid before approved). The index date"
    " itself is released only as its month, or coarser (a quarter, half-year or year:"
    " households.opened_month); no other calendar date or month is released, because an"
    " event's month beside its day offset would narrow the index date below a month. A day"
    " an attacker may take to come no later than the bundle's date (every day but a next"
    " meeting's) bounds the index date from above: the release check"
    " counts with that bound, as first released (the bundle's date less the household's latest"
    " such day), and a later row whose day would narrow it further waits until it would not."
)

# Every transform between the journal and the released rows, in the package's own description.
TRANSFORMS = " ".join(
    (
        "Ids: random per-study pseudonyms, never the journal's own ids.",
        "Households: the quasi-identifiers are generalised, and starred where needed, so that"
        " each combination is shared by at least k households (see the risk report).",
        "Amounts and budget frames: rounded and top-coded by the study's policy (the *_top_coded"
        " flags).",
        TIME_TRANSFORM,
        "Check-ins: a wave, 0 for a household's first day with a check-in (baseline), n for"
        " follow-up n; each names its instrument version, and only answers to the study's own"
        " instruments are sent (the journal's own instrument's only when the study's profile"
        " includes it); answers are sensitive values, never quasi-identifiers.",
        f"Cells: empty is missing (not recorded, or not happened yet); {SUPPRESSED} is"
        " suppressed for k-anonymity.",
    )
)


def day_column(
    name: str,
    title: Label | StrEnum,
    what: str,
    required: bool = False,
    past: bool = False,
    starred: bool = False,
) -> Column:
    """A day column; the day a record reached a status is titled by the status's words ("Oppfylt
    dag", "Day met"). Event times are whole days since the household's index date: intervals
    within a household are exact, while the calendar is known only through the opening month."""
    return Column(
        name,
        "integer",
        _status_day(title) if isinstance(title, StrEnum) else title,
        f"{what}: whole days since {INDEX_DATE}; local calendar days, may be negative;"
        " empty when it has not happened, or when the change that holds it still waits (held"
        " back by the release check: the evaluator's rows_by_table.csv counts such changes per"
        " table and journal, changes_waiting).",
        required=required,
        past=past,
        starred=starred,
    )


def _status_day(status: StrEnum) -> Label:
    return f"{label(status, 'nb')} dag", f"Day {in_sentence(status, 'en')}"


def enum_column(
    name: str,
    title: Label,
    what: str,
    values: list[Category],
    required: bool = True,
    starred: bool = False,
) -> Column:
    return Column(
        name, "string", title, what, required=required, categories=tuple(values), starred=starred
    )


def category_labels(enum: Any, nb: dict[str, str]) -> list[Category]:
    return [(m.value, nb[m.value], label(m, "en")) for m in enum]


SIZE_VALUES = ["1", "2", "3", "4", "5", "6+", "1-2", "3-4", "5+", "1+", SUPPRESSED]
CHILDREN_VALUES = ["0", "1", "2", "3", "4+", "1-2", "3+", "1+", SUPPRESSED]
SUPPRESSED_LABEL = ("Skjult (k-anonymitet)", "Suppressed (k-anonymity)")
# An adult's age band when no birth year is recorded (anonymise.age_label): a code in every
# bundle, labelled in the evaluator's codebook.
UNKNOWN_AGE = "ukjent"
UNKNOWN_AGE_LABEL = ("Ukjent (fødselsår ikke registrert)", "Unknown (no birth year recorded)")
# A household's area at the municipality level when its journal names no municipality
# (release.py), and so the name of that level in the risk report (anonymise.AREA_LEVELS): a code
# in the bundles, labelled in the evaluator's codebook (its site column names the municipality).
AREA_WORD = "kommune"
AREA_WORD_LABEL = (
    "Journalens kommune, uten navn (se site)",
    "The journal's municipality, not named (see site)",
)
OPEN_LABEL = ("Åpen (aktiv eller pause)", "Open (active or paused)")
CASEWORKER_LABEL = (label(Respondent.CASEWORKER, "nb"), label(Respondent.CASEWORKER, "en"))

SCORE_SCALE: tuple[Category, ...] = (
    (0, "Svært misfornøyd", "Very dissatisfied"),
    (10, "Svært fornøyd", "Very satisfied"),
)


def score_column(name: str, title: Label, what: str, required: bool = False) -> Column:
    """A 0-10 item of the journal's own instrument, its ends labelled as the instrument labels
    them (trust and participation are not satisfaction)."""
    item = JOURNAL_DEFAULT.item(name)
    scale = SCORE_SCALE
    if item is not None and item.low is not None and item.high is not None:
        scale = ((0, item.low.nb, item.low.en), (10, item.high.nb, item.high.en))
    low, high = (end[2][:1].lower() + end[2][1:] for end in scale)  # in a sentence
    return Column(
        name,
        "integer",
        title,
        f"{what}: self-reported score from 0 ({low}) to 10 ({high}).",
        required=required,
        minimum=0,
        maximum=10,
        scale=scale,
    )
