"""The second high-water mark, outside the journal folder (samjournal/account_mark.py).

An outside review (issue 13) copied a journal folder, let the journal go on, then put the whole
older folder back (database, keyring and journal.mark together): it opened with no alarm. The
account's mark stays behind when the folder is swapped, so the same OS account now notices.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from samjournal import audit_forks
from samjournal.account_mark import ENV, SUFFIX, AccountMark
from samjournal.backup import restore
from samjournal.errors import RecentWorkMissing
from samjournal.i18n import describe, word
from samjournal.journal import Journal
from tests.conftest import LEAD, LEAD_PASS


def _work(folder: Path, families: int = 3) -> int:
    journal = Journal.open(folder, LEAD, LEAD_PASS)
    for i in range(families):
        journal.families.create(f"Familien Arbeid {i}")
    size = journal.audit_tree_head().size
    journal.lock()
    return size


def _mark_file(account_marks: Path) -> Path:
    [found] = list(account_marks.iterdir())
    return found


def test_a_whole_older_folder_put_back_is_refused_on_open(
    journal_dir: Path, tmp_path: Path, account_marks: Path
) -> None:
    _work(journal_dir)
    shutil.copytree(journal_dir, tmp_path / "taken")  # a copy taken earlier, mark and all
    reached = _work(journal_dir)
    shutil.rmtree(journal_dir)
    shutil.copytree(tmp_path / "taken", journal_dir)  # put back: no passphrase needed
    before = _mark_file(account_marks).read_bytes()
    with pytest.raises(RecentWorkMissing) as refused:
        Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert refused.value.key == "older_folder"
    assert refused.value.mark >= reached > refused.value.found
    assert "eldre enn den denne brukerkontoen har sett" in str(refused.value)
    english = describe(refused.value, "en")
    assert english.startswith("The journal folder is older than this user account has seen")
    assert "--accept-loss" in english
    assert _mark_file(account_marks).read_bytes() == before  # the evidence stays as it was


def test_a_team_lead_accepts_the_older_folder_and_it_is_recorded(
    journal_dir: Path, tmp_path: Path
) -> None:
    shutil.copytree(journal_dir, tmp_path / "taken")
    _work(journal_dir)
    shutil.rmtree(journal_dir)
    shutil.copytree(tmp_path / "taken", journal_dir)
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS, accept_missing=True)
    details = [e.detail for e in journal.audit_events() if e.action == "restore"]
    assert any(d.startswith("recent work missing, accepted: the account's mark") for d in details)
    journal.lock()
    Journal.open(journal_dir, LEAD, LEAD_PASS).lock()  # accepted: opens normally from now


def test_no_mark_in_the_account_starts_one_without_alarm(
    journal_dir: Path, account_marks: Path
) -> None:
    """A new account or another laptop: nothing to hold the folder to."""
    assert list(account_marks.iterdir()) == []
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert journal.audit_alarms == ()
    journal_id = journal.journal_id
    journal.lock()
    mark = _mark_file(account_marks)
    # The random journal id and a keyed hash of the place: nothing of a family's, nor the path.
    assert mark.name.startswith(f"{journal_id}-")
    assert mark.name.endswith(SUFFIX)
    assert journal_dir.name not in mark.name
    assert b"Familien" not in mark.read_bytes()
    assert LEAD.encode() not in mark.read_bytes()
    body = json.loads(json.loads(mark.read_bytes())["mark"])
    assert set(body) == {"format", "journal_id", "size", "root", "at"}  # a head, whose, when


def test_a_diverged_copy_that_went_further_raises_an_alarm(
    journal_dir: Path, tmp_path: Path
) -> None:
    """Not behind the account's mark, but not its log either: opened, with the alarm in red."""
    shutil.copytree(journal_dir, tmp_path / "copy")
    _work(journal_dir, 2)
    _work(tmp_path / "copy", 6)  # the copy goes on elsewhere, further than the original did
    shutil.rmtree(journal_dir)
    shutil.copytree(tmp_path / "copy", journal_dir)
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    [alarm] = journal.audit_alarms
    assert alarm.startswith("merket i brukerkontoen: loggen bygger ikke videre på hodet")
    assert word(alarm, "en").startswith("the account's mark: the log does not extend the head")
    journal.lock()


def test_an_edited_account_mark_is_recorded_and_replaced(
    journal_dir: Path, account_marks: Path
) -> None:
    size = _work(journal_dir)
    mark = _mark_file(account_marks)
    outer = json.loads(mark.read_text())
    body = json.loads(outer["mark"])
    body["size"] = size + 1000  # a false alarm planted without the key: not believed
    outer["mark"] = json.dumps(body, sort_keys=True, separators=(",", ":"))
    mark.write_text(json.dumps(outer))
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    details = [e.detail for e in journal.audit_events() if e.action == "restore"]
    assert "the account's mark unreadable or not this journal's; written anew" in details
    journal.lock()
    assert json.loads(json.loads(mark.read_text())["mark"])["size"] < size + 1000


def test_a_restore_moves_the_account_mark_back_with_it(
    journal_dir: Path, tmp_path: Path, account_marks: Path
) -> None:
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup = journal.backup(tmp_path / "b.zip")
    journal.lock()
    reached = _work(journal_dir, 4)
    restored = restore(backup, journal_dir, LEAD, LEAD_PASS, reason="disken døde")
    assert restored.head.size < reached
    body = json.loads(json.loads(_mark_file(account_marks).read_text())["mark"])
    assert body["size"] == restored.head.size + 1  # the backup's head and the restore's event
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)  # a deliberate rollback: no alarm
    assert journal.audit_alarms == ()
    [fork] = audit_forks.forks(journal._require_open().db)
    assert fork.lost is not None
    assert fork.lost.size >= reached
    journal.lock()


def test_the_account_mark_follows_the_journal_and_is_owner_only(
    journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name == "nt":
        pytest.skip("POSIX modes; on Windows the per-user profile keeps others out")
    state = tmp_path / "state" / "SamJournal"
    monkeypatch.setenv(ENV, str(state))
    old = os.umask(0o022)
    try:
        size = _work(journal_dir)
    finally:
        os.umask(old)
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    [mark] = list(state.iterdir())
    assert stat.S_IMODE(mark.stat().st_mode) == 0o600
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    account = AccountMark.for_db(journal._require_open().db)
    assert account is not None
    assert account.path == mark
    reading = account.read()
    assert reading.head is not None
    assert reading.head.size >= size
    journal.lock()


def test_copies_in_other_folders_do_not_set_off_each_other(
    journal_dir: Path, tmp_path: Path
) -> None:
    """A restore into a new folder (to look at last week) and the journal a restore keeps aside
    are copies of one journal in other places: each has its own mark, none raises an alarm."""
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    backup = journal.backup(tmp_path / "b.zip")
    journal.lock()
    _work(journal_dir, 2)
    restore(backup, tmp_path / "last-week", LEAD, LEAD_PASS, reason="se på forrige uke")
    _work(tmp_path / "last-week", 1)
    _work(journal_dir, 1)  # the journal itself opens as before
    kept = restore(backup, journal_dir, LEAD, LEAD_PASS, reason="disken døde").kept
    assert kept is not None
    for folder in (kept, journal_dir, tmp_path / "last-week"):
        again = Journal.open(folder, LEAD, LEAD_PASS)
        assert again.audit_alarms == ()
        again.lock()
