"""Backups: one zip file holding a consistent copy of the database and the keyring.

Both parts stay encrypted (the database under the data key, the keyring holds only wrapped
keys). Restore unpacks into a scratch folder beside the target, proves the copy opens with the
user's passphrase and passes both integrity checks, and only then moves it into place; the
journal it replaces is kept beside it, never deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

from samjournal.errors import BackupInvalid, KeyringDamaged, SamJournalError
from samjournal.folder import DB_NAME, KEYRING_NAME, JournalFolder
from samjournal.fsutil import ZIP_READ_ERRORS, fsync_dir, storage_error, temp_path
from samjournal.keyring import Keyring
from samjournal.mark import record_restore
from samjournal.reserve import disk_full
from samjournal.store import Database, integrity_problems

FORMAT = "samjournal-backup"
MANIFEST = "manifest.json"
MAX_PART = 8 * 1024**3  # refuse absurd sizes before reading them
MAX_MANIFEST = 64 * 1024


def write_backup(db: Database, folder: JournalFolder, target: Path) -> Path:
    """Write `target` atomically; a crash leaves no file that could be taken for a backup."""
    ring = Keyring.load(folder.keyring_path)
    # On a full disk the snapshot goes beside the target instead, so a journal on a full disk
    # can still be backed up to another (the copy is encrypted under the data key).
    beside = target.with_name(target.name + ".db") if disk_full(folder.path) else folder.db_path
    snapshot = temp_path(beside)
    partial = temp_path(target)
    try:
        db.export_to(snapshot, db.key)
        manifest = {
            "format": FORMAT,
            "version": 1,
            "journal_id": ring.journal_id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "sha256": {DB_NAME: _sha256(snapshot), KEYRING_NAME: _sha256_bytes(ring.to_bytes())},
        }
        with zipfile.ZipFile(partial, "x", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
            zf.writestr(KEYRING_NAME, ring.to_bytes())
            zf.write(snapshot, DB_NAME)
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        for leftover in (snapshot, partial):
            leftover.unlink(missing_ok=True)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(source: Path) -> dict[str, object]:
    """The backup's manifest, after checking the archive is shaped like one of ours.

    Backups are written uncompressed, so nothing here ever inflates: a crafted archive cannot
    make the reader allocate or write more than the file itself holds.
    """
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            if sorted(i.filename for i in infos) != sorted((MANIFEST, DB_NAME, KEYRING_NAME)):
                raise BackupInvalid("Filen er ikke en SamJournal-sikkerhetskopi.")
            if any(i.compress_type != zipfile.ZIP_STORED for i in infos):
                raise BackupInvalid("Filen er ikke en SamJournal-sikkerhetskopi.")
            if any(i.file_size > MAX_PART for i in infos) or any(
                i.file_size > MAX_MANIFEST for i in infos if i.filename == MANIFEST
            ):
                raise BackupInvalid("Sikkerhetskopien er urimelig stor.")
            manifest = json.loads(zf.read(MANIFEST))
    except ZIP_READ_ERRORS as exc:
        raise BackupInvalid("Filen er skadet eller ikke en SamJournal-sikkerhetskopi.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupInvalid("Filen er ikke en SamJournal-sikkerhetskopi.")
    return manifest


def restore(source: Path, target: Path, username: str, passphrase: str) -> Path | None:
    """Restore `source` into the folder `target`; return where the replaced journal was kept."""
    manifest = read_manifest(source)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.parent / f".restore-{os.urandom(6).hex()}.partial"
    scratch.mkdir()
    try:
        _unpack(source, scratch, manifest)
        staged = JournalFolder(scratch)
        try:  # the backup's own keyring; its failure counts do not throttle a restore
            key = Keyring.load(staged.keyring_path).unlock(username, passphrase)
        except KeyringDamaged as exc:  # WrongPassphrase goes through as it is
            raise BackupInvalid("Nøkkelringen i sikkerhetskopien er skadet.") from exc
        try:
            db = Database(staged.db_path, key, read_only=True)
        except SamJournalError as exc:
            raise BackupInvalid("Databasen i sikkerhetskopien kan ikke åpnes.") from exc
        try:
            if integrity_problems(db):
                raise BackupInvalid("Databasen i sikkerhetskopien består ikke integritetssjekken.")
        finally:
            db.close()
        db = Database(staged.db_path, key)
        try:
            record_restore(db, username, target)
        finally:
            db.close()
        kept = _move_aside(target)
        os.replace(scratch, target)
        fsync_dir(target.parent)
        return kept
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)


def _unpack(source: Path, into: Path, manifest: dict[str, object]) -> None:
    sums = manifest.get("sha256")
    if not isinstance(sums, dict):
        raise BackupInvalid("Sikkerhetskopien mangler kontrollsummer.")
    with zipfile.ZipFile(source) as zf:
        for name in (DB_NAME, KEYRING_NAME):  # fixed names: nothing from the archive is a path
            digest = hashlib.sha256()
            with (into / name).open("xb") as dst:  # OSError here: our disk, not the backup
                for block in _blocks(zf, name):
                    digest.update(block)
                    dst.write(block)
                dst.flush()
                os.fsync(dst.fileno())
            if digest.hexdigest() != sums.get(name):
                raise BackupInvalid("Sikkerhetskopien er skadet (kontrollsummen stemmer ikke).")


def _blocks(zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The member's bytes; any failure to read them means a damaged backup."""
    try:
        with zf.open(name) as src:
            yield from iter(lambda: src.read(1 << 20), b"")
    except ZIP_READ_ERRORS as exc:
        raise BackupInvalid("Sikkerhetskopien er skadet og kan ikke pakkes ut.") from exc


def _move_aside(target: Path) -> Path | None:
    if not target.exists() or not any(target.iterdir()):
        if target.exists():
            target.rmdir()
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.name}.before-restore-{stamp}")
    number = 1
    while kept.exists():  # two restores within a second: never put one on top of the other
        number += 1
        kept = target.with_name(f"{target.name}.before-restore-{stamp}-{number}")
    os.replace(target, kept)
    return kept
