"""The portfolio's outcome counts: per family, per month and need category, small cells hidden."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from samjournal import reports as report_builders
from samjournal.instruments.default import JOURNAL_DEFAULT
from samjournal.instruments.model import AnswerType, Choice, Item, Respondent, Text
from samjournal.journal import Journal
from samjournal.model import NeedCategory
from samjournal.reports.outcomes import (
    OUTCOMES,
    FamilyAnswer,
    Share,
    cells,
    family_answers,
    reports,
)
from samjournal.reports.portfolio_figures import split_counts
from samjournal.reports.queries import PortfolioQueries
from tests.samjournal.reports.conftest import flat, text_of

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


def _answer(family: int, day: str, said: dict[str, bool], *cats: NeedCategory) -> FamilyAnswer:
    when = dt.date.fromisoformat(day if len(day) > 7 else f"{day}-15")
    return FamilyAnswer(family, when, frozenset(cats), said)


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


def test_a_family_counts_with_its_latest_answer() -> None:
    found = cells(
        [
            _answer(3, "2026-03-02", {"insecurity": True}),
            _answer(3, "2026-03-20", {"insecurity": False}),  # later the same month
            _answer(3, "2026-04-02", {"insecurity": True}),
            _answer(3, "2026-05-02", {"insecurity": False}),
        ]
    )
    by = {c.month: c.shares["insecurity"] for c in found if c.category is None}
    assert by == {
        "2026-03": Share(1, 0),
        "2026-04": Share(1, 1),
        "2026-05": Share(1, 0),
        None: Share(1, 0),  # the period: where the family ended
    }


def test_small_cells_and_small_sides_are_hidden() -> None:
    assert Share(4, 0).shown() is None  # under five answered
    assert Share(10, 3).shown() is None  # three families said yes: a handful, hidden
    assert Share(10, 7).shown() is None  # three said no: as revealing
    assert Share(10, 5).shown() == 0.5
    # None on a side is a small side too: 0 % or 100 % of families a reader knows says what
    # each of them answered.
    assert Share(6, 0).shown() is None
    assert Share(6, 6).shown() is None
    assert Share(40, 0).shown() is None
    assert Share(40, 40).shown() is None
    assert Share(10, 4).shown() is None
    assert Share(10, 6).shown() is None
    families = [_answer(f, "2026-05", {"unfairness": f < 3}) for f in range(7)]
    month = next(c for c in cells(families) if c.month == "2026-05" and c.category is None)
    assert not month.hidden
    assert month.families == 7
    assert month.shares["unfairness"].shown() is None  # 3 yes of 7
    few = cells(families[:4])
    assert all(c.hidden for c in few)


def _families(lead: Journal, count: int, *, helped: int, owed: int) -> None:
    """`count` families with an adult, a housing need and a check-in this month with the
    journal's own instrument: `helped` of them agree the help came in time, `owed` feel they owe
    the municipality; every caseworker page says no money went elsewhere."""
    default = JOURNAL_DEFAULT.ref
    for i in range(count):
        family = lead.families.create(f"Familien Utfall {i}", district="Lade")
        adult = lead.members.add(family.id, f"Voksen Utfall {i}", birth_year=1980 + i)
        lead.needs.raise_need(family.id, f"Husleie {i}", HOUSING)
        answers: dict[str, int | str | None] = {
            "life_satisfaction": 5,
            "help_time": 5 if i < helped else 2,
            "owe_gratitude": 4 if i < owed else 1,
        }
        lead.checkins.record(
            family.id, default, answers, respondent=Respondent.ADULT, member_id=adult.id
        )
        lead.checkins.record(
            family.id, default, {"money_other": 0}, respondent=Respondent.CASEWORKER
        )


def test_the_portfolio_counts_families_in_the_journal_and_hides_small_cells(lead: Journal) -> None:
    _families(lead, 12, helped=6, owed=2)
    today = dt.date.today()
    found = cells(family_answers(lead, today.replace(day=1), today))
    month = f"{today:%Y-%m}"
    by = {(c.month, c.category): c for c in found}
    housing = by[(month, HOUSING)]
    assert housing.families == 12
    assert housing.shares["right_time"] == Share(12, 6)
    assert housing.shares["right_time"].shown() == 0.5
    assert housing.shares["gratitude_debt"] == Share(12, 2)
    assert housing.shares["gratitude_debt"].shown() is None  # two families: hidden
    assert housing.shares["money_otherwise"] == Share(12, 0)
    assert housing.shares["money_otherwise"].shown() is None  # nobody: each family's answer

    # The scores over time count the adults' answers, not the caseworker's pages beside them.
    [scores] = PortfolioQueries(lead, today.replace(day=1), today).scores()
    assert scores.answers == 12
    pdf = report_builders.portfolio(lead, start=today.replace(day=1), end=today)
    text = flat(text_of(pdf))
    assert flat("Hjelp til rett tid og paradokser") in text
    assert flat("Per måned og behovskategori") in text
    assert flat("50 %") in text  # help at the right time
    words = " ".join(text_of(pdf).split())
    section = words.split("Hjelp til rett tid og paradokser")[-1].split("familie svarte.")[-1]
    # Only help at the right time (6 of 12) has a share: 0 % money used otherwise is hidden.
    assert re.findall(r"\d+\s%", section) == ["50 %"] * 4  # month, category, period ×2
    assert "Utfall" not in text  # never a family's name


def test_a_portfolio_of_few_families_shows_no_figures_for_them(lead: Journal) -> None:
    _families(lead, 3, helped=3, owed=3)
    today = dt.date.today()
    pdf = report_builders.portfolio(lead, start=today.replace(day=1), end=today)
    section = flat(text_of(pdf)).split(flat("Hjelp til rett tid og paradokser"))[-1]
    assert flat("<5") in section
    # No share after the explanation (which speaks of 0 % and 100 %).
    assert "%" not in section.split(flat("hva hver familie svarte."))[-1]


def _scored(lead: Journal, count: int, before: int, after: list[int]) -> None:
    """`count` families, each answering life satisfaction twice in the past month: `before`,
    then its own number from `after`."""
    today = dt.date.today()
    for i in range(count):
        family = lead.families.create(f"Familien Endring {i}", district="Lade")
        adult = lead.members.add(family.id, f"Voksen Endring {i}", birth_year=1980 + i)
        for day, value in ((today - dt.timedelta(days=20), before), (today, after[i])):
            lead.checkins.record(
                family.id,
                JOURNAL_DEFAULT.ref,
                {"life_satisfaction": value},
                respondent=Respondent.ADULT,
                member_id=adult.id,
                answered_on=day,
            )


def _change_rows(lead: Journal) -> str:
    today = dt.date.today()
    pdf = report_builders.portfolio(lead, start=today - dt.timedelta(days=30), end=today)
    text = " ".join(text_of(pdf).split())
    return text[text.index("Endring fra første til siste svar") :]


def test_the_change_table_hides_a_handful_of_families(lead: Journal) -> None:
    _scored(lead, 3, 4, [6, 6, 3])
    change = _change_rows(lead)
    assert "Livet alt i alt <5 — — — —" in change
    assert "4,0" not in change.split("Familier med minst")[0]  # no average of three families
    assert "/ 1" not in change  # nor their one worse


def test_the_change_table_hides_small_and_empty_counts_and_one_more(lead: Journal) -> None:
    # Nine families: six better, three the same, none worse. "0" worse would say of families a
    # reader knows that none of them got worse; "3" the same names a handful; "6" leaves three
    # not better. All hidden.
    _scored(lead, 9, 4, [7] * 6 + [4] * 3)
    change = _change_rows(lead)
    assert "9 4,0 6,0 +2,0 — / <5 / <5" in change  # six of nine: three not better
    # Twelve: seven better, five the same, none worse: the lone small one would follow from
    # 12 − 7 − 5, so the smaller shown count goes too.
    _scored(lead, 3, 4, [7, 4, 4])
    change = _change_rows(lead)
    assert "12 4,0 5,8 +1,8" in change  # latest: (7 · 7 + 5 · 4) / 12
    assert "7 / — / <5" in change


def test_counts_of_a_total_hide_small_sides_and_never_one_alone() -> None:
    assert split_counts(10, 5, 5) == ["10", "5", "5"]
    assert split_counts(5, 0, 0) == ["—", "<5", "<5"]  # all five better: each family's way
    assert split_counts(7, 5, 0) == ["7", "—", "<5"]  # 0 alone would follow from 12 − 7 − 5
    assert split_counts(8, 6, 4) == ["8", "—", "<5"]  # the smaller shown one goes with it
    assert split_counts(3, 1, 1) == ["<5", "<5", "<5"]


def test_a_month_few_families_answered_has_no_average(lead: Journal) -> None:
    """The average of a handful says what each answered: under MIN_CELL families, no average."""
    _families(lead, 3, helped=3, owed=3)
    today = dt.date.today()
    [few] = PortfolioQueries(lead, today.replace(day=1), today).scores()
    assert few.answers > 0
    assert set(few.averages.values()) == {None}
    _families(lead, 5, helped=5, owed=0)
    [enough] = PortfolioQueries(lead, today.replace(day=1), today).scores()
    assert enough.averages["life_satisfaction"] is not None


def test_a_hidden_row_says_not_shown_in_every_column(lead: Journal) -> None:
    """A month of fewer than five families shows "—" under each outcome, as the note says of
    what is not shown (it left them blank, which reads as no one answered)."""
    _families(lead, 3, helped=3, owed=3)
    today = dt.date.today()
    pdf = report_builders.portfolio(lead, start=today.replace(day=1), end=today)
    section = flat(text_of(pdf)).split(flat("Hjelp til rett tid og paradokser"))[-1]
    rows = section.split(flat("Alle kategorier"))[1:]  # the month's row, the period's row
    assert len(rows) == 2
    for row in rows:
        assert row.startswith("<5" + "—" * len(OUTCOMES))
