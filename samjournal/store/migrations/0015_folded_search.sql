-- Search finds a name however its Norwegian letters are typed: "odegard" and "oedegaard" find
-- Ødegård, "aasen" finds Åsen (outside review s11). The tokenizer's remove_diacritics folds å but
-- not ø or æ, and no tokenizer folds aa or oe, so the index now holds a folded copy of each text
-- (samjournal/folding.py; search_fold is that function, registered on every connection by
-- store/db.py), and only that copy is indexed. The text as written stays beside it, unindexed,
-- for what a hit shows.
CREATE VIRTUAL TABLE search_folded USING fts5(
    body UNINDEXED,
    folded,
    family_id UNINDEXED,
    entity UNINDEXED,
    entity_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO search_folded (rowid, body, folded, family_id, entity, entity_id)
SELECT rowid, body, search_fold(body), family_id, entity, entity_id FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_folded RENAME TO search_index;
