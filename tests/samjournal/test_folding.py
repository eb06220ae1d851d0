"""The search's folding rule: which spellings of a word are one (samjournal/folding.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.folding import fold

# Letters the rule is about, their neighbours, other marks, and what separates words.
NORWEGIAN = st.text(alphabet="aeoøæåAEOØÆÅbdgnrsélüÜ -'", max_size=30)


@pytest.mark.parametrize(
    ("spellings", "folded"),
    [
        (["Ødegård", "Odegard", "Oedegaard", "ODEGAARD", "ødegard"], "odegard"),
        (["Åsen", "Aasen", "Asen", "AASEN"], "asen"),
        (["Håkon", "Haakon", "Hakon"], "hakon"),
        (["Sæther", "Saether", "SÆTHER"], "saether"),
        (["Müller", "Muller", "MÜLLER"], "muller"),
        (["Ørjan Bø", "Oerjan Boe"], "orjan bo"),
    ],
)
def test_the_ways_a_name_is_written_fold_alike(spellings: list[str], folded: str) -> None:
    assert {fold(s) for s in spellings} == {folded}


def test_ae_is_not_a() -> None:
    """æ is typed as ae; folding ae to a would make Michael and Michal one name."""
    assert fold("Sæther") != fold("Sather")
    assert fold("Michael") != fold("Michal")


@given(st.text(max_size=40))
def test_folding_twice_changes_nothing(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(NORWEGIAN, NORWEGIAN)
def test_a_word_typed_so_far_folds_to_a_start_of_the_word(typed: str, rest: str) -> None:
    """Search as you type: each keystroke's text still finds the word being typed."""
    assert fold(typed + rest).startswith(fold(typed))
