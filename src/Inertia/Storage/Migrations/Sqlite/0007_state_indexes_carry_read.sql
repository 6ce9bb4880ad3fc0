-- The two date indexes, unread and read, carry is_read as well. SQLite does not take a partial index's WHERE
-- as proof of what its rows hold, so a walk that reads only published_at and entry_id (the Google Reader API's
-- id lists, 10,000 ids a page) still read every row from the table to check is_read; with the column in the
-- index the walk never leaves it. The column costs one byte per entry (0 and 1 are stored in the record
-- header alone). PostgreSQL needs no such change: a partial index's predicate columns do not keep it from an
-- index-only scan.
DROP INDEX entry_states_unread;
CREATE INDEX entry_states_unread ON entry_states (user_id, published_at, entry_id, is_read) WHERE NOT is_read;
DROP INDEX entry_states_read;
CREATE INDEX entry_states_read ON entry_states (user_id, published_at, entry_id, is_read) WHERE is_read;
