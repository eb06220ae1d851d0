"""What the window says for the core's errors, and for what the core hands on by key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from samjournal import messages
from samjournal.errors import (
    DiskFull,
    ReadOnlyFolder,
    RecentWorkMissing,
    StorageError,
    StorageFailed,
)
from samjournal.messages import keyed
from ui.errors import core_message, describe
from ui.translations import LOCALES, core_language


def test_a_full_journal_disk_says_what_still_works() -> None:
    failed = describe(StorageFailed())
    assert describe(DiskFull()) == messages.text("disk_full", {}, core_language()) != failed
    assert describe(keyed(DiskFull, "no_room")) == messages.text("no_room", {}, core_language())
    assert describe(ReadOnlyFolder()) == messages.text("read_only", {}, core_language()) != failed
    assert failed == messages.text("storage_failed", {}, core_language())


def test_each_kind_of_storage_error_says_its_own_sentence_by_its_class_key() -> None:
    kinds = (DiskFull, ReadOnlyFolder, StorageFailed)
    for kind in kinds:
        assert str(kind()) == messages.text(kind.key, {}, "nb")
        assert issubclass(kind, StorageError)
    assert len({kind.key for kind in kinds}) == 3
    # Siblings: a read-only folder is not a full disk, nor a failing one.
    assert not any(issubclass(a, b) for a in kinds for b in kinds if a is not b)


def test_missing_recent_work_names_where_it_may_be() -> None:
    text = describe(RecentWorkMissing(40, 31, None))
    assert "40" in text
    assert "--accept-loss" in text


@pytest.mark.parametrize(
    ("language", "start"),
    [("nb", "Pakke 3 ble registrert"), ("en", "Bundle 3 was recorded")],
)
def test_an_export_notice_reads_in_the_interface_language(language: str, start: str) -> None:
    notice = messages.said("bundle_adopted", sequence=3, name="samjournal-00003.age")
    before = QLocale()
    QLocale.setDefault(LOCALES[language])
    try:
        shown = core_message(notice)
    finally:
        QLocale.setDefault(before)
    assert shown.startswith(start)
    assert shown.endswith(": samjournal-00003.age")
    assert core_message("tekst uten nøkkel") == "tekst uten nøkkel"  # shown as it is
