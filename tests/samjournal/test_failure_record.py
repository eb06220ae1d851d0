"""The failed-unlock record in keyring.json: counted, sealed at each unlock, and held against the
audit log, so that someone holding the folder without a passphrase cannot lower or remove what
earlier unlocks sealed without the next unlock recording it. The limit is tested too: a record
put back exactly as the last unlock left it is not told apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from samjournal.errors import UnlockThrottled, WrongPassphrase
from samjournal.evaluation.evaluator import Workspace
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.keyring import Keyring
from tests.conftest import LEAD, LEAD_PASS, OTHER, WORKER, WORKER_PASS, Template


def fail(path: Path, times: int, username: str = WORKER) -> None:
    for _ in range(times):
        with pytest.raises((WrongPassphrase, UnlockThrottled)):
            Journal.open(path, username, "not the passphrase at all")


def edit_slot(path: Path, change: Any, username: str = WORKER) -> None:
    """What someone holding the folder can do: rewrite keyring.json by hand."""
    raw = json.loads((path / "keyring.json").read_text())
    [slot] = [s for s in raw["slots"] if s["user"] == username]
    change(slot)
    (path / "keyring.json").write_text(json.dumps(raw))


def slot_json(path: Path, username: str = WORKER) -> dict[str, Any]:
    raw = json.loads((path / "keyring.json").read_text())
    [slot] = [s for s in raw["slots"] if s["user"] == username]
    return dict(slot)


def open_worker(path: Path) -> tuple[tuple[str, ...], int, list[str]]:
    """Unlock as the worker: what it found altered, failures shown, and the audit's notes."""
    journal = Journal.open(path, WORKER, WORKER_PASS)
    altered, shown = journal.failures_altered, len(journal.failed_attempts)
    journal.lock()
    lead = Journal.open(path, LEAD, LEAD_PASS)
    notes = [
        e.detail
        for e in lead.audit_events(limit=None)
        if e.action == "failed_unlock" and e.entity_id == WORKER and e.detail
    ]
    lead.lock()
    return altered, shown, notes


def test_failures_are_counted_sealed_and_audited(journal_dir: Path) -> None:
    fail(journal_dir, 2)
    slot = slot_json(journal_dir)
    assert (len(slot["failed_unlocks"]), slot["failures_total"]) == (2, 2)
    assert "failures_seal" not in slot  # no key at a failure: nothing to seal with
    assert open_worker(journal_dir) == ((), 2, [])
    slot = slot_json(journal_dir)
    assert (slot["failed_unlocks"], slot["failures_total"], slot["failures_seal"]["seen"]) == (
        [],
        2,
        2,
    )
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    unlocks = [e for e in lead.audit_events(limit=None) if e.action == "unlock"]
    lead.lock()
    worker_unlock = next(e for e in unlocks if e.entity_id == WORKER)
    assert worker_unlock.detail == f"failed unlocks counted: 2 (slot {slot['id']})"


def test_failure_times_removed_show(journal_dir: Path) -> None:
    open_worker(journal_dir)  # sealed at 0
    fail(journal_dir, 3)
    edit_slot(journal_dir, lambda s: s.update(failed_unlocks=[]))  # the throttle reset
    journal = Journal.open(journal_dir, WORKER, WORKER_PASS)  # not throttled: the times are gone
    journal.lock()
    assert journal.failures_altered == (
        "3 failed unlocks counted since the last unlock, but 0 times listed",
    )
    altered, _, notes = open_worker(journal_dir)
    assert altered == ()  # reported once, then sealed anew
    assert notes == list(journal.failures_altered)


def test_a_count_lowered_below_the_seal_shows(journal_dir: Path) -> None:
    fail(journal_dir, 2)
    open_worker(journal_dir)  # sealed at 2
    fail(journal_dir, 1)
    edit_slot(journal_dir, lambda s: s.update(failed_unlocks=[], failures_total=0))
    altered, shown, notes = open_worker(journal_dir)
    assert shown == 0
    assert "failed unlocks counted: 0, fewer than the 2 sealed at the last unlock" in altered
    assert any("fewer than the 2 the last unlock recorded" in a for a in altered)
    assert sorted(notes) == sorted(altered)  # newest first in the log


@pytest.mark.parametrize("how", ["forged", "removed", "from another slot"])
def test_a_forged_or_removed_seal_shows(journal_dir: Path, template: Template, how: str) -> None:
    fail(journal_dir, 2)
    open_worker(journal_dir)
    Journal.open(journal_dir, OTHER, "per passordfrase 12").lock()
    other_seal = slot_json(journal_dir, OTHER)["failures_seal"]

    def change(slot: dict[str, Any]) -> None:
        slot.update(failures_total=0, failed_unlocks=[])
        if how == "forged":
            slot["failures_seal"] = {"seen": 0, "mac": "00" * 32}
        elif how == "removed":
            del slot["failures_seal"]
        else:
            slot["failures_seal"] = other_seal

    edit_slot(journal_dir, change)
    altered, _, notes = open_worker(journal_dir)
    expected = {
        "forged": "the seal of the failed-unlock record does not verify",
        "removed": "the seal of the failed-unlock record was removed from keyring.json",
        "from another slot": "the seal of the failed-unlock record does not verify",
    }[how]
    assert expected in altered
    assert any("fewer than the 2 the last unlock recorded" in a for a in altered)
    assert sorted(notes) == sorted(altered)  # newest first in the log


