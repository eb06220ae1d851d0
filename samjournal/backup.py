"""Backups: one zip file holding a consistent copy of the database and the keyring.

Both parts stay encrypted (the database under the data key, the keyring holds only wrapped
keys). Restore holds the journal folder alone (no session may be writing into the files it
replaces), unpacks into a scratch folder inside it, proves the copy opens with the user's
passphrase and passes both integrity checks, and that its audit log ends at the head the manifest
signs (samjournal/audit_signed.py: a version-3 manifest signs the head with the files'
checksums), and only then swaps the files in; the journal it replaces is kept beside the folder,
never deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from samjournal import audit_heads, audit_signed
from samjournal.account_mark import AccountMark
from samjournal.audit_heads import Head
from samjournal.errors import BackupInvalid, KeyringDamaged, PermissionDenied, SamJournalError
from samjournal.folder import DB_NAME, KEYRING_NAME, PENDING_NAME, JournalFolder
from samjournal.folder_lock import LOCK_FILES, WAIT, FolderLock
from samjournal.fsutil import (
    FOLDER_MODE,
    ZIP_READ_ERRORS,
    create_private,
    fsync_dir,
    new_folders,
    private_folder,
    remove_new_folders,
    remove_stale_partials,
    storage_error,
    temp_path,
    tighten,
    tighten_tree,
)
from samjournal.keyring import Keyring
from samjournal.mark import MARK_NAME, journal_id, prepare_copy, record_restore
from samjournal.messages import action, invalid, keyed
from samjournal.reserve import RESERVE_BYTES, free_bytes
from samjournal.store import Database, integrity_problems

FORMAT = "samjournal-backup"
MANIFEST = "manifest.json"
MAX_PART = 8 * 1024**3  # refuse absurd sizes before reading them
MAX_MANIFEST = 64 * 1024
VERSION = 3  # 1: no signed head; 2: the head signed alone; 3: signed with the files' checksums


def write_backup(db: Database, folder: JournalFolder, target: Path) -> Path:
    """Write `target` atomically; a crash leaves no file that could be taken for a backup."""
    ring = Keyring.load(folder.keyring_path)
    # Where the journal's disk has no room for a copy of the database, the snapshot goes beside
    # the target instead, so a journal on a nearly full disk can still be backed up to another
    # (the copy is encrypted under the data key). Only a full disk was asked about: with 1 MB
    # free and a journal of 5 MB, a backup to a USB stick failed "the disk is full"
    # (reliability review, 2026-12-07).
    # What a backup killed here left, while other sessions kept the journal open (when none
    # does, the next unlock removes it; folder.LEFTOVERS).
    for place, stem in ((folder.path, DB_NAME), (target.parent, target.name + ".db")):
        remove_stale_partials(place, stem)  # a killed backup's copy of the database
    remove_stale_partials(target.parent, target.name)  # and its half-written file
    beside = folder.db_path if _room_for_copy(folder) else target.with_name(target.name + ".db")
    snapshot = temp_path(beside)
    partial = temp_path(target)
    signer = audit_signed.key(db)
    try:
        db.export_to(snapshot, db.key)
        ring = ring.bound_to(snapshot)  # the copy has a salt of its own
        head = _head(snapshot, db.key)
        contents = audit_signed.Contents(
            sha256_of(snapshot),
            _sha256_bytes(ring.to_bytes()),
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "journal_id": ring.journal_id,
            "created": contents.created,
            # The audit log's head as the copy holds it: a witness, readable without a key,
            # signed with the journal's key together with the checksums of the files beside it
            # (version 3), so that neither the head nor the files can be swapped.
            "audit_head": head.to_json(),
            "audit_head_signature": audit_signed.sign(signer, ring.journal_id, head, contents),
            "sha256": {DB_NAME: contents.db_sha256, KEYRING_NAME: contents.keyring_sha256},
        }
        write_archive(partial, manifest, ring.to_bytes(), snapshot, DB_NAME)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        for leftover in (snapshot, partial):
            leftover.unlink(missing_ok=True)
    return target


def write_archive(
    partial: Path, manifest: dict[str, object], ring: bytes, snapshot: Path, db_name: str
) -> None:
    """Write the backup's zip to `partial` (a new file) and make it durable; the caller moves
    it into place. Stored uncompressed: nothing in a backup ever inflates when read."""
    with (
        create_private(partial) as fh,
        zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as zf,
    ):
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
        zf.writestr(KEYRING_NAME, ring)
        zf.write(snapshot, db_name)
        zf.close()
        fh.flush()
        os.fsync(fh.fileno())


def _room_for_copy(folder: JournalFolder) -> bool:
    """Whether the journal's disk holds a copy of its database (the -wal's pages in it), with
    the reserve's room left over."""
    size = 0
    for path in (folder.db_path, folder.db_path.with_name(folder.db_path.name + "-wal")):
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return free_bytes(folder.path) >= size + 2 * RESERVE_BYTES


