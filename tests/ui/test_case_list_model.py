"""The case list model: rows exposed in batches, sorting over every row, filtering."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from samjournal.model import CaseRow, FamilyId, FamilyStatus
from samjournal.money import Money
from ui.case_list import BATCH, BUDGET, FAMILY, NUMBER, CaseFilterProxy, CaseListModel


def rows(n: int) -> list[CaseRow]:
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    statuses = list(FamilyStatus)
    return [
        CaseRow(
            id=FamilyId(i + 1),
            case_number=f"2026-{i + 1:05d}",
            display_name=f"Familien {(i * 7919) % n:05d}",
            owner="Kari Nilsen",
            status=statuses[i % 3],
            open_needs=i % 4,
            budget_used=Money(i * 100),
            budget_frame=Money(5_000_000),
            last_meeting=base + dt.timedelta(days=i % 300) if i % 5 else None,
            next_meeting=None,
        )
        for i in range(n)
    ]


def test_rows_are_exposed_in_batches(qtbot) -> None:
    model = CaseListModel()
    model.set_rows(rows(1000))
    assert model.total == 1000
    assert model.rowCount() == BATCH
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * BATCH
    model.fetch_all()
    assert model.rowCount() == 1000
    assert not model.canFetchMore()


def test_sorting_covers_rows_not_fetched_yet(qtbot) -> None:
    model = CaseListModel()
    data = rows(1000)
    model.set_rows(data)
    model.sort(FAMILY, Qt.SortOrder.DescendingOrder)
    first = model.data(model.index(0, FAMILY))
    assert first == max(r.display_name for r in data)
    model.sort(NUMBER, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, NUMBER)) == "2026-00001"
    model.sort(BUDGET, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).budget_used == Money(999 * 100)


def test_filter_by_status_and_search_hits(qtbot) -> None:
    model = CaseListModel()
    model.set_rows(rows(30))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_statuses(frozenset({FamilyStatus.ACTIVE}))
    assert proxy.rowCount() == 10
    proxy.set_ids(frozenset({FamilyId(1), FamilyId(2), FamilyId(4)}))
    assert {proxy.family_at(r).id for r in range(proxy.rowCount())} == {1, 4}
    assert proxy.matching_total() == 2
    proxy.set_ids(None)
    proxy.set_statuses(None)
    assert proxy.rowCount() == 30


def test_ten_thousand_rows_stay_in_the_model_not_the_view(qtbot) -> None:
    """What keeps a large case list quick: the view gets one batch of rows, and sorting and
    filtering still cover all of them. Its latency is a benchmark's (ui_bench), not a test's."""
    from PySide6.QtWidgets import QTableView

    model = CaseListModel()
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1200, 600)
    view.show()
    data = rows(10_000)
    model.set_rows(data)
    qtbot.wait(1)
    assert model.total == 10_000
    assert model.rowCount() < 10_000  # not all materialised in the view
    proxy.sort(FAMILY, Qt.SortOrder.AscendingOrder)
    qtbot.wait(1)
    assert proxy.family_at(0).display_name == min(r.display_name for r in data)
    proxy.set_statuses(frozenset({FamilyStatus.PAUSED}))
    assert proxy.matching_total() == 3333


def test_overdue_meetings_and_nearly_spent_budgets_are_marked_in_words_and_colour(qtbot) -> None:
    from dataclasses import replace

    from ui import attention
    from ui.case_list import NEXT

    now = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
    frame = Money.kr(50_000)
    plain, behind = rows(2)
    plain = replace(plain, budget_used=Money.kr(44_000), budget_frame=frame)  # 88 %
    plain = replace(plain, next_meeting=now + dt.timedelta(days=3))
    behind = replace(behind, budget_used=Money.kr(48_500), budget_frame=frame)  # 97 %
    behind = replace(behind, next_meeting=dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.UTC))
    model = CaseListModel()
    model.now = now
    model.set_rows([plain, behind])

    def cell(row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(row, column), role)

    fg = Qt.ItemDataRole.ForegroundRole
    assert not cell(0, NEXT).startswith(attention.SIGN)
    assert cell(0, BUDGET) == "88 %"
    assert cell(0, NEXT, fg) is None
    assert cell(0, BUDGET, fg) is None
    # Not colour alone: a sign and a word are in the text a screen reader reads too.
    assert cell(1, NEXT).startswith(attention.SIGN)
    assert cell(1, NEXT).endswith("(overdue)")
    assert cell(1, BUDGET) == f"{attention.SIGN} 97 %"
    assert "nearly spent" in cell(1, BUDGET, Qt.ItemDataRole.AccessibleTextRole)
    assert cell(1, NEXT, fg) == attention.colour()
    assert cell(1, BUDGET, fg) == attention.colour()
    # Just under 90 % reads 89 % (not a "90 %" without the sign); over the frame says so.
    edge = replace(plain, budget_used=Money(4_498_000))  # 89.96 %
    over = replace(plain, budget_used=Money.kr(52_500))  # 105 %
    model.set_rows([edge, over])
    assert cell(0, BUDGET) == "89 %"
    assert cell(1, BUDGET) == f"{attention.SIGN} 105 %"
    assert "over the frame" in cell(1, BUDGET, Qt.ItemDataRole.AccessibleTextRole)
