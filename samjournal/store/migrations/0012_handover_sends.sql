-- Every file a waiting handover was written in, with the family's last audit event then. A send
-- killed after its commit but before the file's rename leaves the earlier file in place, and
-- the receiving journal may import that one: its receipt still removes the family here when
-- nothing changed since that file (handover/section.py), and is refused as older otherwise.
CREATE TABLE handovers_sent (
    handover_id  TEXT NOT NULL REFERENCES handovers_out(id),
    payload_hash TEXT NOT NULL,
    audit_seq    INTEGER NOT NULL,
    PRIMARY KEY (handover_id, payload_hash)
) WITHOUT ROWID;
INSERT INTO handovers_sent SELECT id, payload_hash, audit_seq FROM handovers_out
    WHERE payload_hash != '';
