"""The passphrase policy: refused by a real strength estimate, with advice in both languages."""

from __future__ import annotations

import pytest

from samjournal.errors import ValidationError
from samjournal.i18n import describe
from samjournal.journal import Journal
from samjournal.model import Role
from samjournal.passphrase import ADVICE, check_passphrase

WEAK = ["aaaaaaaaaa", "passordfrase", "1234567890", "qwertyuiop", "abcdefghij1", "Sommer2026!"]


@pytest.mark.parametrize("passphrase", WEAK)
def test_weak_passphrases_are_refused_with_advice(passphrase: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_passphrase(passphrase)
    assert refused.value.field == "passordfrase"
    advice = refused.value.message.removeprefix("er for lett å gjette: ")
    english_of = dict(ADVICE.values())
    assert advice in english_of
    english = describe(refused.value, "en")
    assert english.startswith("passphrase: is too easy to guess: ")
    assert english.endswith(english_of[advice])


def test_a_passphrase_made_of_the_users_own_name_is_refused() -> None:
    with pytest.raises(ValidationError, match="eget navn"):
        check_passphrase("karinilsen", ("kari", "Kari Nilsen"))


def test_good_passphrases_pass() -> None:
    for passphrase in ("tre blå båter i havna", "korrekt hest batteri stift"):
        assert check_passphrase(passphrase) == passphrase


def test_every_entry_point_refuses_a_weak_passphrase(lead: Journal, journal_dir) -> None:
    with pytest.raises(ValidationError, match="for lett"):
        lead.add_user("ola", "Ola Olsen", Role.CASEWORKER, "aaaaaaaaaaaa")
    with pytest.raises(ValidationError, match="for lett"):
        lead.change_passphrase("leder passordfrase 1", "1234567890")
