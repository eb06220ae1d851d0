"""The evaluator's workspace: a folder like a journal's, with its own encrypted store.

    WORKSPACE/
      dataset.db     SQLCipher: the merged dataset, the registered journals (senders.py), the age
                     identity, the receipt key
      keyring.json   the same key slots as a journal: the evaluator's passphrase, a recovery key
      study.json     the public study profile with its fingerprint (give this to the journals)
      receipts/      signed receipts, one per stored bundle, to send back

The age identity and the receipt signing key live only inside the encrypted store; the identity
leaves it only through `export_identity`, an explicit act.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyrage

from samjournal.errors import (
    JournalDamaged,
    JournalExists,
    JournalNotFound,
    SamJournalError,
    StorageFailed,
    WorkspaceDamaged,
    WrongPassphrase,
)
from samjournal.evaluation.evaluator import forget, forks, on_top, readmit, refusals, witness
from samjournal.evaluation.profile import Policy, StudyProfile, now_iso
from samjournal.folder import DB_NAME as JOURNAL_DB
from samjournal.folder import JournalFolder
from samjournal.folder_lock import keyring_change
from samjournal.fsutil import (
    atomic_write,
    create_private,
    private_folder,
    storage_error,
    tighten_tree,
)
from samjournal.instruments.default import INNBYGGERNES_MODELL
from samjournal.instruments.model import Instrument, refused
from samjournal.kdf import KdfCost, calibrate
from samjournal.keyring import Keyring, new_recovery_key
from samjournal.messages import invalid, keyed
from samjournal.minisign import SigningKey
from samjournal.passphrase import check_passphrase
from samjournal.store import Database

EVALUATOR_USER = "evaluator"
DB_NAME = "dataset.db"
STUDY_FILE = "study.json"
RECEIPTS = "receipts"
SCHEMA_VERSION = 12

# The first schema; the numbered migrations below bring it (and every older workspace) up to date.
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Every signing key trusted for a journal: registered, or (before schema 2) on first use.
CREATE TABLE journal_keys (
    journal_id  TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    trusted_at  TEXT NOT NULL,
    how         TEXT NOT NULL CHECK (how IN ('first_use', 'explicit')),
    PRIMARY KEY (journal_id, public_key)
) WITHOUT ROWID;

CREATE TABLE bundles (
    bundle_hash   TEXT PRIMARY KEY,
    journal_id    TEXT NOT NULL,
    sequence      INTEGER NOT NULL,
    previous_hash TEXT NOT NULL,
    kind          TEXT NOT NULL,
    change_from   INTEGER NOT NULL,
    change_to     INTEGER NOT NULL,
    created       TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    rows_received INTEGER NOT NULL,
    tombstones    INTEGER NOT NULL,
    risk_report   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX bundles_journal ON bundles(journal_id, sequence);

-- The merged dataset: the highest version of every record, as its CSV fields joined by U+001F.
CREATE TABLE records (
    journal_id   TEXT NOT NULL,
    household_id TEXT NOT NULL,
    entity       TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    data         TEXT NOT NULL,
    PRIMARY KEY (journal_id, household_id, entity, record_id)
) WITHOUT ROWID;

-- Kept forever: a record or household under a tombstone never comes back.
CREATE TABLE tombstones (
    journal_id   TEXT NOT NULL,
    entity       TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    household_id TEXT NOT NULL,
    reason       TEXT NOT NULL,
    PRIMARY KEY (journal_id, entity, record_id)
) WITHOUT ROWID;
"""

