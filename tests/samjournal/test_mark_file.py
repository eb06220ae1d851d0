"""journal.mark on disk: two slots overwritten in turn, so a save costs one small write in place
and a write torn by a crash leaves the other slot, which only lags (a lagging mark never raises an
alarm; a mark ahead of the log does)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from samjournal.mark import SLOT, Mark, Marker, encode, read

JOURNAL = "j-test"
KEY = bytes(32)


def mark(seq: int) -> Mark:
    return Mark(seq, f"{seq:064x}", f"{seq + 1:064x}")


def test_saves_overwrite_the_older_slot_in_place(tmp_path: Path) -> None:
    path = tmp_path / "journal.mark"
    marker = Marker(path, JOURNAL, KEY)
    marker.write(mark(1))  # the session's first: a whole new file
    inode = path.stat().st_ino
    for seq in range(2, 7):
        marker.write(mark(seq))
        assert read(path, JOURNAL, KEY).mark == mark(seq)
    assert path.stat().st_size == 2 * SLOT
    assert path.stat().st_ino == inode  # no new file, no rename: written in place
    raw = path.read_bytes()
    slots = [json.loads(json.loads(raw[i : i + SLOT])["mark"])["seq"] for i in (0, SLOT)]
    assert slots == [6, 5]  # the newest and the one before


def test_a_torn_newer_slot_leaves_the_older_one(tmp_path: Path) -> None:
    path = tmp_path / "journal.mark"
    marker = Marker(path, JOURNAL, KEY)
    for seq in (1, 2, 3):
        marker.write(mark(seq))
    with path.open("r+b") as fh:  # the crash: slot 1 (seq 3) half written
        fh.seek(SLOT + 40)
        fh.write(b"\0" * 200)
    reading = read(path, JOURNAL, KEY)
    assert reading.mark == mark(2)
    assert not reading.unreadable
    marker.write(mark(4))
    assert read(path, JOURNAL, KEY).mark == mark(4)


def test_both_slots_broken_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "journal.mark"
    Marker(path, JOURNAL, KEY).write(mark(5))
    assert read(path, JOURNAL, bytes([1]) * 32).unreadable  # another key: no slot verifies
    path.write_bytes(b"x" * (2 * SLOT))
    assert read(path, JOURNAL, KEY).unreadable


def test_a_mark_of_one_record_from_an_older_version_is_read(tmp_path: Path) -> None:
    path = tmp_path / "journal.mark"
    path.write_bytes(encode(JOURNAL, mark(9), KEY))  # as versions before the slots wrote it
    assert read(path, JOURNAL, KEY).mark == mark(9)
    marker = Marker(path, JOURNAL, KEY)
    marker.write(mark(10))  # replaced by a file of two slots
    assert path.stat().st_size == 2 * SLOT
    assert read(path, JOURNAL, KEY).mark == mark(10)


def test_a_mark_removed_during_a_session_is_written_whole_again_once_said(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.mark"
    marker = Marker(path, JOURNAL, KEY)
    marker.write(mark(1))
    os.unlink(path)
    marker.write(mark(2))  # lost: nothing to overwrite (and never fails the commit)
    marker.write(mark(3))
    assert marker.vanished
    assert not path.exists()  # not written anew before it is said
    marker.vanished = False  # mark.record_vanished has kept the alarm
    marker.write(mark(4))
    assert read(path, JOURNAL, KEY).mark == mark(4)
    assert path.stat().st_size == 2 * SLOT


def test_a_mark_emptied_during_a_session_is_said(tmp_path: Path) -> None:
    path = tmp_path / "journal.mark"
    marker = Marker(path, JOURNAL, KEY)
    marker.write(mark(1))
    path.write_bytes(b"")  # rm journal.mark && touch journal.mark
    marker.write(mark(2))
    assert marker.vanished
