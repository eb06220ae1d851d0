"""The check-in scores' ends in the codebook (and so in .dta, .sav and the R script) are the
instrument's own: trust and participation are not satisfaction (outside review s10)."""

from __future__ import annotations

import pytest

from samjournal.evaluation.table_resources import codebook_rows
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.instruments.default import JOURNAL_DEFAULT


@pytest.mark.parametrize(
    "name",
    ["life_satisfaction", "economy", "housing", "health", "social", "trust", "participation"],
)
def test_a_scores_ends_are_the_instruments(name: str) -> None:
    item = JOURNAL_DEFAULT.item(name)
    assert item is not None
    assert item.low is not None
    assert item.high is not None
    ends = {
        value: (nb, en)
        for table, variable, _, value, nb, en, _ in codebook_rows([DATA_TABLES["checkins"]])
        if (table, variable) == ("checkins", name) and value
    }
    assert ends == {"0": (item.low.nb, item.low.en), "10": (item.high.nb, item.high.en)}
    assert (
        item.low.en.lower()
        in next(c for c in DATA_TABLES["checkins"].columns if c.name == name).description
    )


def test_trust_is_not_labelled_as_satisfaction() -> None:
    labels = {
        (variable, value): en
        for _, variable, _, value, _, en, _ in codebook_rows([DATA_TABLES["checkins"]])
    }
    assert labels[("trust", "0")] == "Not at all"
    assert labels[("participation", "10")] == "Very well"
    assert labels[("economy", "0")] == "Very dissatisfied"


def test_every_label_is_in_sentence_case() -> None:
    """Stata, SPSS and R show these labels as they are: one case, as the journal's own words
    ("Caseworker" stood beside "the family", "open (active or paused)" beside "Active")."""
    lower = sorted(
        {
            label
            for row in codebook_rows(list(DATA_TABLES.values()))
            for label in row[4:6]
            if label[:1].isalpha() and not label[:1].isupper()
        }
    )
    assert lower == []