MIGRATIONS: dict[int, str] = {
    # Known senders only: a journal is registered (site label, key read out over the phone)
    # before its bundles are accepted. Keys trusted on first use stay as history, but no longer
    # let bundles in: such journals must be registered too.
    2: """
CREATE TABLE journals (
    journal_id    TEXT PRIMARY KEY,
    site          TEXT NOT NULL,
    registered_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE journal_keys_2 (
    journal_id  TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    trusted_at  TEXT NOT NULL,
    how         TEXT NOT NULL CHECK (how IN ('first_use', 'explicit', 'registered')),
    PRIMARY KEY (journal_id, public_key)
) WITHOUT ROWID;
INSERT INTO journal_keys_2 SELECT * FROM journal_keys;
DROP TABLE journal_keys;
ALTER TABLE journal_keys_2 RENAME TO journal_keys;
CREATE INDEX journal_keys_key ON journal_keys(public_key);
""",
    # Consent and attrition per month, per journal: the counts of its newest bundle. Rows of
    # format 1 (months where format 2 has day offsets) cannot be read under format 2's columns:
    # they go, and each journal's next bundle brings every row again (each row's content, hence
    # its version, changed with the format), tombstones staying as they are.
    3: """
DELETE FROM records;
CREATE TABLE consent_counts (
    journal_id TEXT NOT NULL,
    month      TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (journal_id, month)
) WITHOUT ROWID;
""",
    # Needs gained in_progress_day, met_day and dropped_day (for ended_day), payments
    # rejected_day and cancelled_day: stored rows of the older columns go, and each journal's
    # next bundle brings them again (their content, hence their version, changed).
    4: """
DELETE FROM records WHERE entity IN ('needs', 'payments');
""",
    # The audit head of every bundle, with the head its consistency proof starts from: each
    # journal's log must extend every head witnessed here (evaluator/witness.py).
    5: witness.SCHEMA,
    # Bundle format 4: check-ins gained their instrument version, occasion, role and answers
    # (issue 17). Stored check-ins of the older columns go; each journal's next bundle brings
    # them again (their content, hence their version, changed).
    6: """
DELETE FROM records WHERE entity = 'checkins';
""",
    # Restores a journal states, waiting for or decided by the evaluator, and the heads a
    # decision set aside (evaluator/forks.py).
    7: forks.SCHEMA,
    # Every head a stored bundle proved its log extends (audit file version 3): a bundle that
    # arrives late is known to lie on the journal's line (evaluator/witness.py).
    8: witness.LINKS,
    # Each decision names one restore, accepted or refused, and can be withdrawn; each
    # journal's last refused bundle, for status (evaluator/forks.py).
    9: forks.DECISIONS,
    # The ways out of two dead ends: a refused restore statement dropped to free its tag (kept,
    # shown, refused again: evaluator/forget.py), and what each bundle stored on top of an
    # accepted restore changed, so a mistaken acceptance can be withdrawn (evaluator/on_top.py).
    10: forget.SCHEMA + ";" + on_top.SCHEMA,
    # What bundles on top of an acceptance changed is kept once per decision, tombstones too,
    # and every withdrawal is recorded with the decision it took back (evaluator/on_top.py),
    # with the households it kept out, which the evaluator may take back in (readmit.py).
    11: on_top.UNDO + ";" + readmit.SCHEMA,
    # Every bundle refused for a registered journal's id, signed with a key not registered for
    # it: kept past the journal's next good import (evaluator/senders.py).
    12: refusals.FOREIGN,
}


HISTORY_KEY = "instruments"  # meta: every instrument version the study ever asked


def remember(db: Database, instruments: Iterable[Instrument]) -> None:
    """Add `instruments` to the workspace's history (inside the caller's transaction)."""
    row = db.first("SELECT value FROM meta WHERE key = ?", (HISTORY_KEY,))
    known = json.loads(row[0]) if row else []
    seen = {(i["id"], i["version"]) for i in known}
    known += [i.to_json() for i in instruments if (i.id, i.version) not in seen]
    db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (HISTORY_KEY, json.dumps(known, ensure_ascii=False, sort_keys=True)),
    )


def _run(db: Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate(db: Database, version: int) -> None:
    """Apply every migration after `version`, each in its own transaction with its number."""
    for number in sorted(n for n in MIGRATIONS if n > version):
        with db.transaction():
            _run(db, MIGRATIONS[number])
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(number),),
            )


