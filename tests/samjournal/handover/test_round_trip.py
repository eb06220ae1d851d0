"""A family handed over and back: every row, version and author equal on the receiving side;
the receipt removes it from the sending side; the same file twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from samjournal.errors import HandoverRejected
from samjournal.handover.collect import ENTITY_OF, REFS, USER, family_rows
from samjournal.journal import Journal
from samjournal.model import FamilyId
from samjournal.store import Database
from tests.rich_family import rich_family
from tests.samjournal.handover.conftest import Pair

# Columns that the hand-over itself sets on the receiving side.
HANDED = {"case_number", "owner_id", "version", "updated_at", "updated_by"}


def _db(journal: Journal) -> Database:
    return journal._ctx.db


def _authors(db: Database) -> dict[int, str]:
    return {
        r["id"]: f"{r['username'].split('@')[0]}|{r['display_name']}"
        for r in db.all("SELECT * FROM users")
    }


def _comparable(db: Database, family_id: int) -> dict[str, Any]:
    """The family's rows with ids replaced by their rank in the table and users by name."""
    rows = family_rows(db, family_id)
    authors = _authors(db)
    ranks = {
        table: {row["id"]: n for n, row in enumerate(rows[table])}
        for table in REFS
        if rows[table] and "id" in rows[table][0]
    }

    def plain(table: str, row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for column, value in row.items():
            kind = REFS[table].get(column)
            if kind == USER:
                out[column] = authors.get(value) if value is not None else None
            elif kind is not None:
                out[column] = ranks[kind].get(value) if value is not None else None
            else:
                out[column] = value
        return out

    result: dict[str, Any] = {t: [plain(t, r) for r in rows[t]] for t in REFS}
    result["history"] = sorted(
        (
            (
                v["entity"],
                ranks[ENTITY_OF[v["entity"]]][v["entity_id"]],
                v["version"],
                json.dumps(plain(ENTITY_OF[v["entity"]], json.loads(v["data"])), sort_keys=True),
                authors[v["changed_by"]],
                v["changed_at"],
            )
            for v in rows["history"]
        ),
    )
    return result


def _send(pair: Pair, family_id: FamilyId, tmp_path: Path) -> Path:
    target = tmp_path / "overføring.age"
    receiving = pair.receiver.journal_id
    pair.sender.handovers.send([family_id], receiving, target)
    return target


def test_every_row_version_and_author_arrive(pair: Pair, tmp_path: Path) -> None:
    rich = rich_family(pair.sender, "Qz")
    before = _comparable(_db(pair.sender), rich.id)
    old_number = pair.sender.families.get(rich.id).case_number
    intake = pair.receiver.handovers.receive(_send(pair, rich.id, tmp_path).read_bytes())

    [got] = intake.families
    assert not got.again
    assert got.old_case_number == old_number
    numbers = [r.case_number for r in pair.receiver.families.case_list()]
    assert len(numbers) == len(set(numbers)) == 2
    after = _comparable(_db(pair.receiver), got.family_id)
    # The family row: everything but what the hand-over sets.
    [family_before], [family_after] = before.pop("families"), after.pop("families")
    assert {k: v for k, v in family_before.items() if k not in HANDED} == {
        k: v for k, v in family_after.items() if k not in HANDED
    }
    assert family_after["version"] == family_before["version"] + 1
    assert family_after["owner_id"] == "tone|Tone Mottaker"
    # History: every earlier version, plus the family as it came.
    came = [h for h in after["history"] if h not in before["history"]]
    assert [h for h in after["history"] if h in before["history"]] == before.pop("history")
    assert [(h[0], h[2]) for h in came] == [("family", family_before["version"])]
    after.pop("history")
    assert after == before  # members, meetings, participants, needs, payments, check-ins, consents

    origin = pair.receiver.handovers.origin(FamilyId(got.family_id))
    assert origin is not None
    assert origin.old_case_number == old_number
    assert origin.from_label == "Team Øst"


def test_the_received_family_works_like_any_other(pair: Pair, tmp_path: Path) -> None:
    rich = rich_family(pair.sender, "Wx")
    [got] = pair.receiver.handovers.receive(_send(pair, rich.id, tmp_path).read_bytes()).families
    receiver = pair.receiver
    assert set(receiver.search.families("Wxord")) == {got.family_id}
    detail = receiver.families.open(FamilyId(got.family_id))
    assert {m.name for m in detail.members} >= {"MorWx Endret", "BarnWx"}
    assert [r.case_number for r in receiver.families.case_list()].count(got.case_number) == 1
    assert receiver.families.budget(FamilyId(got.family_id)) == pair.sender.families.budget(rich.id)
    # An approved payment stays approved; the case list's figures are the records'.
    assert not receiver.families.stale_totals()
    # The people of the sending journal are not users here and cannot sign in.
    assert {u.username for u in receiver.users() if u.staff} == {"tone"}
    authors = {u.display_name: u for u in receiver.users() if not u.staff}
    assert authors["Lise Leder"].origin == pair.sender.journal_id
    assert not authors["Lise Leder"].active
    trail = _db(receiver).all("SELECT * FROM handover_trail WHERE family_id = ?", (got.family_id,))
    assert trail
    assert {t["username"] for t in trail} == {"lise"}
    assert receiver.verify_audit().ok


def test_the_same_file_twice_changes_nothing(pair: Pair, tmp_path: Path) -> None:
    rich = rich_family(pair.sender, "Vy")
    data = _send(pair, rich.id, tmp_path).read_bytes()
    first = pair.receiver.handovers.receive(data)
    families = len(pair.receiver.families.case_list())
    again = pair.receiver.handovers.receive(data)
    assert again.again
    assert len(pair.receiver.families.case_list()) == families
    assert again.families[0].family_id == first.families[0].family_id
    # A new copy of the same handover (the file was made again) is the same family too.
    second = _send(pair, rich.id, tmp_path).read_bytes()
    assert pair.receiver.handovers.receive(second).again
    assert len(pair.receiver.families.case_list()) == families


def test_the_receipt_removes_the_family_and_keeps_a_tombstone(pair: Pair, tmp_path: Path) -> None:
    rich = rich_family(pair.sender, "Ux")
    number = pair.sender.families.get(rich.id).case_number
    intake = pair.receiver.handovers.receive(_send(pair, rich.id, tmp_path).read_bytes())
    assert [w.family_id for w in pair.sender.handovers.waiting()] == [rich.id]
    assert pair.sender.families.get(rich.id)  # whole until the receipt comes

    removed = pair.sender.handovers.take_receipt(intake.receipt)
    assert [r.family_id for r in removed] == [rich.id]
    assert not pair.sender.handovers.waiting()
    db = _db(pair.sender)
    for table in ("families", "members", "meetings", "needs", "payments", "checkins"):
        key = "id" if table == "families" else "family_id"
        assert not db.all(f"SELECT 1 FROM {table} WHERE {key} = ?", (rich.id,))
    assert not pair.sender.search.families("Uxord")
    [tomb] = db.all("SELECT * FROM audit WHERE action = 'erase' AND family_id = ?", (rich.id,))
    assert number in tomb["detail"]
    assert pair.receiver.journal_id in tomb["detail"]
    assert not any(s in tomb["detail"] for s in rich.secrets)
    assert pair.sender.verify_audit().ok
    assert pair.sender.handovers.take_receipt(intake.receipt) == []  # again: nothing more


def test_a_change_after_the_file_was_made_keeps_the_family(pair: Pair, tmp_path: Path) -> None:
    rich = rich_family(pair.sender, "Tx")
    intake = pair.receiver.handovers.receive(_send(pair, rich.id, tmp_path).read_bytes())
    pair.sender.needs.raise_need(rich.id, "Nytt behov etterpå", _any_category())
    with pytest.raises(HandoverRejected, match="endret etter"):
        pair.sender.handovers.take_receipt(intake.receipt)
    assert pair.sender.families.get(rich.id)


def test_a_receipt_for_an_earlier_file_is_good_while_the_family_is_unchanged(
    pair: Pair, tmp_path: Path
) -> None:
    """A send killed after its commit but before renaming its file leaves the earlier file in
    place (found by the kill test): its receipt removes the family if nothing changed since that
    file, and is refused otherwise."""
    rich = rich_family(pair.sender, "Sx")
    earlier = _send(pair, rich.id, tmp_path).read_bytes()
    (tmp_path / "again").mkdir()
    _send(pair, rich.id, tmp_path / "again")  # the newer file, never delivered
    intake = pair.receiver.handovers.receive(earlier)
    [removed] = pair.sender.handovers.take_receipt(intake.receipt)
    assert removed.family_id == rich.id

    changed = rich_family(pair.sender, "Rx")
    (tmp_path / "c1").mkdir()
    (tmp_path / "c2").mkdir()
    earlier = _send(pair, changed.id, tmp_path / "c1").read_bytes()
    pair.sender.needs.raise_need(changed.id, "Nytt behov etterpå", _any_category())
    _send(pair, changed.id, tmp_path / "c2")  # the change went out in this one only
    intake = pair.receiver.handovers.receive(earlier)
    with pytest.raises(HandoverRejected, match="endret etter"):
        pair.sender.handovers.take_receipt(intake.receipt)
    assert pair.sender.families.get(changed.id)


def _any_category() -> Any:
    from samjournal.model import NeedCategory

    return NeedCategory.HOUSING


def test_reports_print_the_received_family(pair: Pair, tmp_path: Path) -> None:
    """The case summary and the family's copy of a received family."""
    import subprocess

    from samjournal import reports

    rich = rich_family(pair.sender, "Rep")
    [got] = pair.receiver.handovers.receive(_send(pair, rich.id, tmp_path).read_bytes()).families
    family = FamilyId(got.family_id)
    texts = {}
    for name, pdf in (
        ("summary", reports.case_summary(pair.receiver, family)),
        ("copy", reports.family_copy(pair.receiver, family)),
    ):
        target = tmp_path / f"{name}.pdf"
        target.write_bytes(pdf)
        texts[name] = subprocess.run(
            ["pdftotext", "-layout", target, "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Familien Rep" in texts[name]
    assert got.case_number in texts["summary"]
    assert "MorRep Endret" in texts["summary"]  # the members as they are now
