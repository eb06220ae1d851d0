"""Roles in the window: a caseworker sees only their families and cannot approve over the
limit; team-lead menus are there only for team leads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samjournal import messages, vocabulary
from samjournal.journal import Journal
from samjournal.model import Role
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, find_window, open_as, open_family
from ui.dialogs.payment import ProposePaymentDialog


def test_caseworker_sees_only_own_families(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    names = {w.cases.model.row_at(i).display_name for i in range(w.cases.model.total)}
    assert names == {"Familien Ødegård"}
    assert not w.cases.scope.isVisible()
    # Searching for the other caseworker's family finds nothing either.
    w.cases.search.setText("Hassan")
    qtbot.waitUntil(lambda: w.cases.search_idle and w.cases.proxy.searching, timeout=TIMEOUT)
    assert w.cases.proxy.rowCount() == 0
    for name in ("approvals", "users", "settings"):
        assert name not in w.actions_by_name


def test_caseworker_cannot_approve_over_the_limit(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    journal.payments.propose(template.worker_family, Money.kr(9000), "Depositum")
    small = journal.payments.propose(template.worker_family, Money.kr(300), "Busskort")
    journal.lock()
    w = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(3)
    tab = w.family.payments
    big_row = next(i for i, p in enumerate(tab.model.rows()) if p.amount == Money.kr(9000))
    tab.view.selectRow(big_row)
    assert not tab.approve_button.isEnabled()  # the core's rule, asked before the click
    assert "må godkjennes av en teamleder" in tab.approve_button.toolTip()
    # Under the limit the caseworker may approve.
    tab.select_payment(small.id)
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            p.id == small.id and p.status.value == "approved" for p in w.family.data.detail.payments
        ),
        timeout=TIMEOUT,
    )


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_approval_rule_is_told_in_the_catalogue_s_words(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template, language: str
) -> None:
    """The propose dialog said it in words of its own, and neither it nor the refusal on the
    Approve button named the approval limit as settings and the approvals queue do (review):
    both now say the catalogue's one sentence, with the product's words for the limit and the
    role, in the window's language."""
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)
    limit = journal.settings().approval_limit
    journal.payments.propose(template.worker_family, limit + Money.kr(1), "Depositum")
    journal.lock()
    rule = messages.text("over_approval_limit", {"limit": limit.format()}, language)
    assert messages.field_name("approval_limit", language) in rule
    assert vocabulary.in_sentence(Role.TEAMLEAD, language) in rule
    w = open_as(qtbot, make_app(language), journal_dir, WORKER, WORKER_PASS)
    open_family(qtbot, w, "Familien Ødegård")
    w.show_tab(3)
    tab = w.family.payments
    tab.view.selectRow(0)
    assert tab.approve_button.toolTip().endswith(f": {rule}")  # after "Not allowed"
    tab.propose()
    dialog = find_window(qtbot, ProposePaymentDialog)
    assert dialog.hint.text() == rule
    dialog.reject()


def test_team_lead_sees_everything_and_filters_mine(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    w = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    assert w.cases.model.total == 2
    for name in ("approvals", "users", "settings", "verify_audit"):
        assert name in w.actions_by_name
    w.cases.scope.setCurrentIndex(0)  # "My families": the lead owns none
    qtbot.waitUntil(lambda: w.cases.model.total == 0, timeout=TIMEOUT)
    # One caseworker's families (a team lead asked for a filter by caseworker).
    scope = w.cases.scope
    qtbot.waitUntil(lambda: scope.findText("Familiene til Kari Nilsen") >= 0, timeout=TIMEOUT)
    scope.setCurrentIndex(scope.findText("Familiene til Kari Nilsen"))
    qtbot.waitUntil(lambda: w.cases.model.total == 1, timeout=TIMEOUT)
    assert {w.cases.model.row_at(0).owner} == {"Kari Nilsen"}
