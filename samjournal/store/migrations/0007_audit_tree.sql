-- The audit log as an append-only Merkle tree (RFC 9162; samjournal/audit_tree.py). Each event
-- keeps the tree's root at its own size, so a head witnessed elsewhere (a backup, a printed
-- report, an evaluator's receipt) is checked on open with one lookup, and the root of the
-- perfect subtree it completes (`node`, as many leaves as the lowest set bit of seq), so a
-- consistency proof for a bundle takes O(log² n) lookups; `audit_tree` holds the right edge
-- (O(log n) hashes) an append extends. All are filled for earlier events at the first open
-- after this upgrade (samjournal/audit.py); `audit verify` recomputes them from the events.
ALTER TABLE audit ADD COLUMN root BLOB;
ALTER TABLE audit ADD COLUMN node BLOB;
CREATE TABLE audit_tree (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    size     INTEGER NOT NULL,
    frontier BLOB NOT NULL
);
-- Heads that left the journal and came back signed (an evaluator's receipt): the log must
-- always extend each of them.
CREATE TABLE audit_witnesses (
    size        INTEGER NOT NULL,
    root        TEXT NOT NULL,
    at          TEXT NOT NULL,
    source      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (size, root, source)
) WITHOUT ROWID;
