"""What the window says for the core's errors."""

from __future__ import annotations

from samjournal.errors import DISK_FULL, NO_ROOM, DiskFull, RecentWorkMissing, StorageFull
from ui.errors import core_message, describe


def test_a_full_journal_disk_says_what_still_works() -> None:
    generic = describe(StorageFull("Lagring feilet: disken er full eller mappen er låst."))
    assert describe(DiskFull()) == core_message(DISK_FULL) != generic
    assert describe(DiskFull(NO_ROOM)) == core_message(NO_ROOM)


def test_missing_recent_work_names_where_it_may_be() -> None:
    text = describe(RecentWorkMissing(40, 31, None))
    assert "40" in text
    assert "--accept-loss" in text
