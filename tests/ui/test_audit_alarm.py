"""The window says, in an error banner, when the audit log does not extend a head it kept."""

from __future__ import annotations

from pathlib import Path

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
    assert "samjournal audit acknowledge" in window.banner.text()
