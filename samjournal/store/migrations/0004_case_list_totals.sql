-- The case list's per-family figures, stored and kept up to date by triggers, so opening the
-- list reads one small row per family instead of every family's needs, payments and meetings.
-- Its cost stays flat as the years of payments grow, and a cold first read after unlock decrypts
-- a few hundred pages instead of thousands.

-- What the figures are, computed from the records: the one definition. For one family it is a
-- few lookups in the covering indexes of 0003. The statuses are model.OPEN_NEED_STATUSES and the
-- payment statuses that count against the budget (tests/samjournal/test_case_list_totals.py
-- checks both against the model).
CREATE VIEW family_figures AS
SELECT f.id AS family_id,
    (SELECT count(*) FROM needs n WHERE n.family_id = f.id AND n.deleted_at IS NULL
        AND n.status IN ('agreed', 'in_progress', 'raised')) AS open_needs,
    (SELECT coalesce(sum(p.amount_ore), 0) FROM payments p WHERE p.family_id = f.id
        AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')) AS used_ore,
    (SELECT max(m.held_at) FROM meetings m WHERE m.family_id = f.id
        AND m.deleted_at IS NULL) AS last_meeting,
    (SELECT m.next_meeting_at FROM meetings m WHERE m.family_id = f.id
        AND m.deleted_at IS NULL ORDER BY m.held_at DESC LIMIT 1) AS next_meeting
FROM families f;

-- The stored copy, in the view's column order (Families.stale_totals compares the two).
CREATE TABLE family_totals (
    family_id    INTEGER PRIMARY KEY REFERENCES families(id) ON DELETE CASCADE,
    open_needs   INTEGER NOT NULL,
    used_ore     INTEGER NOT NULL,
    last_meeting TEXT,
    next_meeting TEXT
) WITHOUT ROWID;

-- Inserting a family id here stores that family's figures afresh: every trigger below does only
-- that, so how a figure is computed is said once, in the view. Delete, then insert: a conflict
-- clause here could be overridden by the statement that fired the trigger.
CREATE VIEW family_totals_refresh AS SELECT family_id FROM family_totals;
CREATE TRIGGER family_totals_refresh INSTEAD OF INSERT ON family_totals_refresh BEGIN
    DELETE FROM family_totals WHERE family_id = NEW.family_id;
    INSERT INTO family_totals SELECT * FROM family_figures WHERE family_id = NEW.family_id;
END;

INSERT INTO family_totals_refresh SELECT id FROM families;

CREATE TRIGGER family_totals_family AFTER INSERT ON families BEGIN
    INSERT INTO family_totals_refresh VALUES (NEW.id);
END;

-- Each table: a new row, a change to a column a figure reads (for both families, should a row
-- ever move), and a deleted row.
CREATE TRIGGER family_totals_needs_insert AFTER INSERT ON needs BEGIN
    INSERT INTO family_totals_refresh VALUES (NEW.family_id);
END;
CREATE TRIGGER family_totals_needs_update
AFTER UPDATE OF family_id, status, deleted_at ON needs BEGIN
    INSERT INTO family_totals_refresh SELECT OLD.family_id UNION SELECT NEW.family_id;
END;
CREATE TRIGGER family_totals_needs_delete AFTER DELETE ON needs BEGIN
    INSERT INTO family_totals_refresh VALUES (OLD.family_id);
END;

CREATE TRIGGER family_totals_payments_insert AFTER INSERT ON payments BEGIN
    INSERT INTO family_totals_refresh VALUES (NEW.family_id);
END;
CREATE TRIGGER family_totals_payments_update
AFTER UPDATE OF family_id, status, amount_ore, deleted_at ON payments BEGIN
    INSERT INTO family_totals_refresh SELECT OLD.family_id UNION SELECT NEW.family_id;
END;
CREATE TRIGGER family_totals_payments_delete AFTER DELETE ON payments BEGIN
    INSERT INTO family_totals_refresh VALUES (OLD.family_id);
END;

CREATE TRIGGER family_totals_meetings_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO family_totals_refresh VALUES (NEW.family_id);
END;
CREATE TRIGGER family_totals_meetings_update
AFTER UPDATE OF family_id, held_at, next_meeting_at, deleted_at ON meetings BEGIN
    INSERT INTO family_totals_refresh SELECT OLD.family_id UNION SELECT NEW.family_id;
END;
CREATE TRIGGER family_totals_meetings_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO family_totals_refresh VALUES (OLD.family_id);
END;
