-- Inertia's first schema (SQLite). Times are Unix milliseconds (UTC) in both engines, so one set of
-- queries serves SQLite and PostgreSQL alike. Ids are 64-bit (INTEGER PRIMARY KEY is the rowid).

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL,
    -- The name folded to lower case by the application, so that both engines compare names alike.
    username_key  TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0,
    is_disabled   INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    -- Changes whenever the password changes or the account is disabled: sessions issued before end.
    security_stamp TEXT   NOT NULL DEFAULT '',
    -- Reading settings (see Accounts/UserSettings).
    language          TEXT,
    theme             TEXT    NOT NULL DEFAULT 'system',
    entries_per_page  INTEGER NOT NULL DEFAULT 50,
    oldest_first      INTEGER NOT NULL DEFAULT 0,
    mark_read_on      TEXT    NOT NULL DEFAULT 'open',
    show_read         INTEGER NOT NULL DEFAULT 1,
    time_zone         TEXT    NOT NULL DEFAULT 'UTC'
);

CREATE TABLE folders (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, title)
);

-- A feed is fetched once however many users follow it; the columns after created_at are its fetch state.
CREATE TABLE feeds (
    id                     INTEGER PRIMARY KEY,
    url                    TEXT    NOT NULL UNIQUE,
    site_url               TEXT,
    title                  TEXT,
    description            TEXT,
    language               TEXT,
    format                 TEXT,
    image_url              TEXT,
    created_at             INTEGER NOT NULL,
    etag                   TEXT,
    last_modified          TEXT,
    body_hash              TEXT,
    last_fetched_at        INTEGER,
    last_success_at        INTEGER,
    -- When a body was last parsed: entries seen then are still listed by the feed (retention keeps them).
    last_parsed_at         INTEGER,
    next_check_at          INTEGER NOT NULL,
    check_interval_seconds INTEGER NOT NULL,
    error_count            INTEGER NOT NULL DEFAULT 0,
    last_error             TEXT,
    last_status            INTEGER,
    is_gone                INTEGER NOT NULL DEFAULT 0,
    lease_owner            TEXT,
    lease_until            INTEGER,
    -- When to look for the site's icon (again); NULL: never looked. feed_icons holds it once found, and
    -- icon_hash names that version (pages link /icons/ID?v=HASH, which browsers may keep for good).
    icon_next_check_at     INTEGER,
    icon_hash              TEXT
);
-- Partial indexes use the same predicates as the queries (NOT is_gone), or SQLite will not use them.
CREATE INDEX feeds_due ON feeds (next_check_at) WHERE NOT is_gone;

-- A user's following of a feed: their own title, folder and settings.
CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    folder_id  INTEGER REFERENCES folders (id) ON DELETE SET NULL,
    title      TEXT,
    created_at INTEGER NOT NULL,
    -- Kept by triggers on entry_states, so that counts cost nothing to show.
    unread_count  INTEGER NOT NULL DEFAULT 0,
    starred_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, feed_id)
);
CREATE INDEX subscriptions_feed ON subscriptions (feed_id);

-- An entry is stored once per feed; guid is the parser's identity (unique per feed).
CREATE TABLE entries (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid         TEXT    NOT NULL,
    url          TEXT,
    title        TEXT,
    -- Plain text from the start of the summary or content, for lists.
    snippet      TEXT,
    authors      TEXT,
    published_at INTEGER NOT NULL,
    updated_at   INTEGER,
    created_at   INTEGER NOT NULL,
    changed_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    categories   TEXT,
    enclosures   TEXT,
    comments_url TEXT,
    image_url    TEXT,
    language     TEXT,
    hash         TEXT    NOT NULL,
    -- The large columns last: SQLite reads a row's columns in order, and a list needs only the small ones.
    summary      TEXT,
    content      TEXT,
    UNIQUE (feed_id, guid)
);
CREATE INDEX entries_feed_published ON entries (feed_id, published_at DESC, id DESC);

-- Per-user state of every entry of every feed the user follows (a row per user and entry). The entry's
-- publication time is copied here so that every list a reader sees is one range of one index, newest or
-- oldest first, without a sort (keyset pagination on (published_at, entry_id)). created_at is when the
-- entry reached this user: "mark all read" spares what arrived after the list was shown.
CREATE TABLE entry_states (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry_id     INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    feed_id      INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    is_read      INTEGER NOT NULL DEFAULT 0,
    read_at      INTEGER,
    is_starred   INTEGER NOT NULL DEFAULT 0,
    starred_at   INTEGER,
    PRIMARY KEY (user_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX entry_states_all ON entry_states (user_id, published_at, entry_id);
CREATE INDEX entry_states_unread ON entry_states (user_id, published_at, entry_id) WHERE NOT is_read;
CREATE INDEX entry_states_feed ON entry_states (user_id, feed_id, published_at, entry_id);
CREATE INDEX entry_states_starred ON entry_states (user_id, published_at, entry_id) WHERE is_starred;
CREATE INDEX entry_states_entry ON entry_states (entry_id);

-- subscriptions.unread_count and starred_count follow entry_states, whichever path changes them (merge,
-- reading, retention, cascades), so that they can never drift.
CREATE TRIGGER entry_states_counted_insert AFTER INSERT ON entry_states WHEN NOT NEW.is_read OR NEW.is_starred
BEGIN
    UPDATE subscriptions
    SET unread_count = unread_count + CASE WHEN NEW.is_read THEN 0 ELSE 1 END,
        starred_count = starred_count + CASE WHEN NEW.is_starred THEN 1 ELSE 0 END
    WHERE user_id = NEW.user_id AND feed_id = NEW.feed_id;
END;
CREATE TRIGGER entry_states_counted_delete AFTER DELETE ON entry_states WHEN NOT OLD.is_read OR OLD.is_starred
BEGIN
    UPDATE subscriptions
    SET unread_count = unread_count - CASE WHEN OLD.is_read THEN 0 ELSE 1 END,
        starred_count = starred_count - CASE WHEN OLD.is_starred THEN 1 ELSE 0 END
    WHERE user_id = OLD.user_id AND feed_id = OLD.feed_id;
END;
CREATE TRIGGER entry_states_counted_update AFTER UPDATE OF is_read, is_starred ON entry_states
WHEN OLD.is_read <> NEW.is_read OR OLD.is_starred <> NEW.is_starred
BEGIN
    UPDATE subscriptions
    SET unread_count = unread_count + CASE WHEN OLD.is_read = NEW.is_read THEN 0 WHEN NEW.is_read THEN -1 ELSE 1 END,
        starred_count = starred_count + CASE WHEN OLD.is_starred = NEW.is_starred THEN 0 WHEN NEW.is_starred THEN 1 ELSE -1 END
    WHERE user_id = NEW.user_id AND feed_id = NEW.feed_id;
END;

-- A site's icon, fetched once through the guarded fetcher and served from here.
CREATE TABLE feed_icons (
    feed_id      INTEGER PRIMARY KEY REFERENCES feeds (id) ON DELETE CASCADE,
    content_type TEXT    NOT NULL,
    data         BLOB    NOT NULL,
    hash         TEXT    NOT NULL,
    fetched_at   INTEGER NOT NULL
);

-- ASP.NET Core Data Protection keys (they sign session cookies and anti-forgery tokens), shared by every
-- process on the database so that any of them can read the others' cookies.
CREATE TABLE data_protection_keys (
    name TEXT PRIMARY KEY,
    xml  TEXT NOT NULL
);
