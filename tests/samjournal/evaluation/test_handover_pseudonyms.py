"""A family handed over keeps its study pseudonyms: the evaluation sees the same households go on
in the receiving journal, at its site, and the sending journal's next bundle says they left."""

from __future__ import annotations

from pathlib import Path

from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.evaluation.release_state import Registry, unpack
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from tests.samjournal.evaluation.conftest import STUDY, World, register

OTHER_SITE = "Trondheim, team Vest"


def _households(ws: Workspace, journal_id: str) -> set[str]:
    return {
        str(r[0])
        for r in ws.db.all(
            "SELECT DISTINCT household_id FROM records WHERE journal_id = ?", (journal_id,)
        )
    }


def test_handed_over_households_keep_their_pseudonyms(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    import_bundles(ws, [lead.evaluation.export(STUDY, tmp_path / "a1").path])
    before = _households(ws, lead.journal_id)
    assert before

    other = Journal.create(
        tmp_path / "other", username="tone", display_name="Tone", passphrase="tone passord 123",
        cost=TEST_COST,
    ).journal  # fmt: skip
    other.evaluation.import_study(world.workspace / "study.json")
    register(ws, other, OTHER_SITE)
    other.handovers.add_peer(lead.handovers.receiving_key().to_file(), "Team Øst")
    lead.handovers.add_peer(other.handovers.receiving_key().to_file(), "Team Vest")
    moved = world.families[:-4]  # every consented family
    latest = _latest(lead)
    assert latest
    assert all(latest.values())
    # A household whose sent payment changed since: the version it replaced stays known.
    db = lead._require_open().db
    registry = Registry(db, STUDY)
    state = registry.by_family[moved[0]]
    state.superseded = {"p|health|1000|2025-01"}
    with db.transaction():
        db.execute(
            "UPDATE evaluation_households SET records = ? WHERE id = ?",
            (state.pack(), state.row_id),
        )
    superseded = _superseded(lead)
    assert superseded[state.pseudonym] == {"p|health|1000|2025-01"}
    sent = tmp_path / "fil.age"
    lead.handovers.send(moved, other.journal_id, sent)
    intake = other.handovers.receive(sent.read_bytes())
    lead.handovers.take_receipt(intake.receipt)
    # The latest index date the study's check took for each household, and the true items of
    # the versions its changes replaced, travel with it.
    assert _latest(other) == latest
    assert _superseded(other) == superseded

    import_bundles(ws, [other.evaluation.export(STUDY, tmp_path / "b1").path])
    after = _households(ws, other.journal_id)
    assert after  # released from the receiving journal ...
    assert after <= before  # ... under the pseudonyms the study already knew
    sites = {
        str(r[0])
        for r in ws.db.all(
            "SELECT DISTINCT site FROM journals WHERE journal_id = ?", (other.journal_id,)
        )
    }
    assert sites == {OTHER_SITE}
    # The sending journal's next bundle: those households have left it.
    import_bundles(ws, [lead.evaluation.export(STUDY, tmp_path / "a2").path])
    left = {
        str(r[0])
        for r in ws.db.all(
            "SELECT household_id FROM tombstones WHERE journal_id = ?", (lead.journal_id,)
        )
    }
    assert after <= left
    other.lock()


def _superseded(journal: Journal) -> dict[str, set[str]]:
    """Live household pseudonym -> the true items of the versions its changes replaced."""
    return {
        str(name): unpack(bytes(blob)).superseded
        for name, blob in journal._require_open().db.tuples(
            "SELECT pseudonym, records FROM evaluation_households WHERE retired = 0"
        )
    }


def _latest(journal: Journal) -> dict[str, int]:
    """Live household pseudonym -> the latest index date its release state keeps."""
    return {
        str(name): unpack(bytes(blob)).latest
        for name, blob in journal._require_open().db.tuples(
            "SELECT pseudonym, records FROM evaluation_households WHERE retired = 0"
        )
    }
