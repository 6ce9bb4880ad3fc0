-- A reader's own labels on entries (many per entry). label is as the reader wrote it; label_key is the same name
-- folded by the application (Search/SearchText.Fold), so that both engines compare names alike and "Rust" and
-- "rust" are one label. A label goes with the reader's state row: unsubscribing, retention and deleting the
-- account take it away.
CREATE TABLE entry_labels (
    user_id    BIGINT NOT NULL,
    entry_id   BIGINT NOT NULL,
    label      TEXT   NOT NULL,
    label_key  TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, entry_id, label_key),
    FOREIGN KEY (user_id, entry_id) REFERENCES entry_states (user_id, entry_id) ON DELETE CASCADE
);
CREATE INDEX entry_labels_label ON entry_labels (user_id, label_key, entry_id);
