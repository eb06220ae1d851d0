-- What an export reads, from indexes instead of the tables' pages: an export decrypts every
-- page it reads, and the tables hold the rows' free text too (2,000 families: 0.2 s).
--
-- When a need or payment first had a status (the day offsets: release_sql.reached) is read from
-- its earlier versions; reading their JSON decrypted most of the history table. This index holds
-- each version's status and time, so the lookup reads the index alone.
CREATE INDEX history_status ON history (
    entity, entity_id, json_extract(data, '$.status'), version, changed_at
);
-- A live meeting's released columns, without its words (the meetings table is mostly text).
CREATE INDEX meetings_release ON meetings (id, family_id, held_at, kind, next_meeting_at)
    WHERE deleted_at IS NULL;
-- Who took part, counted by kind from the index alone (it replaces the one on meeting_id).
DROP INDEX participants_meeting;
CREATE INDEX participants_meeting ON meeting_participants (meeting_id, kind);