def test_an_older_keyring_put_back_shows(journal_dir: Path, tmp_path: Path) -> None:
    open_worker(journal_dir)  # sealed at 0
    shutil.copy(journal_dir / "keyring.json", tmp_path / "old-keyring.json")
    fail(journal_dir, 2)
    open_worker(journal_dir)  # the audit log: 2 counted
    shutil.copy(tmp_path / "old-keyring.json", journal_dir / "keyring.json")
    altered, _, _ = open_worker(journal_dir)
    assert altered == (
        "keyring.json counts 0 failed unlocks, fewer than the 2 the last unlock recorded: an"
        " older keyring.json was put back, or the count was edited",
    )


def test_the_limit_a_record_put_back_as_the_last_unlock_left_it(
    journal_dir: Path, tmp_path: Path
) -> None:
    """Failures leave their trace only in files the folder's holder can put back; guesses on a
    copy leave none at all. README says so; this test keeps the claim honest."""
    open_worker(journal_dir)
    shutil.copy(journal_dir / "keyring.json", tmp_path / "as-sealed.json")
    fail(journal_dir, 3)
    shutil.copy(tmp_path / "as-sealed.json", journal_dir / "keyring.json")
    assert open_worker(journal_dir) == ((), 0, [])


def test_a_rekey_and_a_passphrase_change_keep_the_seal(journal_dir: Path) -> None:
    fail(journal_dir, 1)
    open_worker(journal_dir)
    worker = Journal.open(journal_dir, WORKER, WORKER_PASS)
    worker.change_passphrase(WORKER_PASS, "kari sin nye passordfrase")
    worker.lock()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    lead.remove_user(OTHER)  # a new data key: the seals are made again under it
    lead.lock()
    journal = Journal.open(journal_dir, WORKER, "kari sin nye passordfrase")
    journal.lock()
    assert journal.failures_altered == ()
    assert slot_json(journal_dir)["failures_total"] == 1


def test_a_reset_with_the_recovery_key_audits_the_failures_it_ends(
    journal_dir: Path, template: Template
) -> None:
    fail(journal_dir, 4)
    Journal.reset_passphrase(journal_dir, template.recovery_key, WORKER, "kari sin nye frase 1")
    journal = Journal.open(journal_dir, WORKER, "kari sin nye frase 1")  # not throttled
    journal.lock()
    assert journal.failures_altered == ()
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    events = lead.audit_events(limit=None)
    lead.lock()
    ended = [e for e in events if e.action == "failed_unlock" and e.entity_id == WORKER]
    assert len(ended) == 3  # the fourth try was throttled, never tried
    assert all(e.user == "gjenoppretting" for e in ended)


@pytest.mark.parametrize(
    ("edit", "found"),
    [
        ({"failures_total": 7, "failures_seal": {"seen": "x"}}, "does not verify"),
        ({"failures_seal": "x"}, "does not verify"),
        ({"failures_seal": {"seen": 1, "mac": "\u00e9\ud800"}}, "does not verify"),
        ({"failures_total": "many"}, "fewer than the 1 sealed at the last unlock"),
        ({"failures_total": -3}, "fewer than the 1 sealed at the last unlock"),
    ],
)
def test_the_failure_record_is_no_damage_to_the_slot(
    journal_dir: Path, edit: dict[str, Any], found: str
) -> None:
    """Edits of the record, even malformed ones, are reported as edits; they never lock anyone
    out of their slot or make the keyring unreadable."""
    fail(journal_dir, 1)
    open_worker(journal_dir)  # sealed at 1
    edit_slot(journal_dir, lambda s: s.update(edit))
    ring = Keyring.load(journal_dir / "keyring.json")
    assert not ring.slot_for(WORKER).damaged
    altered, _, _ = open_worker(journal_dir)
    assert any(found in a for a in altered), altered


def test_the_evaluator_workspace_seals_its_record(tmp_path: Path) -> None:
    path = tmp_path / "workspace"
    Workspace.init(
        path,
        study_id="s1",
        name="Studien",
        organisation="Uni",
        passphrase="evaluator pass 12",
        cost=TEST_COST,
    ).workspace.close()
    with pytest.raises(WrongPassphrase):
        Workspace.open(path, "not the passphrase at all")
    Workspace.open(path, "evaluator pass 12").close()
    slot = Keyring.load(path / "keyring.json").slots
    [user] = [s for s in slot if s.kind == "user"]
    assert (user.failures.times, user.failures.total) == ((), 1)
    assert user.failures.seal is not None
    assert user.failures.seal.seen == 1
