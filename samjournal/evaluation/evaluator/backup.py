"""The evaluator workspace's backup: one file, the journal's backup format (samjournal/backup.py)
with the workspace's dataset.db beside its keyring.json.

dataset.db is the only home of the study's age identity and receipt key: without it no bundle,
stored or still to come, can be opened again. The backup is a consistent copy made with
`sqlcipher_export` under the same data key, beside the same keyring, so it opens with the
passphrase (or the recovery key) the workspace had when it was written. It is written to a
temp file in the destination folder, made durable and linked into place, never over an existing
file. A restore makes a new workspace folder from it, checked before it is put in place; the
damaged workspace is never touched (move it aside first, and keep it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

from samjournal.backup import checked_copy, read_manifest, sha256_of, unpack, write_archive
from samjournal.errors import (
    BackupInvalid,
    JournalExists,
    SamJournalError,
    WrongPassphrase,
)
from samjournal.evaluation.evaluator.workspace import (
    DB_NAME,
    EVALUATOR_USER,
    Workspace,
    WorkspaceFolder,
)
from samjournal.folder import KEYRING_NAME
from samjournal.fsutil import (
    FOLDER_MODE,
    atomic_write,
    fsync_dir,
    new_folders,
    private_folder,
    remove_new_folders,
    remove_stale_partials,
    storage_error,
    temp_path,
    tighten_tree,
)
from samjournal.keyring import Keyring
from samjournal.messages import invalid, keyed
from samjournal.store import Database

FORMAT = "samjournal-evaluator-backup"
VERSION = 1


def write_backup(ws: Workspace, target: Path | str) -> Path:
    """Write the backup of the open workspace `ws` to the new file `target`."""
    target = Path(target)
    if target.exists():
        raise invalid("file", "already_exists_choose_new", target=str(target))
    for stem in (target.name + ".db", target.name):  # what a killed backup left there
        remove_stale_partials(target.parent, stem)
    snapshot = temp_path(target.with_name(target.name + ".db"))
    partial = temp_path(target)
    try:
        ring = Keyring.load(ws.folder.keyring_path)
        ws.db.export_to(snapshot, ws.db.key)  # one read transaction: a consistent copy
        if ring.db_salt is not None:  # the copy has a salt of its own
            ring = ring.bound_to(snapshot)
        data = ring.to_bytes()
        manifest: dict[str, object] = {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": ring.journal_id,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "sha256": {
                DB_NAME: sha256_of(snapshot),
                KEYRING_NAME: hashlib.sha256(data).hexdigest(),
            },
        }
        write_archive(partial, manifest, data, snapshot, DB_NAME)
        _publish(partial, target)
    except OSError as exc:
        raise storage_error(exc) from exc
    finally:
        for leftover in (snapshot, partial):
            leftover.unlink(missing_ok=True)
    return target


def _publish(partial: Path, target: Path) -> None:
    """Put the durable `partial` in place as `target`, never over a file that is there."""
    try:
        os.link(partial, target)  # refuses an existing target, atomically
    except FileExistsError as exc:
        raise invalid("file", "already_exists_choose_new", target=str(target)) from exc
    except OSError:  # no hard links here (a FAT-formatted stick): look, then rename
        if target.exists():
            raise invalid("file", "already_exists_choose_new", target=str(target)) from None
        os.replace(partial, target)
    fsync_dir(target.parent)


def restore(source: Path | str, target: Path | str, passphrase: str) -> Path:
    """Make the workspace folder `target` (new or empty) from the backup `source`, opened with
    the passphrase the workspace had when the backup was written. Nothing is put in place until
    the copy passes both integrity checks and opens as a workspace."""
    source, target = Path(source), Path(target)
    manifest = read_manifest(source, kind=FORMAT, db_name=DB_NAME)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise keyed(JournalExists, "workspace_restore_not_empty", folder=str(target))
    made = new_folders(target)
    scratch = temp_path(target)
    try:
        private_folder(target.parent)
        scratch.mkdir(mode=FOLDER_MODE)
        unpack(source, scratch, manifest, DB_NAME)
        _check(scratch, passphrase)
        if target.exists():
            target.rmdir()  # empty, as looked at above
        os.replace(scratch, target)
        fsync_dir(target.parent)
        tighten_tree(target)
    except OSError as exc:
        remove_new_folders(made)
        raise storage_error(exc) from exc
    except BaseException:
        remove_new_folders(made)
        raise
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
    return target


def _check(folder: Path, passphrase: str) -> None:
    """The unpacked copy opens with `passphrase`, passes the integrity checks and reads as a
    workspace (its study profile, age identity and receipt key); its study.json and receipts/
    are made from it."""
    staged = WorkspaceFolder(folder)
    try:
        _, key = checked_copy(staged.keyring_path, staged.db_path, EVALUATOR_USER, passphrase)
    except WrongPassphrase as exc:
        raise keyed(WrongPassphrase, "workspace_backup_not_unlocked") from exc
    db = Database(staged.db_path, key)  # a workspace from an older version is brought up to date
    try:
        profile = Workspace(staged, db).profile
    except (SamJournalError, KeyError, ValueError) as exc:
        raise keyed(BackupInvalid, "database_backup_cannot_opened") from exc
    finally:
        db.close()
    private_folder(staged.receipts_path)
    atomic_write(staged.study_path, profile.to_json_text().encode("utf-8"))