class WorkspaceFolder(JournalFolder):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.db_path = self.path / DB_NAME
        self.study_path = self.path / STUDY_FILE
        self.receipts_path = self.path / RECEIPTS

    def require(self) -> None:
        if not self.path.is_dir() or not self.db_path.exists():
            # A journal's folder has a keyring too: not a workspace missing its dataset.
            if (self.path / JOURNAL_DB).exists():
                raise keyed(JournalNotFound, "journal_not_workspace", folder=str(self.path))
            if self.keyring_path.exists():
                raise keyed(JournalDamaged, "missing_from_workspace", db_name=str(DB_NAME))
            raise keyed(JournalNotFound, "evaluator_workspace_that_folder")
        # Said before SQLite touches it: opened, an empty file becomes a new database.
        with contextlib.suppress(OSError):
            if self.db_path.stat().st_size == 0:
                raise keyed(WorkspaceDamaged, "workspace_damaged")


# What the store says of a damaged file (store/db.py convert_error) names the journal's way back;
# for a workspace it is the workspace's own backup (evaluator/backup.py).
_DAMAGE = frozenset({"db_damaged", "db_empty", "db_unreadable", "plain_sqlite"})


def as_workspace_error(exc: SamJournalError) -> SamJournalError:
    """`exc` in the evaluator's words where the store said it in the journal's: a damaged
    dataset.db is restored from the workspace's backup."""
    if isinstance(exc, WorkspaceDamaged) or not isinstance(exc, JournalDamaged):
        return exc
    if exc.key in _DAMAGE:
        return keyed(WorkspaceDamaged, "workspace_damaged")
    if exc.key == "db_error":
        return keyed(WorkspaceDamaged, "workspace_db_error", problem=str(exc.params["problem"]))
    return exc


@dataclass(frozen=True, slots=True)
class Created:
    workspace: Workspace
    recovery_key: str  # shown once


