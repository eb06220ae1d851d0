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
    assert ends == {
        "0": (item.low.nb, item.low.en.lower()),
        "10": (item.high.nb, item.high.en.lower()),
    }
    assert (
        item.low.en.lower()
        in next(c for c in DATA_TABLES["checkins"].columns if c.name == name).description
    )


def test_trust_is_not_labelled_as_satisfaction() -> None:
    labels = {
        (variable, value): en
        for _, variable, _, value, _, en, _ in codebook_rows([DATA_TABLES["checkins"]])
    }
    assert labels[("trust", "0")] == "not at all"
    assert labels[("participation", "10")] == "very well"
    assert labels[("economy", "0")] == "very dissatisfied"
