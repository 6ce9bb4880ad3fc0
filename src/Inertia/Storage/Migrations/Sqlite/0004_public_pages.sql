-- The recommended-feeds directory and share links (issue 6). A directory row names a feed by its URL;
-- feed_id links it to the feed row once someone subscribed from the directory (so that a feed that later
-- moves stays linked). A feed is public while a public directory row names it.
CREATE TABLE directory_feeds (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    feed_url    TEXT    NOT NULL UNIQUE,
    site_url    TEXT,
    -- An icon chosen by an administrator; without one the feed's own site icon, else a letter.
    icon_url    TEXT,
    category    TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    is_public   INTEGER NOT NULL DEFAULT 1,
    feed_id     INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX directory_feeds_feed ON directory_feeds (feed_id);

-- Which shipped catalogs were loaded, once per database: rows an administrator removed do not come back.
CREATE TABLE directory_seeds (
    name      TEXT    PRIMARY KEY,
    seeded_at INTEGER NOT NULL
);

-- A user's share link to one entry: an unguessable code (128 random bits, base64url). Deleting the row revokes it.
CREATE TABLE shares (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, entry_id)
);
CREATE INDEX shares_entry ON shares (entry_id);
