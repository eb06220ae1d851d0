-- Handing a family over to another journal (samjournal/handover/). The receiving identity is an
-- age X25519 key kept here (the database is encrypted, so is the key); peers are the journals a
-- team lead has registered, by the key file fingerprint read out over the phone.

CREATE TABLE handover_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    secret     TEXT NOT NULL,  -- AGE-SECRET-KEY-1...
    recipient  TEXT NOT NULL,  -- age1...
    created_at TEXT NOT NULL
);

CREATE TABLE handover_peers (
    journal_id    TEXT PRIMARY KEY,
    label         TEXT NOT NULL,
    recipient     TEXT NOT NULL,  -- where handovers to it are encrypted
    signing_key   TEXT NOT NULL,  -- minisign public key line that signs its files
    fingerprint   TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    registered_by INTEGER NOT NULL REFERENCES users(id)
) WITHOUT ROWID;

-- Sent, and waiting for (or given) the receiving journal's signed receipt. The family stays
-- whole until the receipt is imported; then its content goes and only this row and the audit
-- tombstone remain (no content: the case number, when, to which journal).
CREATE TABLE handovers_out (
    id           TEXT PRIMARY KEY,   -- random, the same in every file made for this handover
    family_id    INTEGER NOT NULL,   -- no foreign key: the receipt removes the family
    case_number  TEXT NOT NULL,
    to_journal   TEXT NOT NULL REFERENCES handover_peers(journal_id),
    created_at   TEXT NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES users(id),
    audit_seq    INTEGER NOT NULL,   -- the family's last audit event in the file: later changes
                                     -- would be lost, so the receipt is refused until resent
    payload_hash TEXT NOT NULL,
    received_at  TEXT,               -- from the verified receipt
    receipt      TEXT
) WITHOUT ROWID;
CREATE UNIQUE INDEX handovers_out_waiting ON handovers_out(family_id) WHERE received_at IS NULL;

-- Received: importing the same file twice changes nothing (and hands the receipt out again).
CREATE TABLE handovers_in (
    id              TEXT PRIMARY KEY,
    from_journal    TEXT NOT NULL REFERENCES handover_peers(journal_id),
    family_id       INTEGER NOT NULL,
    old_case_number TEXT NOT NULL,
    payload_hash    TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    imported_by     INTEGER NOT NULL REFERENCES users(id),
    receipt         TEXT NOT NULL
) WITHOUT ROWID;

-- The family's audit trail as the sending journal kept it: its own log's chain covers only its
-- own events, so these are kept beside it, read-only, with who did what and when.
CREATE TABLE handover_trail (
    id           INTEGER PRIMARY KEY,
    handover_id  TEXT NOT NULL,  -- handovers_in.id (written in the same transaction)
    family_id    INTEGER NOT NULL,
    at           TEXT NOT NULL,
    username     TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    detail       TEXT NOT NULL
);
CREATE INDEX handover_trail_family ON handover_trail(family_id);

-- People of another journal who wrote a received family's records: kept as users who can never
-- sign in (no keyring slot, removed from the start), marked with the journal they came from.
ALTER TABLE users ADD COLUMN origin TEXT;
