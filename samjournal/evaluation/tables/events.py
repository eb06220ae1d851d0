"""The event tables: meetings, needs, payments and check-ins, each row a household's event with
its days as offsets from the household's index date."""

from __future__ import annotations

from samjournal.evaluation.tables.schema import (
    CASEWORKER_LABEL,
    FLAG,
    HOUSEHOLD,
    VERSION,
    Column,
    Link,
    Table,
    category_labels,
    day_column,
    enum_column,
    id_column,
    score_column,
)
from samjournal.instruments.model import Occasion
from samjournal.kinds import NeedGroup
from samjournal.model import MeetingKind, NeedCategory, NeedStatus, PaymentMethod, PaymentStatus
from samjournal.vocabulary import DOMAINS, QUESTION, label, labels

MEETING_KINDS = labels(MeetingKind, "nb")
MEETINGS = Table(
    "meetings",
    ("Møter", "Meetings"),
    "Family meetings: when (day since the index date), what kind, and how many took part."
    " No notes.",
    (
        id_column("meeting_id", ("møte", "meeting")),
        HOUSEHOLD,
        day_column(
            "day",
            ("Dag", "Day"),
            "When the meeting was held: the date entered",
            required=True,
            past=True,
        ),
        enum_column(
            "kind",
            ("Møtetype", "Meeting kind"),
            "Kind of meeting.",
            category_labels(MeetingKind, MEETING_KINDS),
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
        day_column(
            "next_meeting_day",
            ("Neste møte (dag)", "Next meeting (day)"),
            "When the next meeting was planned: the date entered",
        ),
        VERSION,
    ),
    "meeting",
)

NEED_CATEGORIES = labels(NeedCategory, "nb")
# A need's category as a study's levels release it (levels.py): as recorded, its group, or *.
NEED_CATEGORY_VALUES = category_labels(NeedCategory, NEED_CATEGORIES) + category_labels(
    NeedGroup, labels(NeedGroup, "nb")
)
_CATEGORY_LEVEL = (
    " As recorded, or for the whole study in three groups or hidden (*), as the risk report's"
    " levels say (need_categories: 0, 1, 2): the journal's choice where exact ones would hold"
    " most needs and payments back."
)
NEED_STATUSES = labels(NeedStatus, "nb")
NEEDS = Table(
    "needs",
    ("Behov", "Needs"),
    "Needs the family raised, by category and status, with the day each step of the status"
    " flow was reached. No descriptions.",
    (
        id_column("need_id", ("behov", "need")),
        HOUSEHOLD,
        enum_column(
            "category",
            ("Kategori", "Category"),
            "Category of need." + _CATEGORY_LEVEL,
            NEED_CATEGORY_VALUES,
            required=False,
            starred=True,
        ),
        enum_column(
            "status",
            ("Status", "Status"),
            "Status of the need.",
            category_labels(NeedStatus, NEED_STATUSES),
        ),
        day_column(
            "day",
            NeedStatus.RAISED,
            "When the need was raised: the date entered",
            required=True,
            past=True,
        ),
        id_column(
            "agreed_meeting_id",
            ("møtet der behovet ble avtalt", "meeting where the need was agreed"),
            required=False,
            link=True,
        ),
        day_column(
            "agreed_day",
            NeedStatus.AGREED,
            "When the need was agreed: its meeting's date entered",
            past=True,
        ),
        day_column(
            "in_progress_day",
            NeedStatus.IN_PROGRESS,
            "When the need was first marked in progress: the day the change was saved, from the"
            " record's history (empty when it never was)",
            past=True,
        ),
        day_column(
            "met_day",
            NeedStatus.MET,
            "When the need was marked met: the day the change was saved, from the record's history",
            past=True,
        ),
        day_column(
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
        id_column("payment_id", ("utbetaling", "payment")),
        HOUSEHOLD,
        id_column(
            "need_id",
            ("behovet utbetalingen gjelder", "need the payment serves"),
            required=False,
            link=True,
        ),
        enum_column(
            "need_category",
            ("Behovskategori", "Need category"),
            "Category of the need the payment serves, as this version of the payment was sent:"
            " where a need's category changed and the payment's new version waits, it may"
            " differ from the need's own (needs.category; join on need_id for the need's)."
            + _CATEGORY_LEVEL,
            NEED_CATEGORY_VALUES,
            required=False,
            starred=True,
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
        enum_column(
            "method",
            ("Betalingsmåte", "Payment method"),
            "How it was paid.",
            category_labels(PaymentMethod, PAYMENT_METHODS),
        ),
        enum_column(
            "status",
            ("Status", "Status"),
            "Status of the payment.",
            category_labels(PaymentStatus, PAYMENT_STATUSES),
        ),
        day_column(
            "day",
            PaymentStatus.PROPOSED,
            "When the payment was proposed: its meeting's date entered, else the day the proposal"
            " was saved",
            required=True,
            past=True,
        ),
        day_column(
            "approved_day",
            PaymentStatus.APPROVED,
            "When the payment was approved: the day the approval was saved",
            past=True,
        ),
        day_column(
            "paid_day",
            PaymentStatus.PAID,
            "When it was paid: the payment date entered, which may come before approved_day when"
            " a payment was recorded after the fact",
            past=True,
        ),
        day_column(
            "rejected_day",
            PaymentStatus.REJECTED,
            "When a team lead rejected the payment: the day it was saved, from the record's"
            " history",
            past=True,
        ),
        day_column(
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

# The wave's value labels, in the occasions' words (vocabulary): 0 the baseline, n follow-up n,
# labelled up to five years of monthly follow-ups (a later one shows its number; 20 stopped a
# monthly study in its second year: evaluator review, 2026-12-08).
_WAVES = (
    (0, label(Occasion.BASELINE, "nb"), label(Occasion.BASELINE, "en")),
    *(
        (n, f"{label(Occasion.FOLLOW_UP, 'nb')} {n}", f"{label(Occasion.FOLLOW_UP, 'en')} {n}")
        for n in range(1, 61)
    ),
)

CHECKINS = Table(
    "checkins",
    ("Kartlegginger", "Check-ins"),
    "Quality-of-life check-ins: life satisfaction and domain scores, 0-10, with the day and"
    " the wave (baseline or follow-up n).",
    (
        id_column("checkin_id", ("kartlegging", "check-in")),
        HOUSEHOLD,
        day_column(
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
            scale=_WAVES,
        ),
        id_column("respondent_id", ("medlemmet som svarte", "member who answered"), required=False),
        enum_column(
            "respondent_role",
            ("Svarte", "Respondent"),
            "Whether an adult or a child answered; empty when not recorded; * when the"
            " household is suppressed.",
            [("adult", "Voksen", "Adult"), ("child", "Barn", "Child")],
            required=False,
            starred=True,
        ),
        score_column(
            "life_satisfaction",
            ("Livstilfredshet", "Life satisfaction"),
            f"{QUESTION[1]} (overall life satisfaction; asked as: {QUESTION[0]}; empty when the"
            " instrument has no such item or it was not answered)",
        ),
        score_column("economy", DOMAINS["economy"], "Satisfaction with the family's economy"),
        score_column("housing", DOMAINS["housing"], "Satisfaction with housing"),
        score_column("health", DOMAINS["health"], "Satisfaction with health"),
        score_column("social", DOMAINS["social"], "Satisfaction with social life"),
        score_column("trust", DOMAINS["trust"], "Trust in the services"),
        score_column("participation", DOMAINS["participation"], "Participation"),
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
        enum_column(
            "occasion",
            ("Anledning", "Occasion"),
            "When in the case the check-in was taken.",
            [(m.value, label(m, "nb"), label(m, "en")) for m in Occasion],
        ),
        enum_column(
            "answered_by",
            ("Svarte (rolle)", "Answered by (role)"),
            "Who answered, as a role: a family member (see respondent_role) or the caseworker.",
            [("family", "Familien", "Family"), ("caseworker", *CASEWORKER_LABEL)],
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
