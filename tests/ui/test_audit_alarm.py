"""The window says, in an error banner, when the audit log does not extend a head it kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from samjournal import audit_heads
from samjournal.backup import restore
from samjournal.journal import Journal
from samjournal.mark import MARK_NAME
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS
from tests.ui.conftest import open_as


def test_a_log_that_does_not_extend_a_witnessed_head_is_shown(
    qtbot: QtBot, make_app, journal_dir: Path
) -> None:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    db = journal._ctx.db
    head = journal.audit_tree_head()
    # A head that came back from outside, and a log that no longer holds it (as after a rewrite).
    with db.transaction():
        audit_heads.record_witness(db, head, "kvittering for pakke 1 til studien s")
        db.execute("UPDATE audit SET root = zeroblob(32) WHERE seq = ?", (head.size,))
    journal.lock()
    window = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    assert window.session.journal.audit_alarms
    assert window.banner.isVisible()
    text = window.banner.text().lower()
    assert "revisjonsloggen" in text or "audit log" in text
    assert "team" in text


def test_verifying_a_restored_journal_shows_the_fork(
    qtbot: QtBot, make_app, journal_dir: Path, tmp_path: Path
) -> None:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup = journal.backup(tmp_path / "b.zip")
    journal.lock()
    restore(backup, journal_dir, LEAD, LEAD_PASS, reason="disken døde")
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    window.verify_audit()
    qtbot.waitUntil(lambda: "disken døde" in window.banner.text(), timeout=20_000)
    text = window.banner.text()
    assert "gjenopprettet" in text or "restored" in text
    assert "er hel" in text or "intact" in text


def test_a_removed_mark_is_shown(qtbot: QtBot, make_app, journal_dir: Path) -> None:
    """At every unlock until a team lead acknowledges it: the first open, written the mark
    anew, used the alarm up (reliability review)."""
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()
    (journal_dir / MARK_NAME).unlink()  # a journal that has had a mark: removed, not "old"
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()  # `samjournal info`, say, saw it first
    window = open_as(qtbot, make_app(), journal_dir, WORKER, WORKER_PASS)
    assert window.session.journal.mark_damaged
    assert window.banner.isVisible()
    assert "journal.mark" in window.banner.text()
    assert "kvittere ut alarmen" in window.banner.text()


def test_a_team_lead_acknowledges_the_mark_alarm_in_the_window(
    qtbot: QtBot, make_app, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Team lead ▸ Verify the audit log: an intact log, then the offer to acknowledge (Cancel
    the default); acknowledged, the next unlock shows no alarm."""
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()
    (journal_dir / MARK_NAME).unlink()
    asked: list[str] = []

    def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> int:
        asked.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        return button

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.Cancel))
    window = open_as(qtbot, make_app(), journal_dir, LEAD, LEAD_PASS)
    assert "journal.mark" in window.banner.text()
    window.verify_audit()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "journal.mark" in asked[0]
    assert window.session.journal.mark_damaged  # Cancel: still pending, and still said
    assert "kvittere ut alarmen" in window.banner.text()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.Yes))
    window.verify_audit()
    qtbot.waitUntil(lambda: not window.session.journal.mark_damaged, timeout=20_000)
    qtbot.waitUntil(lambda: "kvittert" in window.banner.text(), timeout=20_000)
    window.session.journal.lock()
    again = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert not again.mark_damaged
    assert any("acknowledged" in (e.detail or "") for e in again.audit_events(limit=20))
    again.lock()
