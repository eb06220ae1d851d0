-- The case list's per-family figures, kept up to date by triggers, so opening the list reads one
-- small row per family instead of every family's needs, payments and meetings. Its cost stays
-- flat as the years of payments grow, and a cold first read after unlock decrypts a few hundred
-- pages instead of thousands.
--
-- Each trigger recomputes the figure for the family it touched from the covering indexes of
-- 0003, so a total is always exactly what the aggregate query would say (Families.stale_totals
-- proves it, and the integrity check runs that proof). The status lists must match
-- model.OPEN_NEED_STATUSES and the statuses that count against the budget.

CREATE TABLE family_totals (
    family_id    INTEGER PRIMARY KEY REFERENCES families(id) ON DELETE CASCADE,
    open_needs   INTEGER NOT NULL DEFAULT 0,
    used_ore     INTEGER NOT NULL DEFAULT 0,
    last_meeting TEXT,
    next_meeting TEXT
) WITHOUT ROWID;

INSERT INTO family_totals (family_id) SELECT id FROM families;

CREATE TRIGGER family_totals_new AFTER INSERT ON families BEGIN
    INSERT INTO family_totals (family_id) VALUES (NEW.id);
END;

-- Needs: open ones, alive.
CREATE TRIGGER family_totals_needs_insert AFTER INSERT ON needs BEGIN
    UPDATE family_totals SET open_needs = (
        SELECT count(*) FROM needs n WHERE n.family_id = NEW.family_id AND n.deleted_at IS NULL
            AND n.status IN ('agreed', 'in_progress', 'raised')
    ) WHERE family_id = NEW.family_id;
END;
CREATE TRIGGER family_totals_needs_update
AFTER UPDATE OF family_id, status, deleted_at ON needs BEGIN
    UPDATE family_totals SET open_needs = (
        SELECT count(*) FROM needs n WHERE n.family_id = family_totals.family_id
            AND n.deleted_at IS NULL AND n.status IN ('agreed', 'in_progress', 'raised')
    ) WHERE family_id IN (OLD.family_id, NEW.family_id);
END;
CREATE TRIGGER family_totals_needs_delete AFTER DELETE ON needs BEGIN
    UPDATE family_totals SET open_needs = (
        SELECT count(*) FROM needs n WHERE n.family_id = OLD.family_id AND n.deleted_at IS NULL
            AND n.status IN ('agreed', 'in_progress', 'raised')
    ) WHERE family_id = OLD.family_id;
END;

-- Payments: approved or paid, alive.
CREATE TRIGGER family_totals_payments_insert AFTER INSERT ON payments BEGIN
    UPDATE family_totals SET used_ore = (
        SELECT coalesce(sum(p.amount_ore), 0) FROM payments p WHERE p.family_id = NEW.family_id
            AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')
    ) WHERE family_id = NEW.family_id;
END;
CREATE TRIGGER family_totals_payments_update
AFTER UPDATE OF family_id, status, amount_ore, deleted_at ON payments BEGIN
    UPDATE family_totals SET used_ore = (
        SELECT coalesce(sum(p.amount_ore), 0) FROM payments p
        WHERE p.family_id = family_totals.family_id
            AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')
    ) WHERE family_id IN (OLD.family_id, NEW.family_id);
END;
CREATE TRIGGER family_totals_payments_delete AFTER DELETE ON payments BEGIN
    UPDATE family_totals SET used_ore = (
        SELECT coalesce(sum(p.amount_ore), 0) FROM payments p WHERE p.family_id = OLD.family_id
            AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')
    ) WHERE family_id = OLD.family_id;
END;

-- Meetings: the latest one held, and the next meeting it planned.
CREATE TRIGGER family_totals_meetings_insert AFTER INSERT ON meetings BEGIN
    UPDATE family_totals SET
        last_meeting = (SELECT max(m.held_at) FROM meetings m
            WHERE m.family_id = NEW.family_id AND m.deleted_at IS NULL),
        next_meeting = (SELECT m.next_meeting_at FROM meetings m
            WHERE m.family_id = NEW.family_id AND m.deleted_at IS NULL
            ORDER BY m.held_at DESC LIMIT 1)
    WHERE family_id = NEW.family_id;
END;
CREATE TRIGGER family_totals_meetings_update
AFTER UPDATE OF family_id, held_at, next_meeting_at, deleted_at ON meetings BEGIN
    UPDATE family_totals SET
        last_meeting = (SELECT max(m.held_at) FROM meetings m
            WHERE m.family_id = family_totals.family_id AND m.deleted_at IS NULL),
        next_meeting = (SELECT m.next_meeting_at FROM meetings m
            WHERE m.family_id = family_totals.family_id AND m.deleted_at IS NULL
            ORDER BY m.held_at DESC LIMIT 1)
    WHERE family_id IN (OLD.family_id, NEW.family_id);
END;
CREATE TRIGGER family_totals_meetings_delete AFTER DELETE ON meetings BEGIN
    UPDATE family_totals SET
        last_meeting = (SELECT max(m.held_at) FROM meetings m
            WHERE m.family_id = OLD.family_id AND m.deleted_at IS NULL),
        next_meeting = (SELECT m.next_meeting_at FROM meetings m
            WHERE m.family_id = OLD.family_id AND m.deleted_at IS NULL
            ORDER BY m.held_at DESC LIMIT 1)
    WHERE family_id = OLD.family_id;
END;

UPDATE family_totals SET
    open_needs = (SELECT count(*) FROM needs n WHERE n.family_id = family_totals.family_id
        AND n.deleted_at IS NULL AND n.status IN ('agreed', 'in_progress', 'raised')),
    used_ore = (SELECT coalesce(sum(p.amount_ore), 0) FROM payments p
        WHERE p.family_id = family_totals.family_id
            AND p.deleted_at IS NULL AND p.status IN ('approved', 'paid')),
    last_meeting = (SELECT max(m.held_at) FROM meetings m
        WHERE m.family_id = family_totals.family_id AND m.deleted_at IS NULL),
    next_meeting = (SELECT m.next_meeting_at FROM meetings m
        WHERE m.family_id = family_totals.family_id AND m.deleted_at IS NULL
        ORDER BY m.held_at DESC LIMIT 1);
