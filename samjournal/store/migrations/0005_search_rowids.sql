-- Search rows get their family packed into the FTS rowid: family << 39 | entity << 36 | id
-- (records/base.py, search_rowid). Which families match a prefix is then read from the index
-- alone, instead of fetching the family_id column from FTS5's content table row by row, which
-- made a two-letter search on a large journal take a third of a second.
-- Before: entity << 40 | id.
UPDATE search_index
SET rowid = (family_id << 39) | ((rowid >> 40) << 36) | (rowid & 1099511627775);
