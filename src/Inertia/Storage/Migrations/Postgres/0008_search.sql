-- The search index (docs/search.md). One row per entry: a tsvector built by the application from the terms that
-- Search/SearchText makes of the entry's fields (words; pairs of characters for Chinese, Japanese, Korean and
-- Thai), with positions for phrases and weights for fields (A title, B author, C tags, D text). PostgreSQL's
-- own parsers cannot split Chinese, so none of them is used: the vector is given as a literal.
CREATE TABLE entry_search (
    entry_id BIGINT PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    doc      tsvector NOT NULL
);
CREATE INDEX entry_search_doc ON entry_search USING gin (doc);

-- Entries stored before the index existed are indexed after the migration, in order of id, by the running
-- application (Search/SearchIndexer): this row says how far it has come, and goes when it is done.
CREATE TABLE search_backfill (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    next_entry_id BIGINT  NOT NULL,
    last_entry_id BIGINT  NOT NULL
);
INSERT INTO search_backfill (id, next_entry_id, last_entry_id)
SELECT 1, MIN(id), MAX(id) FROM entries HAVING COUNT(*) > 0;
