"""Who left and who consented: tombstones of removed records, and the journal's consent and
attrition counts per month."""

from __future__ import annotations

from samjournal.evaluation.tables.schema import HOUSEHOLD, Column, Table, enum_column, month_column
from samjournal.vocabulary import LEFT_OUT, Label

TOMBSTONE_REASONS = LEFT_OUT  # the codebook's categories, in this order
TOMBSTONES = Table(
    "tombstones",
    ("Slettemeldinger", "Tombstones"),
    "Records that must be removed and never come back: a tombstone for a household removes "
    "every row of that household.",
    (
        Column(
            "record_id", "string", ("Pseudonym", "Pseudonym"), "The removed record.", required=True
        ),
        HOUSEHOLD,
        enum_column(
            "table",
            ("Tabell", "Table"),
            "Table of the removed record.",
            [(t, t, t) for t in ("households", "meetings", "needs", "payments", "checkins")],
        ),
        enum_column(
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
    " the journal, released or not. Every month from the first consent to the bundle's is a"
    " row (a month without any: zeros). Replaced whole by every bundle.",
    (
        month_column("month", ("Måned", "Month"), "The calendar month counted", required=True),
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
