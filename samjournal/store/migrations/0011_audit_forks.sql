-- Forks of the audit log: a restore from a backup is a deliberate rollback, so events after the
-- backup's head are lost. Each restore records here, beside its audit event (`seq`), the head it
-- went back to, how far the replaced journal had come (its journal.mark; NULL when unknown), the
-- newest head witnessed outside by then, why and by whom. The next bundle to each study carries
-- the fork as a signed statement (evaluation/audit_proof.py) and `audit verify` shows it. `tag`
-- is random: it tells two restores from the same backup apart, and says nothing else.
CREATE TABLE audit_forks (
    seq            INTEGER PRIMARY KEY,
    tag            TEXT NOT NULL UNIQUE,
    restored_size  INTEGER NOT NULL,
    restored_root  TEXT NOT NULL,
    lost_size      INTEGER,
    lost_root      TEXT,
    witnessed_size INTEGER,
    witnessed_root TEXT,
    reason         TEXT NOT NULL,
    username       TEXT NOT NULL,
    at             TEXT NOT NULL
);
