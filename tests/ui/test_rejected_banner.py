"""The caseworker is told at sign-in which of their proposals were rejected (team-lead review:
a rejection reached no one; its reason was a tooltip on a cut-off cell)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from samjournal.journal import Journal
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, Template
from tests.ui.conftest import TIMEOUT, open_as


def test_a_rejection_is_said_in_the_banner_at_the_next_sign_in(
    qtbot: QtBot, make_app, journal_dir: Path, template: Template
) -> None:
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    course = worker.payments.propose(template.worker_family, Money.kr(3500), "Svømmekurs")
    worker.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.payments.reject(course.id, "Dekkes av NAV")
    lead.lock()
    window = open_as(qtbot, make_app("en"), journal_dir, WORKER, WORKER_PASS)
    qtbot.waitUntil(lambda: bool(window.banner.text()), timeout=TIMEOUT)
    text = window.banner.text()
    assert text.startswith("A payment you proposed was rejected since you last signed in:")
    assert "“Svømmekurs”" in text
    assert "by Lise Leder: “Dekkes av NAV”" in text