def _head(snapshot: Path, key: bytes) -> audit_heads.Head:
    copy = Database(snapshot, key, read_only=True)
    try:
        return audit_heads.current(copy)
    finally:
        copy.close()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(source: Path, *, kind: str = FORMAT, db_name: str = DB_NAME) -> dict[str, object]:
    """The backup's manifest, after checking the archive is shaped like one of ours: of format
    `kind`, holding `db_name` (an evaluator's workspace backup: evaluator/backup.py).

    Backups are written uncompressed, so nothing here ever inflates: a crafted archive cannot
    make the reader allocate or write more than the file itself holds.
    """
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            if sorted(i.filename for i in infos) != sorted((MANIFEST, db_name, KEYRING_NAME)):
                raise keyed(BackupInvalid, "file_samjournal_backup")
            if any(i.compress_type != zipfile.ZIP_STORED for i in infos):
                raise keyed(BackupInvalid, "file_samjournal_backup")
            if any(i.file_size > MAX_PART for i in infos) or any(
                i.file_size > MAX_MANIFEST for i in infos if i.filename == MANIFEST
            ):
                raise keyed(BackupInvalid, "backup_unreasonably_large")
            manifest = json.loads(zf.read(MANIFEST))
    except ZIP_READ_ERRORS as exc:
        raise keyed(BackupInvalid, "file_damaged_samjournal_backup") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != kind:
        raise keyed(BackupInvalid, "file_samjournal_backup")
    return manifest


