"""Nothing that names or contacts anyone leaves the journal: every name, identity number, phone,
address and note is searched for in every decrypted byte of every bundle and in everything the
evaluator writes."""

from __future__ import annotations

from pathlib import Path

import pyrage

from samjournal import demo
from samjournal.demo.consents import demo_consents
from samjournal.evaluation.bundle import unzip
from samjournal.evaluation.evaluator import Workspace, import_bundles, status, write_datapackage
from samjournal.evaluation.table_resources import codebook_rows
from samjournal.evaluation.tables import ALL_TABLES
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from tests.samjournal.evaluation.conftest import STUDY, WS_PASS, World

_SECRET_SQL = (
    "SELECT display_name FROM families",
    "SELECT case_number FROM families",
    "SELECT delete_reason FROM families WHERE delete_reason IS NOT NULL",
    "SELECT name FROM members",
    "SELECT national_id FROM members WHERE national_id IS NOT NULL",
    "SELECT phone FROM members",
    "SELECT place FROM meetings",
    "SELECT family_words FROM meetings",
    "SELECT agreed FROM meetings",
    "SELECT name FROM meeting_participants",
    "SELECT description FROM needs",
    "SELECT outcome FROM needs",
    "SELECT purpose FROM payments",
    "SELECT voucher_ref FROM payments",
    "SELECT reason FROM payments",
    "SELECT display_name FROM users",
)


# The codebook's own words (a meeting "place" typed as "Telefon" is the label of kind "phone").
VOCABULARY = {
    word.casefold() for row in codebook_rows(list(ALL_TABLES.values())) for word in (row[4], row[5])
}


def journal_secrets(journal: Journal) -> set[str]:
    db = journal._require_open().db
    found: set[str] = set()
    for sql in _SECRET_SQL:
        for (value,) in db.all(sql):
            text = str(value or "").strip()
            # Shorter strings and the codebook's words are common words, not identifying.
            if len(text) >= 6 and text.casefold() not in VOCABULARY:
                found.add(text)
    return found


def everything_written(ws: Workspace, bundles: list[Path], out: Path) -> dict[str, bytes]:
    """Every decrypted byte of every bundle (zip and each file in it) and the evaluator's output."""
    blobs: dict[str, bytes] = {}
    for path in bundles:
        plain = bytes(pyrage.decrypt(path.read_bytes(), ws.identities))
        blobs[f"{path.name}:zip"] = plain
        _, files = unzip(plain)
        for name, content in files.items():
            blobs[f"{path.name}:{name}"] = content
    import_bundles(ws, bundles, receipts_dir=out / "receipts")
    write_datapackage(ws, out / "datapackage")
    blobs["status"] = "\n".join(status(ws).lines()).encode()
    for file in out.rglob("*"):
        if file.is_file():
            blobs[str(file.relative_to(out))] = file.read_bytes()
    blobs["study.json"] = (ws.path / "study.json").read_bytes()
    return blobs


def assert_no_leak(secrets: set[str], blobs: dict[str, bytes]) -> None:
    assert secrets, "the journal should have something to hide"
    texts = {name: blob.decode("utf-8", "replace") for name, blob in blobs.items()}
    folded = {name: text.casefold() for name, text in texts.items()}
    leaks = []
    for secret in secrets:
        raw = secret.encode("utf-8")
        for name, blob in blobs.items():
            # Case-insensitive only for text with spaces: a single word of random base64
            # (pseudonyms, signatures) could otherwise match by chance.
            if raw in blob or (" " in secret and secret.casefold() in folded[name]):
                leaks.append((secret, name))
    assert leaks == []


def test_nothing_personal_leaves_the_test_journal(
    lead: Journal, ws: Workspace, world: World, tmp_path: Path
) -> None:
    section = lead.evaluation
    bundles = [section.export(STUDY, tmp_path / "out").path]
    lead.consents.withdraw(lead.consents.for_family(world.families[0])[0].id)
    lead.families.delete(world.families[1], "Familien ba om sletting 2025")
    bundles.append(section.export(STUDY, tmp_path / "out").path)
    bundles.append(section.export(STUDY, tmp_path / "out", full=True).path)
    secrets = journal_secrets(lead) | {s for s in world.secrets if len(s) >= 6}
    assert_no_leak(secrets, everything_written(ws, bundles, tmp_path / "evaluator"))


def test_nothing_personal_leaves_the_demo_journal(world: World, tmp_path: Path) -> None:
    journal = demo.create_demo_journal(tmp_path / "demo", families=30, seed=5, cost=TEST_COST)
    try:
        given = demo_consents(journal, world.workspace / "study.json")
        assert given > 0
        result = journal.evaluation.export(STUDY, tmp_path / "out", full=True)
        assert result.entry.households > 0
        secrets = journal_secrets(journal)
    finally:
        journal.lock()
    ws = Workspace.open(world.workspace, WS_PASS)
    try:
        blobs = everything_written(ws, [result.path], tmp_path / "evaluator")
    finally:
        ws.close()
    assert_no_leak(secrets, blobs)
