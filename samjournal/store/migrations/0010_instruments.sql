-- Study instruments (issue 17): the questions a check-in asks come from a versioned instrument,
-- the journal's own ("innbyggernes-modell") or one carried by an imported study profile.

-- Every instrument version the journal has ever held, so an old answer is always read against
-- the questions that were asked. Never changed once stored: a changed text is a new version.
CREATE TABLE instruments (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    definition  TEXT NOT NULL,   -- canonical JSON (samjournal.instruments.model.Instrument)
    stored_at   TEXT NOT NULL,
    PRIMARY KEY (id, version)
) WITHOUT ROWID;

-- The instrument versions a study asks now (from its latest imported profile).
CREATE TABLE study_instruments (
    study_id           TEXT NOT NULL REFERENCES studies(id),
    instrument_id      TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    PRIMARY KEY (study_id, instrument_id),
    FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(id, version)
) WITHOUT ROWID;

-- A check-in names its instrument version, who answered (a role), when in the case (occasion)
-- and holds the answers as JSON {item id: answer}. The score columns stay, now nullable, as a
-- copy of the answers to the items with those ids (the reports and the export read them); a
-- custom instrument without a life-satisfaction item leaves them empty. SQLite cannot drop a NOT
-- NULL, so the table is rebuilt; nothing references it by foreign key.
CREATE TABLE checkins_new (
    id                 INTEGER PRIMARY KEY,
    family_id          INTEGER NOT NULL REFERENCES families(id),
    member_id          INTEGER REFERENCES members(id),
    answered_on        TEXT NOT NULL,
    instrument_id      TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    respondent         TEXT NOT NULL CHECK (respondent IN ('adult', 'child', 'caseworker')),
    occasion           TEXT NOT NULL
        CHECK (occasion IN ('baseline', 'follow_up', 'closing', 'other')),
    answers            TEXT NOT NULL CHECK (json_valid(answers)),
    life_satisfaction  INTEGER CHECK (life_satisfaction BETWEEN 0 AND 10),
    economy            INTEGER CHECK (economy BETWEEN 0 AND 10),
    housing            INTEGER CHECK (housing BETWEEN 0 AND 10),
    health             INTEGER CHECK (health BETWEEN 0 AND 10),
    social             INTEGER CHECK (social BETWEEN 0 AND 10),
    trust              INTEGER CHECK (trust BETWEEN 0 AND 10),
    participation      INTEGER CHECK (participation BETWEEN 0 AND 10),
    version            INTEGER NOT NULL DEFAULT 1,
    updated_at         TEXT NOT NULL,
    updated_by         INTEGER NOT NULL REFERENCES users(id),
    deleted_at         TEXT,
    delete_reason      TEXT
);

-- Old check-ins were the journal's own questions: the default instrument, version 1, whose
-- items keep the old column names as ids. json_patch drops the unanswered (null) domains.
INSERT INTO checkins_new
SELECT c.id, c.family_id, c.member_id, c.answered_on, 'innbyggernes-modell', 1,
    CASE WHEN m.is_child = 1 THEN 'child' ELSE 'adult' END, 'other',
    json_patch('{}', json_object(
        'life_satisfaction', c.life_satisfaction, 'economy', c.economy, 'housing', c.housing,
        'health', c.health, 'social', c.social, 'trust', c.trust,
        'participation', c.participation)),
    c.life_satisfaction, c.economy, c.housing, c.health, c.social, c.trust, c.participation,
    c.version, c.updated_at, c.updated_by, c.deleted_at, c.delete_reason
FROM checkins c LEFT JOIN members m ON m.id = c.member_id;

DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
CREATE INDEX checkins_family ON checkins(family_id, answered_on);
CREATE INDEX checkins_instrument ON checkins(instrument_id, instrument_version);
