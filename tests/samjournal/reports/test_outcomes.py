"""The portfolio's outcome counts: per family, per month and need category, small cells hidden."""

from __future__ import annotations

import pytest

from samjournal.instruments.model import AnswerType, Choice, Item, Respondent, Text
from samjournal.model import NeedCategory
from samjournal.reports.outcomes import FamilyAnswer, Share, cells, reports

HOUSING, ECONOMY = NeedCategory.HOUSING, NeedCategory.ECONOMY


def _item(kind: AnswerType, **extra: object) -> Item:
    return Item("x", Text("x", "x"), kind, Respondent.ADULT, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "answer", "expected"),
    [
        (AnswerType.AGREE_1_5, 4, True),
        (AnswerType.AGREE_1_5, 3, False),
        (AnswerType.YES_NO, 1, True),
        (AnswerType.YES_NO, 0, False),
        (AnswerType.SCALE_0_10, 6, True),
        (AnswerType.SCALE_0_10, 5, False),
        (AnswerType.AGREE_1_5, None, None),
        (AnswerType.NUMBER, 3, None),
    ],
)
def test_an_answer_reports_it_by_its_type(kind: AnswerType, answer: int | None, expected) -> None:
    assert reports(_item(kind), answer) is expected


def test_a_choice_reports_it_unless_it_is_no_or_none() -> None:
    item = _item(AnswerType.CHOICE, choices=(Choice("no", Text("Nei", "No")),))
    assert reports(item, "debt") is True
    assert reports(item, "no") is False
    assert reports(item, "none") is False


def _answer(family: int, month: str, said: dict[str, bool], *cats: NeedCategory) -> FamilyAnswer:
    return FamilyAnswer(family, month, frozenset(cats), said)


def test_a_family_counts_once_a_month_and_under_each_of_its_categories() -> None:
    found = cells(
        [
            # two adults of family 1: one yes is the family's yes
            _answer(1, "2026-03", {"right_time": False}, HOUSING, ECONOMY),
            _answer(1, "2026-03", {"right_time": True}, HOUSING, ECONOMY),
            _answer(2, "2026-03", {"right_time": False}, HOUSING),
            _answer(2, "2026-04", {"gratitude_debt": True}, HOUSING),
        ]
    )
    by = {(c.month, c.category): c for c in found}
    march_all = by[("2026-03", None)]
    assert march_all.families == 2
    assert march_all.shares["right_time"] == Share(2, 1)
    assert by[("2026-03", ECONOMY)].families == 1
    assert by[("2026-03", HOUSING)].shares["right_time"] == Share(2, 1)
    assert by[("2026-04", HOUSING)].shares["right_time"] == Share(0, 0)
    period = by[(None, None)]
    assert period.families == 2
    assert period.shares["right_time"] == Share(2, 1)
    assert period.shares["gratitude_debt"] == Share(1, 1)
    # months in order, each month's categories then its overall line, the whole period last
    keys = [(c.month, c.category) for c in found]
    assert keys.index(("2026-03", None)) < keys.index(("2026-04", HOUSING))
    assert keys.index(("2026-03", HOUSING)) < keys.index(("2026-03", None))
    assert keys[-1] == (None, None)


def test_small_cells_and_small_sides_are_hidden() -> None:
    assert Share(4, 0).shown() is None  # under five answered
    assert Share(10, 3).shown() is None  # three families said yes: a handful, hidden
    assert Share(10, 7).shown() is None  # three said no: as revealing
    assert Share(10, 5).shown() == 0.5
    assert Share(6, 0).shown() == 0.0
    assert Share(6, 6).shown() == 1.0
    families = [_answer(f, "2026-05", {"unfairness": f < 3}) for f in range(7)]
    month = next(c for c in cells(families) if c.month == "2026-05" and c.category is None)
    assert not month.hidden
    assert month.families == 7
    assert month.shares["unfairness"].shown() is None  # 3 yes of 7
    few = cells(families[:4])
    assert all(c.hidden for c in few)
