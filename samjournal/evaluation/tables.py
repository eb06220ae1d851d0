"""The released tables: columns, types, keys and the codebook, shared by both ends.

The journal writes these columns into every bundle, the evaluator checks them on import and writes
them (with a `journal_id` in front) into its merged data package. Each column carries what R,
Stata, SPSS and pandas need to read it without hand work: a type, a label, and for categories and
scales the values and what they mean. samjournal.evaluation.table_resources publishes them as
Frictionless resources and the codebook's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import Occasion, Respondent
from samjournal.model import (
    FamilyStatus,
    MeetingKind,
    NeedCategory,
    NeedStatus,
    PaymentMethod,
    PaymentStatus,
)
from samjournal.vocabulary import (
    DOMAINS,
    LANGUAGES,
    LEFT_OUT,
    QUESTION,
    Label,
    in_sentence,
    label,
    labels,
)

FORMAT_VERSION = 1
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


def _id(name: str, what: str, required: bool = True, *, link: bool = False) -> Column:
    """`link`: it names a row of another event table, which the journal's check may hold back
    (the evaluator's dataset then has * here)."""
    held = f" {SUPPRESSED} when the dataset does not hold that row (held back)." if link else ""
    return Column(
        name,
        "string",
        (f"Pseudonym for {what}",) * 2,
        f"Random per-study pseudonym of the {what}; never the journal's own id.{held}",
        required=required,
    )


HOUSEHOLD = _id("household_id", "household")
VERSION = Column(
    "version",
    "integer",
    ("Versjon", "Version"),
    "Version of this row: a higher version replaces a lower one.",
    required=True,
    minimum=1,
)
FLAG = ((0, "Nei", "No"), (1, "Ja", "Yes"))


def _month(name: str, title: Label, what: str, required: bool = False) -> Column:
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


def _day(
    name: str, title: Label | StrEnum, what: str, required: bool = False, past: bool = False
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
    )


def _status_day(status: StrEnum) -> Label:
    return f"{label(status, 'nb')} dag", f"Day {in_sentence(status, 'en')}"


def _enum(
    name: str, title: Label, what: str, values: list[Category], required: bool = True
) -> Column:
    return Column(name, "string", title, what, required=required, categories=tuple(values))


def _labels(enum: Any, nb: dict[str, str]) -> list[Category]:
    return [(m.value, nb[m.value], label(m, "en")) for m in enum]


SIZE_VALUES = ["1", "2", "3", "4", "5", "6+", "1-2", "3-4", "5+", "1+", SUPPRESSED]
CHILDREN_VALUES = ["0", "1", "2", "3", "4+", "1-2", "3+", "1+", SUPPRESSED]
SUPPRESSED_LABEL = ("Skjult (k-anonymitet)", "suppressed (k-anonymity)")
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
OPEN_LABEL = ("Åpen (aktiv eller pause)", "open (active or paused)")
_CASEWORKER = (label(Respondent.CASEWORKER, "nb"), label(Respondent.CASEWORKER, "en"))

SCORE_SCALE: tuple[Category, ...] = (
    (0, "Svært misfornøyd", "very dissatisfied"),
    (10, "Svært fornøyd", "very satisfied"),
)


def _score(name: str, title: Label, what: str, required: bool = False) -> Column:
    """A 0-10 item of the journal's own instrument, its ends labelled as the instrument labels
    them (trust and participation are not satisfaction)."""
    item = JOURNAL_DEFAULT.item(name)
    scale = SCORE_SCALE
    if item is not None and item.low is not None and item.high is not None:
        scale = ((0, item.low.nb, item.low.en.lower()), (10, item.high.nb, item.high.en.lower()))
    return Column(
        name,
        "integer",
        title,
        f"{what}: self-reported score from 0 ({scale[0][2]}) to 10 ({scale[1][2]}).",
        required=required,
        minimum=0,
        maximum=10,
        scale=scale,
    )


HOUSEHOLDS = Table(
    "households",
    ("Husstander", "Households"),
    "One row per consented household released, every one in every bundle (a new household that"
    " does not fit k yet waits in its journal: journals.csv counts them). Its fields an attacker"
    " may know (area, household_size, children, adult_ages, opened_month, status,"
    " budget_frame_nok) are generalised, and starred where needed, so that every combination is"
    " shared by at least k households.",
    (
        HOUSEHOLD,
        Column(
            "area",
            "string",
            ("Område", "Area"),
            "The municipality, or the district when that is safe; * when suppressed.",
            required=True,
        ),
        _enum(
            "household_size",
            ("Husstandens størrelse", "Household size"),
            "Number of members (adults and children), possibly banded.",
            [(v, v, v) if v != SUPPRESSED else (v, *SUPPRESSED_LABEL) for v in SIZE_VALUES],
        ),
        _enum(
            "children",
            ("Antall barn", "Number of children"),
            "Number of children under 18, possibly banded.",
            [(v, v, v) if v != SUPPRESSED else (v, *SUPPRESSED_LABEL) for v in CHILDREN_VALUES],
        ),
        Column(
            "adult_ages",
            "string",
            ("Voksnes aldersgrupper", "Adults' age bands"),
            "Age bands of the adults, youngest first, separated by |; bands are 18-29, 30-39, ...,"
            f" or 18-39, 40-59, 60+, or 18+; {UNKNOWN_AGE!r} when no birth year is recorded; * when"
            " suppressed.",
            required=True,
        ),
        _enum(
            "status",
            ("Status", "Status"),
            "Case status: active, paused or closed; open (active or paused) where k needs it"
            " coarser; * when the household is suppressed (its closed_day is then empty too).",
            [
                *_labels(FamilyStatus, labels(FamilyStatus, "nb")),
                (OPEN, *OPEN_LABEL),
                (SUPPRESSED, *SUPPRESSED_LABEL),
            ],
        ),
        Column(
            "opened_month",
            "string",
            ("Startperiode", "Start period"),
            "When the family started: the period of the index date every day column counts"
            " from, the only calendar position released: a month (YYYY-MM), quarter (YYYY-Qn),"
            " half-year (YYYY-Hn) or year (YYYY), as coarse as k allows; * when suppressed.",
            required=True,
        ),
        _day(
            "closed_day",
            FamilyStatus.CLOSED,
            "When the case was closed: the closing date entered",
            past=True,
        ),
        Column(
            "budget_frame_nok",
            "integer",
            ("Budsjettramme (kr)", "Budget frame (NOK)"),
            "Yearly budget frame in NOK, rounded and top-coded by the study's policy; a frame"
            " above 0 is never 0.",
            required=True,
            minimum=0,
        ),
        Column(
            "budget_top_coded",
            "integer",
            ("Budsjett toppkodet", "Budget top-coded"),
            "1 when the budget frame shown is the top code: the frame, rounded, reached it (so"
            " from half a rounding step below it).",
            required=True,
            categories=FLAG,
        ),
        VERSION,
    ),
    "family",
)

MEETING_KINDS = labels(MeetingKind, "nb")
MEETINGS = Table(
    "meetings",
    ("Møter", "Meetings"),
    "Family meetings: when (day since the index date), what kind, and how many took part."
    " No notes.",
    (
        _id("meeting_id", "meeting"),
        HOUSEHOLD,
        _day(
            "day",
            ("Dag", "Day"),
            "When the meeting was held: the date entered",
            required=True,
            past=True,
        ),
        _enum(
            "kind",
            ("Møtetype", "Meeting kind"),
            "Kind of meeting.",
            _labels(MeetingKind, MEETING_KINDS),
        ),
        Column(
            "family_participants",
            "integer",
            ("Familiedeltakere", "Family participants"),
            "How many family members took part.",
            required=True,
            minimum=0,
        ),
        Column(
            "staff_participants",
            "integer",
            ("Ansatte", "Staff"),
            "How many staff took part.",
            required=True,
            minimum=0,
        ),
        Column(
            "partner_participants",
            "integer",
            ("Samarbeidspartnere", "Partners"),
            "How many partners (school, NAV, ...) took part.",
            required=True,
            minimum=0,
        ),
        _day(
            "next_meeting_day",
            ("Neste møte (dag)", "Next meeting (day)"),
            "When the next meeting was planned: the date entered",
        ),
        VERSION,
    ),
    "meeting",
)

NEED_CATEGORIES = labels(NeedCategory, "nb")
NEED_STATUSES = labels(NeedStatus, "nb")
NEEDS = Table(
    "needs",
    ("Behov", "Needs"),
    "Needs the family raised, by category and status, with the day each step of the status"
    " flow was reached. No descriptions.",
    (
        _id("need_id", "need"),
        HOUSEHOLD,
        _enum(
            "category",
            ("Kategori", "Category"),
            "Category of need.",
            _labels(NeedCategory, NEED_CATEGORIES),
        ),
        _enum(
            "status",
            ("Status", "Status"),
            "Status of the need.",
            _labels(NeedStatus, NEED_STATUSES),
        ),
        _day(
            "day",
            NeedStatus.RAISED,
            "When the need was raised: the date entered",
            required=True,
            past=True,
        ),
        _id("agreed_meeting_id", "meeting where the need was agreed", required=False, link=True),
        _day(
            "agreed_day",
            NeedStatus.AGREED,
            "When the need was agreed: its meeting's date entered",
            past=True,
        ),
        _day(
            "in_progress_day",
            NeedStatus.IN_PROGRESS,
            "When the need was first marked in progress: the day the change was saved, from the"
            " record's history (empty when it never was)",
            past=True,
        ),
        _day(
            "met_day",
            NeedStatus.MET,
            "When the need was marked met: the day the change was saved, from the record's history",
            past=True,
        ),
        _day(
            "dropped_day",
            NeedStatus.DROPPED,
            "When the need was dropped: the day the change was saved, from the record's history",
            past=True,
        ),
        VERSION,
    ),
    "need",
    (Link("agreed_meeting_id", "meetings", "meeting_id"),),
)

PAYMENT_METHODS = labels(PaymentMethod, "nb")
PAYMENT_STATUSES = labels(PaymentStatus, "nb")
PAYMENTS = Table(
    "payments",
    ("Utbetalinger", "Payments"),
    "Flexible payments: amount (rounded, top-coded), method, status, the need they serve and"
    " the days they were proposed, approved, paid, rejected or cancelled, so the steps from an"
    " agreed need (needs.agreed_day) to a proposal, approval and payment are intervals in days."
    " No purposes or vouchers.",
    (
        _id("payment_id", "payment"),
        HOUSEHOLD,
        _id("need_id", "need the payment serves", required=False, link=True),
        _enum(
            "need_category",
            ("Behovskategori", "Need category"),
            "Category of the need the payment serves.",
            _labels(NeedCategory, NEED_CATEGORIES),
            required=False,
        ),
        Column(
            "amount_nok",
            "integer",
            ("Beløp (kr)", "Amount (NOK)"),
            "Amount in NOK, rounded and top-coded by the study's policy; an amount above 0 is"
            " never 0 (under one and a half rounding steps it is one step).",
            required=True,
            minimum=0,
        ),
        Column(
            "amount_top_coded",
            "integer",
            ("Beløp toppkodet", "Amount top-coded"),
            "1 when the amount shown is the top code: the amount, rounded, reached it (so from"
            " half a rounding step below it).",
            required=True,
            categories=FLAG,
        ),
        _enum(
            "method",
            ("Betalingsmåte", "Payment method"),
            "How it was paid.",
            _labels(PaymentMethod, PAYMENT_METHODS),
        ),
        _enum(
            "status",
            ("Status", "Status"),
            "Status of the payment.",
            _labels(PaymentStatus, PAYMENT_STATUSES),
        ),
        _day(
            "day",
            PaymentStatus.PROPOSED,
            "When the payment was proposed: its meeting's date entered, else the day the proposal"
            " was saved",
            required=True,
            past=True,
        ),
        _day(
            "approved_day",
            PaymentStatus.APPROVED,
            "When the payment was approved: the day the approval was saved",
            past=True,
        ),
        _day(
            "paid_day",
            PaymentStatus.PAID,
            "When it was paid: the payment date entered, which may come before approved_day when"
            " a payment was recorded after the fact",
            past=True,
        ),
        _day(
            "rejected_day",
            PaymentStatus.REJECTED,
            "When a team lead rejected the payment: the day it was saved, from the record's"
            " history",
            past=True,
        ),
        _day(
            "cancelled_day",
            PaymentStatus.CANCELLED,
            "When the payment was cancelled (before or after approval): the day it was saved, from"
            " the record's history",
            past=True,
        ),
        VERSION,
    ),
    "payment",
    (Link("need_id", "needs", "need_id"),),
)

CHECKINS = Table(
    "checkins",
    ("Kartlegginger", "Check-ins"),
    "Quality-of-life check-ins: life satisfaction and domain scores, 0-10, with the day and"
    " the wave (baseline or follow-up n).",
    (
        _id("checkin_id", "check-in"),
        HOUSEHOLD,
        _day(
            "day",
            ("Dag", "Day"),
            "When the check-in was answered: the date entered",
            required=True,
            past=True,
        ),
        Column(
            "wave",
            "integer",
            ("Måling", "Wave"),
            "0 = baseline (the household's first day with a check-in), n = follow-up n (its"
            " n-th later day with one); everyone answering on the same day shares the wave."
            " Counted over every check-in the journal holds, released or not: where the"
            " baseline still waits (held back), the household's released waves start at 1.",
            required=True,
            minimum=0,
            scale=((0, "Baseline", "baseline"), (1, "Første oppfølging", "first follow-up")),
        ),
        _id("respondent_id", "member who answered", required=False),
        _enum(
            "respondent_role",
            ("Svarte", "Respondent"),
            "Whether an adult or a child answered; empty when not recorded or suppressed.",
            [("adult", "Voksen", "adult"), ("child", "Barn", "child")],
            required=False,
        ),
        _score(
            "life_satisfaction",
            ("Livstilfredshet", "Life satisfaction"),
            f"{QUESTION[1]} (overall life satisfaction; asked as: {QUESTION[0]}; empty when the"
            " instrument has no such item or it was not answered)",
        ),
        _score("economy", DOMAINS["economy"], "Satisfaction with the family's economy"),
        _score("housing", DOMAINS["housing"], "Satisfaction with housing"),
        _score("health", DOMAINS["health"], "Satisfaction with health"),
        _score("social", DOMAINS["social"], "Satisfaction with social life"),
        _score("trust", DOMAINS["trust"], "Trust in the services"),
        _score("participation", DOMAINS["participation"], "Participation"),
        Column(
            "instrument_id",
            "string",
            ("Spørreskjema", "Instrument"),
            "The instrument (set of questions) answered; its items are in the answers_*"
            " table of its version and in the codebook.",
            required=True,
        ),
        Column(
            "instrument_version",
            "integer",
            ("Skjemaversjon", "Instrument version"),
            "The instrument's version: answers are read against the questions of this version.",
            required=True,
            minimum=1,
        ),
        _enum(
            "occasion",
            ("Anledning", "Occasion"),
            "When in the case the check-in was taken.",
            [(m.value, label(m, "nb"), label(m, "en")) for m in Occasion],
        ),
        _enum(
            "answered_by",
            ("Svarte (rolle)", "Answered by (role)"),
            "Who answered, as a role: a family member (see respondent_role) or the caseworker.",
            [("family", "Familien", "the family"), ("caseworker", *_CASEWORKER)],
        ),
        Column(
            "answers",
            "string",
            ("Svar", "Answers"),
            "Every answer as item=value separated by ';' (not answered: left out); the"
            " evaluator's package spreads them into one column per item in the answers_* table"
            " of the instrument version.",
        ),
        VERSION,
    ),
    "checkin",
)

TOMBSTONE_REASONS = LEFT_OUT  # the codebook's categories, in this order
TOMBSTONES = Table(
    "tombstones",
    ("Gravsteiner", "Tombstones"),
    "Records that must be removed and never come back: a tombstone for a household removes "
    "every row of that household.",
    (
        Column(
            "record_id", "string", ("Pseudonym", "Pseudonym"), "The removed record.", required=True
        ),
        HOUSEHOLD,
        _enum(
            "table",
            ("Tabell", "Table"),
            "Table of the removed record.",
            [(t, t, t) for t in ("households", "meetings", "needs", "payments", "checkins")],
        ),
        _enum(
            "reason",
            ("Grunn", "Reason"),
            "Why it was removed.",
            [(k, nb, en) for k, (nb, en) in TOMBSTONE_REASONS.items()],
        ),
    ),
    "tombstone",
)


def _count(name: str, title: Label, what: str) -> Column:
    return Column(name, "integer", title, what, required=True, minimum=0)


# Consent and attrition of the whole journal, as counts per calendar month: no household, no
# pseudonym, so the month cannot narrow any household's index date. Sent whole in every bundle.
CONSENT_COUNTS = Table(
    "consent_counts",
    ("Samtykke og frafall", "Consent and attrition"),
    "Consent and attrition per month for the whole journal, counts only (never who): consents"
    " given and withdrawn, households whose first consent was given, and households that left the"
    " study by a withdrawal (by the month of their last withdrawal). Counted over every family of"
    " the journal, released or not. Replaced whole by every bundle.",
    (
        _month("month", ("Måned", "Month"), "The calendar month counted", required=True),
        _count(
            "consents_given",
            ("Samtykker gitt", "Consents given"),
            "Consents (one per adult) given that month.",
        ),
        _count(
            "consents_withdrawn",
            ("Samtykker trukket", "Consents withdrawn"),
            "Consents withdrawn that month.",
        ),
        _count(
            "households_joined",
            ("Husstander inn", "Households joined"),
            "Households whose first consent for the study was given that month.",
        ),
        _count(
            "households_withdrawn",
            ("Husstander trukket", "Households withdrawn"),
            "Households out of the study now because consent was withdrawn, by the month of the"
            " last withdrawal.",
        ),
    ),
    "consent",
)

DATA_TABLES: dict[str, Table] = {
    t.name: t for t in (HOUSEHOLDS, MEETINGS, NEEDS, PAYMENTS, CHECKINS)
}
ALL_TABLES: dict[str, Table] = {
    **DATA_TABLES,
    TOMBSTONES.name: TOMBSTONES,
    CONSENT_COUNTS.name: CONSENT_COUNTS,
}


def table_title(name: str, language: str) -> str:
    """A bundle table's title in `language`, as its data package gives it: the one word for it
    on screen, in reports and in the bundle (a name not known is given back as it is)."""
    found = ALL_TABLES.get(name)
    return found.title[LANGUAGES.index(language)] if found is not None else name


# The household fields an attacker is assumed to know all of (samjournal.evaluation.attacker).
QUASI_IDENTIFIERS = (
    "area",
    "household_size",
    "children",
    "adult_ages",
    "opened_month",
    "status",
    "budget_frame_nok",
)
