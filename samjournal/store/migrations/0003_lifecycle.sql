-- Lifecycle (retention purge, erasure) needs no new tables: a closed case's clock starts at
-- families.closed_on (or deleted_at for a removed case), and the deletions leave their
-- tombstones in the audit log. This step holds the case list's covering indexes instead.

-- Last and next meeting per family, read from the index alone.
CREATE INDEX meetings_case_list ON meetings(family_id, held_at, deleted_at, next_meeting_at);
-- Open needs and budget used per family, over live rows only (the case list's subqueries say
-- `deleted_at IS NULL`, so these partial indexes apply).
CREATE INDEX needs_open ON needs(family_id, status) WHERE deleted_at IS NULL;
CREATE INDEX payments_used ON payments(family_id, status, amount_ore) WHERE deleted_at IS NULL;