class Workspace:
    def __init__(self, folder: WorkspaceFolder, db: Database) -> None:
        self.folder = folder
        self.db = db
        meta = {r[0]: r[1] for r in db.all("SELECT key, value FROM meta")}
        version = int(meta.get("schema_version", 0))
        if not 1 <= version <= SCHEMA_VERSION:
            db.close()
            raise keyed(JournalDamaged, "workspace_unknown_version_update")
        if version < SCHEMA_VERSION:
            _migrate(db, version)
        self.profile = StudyProfile.parse(meta["profile"])
        self._identity = meta["age_identity"]
        self.receipt_key = SigningKey(
            bytes.fromhex(meta["receipt_seed"]), bytes.fromhex(meta["receipt_key_id"])
        )

    @property
    def path(self) -> Path:
        return self.folder.path

    @property
    def identities(self) -> list[Any]:
        return [pyrage.x25519.Identity.from_str(self._identity)]

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def init(
        cls,
        path: Path | str,
        *,
        study_id: str,
        name: str,
        organisation: str,
        passphrase: str,
        policy: Policy | None = None,
        cost: KdfCost | None = None,
        instruments: tuple[Instrument, ...] | None = None,
    ) -> Created:
        """A new workspace and its study profile. `instruments`: what the study asks at
        check-ins; a new study asks the journal's default (Innbyggernes modell) unless told."""
        folder = WorkspaceFolder(Path(path))
        if folder.path.exists() and (not folder.path.is_dir() or any(folder.path.iterdir())):
            raise keyed(JournalExists, "folder_not_empty")
        check_passphrase(passphrase, (name, organisation))
        identity = pyrage.x25519.Identity.generate()
        receipt_key = SigningKey.generate()
        profile = StudyProfile(
            id=study_id,
            name=" ".join(name.split()),
            organisation=" ".join(organisation.split()),
            recipients=(str(identity.to_public()),),
            receipt_key=receipt_key.public.to_line(),
            policy=(policy or Policy()).checked(),
            created=now_iso(),
            instruments=(INNBYGGERNES_MODELL,) if instruments is None else instruments,
        ).checked()
        cost = cost or calibrate()
        data_key = os.urandom(32)
        recovery = new_recovery_key()
        ring = Keyring.new(data_key, recovery).with_user(EVALUATOR_USER, passphrase, data_key, cost)
        try:
            private_folder(folder.receipts_path)
        except OSError as exc:
            raise storage_error(exc) from exc
        db = Database(folder.db_path, data_key)
        try:
            with db.transaction():
                _run(db, SCHEMA)
                _migrate(db, 1)
                meta = {
                    "schema_version": str(SCHEMA_VERSION),
                    "workspace_id": ring.journal_id,
                    "study_id": profile.id,
                    "profile": profile.canonical_text(),
                    "age_identity": str(identity),
                    "receipt_seed": receipt_key.seed.hex(),
                    "receipt_key_id": receipt_key.public.key_id.hex(),
                    "created_at": now_iso(),
                }
                for key, value in meta.items():
                    db.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
                    )
                remember(db, profile.instruments)
        finally:
            db.close()
        ring.save(folder.keyring_path)
        atomic_write(folder.study_path, profile.to_json_text().encode("utf-8"))
        return Created(cls.open(folder.path, passphrase), recovery)

    @classmethod
    def open(cls, path: Path | str, passphrase: str) -> Workspace:
        folder = WorkspaceFolder(Path(path))
        try:
            unlocked = folder.unlock(EVALUATOR_USER, passphrase)
        except WrongPassphrase as exc:  # one slot, no user name: say so, and how to reset
            raise keyed(WrongPassphrase, "workspace_not_unlocked") from exc
        tighten_tree(folder.path)  # made by a version before owner-only files
        # No audit log here: the seal alone keeps the count from being lowered unseen.
        folder.seal_failures(EVALUATOR_USER, unlocked.data_key, unlocked.failures.total)
        try:
            db = Database(folder.db_path, unlocked.data_key)
            try:
                return cls(folder, db)
            except BaseException:
                db.close()
                raise
        except SamJournalError as exc:
            raised = as_workspace_error(exc)
            if raised is exc:
                raise
            raise raised from exc

    @staticmethod
    def reset_passphrase(path: Path | str, recovery_key: str, new_passphrase: str) -> None:
        """A new passphrase from the recovery key `init` showed once: without it a forgotten
        passphrase lost the workspace, and with it the study's age identity (every bundle
        unreadable). The slot keeps its key-derivation cost."""
        folder = WorkspaceFolder(Path(path))
        folder.require()
        data_key = folder.keyring().unlock_recovery(recovery_key)
        check_passphrase(new_passphrase, (EVALUATOR_USER,))
        with keyring_change(folder.path):
            ring = folder.keyring()
            kdf = ring.slot_for(EVALUATOR_USER).kdf
            cost = KdfCost(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
            ring = ring.with_user(EVALUATOR_USER, new_passphrase, data_key, cost)
            ring.sealed_failures(EVALUATOR_USER, data_key, 0).save(folder.keyring_path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the study's questions ------------------------------------------------------------

    def set_instruments(self, instruments: tuple[Instrument, ...]) -> StudyProfile:
        """A new study profile asking `instruments` (same keys, new fingerprint: the journals
        import it with --replace). A changed question must come with a new version number, so
        answers already given stay under the version that asked them."""
        for new in instruments:
            for old in self.profile.instruments:
                if (new.id, new.version) == (old.id, old.version) and new != old:
                    raise refused("instrument_changed", instrument=new.id, version=new.version)
        profile = replace(self.profile, instruments=instruments).checked()
        with self.db.transaction():
            self.db.execute(
                "UPDATE meta SET value = ? WHERE key = 'profile'", (profile.canonical_text(),)
            )
            remember(self.db, instruments)
        atomic_write(self.folder.study_path, profile.to_json_text().encode("utf-8"))
        self.profile = profile
        return profile

    # -- the age identity -----------------------------------------------------------------

    def export_identity(self, target: Path | str) -> Path:
        """Write the age identity for the standard `age` tool. Refuses to overwrite."""
        target = Path(target)
        recipient = self.profile.recipients[0]
        text = (
            f"# SamJournal evaluator identity for study {self.profile.id}\n"
            f"# created: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n"
            f"# public key: {recipient}\n"
            f"{self._identity}\n"
        )
        try:
            fh = create_private(target)
        except FileExistsError as exc:
            raise invalid("file", "already_exists_choose_new", target=str(target)) from exc
        except OSError as exc:
            raise storage_error(exc) from exc
        try:
            with fh:
                fh.write(text.encode("ascii"))
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise keyed(StorageFailed, "could_write_identity_file") from exc
        return target
