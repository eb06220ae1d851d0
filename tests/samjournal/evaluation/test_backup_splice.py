"""A backup's head and files cannot be parted, and an unsigned head accuses no one.

An outside review (issue 13) put the database of an older backup under the newer backup's
signed manifest (checksums recomputed): it passed as a witness and restored as if it were the
newer one. Version 3 signs the head with the files' checksums, and a restore holds the unpacked
log to the signed head. The review also stripped a signature, called the manifest version 1 and
raised the head: a false truncation alarm. An unsigned head is now a note, never a finding.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from samjournal import audit_check, audit_signed
from samjournal.audit_heads import Head
from samjournal.backup import MANIFEST, read_manifest, restore
from samjournal.cli.commands import EXIT_ERROR, EXIT_OK, main
from samjournal.errors import BackupInvalid, ValidationError
from samjournal.i18n import word
from samjournal.journal import Journal
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, World
from tests.samjournal.evaluation.test_audit_witnesses import _activity

PARTS = ("journal.db", "keyring.json")


def _remake(
    src: Path,
    dst: Path,
    *,
    files_from: Path | None = None,
    change: dict[str, object] | None = None,
    sums: bool = True,
) -> Path:
    """What a thief with the backups does without any key: another backup's files under this
    manifest, fields changed (None removes one), the checksums made to match (`sums`)."""
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    if files_from is not None:
        with zipfile.ZipFile(files_from) as zf:
            parts.update({n: zf.read(n) for n in PARTS})
    manifest = json.loads(parts[MANIFEST])
    for key, value in (change or {}).items():
        if value is None:
            manifest.pop(key, None)
        else:
            manifest[key] = value
    if sums:
        manifest["sha256"] = {n: hashlib.sha256(parts[n]).hexdigest() for n in PARTS}
    parts[MANIFEST] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return dst


def _old_and_new(lead: Journal, world: World, tmp_path: Path) -> tuple[Path, Path]:
    _activity(lead, world, 5)
    old = lead.backup(tmp_path / "old.zip")
    _activity(lead, world, 10)
    return old, lead.backup(tmp_path / "new.zip")


def _folder(world: World) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in world.journal.iterdir() if p.is_file()}


def test_an_older_database_under_a_newer_signed_manifest_is_refused(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    old, new = _old_and_new(lead, world, tmp_path)
    spliced = _remake(new, tmp_path / "spliced.zip", files_from=old)
    with pytest.raises(ValidationError, match="ikke signert av denne journalen"):
        audit_check.witness(lead, str(spliced))
    # The checksums left as they were: the signature holds, but the files are not those.
    kept_sums = _remake(new, tmp_path / "kept-sums.zip", files_from=old, sums=False)
    with pytest.raises(ValidationError, match="andre filer enn dem hodet er signert sammen med"):
        audit_check.witness(lead, str(kept_sums))
    lead.lock()
    before = _folder(world)
    with pytest.raises(BackupInvalid, match="ikke signert av journalen") as refused:
        restore(spliced, world.journal, LEAD, LEAD_PASS, reason="nyeste kopi")
    assert refused.value.key == "backup_head_not_signed"
    with pytest.raises(BackupInvalid, match="kontrollsummen"):
        restore(kept_sums, world.journal, LEAD, LEAD_PASS)
    assert _folder(world) == before  # nothing replaced, nothing marked
    Journal.open(world.journal, LEAD, LEAD_PASS).lock()  # and no alarm: nothing happened


def test_a_version_2_splice_passes_as_witness_but_the_restore_refuses_it(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """Version 2 signed the head alone: the head is genuine whatever files lie beside it (a
    witness of the log, no more), and a restore finds the unpacked log does not end there."""
    old, new = _old_and_new(lead, world, tmp_path)
    manifest = read_manifest(new)
    head = Head.from_json(manifest["audit_head"])
    key = audit_signed.key(lead._require_open().db)
    v2 = {"version": 2, "audit_head_signature": audit_signed.sign(key, lead.journal_id, head)}
    genuine = _remake(new, tmp_path / "v2.zip", change=v2)
    spliced = _remake(new, tmp_path / "v2-spliced.zip", files_from=old, change=v2)
    assert audit_check.verify(lead, [audit_check.witness(lead, str(spliced))]).ok
    old_head = Head.from_json(read_manifest(old)["audit_head"])
    lead.lock()
    before = _folder(world)
    with pytest.raises(BackupInvalid) as refused:
        restore(spliced, world.journal, LEAD, LEAD_PASS)
    assert refused.value.key == "backup_log_not_at_head"
    assert head.short() in str(refused.value)
    assert old_head.short() in str(refused.value)
    assert _folder(world) == before
    restored = restore(genuine, world.journal, LEAD, LEAD_PASS)  # a genuine v2 still restores
    assert (restored.head, restored.signed) == (head, True)


def test_a_manifest_whose_head_lost_its_signature_does_not_restore(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    _old_and_new(lead, world, tmp_path)
    stripped = _remake(
        tmp_path / "new.zip", tmp_path / "stripped.zip", change={"audit_head_signature": None}
    )
    lead.lock()
    with pytest.raises(BackupInvalid) as refused:
        restore(stripped, world.journal, LEAD, LEAD_PASS)
    assert refused.value.key == "backup_head_unsigned"


def test_restore_says_which_head_it_went_back_to(
    lead: Journal,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old, _new = _old_and_new(lead, world, tmp_path)
    head = Head.from_json(read_manifest(old)["audit_head"])
    lead.lock()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    args = ["restore", str(old), str(world.journal), "--user", LEAD, "--reason", "ny maskin"]
    assert main(args) == EXIT_OK
    out = capsys.readouterr().out
    assert f"hodet Logg {head.short()} (signert)" in out
    assert head.text() in out
    journal = Journal.open(world.journal, LEAD, LEAD_PASS)
    restore_event = next(e for e in journal.audit_events() if e.action == "restore")
    assert head.short() in restore_event.detail  # the head the log now goes on from
    journal.lock()


def test_an_unsigned_head_is_a_note_never_a_finding(
    lead: Journal,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Signature stripped, called version 1, the head raised by 50 (or its root changed):
    anyone with the file can write that, so it proves no truncation or rewrite. The same head
    given by the user (who wrote it down) does accuse."""
    _, new = _old_and_new(lead, world, tmp_path)
    head = Head.from_json(read_manifest(new)["audit_head"])
    raised = Head(head.size + 50, head.root, head.at)
    other_root = Head(head.size, "ab" * 32, head.at)
    for name, forged in (("raised", raised), ("root", other_root)):
        downgraded = _remake(
            new,
            tmp_path / f"{name}.zip",
            change={"version": 1, "audit_head_signature": None, "audit_head": forged.to_json()},
        )
        witness = audit_check.witness(lead, str(downgraded))
        assert not witness.accuses
        verdict = audit_check.verify(lead, [witness])
        assert verdict.ok
        assert verdict.problems == ()
        [note] = verdict.notes
        assert "ubekreftet" in note
        assert str(forged.size) in note
        assert word(note, "en").endswith("give the head with --witness)")
    lead.lock()
    monkeypatch.setenv("SAMJOURNAL_PASSPHRASE", LEAD_PASS)
    monkeypatch.setenv("SAMJOURNAL_USER", LEAD)
    journal = str(world.journal)
    assert main(["audit", "verify", journal, "--witness", str(tmp_path / "raised.zip")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "ubekreftet" in out
    assert "Revisjonsloggen er hel" in out
    # Typed in by the user, the very same head is a finding: the user vouches for it.
    assert main(["audit", "verify", journal, "--witness", raised.text()]) == EXIT_ERROR
    assert "fjernet fra slutten av loggen" in capsys.readouterr().out