def audit_head(path: Path) -> Head:
    """The audit head in a backup's manifest (readable without the passphrase)."""
    try:
        return Head.from_json(read_manifest(path).get("audit_head"))
    except ValueError as exc:
        raise invalid("witness", "backup_made_before_log") from exc


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore put in place."""

    kept: Path | None  # where the journal it replaced was kept (None: there was none)
    head: Head  # the audit head the journal went back to, as the backup holds it
    signed: bool  # whether the manifest signed that head (False: a backup from before)


def restore(
    source: Path,
    target: Path,
    username: str,
    passphrase: str,
    *,
    wait: float = WAIT,
    reason: str = "",
) -> Restored:
    """Restore `source` into the folder `target`; say where the replaced journal was kept and
    which audit head the journal went back to.

    The restore is recorded as a fork of the audit log, with `reason` (samjournal/audit_forks).
    Waits up to `wait` seconds for sessions open on `target` to close (JournalInUse after)."""
    manifest = read_manifest(source)
    target = Path(target)
    made = new_folders(target)
    locks = [target / name for name in LOCK_FILES if not (target / name).exists()]
    private_folder(target)
    hold = FolderLock(target)
    try:
        with hold.exclusive(wait):
            return _restore_alone(
                source, JournalFolder(target), manifest, username, passphrase, reason
            )
    except BaseException:
        _take_back(made, locks, hold)
        raise
    finally:
        hold.release()


def _take_back(made: list[Path], locks: list[Path], hold: FolderLock) -> None:
    """Remove what a failed restore made: a wrong passphrase left a new folder with a lock file
    in it (reliability review). Lock files only while no other session holds the folder;
    folders only while empty."""
    if locks and hold.try_exclusive():
        hold.release()
        for lock in locks:
            with contextlib.suppress(OSError):
                lock.unlink()
    remove_new_folders(made)


def checked_copy(
    keyring_path: Path,
    db_path: Path,
    username: str,
    passphrase: str,
    check: Callable[[Database], None] | None = None,
) -> tuple[Keyring, bytes]:
    """(keyring, key) of an unpacked copy: its own keyring unlocked (its failure counts do not
    throttle a restore; WrongPassphrase goes through as it is), its database opened read-only
    and through the integrity checks, and `check`ed."""
    try:
        ring = Keyring.load(keyring_path)
        key = ring.unlock(username, passphrase)
    except KeyringDamaged as exc:
        raise keyed(BackupInvalid, "keyring_backup_damaged") from exc
    try:
        db = Database(db_path, key, read_only=True)
    except SamJournalError as exc:
        raise keyed(BackupInvalid, "database_backup_cannot_opened") from exc
    try:
        if integrity_problems(db):
            raise keyed(BackupInvalid, "database_backup_fails_integrity")
        if check is not None:
            check(db)
    finally:
        db.close()
    return ring, key


def _restore_alone(
    source: Path,
    folder: JournalFolder,
    manifest: dict[str, object],
    username: str,
    passphrase: str,
    reason: str,
) -> Restored:
    folder.remove_leftovers()  # a killed restore's scratch folder, among others
    scratch = folder.path / f".restore-{os.urandom(6).hex()}.partial"
    scratch.mkdir(mode=FOLDER_MODE)
    try:
        unpack(source, scratch, manifest)
        staged = JournalFolder(scratch)

        def teamlead(db: Database) -> None:
            # A restore rolls the journal and its audit log back: a team lead's decision, never
            # a way for anyone with a passphrase to take their own trace out (it is a fork).
            if db.scalar("SELECT role FROM users WHERE username = ?", (username,)) != "teamlead":
                raise keyed(PermissionDenied, "teamlead_only", what=action("restore_backup"))

        ring, key = checked_copy(
            staged.keyring_path, staged.db_path, username, passphrase, teamlead
        )
        db = Database(staged.db_path, key)
        try:
            head, signed = _signed_head(db, manifest)
            mark = record_restore(db, username, folder.path, reason)  # the rollback, as a fork
            account = AccountMark.for_db(db, folder.path)
        finally:
            db.close()
        kept = _keep_current(folder)
        folder.swap_in(staged.db_path, ring)  # the same crash-safe order as a rekey
        # The marks follow the swap: stopped before them, the old marks are the replaced
        # journal's, which its restore fork explains (mark.replaced_by_restore).
        os.replace(staged.path / MARK_NAME, folder.path / MARK_NAME)
        tighten_tree(folder.path)  # what stays of the folder (locks, reserve) may be older
        own = mark.tree_head()
        if account is not None and own is not None:  # only now: the swap has happened
            account.write(own, durable=True)
        return Restored(kept, head, signed)
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)


def _signed_head(db: Database, manifest: dict[str, object]) -> tuple[Head, bool]:
    """The head the manifest signs, checked against the copy's own log (and the signature
    against the keys in the copy, which a thief without the data key cannot make): the log
    must end exactly there, so files from another backup under this manifest are refused."""
    found = prepare_copy(db)
    version, raw = manifest.get("version"), manifest.get("audit_head")
    if version == 1 and raw is None:
        return found, False  # from before the log had heads: there is nothing to hold it to
    try:
        head = Head.from_json(raw)
    except ValueError as exc:
        raise keyed(BackupInvalid, "backup_head_malformed") from exc
    signed = manifest.get("audit_head_signature")
    if version != 1:  # version 1 never had a signature; taken off a later one, it is missing
        if signed is None:
            raise keyed(BackupInvalid, "backup_head_unsigned")
        try:
            contents = (
                audit_signed.contents_of(manifest, DB_NAME, KEYRING_NAME)
                if not isinstance(version, int) or version >= VERSION
                else None
            )
            audit_signed.holds(db, journal_id(db), head, signed, contents)
        except ValueError as exc:
            raise keyed(BackupInvalid, "backup_head_not_signed") from exc
    if found.size != head.size or not head.matches(bytes.fromhex(found.root)):
        raise keyed(BackupInvalid, "backup_log_not_at_head", head=head.short(), found=found.short())
    return head, version != 1


def parts_match(source: Path, manifest: dict[str, object]) -> bool:
    """Whether the database and keyring in `source` are those the manifest's checksums name
    (a witness's check: the signed checksums mean nothing if the files beside them differ)."""
    sums = manifest.get("sha256")
    if not isinstance(sums, dict):
        return False
    try:
        with zipfile.ZipFile(source) as zf:
            for name in (DB_NAME, KEYRING_NAME):
                digest = hashlib.sha256()
                for block in _blocks(zf, name):
                    digest.update(block)
                if digest.hexdigest() != sums.get(name):
                    return False
    except ZIP_READ_ERRORS:
        return False
    return True


def unpack(source: Path, into: Path, manifest: dict[str, object], db_name: str = DB_NAME) -> None:
    """The database and keyring of `source` into the folder `into`, each checked against the
    manifest's checksum (BackupInvalid when one does not match)."""
    sums = manifest.get("sha256")
    if not isinstance(sums, dict):
        raise keyed(BackupInvalid, "backup_checksums")
    with zipfile.ZipFile(source) as zf:
        for name in (db_name, KEYRING_NAME):  # fixed names: nothing from the archive is a path
            digest = hashlib.sha256()
            with create_private(into / name) as dst:  # OSError here: our disk, not the backup
                for block in _blocks(zf, name):
                    digest.update(block)
                    dst.write(block)
                dst.flush()
                os.fsync(dst.fileno())
            if digest.hexdigest() != sums.get(name):
                raise keyed(BackupInvalid, "backup_damaged_checksum_does")


def _blocks(zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The member's bytes; any failure to read them means a damaged backup."""
    try:
        with zf.open(name) as src:
            yield from iter(lambda: src.read(1 << 20), b"")
    except ZIP_READ_ERRORS as exc:
        raise keyed(BackupInvalid, "backup_damaged_cannot_unpacked") from exc


def _keep_current(folder: JournalFolder) -> Path | None:
    """Keep the journal a restore replaces in a folder beside it (hard links where the file
    system has them: no copy, no space). The files stay in place until the swap."""
    if not folder.exists():
        return None
    target = folder.path
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.name}.before-restore-{stamp}")
    number = 1
    while kept.exists():  # two restores within a second: never put one on top of the other
        number += 1
        kept = target.with_name(f"{target.name}.before-restore-{stamp}-{number}")
    kept.mkdir(mode=FOLDER_MODE)
    for name in (
        DB_NAME,
        DB_NAME + "-wal",
        DB_NAME + "-shm",
        KEYRING_NAME,
        PENDING_NAME,
        MARK_NAME,
    ):
        src = target / name
        if not src.exists():
            continue
        try:
            os.link(src, kept / name)
        except OSError:  # FAT on a USB stick, or a share: a copy instead
            shutil.copy2(src, kept / name)
            with (kept / name).open("rb+") as fh:
                os.fsync(fh.fileno())
        tighten(kept / name)  # a journal of an older version may never have been tightened
    fsync_dir(kept)
    fsync_dir(target.parent)
    return kept
