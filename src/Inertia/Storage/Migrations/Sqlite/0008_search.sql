-- The search index (docs/search.md). One row per entry, its rowid the entry's id. The columns hold the terms
-- that Search/SearchText makes of the entry's fields (words; pairs of characters for Chinese, Japanese, Korean
-- and Thai), joined by spaces, so the tokenizer only splits on spaces and folds nothing further (the
-- categories keep combining marks inside terms). The table is contentless: the terms are derived text that no
-- column of entries holds, and keeping them would store every article twice; contentless_delete lets rows
-- be replaced and deleted by rowid.
CREATE VIRTUAL TABLE entry_search USING fts5 (
    title, author, tags, body,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);

-- However an entry is deleted (retention, a feed's last subscriber leaving, a user deleted), its index row goes too.
CREATE TRIGGER entries_search_delete AFTER DELETE ON entries
BEGIN
    DELETE FROM entry_search WHERE rowid = OLD.id;
END;

-- Entries stored before the index existed are indexed after the migration, in order of id, by the running
-- application (Search/SearchIndexer): this row says how far it has come, and goes when it is done.
CREATE TABLE search_backfill (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    next_entry_id INTEGER NOT NULL,
    last_entry_id INTEGER NOT NULL
);
INSERT INTO search_backfill (id, next_entry_id, last_entry_id)
SELECT 1, MIN(id), MAX(id) FROM entries HAVING COUNT(*) > 0;
