"""The head in every backup is signed with the journal's key, so it cannot be forged.

Without a signature, anyone with the folder could rewrite a backup's manifest so that its head
matches a rewritten log, and `audit verify --witness BACKUP` would pass. With it, such a backup
is refused, and so is one whose signature was taken off.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from samjournal import audit_check, audit_signed
from samjournal.audit_heads import Head
from samjournal.backup import MANIFEST, read_manifest
from samjournal.cli.commands import EXIT_ERROR, main
from samjournal.errors import ValidationError
from samjournal.journal import Journal
from samjournal.minisign import SigningKey
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity, _delete_middle, _rewrite

MINISIGN = shutil.which("minisign")


def _with_manifest(backup: Path, target: Path, change: dict[str, object]) -> Path:
    """A copy of `backup` whose manifest has `change` applied (None removes a key): what a
    thief with the folder can do without any key."""
    manifest = read_manifest(backup)
    for key, value in change.items():
        if value is None:
            manifest.pop(key, None)
        else:
            manifest[key] = value
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == MANIFEST:
                data = json.dumps(manifest, indent=2).encode()
            dst.writestr(info, data)
    return target


def test_a_backup_head_is_signed_and_minisign_agrees(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 5)
    backup = lead.backup(tmp_path / "b.zip")
    manifest = read_manifest(backup)
    assert manifest["version"] == 3
    head = Head.from_json(manifest["audit_head"])
    contents = audit_signed.contents_of(manifest, "journal.db", "keyring.json")
    signed = manifest["audit_head_signature"]
    assert isinstance(signed, dict)
    witness = audit_check.witness(lead, str(backup))
    assert "usignert" not in witness.what
    assert audit_check.verify(lead, [witness]).ok
    if MINISIGN is None:
        pytest.skip("Debian's minisign is not installed (apt-get install minisign)")
    signed_text = audit_signed.message(lead.journal_id, head, contents)
    # What is signed: the head and the checksums of the files the backup holds (version 3).
    assert f"sha256 journal.db={contents.db_sha256}".encode() in signed_text
    assert f"sha256 keyring.json={contents.keyring_sha256}".encode() in signed_text
    (tmp_path / "head").write_bytes(signed_text)
    (tmp_path / "head.minisig").write_text(str(signed["minisig"]))
    done = subprocess.run(
        [MINISIGN, "-V", "-P", str(signed["public_key"]), "-m", str(tmp_path / "head")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"backup head {head.size}" in done.stdout


def test_a_forged_head_matching_a_rewritten_log_is_refused(
    lead: Journal,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _activity(lead, world, 20)
    backup = lead.backup(tmp_path / "b.zip")
    _rewrite(lead, _delete_middle)
    assert not audit_check.verify(lead, [audit_check.witness(lead, str(backup))]).ok
    rewritten = lead.audit_tree_head()
    forged = _with_manifest(backup, tmp_path / "forged.zip", {"audit_head": rewritten.to_json()})
    with pytest.raises(ValidationError, match="ikke signert av denne journalen"):
        audit_check.witness(lead, str(forged))
    stripped = _with_manifest(
        backup,
        tmp_path / "stripped.zip",
        {"audit_head": rewritten.to_json(), "audit_head_signature": None},
    )
    with pytest.raises(ValidationError, match="mangler signaturen"):
        audit_check.witness(lead, str(stripped))
    # Another journal's signature (a key this journal does not hold) does not count either.
    other = _with_manifest(
        backup,
        tmp_path / "other.zip",
        {
            "audit_head": rewritten.to_json(),
            "audit_head_signature": audit_signed.sign(
                SigningKey.generate(), lead.journal_id, rewritten
            ),
        },
    )
    with pytest.raises(ValidationError, match="ikke signert av denne journalen"):
        audit_check.witness(lead, str(other))
    lead.lock()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    args = ["audit", "verify", str(world.journal), "--witness", str(forged)]
    assert main(args) == EXIT_ERROR
    assert "ikke signert" in capsys.readouterr().err


def test_a_backup_from_before_signed_heads_is_read_as_unsigned(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    _activity(lead, world, 5)
    backup = lead.backup(tmp_path / "b.zip")
    old = _with_manifest(backup, tmp_path / "old.zip", {"version": 1, "audit_head_signature": None})
    witness = audit_check.witness(lead, str(old))
    assert "usignert" in witness.what
    assert audit_check.verify(lead, [witness]).ok


def test_a_backup_cut_short_is_named_damaged_as_a_witness(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """A backup copied only partly (a full stick, a pulled cable) lost the zip's index at its
    end: it was read as a text head, "too large to be a head" (reliability review)."""
    _activity(lead, world, 5)
    backup = lead.backup(tmp_path / "b.zip")
    data = backup.read_bytes()
    for kept in (len(data) // 2, 200):
        cut = tmp_path / f"cut-{kept}.zip"
        cut.write_bytes(data[:kept])
        with pytest.raises(ValidationError, match="skadet eller ikke en SamJournal-sikkerhetskopi"):
            audit_check.witness(lead, str(cut))
