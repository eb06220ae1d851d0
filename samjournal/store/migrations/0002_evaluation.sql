-- Evaluation export: study profiles, per-study pseudonyms and export state, tombstones, the
-- export log with delivery receipts, and the journal's Ed25519 signing key (made in code on
-- first use; the database is encrypted, so is the key).

ALTER TABLE studies ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE studies ADD COLUMN fingerprint TEXT;
ALTER TABLE studies ADD COLUMN profile TEXT;          -- canonical JSON of the public profile
ALTER TABLE studies ADD COLUMN municipality TEXT NOT NULL DEFAULT '';
ALTER TABLE studies ADD COLUMN profile_imported_at TEXT;
ALTER TABLE studies ADD COLUMN profile_imported_by INTEGER REFERENCES users(id);

-- One row per household (family) that has pseudonyms in a study. `records` packs, for the
-- household itself and each of its meetings, needs, payments, check-ins and members: the
-- pseudonym, and the version and content of the row last exported (version 0: never exported).
-- A retired household (tombstoned) is never used again: a family that comes back gets a new
-- household with new pseudonyms. Packed per household, a first export of a municipal journal
-- writes 2,000 rows, not 170,000.
CREATE TABLE evaluation_households (
    id        INTEGER PRIMARY KEY,
    study_id  TEXT NOT NULL REFERENCES studies(id),
    pseudonym TEXT NOT NULL,
    family_id INTEGER NOT NULL,   -- the journal's family (no foreign key: a purge removes it)
    records   BLOB NOT NULL,      -- packed: see samjournal.evaluation.release.HouseholdState.pack
    retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    UNIQUE (study_id, pseudonym)
);
CREATE UNIQUE INDEX evaluation_households_live
    ON evaluation_households(study_id, family_id) WHERE retired = 0;

-- Kept forever: every full bundle carries them all again.
CREATE TABLE evaluation_tombstones (
    study_id   TEXT NOT NULL REFERENCES studies(id),
    pseudonym  TEXT NOT NULL,
    household  TEXT NOT NULL,
    tablename  TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sequence   INTEGER NOT NULL,  -- the bundle that first carried it
    PRIMARY KEY (study_id, pseudonym)
) WITHOUT ROWID;

CREATE TABLE evaluation_exports (
    study_id      TEXT NOT NULL REFERENCES studies(id),
    sequence      INTEGER NOT NULL CHECK (sequence >= 1),
    kind          TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
    created_at    TEXT NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES users(id),
    file_name     TEXT NOT NULL,
    bundle_hash   TEXT NOT NULL,  -- SHA-256 of the signed tag manifest
    previous_hash TEXT NOT NULL DEFAULT '',
    change_from   INTEGER NOT NULL,  -- audit sequence range the bundle covers
    change_to     INTEGER NOT NULL,
    households    INTEGER NOT NULL,
    rows_sent     INTEGER NOT NULL,
    tombstones    INTEGER NOT NULL,
    key_id        TEXT NOT NULL,
    risk_report   TEXT NOT NULL,  -- JSON, as shown before the export and sent inside it
    delivered_at  TEXT,           -- from the evaluator's verified receipt
    receipt       TEXT,
    PRIMARY KEY (study_id, sequence)
) WITHOUT ROWID;

CREATE TABLE evaluation_signing_keys (
    key_id     TEXT PRIMARY KEY,  -- minisign key id, hex
    seed       BLOB NOT NULL,     -- Ed25519 private key (32-byte seed)
    public_key BLOB NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
) WITHOUT ROWID;
