"""journal.mark gone, spoiled or replaced, with recent work lost (found by an outside review).

The thief has the folder but not the account's profile (the journal is opened from another OS
account or laptop, or the profile was wiped: the README says the account mark cannot help
there). Lost work + a journal.mark that no longer verifies (both slots garbled, or another
journal's mark put in its place) or that was deleted opened with no refusal and no alarm, only
an audit line nobody is shown. With two slots a torn write can no longer leave *both* unreadable,
so a mark unreadable or gone (in a journal that has had one) is a sign of tampering: an alarm.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from samjournal import mark as mark_module
from samjournal.cli.commands import EXIT_OK, main
from samjournal.errors import JournalBusy, PermissionDenied, RecentWorkMissing
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.mark import MARK_NAME, SLOT
from tests.conftest import LEAD, LEAD_PASS, WORKER, WORKER_PASS, lose_recent_work


def _other_journals_mark(template_path: Path, tmp_path: Path) -> bytes:
    other = tmp_path / "other"
    Journal.create(
        other, username=LEAD, display_name="Lise", passphrase=LEAD_PASS, cost=TEST_COST
    ).journal.lock()
    return (other / MARK_NAME).read_bytes()


def _tamper(how: str, journal_dir: Path, tmp_path: Path) -> None:
    path = journal_dir / MARK_NAME
    if how == "garbled":  # one byte flipped in each slot: neither MAC verifies
        raw = bytearray(path.read_bytes())
        assert len(raw) == 2 * SLOT
        raw[30] ^= 1
        raw[SLOT + 30] ^= 1
        path.write_bytes(bytes(raw))
    elif how == "other_journal":  # a slot swapped in from another journal
        path.write_bytes(_other_journals_mark(journal_dir, tmp_path))
    elif how == "deleted":
        path.unlink()


@pytest.mark.parametrize("how", ["garbled", "other_journal", "deleted"])
def test_lost_work_with_a_tampered_mark_is_not_silent_without_the_account_mark(
    journal_dir: Path,
    tmp_path: Path,
    account_marks: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    lose_recent_work(journal_dir)  # the mark is now ahead of the database: a loss
    _tamper(how, journal_dir, tmp_path)
    # Opened from another account / laptop: no account mark for this folder.
    monkeypatch.setenv("SAMJOURNAL_STATE_DIR", str(tmp_path / "another-account"))
    try:
        journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    except RecentWorkMissing:
        return  # refused: honest
    try:
        assert journal.audit_alarms, (
            f"journal.mark {how} and recent work lost: opened with no refusal and no alarm"
        )
    finally:
        journal.lock()


def test_same_account_still_refuses_a_garbled_mark_with_lost_work(
    journal_dir: Path, tmp_path: Path
) -> None:
    """What held: in the same account the account's mark refuses the open."""
    lose_recent_work(journal_dir)
    _tamper("garbled", journal_dir, tmp_path)
    with pytest.raises(RecentWorkMissing):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_control_an_untouched_mark_refuses_without_the_account_mark(
    journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What held (the control): journal.mark alone, left as it is, refuses the open."""
    lose_recent_work(journal_dir)
    monkeypatch.setenv("SAMJOURNAL_STATE_DIR", str(tmp_path / "another-account"))
    with pytest.raises(RecentWorkMissing):
        Journal.open(journal_dir, LEAD, LEAD_PASS)


def test_a_mark_made_unwritable_is_not_silent(
    journal_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thief without the passphrase replaces journal.mark by a directory of that name: reads
    fail (unreadable: an audit note only) and every write fails silently ("a mark that cannot
    be written only lags"), so from then on journal.mark never catches a loss again and nobody is
    told. Here: the mark disabled, work done and then lost, opened from another account."""
    path = journal_dir / MARK_NAME
    path.unlink()
    path.mkdir()
    monkeypatch.setenv("SAMJOURNAL_STATE_DIR", str(tmp_path / "another-account"))
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    shown = journal.audit_alarms
    journal.lock()
    assert path.is_dir(), "the program replaced it (then this test shows nothing)"
    lose_recent_work(journal_dir)
    monkeypatch.setenv("SAMJOURNAL_STATE_DIR", str(tmp_path / "yet-another-account"))
    try:
        journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    except RecentWorkMissing:
        return
    try:
        assert shown or journal.audit_alarms, (
            "journal.mark disabled, recent work lost: no refusal and no alarm at any open"
        )
    finally:
        journal.lock()


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    assert main(list(args)) == EXIT_OK
    return capsys.readouterr().err


def test_a_removed_mark_is_said_at_every_open_until_a_team_lead_acknowledges_it(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first command to see the mark gone used the alarm up (`info` and `check` printed
    no alarms at all), because the open writes the mark anew (reliability review)."""
    (journal_dir / MARK_NAME).unlink()  # the template journal has had one: removed
    folder = str(journal_dir)
    for command in ("info", "check", "list"):
        assert "ALARM" in _cli(monkeypatch, capsys, command, folder), command
    for user, passphrase in ((LEAD, LEAD_PASS), (WORKER, WORKER_PASS)):
        journal = Journal.open(journal_dir, user, passphrase)
        assert journal.mark_damaged
        assert [a.key for a in journal.audit_alarms] == ["mark_removed"]  # type: ignore[attr-defined]
        if user == WORKER:
            with pytest.raises(PermissionDenied):
                journal.acknowledge_alarm()
        journal.lock()
    monkeypatch.setenv("SAMJOURNAL_LANG", "en")
    assert "AUDIT ALARM" in _cli(monkeypatch, capsys, "audit", "acknowledge", folder)
    assert "ALARM" not in _cli(monkeypatch, capsys, "info", folder)
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert not journal.mark_damaged
    assert journal.audit_alarms == ()
    assert not journal.acknowledge_alarm()  # nothing left to acknowledge
    assert any(e.detail.startswith("acknowledged: journal.mark") for e in journal.audit_events())
    journal.lock()


def _fill_disk_once(monkeypatch: pytest.MonkeyPatch, journal: Journal) -> None:
    """One save whose mark write finds the disk full."""

    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(mark_module, "_overwrite", full)
        journal.families.create("Familien Full")


@pytest.mark.parametrize("how", ["none", "rm", "folder-then-rm", "full-disk-then-rm", "emptied"])
def test_a_mark_removed_while_the_journal_is_open_is_an_alarm_at_the_next_open(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """The session's next save wrote the mark anew and the next open found nothing amiss: the
    removal went unseen, however it was done (reviews s26, s27)."""
    path = journal_dir / MARK_NAME
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    assert not journal.mark_damaged
    journal.families.create("Familien Før")
    if how == "rm":
        path.unlink()
    elif how == "folder-then-rm":
        path.unlink()
        path.mkdir()
        journal.families.create("Familien Mappe")
        path.rmdir()
    elif how == "full-disk-then-rm":
        _fill_disk_once(monkeypatch, journal)
        path.unlink()
    elif how == "emptied":
        path.write_bytes(b"")
    journal.families.create("Familien Etter")
    assert path.is_file()  # written again once the alarm is kept: it still guards the work
    journal.lock()
    journal = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        assert journal.mark_damaged is (how != "none")
        expected = [] if how == "none" else ["mark_removed"]
        assert [a.key for a in journal.audit_alarms] == expected  # type: ignore[attr-defined]
    finally:
        journal.lock()


def test_a_removal_not_kept_leaves_the_mark_unwritten(tmp_path: Path) -> None:
    """Keeping the alarm can fail (a busy or full disk): the mark is then not written again,
    so the next open finds it gone."""

    class Busy:
        def transaction(self) -> object:
            raise JournalBusy()

    marker = mark_module.Marker(tmp_path / MARK_NAME, "j", b"k" * 32)
    marker.vanished = True
    with pytest.raises(JournalBusy):
        mark_module.record_vanished(marker, Busy())  # type: ignore[arg-type]
    assert marker.vanished
