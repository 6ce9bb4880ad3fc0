-- A reader's rules (docs/rules.md): a query in the search language, where it applies (all the reader's feeds, one
-- folder or one feed) and what it does to the entries it matches, or with keep_only to those it does not match.
-- Rules run in position order on every new entry as it arrives, and on demand on entries already stored.
-- miniflux names the Miniflux feed field (blocklist or keeplist) that the rule stands for; pattern is that field's
-- regular expression as the client set it, read back as it was. last_error says why the rule last failed (its
-- regular expression ran out of time), shown on its settings row.
CREATE TABLE rules (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    enabled       INTEGER NOT NULL DEFAULT 1,
    query         TEXT    NOT NULL,
    feed_id       INTEGER,
    folder_id     INTEGER REFERENCES folders (id) ON DELETE CASCADE,
    keep_only     INTEGER NOT NULL DEFAULT 0,
    mark_read     INTEGER NOT NULL DEFAULT 0,
    star          INTEGER NOT NULL DEFAULT 0,
    hide          INTEGER NOT NULL DEFAULT 0,
    label         TEXT,
    miniflux      TEXT,
    pattern       TEXT,
    last_error    TEXT,
    last_error_at INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    -- A rule for one feed goes when the reader unsubscribes from it.
    FOREIGN KEY (user_id, feed_id) REFERENCES subscriptions (user_id, feed_id) ON DELETE CASCADE
);
CREATE INDEX rules_user ON rules (user_id, position);
CREATE INDEX rules_folder ON rules (folder_id);

-- What rules did to a reader's entry: is_hidden keeps it out of every list (a search still finds it with
-- is:hidden); rule_id is the first rule that acted on it and rule_actions what the rules did (1 marked read,
-- 2 starred, 4 hid, 8 labelled), shown in the article view. A hidden entry is always read, so unread counts
-- and unread lists need no change; marking it unread shows it again (the trigger below).
ALTER TABLE entry_states ADD COLUMN is_hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entry_states ADD COLUMN rule_id INTEGER;
ALTER TABLE entry_states ADD COLUMN rule_actions INTEGER;

CREATE TRIGGER entry_states_unhide_unread AFTER UPDATE OF is_read ON entry_states
WHEN NEW.is_hidden AND NOT NEW.is_read
BEGIN
    UPDATE entry_states SET is_hidden = 0 WHERE user_id = NEW.user_id AND entry_id = NEW.entry_id;
END;

-- The read entries' date index leaves hidden entries out: a list of read (or all) entries that walks it says
-- NOT is_hidden, and the column rides in the index so the walk never reads the table to check it (0007).
DROP INDEX entry_states_read;
CREATE INDEX entry_states_read ON entry_states (user_id, published_at, entry_id, is_read, is_hidden) WHERE is_read AND NOT is_hidden;
-- A feed's and the starred entries' walks leave hidden entries out too, and carry the columns they check for the same reason.
DROP INDEX entry_states_feed;
CREATE INDEX entry_states_feed ON entry_states (user_id, feed_id, published_at, entry_id, is_hidden);
DROP INDEX entry_states_starred;
CREATE INDEX entry_states_starred ON entry_states (user_id, published_at, entry_id, is_starred, is_hidden) WHERE is_starred;
