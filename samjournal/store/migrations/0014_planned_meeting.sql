-- The case list's next meeting: the plan of the latest meeting that made one (by when it was
-- held, then by id), while no meeting has been held at or after it; model.planned_meeting is
-- the same rule. Until now it was the plan of the latest meeting held, so a meeting in between
-- that planned nothing wiped an agreed appointment from the case list (review s10). Times are
-- stored as ISO text in UTC, one format: compared as text they compare as times.
DROP VIEW family_figures;
CREATE VIEW family_figures AS
SELECT f.id AS family_id,
    (SELECT count(*) FROM needs n WHERE n.family_id = f.id AND n.deleted_at IS NULL
        AND n.status IN ('agreed', 'in_progress', 'raised')) AS open_needs,
    (SELECT coalesce(sum(p.amount_ore), 0) FROM payments p WHERE p.family_id = f.id
        AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')) AS used_ore,
    (SELECT max(m.held_at) FROM meetings m WHERE m.family_id = f.id
        AND m.deleted_at IS NULL) AS last_meeting,
    (SELECT CASE WHEN p.next_meeting_at > (SELECT max(m.held_at) FROM meetings m
            WHERE m.family_id = f.id AND m.deleted_at IS NULL) THEN p.next_meeting_at END
        FROM meetings p WHERE p.family_id = f.id AND p.deleted_at IS NULL
        AND p.next_meeting_at IS NOT NULL ORDER BY p.held_at DESC, p.id DESC LIMIT 1)
        AS next_meeting
FROM families f;

INSERT INTO family_totals_refresh SELECT id FROM families;
