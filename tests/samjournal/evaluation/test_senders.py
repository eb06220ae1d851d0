"""Known senders only: the evaluator registers each journal (id, key, site) before it accepts
the journal's bundles. A forger holds only what is public: the study profile (so the study's age
recipient) and a SamJournal of their own, with its own id and signing key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from samjournal.errors import ValidationError
from samjournal.evaluation.bundle import csv_bytes, open_bundle, write_bundle
from samjournal.evaluation.evaluator import (
    ImportReport,
    Workspace,
    import_bundles,
    read_key,
    register,
    senders,
    status,
)
from samjournal.evaluation.evaluator import workspace as workspace_module
from samjournal.evaluation.evaluator.status import ALARM
from samjournal.evaluation.tables import ALL_TABLES
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.minisign import PublicKey, SigningKey
from tests.samjournal.evaluation.conftest import (
    LEAD,
    LEAD_PASS,
    SITE,
    STUDY,
    WS_PASS,
    World,
    consent,
    dataset,
    populate,
)


@dataclass(frozen=True)
class Forger:
    journal_id: str  # invented: a journal the evaluator never heard of
    key: PublicKey  # the forger journal's own signing key
    bundle: bytes  # a well-formed bundle, encrypted to the public study recipient


@pytest.fixture(scope="session")
def forger(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Forger:
    root = tmp_path_factory.mktemp("forger")
    journal = Journal.create(
        root / "journal", username=LEAD, display_name="F", passphrase=LEAD_PASS, cost=TEST_COST
    ).journal
    try:
        journal.evaluation.import_study(template_world.workspace / "study.json")  # public
        world = populate(journal, families=24, seed=99, secrets=[])
        with journal._require_open().db.transaction():
            for family in world.families:
                consent(journal, world, family)
        path = journal.evaluation.export(STUDY, root / "out").path
        return Forger(journal.journal_id, journal.evaluation.public_key(), path.read_bytes())
    finally:
        journal.lock()


def snapshot(ws: Workspace) -> object:
    db = ws.db
    return (
        dataset(ws),
        [tuple(r) for r in db.all("SELECT * FROM bundles ORDER BY 1")],
        [tuple(r) for r in db.all("SELECT * FROM journal_keys ORDER BY 1, 2")],
        [tuple(r) for r in db.all("SELECT * FROM journals ORDER BY 1")],
        sorted(p.name for p in ws.folder.receipts_path.iterdir()),
    )


def _import(ws: Workspace, data: bytes, tmp_path: Path) -> ImportReport:
    path = tmp_path / "bundle.age"
    path.write_bytes(data)
    [report] = import_bundles(ws, [path])
    return report


def test_a_forged_bundle_from_an_invented_journal_is_refused(
    ws: Workspace, forger: Forger, tmp_path: Path
) -> None:
    before = snapshot(ws)
    report = _import(ws, forger.bundle, tmp_path)
    assert report.status == "rejected"
    reason = report.reason
    assert f"Journalen {forger.journal_id} er ikke registrert" in reason
    assert forger.key.fingerprint in reason  # what to compare, should it be genuine
    assert report.receipt is None
    assert snapshot(ws) == before  # no rows, no key trusted, no receipt


def test_a_known_journal_id_signed_with_another_key_is_refused(
    ws: Workspace, forger: Forger, tmp_path: Path
) -> None:
    register(ws, forger.journal_id, SigningKey.generate().public, "Trondheim, team Vest")
    before = snapshot(ws)
    report = _import(ws, forger.bundle, tmp_path)
    assert report.status == "rejected"
    assert "registrert med en annen signeringsnøkkel" in report.reason
    assert snapshot(ws) == before
    # The refusal, not the bundle, is kept: status shows it beside the journal, in red.
    by_id = {j.journal_id: j for j in status(ws).journals}
    assert by_id[forger.journal_id].blocked is not None
    [line] = [line for line in status(ws).lines("en") if "BLOCKED" in line]
    assert line.startswith(ALARM)
    assert "bundle (1) was refused" in line
    assert "registered with another signing key" in line
    assert forger.key.fingerprint in line
    # Its new key registered (fingerprint read out), the bundle is stored: no longer blocked.
    register(ws, forger.journal_id, forger.key, "Trondheim, team Vest", new_key=True)
    assert _import(ws, forger.bundle, tmp_path).status == "stored"
    by_id = {j.journal_id: j for j in status(ws).journals}
    assert by_id[forger.journal_id].blocked is None


def test_a_bundle_signed_in_a_journals_name_stays_in_status_after_its_next_good_one(
    ws: Workspace, forger: Forger, tmp_path: Path
) -> None:
    """The journal's last refusal goes with its next good import; the bundle someone signed in
    its name with another key stays in status, in red, until that key is registered as the
    journal's own (evaluator review s23: the trace was gone after the next good import)."""
    genuine = SigningKey.generate()
    register(ws, forger.journal_id, genuine.public, "Trondheim, team Vest")
    content = open_bundle(forger.bundle, ws.identities)
    tables = {
        name: csv_bytes(ALL_TABLES[name].header, rows)
        for name, rows in content.tables.items()
        if name in ALL_TABLES
    }
    own, _ = write_bundle(
        content.header,
        tables,
        content.risk,
        genuine,
        ws.profile.age_recipients(),
        "own",
        content.audit,
    )
    assert _import(ws, forger.bundle, tmp_path).status == "rejected"
    assert _import(ws, own, tmp_path).status == "stored"
    journal = {j.journal_id: j for j in status(ws).journals}[forger.journal_id]
    assert journal.blocked is None  # the last refusal went with the good import
    [line] = [line for line in status(ws).lines("en") if "in its name" in line]
    assert line.startswith(ALARM)
    assert "refused: 1" in line
    assert forger.key.fingerprint in line
    assert genuine.public.fingerprint not in line
    # Registered as the journal's own new key, the refusal is settled and leaves status.
    register(ws, forger.journal_id, forger.key, "Trondheim, team Vest", new_key=True)
    assert not [line for line in status(ws).lines("en") if "in its name" in line]


