-- A reader's own labels on entries (many per entry). label is as the reader wrote it; label_key is the same name
-- folded by the application (Search/SearchText.Fold), so that both engines compare names alike and "Rust" and
-- "rust" are one label. A label goes with the reader's state row: unsubscribing, retention and deleting the
-- account take it away.
CREATE TABLE entry_labels (
    user_id    INTEGER NOT NULL,
    entry_id   INTEGER NOT NULL,
    label      TEXT    NOT NULL,
    label_key  TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, entry_id, label_key),
    FOREIGN KEY (user_id, entry_id) REFERENCES entry_states (user_id, entry_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entry_labels_label ON entry_labels (user_id, label_key, entry_id);

-- A reader's saved searches: a name and a query in the search language (docs/search.md), shown in the sidebar with
-- the number of unread entries that match, each with its own page and private feeds.
CREATE TABLE saved_searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    name_key   TEXT    NOT NULL,
    query      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, name_key)
);
