from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.no import fodselsnummer as reference

from samjournal import nin
from samjournal.errors import ValidationError

TODAY = dt.date(2026, 11, 27)
AFTER_2032 = dt.date(2032, 6, 1)


def _with_checks(first_nine: str, k1_rest: int = 0) -> str | None:
    """Append check digits; `k1_rest` picks one of the 2032 rule's four first check digits."""
    digits = [int(c) for c in first_nine]
    s1 = sum(d * w for d, w in zip(digits, (3, 7, 6, 1, 8, 9, 4, 5, 2), strict=True))
    k1 = (11 + k1_rest - s1 % 11) % 11
    if k1 == 10:
        return None
    s2 = sum(d * w for d, w in zip([*digits, k1], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    k2 = (11 - s2 % 11) % 11
    if k2 == 10:
        return None
    return f"{first_nine}{k1}{k2}"


def test_known_valid_numbers() -> None:
    assert nin.validate("151086 95088", today=TODAY) == ("15108695088", nin.NinKind.FODSELSNUMMER)


def test_d_number_is_recognised() -> None:
    number = _with_checks("550190" + "123")  # 15 Jan 1990 as a D-number
    assert number is not None
    assert nin.validate(number, today=TODAY) == (number, nin.NinKind.D_NUMMER)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1510869508", "11 siffer"),
        ("15108695077", "kontrollsifrene"),
        ("abcdefghijk", "11 siffer"),
        ("320186" + "95088", "kontrollsifrene"),
    ],
)
def test_invalid_numbers_say_why(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as info:
        nin.validate(text, today=TODAY)
    assert info.value.field == "fødselsnummer"


def test_future_birth_date_is_refused() -> None:
    number = _with_checks("010130" + "999")  # born 1 Jan 2030
    assert number is not None
    with pytest.raises(ValidationError, match="fram i tid"):
        nin.validate(number, today=TODAY)


# Skatteetaten's worked examples for numbers issued from 1 January 2032.
@pytest.mark.parametrize("number", ["02013299997", "30108299920", "30108299939"])
def test_2032_rule_examples(number: str) -> None:
    assert nin.validate(number, today=AFTER_2032)[0] == number


def test_relaxed_first_check_digit_only_from_2032() -> None:
    with pytest.raises(ValidationError, match="kontrollsifrene"):
        nin.validate("30108299939", today=TODAY)  # remainder 1: not issued before 2032
    assert nin.validate("30108299920", today=TODAY)  # remainder 0: valid under both rules


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2025, 12, 31)),
    st.integers(0, 999),
)
def test_agrees_with_python_stdnum_on_old_rule(birth: dt.date, individual: int) -> None:
    number = _with_checks(birth.strftime("%d%m%y") + f"{individual:03d}")
    if number is None:
        return
    ours = True
    try:
        nin.validate(number, today=TODAY)
    except ValidationError:
        ours = False
    assert ours == reference.is_valid(number)


@given(st.text(max_size=30))
def test_any_text_is_valid_or_a_validation_error(text: str) -> None:
    try:
        number, _kind = nin.validate(text, today=TODAY)
    except ValidationError as exc:
        assert exc.field == "fødselsnummer"  # noqa: PT017 - either outcome is checked
    else:
        assert len(number) == 11
        assert number.isdigit()


def test_mask_keeps_only_the_birth_date() -> None:
    assert nin.mask("15108695088") == "151086 *****"