def test_a_registered_journal_is_accepted_with_its_site(
    ws: Workspace, forger: Forger, tmp_path: Path
) -> None:
    registered = register(ws, forger.journal_id, forger.key, "  Malvik,   team Nord ")
    assert registered.site == "Malvik, team Nord"
    report = _import(ws, forger.bundle, tmp_path)
    assert report.status == "stored", report.lines()
    assert report.site == "Malvik, team Nord"
    assert report.receipt is not None
    assert report.receipt.exists()
    by_id = {s.journal_id: s for s in status(ws).journals}
    assert by_id[forger.journal_id].site == "Malvik, team Nord"
    assert by_id[forger.journal_id].counts["households"] > 0


def test_one_key_belongs_to_one_journal(
    lead: Journal, ws: Workspace, forger: Forger, tmp_path: Path
) -> None:
    """The same key for a second journal id is a copied journal folder or a forgery, never a
    team: refused at registration, and a bundle claiming the other id stays refused."""
    register(ws, forger.journal_id, forger.key, "Malvik, team Nord")
    other = "0" * 32
    with pytest.raises(ValidationError, match="allerede registrert for journal") as caught:
        register(ws, other, forger.key, "Stjørdal, team Sør")
    assert forger.journal_id in caught.value.message
    assert other not in {s.journal_id for s in senders(ws)}
    # Nor can the lead's key be given to the forger's id: it is the lead journal's.
    with pytest.raises(ValidationError, match=lead.journal_id):
        register(ws, other, lead.evaluation.public_key(), "Stjørdal, team Sør")


def test_registering_again_corrects_the_site_and_a_new_key_needs_saying_so(
    ws: Workspace, forger: Forger
) -> None:
    register(ws, forger.journal_id, forger.key, "Malvik, team Nord")
    again = register(ws, forger.journal_id.upper(), forger.key, "Malvik, team Nordre")
    assert again.site == "Malvik, team Nordre"
    assert [k.how for k in again.keys] == ["registered"]
    new = SigningKey.generate().public
    with pytest.raises(ValidationError, match="--new-key"):
        register(ws, forger.journal_id, new, "Malvik, team Nordre")
    both = register(ws, forger.journal_id, new, "Malvik, team Nordre", new_key=True)
    assert {k.key_id for k in both.keys} == {forger.key.key_id_hex, new.key_id_hex}


@pytest.mark.parametrize(
    ("journal_id", "site", "field"),
    [
        ("not-a-journal-id", SITE, "--id"),
        ("ab" * 16, "   ", "--site"),
        ("ab" * 16, "x" * 121, "--site"),
        ("ab" * 16, "Trondheim\x00, team Øst", "--site"),
        ("ab" * 16, "Trondheim \udcc3", "--site"),
    ],
)
def test_registration_is_validated(ws: Workspace, journal_id: str, site: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        register(ws, journal_id, SigningKey.generate().public, site)
    assert caught.value.field == field


def test_the_key_file_samjournal_key_writes_is_read(lead: Journal, tmp_path: Path) -> None:
    public = lead.evaluation.write_public_key(tmp_path / "journal.pub")
    assert read_key((tmp_path / "journal.pub").read_bytes()) == public
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}", public.fingerprint)  # read aloud
    for junk in (b"", b"untrusted comment: x\nnot base64 !!\n", b"\xff" * 10, b"x" * 5000):
        with pytest.raises(ValidationError, match="minisign"):
            read_key(junk)


def test_a_workspace_from_before_registration_is_upgraded(
    lead: Journal, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 1 trusted a journal's key on first use. Upgraded, that journal's data stays, but
    its bundles wait until the evaluator registers it: first use is not a read-out fingerprint."""
    with monkeypatch.context() as old:
        old.setattr(workspace_module, "SCHEMA_VERSION", 1)
        old.setattr(workspace_module, "MIGRATIONS", {})
        created = Workspace.init(
            tmp_path / "v1",
            study_id=STUDY,
            name="Gammel",
            organisation="NTNU",
            passphrase=WS_PASS,
            cost=TEST_COST,
        ).workspace
        key = lead.evaluation.public_key()
        with created.db.transaction():
            assert (
                created.db.first("SELECT name FROM sqlite_master WHERE name = 'journals'") is None
            )
            created.db.execute(
                "INSERT INTO journal_keys VALUES (?, ?, ?, ?, '2026-01-01', 'first_use')",
                (lead.journal_id, key.key_id_hex, key.to_line(), key.fingerprint),
            )
        created.close()
    ws = Workspace.open(tmp_path / "v1", WS_PASS)
    try:
        version = ws.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version == str(workspace_module.SCHEMA_VERSION)
        # Schema 3 keeps each journal's consent counts (empty until a bundle brings them).
        assert ws.db.scalar("SELECT count(*) FROM consent_counts") == 0
        [seen] = senders(ws)
        assert (seen.journal_id, seen.registered, seen.keys[0].how) == (
            lead.journal_id,
            False,
            "first_use",
        )
        assert any("IKKE REGISTRERT" in line for line in status(ws).lines())
        register(ws, lead.journal_id, key, SITE)
        [known] = senders(ws)
        assert (known.registered, [k.how for k in known.keys]) == (True, ["registered"])
    finally:
        ws.close()
    Workspace.open(tmp_path / "v1", WS_PASS).close()  # opens again: migrated once
