-- OPML imports run in the background; their progress is kept here so that a reload, or another process on
-- the same database, shows it. An import whose process stopped (its heartbeat went stale) reads as interrupted.
CREATE TABLE opml_imports (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name    TEXT    NOT NULL,
    -- queued, running, done or interrupted.
    status       TEXT    NOT NULL,
    -- The process working on it, and when that process last said it still was.
    owner        TEXT    NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    finished_at  INTEGER
);
CREATE INDEX opml_imports_user ON opml_imports (user_id, id);

-- One row per feed of the file, in file order; outcome is NULL until the feed is done.
CREATE TABLE opml_import_items (
    import_id INTEGER NOT NULL REFERENCES opml_imports (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    feed_url  TEXT    NOT NULL,
    title     TEXT,
    folder    TEXT,
    -- added, skipped or failed.
    outcome   TEXT,
    message   TEXT,
    PRIMARY KEY (import_id, position)
) WITHOUT ROWID;

-- The secret in the addresses of a user's private feeds (folders and starred as RSS, Atom and JSON Feed).
-- Regenerating replaces it, and every address made with the old one stops working.
CREATE TABLE feed_out_tokens (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
