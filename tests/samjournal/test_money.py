from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.money import MAX_ORE, Money
from tests.conftest import Template


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("1 234,50", 123450),
        ("1234.5", 123450),
        ("1\u00a0234", 123400),
        ("kr 250", 25000),
        ("250 kr", 25000),
        ("250,-", 25000),
        ("0,05", 5),
        ("12 345 678", 1234567800),
        ("-250", -25000),
        ("\u22120,05\u00a0kr", -5),
    ],
)
def test_parse_norwegian_forms(text: str, ore: int) -> None:
    assert Money.parse(text) == Money(ore)


@pytest.mark.parametrize(
    "text", ["", "abc", "1,234", "1 23", "12,345", "--5", "\u2212-5", "1e5", "١٢٣"]
)
def test_parse_rejects_with_field_name(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        Money.parse(text, field="beløp")
    assert info.value.field == "beløp"


def test_format_uses_norwegian_grouping_and_comma() -> None:
    assert Money(123456789).format() == "1\u00a0234\u00a0567,89\u00a0kr"
    assert Money(-5).format(symbol=False) == "−0,05"


@given(st.integers(min_value=-MAX_ORE, max_value=MAX_ORE))
def test_format_then_parse_round_trips(ore: int) -> None:
    assert Money.parse(Money(ore).format()) == Money(ore)


@given(st.integers(-(10**9), 10**9), st.integers(-(10**9), 10**9))
def test_arithmetic_is_exact_in_ore(a: int, b: int) -> None:
    assert (Money(a) + Money(b)).ore == a + b
    assert (Money(a) - Money(b)).ore == a - b


def test_money_refuses_floats() -> None:
    with pytest.raises(TypeError):
        Money(12.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("ore", [MAX_ORE + 1, 2**70, -(2**70)])
def test_an_amount_too_large_to_store_is_refused_by_the_forms(
    lead: Journal, template: Template, ore: int
) -> None:
    """Money(2**70) given to the facade was a raw OverflowError from SQLite."""
    family = template.worker_family
    for field, form in (
        ("amount", lambda: lead.payments.propose(family, Money(ore), "Busskort")),
        ("budget_frame", lambda: lead.families.create("Familien Stor", budget_frame=Money(ore))),
        ("budget_frame", lambda: lead.families.update(family, budget_frame=Money(ore))),
    ):
        with pytest.raises(ValidationError) as refused:
            form()
        assert (refused.value.field_id, refused.value.key) == (field, "amount_too_large")
