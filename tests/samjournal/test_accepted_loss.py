"""Lost work a team lead accepts is stated like a restore (samjournal/mark.py, record_loss), and a
restore states on what the journal it replaces had itself lost (the mark carries it).

Without this, `check --accept-loss` after a witnessed bundle left the evaluator nothing to decide
on: the next bundle was refused as a cut log for good (outside review rev13, F5).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from samjournal import audit_forks, mark
from samjournal.audit_heads import Head
from samjournal.backup import restore
from samjournal.i18n import word
from samjournal.journal import Journal
from samjournal.mark import MARK_NAME
from tests.conftest import LEAD, LEAD_PASS


def _work(folder: Path, families: int = 3) -> Head:
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    for i in range(families):
        journal.families.create(f"Familien Arbeid {i}")
    head = journal.audit_tree_head()
    journal.lock()
    return head


def _forks(folder: Path) -> list[audit_forks.Fork]:
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    try:
        return audit_forks.forks(journal._require_open().db)
    finally:
        journal.lock()


def test_accepting_a_rolled_back_database_records_a_fork_back_to_the_head_it_has(
    journal_dir: Path, tmp_path: Path
) -> None:
    _work(journal_dir)
    shutil.copy2(journal_dir / "journal.db", tmp_path / "older.db")
    kept = _work(journal_dir)
    for extra in ("journal.db-wal", "journal.db-shm"):
        (journal_dir / extra).unlink(missing_ok=True)
    shutil.copy2(tmp_path / "older.db", journal_dir / "journal.db")
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS, accept_missing=True)
    try:
        [fork] = audit_forks.forks(journal._require_open().db)
        assert fork.reason == audit_forks.ACCEPTED_LOSS
        assert fork.username == LEAD
        assert fork.lost is not None
        assert fork.lost.size >= kept.size > fork.restored.size
        assert "godtatt" in fork.describe()
        english = word(fork.describe(), "en")  # `audit verify` words it in the user's language
        assert english.startswith(f"Fork at event {fork.seq} (")
        assert (
            "lost work was accepted (check --accept-loss); the log goes on from the head"
            f" {fork.restored.short()}" in english
        )
        assert f"up to number {fork.lost.size}" in english
        assert journal.audit_alarms == ()
    finally:
        journal.lock()
    assert len(_forks(journal_dir)) == 1  # recorded once: the next open has nothing to accept


def test_accepting_an_older_folder_put_back_records_the_account_marks_head_as_lost(
    journal_dir: Path, tmp_path: Path
) -> None:
    _work(journal_dir)
    shutil.copytree(journal_dir, tmp_path / "taken")
    reached = _work(journal_dir)
    shutil.rmtree(journal_dir)
    shutil.copytree(tmp_path / "taken", journal_dir)  # its own journal.mark agrees with it
    Journal.open(journal_dir, LEAD, LEAD_PASS, accept_missing=True).lock()
    [fork] = _forks(journal_dir)
    assert fork.lost is not None
    assert fork.lost.size >= reached.size > fork.restored.size


def test_a_second_restore_states_what_the_first_one_lost(journal_dir: Path, tmp_path: Path) -> None:
    """bk0, then bk1, then work; bk0 restored (it loses the furthest), then bk1: the bk1
    restore's statement reaches as far as the original had come, not as far as the bk0 copy."""
    _work(journal_dir)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    bk0 = lead.backup(tmp_path / "bk0.zip")
    lead.lock()
    _work(journal_dir)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    bk1 = lead.backup(tmp_path / "bk1.zip")
    lead.lock()
    original = _work(journal_dir, 6)
    restore(bk0, journal_dir, LEAD, LEAD_PASS, reason="den eldste vi fant")
    [first] = _forks(journal_dir)
    assert first.lost is not None
    assert first.lost.size >= original.size
    raw = (journal_dir / MARK_NAME).read_bytes()
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        reading = mark.Marker.for_db(journal._require_open().db).read()
    finally:
        journal.lock()
    assert reading.mark is not None
    assert reading.mark.lost == first.lost
    assert b"lost" in raw
    restore(bk1, journal_dir, LEAD, LEAD_PASS, reason="fant en nyere kopi")
    [second] = _forks(journal_dir)  # bk1's copy never knew the bk0 restore
    assert second.lost is not None
    assert second.lost.size == first.lost.size  # carried on, beyond the bk0 copy's own head
    assert second.lost.root == first.lost.root
