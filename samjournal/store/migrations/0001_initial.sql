-- The first schema: the journal's domain, its history, audit log and search index.
-- Money is integer øre; dates are ISO text (YYYY-MM-DD), times ISO text in UTC.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    username     TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('caseworker', 'teamlead')),
    created_at   TEXT NOT NULL,
    removed_at   TEXT
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE families (
    id            INTEGER PRIMARY KEY,
    case_number   TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
    owner_id      INTEGER NOT NULL REFERENCES users(id),
    district      TEXT NOT NULL DEFAULT '',
    opened_on     TEXT NOT NULL,
    closed_on     TEXT,
    budget_ore    INTEGER NOT NULL CHECK (budget_ore >= 0),
    language      TEXT NOT NULL DEFAULT 'nb',
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    INTEGER NOT NULL REFERENCES users(id),
    deleted_at    TEXT,
    delete_reason TEXT
);
CREATE INDEX families_owner ON families(owner_id, status);

CREATE TABLE members (
    id              INTEGER PRIMARY KEY,
    family_id       INTEGER NOT NULL REFERENCES families(id),
    name            TEXT NOT NULL,
    is_child        INTEGER NOT NULL CHECK (is_child IN (0, 1)),
    birth_year      INTEGER,
    birth_date      TEXT,
    national_id     TEXT,
    phone           TEXT NOT NULL DEFAULT '',
    primary_contact INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER NOT NULL REFERENCES users(id),
    deleted_at      TEXT,
    delete_reason   TEXT
);
CREATE INDEX members_family ON members(family_id);

CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY,
    family_id       INTEGER NOT NULL REFERENCES families(id),
    held_at         TEXT NOT NULL,
    place           TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL CHECK (kind IN ('home_visit', 'office', 'phone', 'network')),
    family_words    TEXT NOT NULL DEFAULT '',
    agreed          TEXT NOT NULL DEFAULT '',
    next_meeting_at TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT NOT NULL,
    updated_by      INTEGER NOT NULL REFERENCES users(id),
    deleted_at      TEXT,
    delete_reason   TEXT
);
CREATE INDEX meetings_family ON meetings(family_id, held_at);

CREATE TABLE meeting_participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    kind       TEXT NOT NULL CHECK (kind IN ('member', 'staff', 'partner')),
    member_id  INTEGER REFERENCES members(id),
    user_id    INTEGER REFERENCES users(id),
    name       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participants_meeting ON meeting_participants(meeting_id);

CREATE TABLE needs (
    id                INTEGER PRIMARY KEY,
    family_id         INTEGER NOT NULL REFERENCES families(id),
    description       TEXT NOT NULL,
    category          TEXT NOT NULL,
    status            TEXT NOT NULL,
    raised_on         TEXT NOT NULL,
    agreed_meeting_id INTEGER REFERENCES meetings(id),
    outcome           TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1,
    updated_at        TEXT NOT NULL,
    updated_by        INTEGER NOT NULL REFERENCES users(id),
    deleted_at        TEXT,
    delete_reason     TEXT
);
CREATE INDEX needs_family ON needs(family_id, status);

CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    family_id     INTEGER NOT NULL REFERENCES families(id),
    need_id       INTEGER REFERENCES needs(id),
    amount_ore    INTEGER NOT NULL CHECK (amount_ore > 0),
    purpose       TEXT NOT NULL,
    method        TEXT NOT NULL,
    status        TEXT NOT NULL,
    proposed_by   INTEGER NOT NULL REFERENCES users(id),
    proposed_at   TEXT NOT NULL,
    approved_by   INTEGER REFERENCES users(id),
    approved_at   TEXT,
    paid_on       TEXT,
    voucher_ref   TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    INTEGER NOT NULL REFERENCES users(id),
    deleted_at    TEXT,
    delete_reason TEXT
);
CREATE INDEX payments_family ON payments(family_id, status, amount_ore);
CREATE INDEX payments_status ON payments(status);

CREATE TABLE checkins (
    id                INTEGER PRIMARY KEY,
    family_id         INTEGER NOT NULL REFERENCES families(id),
    member_id         INTEGER REFERENCES members(id),
    answered_on       TEXT NOT NULL,
    life_satisfaction INTEGER NOT NULL CHECK (life_satisfaction BETWEEN 0 AND 10),
    economy           INTEGER CHECK (economy BETWEEN 0 AND 10),
    housing           INTEGER CHECK (housing BETWEEN 0 AND 10),
    health            INTEGER CHECK (health BETWEEN 0 AND 10),
    social            INTEGER CHECK (social BETWEEN 0 AND 10),
    trust             INTEGER CHECK (trust BETWEEN 0 AND 10),
    participation     INTEGER CHECK (participation BETWEEN 0 AND 10),
    version           INTEGER NOT NULL DEFAULT 1,
    updated_at        TEXT NOT NULL,
    updated_by        INTEGER NOT NULL REFERENCES users(id),
    deleted_at        TEXT,
    delete_reason     TEXT
);
CREATE INDEX checkins_family ON checkins(family_id, answered_on);

CREATE TABLE studies (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    imported_at TEXT NOT NULL
) WITHOUT ROWID;

-- Consents are never edited: a correction withdraws and records anew.
CREATE TABLE consents (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES members(id),
    study_id       TEXT NOT NULL REFERENCES studies(id),
    letter_version TEXT NOT NULL,
    given_on       TEXT NOT NULL,
    method         TEXT NOT NULL,
    recorded_by    INTEGER NOT NULL REFERENCES users(id),
    recorded_at    TEXT NOT NULL,
    withdrawn_on   TEXT,
    withdrawn_by   INTEGER REFERENCES users(id)
);
CREATE INDEX consents_member ON consents(member_id, study_id);
CREATE TRIGGER consents_never_edited BEFORE UPDATE ON consents
WHEN OLD.withdrawn_on IS NOT NULL
  OR NEW.member_id IS NOT OLD.member_id OR NEW.study_id IS NOT OLD.study_id
  OR NEW.letter_version IS NOT OLD.letter_version OR NEW.given_on IS NOT OLD.given_on
  OR NEW.method IS NOT OLD.method OR NEW.recorded_by IS NOT OLD.recorded_by
BEGIN
    SELECT RAISE(ABORT, 'consents are never edited');
END;

-- Earlier versions of every record: the row as it was before each change, as JSON.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users(id),
    changed_at TEXT NOT NULL,
    UNIQUE (entity, entity_id, version)
);

-- Append-only; each row's hash is an HMAC over the previous hash and the row.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    username  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    family_id INTEGER,
    detail    TEXT NOT NULL DEFAULT '',
    hash      TEXT NOT NULL
);
CREATE INDEX audit_family ON audit(family_id) WHERE family_id IS NOT NULL;

-- Full-text search over names, meeting notes, needs and payment purposes.
CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    family_id UNINDEXED,
    entity UNINDEXED,
    entity_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
